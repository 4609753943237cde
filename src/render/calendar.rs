//! iCalendar files (RFC 5545) through the icalendar crate: one per session,
//! one per track year, one for the whole program. The year and program
//! calendars also hold every due item (prompts, self-paced work, readings at
//! their session, project milestones) as an all-day event. Times are written in UTC,
//! converted from the program's zone with the time zone database built into
//! the binary, so they are right across daylight-saving changes whatever the
//! machine. UIDs and DTSTAMP are set explicitly (SPEC 7): the crate's defaults
//! would be a random UUID and the clock.

use super::OutputFile;
use crate::content::values::Date;
use crate::model::due::{Due, DueKind};
use crate::model::{Item, Model, Session};
use chrono::NaiveDate;
use icalendar::{Calendar, Component, Event, EventLike};

pub use super::ics::CalendarOptions;
pub(super) use super::ics::utc;

/// The session's event: when and where, and in its description what a
/// trainee needs (SPEC 8, Calendars): the place and online link, module and
/// phase, speakers, what to read and reflect on, the page's URL.
fn event(model: &Model, i: usize, opts: &CalendarOptions) -> Event {
    let s: &Session = &model.sessions[i];
    let mut e = opts.event(model, &s.source.id, &s.title);
    e.starts(utc(model, s.date.value.0, s.start.0))
        .ends(utc(model, s.last_day().0, s.end.0));
    let place = match (&s.location, &s.online) {
        (Some(l), _) => Some(l.clone()),
        (None, Some(u)) => Some(u.0.clone()),
        _ => None,
    };
    if let Some(place) = place {
        e.location(&place);
    }
    let msg = &*model.program.messages;
    let mut lines = vec![kind_and_years(
        model,
        &super::labels::kind(msg, s.kind.as_str()),
        &s.years,
    )];
    if let Some(l) = &s.location {
        lines.push(msg.fill("ics.where", &[("place", l)]));
    }
    if let Some(u) = &s.online {
        lines.push(msg.fill("ics.online", &[("url", &u.0)]));
    }
    if let Some(m) = s.module {
        let module = &model.modules[m];
        lines.push(msg.fill("ics.module", &[("title", &module.title)]));
        if let Some(p) = module.phase {
            lines.push(msg.fill("ics.phase", &[("title", &model.program.phases[p].title)]));
        }
    }
    let names = |people: &[usize]| {
        people
            .iter()
            .map(|&p| model.people[p].name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !s.speakers.is_empty() {
        lines.push(msg.fill("ics.speakers", &[("names", &names(&s.speakers))]));
    }
    if !s.facilitators.is_empty() {
        lines.push(msg.fill("ics.facilitators", &[("names", &names(&s.facilitators))]));
    }
    if !s.readings.is_empty() {
        lines.push(msg.text("ics.read_before").to_string());
        for &r in &s.readings {
            lines.push(format!("- {}", reading_line(model, r)));
        }
    }
    for p in model.prompts.iter().filter(|p| p.session == Some(i)) {
        match &p.due {
            Some(d) => lines.push(msg.fill(
                "ics.reflection_due",
                &[
                    ("title", &p.title),
                    ("date", &super::labels::date(msg, d.value)),
                ],
            )),
            None => lines.push(msg.fill("ics.reflection", &[("title", &p.title)])),
        }
    }
    if let Some(url) = opts.url(model, Item::session(i)) {
        lines.push(msg.fill("ics.session_page", &[("url", &url)]));
        e.url(&url);
    }
    e.description(&lines.join("\n"));
    e.done()
}

/// e.g. `Seminar, Years 1 and 2`; the years only on a track of several.
fn kind_and_years(model: &Model, kind: &str, years: &[u8]) -> String {
    if model.program.years > 1 && !years.is_empty() {
        format!(
            "{kind}, {}",
            super::labels::years(&model.program.messages, years)
        )
    } else {
        kind.to_string()
    }
}

/// A reading as a line, e.g. `Blindspot (25 pages, optional)`.
fn reading_line(model: &Model, r: usize) -> String {
    let r = &model.readings[r];
    let detail = super::labels::reading_detail(&model.program.messages, r);
    if detail.is_empty() {
        r.title.clone()
    } else {
        format!("{} ({detail})", r.title)
    }
}

/// A due item's all-day event (SPEC 8, Trainee view): UID
/// `due-STEM.YYYY@HOST`, beside the sessions' `SESSION-ID.YYYY@HOST`.
/// It does not block time (`TRANSP:TRANSPARENT`).
fn due_event(model: &Model, due: &Due, opts: &CalendarOptions) -> Event {
    let day = naive(due.date);
    let t = &*model.program.messages;
    let summary = match (due.kind, &due.detail) {
        (DueKind::Milestone, _) => t.fill("ics.milestone", &[("title", &due.title)]),
        (_, Some(detail)) => t.fill(
            "ics.due_detail",
            &[("title", &due.title), ("detail", detail)],
        ),
        (_, None) => t.fill("ics.due", &[("title", &due.title)]),
    };
    let what = t.text(&format!("ics.what.{}", due.kind.key()));
    let mut lines = vec![kind_and_years(model, what, &due.years)];
    if due.kind == DueKind::SelfPaced {
        lines.push(t.fill("ics.module", &[("title", model.title(due.item))]));
    }
    if let Some(d) = &due.detail {
        lines.push(t.fill("ics.length", &[("detail", d)]));
    }
    if let Some(s) = due.session {
        let s = &model.sessions[s];
        let at = t.text(match due.kind {
            DueKind::Reading => "ics.at.reading",
            DueKind::Milestone => "ics.at.milestone",
            _ => "ics.at.other",
        });
        lines.push(format!(
            "{at}: {}, {}, {}",
            s.title,
            super::labels::date(t, s.date.value),
            super::labels::times(s.start, s.end)
        ));
    }
    let mut e = opts.event(model, &format!("due-{}", due.uid_stem(model)), &summary);
    e.starts(day)
        .ends(day.succ_opt().unwrap_or(day))
        .add_property("TRANSP", "TRANSPARENT");
    if let Some(url) = opts.url(model, due.item) {
        lines.push(t.fill("ics.page", &[("url", &url)]));
        e.url(&url);
    }
    e.description(&lines.join("\n"));
    e.done()
}

/// A civil date as chrono's, for an all-day `VALUE=DATE`.
fn naive(d: Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(i32::from(d.0.year()), d.0.month() as u32, d.0.day() as u32)
        .unwrap_or_default()
}

pub(super) fn calendar<'d>(
    model: &Model,
    name: &str,
    sessions: impl Iterator<Item = usize>,
    due: impl Iterator<Item = &'d Due>,
    others: impl Iterator<Item = Event>,
    opts: &CalendarOptions,
) -> String {
    let mut cal = Calendar::new();
    cal.name(name);
    for i in sessions {
        for e in super::recurrence::events(model, &model.sessions[i], event(model, i, opts)) {
            cal.push(e);
        }
    }
    for d in due {
        cal.push(due_event(model, d, opts));
    }
    for e in others {
        cal.push(e);
    }
    fold(&cal.done().to_string())
}

/// Content lines of at most 75 octets (RFC 5545, 3.1). The icalendar crate
/// folds a long line's first part at 75 octets but can leave its last
/// continuation at 76 (the space and 75 octets); this undoes its folding
/// and folds again: 75 octets, then a space and at most 74, never inside a
/// UTF-8 character nor just before a blank. Values are escaped, so a CRLF
/// and a space only ever come from folding.
pub(super) fn fold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 32);
    for line in unfolded.split_inclusive("\r\n") {
        let (mut rest, end) = line
            .strip_suffix("\r\n")
            .map_or((line, ""), |body| (body, "\r\n"));
        let mut limit = 75;
        while rest.len() > limit {
            let boundary = |mut at: usize| {
                while !rest.is_char_boundary(at) {
                    at -= 1;
                }
                at
            };
            let mut cut = boundary(limit);
            // Not just before a blank: some readers drop every leading
            // blank of a continuation line, not only the first.
            let mut earlier = cut;
            while earlier > 0 && rest[earlier..].starts_with([' ', '\t']) {
                earlier = boundary(earlier - 1);
            }
            if earlier > 0 {
                cut = earlier;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = 74;
        }
        out.push_str(rest);
        out.push_str(end);
    }
    out
}

/// The due items of the whole program: a reading that two years read at the
/// same session is one event, not two alike on one day.
pub(super) fn merged(all: &[Due]) -> Vec<Due> {
    let mut out: Vec<Due> = Vec::with_capacity(all.len());
    for d in all {
        if let Some(same) = out
            .iter_mut()
            .find(|o| o.kind == d.kind && o.item == d.item && o.date == d.date && o.nth == d.nth)
        {
            same.years.extend(&d.years);
            same.years.sort_unstable();
            same.years.dedup();
        } else {
            out.push(d.clone());
        }
    }
    out
}

/// Every calendar file of the site: the whole program's and each year's
/// (sessions and due items), and each session's own (the session alone).
pub fn files(model: &Model, order: &[usize], opts: &CalendarOptions) -> Vec<OutputFile> {
    let title = &model.program.title;
    let due = crate::model::due::all(model);
    let mut out = vec![OutputFile {
        path: crate::routes::CALENDAR.into(),
        bytes: calendar(
            model,
            title,
            order.iter().copied(),
            merged(&due).iter(),
            std::iter::empty(),
            opts,
        )
        .into_bytes(),
    }];
    for y in &model.years {
        let sessions = order
            .iter()
            .copied()
            .filter(|&i| model.sessions[i].in_year(y.number));
        out.push(OutputFile {
            path: crate::routes::year_calendar(y.number),
            bytes: calendar(
                model,
                &format!("{title}: {}", y.title),
                sessions,
                crate::model::due::in_year(&due, y.number),
                std::iter::empty(),
                opts,
            )
            .into_bytes(),
        });
    }
    out
}

/// Session `i`'s own calendar file ([`files`] has the program's and the
/// years'); made one at a time, so a big site's are never held together.
pub fn session_file(model: &Model, i: usize, opts: &CalendarOptions) -> OutputFile {
    OutputFile {
        path: crate::routes::session_calendar(model, i),
        bytes: calendar(
            model,
            &model.sessions[i].title,
            std::iter::once(i),
            std::iter::empty(),
            std::iter::empty(),
            opts,
        )
        .into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn fold_keeps_every_line_within_75_octets_and_the_content_whole() {
        for len in 60..400 {
            // ASCII, then a mix with two- and three-byte characters.
            for fill in ["a", "é", "–", "ab–", "a b ", "é –"] {
                let value: String = fill.repeat(len).chars().take(len).collect();
                let text = format!("BEGIN:VEVENT\r\nDESCRIPTION:{value}\r\nEND:VEVENT\r\n");
                // As the crate might fold it: 75, then a space and 75.
                let mut crate_like = String::new();
                for line in text.split_inclusive("\r\n") {
                    let mut rest = line.trim_end_matches("\r\n");
                    let mut first = true;
                    while rest.len() > 75 {
                        let mut cut = 75;
                        while !rest.is_char_boundary(cut) {
                            cut -= 1;
                        }
                        if !first {
                            crate_like.push(' ');
                        }
                        crate_like.push_str(&rest[..cut]);
                        crate_like.push_str("\r\n");
                        rest = &rest[cut..];
                        first = false;
                    }
                    if !first {
                        crate_like.push(' ');
                    }
                    crate_like.push_str(rest);
                    crate_like.push_str("\r\n");
                }
                let folded = fold(&crate_like);
                assert!(
                    folded.split("\r\n").all(|l| l.len() <= 75),
                    "{len} {fill}: {folded}"
                );
                assert_eq!(folded.replace("\r\n ", ""), text, "{len} {fill}");
                assert!(
                    !folded.contains("\r\n  "),
                    "{len} {fill}: no continuation starts with a blank of the value"
                );
                assert_eq!(fold(&folded), folded, "folding twice changes nothing");
            }
        }
    }
}
