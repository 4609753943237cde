//! The data of the readings and prompts pages: the reading list by year and
//! month of first use, one reading, the prompts by due date, one prompt.

use super::rows::{Link, ReadingRow, link};
use super::{labels, rows};
use crate::content::values::{Doi, Isbn, Url};
use crate::layout::Collection;
use crate::model::{Item, Model};
use crate::routes;
use serde::Serialize;
use std::collections::BTreeMap;

/// A reading as the reading list shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ListedReading<'a> {
    #[serde(flatten)]
    row: ReadingRow<'a>,
    authors: String,
    kind_label: String,
    optional: bool,
}

/// Readings under one heading (a month of first use, or "Resources").
#[derive(Debug, Serialize)]
pub struct ReadingGroup<'a> {
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    readings: Vec<ListedReading<'a>>,
}

/// The readings page.
#[derive(Debug, Serialize)]
pub struct ReadingsPage<'a> {
    groups: Vec<ReadingGroup<'a>>,
}

fn listed(model: &Model, i: usize) -> ListedReading<'_> {
    let r = &model.readings[i];
    ListedReading {
        row: rows::reading(model, i),
        authors: r.authors.join(", "),
        kind_label: labels::kind(&model.program.messages, r.kind.as_str()),
        optional: r.optional,
    }
}

/// The reading list by year and month of first use.
pub fn readings(model: &Model) -> ReadingsPage<'_> {
    let mut groups: BTreeMap<(u8, i16, i8), Vec<ListedReading<'_>>> = BTreeMap::new();
    for (i, r) in model.readings.iter().enumerate() {
        let row = listed(model, i);
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
    let mut groups: Vec<ReadingGroup<'_>> = groups
        .into_iter()
        .map(|((y, yr, mo), readings)| ReadingGroup {
            label: if model.program.years > 1 {
                format!(
                    "{} · {}",
                    model
                        .program
                        .messages
                        .fill("labels.year", &[("n", &y.to_string())]),
                    labels::month(&model.program.messages, yr, mo)
                )
            } else {
                labels::month(&model.program.messages, yr, mo)
            },
            note: None,
            readings,
        })
        .collect();
    // Readings no session lists (W0204) are still worth reading: they are
    // listed once, as resources not tied to a month.
    let resources: Vec<ListedReading<'_>> = model
        .readings
        .iter()
        .enumerate()
        .filter(|(_, r)| r.sessions.is_empty())
        .map(|(i, _)| listed(model, i))
        .collect();
    if !resources.is_empty() {
        groups.push(ReadingGroup {
            label: model.program.messages.text("home.resources").to_string(),
            note: Some(model.program.messages.text("reading.not_tied").to_string()),
            readings: resources,
        });
    }
    ReadingsPage { groups }
}

/// What a reading's page shows of it.
#[derive(Debug, Serialize)]
pub struct ReadingFields<'a> {
    title: &'a str,
    kind_label: String,
    authors: String,
    published: Option<i32>,
    isbn: Option<&'a Isbn>,
    doi: Option<&'a Doi>,
    doi_url: Option<String>,
    url: Option<&'a Url>,
    pages: Option<u32>,
    minutes: Option<u32>,
    optional: bool,
}

/// A reading's page.
#[derive(Debug, Serialize)]
pub struct ReadingPage<'a> {
    reading: ReadingFields<'a>,
    sessions: Vec<SessionLink<'a>>,
}

/// One reading.
pub fn reading(model: &Model, i: usize) -> ReadingPage<'_> {
    let r = &model.readings[i];
    ReadingPage {
        reading: ReadingFields {
            title: &r.title,
            kind_label: labels::kind(&model.program.messages, r.kind.as_str()),
            authors: r.authors.join(", "),
            published: r.published,
            isbn: r.isbn.as_ref(),
            doi: r.doi.as_ref(),
            doi_url: r.doi.as_ref().map(|d| format!("https://doi.org/{}", d.0)),
            url: r.url.as_ref(),
            pages: r.pages,
            minutes: r.minutes,
            optional: r.optional,
        },
        sessions: r.sessions.iter().map(|&s| session_link(model, s)).collect(),
    }
}

/// A session as a link with its dates.
#[derive(Debug, Clone, Serialize)]
pub struct SessionLink<'a> {
    title: &'a str,
    url: String,
    date_label: String,
}

/// Session `s` as a link with its dates.
pub(super) fn session_link(model: &Model, s: usize) -> SessionLink<'_> {
    SessionLink {
        title: &model.sessions[s].title,
        url: routes::item(
            model,
            Item {
                collection: Collection::Sessions,
                index: s,
            },
        ),
        date_label: labels::session_dates(&model.program.messages, &model.sessions[s]),
    }
}

/// A prompt with where it belongs.
#[derive(Debug, Serialize)]
pub struct PromptFields<'a> {
    #[serde(flatten)]
    row: rows::PromptRow<'a>,
    session: Option<Link<'a>>,
    module: Option<Link<'a>>,
}

/// The prompts page.
#[derive(Debug, Serialize)]
pub struct PromptsPage<'a> {
    prompts: Vec<PromptFields<'a>>,
}

/// Prompts by due date.
pub fn prompts(model: &Model) -> PromptsPage<'_> {
    let mut order: Vec<usize> = (0..model.prompts.len()).collect();
    order.sort_by_key(|&i| {
        (
            model.prompts[i].due.as_ref().map(|d| d.value),
            model.prompts[i].source.path.clone(),
        )
    });
    PromptsPage {
        prompts: order.iter().map(|&i| prompt_fields(model, i)).collect(),
    }
}

fn prompt_fields(model: &Model, i: usize) -> PromptFields<'_> {
    let p = &model.prompts[i];
    PromptFields {
        row: rows::prompt(model, i, &p.title),
        session: p
            .session
            .map(|s| link(model, Collection::Sessions, s, &model.sessions[s].title)),
        module: p
            .module
            .map(|m| link(model, Collection::Modules, m, &model.modules[m].title)),
    }
}

/// A prompt's page.
#[derive(Debug, Serialize)]
pub struct PromptPage<'a> {
    prompt: PromptFields<'a>,
}

/// One prompt.
pub fn prompt(model: &Model, i: usize) -> PromptPage<'_> {
    PromptPage {
        prompt: prompt_fields(model, i),
    }
}
