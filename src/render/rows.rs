//! The shapes many pages share (a session row, a link, a reading line), built
//! once per item and reused by every page that shows it. URLs are relative to
//! the site root; templates prefix them with `root`.

use super::labels;
use crate::content::values::Url;
use crate::layout::Collection;
use crate::model::Item;
use crate::model::{Model, Session};
use crate::routes;
use serde::Serialize;

/// `{title, url}` of an item's page.
#[derive(Debug, Clone, Serialize)]
pub struct Link<'a> {
    title: &'a str,
    url: String,
}

/// `{title, url}` of an item's page.
pub fn link<'a>(model: &Model, c: Collection, i: usize, title: &'a str) -> Link<'a> {
    Link {
        title,
        url: routes::item(
            model,
            Item {
                collection: c,
                index: i,
            },
        ),
    }
}

/// A reading as a line: `{title, url, detail}`, detail like `220 pages`.
#[derive(Debug, Clone, Serialize)]
pub struct ReadingRow<'a> {
    title: &'a str,
    url: String,
    detail: String,
}

/// `{title, url, detail}` of a reading.
pub fn reading(model: &Model, i: usize) -> ReadingRow<'_> {
    let r = &model.readings[i];
    ReadingRow {
        title: &r.title,
        url: routes::item(
            model,
            Item {
                collection: Collection::Readings,
                index: i,
            },
        ),
        detail: labels::reading_detail(&model.program.messages, r),
    }
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
pub fn prompts_of_session<'m>(model: &'m Model, prompts: &[usize]) -> Vec<PromptRow<'m>> {
    prompts
        .iter()
        .map(|&i| prompt(model, i, &model.prompts[i].title))
        .collect()
}

/// A prompt as a line.
#[derive(Debug, Clone, Serialize)]
pub struct PromptRow<'a> {
    title: &'a str,
    url: String,
    due_label: Option<String>,
}

/// `{title, url, due_label}` of a prompt.
pub fn prompt<'a>(model: &Model, i: usize, title: &'a str) -> PromptRow<'a> {
    let p = &model.prompts[i];
    PromptRow {
        title,
        url: routes::item(
            model,
            Item {
                collection: Collection::Prompts,
                index: i,
            },
        ),
        due_label: p
            .due
            .as_ref()
            .map(|d| labels::date(&model.program.messages, d.value)),
    }
}

/// A phase of the framework as a tag: `{id, title}`.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseTag<'a> {
    id: &'a str,
    title: &'a str,
}

/// Phase `p` as a tag, if any.
pub fn phase(model: &Model, p: Option<usize>) -> Option<PhaseTag<'_>> {
    p.map(|p| {
        let phase = &model.program.phases[p];
        PhaseTag {
            id: &phase.id,
            title: &phase.title,
        }
    })
}

/// A module as the framework lists it.
#[derive(Debug, Serialize)]
pub struct FrameworkModule<'a> {
    pub(super) title: &'a str,
    pub(super) url: String,
    pub(super) year: u8,
}

/// A module's page, relative to the site root.
pub(super) fn module_url(model: &Model, i: usize) -> String {
    routes::item(
        model,
        Item {
            collection: Collection::Modules,
            index: i,
        },
    )
}

/// The row every session list shows.
#[derive(Debug, Clone, Serialize)]
pub struct SessionRow<'a> {
    title: &'a str,
    url: String,
    kind: &'a str,
    kind_label: String,
    date_label: String,
    date_iso: String,
    end_iso: String,
    time_label: String,
    years_label: String,
    module: Option<Link<'a>>,
    phase: Option<PhaseTag<'a>>,
    speakers: Vec<Link<'a>>,
    readings: Vec<ReadingRow<'a>>,
    prompts: Vec<PromptRow<'a>>,
    required: bool,
    counts: bool,
    status_label: &'a str,
    for_label: Option<String>,
    location: Option<&'a str>,
    online: Option<&'a str>,
    years: &'a [u8],
    start_time: String,
}

impl<'a> SessionRow<'a> {
    /// The same row on day `d`: one date of a series.
    pub fn on(
        &self,
        msg: &crate::i18n::Messages,
        d: crate::content::values::Date,
    ) -> SessionRow<'a> {
        SessionRow {
            date_label: labels::date(msg, d),
            date_iso: d.to_string(),
            end_iso: d.to_string(),
            ..self.clone()
        }
    }
}

/// The row every session list shows; `prompts` are the session's prompts.
pub fn session<'m>(model: &'m Model, i: usize, prompts: &[usize]) -> SessionRow<'m> {
    let s: &Session = &model.sessions[i];
    SessionRow {
        title: &s.title,
        url: routes::item(
            model,
            Item {
                collection: Collection::Sessions,
                index: i,
            },
        ),
        kind: s.kind.as_str(),
        kind_label: labels::kind(&model.program.messages, s.kind.as_str()),
        date_label: labels::session_dates(&model.program.messages, s),
        date_iso: s.date.value.to_string(),
        end_iso: s.last_day().to_string(),
        time_label: labels::times(s.start, s.end),
        years_label: if model.program.years > 1 {
            labels::years(&model.program.messages, &s.years)
        } else {
            String::new()
        },
        module: s
            .module
            .map(|m| link(model, Collection::Modules, m, &model.modules[m].title)),
        phase: phase(model, s.module.and_then(|m| model.modules[m].phase)),
        speakers: s
            .speakers
            .iter()
            .map(|&p| link(model, Collection::People, p, &model.people[p].name))
            .collect(),
        readings: s.readings.iter().map(|&r| reading(model, r)).collect(),
        prompts: prompts_of_session(model, prompts),
        required: s.required,
        counts: s.counts,
        status_label: labels::attendance(&model.program.messages, s),
        for_label: labels::audience(&model.program.messages, s.audience),
        location: s.location.as_deref(),
        online: s.online.as_ref().map(|u: &Url| u.0.as_str()),
        years: &s.years,
        start_time: s.start.to_string(),
    }
}

/// A session's entry in "Next up": the fields of its row the browser reads.
#[derive(Debug, Serialize)]
pub struct ScheduleEntry<'r, 'a> {
    title: &'a str,
    url: &'r str,
    date: &'r str,
    time: &'r str,
    end: &'r str,
    location: Option<&'a str>,
    online: Option<&'a str>,
    years: &'a [u8],
    readings: &'r [ReadingRow<'a>],
    prompts: &'r [PromptRow<'a>],
}

/// A session's entry in "Next up", from its `row`.
pub fn schedule_entry<'r, 'a>(row: &'r SessionRow<'a>) -> ScheduleEntry<'r, 'a> {
    ScheduleEntry {
        title: row.title,
        url: &row.url,
        date: &row.date_label,
        time: &row.time_label,
        end: &row.end_iso,
        location: row.location,
        online: row.online,
        years: row.years,
        readings: &row.readings,
        prompts: &row.prompts,
    }
}

/// One due item as the syllabus, the print page and Next up list it.
#[derive(Debug, Serialize)]
pub struct DueRow<'a> {
    title: &'a str,
    url: String,
    kind_label: String,
    date_label: String,
    date_iso: String,
    detail: Option<&'a str>,
    years: &'a [u8],
}

/// One due item's row.
pub fn due<'a>(model: &Model, d: &'a crate::model::due::Due) -> DueRow<'a> {
    DueRow {
        title: &d.title,
        url: routes::item(model, d.item),
        kind_label: labels::due_kind(&model.program.messages, d.kind),
        date_label: labels::date(&model.program.messages, d.date),
        date_iso: d.date.to_string(),
        detail: d.detail.as_deref(),
        years: &d.years,
    }
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
