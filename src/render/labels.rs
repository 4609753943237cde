//! How dates, times, years and kinds are written on pages. One place, so
//! every page says "Thu 18 Sep 2025" and "Years 1 and 2" the same way.

use crate::content::values::{Date, Time};
use crate::model::Session;

/// e.g. `Thu 18 Sep 2025`.
pub fn date(d: Date) -> String {
    d.0.strftime("%a %-d %b %Y").to_string()
}

/// e.g. `September 2025`.
pub fn month(year: i16, month: i8) -> String {
    let d = jiff::civil::date(year, month, 1);
    d.strftime("%B %Y").to_string()
}

/// e.g. `18:00–20:00`.
pub fn times(start: Time, end: Time) -> String {
    format!("{start}–{end}")
}

/// A session's days: one date, or `Fri 10 Oct 2025 – Sat 11 Oct 2025`.
pub fn session_dates(s: &Session) -> String {
    match &s.end_date {
        Some(end) if end.value > s.date.value => {
            format!("{} – {}", date(s.date.value), date(end.value))
        }
        _ => date(s.date.value),
    }
}

/// e.g. `Year 1`, `Years 1 and 2`, `Years 1, 2 and 3`.
pub fn years(years: &[u8]) -> String {
    match years {
        [] => String::new(),
        [one] => format!("Year {one}"),
        [init @ .., last] => format!(
            "Years {} and {last}",
            init.iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// `book-club` -> `Book club`.
pub fn kind(s: &str) -> String {
    capitalised(&s.replace('-', " "))
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
pub fn reading_detail(r: &crate::model::Reading) -> String {
    let mut detail = Vec::new();
    if let Some(p) = r.pages {
        detail.push(format!("{p} pages"));
    }
    if let Some(m) = r.minutes {
        detail.push(format!("{m} minutes"));
    }
    if r.optional {
        detail.push("optional".to_string());
    }
    detail.join(", ")
}

/// Who a session is for, e.g. `For mentors`; `None` for everyone.
pub fn audience(a: crate::content::session::Audience) -> Option<String> {
    (a != crate::content::session::Audience::All).then(|| format!("For {}", a.as_str()))
}

/// Whether a session is expected and whether it counts toward attendance,
/// e.g. `Required`, `Expected, not counted toward attendance`, `Optional`.
pub fn attendance(s: &Session) -> &'static str {
    match (s.required, s.counts) {
        (true, true) => "Required",
        (true, false) => "Expected, not counted toward attendance",
        (false, true) => "Optional, counts toward attendance",
        (false, false) => "Optional",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_naturally() {
        assert_eq!(
            date(Date(jiff::civil::date(2025, 9, 18))),
            "Thu 18 Sep 2025"
        );
        assert_eq!(month(2025, 9), "September 2025");
        assert_eq!(years(&[1, 2]), "Years 1 and 2");
        assert_eq!(years(&[1, 2, 3]), "Years 1, 2 and 3");
        assert_eq!(kind("book-club"), "Book club");
    }
}
