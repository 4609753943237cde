//! The data of the readings and prompts pages: the reading list by year and
//! month of first use, one reading, the prompts by due date, one prompt.

use super::{labels, rows};
use crate::layout::Collection;
use crate::model::{Item, Model};
use crate::routes;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The reading list by year and month of first use.
pub fn readings(model: &Model) -> Value {
    let mut groups: BTreeMap<(u8, i16, i8), Vec<Value>> = BTreeMap::new();
    for (i, r) in model.readings.iter().enumerate() {
        let mut row = rows::reading(model, i);
        row["authors"] = json!(r.authors.join(", "));
        row["kind_label"] = json!(labels::kind(r.kind.as_str()));
        row["optional"] = json!(r.optional);
        // Listed under each year that reads it, in the month of that year's
        // earliest session (the reading's sessions are in curriculum order).
        for year in model.year_numbers() {
            if let Some(s) = r
                .sessions
                .iter()
                .map(|&s| &model.sessions[s])
                .find(|s| s.in_year(year))
            {
                let d = s.date.value.0;
                groups
                    .entry((year, d.year(), d.month()))
                    .or_default()
                    .push(row.clone());
            }
        }
    }
    let mut groups: Vec<Value> = groups
        .into_iter()
        .map(|((y, yr, mo), readings)| json!({ "label": if model.program.years > 1 { format!("Year {y} · {}", labels::month(yr, mo)) } else { labels::month(yr, mo) }, "readings": readings }))
        .collect();
    // Readings no session lists (W0204) are still worth reading: they are
    // listed once, as resources not tied to a month.
    let resources: Vec<Value> = model
        .readings
        .iter()
        .enumerate()
        .filter(|(_, r)| r.sessions.is_empty())
        .map(|(i, r)| {
            let mut row = rows::reading(model, i);
            row["authors"] = json!(r.authors.join(", "));
            row["kind_label"] = json!(labels::kind(r.kind.as_str()));
            row
        })
        .collect();
    if !resources.is_empty() {
        groups.push(json!({ "label": "Resources", "note": "Not tied to a session: read or use them at any time.", "readings": resources }));
    }
    json!({ "groups": groups })
}

/// One reading.
pub fn reading(model: &Model, i: usize) -> Value {
    let r = &model.readings[i];
    json!({
        "reading": {
            "title": r.title, "kind_label": labels::kind(r.kind.as_str()), "authors": r.authors.join(", "),
            "published": r.published, "isbn": r.isbn, "doi": r.doi,
            "doi_url": r.doi.as_ref().map(|d| format!("https://doi.org/{}", d.0)), "url": r.url,
            "pages": r.pages, "minutes": r.minutes, "optional": r.optional,
        },
        "sessions": r.sessions.iter().map(|&s| session_link(model, s)).collect::<Vec<_>>(),
    })
}

/// A session as a link with its dates.
pub(super) fn session_link(model: &Model, s: usize) -> Value {
    json!({ "title": model.sessions[s].title, "url": routes::item(model, Item { collection: Collection::Sessions, index: s }), "date_label": labels::session_dates(&model.sessions[s]) })
}

/// Prompts by due date.
pub fn prompts(model: &Model) -> Value {
    let mut order: Vec<usize> = (0..model.prompts.len()).collect();
    order.sort_by_key(|&i| {
        (
            model.prompts[i].due.as_ref().map(|d| d.value),
            model.prompts[i].source.path.clone(),
        )
    });
    let prompts: Vec<Value> = order.iter().map(|&i| prompt_fields(model, i)).collect();
    json!({ "prompts": prompts })
}

fn prompt_fields(model: &Model, i: usize) -> Value {
    let p = &model.prompts[i];
    let mut v = rows::prompt(model, i, &p.title);
    v["session"] = p.session.map_or(Value::Null, |s| {
        rows::link(model, Collection::Sessions, s, &model.sessions[s].title)
    });
    v["module"] = p.module.map_or(Value::Null, |m| {
        rows::link(model, Collection::Modules, m, &model.modules[m].title)
    });
    v
}

/// One prompt.
pub fn prompt(model: &Model, i: usize) -> Value {
    json!({ "prompt": prompt_fields(model, i) })
}
