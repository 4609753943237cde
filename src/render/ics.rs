//! What every calendar file needs besides the model, shared by the session,
//! year and program calendars (`calendar.rs`) and by series and group
//! meetings (`recurrence.rs`): the base URL and DTSTAMP, the UID host, and
//! a time of the program's zone as UTC.

use crate::model::{Item, Model};
use chrono::{DateTime, TimeZone, Utc};
use icalendar::{Component, Event};

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

    pub(crate) fn host(&self) -> String {
        self.base_url
            .as_ref()
            .map(|u| crate::content::values::Url(u.clone()).host().to_string())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "cairn.invalid".to_string())
    }

    /// YYYY of the UIDs: the year of `starts`.
    pub(crate) fn year(model: &Model) -> String {
        format!("{:04}", model.program.starts.value.0.year())
    }

    /// A new event of the program's year: UID `STEM.YYYY@HOST`, DTSTAMP and
    /// SUMMARY (SPEC 8, Calendars: UIDs stable across builds).
    pub(crate) fn event(&self, model: &Model, stem: &str, summary: &str) -> Event {
        let mut e = Event::new();
        e.uid(&format!("{stem}.{}@{}", Self::year(model), self.host()))
            .timestamp(self.stamp)
            .summary(summary);
        e
    }

    /// An item page's absolute URL, when the base URL is known.
    pub(crate) fn url(&self, model: &Model, item: Item) -> Option<String> {
        self.base_url
            .as_ref()
            .map(|base| crate::routes::absolute(base, &crate::routes::item(model, item)))
    }
}

/// A civil date and time in the program's zone, as UTC.
pub(crate) fn utc(
    model: &Model,
    date: jiff::civil::Date,
    time: jiff::civil::Time,
) -> DateTime<Utc> {
    let seconds = date
        .to_datetime(time)
        .to_zoned(model.program.tz.clone())
        .map_or(0, |z| z.timestamp().as_second());
    Utc.timestamp_opt(seconds, 0).single().unwrap_or_default()
}
