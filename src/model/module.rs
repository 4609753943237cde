//! A module of the curriculum (`content/modules/`): its model type, its
//! builder (a year in range, its phase, outcomes, competencies and
//! prerequisites resolved) and its part of `curriculum.json`.

use super::build::{Builder, text, year_in_range};
use super::json::{id, ids};
use super::{Entry, Located, Model, Program, Source};
use crate::content::Parsed;
use crate::content::module::SelfPaced;
use crate::content::values::Url;
use crate::diagnostics::{Code, Diagnostic, Pos, did_you_mean};
use crate::layout::Collection;
use serde_json::{Value, json};

/// An A.R.E.A. module.
#[derive(Debug, Clone)]
pub struct Module {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `Implicit & Structural Bias`.
    pub title: String,
    /// Index into `program.phases`; `None` with `phases: []`.
    pub phase: Option<usize>,
    /// The `phase` value's place.
    pub phase_pos: Option<crate::diagnostics::Pos>,
    /// Track year, e.g. 1.
    pub year: u8,
    /// One paragraph.
    pub summary: Option<String>,
    /// Learning objectives, with the place of each list item.
    pub objectives: Vec<Located<String>>,
    /// Indexes into `program.competencies`.
    pub competencies: Vec<usize>,
    /// Prerequisite modules, with the place of each list item.
    pub prerequisites: Vec<Located<usize>>,
    /// Online work.
    pub self_paced: Vec<SelfPaced>,
    /// Indexes into `program.outcomes`.
    pub outcomes: Vec<usize>,
    /// Reading indexes to use at any time.
    pub resources: Vec<usize>,
    /// Feedback survey.
    pub feedback: Option<Url>,
    /// Its place among the steps of a program without a calendar (`order`).
    pub order: Option<i32>,
    /// Its sessions in curriculum order (filled by the builder).
    pub sessions: Vec<usize>,
}

pub(super) fn build(
    b: &mut Builder<'_>,
    model: &Model,
    p: &Parsed,
    f: &crate::content::module::ModuleFront,
) -> Module {
    let file = p.path.as_str();
    let program = &model.program;
    let year = f.year.clone().map(|y| {
        year_in_range(b, program, &y, file);
        y.value.0
    });
    let phase_ids = || {
        program
            .phases
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let phase = match (&f.phase, program.phases.is_empty()) {
        (None, false) => {
            b.push(
                Diagnostic::new(
                    Code::E0105,
                    file,
                    Pos::START,
                    "missing required field `phase`",
                )
                .help(format!("add `phase: ...` with one of: {}", phase_ids())),
            );
            None
        }
        (None, true) => None,
        (Some(id), _) => {
            let found = program.phase(&id.value);
            if found.is_none() {
                let help = if program.phases.is_empty() {
                    Some(
                        "the program has `phases: []`: remove `phase` from this module".to_string(),
                    )
                } else {
                    did_you_mean(&id.value, program.phases.iter().map(|p| p.id.as_str()))
                        .or_else(|| Some(format!("the phases are: {}", phase_ids())))
                };
                b.push(
                    Diagnostic::new(
                        Code::E0201,
                        file,
                        id.pos,
                        format!("unknown phase `{}`", id.value),
                    )
                    .maybe_help(help),
                );
            }
            found
        }
    };
    let competencies = f
        .competencies
        .iter()
        .flatten()
        .filter_map(|c| {
            let found = program
                .competencies
                .iter()
                .position(|k| k.id.value == c.value);
            if found.is_none() {
                let help = did_you_mean(
                    &c.value,
                    program.competencies.iter().map(|k| k.id.value.as_str()),
                )
                .or_else(|| {
                    Some("competencies are listed under `competencies` in _program.md".to_string())
                });
                b.push(
                    Diagnostic::new(
                        Code::E0201,
                        file,
                        c.pos,
                        format!("unknown competency `{}`", c.value),
                    )
                    .maybe_help(help),
                );
            }
            found
        })
        .collect();
    let prerequisites = f
        .prerequisites
        .iter()
        .flatten()
        .filter_map(|r| {
            b.resolve(Collection::Modules, r, file).map(|i| Located {
                value: i,
                pos: r.pos,
            })
        })
        .collect();
    Module {
        source: Source::of(p, f.draft),
        title: text(&f.title),
        phase,
        phase_pos: f.phase.as_ref().map(|p| p.pos),
        year: year.unwrap_or(1),
        summary: f.summary.clone(),
        objectives: f.objectives.clone().unwrap_or_default(),
        outcomes: f
            .outcomes
            .iter()
            .flatten()
            .filter_map(|o| outcome(b, program, o, file))
            .collect(),
        resources: b.resolve_all(Collection::Readings, &f.resources, file),
        feedback: f.feedback.as_ref().map(|u| u.value.clone()),
        order: f.order.as_ref().map(|o| o.value),
        competencies,
        prerequisites,
        self_paced: f
            .self_paced
            .iter()
            .flatten()
            .map(|s| s.value.clone())
            .collect(),
        sessions: Vec::new(),
    }
}

/// Resolves a module's outcome reference to an index into `program.outcomes`.
fn outcome(
    b: &mut Builder<'_>,
    program: &Program,
    reference: &Located<String>,
    file: &str,
) -> Option<usize> {
    let found = program
        .outcomes
        .iter()
        .position(|o| o.value.id.value == reference.value);
    if found.is_none() {
        let help = did_you_mean(
            &reference.value,
            program.outcomes.iter().map(|o| o.value.id.value.as_str()),
        )
        .or_else(|| Some("outcomes are listed under `outcomes` in _program.md".to_string()));
        b.push(
            Diagnostic::new(
                Code::E0201,
                file,
                reference.pos,
                format!("unknown outcome `{}`", reference.value),
            )
            .maybe_help(help),
        );
    }
    found
}

impl Entry for Module {
    entry_fields!(title);
    fn years(&self, _model: &Model) -> Vec<u8> {
        vec![self.year]
    }
    fn to_json(&self, model: &Model) -> Value {
        let (m, p) = (self, &model.program);
        let mut out = json!({
            "id": m.source.id, "title": m.title, "year": m.year,
            "phase": m.phase.map(|i| p.phases[i].id.clone()),
            "summary": m.summary, "objectives": m.objectives.iter().map(|o| &o.value).collect::<Vec<_>>(),
            "outcomes": m.outcomes.iter().map(|&o| p.outcomes[o].value.id.value.clone()).collect::<Vec<_>>(),
            "resources": ids(model, Collection::Readings, &m.resources),
            "feedback": m.feedback,
            "competencies": m.competencies.iter().map(|&c| p.competencies[c].id.value.clone()).collect::<Vec<_>>(),
            "prerequisites": m.prerequisites.iter().map(|r| id(model, Collection::Modules, r.value)).collect::<Vec<_>>(),
            "self_paced": m.self_paced,
            "sessions": ids(model, Collection::Sessions, &m.sessions),
            "draft": m.source.draft,
        });
        // Written only when given, so the file of a program without it
        // stays as it was.
        if let Some(order) = m.order {
            out["order"] = json!(order);
        }
        out
    }
}
