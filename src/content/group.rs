//! `content/groups/*.md`: mentored small groups, mentor-mentee pairs,
//! reverse-mentoring pairs and committees.

use crate::fields::Located;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The front matter of a group; the body says what it works on and how.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupFront {
    /// e.g. `Small group A: community health workshop` (required).
    #[schemars(required)]
    pub title: Option<Located<String>>,
    /// Default `small-group`.
    pub kind: Option<Located<GroupKind>>,
    /// Person ids of its mentors.
    pub mentors: Option<Vec<Located<String>>>,
    /// Person ids of its members.
    pub members: Option<Vec<Located<String>>>,
    /// Session ids where it meets.
    pub sessions: Option<Vec<Located<String>>>,
    /// When it meets: in words, e.g. `Second Tuesday of the month, 12-1 pm`,
    /// or a rule of dated meetings (`from`, `every`...).
    pub meets: Option<Located<super::repeats::Meets>>,
    /// Project id of the work it prepares.
    pub project: Option<Located<String>>,
    /// Left out unless `--drafts`.
    pub draft: Option<bool>,
}

/// What kind of group it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum GroupKind {
    /// A mentored small group.
    #[default]
    SmallGroup,
    /// A mentor and a mentee.
    Pair,
    /// A junior member mentors a senior one.
    ReverseMentoring,
    /// A committee.
    Committee,
}

impl GroupKind {
    /// How the kind is written, e.g. `small-group`.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::SmallGroup => "small-group",
            GroupKind::Pair => "pair",
            GroupKind::ReverseMentoring => "reverse-mentoring",
            GroupKind::Committee => "committee",
        }
    }
}

/// The front matter `cairn new group` writes: required fields filled, the
/// others as comments.
pub fn starter(s: &super::Starter<'_>) -> String {
    format!(
        "title: {}\nkind: small-group\n# mentors: [PERSON-ID]\n# members: [PERSON-ID, PERSON-ID]\n# sessions: [{}]\n# meets: Second Tuesday of the month, 12-1 pm\n# project: PROJECT-ID\n# draft: true\n",
        s.title,
        s.first_session.unwrap_or("SESSION-ID")
    )
}
