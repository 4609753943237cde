//! `content/people/*.md`: speakers, mentors, facilitators, committee, staff.

use super::values::Url;
use crate::fields::Located;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The front matter of a person; the body is the bio.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonFront {
    /// e.g. `Dr. Ana Ruiz` (required).
    #[schemars(required)]
    pub name: Option<Located<String>>,
    /// e.g. `Associate Professor of Pediatrics`.
    pub role: Option<String>,
    /// e.g. `she/her`.
    pub pronouns: Option<String>,
    /// e.g. `Riverside Children's Hospital`.
    pub affiliation: Option<String>,
    /// Parts they play in the program.
    pub roles: Option<Vec<Located<PersonRole>>>,
    /// Path under `static/`, e.g. `images/people/ana.png`.
    pub photo: Option<Located<String>>,
    /// e-mail address.
    pub email: Option<String>,
    /// Web page.
    pub url: Option<Located<Url>>,
    /// Left out unless `--drafts`.
    pub draft: Option<bool>,
}

/// A part a person plays in the program.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum PersonRole {
    /// Gives seminar lectures.
    Speaker,
    /// Mentors a small group or a trainee.
    Mentor,
    /// Facilitates sessions.
    Facilitator,
    /// Curriculum committee member.
    Committee,
    /// Program director.
    Director,
    /// Program staff.
    Staff,
    /// Is mentored (a participant: published only with `publish_participants`).
    Mentee,
    /// Takes part in the program (a participant: published only with
    /// `publish_participants`).
    Trainee,
}

impl PersonRole {
    /// True for the roles of participants, whose names are private unless
    /// the program publishes them (SPEC 8).
    pub fn is_participant(self) -> bool {
        matches!(self, PersonRole::Mentee | PersonRole::Trainee)
    }

    /// Every role, in the order people pages list them.
    pub const ALL: [PersonRole; 8] = [
        PersonRole::Director,
        PersonRole::Committee,
        PersonRole::Speaker,
        PersonRole::Facilitator,
        PersonRole::Mentor,
        PersonRole::Staff,
        PersonRole::Mentee,
        PersonRole::Trainee,
    ];

    /// How the role is written, e.g. `speaker`.
    pub fn as_str(self) -> &'static str {
        match self {
            PersonRole::Speaker => "speaker",
            PersonRole::Mentor => "mentor",
            PersonRole::Facilitator => "facilitator",
            PersonRole::Committee => "committee",
            PersonRole::Director => "director",
            PersonRole::Staff => "staff",
            PersonRole::Mentee => "mentee",
            PersonRole::Trainee => "trainee",
        }
    }
}

/// The front matter `cairn new person` writes: required fields filled, the
/// others as comments.
pub fn starter(s: &super::Starter<'_>) -> String {
    format!(
        "name: {}\n# role: Associate Professor of ...\n# pronouns: she/her\n# affiliation: ...\n# roles: [mentor]   (mentee and trainee are published only with publish_participants: true)\n# photo: images/people/NAME.png\n# email: ...\n# url: https://...\n# draft: true\n",
        s.title
    )
}
