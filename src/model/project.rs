//! A capstone project track (`content/projects/`): its model type and
//! milestones, its builder and its part of `curriculum.json`.

use super::build::{Builder, text, year_in_range};
use super::json::id;
use super::{Entry, Located, Model, Source};
use crate::content::Parsed;
use crate::content::project::ProjectKind;
use crate::content::values::Date;
use crate::diagnostics::{Code, Diagnostic};
use crate::layout::Collection;
use serde_json::{Value, json};

/// A capstone project track.
#[derive(Debug, Clone)]
pub struct Project {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `Equity-minded quality improvement`.
    pub title: String,
    /// Its kind.
    pub kind: Option<ProjectKind>,
    /// Track year (default the last).
    pub year: u8,
    /// Steps in the order written.
    pub milestones: Vec<Milestone>,
}

/// A project milestone, its session resolved.
#[derive(Debug, Clone)]
pub struct Milestone {
    /// e.g. `Charter approved`.
    pub title: String,
    /// Due date, if written, with its place.
    pub due: Option<Located<Date>>,
    /// Session index, if written.
    pub session: Option<usize>,
    /// The list item's place.
    pub pos: crate::diagnostics::Pos,
}

impl Milestone {
    /// Its date: `due`, else its session's date.
    pub fn date(&self, model: &Model) -> Option<Date> {
        self.due
            .as_ref()
            .map(|d| d.value)
            .or_else(|| self.session.map(|s| model.sessions[s].date.value))
    }
}

pub(super) fn build(
    b: &mut Builder<'_>,
    model: &Model,
    p: &Parsed,
    f: &crate::content::project::ProjectFront,
) -> Project {
    let file = p.path.as_str();
    let program = &model.program;
    let year = match &f.year {
        Some(y) => {
            year_in_range(b, program, y, file);
            y.value.0
        }
        None => program.years,
    };
    let mut milestones = Vec::new();
    for m in f.milestones.iter().flatten() {
        if m.value.due.is_none() && m.value.session.is_none() {
            b.push(
                Diagnostic::new(
                    Code::E0105,
                    file,
                    m.pos,
                    format!(
                        "the milestone `{}` has neither `due` nor `session`",
                        m.value.title
                    ),
                )
                .help("give it a `due: YYYY-MM-DD` date or the `session:` id where it is due"),
            );
        }
        let session = m
            .value
            .session
            .as_ref()
            .and_then(|r| b.resolve(Collection::Sessions, r, file));
        milestones.push(Milestone {
            title: m.value.title.clone(),
            due: m.value.due.clone(),
            session,
            pos: m.pos,
        });
    }
    Project {
        source: Source::of(p, f.draft),
        title: text(&f.title),
        kind: f.kind.as_ref().map(|k| k.value),
        year,
        milestones,
    }
}

impl Entry for Project {
    entry_fields!(title);
    fn years(&self, _model: &Model) -> Vec<u8> {
        vec![self.year]
    }
    fn to_json(&self, model: &Model) -> Value {
        let pr = self;
        json!({
            "id": pr.source.id, "title": pr.title, "kind": pr.kind, "year": pr.year,
            "milestones": pr.milestones.iter().map(|m| json!({
                "title": m.title, "due": m.due.as_ref().map(|d| d.value),
                "session": m.session.map(|i| id(model, Collection::Sessions, i)),
                "date": m.date(model),
            })).collect::<Vec<_>>(),
            "draft": pr.source.draft,
        })
    }
}
