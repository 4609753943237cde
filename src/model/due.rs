//! What a trainee must have done by a date (issue 15): reflection prompts,
//! self-paced work, readings (due at the earliest session of a year that
//! lists them; an optional reading is never due, SPEC 9.1) and project
//! milestones, each with the years it concerns. The
//! year pages, the print page, Next up and the calendars all read this list.

use super::{Item, Model};
use crate::content::values::Date;

/// What kind of thing is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueKind {
    /// A reflection prompt.
    Prompt,
    /// A module's self-paced item.
    SelfPaced,
    /// A reading, due at its session.
    Reading,
    /// A project milestone.
    Milestone,
}

impl DueKind {
    /// How lists name it, e.g. `Reflection`.
    pub fn label(self) -> &'static str {
        match self {
            DueKind::Prompt => "Reflection",
            DueKind::SelfPaced => "Self-paced",
            DueKind::Reading => "Reading",
            DueKind::Milestone => "Milestone",
        }
    }

    /// Its part of a calendar UID, e.g. `prompt`.
    pub fn key(self) -> &'static str {
        match self {
            DueKind::Prompt => "prompt",
            DueKind::SelfPaced => "self-paced",
            DueKind::Reading => "reading",
            DueKind::Milestone => "milestone",
        }
    }
}

/// One thing due on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// What kind.
    pub kind: DueKind,
    /// e.g. `A moment you stayed silent`, or `Charter approved` for a milestone.
    pub title: String,
    /// The day it is due.
    pub date: Date,
    /// The track years it concerns (a reading: each year that reads it).
    pub years: Vec<u8>,
    /// The page that says more: the prompt, the module, the reading, the project.
    pub item: Item,
    /// Which one of its item's list (a self-paced item or a milestone), else 0.
    pub nth: usize,
    /// The session it belongs to, if any (a prompt's, a reading's, a milestone's).
    pub session: Option<usize>,
    /// Pages or minutes to read or watch, if known, e.g. `25 pages`.
    pub detail: Option<String>,
}

impl Due {
    /// A stable id for the calendars, unique within the site: kind, item id,
    /// and for a reading the year, for a list item its place,
    /// e.g. `milestone-qi-project-2` or `reading-blindspot-y1`.
    pub fn uid_stem(&self, model: &Model) -> String {
        let id = &model.source(self.item).id;
        match self.kind {
            DueKind::Reading => format!(
                "{}-{id}-y{}",
                self.kind.key(),
                self.years.first().copied().unwrap_or(0)
            ),
            DueKind::SelfPaced | DueKind::Milestone => {
                format!("{}-{id}-{}", self.kind.key(), self.nth + 1)
            }
            DueKind::Prompt => format!("{}-{id}", self.kind.key()),
        }
    }
}

/// Every due item, by date, then kind, then title.
pub fn all(model: &Model) -> Vec<Due> {
    let mut out = Vec::new();
    for (i, p) in model.prompts.iter().enumerate() {
        let session = p.session;
        let date = p
            .due
            .as_ref()
            .map(|d| d.value)
            .or_else(|| session.map(|s| model.sessions[s].date.value));
        let years = match (session, p.module) {
            (Some(s), _) => model.sessions[s].years.clone(),
            (None, Some(m)) => vec![model.modules[m].year],
            _ => Vec::new(),
        };
        if let Some(date) = date {
            out.push(Due {
                kind: DueKind::Prompt,
                title: p.title.clone(),
                date,
                years,
                item: Item::prompt(i),
                nth: 0,
                session,
                detail: None,
            });
        }
    }
    for (i, m) in model.modules.iter().enumerate() {
        let first = model.module_span(i).map(|(start, _)| start.1);
        for (n, sp) in m.self_paced.iter().enumerate() {
            let Some(date) = sp.due.as_ref().map(|d| d.value).or(first) else {
                continue;
            };
            out.push(Due {
                kind: DueKind::SelfPaced,
                title: sp.title.clone(),
                date,
                years: vec![m.year],
                item: Item::module(i),
                nth: n,
                session: None,
                detail: sp.minutes.map(|n| {
                    model
                        .program
                        .messages
                        .fill("labels.min", &[("n", &n.to_string())])
                }),
            });
        }
    }
    for (i, r) in model.readings.iter().enumerate() {
        if r.optional {
            continue;
        }
        for year in model.year_numbers() {
            // Sessions are in curriculum order: the first of the year is the earliest.
            let Some(&s) = r
                .sessions
                .iter()
                .find(|&&s| model.sessions[s].in_year(year))
            else {
                continue;
            };
            let detail = match (r.pages, r.minutes) {
                (Some(p), _) => Some(model.program.messages.plural(
                    "labels.pages",
                    u64::from(p),
                    &[],
                )),
                (None, Some(n)) => Some(
                    model
                        .program
                        .messages
                        .fill("labels.min", &[("n", &n.to_string())]),
                ),
                _ => None,
            };
            out.push(Due {
                kind: DueKind::Reading,
                title: r.title.clone(),
                date: model.sessions[s].date.value,
                years: vec![year],
                item: Item::reading(i),
                nth: 0,
                session: Some(s),
                detail,
            });
        }
    }
    for (i, p) in model.projects.iter().enumerate() {
        for (n, m) in p.milestones.iter().enumerate() {
            let Some(date) = m.date(model) else {
                continue;
            };
            out.push(Due {
                kind: DueKind::Milestone,
                title: format!("{}: {}", p.title, m.title),
                date,
                years: vec![p.year],
                item: Item::project(i),
                nth: n,
                session: m.session,
                detail: None,
            });
        }
    }
    out.sort_by(|a, b| (a.date, a.kind, &a.title, a.item).cmp(&(b.date, b.kind, &b.title, b.item)));
    out
}

/// The due items of track year `year`.
pub fn in_year(all: &[Due], year: u8) -> impl Iterator<Item = &Due> {
    all.iter().filter(move |d| d.years.contains(&year))
}
