//! A reflection prompt (`content/prompts/`): its model type, builder and
//! part of `curriculum.json`.

use super::build::{Builder, text};
use super::json::id;
use super::{Entry, Located, Model, Source};
use crate::content::Parsed;
use crate::content::values::Date;
use crate::layout::Collection;
use serde_json::{Value, json};

/// A reflection prompt.
#[derive(Debug, Clone)]
pub struct Prompt {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `A moment you stayed silent`.
    pub title: String,
    /// Its session.
    pub session: Option<usize>,
    /// Its module.
    pub module: Option<usize>,
    /// Due date.
    pub due: Option<Located<Date>>,
}

pub(super) fn build(
    b: &mut Builder<'_>,
    _model: &Model,
    p: &Parsed,
    f: &crate::content::prompt::PromptFront,
) -> Prompt {
    let file = p.path.as_str();
    Prompt {
        source: Source::of(p, f.draft),
        title: text(&f.title),
        session: f
            .session
            .as_ref()
            .and_then(|r| b.resolve(Collection::Sessions, r, file)),
        module: f
            .module
            .as_ref()
            .and_then(|r| b.resolve(Collection::Modules, r, file)),
        due: f.due.clone(),
    }
}

impl Entry for Prompt {
    entry_fields!(title);
    fn to_json(&self, model: &Model) -> Value {
        json!({
            "id": self.source.id, "title": self.title,
            "session": self.session.map(|i| id(model, Collection::Sessions, i)),
            "module": self.module.map(|i| id(model, Collection::Modules, i)),
            "due": self.due.as_ref().map(|d| d.value), "draft": self.source.draft,
        })
    }
}
