//! How dates, times, years and kinds are written on pages. One place, so
//! every page says "Thu 18 Sep 2025" and "Years 1 and 2" the same way.

use crate::content::values::{Date, Time};
use crate::i18n::Messages;
use crate::model::Session;

/// e.g. `Thu 18 Sep 2025`.
pub fn date(m: &Messages, d: Date) -> String {
    m.date(d.0)
}

/// e.g. `September 2025`.
pub fn month(m: &Messages, year: i16, month: i8) -> String {
    m.month(year, month)
}

/// The calendar grid's column heads, Monday first: long and short names.
pub fn weekdays(m: &Messages) -> Vec<Weekday> {
    // 2024-01-01 was a Monday.
    (1..=7)
        .map(|day| {
            let d = jiff::civil::date(2024, 1, day);
            Weekday {
                long: m.weekday(d, true),
                short: m.weekday(d, false),
            }
        })
        .collect()
}

/// A weekday's names, for a column head.
#[derive(Debug, serde::Serialize)]
pub struct Weekday {
    /// e.g. `Monday`.
    pub long: String,
    /// e.g. `Mon`.
    pub short: String,
}

/// e.g. `18:00–20:00`.
pub fn times(start: Time, end: Time) -> String {
    format!("{start}–{end}")
}

/// A session's days: one date, or `Fri 10 Oct 2025 – Sat 11 Oct 2025`.
pub fn session_dates(m: &Messages, s: &Session) -> String {
    match &s.end_date {
        Some(end) if end.value > s.date.value => {
            format!("{} – {}", date(m, s.date.value), date(m, end.value))
        }
        _ => date(m, s.date.value),
    }
}

/// e.g. `Year 1`, `Years 1 and 2`, `Years 1, 2 and 3`.
pub fn years(m: &Messages, years: &[u8]) -> String {
    match years {
        [] => String::new(),
        [one] => m.fill("labels.year", &[("n", &one.to_string())]),
        [init @ .., last] => {
            let list = init
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            m.fill(
                "labels.years",
                &[("list", &list), ("last", &last.to_string())],
            )
        }
    }
}

/// A kind as the language names it: `book-club` -> `Book club`
/// (`kinds.book-club` of the table, else the kind capitalised).
pub fn kind(m: &Messages, s: &str) -> String {
    let named = m.text(&format!("kinds.{s}"));
    if named.is_empty() {
        capitalised(&s.replace('-', " "))
    } else {
        named.to_string()
    }
}

/// What is due, e.g. `Reflection`, `Self-paced`.
pub fn due_kind(m: &Messages, k: crate::model::due::DueKind) -> String {
    m.text(&format!("due.{}", k.key())).to_string()
}

/// The text with its first letter in upper case, e.g. `Residents and fellows`.
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// A reading's size and status, e.g. `220 pages, 15 minutes, optional`
/// (empty when nothing is known).
pub fn reading_detail(m: &Messages, r: &crate::model::Reading) -> String {
    let mut detail = Vec::new();
    if let Some(p) = r.pages {
        detail.push(m.plural("labels.pages", u64::from(p), &[]));
    }
    if let Some(n) = r.minutes {
        detail.push(m.plural("labels.minutes", u64::from(n), &[]));
    }
    if r.optional {
        detail.push(m.text("labels.optional").to_string());
    }
    detail.join(", ")
}

/// Who a session is for, e.g. `For mentors`; `None` for everyone.
pub fn audience(m: &Messages, a: crate::content::session::Audience) -> Option<String> {
    (a != crate::content::session::Audience::All).then(|| {
        let who = m
            .text(&format!("labels.audience.{}", a.as_str()))
            .to_string();
        m.fill("labels.for_audience", &[("audience", &who)])
    })
}

/// Whether a session is expected and whether it counts toward attendance,
/// e.g. `Required`, `Expected, not counted toward attendance`, `Optional`.
pub fn attendance<'m>(m: &'m Messages, s: &Session) -> &'m str {
    m.text(match (s.required, s.counts) {
        (true, true) => "labels.required",
        (true, false) => "labels.expected",
        (false, true) => "labels.optional_counts",
        (false, false) => "labels.optional_session",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_naturally() {
        let m = Messages::built_in("en");
        assert_eq!(
            date(&m, Date(jiff::civil::date(2025, 9, 18))),
            "Thu 18 Sep 2025"
        );
        assert_eq!(month(&m, 2025, 9), "September 2025");
        assert_eq!(years(&m, &[1, 2]), "Years 1 and 2");
        assert_eq!(years(&m, &[1, 2, 3]), "Years 1, 2 and 3");
        assert_eq!(kind(&m, "book-club"), "Book club");
    }
}
