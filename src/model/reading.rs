//! A reading (`content/readings/`): its model type, builder and part of
//! `curriculum.json`.

use super::build::{Builder, text};
use super::json::ids;
use super::{Entry, Model, Source};
use crate::content::Parsed;
use crate::content::reading::ReadingKind;
use crate::content::values::{Doi, Isbn, Url};
use crate::layout::Collection;
use serde_json::{Value, json};

/// A book, article, video...
#[derive(Debug, Clone)]
pub struct Reading {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `So You Want to Talk About Race`.
    pub title: String,
    /// e.g. book.
    pub kind: ReadingKind,
    /// e.g. `["Ijeoma Oluo"]`.
    pub authors: Vec<String>,
    /// e.g. 2018.
    pub published: Option<i32>,
    /// As written.
    pub isbn: Option<Isbn>,
    /// e.g. `10.1056/...`.
    pub doi: Option<Doi>,
    /// Where to find it.
    pub url: Option<Url>,
    /// Pages to read.
    pub pages: Option<u32>,
    /// Minutes to watch.
    pub minutes: Option<u32>,
    /// Optional readings are not counted in the workload.
    pub optional: bool,
    /// Sessions that list it, in curriculum order (filled by the builder).
    pub sessions: Vec<usize>,
}

pub(super) fn build(
    _b: &mut Builder<'_>,
    _model: &Model,
    p: &Parsed,
    f: &crate::content::reading::ReadingFront,
) -> Reading {
    Reading {
        source: Source::of(p, f.draft),
        title: text(&f.title),
        kind: f.kind.as_ref().map(|k| k.value).unwrap_or_default(),
        authors: f.authors.clone().unwrap_or_default(),
        published: f.published,
        isbn: f.isbn.as_ref().map(|i| i.value.clone()),
        doi: f.doi.as_ref().map(|d| d.value.clone()),
        url: f.url.as_ref().map(|u| u.value.clone()),
        pages: f.pages,
        minutes: f.minutes,
        optional: f.optional.unwrap_or(false),
        sessions: Vec::new(),
    }
}

impl Entry for Reading {
    entry_fields!(title);
    /// The years of the sessions that list it.
    fn years(&self, model: &Model) -> Vec<u8> {
        self.sessions
            .iter()
            .flat_map(|&s| model.sessions[s].years.iter().copied())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect()
    }
    fn to_json(&self, model: &Model) -> Value {
        let r = self;
        json!({
            "id": r.source.id, "title": r.title, "kind": r.kind, "authors": r.authors,
            "published": r.published, "isbn": r.isbn, "doi": r.doi, "url": r.url,
            "pages": r.pages, "minutes": r.minutes, "optional": r.optional,
            "sessions": ids(model, Collection::Sessions, &r.sessions),
            "draft": r.source.draft,
        })
    }
}
