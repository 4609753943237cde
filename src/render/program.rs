//! The program-wide parts of SPEC 9.2 that are not one item's: the
//! program's `resources` and, without a calendar, its steps on the home
//! page, and its `timeline` page, each as its own typed page data.

use super::labels;
use crate::layout::Collection;
use crate::model::{Item, Model};
use crate::routes;
use serde::Serialize;

/// One of the program's resources as the home page lists it.
#[derive(Debug, Serialize)]
pub struct Resource<'a> {
    /// e.g. `Mentoring Compact`.
    title: &'a str,
    /// The reading's page, relative to the site root.
    url: String,
    /// e.g. `Toolkit`.
    kind_label: String,
    /// e.g. `12 pages`; empty when nothing is known.
    detail: String,
}

/// The program's `resources`, in the order written.
pub fn resources(model: &Model) -> tera::Value {
    let list: Vec<Resource<'_>> = model
        .program
        .resources
        .iter()
        .map(|&i| {
            let r = &model.readings[i];
            Resource {
                title: &r.title,
                url: routes::item(
                    model,
                    Item {
                        collection: Collection::Readings,
                        index: i,
                    },
                ),
                kind_label: labels::kind(&model.program.messages, r.kind.as_str()),
                detail: labels::reading_detail(&model.program.messages, r),
            }
        })
        .collect();
    tera::Value::from_serializable(&list)
}

/// One event of the timeline page.
#[derive(Debug, Serialize)]
pub struct TimelineEntry<'a> {
    /// e.g. `2019-09-01`, for `<time datetime>`.
    date_iso: String,
    /// e.g. `Sun 1 Sep 2019`.
    date_label: String,
    /// What happened or will happen.
    title: &'a str,
    /// Where to read more, if anywhere.
    url: Option<&'a str>,
}

/// The timeline page's data: the program's timeline in date order, year by
/// year.
#[derive(Debug, Serialize)]
pub struct Timeline<'a> {
    /// Each calendar year with its events, earliest first.
    years: Vec<TimelineYear<'a>>,
}

/// The events of one calendar year.
#[derive(Debug, Serialize)]
pub struct TimelineYear<'a> {
    /// e.g. `2019`.
    year: i16,
    /// Its events in date order.
    events: Vec<TimelineEntry<'a>>,
}

/// The timeline page's data.
pub fn timeline(model: &Model) -> tera::Value {
    let mut years: Vec<TimelineYear<'_>> = Vec::new();
    // The model keeps the timeline in date order.
    for t in &model.program.timeline {
        let year = t.date.value.0.year();
        let entry = TimelineEntry {
            date_iso: t.date.value.to_string(),
            date_label: labels::date(&model.program.messages, t.date.value),
            title: &t.title,
            url: t.url.as_ref().map(|u| u.value.0.as_str()),
        };
        match years.last_mut() {
            Some(y) if y.year == year => y.events.push(entry),
            _ => years.push(TimelineYear {
                year,
                events: vec![entry],
            }),
        }
    }
    tera::Value::from_serializable(&Timeline { years })
}

/// One step of a program without a calendar, as the home page lists it.
#[derive(Debug, Serialize)]
pub struct Step<'a> {
    /// The module's title.
    title: &'a str,
    /// The module's page.
    url: String,
    /// Its one paragraph, if any.
    summary: Option<&'a str>,
}

/// The steps of a program without a calendar: its modules in `order`, of
/// year `year` or of all years (none for a program with a calendar, whose
/// pages show its sessions).
pub fn steps(model: &Model, year: Option<u8>) -> tera::Value {
    let list: Vec<Step<'_>> = if model.program.calendar {
        Vec::new()
    } else {
        model
            .modules_in_order()
            .into_iter()
            .filter(|&i| year.is_none_or(|n| model.modules[i].year == n))
            .map(|i| Step {
                title: &model.modules[i].title,
                url: routes::item(model, Item::module(i)),
                summary: model.modules[i].summary.as_deref(),
            })
            .collect()
    };
    tera::Value::from_serializable(&list)
}
