//! One function per page kind: each returns the page-specific part of the
//! template context as a typed struct (the shared parts, `site` and the
//! session rows, are built once by the caller). The pages laid out in time
//! (home, years, sessions, print, calendar) are in [`super::syllabus`], a
//! session's in [`super::session`].

use super::rows::{
    FrameworkModule, Link, PhaseTag, PromptRow, ReadingRow, link, module_url, phase,
};
use super::{Shared, labels, mentoring, rows, to_tera};
use crate::content::values::Url;
use crate::layout::Collection;
use crate::model::Item;
use crate::model::Model;
use crate::routes::{self, PageKey};
use serde::Serialize;
use std::collections::BTreeMap;

pub use super::session::session;
pub use super::syllabus::{calendar, home, print, sessions, year, year_page};

fn module_date_range(model: &Model, i: usize) -> Option<String> {
    let (start, end) = model.module_span(i)?;
    Some(if start.1 == end.1 {
        labels::date(&model.program.messages, start.1)
    } else {
        format!(
            "{} – {}",
            labels::date(&model.program.messages, start.1),
            labels::date(&model.program.messages, end.1)
        )
    })
}

/// A phase of the framework with its modules.
#[derive(Debug, Serialize)]
pub struct FrameworkPhase<'a> {
    id: &'a str,
    title: &'a str,
    summary: Option<&'a str>,
    continuous: bool,
    modules: Vec<FrameworkModule<'a>>,
}

/// The framework: phases with their modules (home and framework pages).
pub fn phases(model: &Model) -> Vec<FrameworkPhase<'_>> {
    model
        .program
        .phases
        .iter()
        .enumerate()
        .map(|(pi, p)| FrameworkPhase {
            id: &p.id,
            title: &p.title,
            summary: p.summary.as_deref(),
            continuous: p.continuous,
            modules: model
                .modules_in_order()
                .into_iter()
                .map(|i| (i, &model.modules[i]))
                .filter(|(_, m)| m.phase == Some(pi))
                .map(|(i, m)| FrameworkModule {
                    title: &m.title,
                    url: module_url(model, i),
                    year: m.year,
                })
                .collect(),
        })
        .collect()
}

/// The titles of the continuous phases, for the framework graphic's caption.
pub fn continuous(model: &Model) -> Vec<&str> {
    let phases = &model.program.phases;
    phases
        .iter()
        .filter(|p| p.continuous)
        .map(|p| p.title.as_str())
        .collect()
}

/// The framework page.
#[derive(Debug, Serialize)]
pub struct FrameworkPage<'a> {
    continuous: Vec<&'a str>,
    /// The framework ([`phases`]), made once per render.
    phases: tera::Value,
}

/// A year and its title.
#[derive(Debug, Serialize)]
pub struct YearTitle<'a> {
    number: u8,
    title: &'a str,
}

/// A module as the modules page lists it.
#[derive(Debug, Serialize)]
pub struct ModuleCard<'a> {
    title: &'a str,
    url: String,
    summary: Option<&'a str>,
    session_count: usize,
    date_range: Option<String>,
}

/// The modules of one phase (or of none) in a year.
#[derive(Debug, Serialize)]
pub struct PhaseModules<'a> {
    phase: Option<PhaseTag<'a>>,
    modules: Vec<ModuleCard<'a>>,
}

/// The modules of one year, by phase.
#[derive(Debug, Serialize)]
pub struct ModulesYear<'a> {
    year: YearTitle<'a>,
    phases: Vec<PhaseModules<'a>>,
}

/// The modules page.
#[derive(Debug, Serialize)]
pub struct ModulesPage<'a> {
    groups: Vec<ModulesYear<'a>>,
}

/// The modules index, by year and phase.
pub fn modules(model: &Model) -> ModulesPage<'_> {
    let groups = model
        .years
        .iter()
        .map(|y| {
            let mut by_phase: BTreeMap<Option<usize>, Vec<ModuleCard<'_>>> = BTreeMap::new();
            for i in model.modules_in_order() {
                let m = &model.modules[i];
                if m.year != y.number {
                    continue;
                }
                by_phase.entry(m.phase).or_default().push(ModuleCard {
                    title: &m.title,
                    url: module_url(model, i),
                    summary: m.summary.as_deref(),
                    session_count: m.sessions.len(),
                    date_range: module_date_range(model, i),
                });
            }
            ModulesYear {
                year: YearTitle {
                    number: y.number,
                    title: &y.title,
                },
                phases: by_phase
                    .into_iter()
                    .map(|(p, modules)| PhaseModules {
                        phase: phase(model, p),
                        modules,
                    })
                    .collect(),
            }
        })
        .collect();
    ModulesPage { groups }
}

/// A competency as a tag.
#[derive(Debug, Serialize)]
pub struct CompetencyTag<'a> {
    id: &'a str,
    title: &'a str,
}

/// Self-paced work of a module.
#[derive(Debug, Serialize)]
pub struct SelfPacedRow<'a> {
    title: &'a str,
    provider: Option<&'a str>,
    url: Option<&'a Url>,
    minutes: Option<u32>,
    due_label: Option<String>,
}

/// An outcome a module serves.
#[derive(Debug, Serialize)]
pub struct OutcomeLink<'a> {
    id: &'a str,
    statement: &'a str,
    url: String,
}

/// What a module's page shows of it.
#[derive(Debug, Serialize)]
pub struct ModuleFields<'a> {
    title: &'a str,
    year: u8,
    phase: Option<PhaseTag<'a>>,
    summary: Option<&'a str>,
    competencies: Vec<CompetencyTag<'a>>,
    prerequisites: Vec<Link<'a>>,
    self_paced: Vec<SelfPacedRow<'a>>,
    date_range: Option<String>,
    feedback: Option<&'a Url>,
    objectives: Vec<&'a str>,
    outcomes: Vec<OutcomeLink<'a>>,
}

/// A resource of a module: a reading with its kind.
#[derive(Debug, Serialize)]
pub struct Resource<'a> {
    #[serde(flatten)]
    row: ReadingRow<'a>,
    kind_label: String,
}

/// A module's page.
#[derive(Debug, Serialize)]
pub struct ModulePage<'a> {
    module: ModuleFields<'a>,
    resources: Vec<Resource<'a>>,
    sessions: Vec<tera::Value>,
    readings: Vec<ReadingRow<'a>>,
    prompts: Vec<PromptRow<'a>>,
}

/// One module.
pub fn module<'m>(model: &'m Model, shared: &Shared, i: usize) -> ModulePage<'m> {
    let m = &model.modules[i];
    let mut readings: Vec<usize> = m
        .sessions
        .iter()
        .flat_map(|&s| model.sessions[s].readings.clone())
        .collect();
    // Each reading once, at its first session, even when two sessions that
    // are not next to each other share it.
    let mut seen = std::collections::HashSet::new();
    readings.retain(|r| seen.insert(*r));
    let prompts = model
        .prompts
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.module == Some(i)
                || p.session
                    .is_some_and(|s| model.sessions[s].module == Some(i))
        })
        .map(|(pi, p)| rows::prompt(model, pi, &p.title))
        .collect();
    let competencies = &model.program.competencies;
    ModulePage {
        module: ModuleFields {
            title: &m.title,
            year: m.year,
            phase: phase(model, m.phase),
            summary: m.summary.as_deref(),
            competencies: m
                .competencies
                .iter()
                .map(|&c| CompetencyTag {
                    id: &competencies[c].id.value,
                    title: &competencies[c].title,
                })
                .collect(),
            prerequisites: m
                .prerequisites
                .iter()
                .map(|p| {
                    link(
                        model,
                        Collection::Modules,
                        p.value,
                        &model.modules[p.value].title,
                    )
                })
                .collect(),
            self_paced: m
                .self_paced
                .iter()
                .map(|sp| SelfPacedRow {
                    title: &sp.title,
                    provider: sp.provider.as_deref(),
                    url: sp.url.as_ref(),
                    minutes: sp.minutes,
                    due_label: sp
                        .due
                        .as_ref()
                        .map(|d| labels::date(&model.program.messages, d.value)),
                })
                .collect(),
            date_range: module_date_range(model, i),
            feedback: m.feedback.as_ref(),
            objectives: m.objectives.iter().map(|o| o.value.as_str()).collect(),
            outcomes: m
                .outcomes
                .iter()
                .map(|&o| {
                    let o = &model.program.outcomes[o].value;
                    OutcomeLink {
                        id: &o.id.value,
                        statement: &o.statement,
                        url: routes::outcome(&o.id.value),
                    }
                })
                .collect(),
        },
        resources: m
            .resources
            .iter()
            .map(|&r| Resource {
                row: rows::reading(model, r),
                kind_label: labels::kind(&model.program.messages, model.readings[r].kind.as_str()),
            })
            .collect(),
        sessions: m
            .sessions
            .iter()
            .map(|&s| shared.row(model, s).clone())
            .collect(),
        readings: readings.iter().map(|&r| rows::reading(model, r)).collect(),
        prompts,
    }
}

/// A page with no data of its own (a free page, the 404).
#[derive(Debug, Serialize)]
pub struct NoData {}

/// The data of the list or overview page `key` (see [`routes::LIST_PAGES`]).
pub fn list(model: &Model, shared: &Shared, key: PageKey) -> tera::Value {
    match key {
        PageKey::Items(c) => super::items::list(model, shared, c),
        PageKey::Print => to_tera(&print(model, shared)),
        PageKey::Framework => to_tera(&FrameworkPage {
            continuous: continuous(model),
            phases: shared.phases.clone(),
        }),
        PageKey::Outcomes => to_tera(&mentoring::outcomes(model)),
        PageKey::Timeline => super::program::timeline(model),
        PageKey::Map => to_tera(&super::map::map(model)),
        PageKey::Calendar => to_tera(&calendar(model, shared)),
        PageKey::Search => to_tera(&NoData {}),
    }
}

/// A capstone track as the projects page lists it.
#[derive(Debug, Serialize)]
pub struct ProjectCard<'a> {
    title: &'a str,
    url: String,
    kind_label: Option<String>,
    year: u8,
    milestone_count: usize,
}

/// The projects page.
#[derive(Debug, Serialize)]
pub struct ProjectsPage<'a> {
    projects: Vec<ProjectCard<'a>>,
}

/// Capstone tracks.
pub fn projects(model: &Model) -> ProjectsPage<'_> {
    ProjectsPage {
        projects: model
            .projects
            .iter()
            .enumerate()
            .map(|(i, p)| ProjectCard {
                title: &p.title,
                url: routes::item(
                    model,
                    Item {
                        collection: Collection::Projects,
                        index: i,
                    },
                ),
                kind_label: p
                    .kind
                    .map(|k| labels::kind(&model.program.messages, k.as_str())),
                year: p.year,
                milestone_count: p.milestones.len(),
            })
            .collect(),
    }
}

/// What a project's page shows of it.
#[derive(Debug, Serialize)]
pub struct ProjectFields<'a> {
    title: &'a str,
    kind_label: Option<String>,
    year: u8,
}

/// A milestone of a project.
#[derive(Debug, Serialize)]
pub struct MilestoneRow<'a> {
    title: &'a str,
    date_label: Option<String>,
    session: Option<Link<'a>>,
}

/// A project's page.
#[derive(Debug, Serialize)]
pub struct ProjectPage<'a> {
    project: ProjectFields<'a>,
    groups: Vec<mentoring::GroupTag<'a>>,
    milestones: Vec<MilestoneRow<'a>>,
}

/// One capstone track.
pub fn project(model: &Model, i: usize) -> ProjectPage<'_> {
    let p = &model.projects[i];
    ProjectPage {
        project: ProjectFields {
            title: &p.title,
            kind_label: p
                .kind
                .map(|k| labels::kind(&model.program.messages, k.as_str())),
            year: p.year,
        },
        groups: mentoring::groups_of(model, Collection::Projects, i),
        milestones: p
            .milestones
            .iter()
            .map(|m| MilestoneRow {
                title: &m.title,
                date_label: m
                    .date(model)
                    .map(|d| labels::date(&model.program.messages, d)),
                session: m
                    .session
                    .map(|s| link(model, Collection::Sessions, s, &model.sessions[s].title)),
            })
            .collect(),
    }
}
