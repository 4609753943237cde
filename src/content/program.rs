//! `content/_program.md`: the program, its academic year, framework and policies.

pub use super::competencies::Competency;
use super::values::{Date, HexColour, Language, Month, Time, TimeZoneName, TrackYear, Url};
use crate::fields::Located;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The front matter of `content/_program.md`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramFront {
    /// Program name (required), e.g. `DEI Leadership Track`.
    #[schemars(required)]
    pub title: Option<Located<String>>,
    /// e.g. `Riverside University Health System`.
    pub institution: Option<String>,
    /// One line under the title.
    pub tagline: Option<String>,
    /// BCP 47 tag for `<html lang>`, default `en`.
    pub language: Option<Located<Language>>,
    /// Length of the track in years, 1..=6, default 2.
    pub years: Option<Located<TrackYear>>,
    /// First day of the academic year (required), e.g. `2025-07-01`.
    #[schemars(required)]
    pub starts: Option<Located<Date>>,
    /// IANA time zone (required), e.g. `America/New_York`.
    #[schemars(required)]
    pub timezone: Option<Located<TimeZoneName>>,
    /// Default session times and the expected cadence.
    pub schedule: Option<Schedule>,
    /// The framework; `[]` means no phases; default A.R.E.A.
    pub phases: Option<Vec<Located<Phase>>>,
    /// How phase order is checked: `program` (default), `year` or `off`.
    pub sequence: Option<Located<Sequence>>,
    /// Attendance policy.
    pub attendance: Option<Attendance>,
    /// Monthly workload caps.
    pub workload: Option<Workload>,
    /// The curriculum map's vocabulary: `acgme` (the six ACGME core
    /// competencies), a list of `{id, title, group}`, or a list holding
    /// `acgme` and the site's own items.
    pub competencies: Option<Located<super::competencies::Competencies>>,
    /// Absolute URL where the site is published, e.g. `https://example.org/dei/`.
    pub base_url: Option<Located<Url>>,
    /// E-mail or text for the footer.
    pub contact: Option<String>,
    /// Always build the portable form (as `cairn build --portable`): links
    /// name the file, and the site opens from disk and from any file host.
    pub portable: Option<bool>,
    /// Who may take part, e.g. `PGY2 and above; PGY1 by selection`.
    pub eligibility: Option<String>,
    /// Participants per cohort, e.g. `10`.
    pub cohort_size: Option<u32>,
    /// How and when to apply.
    pub application: Option<Application>,
    /// Who endorses the program, e.g. `the Office of Graduate Medical Education`.
    pub endorsement: Option<String>,
    /// The word for participants, e.g. `residents and fellows`; default `trainees`.
    pub audience: Option<String>,
    /// What the program measures: SMART outcomes (W0314).
    pub outcomes: Option<Vec<Located<Outcome>>>,
    /// Publish people whose roles include `mentee` or `trainee`; default false.
    pub publish_participants: Option<bool>,
    /// The institution's look: logo, accent colour, sharing image.
    pub brand: Option<Brand>,
    /// `false` for a program without a calendar (a toolkit): no sessions,
    /// no calendars; its modules are its steps, in their `order`. Default true.
    pub calendar: Option<Located<bool>>,
    /// The program's history and plans, at any dates, e.g.
    /// `[{date: 2019-09-01, title: Program founded}]`; on `timeline/`.
    pub timeline: Option<Vec<Located<TimelineItem>>>,
    /// Reading ids of the program as a whole (a toolkit's documents, a
    /// plan's references), listed on the home page.
    pub resources: Option<Vec<Located<String>>>,
}

/// One dated event of the program's `timeline`, e.g. `{date: 2019-09-01,
/// title: First cohort, url: https://...}`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimelineItem {
    /// Any date, inside the academic year or not (required), e.g. `2019-09-01`.
    pub date: Located<Date>,
    /// What happened or will happen, e.g. `First cohort graduates`.
    pub title: String,
    /// Where to read more.
    pub url: Option<Located<Url>>,
}

/// `application:` in `_program.md`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// First day applications are taken.
    pub opens: Option<Located<Date>>,
    /// Last day applications are taken.
    pub closes: Option<Located<Date>>,
    /// Where to apply.
    pub url: Option<Located<Url>>,
    /// Whom to ask, e.g. an e-mail address.
    pub contact: Option<String>,
}

/// One program outcome, e.g. `{id: mentors, statement: ..., measure: ...,
/// target: ..., by: 2026-06-30}`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Id used by modules' `outcomes`, e.g. `mentor-pool`.
    pub id: Located<String>,
    /// What changes, e.g. `More faculty mentors from groups underrepresented in medicine`.
    pub statement: String,
    /// How it is measured, e.g. `Mentor roster count, annual survey`.
    pub measure: Option<String>,
    /// The value to reach, e.g. `+20%`.
    pub target: Option<String>,
    /// The date to reach it by.
    pub by: Option<Located<Date>>,
}

/// `brand:` in `_program.md`: what puts an institution's name on the site.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// Logo, a path under `static/` (SVG or raster), e.g. `images/logo.svg`;
    /// shown in the header and on the print page, and used as the favicon.
    pub logo: Option<Located<String>>,
    /// Accent colour `#rrggbb` for links, the current navigation item,
    /// buttons and focus rings, e.g. `"#0b57a4"` (W0315 if under 4.5:1).
    pub accent: Option<Located<HexColour>>,
    /// The accent in the dark scheme, e.g. `"#8cc4ff"`; derived from
    /// `accent` (same hue, lighter) when absent.
    pub accent_dark: Option<Located<HexColour>>,
    /// Picture for link previews (Open Graph), a path under `static/`, e.g.
    /// `images/share.png`; the logo when absent.
    pub image: Option<Located<String>>,
}

/// `schedule:` in `_program.md`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Default start time, `18:00` unless given.
    pub start: Option<Located<Time>>,
    /// Default end time, `20:00` unless given.
    pub end: Option<Located<Time>>,
    /// Months that should each hold a required session, e.g. `[9, 10, 11]`.
    pub months: Option<Vec<Located<Month>>>,
    /// Dates on which no session may fall.
    pub blackout: Option<Vec<Located<Date>>>,
    /// The agenda of every seminar without its own, e.g.
    /// `[{time: "18:00", title: Lecture}, {time: "19:00", title: Small groups}]`.
    pub agenda: Option<Vec<Located<super::session::AgendaItem>>>,
}

/// One phase of the framework, e.g. `{id: awareness, title: Awareness}`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Id used by modules' `phase`, e.g. `awareness`.
    pub id: Located<String>,
    /// Shown name, e.g. `Awareness`.
    pub title: String,
    /// One paragraph.
    pub summary: Option<String>,
    /// A continuous phase runs alongside the others and is exempt from E0303.
    pub continuous: Option<bool>,
}

/// How phase order is checked (E0303).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Sequence {
    /// Across the whole program in curriculum order.
    #[default]
    Program,
    /// Within each year.
    Year,
    /// Not checked.
    Off,
}

/// `attendance:` in `_program.md`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    /// Required sessions a trainee must attend per year, e.g. `8`.
    pub minimum: Option<Located<u32>>,
}

/// `workload:` in `_program.md`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Workload {
    /// Reading pages per month and year, e.g. `120`.
    pub max_pages_per_month: Option<Located<u32>>,
    /// Video, course and self-paced minutes per month and year, e.g. `180`.
    pub max_minutes_per_month: Option<Located<u32>>,
}

/// `content/years/N.md`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearFront {
    /// Default `Year N`.
    pub title: Option<Located<String>>,
    /// One paragraph.
    pub summary: Option<String>,
    /// Left out unless `--drafts`.
    pub draft: Option<bool>,
}
