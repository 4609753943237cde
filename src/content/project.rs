//! `content/projects/*.md`: capstone project tracks with milestones.

use super::values::{Date, TrackYear};
use crate::fields::Located;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The front matter of a capstone project track.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectFront {
    /// e.g. `Equity-minded quality improvement` (required).
    #[schemars(required)]
    pub title: Option<Located<String>>,
    /// The track's kind.
    pub kind: Option<Located<ProjectKind>>,
    /// Track year; default the last year.
    pub year: Option<Located<TrackYear>>,
    /// Steps, each with a `due` date or a `session` id, in date order.
    pub milestones: Option<Vec<Located<Milestone>>>,
    /// Left out unless `--drafts`.
    pub draft: Option<bool>,
}

/// The kind of a capstone track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ProjectKind {
    /// Quality improvement.
    QualityImprovement,
    /// Advocacy.
    Advocacy,
    /// Education.
    Education,
    /// Community engagement.
    CommunityEngagement,
    /// Research.
    Research,
    /// Anything else.
    Other,
}

impl ProjectKind {
    /// How the kind is written, e.g. `quality-improvement`.
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectKind::QualityImprovement => "quality-improvement",
            ProjectKind::Advocacy => "advocacy",
            ProjectKind::Education => "education",
            ProjectKind::CommunityEngagement => "community-engagement",
            ProjectKind::Research => "research",
            ProjectKind::Other => "other",
        }
    }
}

/// One milestone of a project.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// e.g. `Project charter approved`.
    pub title: String,
    /// Due date.
    pub due: Option<Located<Date>>,
    /// Or: the session where it is due, e.g. `2026-05-forum`.
    pub session: Option<Located<String>>,
}

/// The front matter `cairn new project` writes: required fields filled, the
/// others as comments.
pub fn starter(s: &super::Starter<'_>) -> String {
    format!(
        "title: {}\n# kind: quality-improvement\n# year: 2\n# milestones:\n#   - {{ title: ..., due: YYYY-MM-DD }}\n# draft: true\n",
        s.title
    )
}
