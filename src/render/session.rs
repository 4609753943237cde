//! The data of a session's page: what, when, where, who, what to prepare,
//! its agenda day by day, and its neighbours within its track year.

use super::rows::{Link, PhaseTag, PromptRow, ReadingRow, link, phase};
use super::{Shared, labels, mentoring, rows};
use crate::content::values::Url;
use crate::layout::Collection;
use crate::model::{Item, Model};
use crate::routes;
use serde::Serialize;
use std::collections::BTreeMap;

/// A speaker or facilitator of a session.
#[derive(Debug, Serialize)]
pub struct SessionPerson<'a> {
    title: &'a str,
    url: String,
    role: Option<&'a str>,
}

/// What a session's page shows of it.
#[derive(Debug, Serialize)]
pub struct SessionFields<'a> {
    title: &'a str,
    kind_label: String,
    date_label: String,
    time_label: String,
    years_label: String,
    location: Option<&'a str>,
    online: Option<&'a Url>,
    module: Option<Link<'a>>,
    phase: Option<PhaseTag<'a>>,
    required: bool,
    status_label: &'a str,
    for_label: Option<String>,
    feedback: Option<&'a Url>,
    end_iso: String,
    end_time: String,
    /// Its own calendar file, beside the page.
    calendar: &'static str,
}

/// One entry of a session's agenda.
#[derive(Debug, Serialize)]
pub struct AgendaEntry<'a> {
    time: String,
    title: &'a str,
    detail: Option<&'a str>,
}

/// One day of a session's agenda.
#[derive(Debug, Serialize)]
pub struct AgendaDay<'a> {
    label: Option<String>,
    items: Vec<AgendaEntry<'a>>,
}

/// A session's page.
#[derive(Debug, Serialize)]
pub struct SessionPage<'a> {
    session: SessionFields<'a>,
    agenda: Vec<AgendaDay<'a>>,
    groups: Vec<mentoring::GroupTag<'a>>,
    speakers: Vec<SessionPerson<'a>>,
    facilitators: Vec<SessionPerson<'a>>,
    readings: Vec<ReadingRow<'a>>,
    prompts: Vec<PromptRow<'a>>,
    prev: Option<Link<'a>>,
    next: Option<Link<'a>>,
    /// A series' dates and a multi-day session's hours by day; left out of
    /// the page's data otherwise, so its page stays as it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    times: Option<super::series::SessionTimes>,
}

/// One session, with its neighbours in calendar order within its track year.
pub fn session<'m>(model: &'m Model, shared: &Shared, i: usize) -> SessionPage<'m> {
    let s = &model.sessions[i];
    let (prev, next) = shared.neighbours[i];
    let neighbour = |j: Option<usize>| {
        j.map(|j| link(model, Collection::Sessions, j, &model.sessions[j].title))
    };
    let people = |list: &[usize]| -> Vec<SessionPerson<'m>> {
        list.iter()
            .map(|&p| SessionPerson {
                title: &model.people[p].name,
                url: routes::item(
                    model,
                    Item {
                        collection: Collection::People,
                        index: p,
                    },
                ),
                role: model.people[p].role.as_deref(),
            })
            .collect()
    };
    SessionPage {
        session: SessionFields {
            title: &s.title,
            kind_label: labels::kind(&model.program.messages, s.kind.as_str()),
            date_label: labels::session_dates(&model.program.messages, s),
            time_label: labels::times(s.start, s.end),
            years_label: if model.program.years > 1 {
                labels::years(&model.program.messages, &s.years)
            } else {
                String::new()
            },
            location: s.location.as_deref(),
            online: s.online.as_ref(),
            module: s
                .module
                .map(|m| link(model, Collection::Modules, m, &model.modules[m].title)),
            phase: phase(model, s.module.and_then(|m| model.modules[m].phase)),
            required: s.required,
            status_label: labels::attendance(&model.program.messages, s),
            for_label: labels::audience(&model.program.messages, s.audience),
            feedback: s.feedback.as_ref(),
            end_iso: s.last_day().to_string(),
            end_time: s.end.to_string(),
            calendar: routes::SESSION_CALENDAR,
        },
        agenda: agenda_days(&model.program.messages, s),
        groups: mentoring::groups_of(model, Collection::Sessions, i),
        speakers: people(&s.speakers),
        facilitators: people(&s.facilitators),
        readings: s
            .readings
            .iter()
            .map(|&r| rows::reading(model, r))
            .collect(),
        prompts: rows::prompts_of_session(model, &shared.prompts[i]),
        prev: neighbour(prev),
        next: neighbour(next),
        times: super::series::session_times(&model.program.messages, s),
    }
}

/// A session's agenda, day by day: one unnamed day unless items name days.
fn agenda_days<'s>(
    msg: &crate::i18n::Messages,
    s: &'s crate::model::Session,
) -> Vec<AgendaDay<'s>> {
    let mut days: BTreeMap<u32, Vec<AgendaEntry<'_>>> = BTreeMap::new();
    for a in &s.agenda {
        let day = a.value.day.as_ref().map_or(1, |d| d.value);
        days.entry(day).or_default().push(AgendaEntry {
            time: a.value.time.value.to_string(),
            title: &a.value.title,
            detail: a.value.detail.as_deref(),
        });
    }
    let named = s.agenda.iter().any(|a| a.value.day.is_some());
    days.into_iter()
        .map(|(n, items)| {
            let date = s.day(n);
            let label = named.then(|| {
                let n = n.to_string();
                match date {
                    Some(d) => {
                        msg.fill("labels.day", &[("n", &n), ("date", &labels::date(msg, d))])
                    }
                    None => msg.fill("labels.day_alone", &[("n", &n)]),
                }
            });
            AgendaDay { label, items }
        })
        .collect()
}
