//! The shapes many pages share (a session row, a link, a reading line), built
//! once per item and reused by every page that shows it. URLs are relative to
//! the site root; templates prefix them with `root`.

use super::labels;
use crate::layout::Collection;
use crate::model::Item;
use crate::model::{Model, Session};
use crate::routes;
use serde_json::{Value, json};

/// `{title, url}` of an item's page.
pub fn link(model: &Model, c: Collection, i: usize, title: &str) -> Value {
    json!({ "title": title, "url": routes::item(model, Item { collection: c, index: i }) })
}

/// `{title, url, detail}` of a reading, detail like `220 pages`.
pub fn reading(model: &Model, i: usize) -> Value {
    let r = &model.readings[i];
    json!({ "title": r.title, "url": routes::item(model, Item { collection: Collection::Readings, index: i }), "detail": labels::reading_detail(r) })
}

/// Each session's prompts (by session index), found in one pass.
pub fn prompts_by_session(model: &Model) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); model.sessions.len()];
    for (i, p) in model.prompts.iter().enumerate() {
        if let Some(s) = p.session {
            out[s].push(i);
        }
    }
    out
}

/// Prompts of a session, as `{title, url, due_label}`.
pub fn prompts_of_session(model: &Model, prompts: &[usize]) -> Vec<Value> {
    prompts
        .iter()
        .map(|&i| prompt(model, i, &model.prompts[i].title))
        .collect()
}

/// `{title, url, due_label}` of a prompt.
pub fn prompt(model: &Model, i: usize, title: &str) -> Value {
    let p = &model.prompts[i];
    json!({
        "title": title,
        "url": routes::item(model, Item { collection: Collection::Prompts, index: i }),
        "due_label": p.due.as_ref().map(|d| labels::date(d.value)),
    })
}

/// The row every session list shows; `prompts` are the session's prompts.
pub fn session(model: &Model, i: usize, prompts: &[usize]) -> Value {
    let s: &Session = &model.sessions[i];
    let module = s
        .module
        .map(|m| link(model, Collection::Modules, m, &model.modules[m].title));
    let phase = s.module.and_then(|m| model.modules[m].phase).map(
        |p| json!({ "id": model.program.phases[p].id, "title": model.program.phases[p].title }),
    );
    json!({
        "title": s.title,
        "url": routes::item(model, Item { collection: Collection::Sessions, index: i }),
        "kind": s.kind.as_str(),
        "kind_label": labels::kind(s.kind.as_str()),
        "date_label": labels::session_dates(s),
        "date_iso": s.date.value.to_string(),
        "end_iso": s.last_day().to_string(),
        "time_label": labels::times(s.start, s.end),
        "years_label": if model.program.years > 1 { labels::years(&s.years) } else { String::new() },
        "module": module,
        "phase": phase,
        "speakers": s.speakers.iter().map(|&p| link(model, Collection::People, p, &model.people[p].name)).collect::<Vec<_>>(),
        "readings": s.readings.iter().map(|&r| reading(model, r)).collect::<Vec<_>>(),
        "prompts": prompts_of_session(model, prompts),
        "required": s.required,
        "counts": s.counts,
        "status_label": labels::attendance(s),
        "for_label": labels::audience(s.audience),
        "location": s.location,
        "online": s.online.as_ref().map(|u| u.0.clone()),
        "years": s.years,
        "start_time": s.start.to_string(),
    })
}

/// A session's entry in "Next up": the fields of its `row` the browser reads.
pub fn schedule_entry(row: &Value) -> Value {
    json!({
        "title": row["title"], "url": row["url"], "date": row["date_label"], "time": row["time_label"],
        "end": row["end_iso"], "location": row["location"], "online": row["online"], "years": row["years"],
        "readings": row["readings"], "prompts": row["prompts"],
    })
}

/// One due item as the syllabus, the print page and Next up list it.
pub fn due(model: &Model, d: &crate::model::due::Due) -> Value {
    json!({
        "title": d.title,
        "url": routes::item(model, d.item),
        "kind_label": d.kind.label(),
        "date_label": labels::date(d.date),
        "date_iso": d.date.to_string(),
        "detail": d.detail,
        "years": d.years,
    })
}

/// Sessions in calendar order (date, start, path).
pub fn calendar_order(model: &Model) -> Vec<usize> {
    let mut order: Vec<usize> = (0..model.sessions.len()).collect();
    order.sort_by(|&a, &b| {
        let (sa, sb) = (&model.sessions[a], &model.sessions[b]);
        (sa.date.value, sa.start, &sa.source.path).cmp(&(sb.date.value, sb.start, &sb.source.path))
    });
    order
}
