//! The pages of who meets with whom and what the program measures: the
//! groups list and each group's page, the groups shown on a person's,
//! project's and session's page, and the outcomes page.

use super::{labels, rows};
use crate::layout::Collection;
use crate::model::{Group, Model};
use serde_json::{Value, json};

/// How many people a group has that the site does not name, in words.
fn unnamed_label(model: &Model, g: &Group) -> Option<String> {
    (g.unnamed > 0).then(|| {
        let word = model.program.audience.as_deref().unwrap_or("participants");
        format!("{} {word}", g.unnamed)
    })
}

fn people(model: &Model, list: &[usize]) -> Vec<Value> {
    list.iter()
        .map(|&p| {
            let mut v = rows::link(model, Collection::People, p, &model.people[p].name);
            v["role"] = json!(model.people[p].role);
            v
        })
        .collect()
}

/// A group as lists show it.
fn card(model: &Model, i: usize) -> Value {
    let g = &model.groups[i];
    let mut v = rows::link(model, Collection::Groups, i, &g.title);
    v["kind_label"] = json!(labels::kind(g.kind.as_str()));
    v["meets"] = json!(
        g.meets
            .clone()
            .or_else(|| g.meetings.as_ref().map(|m| super::series::rule(&m.series)))
    );
    v["mentors"] = json!(people(model, &g.mentors));
    v["size"] = json!(g.mentors.len() + g.members.len() + g.unnamed);
    v
}

/// Every group, by kind in the order written.
pub fn groups(model: &Model) -> Value {
    let groups: Vec<Value> = (0..model.groups.len()).map(|i| card(model, i)).collect();
    json!({ "groups": groups })
}

/// One group: who mentors it, who is in it, when it meets, what it works on.
pub fn group(model: &Model, i: usize) -> Value {
    let g = &model.groups[i];
    let mut v = json!({
        "group": {
            "title": g.title, "kind_label": labels::kind(g.kind.as_str()), "meets": g.meets,
            "unnamed": unnamed_label(model, g),
        },
        "mentors": people(model, &g.mentors),
        "members": people(model, &g.members),
        "sessions": g.sessions.iter().map(|&s| {
            let mut v = rows::link(model, Collection::Sessions, s, &model.sessions[s].title);
            v["date_label"] = json!(labels::session_dates(&model.sessions[s]));
            v
        }).collect::<Vec<_>>(),
        "project": g.project.map(|p| rows::link(model, Collection::Projects, p, &model.projects[p].title)),
    });
    if let Some(m) = super::series::group_meetings(model, i) {
        v["meetings"] = json!(m);
    }
    v
}

/// The groups an item takes part in: a person's (as mentor or member), a
/// project's, a session's.
pub fn groups_of(model: &Model, collection: Collection, index: usize) -> Vec<Value> {
    model
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| match collection {
            Collection::People => g.mentors.contains(&index) || g.members.contains(&index),
            Collection::Projects => g.project == Some(index),
            Collection::Sessions => g.sessions.contains(&index),
            _ => false,
        })
        .map(|(i, g)| {
            let mut v = rows::link(model, Collection::Groups, i, &g.title);
            v["kind_label"] = json!(labels::kind(g.kind.as_str()));
            v["as_mentor"] = json!(collection == Collection::People && g.mentors.contains(&index));
            v
        })
        .collect()
}

/// Outcomes with their measures, targets and dates, the modules serving
/// each, and how the program hears back (the feedback surveys).
pub fn outcomes(model: &Model) -> Value {
    let outcomes: Vec<Value> = model
        .program
        .outcomes
        .iter()
        .enumerate()
        .map(|(oi, o)| {
            let o = &o.value;
            let modules: Vec<Value> = model
                .modules_in_order()
                .into_iter()
                .filter(|&m| model.modules[m].outcomes.contains(&oi))
                .map(|m| {
                    let mut v = rows::link(model, Collection::Modules, m, &model.modules[m].title);
                    v["feedback"] = json!(model.modules[m].feedback);
                    v
                })
                .collect();
            json!({
                "anchor": crate::routes::outcome_anchor(&o.id.value), "id": o.id.value, "statement": o.statement, "measure": o.measure, "target": o.target,
                "by_label": o.by.as_ref().map(|d| labels::date(d.value)), "modules": modules,
            })
        })
        .collect();
    let surveys: Vec<Value> = model
        .modules_in_order()
        .into_iter()
        .filter(|&m| model.modules[m].feedback.is_some())
        .map(|m| {
            let mut v = rows::link(model, Collection::Modules, m, &model.modules[m].title);
            v["feedback"] = json!(model.modules[m].feedback);
            v["kind_label"] = json!("Module");
            v
        })
        .chain(
            super::rows::calendar_order(model)
                .into_iter()
                .filter(|&s| model.sessions[s].feedback.is_some())
                .map(|s| {
                    let mut v =
                        rows::link(model, Collection::Sessions, s, &model.sessions[s].title);
                    v["feedback"] = json!(model.sessions[s].feedback);
                    v["kind_label"] = json!(labels::session_dates(&model.sessions[s]));
                    v
                }),
        )
        .collect();
    json!({ "outcomes": outcomes, "surveys": surveys })
}
