//! `content/sessions/*.md`: dated sessions (seminars, book club, forum...).

use super::values::{Date, Time, Url, Years};
use crate::fields::Located;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The front matter of a session.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionFront {
    /// e.g. `Listening Across Difference` (required).
    #[schemars(required)]
    pub title: Option<Located<String>>,
    /// Default `seminar`.
    pub kind: Option<Located<SessionKind>>,
    /// e.g. `2025-09-18` (required).
    #[schemars(required)]
    pub date: Option<Located<Date>>,
    /// Last day of a session over several days.
    pub end_date: Option<Located<Date>>,
    /// Default: the program's `schedule.start`.
    pub start: Option<Located<Time>>,
    /// Default: the program's `schedule.end`.
    pub end: Option<Located<Time>>,
    /// Track year(s) attending: `1` or `[1, 2]`.
    pub year: Option<Located<Years>>,
    /// Module id; required for seminars.
    pub module: Option<Located<String>>,
    /// e.g. `Education Center, Room 204`.
    pub location: Option<String>,
    /// Video link.
    pub online: Option<Located<Url>>,
    /// Person ids.
    pub speakers: Option<Vec<Located<String>>>,
    /// Person ids.
    pub facilitators: Option<Vec<Located<String>>>,
    /// Reading ids read for this session.
    pub readings: Option<Vec<Located<String>>>,
    /// Expected of every trainee of its years; default true for seminars.
    pub required: Option<bool>,
    /// Counts toward the attendance minimum; default `required`'s value.
    pub counts: Option<bool>,
    /// Feedback survey URL, offered once the session has ended.
    pub feedback: Option<Located<Url>>,
    /// A series: the rule of its later dates (SPEC 9.2).
    pub repeats: Option<Located<super::repeats::Repeats>>,
    /// Each day's hours of a session over several days.
    pub hours: Option<Vec<Located<super::repeats::DayHours>>>,
    /// The evening's plan.
    pub agenda: Option<Vec<Located<AgendaItem>>>,
    /// Who the session is for: `all` (default), `trainees`, `mentors` or
    /// `faculty`; a session for mentors or faculty never counts toward
    /// trainees' attendance.
    #[serde(rename = "for")]
    pub audience: Option<Located<Audience>>,
    /// Left out unless `--drafts`.
    pub draft: Option<bool>,
}

/// What kind of session it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SessionKind {
    /// Monthly seminar (lecture + small groups).
    #[default]
    Seminar,
    /// Book club meeting.
    BookClub,
    /// Discussion group.
    Discussion,
    /// Workshop.
    Workshop,
    /// Community engagement.
    Community,
    /// Orientation.
    Orientation,
    /// Forum (often both cohorts).
    Forum,
    /// Graduation.
    Graduation,
    /// Anything else.
    Other,
}

impl SessionKind {
    /// Every kind, as the authoring guide (`docs/authoring.md`) lists them.
    pub const ALL: [SessionKind; 9] = [
        SessionKind::Seminar,
        SessionKind::BookClub,
        SessionKind::Discussion,
        SessionKind::Workshop,
        SessionKind::Community,
        SessionKind::Orientation,
        SessionKind::Forum,
        SessionKind::Graduation,
        SessionKind::Other,
    ];

    /// The kind written `s`, as `cairn new --kind` takes it.
    pub fn parse(s: &str) -> Result<SessionKind, String> {
        SessionKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                let kinds: Vec<&str> = SessionKind::ALL.iter().map(|k| k.as_str()).collect();
                format!(
                    "unknown session kind `{s}`; the kinds are: {}",
                    kinds.join(", ")
                )
            })
    }

    /// How the kind is written and shown, e.g. `book-club`.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Seminar => "seminar",
            SessionKind::BookClub => "book-club",
            SessionKind::Discussion => "discussion",
            SessionKind::Workshop => "workshop",
            SessionKind::Community => "community",
            SessionKind::Orientation => "orientation",
            SessionKind::Forum => "forum",
            SessionKind::Graduation => "graduation",
            SessionKind::Other => "other",
        }
    }
}

/// Who a session is for (`for:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Everyone the session's years concern.
    #[default]
    All,
    /// The program's trainees.
    Trainees,
    /// Mentors only.
    Mentors,
    /// Faculty only.
    Faculty,
}

impl Audience {
    /// True for a session trainees attend (`all` or `trainees`): it may
    /// count toward their attendance and be in their "Next up".
    pub fn includes_trainees(self) -> bool {
        matches!(self, Audience::All | Audience::Trainees)
    }

    /// How it is written and shown, e.g. `mentors`.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::All => "all",
            Audience::Trainees => "trainees",
            Audience::Mentors => "mentors",
            Audience::Faculty => "faculty",
        }
    }
}

/// One line of a session's agenda.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// Day of a session over several days, 1-based; default 1.
    pub day: Option<Located<u32>>,
    /// e.g. `19:00`.
    pub time: Located<Time>,
    /// e.g. `Mentored small groups`.
    pub title: String,
    /// More words.
    pub detail: Option<String>,
}

/// The front matter `cairn new session` writes: required fields filled, the
/// others as comments. A seminar needs a module when the program has any,
/// so a new seminar gets the first one (to be changed) rather than an error.
pub fn starter(s: &super::Starter<'_>) -> String {
    let module = match s.first_module {
        Some(m) if s.session_kind == SessionKind::Seminar => format!("module: {m}"),
        m => format!("# module: {}", m.unwrap_or("MODULE-ID")),
    };
    format!(
        "title: {}\nkind: {}\ndate: {}\n# end_date: YYYY-MM-DD\n# start: \"18:00\"\n# end: \"20:00\"\n# year: 1\n{module}\n# location: ...\n# online: https://...\n# speakers: []\n# facilitators: []\n# readings: []\n# required: false\n# counts: false\n# feedback: https://...\n# agenda:\n#   - {{ day: 1, time: \"18:00\", title: ..., detail: ... }}\n# for: all\n# draft: true\n",
        s.title,
        s.session_kind.as_str(),
        s.date,
    )
}
