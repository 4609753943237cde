//! `content/modules/*.md`: A.R.E.A. modules.

use super::values::{Date, TrackYear, Url};
use crate::fields::Located;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The front matter of a module.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModuleFront {
    /// e.g. `Implicit & Structural Bias` (required).
    #[schemars(required)]
    pub title: Option<Located<String>>,
    /// Phase id, e.g. `awareness` (required unless `phases: []`).
    pub phase: Option<Located<String>>,
    /// Track year, e.g. `1` (required).
    #[schemars(required)]
    pub year: Option<Located<TrackYear>>,
    /// One paragraph for lists.
    pub summary: Option<String>,
    /// Learning objectives, each measurable (W0313).
    pub objectives: Option<Vec<Located<String>>>,
    /// Competency ids for the curriculum map.
    pub competencies: Option<Vec<Located<String>>>,
    /// Module ids that must finish before this one starts.
    pub prerequisites: Option<Vec<Located<String>>>,
    /// Online, self-paced work.
    pub self_paced: Option<Vec<Located<SelfPaced>>>,
    /// Outcome ids of `_program.md` this module serves.
    pub outcomes: Option<Vec<Located<String>>>,
    /// Reading ids to use at any time (tools, toolkits, guides...); exempt
    /// from W0204.
    pub resources: Option<Vec<Located<String>>>,
    /// Feedback survey URL.
    pub feedback: Option<Located<Url>>,
    /// Its place among the program's steps when the program has no calendar
    /// (`calendar: false`), e.g. `1`; lower first, default: path order.
    pub order: Option<Located<i32>>,
    /// Left out unless `--drafts`.
    pub draft: Option<bool>,
}

/// One piece of self-paced work, e.g. an online course.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfPaced {
    /// e.g. `Implicit Association Test`.
    pub title: String,
    /// e.g. `Project Implicit`.
    pub provider: Option<String>,
    /// Where to find it.
    pub url: Option<Url>,
    /// Expected minutes, counted in the workload.
    pub minutes: Option<u32>,
    /// Due date; without one, the module's first session.
    pub due: Option<Located<Date>>,
}

/// The front matter `cairn new module` writes: required fields filled, the
/// others as comments.
pub fn starter(s: &super::Starter<'_>) -> String {
    format!(
        "title: {}\n{}year: 1\n# summary: One paragraph for lists.\n# objectives:\n#   - Describe ...\n# competencies: []\n# outcomes: []\n# resources: []\n# feedback: https://...\n# prerequisites: []\n# self_paced:\n#   - {{ title: ..., provider: ..., url: https://..., minutes: 30, due: YYYY-MM-DD }}\n# draft: true\n",
        s.title,
        s.phase
            .map_or_else(String::new, |p| format!("phase: {p}\n"))
    )
}
