//! `cairn new KIND ID [--title T]`: a new content file with its kind's front
//! matter: required fields filled, optional ones as comments. Nothing depends
//! on today's date: a new session whose id starts with a date
//! (`2025-11-04-...`) takes that date; one that starts with a month
//! (`2025-11-...`) takes the first day of that month on the weekday the
//! program's sessions usually fall on (else the 1st); any other takes the
//! first day of the academic year. Blackout dates are stepped over.

use super::{Global, OK, fail};
use crate::content::{Collection, Starter};
use crate::model::Model;
use crate::pipeline::{self, Options};
use crate::site::{FileKind, is_valid_id};

/// Creates `content/<collection>/<ID>.md`.
pub fn run(global: &Global, collection: Collection, id: &str, title: Option<&str>) -> u8 {
    let kind = collection.singular();
    if !is_valid_id(id) {
        return fail(&format!(
            "`{id}` is not a valid id: use lowercase ASCII letters, digits and hyphens, e.g. `{}`",
            crate::site::suggest_id(id)
        ));
    }
    if collection == Collection::Pages && crate::routes::is_reserved_page_id(id) {
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
    let text = front_matter(collection, id, &title, checked.model.as_ref());
    let path = root
        .join("content")
        .join(collection.dir())
        .join(format!("{id}.md"));
    if let Some(dir) = path.parent()
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        return fail(&format!("cannot create {}: {e}", dir.display()));
    }
    if let Err(e) = std::fs::write(&path, text) {
        return fail(&format!("cannot write {}: {e}", path.display()));
    }
    if !global.quiet {
        eprintln!("created content/{}/{id}.md", collection.dir());
    }
    OK
}

/// `listening-first` -> `Listening first`; a leading date or month is not
/// part of the title (`2025-11-mentoring-night` -> `Mentoring night`).
fn default_title(id: &str) -> String {
    let rest = id_date(id).map_or(id, |(_, rest)| rest);
    crate::render::labels::kind(if rest.is_empty() { id } else { rest })
}

/// Year, month and maybe day, as a session id starts with them.
type IdDate = (i16, i8, Option<i8>);

/// A date a session id starts with: `2025-11-04-x` gives the day,
/// `2025-11-x` the month (day `None`); with the rest of the id.
fn id_date(id: &str) -> Option<(IdDate, &str)> {
    let mut parts = id.splitn(4, '-');
    let year: i16 = parts.next()?.parse().ok().filter(|_| id.len() >= 7)?;
    let month_part = parts.next()?;
    let month: i8 = month_part.parse().ok().filter(|_| month_part.len() == 2)?;
    if !(1000..=9999).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    let after_month = &id[8.min(id.len())..];
    let day = parts
        .next()
        .filter(|d| d.len() == 2)
        .and_then(|d| d.parse::<i8>().ok())
        .filter(|&d| jiff::civil::Date::new(year, month, d).is_ok());
    match day {
        Some(d) => Some(((year, month, Some(d)), &id[11.min(id.len())..])),
        None => Some(((year, month, None), after_month)),
    }
}

/// The date a new session `id` gets (see the module's doc).
fn session_date(model: &Model, id: &str) -> jiff::civil::Date {
    let p = &model.program;
    let blackout = |d: jiff::civil::Date| p.blackout.iter().any(|b| b.value.0 == d);
    let mut date = match id_date(id) {
        Some(((y, m, Some(d)), _)) => return jiff::civil::date(y, m, d),
        Some(((y, m, None), _)) => {
            let first = jiff::civil::date(y, m, 1);
            match usual_weekday(model) {
                Some(w) => first.nth_weekday_of_month(1, w).unwrap_or(first),
                None => first,
            }
        }
        None => p.starts.value.0,
    };
    // A blackout date: the same weekday a week on when the weekday matters.
    let step = if id_date(id).is_some() && usual_weekday(model).is_some() {
        7
    } else {
        1
    };
    while blackout(date) {
        date = date
            .checked_add(jiff::Span::new().days(step))
            .unwrap_or(date);
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

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The file's text for a new item of `collection`.
pub fn front_matter(
    collection: Collection,
    id: &str,
    title: &str,
    model: Option<&Model>,
) -> String {
    let first_module = model
        .and_then(|m| m.modules.first())
        .map(|m| m.source.id.as_str());
    let first_session = model
        .and_then(|m| m.sessions.first())
        .map(|s| s.source.id.as_str());
    let phase = model
        .and_then(|m| m.program.phases.iter().find(|p| !p.continuous))
        .map(|p| p.id.as_str());
    let date = model.map_or_else(
        || {
            id_date(id).map_or_else(
                || "YYYY-MM-DD".to_string(),
                |((y, m, d), _)| format!("{y:04}-{m:02}-{:02}", d.unwrap_or(1)),
            )
        },
        |m| session_date(m, id).to_string(),
    );
    let body = collection.starter(&Starter {
        title: &quote(title),
        date: &date,
        first_module,
        first_session,
        phase,
    });
    format!("---\n{body}---\n\nWrite the text here, in Markdown.\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_titles_come_from_the_id() {
        assert_eq!(
            id_date("2025-11-mentoring-night"),
            Some(((2025, 11, None), "mentoring-night"))
        );
        assert_eq!(
            id_date("2025-11-04-journal-club"),
            Some(((2025, 11, Some(4)), "journal-club"))
        );
        assert_eq!(id_date("2025-11"), Some(((2025, 11, None), "")));
        assert_eq!(id_date("2025-13-x"), None);
        assert_eq!(id_date("listening-first"), None);
        assert_eq!(id_date("2025-1-x"), None);
        assert_eq!(default_title("2025-11-mentoring-night"), "Mentoring night");
        assert_eq!(default_title("listening-first"), "Listening first");
    }
}
