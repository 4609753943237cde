//! What the pages show of repeating meetings and of a multi-day session's
//! hours (SPEC 9.2): each date of a series as its own row (syllabus, Next
//! up, the calendar page), a series' dates and a session's days on its
//! page, a group's meetings on its page.

use super::labels;
use crate::model::{Model, Session};
use serde::Serialize;

/// Each session's occurrences in calendar order (date, start, path): a
/// session index and which of its dates. A session without `repeats` is
/// its one date, so a site without series lists exactly `order`.
pub fn occurrences(model: &Model, order: &[usize]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = order
        .iter()
        .flat_map(|&i| (0..model.sessions[i].dates.len()).map(move |n| (i, n)))
        .collect();
    if model.sessions.iter().any(|s| s.series.is_some()) {
        out.sort_by(|&(a, na), &(b, nb)| {
            let (sa, sb) = (&model.sessions[a], &model.sessions[b]);
            (sa.dates[na], sa.start, &sa.source.path).cmp(&(
                sb.dates[nb],
                sb.start,
                &sb.source.path,
            ))
        });
    }
    out
}

/// The row of each date of a series ([`super::rows::session`] with that
/// date); empty for a session that is no series (its row is the one).
pub fn dated_rows<'a>(
    msg: &crate::i18n::Messages,
    s: &Session,
    row: &super::rows::SessionRow<'a>,
) -> Vec<super::rows::SessionRow<'a>> {
    if s.series.is_none() {
        return Vec::new();
    }
    s.dates.iter().map(|&d| row.on(msg, d)).collect()
}

/// A session page's dates and days, as the template shows them.
#[derive(Debug, Serialize)]
pub struct SessionTimes {
    /// A series' dates, e.g. `Thu 11 Sep 2025`; empty for one date.
    pub dates: Vec<String>,
    /// The rule in words, e.g. `Every month, the second Thursday`.
    pub rule: Option<String>,
    /// A multi-day session's days with their own hours.
    pub days: Vec<DayLine>,
}

/// One day of a multi-day session with `hours`.
#[derive(Debug, Serialize)]
pub struct DayLine {
    /// e.g. `Day 2: Fri 23 Jan 2026`.
    pub label: String,
    /// e.g. `08:00–17:00`.
    pub time: String,
}

/// Session `s`'s dates and days, or `None` when it has neither `repeats`
/// nor `hours` (its page then stays as it was).
pub fn session_times(msg: &crate::i18n::Messages, s: &Session) -> Option<SessionTimes> {
    if s.series.is_none() && s.day_hours.is_empty() {
        return None;
    }
    let dates = if s.series.is_some() {
        s.dates.iter().map(|&d| labels::date(msg, d)).collect()
    } else {
        Vec::new()
    };
    let days = s
        .day_hours
        .iter()
        .map(|h| {
            let day = s.day(h.day.value).unwrap_or(s.date.value);
            DayLine {
                label: msg.fill(
                    "labels.day",
                    &[
                        ("n", &h.day.value.to_string()),
                        ("date", &labels::date(msg, day)),
                    ],
                ),
                time: labels::times(h.start.value, h.end.value),
            }
        })
        .collect();
    Some(SessionTimes {
        dates,
        rule: s.series.as_ref().map(|series| rule(msg, series)),
        days,
    })
}

/// A series' rule in words, e.g. `Every month, the last Thursday, until Tue 30 Jun 2026`.
pub fn rule(msg: &crate::i18n::Messages, series: &crate::model::series::Series) -> String {
    use crate::content::repeats::{Every, Week};
    let day = msg.weekday(
        series
            .until
            .0
            .nth_weekday_of_month(1, series.weekday)
            .unwrap_or(series.until.0),
        true,
    );
    let how = match (series.every, series.week) {
        (Every::Week, _) => msg.fill("labels.every_week", &[("day", &day)]),
        (Every::TwoWeeks, _) => msg.fill("labels.every_other_week", &[("day", &day)]),
        (Every::Month, Week::Last) => msg.fill("labels.every_last", &[("day", &day)]),
        (Every::Month, Week::Nth(n)) => {
            let nth = ["first", "second", "third", "fourth"];
            let nth = nth
                .get(n as usize - 1)
                .map_or("", |k| msg.text(&format!("labels.nth.{k}")));
            msg.fill("labels.every_nth", &[("nth", nth), ("day", &day)])
        }
    };
    msg.fill(
        "labels.until",
        &[("how", &how), ("date", &labels::date(msg, series.until))],
    )
}

/// A group's meetings on its page.
#[derive(Debug, Serialize)]
pub struct GroupMeetings {
    /// The rule in words.
    pub rule: String,
    /// e.g. `12:00–13:00`.
    pub time: String,
    /// Where.
    pub place: Option<String>,
    /// Each date.
    pub dates: Vec<String>,
    /// The group's calendar, relative to the site root.
    pub calendar: String,
}

/// Group `g`'s meetings, when its `meets` is a rule.
pub fn group_meetings(model: &Model, g: usize) -> Option<GroupMeetings> {
    let m = model.groups[g].meetings.as_ref()?;
    Some(GroupMeetings {
        rule: rule(&model.program.messages, &m.series),
        time: labels::times(m.start, m.end),
        place: m.place.clone(),
        dates: m
            .dates
            .iter()
            .map(|&d| labels::date(&model.program.messages, d))
            .collect(),
        calendar: crate::routes::group_calendar(model, g),
    })
}
