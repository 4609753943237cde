//! iCalendar files (RFC 5545) through the icalendar crate: one per session,
//! one per track year, one for the whole program. Times are written in UTC,
//! converted from the program's zone with the time zone database built into
//! the binary, so they are right across daylight-saving changes whatever the
//! machine. UIDs and DTSTAMP are set explicitly (SPEC 7): the crate's defaults
//! would be a random UUID and the clock.

use super::OutputFile;
use crate::model::{Model, Session};
use chrono::{DateTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

/// What every calendar needs to know besides the model.
#[derive(Debug, Clone)]
pub struct CalendarOptions {
    /// The base URL, if any (for URLs and the UID host).
    pub base_url: Option<String>,
    /// DTSTAMP: `SOURCE_DATE_EPOCH` when set, else `starts` at 00:00 UTC.
    pub stamp: DateTime<Utc>,
}

impl CalendarOptions {
    /// Options from the model and `SOURCE_DATE_EPOCH`.
    pub fn new(model: &Model, base_url: Option<String>) -> Self {
        let epoch = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok());
        let starts = model.program.starts.value.0;
        let fallback = Utc
            .with_ymd_and_hms(
                i32::from(starts.year()),
                starts.month() as u32,
                starts.day() as u32,
                0,
                0,
                0,
            )
            .single()
            .unwrap_or_default();
        let stamp = epoch
            .and_then(|e| Utc.timestamp_opt(e, 0).single())
            .unwrap_or(fallback);
        CalendarOptions { base_url, stamp }
    }

    fn host(&self) -> String {
        self.base_url
            .as_ref()
            .map(|u| crate::content::values::Url(u.clone()).host().to_string())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "cairn.invalid".to_string())
    }
}

/// A civil date and time in the program's zone, as UTC.
fn utc(model: &Model, date: jiff::civil::Date, time: jiff::civil::Time) -> DateTime<Utc> {
    let seconds = date
        .to_datetime(time)
        .to_zoned(model.program.tz.clone())
        .map_or(0, |z| z.timestamp().as_second());
    Utc.timestamp_opt(seconds, 0).single().unwrap_or_default()
}

fn event(model: &Model, i: usize, opts: &CalendarOptions) -> Event {
    let s: &Session = &model.sessions[i];
    let year = model.program.starts.value.0.year();
    let mut e = Event::new();
    e.uid(&format!("{}.{year:04}@{}", s.source.id, opts.host()))
        .timestamp(opts.stamp)
        .summary(&s.title)
        .starts(utc(model, s.date.value.0, s.start.0))
        .ends(utc(model, s.last_day().0, s.end.0));
    let place = match (&s.location, &s.online) {
        (Some(l), _) => Some(l.clone()),
        (None, Some(u)) => Some(u.0.clone()),
        _ => None,
    };
    if let Some(place) = place {
        e.location(&place);
    }
    let mut description = vec![super::labels::kind(s.kind.as_str())];
    if let Some(m) = s.module {
        description.push(format!("Module: {}", model.modules[m].title));
    }
    if let Some(u) = &s.online {
        description.push(format!("Online: {}", u.0));
    }
    e.description(&description.join("\n"));
    if let Some(base) = &opts.base_url {
        let page = crate::routes::item(model, crate::model::Item::session(i));
        e.url(&crate::routes::absolute(base, &page));
    }
    e.done()
}

fn calendar(
    model: &Model,
    name: &str,
    sessions: impl Iterator<Item = usize>,
    opts: &CalendarOptions,
) -> String {
    let mut cal = Calendar::new();
    cal.name(name);
    for i in sessions {
        cal.push(event(model, i, opts));
    }
    cal.done().to_string()
}

/// Every calendar file of the site.
pub fn files(model: &Model, order: &[usize], opts: &CalendarOptions) -> Vec<OutputFile> {
    let title = &model.program.title;
    let mut out = vec![OutputFile {
        path: crate::routes::CALENDAR.into(),
        bytes: calendar(model, title, order.iter().copied(), opts).into_bytes(),
    }];
    for y in &model.years {
        let sessions = order
            .iter()
            .copied()
            .filter(|&i| model.sessions[i].in_year(y.number));
        out.push(OutputFile {
            path: crate::routes::year_calendar(y.number),
            bytes: calendar(model, &format!("{title}: {}", y.title), sessions, opts).into_bytes(),
        });
    }
    for (i, s) in model.sessions.iter().enumerate() {
        out.push(OutputFile {
            path: crate::routes::session_calendar(model, i),
            bytes: calendar(model, &s.title, std::iter::once(i), opts).into_bytes(),
        });
    }
    out
}
