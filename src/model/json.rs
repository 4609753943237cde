//! `curriculum.json`: the validated model for other tools, versioned with
//! `"schema": 1`. Ids stand in for indexes; dates are `YYYY-MM-DD`, times `HH:MM`.
//! Each collection writes its own items ([`super::Entry::to_json`]), under
//! its folder's name.

use super::Model;
use crate::layout::Collection;
use serde_json::{Value, json};

/// The id of item `index` of `collection`, for a reference.
pub(super) fn id(model: &Model, collection: Collection, index: usize) -> String {
    model.list(collection).entry(index).source().id.clone()
}

/// The ids of a list of references into `collection`.
pub(super) fn ids(model: &Model, collection: Collection, indexes: &[usize]) -> Vec<String> {
    indexes.iter().map(|&i| id(model, collection, i)).collect()
}

/// The model as JSON (schema 1).
pub fn to_json(model: &Model) -> Value {
    let mut out = json!({
        "schema": 1,
        "program": program(model),
        "years": model.years.iter().map(|y| json!({"number": y.number, "title": y.title, "summary": y.summary})).collect::<Vec<_>>(),
    });
    for c in Collection::ALL {
        let list = model.list(c);
        out[c.dir()] = (0..list.len())
            .map(|i| list.entry(i).to_json(model))
            .collect();
    }
    out
}

fn program(model: &Model) -> Value {
    let p = &model.program;
    let mut out = json!({
        "title": p.title,
        "institution": p.institution,
        "tagline": p.tagline,
        "language": p.language,
        "years": p.years,
        "starts": p.starts.value,
        "ends": p.ends(),
        "timezone": p.timezone,
        "schedule": { "start": p.start, "end": p.end,
            "months": p.months.iter().map(|m| m.value.0).collect::<Vec<_>>(),
            "blackout": p.blackout.iter().map(|d| d.value).collect::<Vec<_>>() },
        "phases": p.phases.iter().map(|ph| json!({"id": ph.id, "title": ph.title, "summary": ph.summary, "continuous": ph.continuous})).collect::<Vec<_>>(),
        "sequence": p.sequence,
        "attendance_minimum": p.attendance_minimum.as_ref().map(|m| m.value),
        "max_pages_per_month": p.max_pages_per_month.as_ref().map(|m| m.value),
        "max_minutes_per_month": p.max_minutes_per_month.as_ref().map(|m| m.value),
        "competencies": p.competencies,
        "base_url": p.base_url,
        "contact": p.contact,
        "portable": p.portable,
        "eligibility": p.eligibility,
        "cohort_size": p.cohort_size,
        "application": p.application,
        "endorsement": p.endorsement,
        "audience": p.audience,
        "outcomes": p.outcomes.iter().map(|o| &o.value).collect::<Vec<_>>(),
        "publish_participants": p.publish_participants,
        "brand": {
            "logo": p.brand.logo.as_ref().map(|l| l.value.clone()),
            "accent": p.brand.accent.as_ref().map(|c| c.value.to_string()),
            "accent_dark": p.brand.dark().map(|c| c.to_string()),
            "image": p.brand.image.as_ref().map(|l| l.value.clone()),
        },
    });
    // SPEC 9.2's fields, written only when used: the file of a program
    // without them stays as it was.
    if !p.calendar {
        out["calendar"] = json!(false);
    }
    if !p.agenda.is_empty() {
        out["schedule"]["agenda"] = json!(p.agenda.iter().map(|a| &a.value).collect::<Vec<_>>());
    }
    if !p.timeline.is_empty() {
        out["timeline"] = json!(p.timeline);
    }
    if !p.resources.is_empty() {
        out["resources"] = json!(ids(model, Collection::Readings, &p.resources));
    }
    out
}
