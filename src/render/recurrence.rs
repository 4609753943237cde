//! The calendars of repeating meetings and of multi-day hours (SPEC 9.2),
//! through the icalendar crate: a series is one event with `RRULE` and
//! `EXDATE`, its times in the program's zone by name (`TZID`), so that
//! each meeting keeps its local hour across a daylight-saving change (a
//! rule in UTC would move it by an hour); a session with `hours` is one
//! event per day; a group's meetings are one event with its rule
//! ([`super::own_calendars`] puts it in the group's and its mentors' calendars).

use super::ics::{CalendarOptions, utc};
use crate::content::repeats::{Every, Week};
use crate::content::values::{Date, Time};
use crate::model::series::Series;
use crate::model::{Model, Session};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use icalendar::{CalendarDateTime, Component, Event, EventLike, Property};

/// Session `s`'s events made from its one `event`: the event itself, the
/// event with its rule for a series, or one per day for `hours`.
pub(super) fn events(model: &Model, s: &Session, mut e: Event) -> Vec<Event> {
    if let Some(series) = &s.series {
        rule(model, series, s.start, s.end, &mut e);
        return vec![e];
    }
    if s.day_hours.is_empty() {
        return vec![e];
    }
    let uid = e.get_uid().unwrap_or_default().to_string();
    s.day_hours
        .iter()
        .map(|h| {
            let day = s.day(h.day.value).unwrap_or(s.date.value).0;
            let mut one = e.clone();
            one.uid(&day_uid(&uid, h.day.value))
                .starts(utc(model, day, h.start.value.0))
                .ends(utc(model, day, h.end.value.0));
            one
        })
        .collect()
}

/// `ID.YYYY@HOST` as `ID-dayN.YYYY@HOST`.
fn day_uid(uid: &str, day: u32) -> String {
    match uid.rsplit_once('@').and_then(|(id, host)| {
        id.rsplit_once('.')
            .map(|(stem, year)| format!("{stem}-day{day}.{year}@{host}"))
    }) {
        Some(u) => u,
        None => format!("{uid}-day{day}"),
    }
}

/// A date and time in the program's zone, by the zone's name.
fn local(model: &Model, d: Date, t: Time) -> CalendarDateTime {
    let date = NaiveDate::from_ymd_opt(i32::from(d.0.year()), d.0.month() as u32, d.0.day() as u32)
        .unwrap_or_default();
    let time =
        NaiveTime::from_hms_opt(t.0.hour() as u32, t.0.minute() as u32, 0).unwrap_or_default();
    CalendarDateTime::WithTimezone {
        date_time: NaiveDateTime::new(date, time),
        tzid: model.program.timezone.clone(),
    }
}

/// The recurrence rule, e.g. `FREQ=MONTHLY;BYDAY=2TH;UNTIL=20260630T220000Z`.
fn rrule(model: &Model, series: &Series, start: Time) -> String {
    let day = match series.weekday {
        jiff::civil::Weekday::Monday => "MO",
        jiff::civil::Weekday::Tuesday => "TU",
        jiff::civil::Weekday::Wednesday => "WE",
        jiff::civil::Weekday::Thursday => "TH",
        jiff::civil::Weekday::Friday => "FR",
        jiff::civil::Weekday::Saturday => "SA",
        jiff::civil::Weekday::Sunday => "SU",
    };
    let how = match (series.every, series.week) {
        (Every::Week, _) => format!("FREQ=WEEKLY;BYDAY={day}"),
        (Every::TwoWeeks, _) => format!("FREQ=WEEKLY;INTERVAL=2;BYDAY={day}"),
        (Every::Month, Week::Nth(n)) => format!("FREQ=MONTHLY;BYDAY={n}{day}"),
        (Every::Month, Week::Last) => format!("FREQ=MONTHLY;BYDAY=-1{day}"),
    };
    // With a zone-named start, UNTIL is in UTC (RFC 5545, 3.3.10): the last
    // day's meeting time.
    let until = utc(model, series.until.0, start.0).format("%Y%m%dT%H%M%SZ");
    format!("{how};UNTIL={until}")
}

/// Makes `e` the series: its first date's times, the rule, the skipped dates.
fn rule(model: &Model, series: &Series, start: Time, end: Time, e: &mut Event) {
    e.starts(local(model, series.first, start))
        .ends(local(model, series.first, end))
        .add_property("RRULE", rrule(model, series, start));
    for &d in &series.skipped {
        let CalendarDateTime::WithTimezone { date_time, tzid } = local(model, d, start) else {
            continue;
        };
        e.append_multi_property(
            Property::new("EXDATE", date_time.format("%Y%m%dT%H%M%S").to_string())
                .add_parameter("TZID", &tzid)
                .done(),
        );
    }
}

/// Group `g`'s meetings as one event with its rule, when its `meets` is a
/// rule: UID `group-ID.YYYY@HOST`, in the group's calendar and in each of
/// its mentors'.
pub(super) fn group_meetings(model: &Model, g: usize, opts: &CalendarOptions) -> Option<Event> {
    let group = &model.groups[g];
    let m = group.meetings.as_ref()?;
    let mut e = opts.event(model, &format!("group-{}", group.source.id), &group.title);
    if let Some(place) = &m.place {
        e.location(place);
    }
    let mut lines = vec![super::series::rule(&model.program.messages, &m.series)];
    if let Some(url) = opts.url(
        model,
        crate::model::Item {
            collection: crate::layout::Collection::Groups,
            index: g,
        },
    ) {
        lines.push(
            model
                .program
                .messages
                .fill("ics.group_page", &[("url", &url)]),
        );
        e.url(&url);
    }
    e.description(&lines.join("\n"));
    rule(model, &m.series, m.start, m.end, &mut e);
    Some(e.done())
}
