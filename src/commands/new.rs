//! `cairn new KIND ID [--title T] [--kind K]`: a new content file with its
//! kind's front matter: required fields filled, optional ones as comments; a
//! session of the SPEC's default kind (`seminar`) unless `--kind`. Nothing
//! depends on today's date: a new session whose id starts with a date
//! (`2025-11-04-...`) takes that date, and is refused when it is a blackout
//! date (a date id is the session's date, and `check` would fail it); one
//! that starts with a month (`2025-11-...`) takes the first day of that month
//! on the weekday the program's sessions usually fall on (else its first
//! weekday, Monday to Friday); any other takes the first weekday of the
//! academic year. Blackout dates, and days a session already meets on, are
//! stepped over (a date id on one is refused, with the next free day). A date or month id
//! outside the academic year is refused too, as check would fail it.

use super::{Global, OK, fail};
use crate::content::Starter;
use crate::content::session::SessionKind;
use crate::dates::{self, weekday_name};
use crate::layout::{Collection, FileKind};
use crate::model::Model;
use crate::pipeline::{self, Options};
use crate::site::is_valid_id;
use jiff::civil::{Date, Weekday};

/// Creates `content/<collection>/<ID>.md`.
pub fn run(
    global: &Global,
    collection: Collection,
    id: &str,
    title: Option<&str>,
    session_kind: Option<SessionKind>,
) -> u8 {
    let kind = collection.singular();
    if session_kind.is_some() && collection != Collection::Sessions {
        return fail(&format!(
            "--kind is a session's kind (seminar, workshop, ...); a {kind} has none"
        ));
    }
    if !is_valid_id(id) {
        return fail(&format!(
            "`{id}` is not a valid id: use lowercase ASCII letters, digits and hyphens, e.g. `{}`",
            crate::site::suggest_id(id)
        ));
    }
    if collection == Collection::Pages && crate::layout::is_reserved_page_id(id) {
        return fail(&format!(
            "`{id}` is a page id the site uses for itself; choose another"
        ));
    }
    let root = match global.site_root() {
        Ok(root) => root,
        Err(e) => return fail(&e),
    };
    let checked = pipeline::check(&root, &Options::default());
    if checked
        .parsed
        .iter()
        .any(|p| p.kind == FileKind::Item(collection) && p.id == id)
    {
        return fail(&format!("a {kind} with the id `{id}` already exists"));
    }
    let title = title.map_or_else(|| default_title(id), str::to_string);
    let text = match front_matter(
        collection,
        id,
        &title,
        session_kind.unwrap_or_default(),
        checked.model.as_ref(),
    ) {
        Ok(text) => text,
        Err(e) => return fail(&e),
    };
    // Whole or not at all, and never over a file that appeared meanwhile.
    let rel = format!("content/{}/{id}.md", collection.dir());
    if let Err(e) = crate::user_files::create(&root, &rel, text.as_bytes()) {
        return fail(&e);
    }
    if !global.quiet {
        eprintln!("created content/{}/{id}.md", collection.dir());
    }
    OK
}

/// `listening-first` -> `Listening first`; a leading date or month is not
/// part of the title (`2025-11-mentoring-night` -> `Mentoring night`).
fn default_title(id: &str) -> String {
    let rest = id_date(id).map_or(id, |(_, _, rest)| rest);
    crate::render::labels::capitalised(&(if rest.is_empty() { id } else { rest }).replace('-', " "))
}

/// The date a session id begins with ([`dates::id_prefix`]): the day, or
/// the month's first (`false`), with the rest of the id.
fn id_date(id: &str) -> Option<(Date, bool, &str)> {
    let (date, len, full) = dates::id_prefix(id)?;
    Some((date, full, id.get(len + 1..).unwrap_or("")))
}

/// The date a new session `id` gets (see the module's doc), or why its id
/// cannot be used.
fn session_date(model: &Model, id: &str) -> Result<Date, String> {
    let p = &model.program;
    let blackout = |d: Date| p.blackout.iter().any(|b| b.value.0 == d);
    // A day a session already meets on: a new session there would overlap
    // it at the default hours (E0308).
    let meeting = |d: Date| {
        model.sessions.iter().find(|s| {
            s.dates.iter().any(|x| x.0 == d)
                || s.end_date
                    .as_ref()
                    .is_some_and(|e| s.date.value.0 <= d && d <= e.value.0)
        })
    };
    let taken = |d: Date| blackout(d) || meeting(d).is_some();
    let usual = usual_weekday(model);
    let (mut date, step_a_week) = match id_date(id) {
        Some((date, true, rest)) => {
            outside_the_year(model, id, date, true, rest)?;
            if !taken(date) {
                return Ok(date);
            }
            // The day after, kept to Monday to Friday when the date was.
            let free = next_free(date, is_weekday(date), &taken);
            let free_id = if rest.is_empty() {
                free.to_string()
            } else {
                format!("{free}-{rest}")
            };
            let why = match meeting(date) {
                Some(s) if !blackout(date) => format!(
                    "the session `{}` ({}) already meets that day, and a new one at the program's hours would overlap it (E0308)",
                    s.source.id, s.source.path
                ),
                _ => "it is a blackout date of the program (`schedule.blackout` in content/_program.md)".to_string(),
            };
            return Err(format!(
                "a session whose id starts with {date} ({}) falls on that day, but {why}; the next free day is {free} ({}): use the id `{free_id}`",
                weekday_name(date),
                weekday_name(free)
            ));
        }
        Some((first, false, rest)) => {
            outside_the_year(model, id, first, false, rest)?;
            match usual {
                Some(w) => (first.nth_weekday_of_month(1, w).unwrap_or(first), true),
                None => (first_weekday(first), false),
            }
        }
        None => (first_weekday(p.starts.value.0), false),
    };
    // A blackout date or a day a session meets: the same weekday a week on
    // when the weekday matters, else the next weekday.
    while taken(date) {
        date = if step_a_week {
            date.checked_add(jiff::Span::new().days(7)).unwrap_or(date)
        } else {
            next_free(date, true, &|_| false)
        };
        if date.year() == 9999 {
            break;
        }
    }
    Ok(date)
}

/// Refuses a date id outside the academic year, which check would fail
/// (E0304), suggesting the same month in the year (the README's quick
/// start names a month that a site `init` rolled to today's year lacks).
fn outside_the_year(
    model: &Model,
    id: &str,
    date: Date,
    has_day: bool,
    rest: &str,
) -> Result<(), String> {
    let p = &model.program;
    let month = |d: Date| d.first_of_month();
    let starts = p.starts.value.0;
    let ends = p.ends().0;
    // A month id needs only its month in the year.
    let from = if has_day { starts } else { month(starts) };
    if date >= from && date < ends {
        return Ok(());
    }
    let last = ends.yesterday().unwrap_or(ends);
    let in_year = [starts.year(), starts.year().saturating_add(1)]
        .into_iter()
        .filter_map(|y| Date::new(y, date.month(), 1).ok())
        .find(|d| *d >= month(starts) && *d < ends);
    let suggestion = in_year.map_or_else(String::new, |d| {
        let prefix = if has_day {
            let day = Date::new(d.year(), d.month(), date.day()).unwrap_or(d);
            day.to_string()
        } else {
            dates::year_month(d)
        };
        if rest.is_empty() {
            format!(", e.g. `{prefix}`")
        } else {
            format!(", e.g. `{prefix}-{rest}`")
        }
    });
    Err(format!(
        "`{id}` starts with a date outside the academic year ({starts} to {last}, from `starts` in content/_program.md), and a session takes its date from its id: use an id in that year{suggestion}, or move the year with `cairn roll`"
    ))
}

fn is_weekday(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// `date`, or the first Monday to Friday after it.
fn first_weekday(date: Date) -> Date {
    if is_weekday(date) {
        date
    } else {
        next_free(date, true, &|_| false)
    }
}

/// The first day after `date` that is no blackout (and a weekday when
/// `weekdays_only`); `date` itself at the end of the calendar.
fn next_free(date: Date, weekdays_only: bool, blackout: &dyn Fn(Date) -> bool) -> Date {
    let mut day = date;
    while let Ok(next) = day.tomorrow() {
        day = next;
        if !blackout(day) && (!weekdays_only || is_weekday(day)) {
            return day;
        }
    }
    date
}

/// The weekday most of the program's sessions fall on (the earliest weekday
/// on a tie), if it has sessions.
fn usual_weekday(model: &Model) -> Option<jiff::civil::Weekday> {
    let mut counts = [0usize; 7];
    for s in &model.sessions {
        counts[s.date.value.0.weekday().to_monday_zero_offset() as usize] += 1;
    }
    let (best, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))?;
    (n > 0).then(|| jiff::civil::Weekday::from_monday_zero_offset(best as i8).ok())?
}

/// `s` as a YAML double-quoted scalar: JSON's escapes (a subset of YAML's),
/// and `\uXXXX` for each character YAML may not hold raw, which JSON
/// leaves as is (DEL, the C1 controls, U+FEFF, U+FFFE, U+FFFF) and for the
/// line and paragraph separators.
fn quote(s: &str) -> String {
    let json = serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if matches!(
            c,
            '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        ) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The file's text for a new item of `collection`, or why its id cannot be
/// used (a session's date id on a blackout date).
pub fn front_matter(
    collection: Collection,
    id: &str,
    title: &str,
    session_kind: SessionKind,
    model: Option<&Model>,
) -> Result<String, String> {
    let first_module = model
        .and_then(|m| m.modules.first())
        .map(|m| m.source.id.as_str());
    let first_session = model
        .and_then(|m| m.sessions.first())
        .map(|s| s.source.id.as_str());
    let phase = model
        .and_then(|m| m.program.phases.iter().find(|p| !p.continuous))
        .map(|p| p.id.as_str());
    let date = match model {
        Some(m) if collection == Collection::Sessions => session_date(m, id)?.to_string(),
        _ => id_date(id).map_or_else(
            || "YYYY-MM-DD".to_string(),
            |(date, full, _)| if full { date } else { first_weekday(date) }.to_string(),
        ),
    };
    let body = collection.starter(&Starter {
        title: &quote(title),
        date: &date,
        first_module,
        first_session,
        phase,
        session_kind,
    });
    Ok(format!(
        "---\n{body}---\n\nWrite the text here, in Markdown.\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_titles_come_from_the_id() {
        use jiff::civil::date;
        assert_eq!(
            id_date("2025-11-mentoring-night"),
            Some((date(2025, 11, 1), false, "mentoring-night"))
        );
        assert_eq!(
            id_date("2025-11-04-journal-club"),
            Some((date(2025, 11, 4), true, "journal-club"))
        );
        assert_eq!(id_date("2025-11"), Some((date(2025, 11, 1), false, "")));
        assert_eq!(id_date("2025-13-x"), None);
        assert_eq!(id_date("listening-first"), None);
        assert_eq!(id_date("2025-1-x"), None);
        // No date, as roll reads it: roll would never rename such an id.
        assert_eq!(id_date("2025-02-30-x"), None);
        assert_eq!(default_title("2025-11-mentoring-night"), "Mentoring night");
        assert_eq!(default_title("listening-first"), "Listening first");
    }

    #[test]
    fn titles_are_quoted_as_yaml_reads_them() {
        assert_eq!(
            quote("A \"b\" \u{7f}\u{85}"),
            "\"A \\\"b\\\" \\u007f\\u0085\""
        );
    }
}
