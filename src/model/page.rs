//! A free page (`content/pages/`): its model type, builder and part of
//! `curriculum.json`.

use super::build::{Builder, text};
use super::{Entry, Model, Source};
use crate::content::Parsed;
use serde_json::{Value, json};

/// A free page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `Apply`.
    pub title: String,
    /// Navigation order.
    pub weight: i64,
    /// Shown in the navigation.
    pub nav: bool,
}

pub(super) fn build(
    _b: &mut Builder<'_>,
    _model: &Model,
    p: &Parsed,
    f: &crate::content::page::PageFront,
) -> Page {
    Page {
        source: Source::of(p, f.draft),
        title: text(&f.title),
        weight: f.weight.unwrap_or(0),
        nav: f.nav.unwrap_or(true),
    }
}

impl Entry for Page {
    entry_fields!(title);
    fn to_json(&self, _model: &Model) -> Value {
        let pg = self;
        json!({
            "id": pg.source.id, "title": pg.title, "weight": pg.weight, "nav": pg.nav, "draft": pg.source.draft,
        })
    }
}
