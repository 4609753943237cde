//! One function per page kind: each returns the page-specific part of the
//! template context (the shared parts, `site` and the session rows, are built
//! once by the caller).

use super::{Shared, labels, mentoring, people, readings, rows};
use crate::layout::Collection;
use crate::model::Item;
use crate::model::Model;
use crate::model::workload;
use crate::routes;
use serde_json::{Value, json};
use std::collections::BTreeMap;

fn phase_json(model: &Model, p: Option<usize>) -> Value {
    p.map_or(
        Value::Null,
        |p| json!({ "id": model.program.phases[p].id, "title": model.program.phases[p].title }),
    )
}

fn module_date_range(model: &Model, i: usize) -> Option<String> {
    let (start, end) = model.module_span(i)?;
    Some(if start.1 == end.1 {
        labels::date(start.1)
    } else {
        format!("{} – {}", labels::date(start.1), labels::date(end.1))
    })
}

/// The framework: phases with their modules (home and framework pages).
pub fn phases(model: &Model) -> Value {
    model
        .program
        .phases
        .iter()
        .enumerate()
        .map(|(pi, p)| {
            let modules: Vec<Value> = model
                .modules_in_order()
                .into_iter()
                .map(|i| (i, &model.modules[i]))
                .filter(|(_, m)| m.phase == Some(pi))
                .map(|(i, m)| json!({ "title": m.title, "url": routes::item(model, Item { collection: Collection::Modules, index: i }), "year": m.year }))
                .collect();
            json!({ "id": p.id, "title": p.title, "summary": p.summary, "continuous": p.continuous, "modules": modules })
        })
        .collect()
}

/// The titles of the continuous phases, for the framework graphic's caption.
pub fn continuous(model: &Model) -> Vec<&str> {
    let phases = &model.program.phases;
    phases
        .iter()
        .filter(|p| p.continuous)
        .map(|p| p.title.as_str())
        .collect()
}

/// Home page.
pub fn home(model: &Model, shared: &Shared) -> tera::Value {
    let years: Vec<Value> = model
        .years
        .iter()
        .map(|y| {
            json!({
                "number": y.number, "title": y.title, "summary": y.summary, "url": routes::year(y.number),
                "module_count": model.modules.iter().filter(|m| m.year == y.number).count(),
                "session_count": model.sessions.iter().filter(|s| s.in_year(y.number)).count(),
            })
        })
        .collect();
    let sessions: Vec<tera::Value> = shared
        .order
        .iter()
        .map(|&i| shared.row(model, i).clone())
        .collect();
    let schedule = schedule(model, shared, None);
    super::with(
        json!({ "continuous": continuous(model), "years": years, "schedule": schedule, "facts": facts(model) }),
        [
            ("phases", shared.phases.clone()),
            ("sessions", tera::Value::from(sessions)),
        ],
    )
}

/// Who the program is for and how to join, if `_program.md` says.
fn facts(model: &Model) -> Value {
    let p = &model.program;
    let application = p.application.as_ref().map(|a| {
        let window = match (&a.opens, &a.closes) {
            (Some(o), Some(c)) => Some(format!(
                "open {} and close {}",
                labels::date(o.value),
                labels::date(c.value)
            )),
            (Some(o), None) => Some(format!("open {}", labels::date(o.value))),
            (None, Some(c)) => Some(format!("close {}", labels::date(c.value))),
            (None, None) => None,
        };
        json!({ "window": window, "url": a.url.as_ref().map(|u| &u.value), "contact": a.contact })
    });
    let any = p.eligibility.is_some()
        || p.cohort_size.is_some()
        || application.is_some()
        || p.endorsement.is_some()
        || p.audience.is_some();
    if !any {
        return Value::Null;
    }
    json!({
        "audience": p.audience.as_deref().map(labels::capitalised), "eligibility": p.eligibility, "cohort_size": p.cohort_size,
        "application": application, "endorsement": p.endorsement,
    })
}

/// What "Next up" reads in the browser, as JSON safe inside `<script>`: the
/// sessions (of year `year`, else all) in order, with what to prepare, the
/// due items, and where the whole syllabus is.
fn schedule(model: &Model, shared: &Shared, year: Option<u8>) -> String {
    let of_year = |years: &[u8]| year.is_none_or(|n| years.contains(&n));
    let whole = year.map_or_else(
        || {
            routes::ListPage::of(Collection::Sessions)
                .map_or_else(String::new, routes::ListPage::url)
        },
        routes::year,
    );
    // What `script_json` makes of `{"due": [...], "sessions": [...],
    // "syllabus": ...}`, joined from each entry's text (made once per
    // build): JSON's keys in order, no spaces.
    let mut out = String::from("{\"due\":[");
    let due = shared
        .due
        .iter()
        .zip(shared.due_rows(model).1)
        .filter(|(d, _)| of_year(&d.years))
        .map(|(_, text)| text.as_str());
    join_into(&mut out, due);
    out.push_str("],\"sessions\":[");
    let sessions = shared
        .dated
        .iter()
        .filter(|&&(i, _)| of_year(&model.sessions[i].years))
        .map(|&d| shared.dated_entry(model, d));
    join_into(&mut out, sessions);
    out.push_str("],\"syllabus\":");
    out.push_str(&super::jsonld::script_json(&json!(whole)));
    out.push('}');
    out
}

/// Appends `items` to `out`, separated by commas.
fn join_into<'a>(out: &mut String, items: impl Iterator<Item = &'a str>) {
    for (n, item) in items.enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(item);
    }
}

/// One calendar month of a syllabus: its session rows and its due rows.
type Month = (Vec<tera::Value>, Vec<tera::Value>);

/// Year `n`'s page: its syllabus and its "Next up".
pub fn year_page(model: &Model, shared: &Shared, n: u8) -> tera::Value {
    super::insert(
        year(model, shared, n),
        [
            (
                "schedule",
                super::to_tera(json!(schedule(model, shared, Some(n)))),
            ),
            ("next_year", super::to_tera(json!(n))),
        ],
    )
}

/// A year's syllabus, month by month.
pub fn year(model: &Model, shared: &Shared, n: u8) -> tera::Value {
    let y = &model.years[n as usize - 1];
    let loads = workload::by_month(model, n);
    let mut months: BTreeMap<(i16, i8), Month> = BTreeMap::new();
    for &(i, nth) in &shared.dated {
        let s = &model.sessions[i];
        if s.in_year(n) {
            let d = s.dates[nth].0;
            months
                .entry((d.year(), d.month()))
                .or_default()
                .0
                .push(shared.dated_row(model, (i, nth)).clone());
        }
    }
    for (d, row) in shared.due.iter().zip(shared.due_rows(model).0) {
        if d.years.contains(&n) {
            months
                .entry((d.date.0.year(), d.date.0.month()))
                .or_default()
                .1
                .push(row.clone());
        }
    }
    let months: Vec<tera::Value> = months
        .into_iter()
        .map(|((yr, mo), (sessions, due))| {
            let load = loads.get(&(yr, mo)).map(|l| json!({ "pages": l.pages, "minutes": l.minutes }));
            super::with(
                json!({ "label": labels::month(yr, mo), "id": format!("{yr:04}-{mo:02}"), "workload": load }),
                [("sessions", tera::Value::from(sessions)), ("due", tera::Value::from(due))],
            )
        })
        .collect();
    let required = model
        .sessions
        .iter()
        .filter(|s| s.counts && s.in_year(n))
        .map(|s| s.dates.len())
        .sum::<usize>();
    let attendance = model
        .program
        .attendance_minimum
        .as_ref()
        .map(|m| json!({ "minimum": m.value, "required_count": required }));
    super::with(
        json!({
            "year": { "number": n, "title": y.title, "summary": y.summary, "calendar": routes::year_calendar(n) },
            "attendance": attendance,
        }),
        [("months", tera::Value::from(months))],
    )
}

/// The modules index, by year and phase.
pub fn modules(model: &Model) -> Value {
    let groups: Vec<Value> = model
        .years
        .iter()
        .map(|y| {
            let mut by_phase: BTreeMap<Option<usize>, Vec<Value>> = BTreeMap::new();
            for (i, m) in model.modules_in_order().into_iter().map(|i| (i, &model.modules[i])).filter(|(_, m)| m.year == y.number) {
                by_phase.entry(m.phase).or_default().push(json!({
                    "title": m.title, "url": routes::item(model, Item { collection: Collection::Modules, index: i }), "summary": m.summary,
                    "session_count": m.sessions.len(), "date_range": module_date_range(model, i),
                }));
            }
            let phases: Vec<Value> = by_phase
                .into_iter()
                .map(|(p, modules)| json!({ "phase": phase_json(model, p), "modules": modules }))
                .collect();
            json!({ "year": { "number": y.number, "title": y.title }, "phases": phases })
        })
        .collect();
    json!({ "groups": groups })
}

/// One module.
pub fn module(model: &Model, shared: &Shared, i: usize) -> Value {
    let m = &model.modules[i];
    let mut readings: Vec<usize> = m
        .sessions
        .iter()
        .flat_map(|&s| model.sessions[s].readings.clone())
        .collect();
    // Each reading once, at its first session, even when two sessions that
    // are not next to each other share it.
    let mut seen = std::collections::HashSet::new();
    readings.retain(|r| seen.insert(*r));
    let prompts: Vec<Value> = model
        .prompts
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.module == Some(i)
                || p.session
                    .is_some_and(|s| model.sessions[s].module == Some(i))
        })
        .map(|(pi, p)| rows::prompt(model, pi, &p.title))
        .collect();
    json!({
        "module": {
            "title": m.title, "year": m.year, "phase": phase_json(model, m.phase), "summary": m.summary,
            "competencies": m.competencies.iter().map(|&c| json!({ "id": model.program.competencies[c].id.value, "title": model.program.competencies[c].title })).collect::<Vec<_>>(),
            "prerequisites": m.prerequisites.iter().map(|p| rows::link(model, Collection::Modules, p.value, &model.modules[p.value].title)).collect::<Vec<_>>(),
            "self_paced": m.self_paced.iter().map(|sp| json!({
                "title": sp.title, "provider": sp.provider, "url": sp.url, "minutes": sp.minutes,
                "due_label": sp.due.as_ref().map(|d| labels::date(d.value)),
            })).collect::<Vec<_>>(),
            "date_range": module_date_range(model, i),
            "feedback": m.feedback,
            "objectives": m.objectives.iter().map(|o| &o.value).collect::<Vec<_>>(),
            "outcomes": m.outcomes.iter().map(|&o| {
                let o = &model.program.outcomes[o].value;
                json!({ "id": o.id.value, "statement": o.statement, "url": routes::outcome(&o.id.value) })
            }).collect::<Vec<_>>(),
        },
        "resources": m.resources.iter().map(|&r| {
            let mut row = rows::reading(model, r);
            row["kind_label"] = json!(labels::kind(model.readings[r].kind.as_str()));
            row
        }).collect::<Vec<_>>(),
        "sessions": m.sessions.iter().map(|&s| shared.row(model, s)).collect::<Vec<_>>(),
        "readings": readings.iter().map(|&r| rows::reading(model, r)).collect::<Vec<_>>(),
        "prompts": prompts,
    })
}

/// One session, with its neighbours in calendar order within its track year.
pub fn session(model: &Model, shared: &Shared, i: usize) -> Value {
    let s = &model.sessions[i];
    let (prev, next) = shared.neighbours[i];
    let neighbour = |j: Option<usize>| {
        j.map(|j| rows::link(model, Collection::Sessions, j, &model.sessions[j].title))
    };
    let people = |list: &[usize]| -> Vec<Value> {
        list.iter()
            .map(|&p| json!({ "title": model.people[p].name, "url": routes::item(model, Item { collection: Collection::People, index: p }), "role": model.people[p].role }))
            .collect()
    };
    let mut v = json!({
        "session": {
            "title": s.title, "kind_label": labels::kind(s.kind.as_str()), "date_label": labels::session_dates(s),
            "time_label": labels::times(s.start, s.end), "years_label": if model.program.years > 1 { labels::years(&s.years) } else { String::new() },
            "location": s.location, "online": s.online,
            "module": s.module.map(|m| rows::link(model, Collection::Modules, m, &model.modules[m].title)),
            "phase": phase_json(model, s.module.and_then(|m| model.modules[m].phase)),
            "required": s.required, "status_label": labels::attendance(s),
            "feedback": s.feedback, "end_iso": s.last_day().to_string(), "end_time": s.end.to_string(),
        },
        "agenda": agenda_days(s),
        "groups": super::mentoring::groups_of(model, Collection::Sessions, i),
        "speakers": people(&s.speakers),
        "facilitators": people(&s.facilitators),
        "readings": s.readings.iter().map(|&r| rows::reading(model, r)).collect::<Vec<_>>(),
        "prompts": rows::prompts_of_session(model, &shared.prompts[i]),
        "prev": neighbour(prev),
        "next": neighbour(next),
    });
    if let Some(times) = super::series::session_times(s) {
        v["times"] = json!(times);
    }
    v
}

/// A session's agenda, day by day: one unnamed day unless items name days.
fn agenda_days(s: &crate::model::Session) -> Vec<Value> {
    let mut days: BTreeMap<u32, Vec<Value>> = BTreeMap::new();
    for a in &s.agenda {
        let day = a.value.day.as_ref().map_or(1, |d| d.value);
        days.entry(day).or_default().push(json!({ "time": a.value.time.value.to_string(), "title": a.value.title, "detail": a.value.detail }));
    }
    let named = s.agenda.iter().any(|a| a.value.day.is_some());
    days.into_iter()
        .map(|(n, items)| {
            let date = s
                .date
                .value
                .0
                .checked_add(jiff::Span::new().days(i64::from(n) - 1))
                .ok();
            let label = named.then(|| {
                format!(
                    "Day {n}{}",
                    date.map_or_else(String::new, |d| format!(
                        ": {}",
                        labels::date(crate::content::values::Date(d))
                    ))
                )
            });
            json!({ "label": label, "items": items })
        })
        .collect()
}

/// The data of an item's page, by its collection.
pub fn item(model: &Model, shared: &Shared, item: Item) -> Value {
    let i = item.index;
    match item.collection {
        Collection::Modules => module(model, shared, i),
        Collection::Sessions => session(model, shared, i),
        Collection::Readings => readings::reading(model, i),
        Collection::Prompts => readings::prompt(model, i),
        Collection::People => people::person(model, shared, i),
        Collection::Projects => project(model, i),
        Collection::Pages => json!({}),
        Collection::Groups => mentoring::group(model, i),
    }
}

/// The data of the list or overview page `key` (see [`routes::LIST_PAGES`]).
pub fn list(model: &Model, shared: &Shared, key: &str) -> tera::Value {
    let data = match key {
        "sessions" => return sessions(model, shared),
        "print" => return print(model, shared),
        "framework" => {
            return super::with(
                json!({ "continuous": continuous(model) }),
                [("phases", shared.phases.clone())],
            );
        }
        "modules" => modules(model),
        "readings" => readings::readings(model),
        "prompts" => readings::prompts(model),
        "people" => people::people(model),
        "projects" => projects(model),
        "groups" => mentoring::groups(model),
        "outcomes" => mentoring::outcomes(model),
        "map" => map(model),
        "calendar" => calendar(model, shared),
        _ => json!({}),
    };
    super::to_tera(data)
}

/// The calendar page: the calendar files to subscribe to or download, and
/// each month as a grid of its sessions and due items.
pub fn calendar(model: &Model, shared: &Shared) -> Value {
    let mut calendar = json!({ "months": super::calendar::months(model, &shared.order) });
    calendar["years"] = json!(
        model
            .years
            .iter()
            .map(|y| json!({ "number": y.number, "title": y.title, "calendar": routes::year_calendar(y.number) }))
            .collect::<Vec<_>>()
    );
    calendar["calendar"] = json!(routes::CALENDAR);
    calendar
}

/// All sessions by month, with their years.
pub fn sessions(model: &Model, shared: &Shared) -> tera::Value {
    let mut months: BTreeMap<(i16, i8), Vec<tera::Value>> = BTreeMap::new();
    for &(i, nth) in &shared.dated {
        let d = model.sessions[i].dates[nth].0;
        months
            .entry((d.year(), d.month()))
            .or_default()
            .push(shared.dated_row(model, (i, nth)).clone());
    }
    let months: Vec<tera::Value> = months
        .into_iter()
        .map(|((y, m), sessions)| {
            super::with(
                json!({ "label": labels::month(y, m), "id": format!("{y:04}-{m:02}") }),
                [("sessions", tera::Value::from(sessions))],
            )
        })
        .collect();
    super::with(json!({}), [("months", tera::Value::from(months))])
}

/// Capstone tracks.
pub fn projects(model: &Model) -> Value {
    let projects: Vec<Value> = model
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| json!({
            "title": p.title, "url": routes::item(model, Item { collection: Collection::Projects, index: i }),
            "kind_label": p.kind.map(|k| labels::kind(k.as_str())), "year": p.year, "milestone_count": p.milestones.len(),
        }))
        .collect();
    json!({ "projects": projects })
}

/// One capstone track.
pub fn project(model: &Model, i: usize) -> Value {
    let p = &model.projects[i];
    json!({
        "project": { "title": p.title, "kind_label": p.kind.map(|k| labels::kind(k.as_str())), "year": p.year },
        "groups": super::mentoring::groups_of(model, Collection::Projects, i),
        "milestones": p.milestones.iter().map(|m| json!({
            "title": m.title,
            "date_label": m.date(model).map(labels::date),
            "session": m.session.map(|s| rows::link(model, Collection::Sessions, s, &model.sessions[s].title)),
        })).collect::<Vec<_>>(),
    })
}

/// The curriculum map: modules x competencies.
pub fn map(model: &Model) -> Value {
    let comps = &model.program.competencies;
    let rows: Vec<Value> = model
        .modules_in_order()
        .into_iter()
        .map(|i| (i, &model.modules[i]))
        .map(|(i, m)| json!({
            "module": { "title": m.title, "url": routes::item(model, Item { collection: Collection::Modules, index: i }), "year": m.year },
            "cells": (0..comps.len()).map(|c| m.competencies.contains(&c)).collect::<Vec<_>>(),
        }))
        .collect();
    json!({
        "competencies": comps.iter().map(|c| json!({ "id": c.id.value, "title": c.title, "group": c.group })).collect::<Vec<_>>(),
        "rows": rows,
    })
}

/// The whole syllabus on one page: every year, month by month.
pub fn print(model: &Model, shared: &Shared) -> tera::Value {
    let years: Vec<tera::Value> = model
        .years
        .iter()
        .map(|y| year(model, shared, y.number))
        .collect();
    super::with(json!({}), [("years", tera::Value::from(years))])
}
