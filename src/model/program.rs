//! The program (`_program.md`) and its track years: their model types and
//! the program's builder (defaults: the A.R.E.A. phases, 6-8 pm, two years;
//! E0107 for repeated phase, outcome and competency ids).

use super::{Located, Source};
use crate::content::Parsed;
use crate::content::competencies::ACGME_CORE;
use crate::content::program::{
    Competency, Outcome, Phase as PhaseFront, ProgramFront, Sequence, TimelineItem,
};
use crate::content::session::AgendaItem;
use crate::content::values::{Date, Month, Time, Url};
use crate::diagnostics::{Code, Diagnostic, Pos};
use std::collections::HashSet;

/// The program and its policies, defaults applied.
#[derive(Debug, Clone)]
pub struct Program {
    /// Body and place of `_program.md`.
    pub source: Source,
    /// e.g. `DEI Leadership Track`.
    pub title: String,
    /// e.g. `Riverside University Health System`.
    pub institution: Option<String>,
    /// One line under the title.
    pub tagline: Option<String>,
    /// `<html lang>`, e.g. `en`.
    pub language: String,
    /// Every text the theme writes, in `language` (SPEC 9.3); the site's
    /// `i18n/` overrides are put in by `pipeline::check`.
    pub messages: std::sync::Arc<crate::i18n::Messages>,
    /// Length of the track, e.g. `2`.
    pub years: u8,
    /// First day of the academic year, e.g. 2025-07-01.
    pub starts: Located<Date>,
    /// IANA name, e.g. `America/New_York`.
    pub timezone: String,
    /// The zone's rules, from the built-in database.
    pub tz: jiff::tz::TimeZone,
    /// Default session start, e.g. 18:00.
    pub start: Time,
    /// Default session end, e.g. 20:00.
    pub end: Time,
    /// Months that should each hold a required session.
    pub months: Vec<Located<Month>>,
    /// Dates without sessions.
    pub blackout: Vec<Located<Date>>,
    /// The framework, in order; empty for `phases: []`.
    pub phases: Vec<Phase>,
    /// How phase order is checked.
    pub sequence: Sequence,
    /// Required sessions per year, with the place of the value.
    pub attendance_minimum: Option<Located<u32>>,
    /// Reading pages per month, with the place of the value.
    pub max_pages_per_month: Option<Located<u32>>,
    /// Minutes per month, with the place of the value.
    pub max_minutes_per_month: Option<Located<u32>>,
    /// The curriculum map's vocabulary.
    pub competencies: Vec<Located<Competency>>,
    /// e.g. `https://example.org/dei/`.
    pub base_url: Option<Url>,
    /// Footer contact.
    pub contact: Option<String>,
    /// Build the portable form (links name `index.html`) whatever the flag.
    pub portable: bool,
    /// Who may take part.
    pub eligibility: Option<String>,
    /// Participants per cohort.
    pub cohort_size: Option<u32>,
    /// How and when to apply.
    pub application: Option<crate::content::program::Application>,
    /// Who endorses the program.
    pub endorsement: Option<String>,
    /// The word for participants, e.g. `residents and fellows`, written by
    /// the program; `None` means the theme's default word.
    pub audience: Option<String>,
    /// SMART outcomes, in the order written.
    pub outcomes: Vec<Located<Outcome>>,
    /// People whose roles include `mentee` or `trainee` are in the model.
    pub publish_participants: bool,
    /// Logo, accent colours and sharing image.
    pub brand: super::brand::Brand,
    /// False for a program without a calendar (`calendar: false`, a
    /// toolkit): no sessions, calendars or schedule notices.
    pub calendar: bool,
    /// The agenda of every seminar without its own (`schedule.agenda`).
    pub agenda: Vec<Located<AgendaItem>>,
    /// The program's history and plans, in date order (then as written).
    pub timeline: Vec<TimelineItem>,
    /// Reading indexes of the program as a whole (filled by the builder,
    /// once the readings are known).
    pub resources: Vec<usize>,
}

impl Program {
    /// The first day after the academic year: `starts` + 1 year.
    pub fn ends(&self) -> Date {
        Date(
            self.starts
                .value
                .0
                .saturating_add(jiff::Span::new().years(1)),
        )
    }

    /// True when `date` falls in [starts, starts + 1 year).
    pub fn in_academic_year(&self, date: Date) -> bool {
        date >= self.starts.value && date < self.ends()
    }

    /// Index of a phase by id.
    pub fn phase(&self, id: &str) -> Option<usize> {
        self.phases.iter().position(|p| p.id == id)
    }
}

/// One phase of the framework.
#[derive(Debug, Clone)]
pub struct Phase {
    /// e.g. `awareness`.
    pub id: String,
    /// e.g. `Awareness`.
    pub title: String,
    /// One paragraph.
    pub summary: Option<String>,
    /// Runs alongside the others (exempt from E0303).
    pub continuous: bool,
}

/// A track year.
#[derive(Debug, Clone)]
pub struct Year {
    /// 1, 2, ...
    pub number: u8,
    /// e.g. `Year 1` or the year file's title.
    pub title: String,
    /// One paragraph.
    pub summary: Option<String>,
    /// `years/N.md`, if there is one.
    pub source: Option<Source>,
}

/// The A.R.E.A. framework, used when `_program.md` has no `phases`.
fn default_phases() -> Vec<Phase> {
    [
        ("awareness", "Awareness", false),
        ("reflection", "Reflection", true),
        ("empowerment", "Empowerment", false),
        ("action", "Action", false),
    ]
    .into_iter()
    .map(|(id, title, continuous)| Phase {
        id: id.into(),
        title: title.into(),
        summary: None,
        continuous,
    })
    .collect()
}

/// The program from `_program.md`, defaults applied; `None` when a required
/// field is missing (already reported). Reports repeated phase, outcome and
/// competency ids (E0107).
pub(super) fn build(p: &Parsed, f: &ProgramFront, ds: &mut Vec<Diagnostic>) -> Option<Program> {
    let file = p.path.as_str();
    let (title, starts, timezone) = (f.title.as_ref()?, f.starts.clone()?, f.timezone.as_ref()?);
    let phases = match &f.phases {
        None => default_phases(),
        Some(list) => {
            unique_ids(
                list.iter().map(|p| (&p.value.id.value, p.pos)),
                "phase",
                file,
                ds,
            );
            list.iter().map(|p| phase(&p.value)).collect()
        }
    };
    let competencies: Vec<Located<Competency>> = f
        .competencies
        .as_ref()
        .map(crate::content::competencies::Competencies::expand)
        .unwrap_or_default();
    if let Some(list) = &f.outcomes {
        unique_ids(
            list.iter().map(|o| (&o.value.id.value, o.pos)),
            "outcome",
            file,
            ds,
        );
    }
    // The built-in six are expanded first, so a site item reusing one of
    // their ids is the second use, reported at the site's item.
    unique_ids(
        competencies.iter().map(|c| (&c.id.value, c.pos)),
        "competency",
        file,
        ds,
    );
    if f.competencies.as_ref().is_some_and(|c| c.value.has_acgme()) {
        acgme_help(ds);
    }
    let schedule = f.schedule.clone().unwrap_or_default();
    let mut timeline: Vec<TimelineItem> = f
        .timeline
        .iter()
        .flatten()
        .map(|t| t.value.clone())
        .collect();
    // Stable: two events of one day keep the order they were written in.
    timeline.sort_by_key(|t| t.date.value);
    let language = f
        .language
        .as_ref()
        .map_or_else(|| "en".to_string(), |l| l.value.0.clone());
    if let Some(l) = &f.language {
        if crate::i18n::table_of(&l.value.0).is_none() {
            ds.push(
                Diagnostic::new(
                    Code::W0316,
                    file,
                    l.pos,
                    format!("cairn has no interface text in `{}`: the pages' labels and notices stay in English", l.value.0),
                )
                .help(format!(
                    "the built-in languages are {}; or put the texts in `i18n/{}.toml`, which overrides any message of the English table by key",
                    crate::i18n::LANGUAGES.map(|l| format!("`{l}`")).join(", "),
                    l.value.0
                )),
            );
        }
    }
    Some(Program {
        source: Source::of(p, None),
        title: title.value.clone(),
        institution: f.institution.clone(),
        tagline: f.tagline.clone(),
        language: language.clone(),
        messages: std::sync::Arc::new(crate::i18n::Messages::built_in(&language)),
        years: f.years.as_ref().map_or(2, |y| y.value.0),
        starts,
        timezone: timezone.value.0.clone(),
        tz: timezone.value.1.clone(),
        start: schedule
            .start
            .map_or(Time(jiff::civil::time(18, 0, 0, 0)), |t| t.value),
        end: schedule
            .end
            .map_or(Time(jiff::civil::time(20, 0, 0, 0)), |t| t.value),
        months: schedule.months.unwrap_or_default(),
        blackout: schedule.blackout.unwrap_or_default(),
        phases,
        sequence: f.sequence.as_ref().map(|s| s.value).unwrap_or_default(),
        attendance_minimum: f.attendance.as_ref().and_then(|a| a.minimum.clone()),
        max_pages_per_month: f
            .workload
            .as_ref()
            .and_then(|w| w.max_pages_per_month.clone()),
        max_minutes_per_month: f
            .workload
            .as_ref()
            .and_then(|w| w.max_minutes_per_month.clone()),
        competencies,
        base_url: f.base_url.as_ref().map(|u| u.value.clone()),
        contact: f.contact.clone(),
        portable: f.portable.unwrap_or(false),
        eligibility: f.eligibility.clone(),
        cohort_size: f.cohort_size,
        application: f.application.clone(),
        endorsement: f.endorsement.clone(),
        audience: f.audience.clone(),
        outcomes: f.outcomes.clone().unwrap_or_default(),
        publish_participants: f.publish_participants.unwrap_or(false),
        brand: super::brand::Brand::from_front(f.brand.as_ref()),
        calendar: f.calendar.as_ref().is_none_or(|c| c.value),
        agenda: schedule.agenda.unwrap_or_default(),
        timeline,
        resources: Vec::new(),
    })
}

fn phase(f: &PhaseFront) -> Phase {
    Phase {
        id: f.id.value.clone(),
        title: f.title.clone(),
        summary: f.summary.clone(),
        continuous: f.continuous.unwrap_or(false),
    }
}

/// E0107 at the second list item that repeats an id.
fn unique_ids<'x>(
    items: impl Iterator<Item = (&'x String, Pos)>,
    noun: &str,
    file: &str,
    ds: &mut Vec<Diagnostic>,
) {
    let mut seen = HashSet::new();
    for (id, pos) in items {
        if !seen.insert(id.as_str()) {
            ds.push(
                Diagnostic::new(
                    Code::E0107,
                    file,
                    pos,
                    format!("the {noun} id `{id}` is used twice"),
                )
                .help(format!(
                    "each {noun} needs its own id; rename or remove this one"
                )),
            );
        }
    }
}

/// With `acgme` in the list, a repeated id that is one of the six is a site
/// item taking a built-in id: say so, rather than only "used twice".
fn acgme_help(ds: &mut [Diagnostic]) {
    for d in ds.iter_mut().filter(|d| d.code == Code::E0107) {
        if let Some((id, _)) = ACGME_CORE
            .iter()
            .find(|(id, _)| d.message == format!("the competency id `{id}` is used twice"))
        {
            d.help = Some(format!(
                "`{id}` is one of the six ACGME core competencies that `acgme` gives: give this item its own id (a sub-competency, e.g. `{id}-1` with `group`), or remove it"
            ));
        }
    }
}
