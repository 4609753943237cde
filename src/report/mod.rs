//! `cairn report`: the summary an Annual Program Evaluation needs (SPEC
//! 9.4), per track year: sessions (count, contact hours, by kind, by
//! phase), the attendance minimum against the sessions that count,
//! competency coverage, workload per month; then the program's outcomes,
//! its people by role (counts only: a participant is never named) and what
//! changed since the latest past year (`crate::diff`). This module makes
//! the data from the model alone; [`format`] writes it as Markdown, CSV or
//! JSON. The JSON's schema (`cairn schema report`) is derived from these
//! types.

pub mod format;

use crate::content::person::PersonRole;
use crate::content::session::SessionKind;
use crate::diff::YearDiff;
use crate::model::{Model, coverage, workload};
use schemars::JsonSchema;
use serde::Serialize;

/// The whole report.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The program's title.
    pub program: String,
    /// The institution, when written.
    pub institution: Option<String>,
    /// The academic year, e.g. `2026-27`.
    pub academic_year: String,
    /// Its first day, e.g. `2026-07-01`.
    pub starts: String,
    /// Its last day, e.g. `2027-06-30`.
    pub ends: String,
    /// The attendance minimum (sessions that count, per year), when set.
    pub attendance_minimum: Option<u32>,
    /// The workload cap on reading pages per month, when set.
    pub max_pages_per_month: Option<u32>,
    /// The workload cap on minutes per month, when set.
    pub max_minutes_per_month: Option<u32>,
    /// Each track year.
    pub years: Vec<YearReport>,
    /// The program's outcomes.
    pub outcomes: Vec<OutcomeRow>,
    /// How many people hold each role (counts only).
    pub people: Vec<RoleCount>,
    /// What changed since the latest past year under `archive/`; `null`
    /// when there is none.
    pub changes: Option<YearDiff>,
}

/// One track year.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearReport {
    /// 1, 2, ...
    pub year: u8,
    /// e.g. `Year 1` or the year file's title.
    pub title: String,
    /// Every session of the year.
    pub sessions: Tally,
    /// Sessions by kind (only the kinds the year has).
    pub by_kind: Vec<Tally>,
    /// Sessions by their module's phase (`none`: without a phase).
    pub by_phase: Vec<Tally>,
    /// The attendance minimum against the sessions that count.
    pub attendance: Attendance,
    /// Each competency of the curriculum map.
    pub competencies: Vec<CompetencyRow>,
    /// Each month of the academic year.
    pub workload: Vec<MonthRow>,
}

/// A count of sessions and their time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    /// What is counted: `all`, a session kind, or a phase id (`none`).
    pub name: String,
    /// Sessions (a series is one).
    pub sessions: u64,
    /// Meetings: each date of a series, one for any other session.
    pub meetings: u64,
    /// Contact minutes, from session times.
    pub contact_minutes: u64,
    /// Contact hours, `contact_minutes / 60` to two decimals.
    pub hours: f64,
}

impl Tally {
    fn named(name: &str) -> Tally {
        Tally {
            name: name.to_string(),
            ..Tally::default()
        }
    }

    fn add(&mut self, s: &crate::model::Session) {
        self.sessions += 1;
        self.meetings += s.dates.len().max(1) as u64;
        self.contact_minutes += coverage::contact_minutes(s);
        self.hours = hours(self.contact_minutes);
    }
}

/// The attendance minimum against the meetings that count.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    /// `attendance.minimum`, when set.
    pub minimum: Option<u32>,
    /// Meetings of required sessions that count toward attendance.
    pub counting: u64,
    /// Meetings of required sessions.
    pub required: u64,
    /// Whether `counting` reaches the minimum; `null` without a minimum.
    pub met: Option<bool>,
}

/// One competency in one year.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompetencyRow {
    /// e.g. `patient-care`.
    pub id: String,
    /// e.g. `Patient Care`.
    pub title: String,
    /// Its `group`, when written.
    pub group: Option<String>,
    /// Modules of the year that list it.
    pub modules: u64,
    /// Sessions of those modules the year attends.
    pub sessions: u64,
    /// Contact minutes of those sessions.
    pub contact_minutes: u64,
    /// Contact hours, to two decimals.
    pub hours: f64,
    /// Self-paced minutes of those modules.
    pub self_paced_minutes: u64,
    /// Pages of those sessions' required readings, each reading once.
    pub pages: u64,
    /// False when nothing covers it this year.
    pub covered: bool,
}

/// One month of one year's workload.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MonthRow {
    /// e.g. `2026-09`.
    pub month: String,
    /// Reading pages due that month.
    pub pages: u64,
    /// Reading and self-paced minutes due that month.
    pub minutes: u64,
    /// True when a workload cap is exceeded.
    pub over_cap: bool,
}

/// One outcome of the program.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeRow {
    /// e.g. `mentor-pool`.
    pub id: String,
    /// What changes.
    pub statement: String,
    /// How it is measured.
    pub measure: Option<String>,
    /// The value to reach.
    pub target: Option<String>,
    /// The date to reach it by, e.g. `2027-06-30`.
    pub by: Option<String>,
    /// Ids of the modules that address it.
    pub modules: Vec<String>,
}

/// How many people hold one role.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleCount {
    /// e.g. `speaker`.
    pub role: String,
    /// People holding it (one person may hold several roles).
    pub people: u64,
    /// Of them, how many the site does not publish (participants without
    /// `publish_participants`).
    pub unpublished: u64,
}

/// Minutes as hours to two decimals.
pub fn hours(minutes: u64) -> f64 {
    // Exact for any realistic count of minutes (below 2^53).
    #[allow(clippy::cast_precision_loss)]
    let h = minutes as f64 / 60.0;
    (h * 100.0).round() / 100.0
}

fn role_name(r: PersonRole) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The report of `model`, with the changes since `past` (its latest past
/// year), when there is one.
pub fn build(model: &Model, past: Option<&Model>) -> Report {
    let p = &model.program;
    Report {
        program: p.title.clone(),
        institution: p.institution.clone(),
        academic_year: crate::roll::year_label(p.starts.value.0),
        starts: p.starts.value.0.to_string(),
        ends: crate::model::series::year_last_day(p).0.to_string(),
        attendance_minimum: p.attendance_minimum.as_ref().map(|m| m.value),
        max_pages_per_month: p.max_pages_per_month.as_ref().map(|m| m.value),
        max_minutes_per_month: p.max_minutes_per_month.as_ref().map(|m| m.value),
        years: model.years.iter().map(|y| year(model, y)).collect(),
        outcomes: p
            .outcomes
            .iter()
            .enumerate()
            .map(|(i, o)| OutcomeRow {
                id: o.value.id.value.clone(),
                statement: o.value.statement.clone(),
                measure: o.value.measure.clone(),
                target: o.value.target.clone(),
                by: o.value.by.as_ref().map(|d| d.value.0.to_string()),
                modules: model
                    .modules_in_order()
                    .into_iter()
                    .filter(|&m| model.modules[m].outcomes.contains(&i))
                    .map(|m| model.modules[m].source.id.clone())
                    .collect(),
            })
            .collect(),
        people: PersonRole::ALL
            .into_iter()
            .filter_map(|r| {
                let published = model.people.iter().filter(|p| p.roles.contains(&r)).count() as u64;
                let unpublished = model.unpublished_roles.get(&r).copied().unwrap_or(0) as u64;
                (published + unpublished > 0).then(|| RoleCount {
                    role: role_name(r),
                    people: published + unpublished,
                    unpublished,
                })
            })
            .collect(),
        changes: past.map(|before| crate::diff::compare(before, model)),
    }
}

fn year(model: &Model, y: &crate::model::Year) -> YearReport {
    let n = y.number;
    let p = &model.program;
    let sessions: Vec<&crate::model::Session> =
        model.sessions.iter().filter(|s| s.in_year(n)).collect();
    let mut all = Tally::named("all");
    let mut by_kind: Vec<Tally> = SessionKind::ALL
        .iter()
        .map(|k| Tally::named(k.as_str()))
        .collect();
    let mut by_phase: Vec<Tally> = p.phases.iter().map(|ph| Tally::named(&ph.id)).collect();
    let mut no_phase = Tally::named("none");
    let mut attendance = Attendance {
        minimum: p.attendance_minimum.as_ref().map(|m| m.value),
        counting: 0,
        required: 0,
        met: None,
    };
    for s in &sessions {
        all.add(s);
        if let Some(k) = SessionKind::ALL.iter().position(|k| *k == s.kind) {
            by_kind[k].add(s);
        }
        match s.module.and_then(|m| model.modules[m].phase) {
            Some(ph) if ph < by_phase.len() => by_phase[ph].add(s),
            _ => no_phase.add(s),
        }
        let meetings = s.dates.len().max(1) as u64;
        if s.required {
            attendance.required += meetings;
            if s.counts {
                attendance.counting += meetings;
            }
        }
    }
    attendance.met = attendance
        .minimum
        .map(|m| attendance.counting >= u64::from(m));
    by_kind.retain(|t| t.sessions > 0);
    by_phase.push(no_phase);
    by_phase.retain(|t| t.sessions > 0);
    let loads = workload::by_month(model, n);
    let caps = (
        p.max_pages_per_month.as_ref().map(|c| u64::from(c.value)),
        p.max_minutes_per_month.as_ref().map(|c| u64::from(c.value)),
    );
    let start = p.starts.value.0.first_of_month();
    let workload = (0..12)
        .filter_map(|i| start.checked_add(jiff::Span::new().months(i)).ok())
        .map(|d| {
            let load = loads
                .get(&(d.year(), d.month()))
                .cloned()
                .unwrap_or_default();
            MonthRow {
                month: format!("{:04}-{:02}", d.year(), d.month()),
                pages: load.pages,
                minutes: load.minutes,
                over_cap: caps.0.is_some_and(|c| load.pages > c)
                    || caps.1.is_some_and(|c| load.minutes > c),
            }
        })
        .collect();
    YearReport {
        year: n,
        title: y.title.clone(),
        sessions: all,
        by_kind,
        by_phase,
        attendance,
        competencies: p
            .competencies
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let cov = coverage::of(model, i, n);
                CompetencyRow {
                    id: c.id.value.clone(),
                    title: c.title.clone(),
                    group: c.group.clone(),
                    modules: cov.modules.len() as u64,
                    sessions: cov.sessions.len() as u64,
                    contact_minutes: cov.contact_minutes,
                    hours: hours(cov.contact_minutes),
                    self_paced_minutes: cov.self_paced_minutes,
                    pages: cov.pages,
                    covered: !cov.is_empty(),
                }
            })
            .collect(),
        workload,
    }
}
