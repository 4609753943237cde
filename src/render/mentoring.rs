//! The pages of who meets with whom and what the program measures: the
//! groups list and each group's page, the groups shown on a person's,
//! project's and session's page, and the outcomes page.

use super::labels;
use super::readings::{SessionLink, session_link};
use super::rows::{Link, link};
use crate::content::values::Url;
use crate::layout::Collection;
use crate::model::{Group, Model};
use serde::Serialize;

/// How many people a group has that the site does not name, in words.
fn unnamed_label(model: &Model, g: &Group) -> Option<String> {
    (g.unnamed > 0).then(|| {
        let word = model.program.audience.as_deref().unwrap_or("participants");
        format!("{} {word}", g.unnamed)
    })
}

/// A person of a group, with their role.
#[derive(Debug, Serialize)]
pub struct GroupPerson<'a> {
    #[serde(flatten)]
    link: Link<'a>,
    role: Option<&'a str>,
}

fn people<'m>(model: &'m Model, list: &[usize]) -> Vec<GroupPerson<'m>> {
    list.iter()
        .map(|&p| GroupPerson {
            link: link(model, Collection::People, p, &model.people[p].name),
            role: model.people[p].role.as_deref(),
        })
        .collect()
}

/// A group as the groups page lists it.
#[derive(Debug, Serialize)]
pub struct GroupCard<'a> {
    #[serde(flatten)]
    link: Link<'a>,
    kind_label: String,
    meets: Option<String>,
    mentors: Vec<GroupPerson<'a>>,
    size: usize,
}

/// A group as lists show it.
fn card(model: &Model, i: usize) -> GroupCard<'_> {
    let g = &model.groups[i];
    GroupCard {
        link: link(model, Collection::Groups, i, &g.title),
        kind_label: labels::kind(&model.program.messages, g.kind.as_str()),
        meets: g.meets.clone().or_else(|| {
            g.meetings
                .as_ref()
                .map(|m| super::series::rule(&model.program.messages, &m.series))
        }),
        mentors: people(model, &g.mentors),
        size: g.mentors.len() + g.members.len() + g.unnamed,
    }
}

/// The groups page.
#[derive(Debug, Serialize)]
pub struct GroupsPage<'a> {
    groups: Vec<GroupCard<'a>>,
}

/// Every group, by kind in the order written.
pub fn groups(model: &Model) -> GroupsPage<'_> {
    GroupsPage {
        groups: (0..model.groups.len()).map(|i| card(model, i)).collect(),
    }
}

/// What a group's page shows of it.
#[derive(Debug, Serialize)]
pub struct GroupFields<'a> {
    title: &'a str,
    kind_label: String,
    meets: Option<&'a str>,
    unnamed: Option<String>,
}

/// A group's page.
#[derive(Debug, Serialize)]
pub struct GroupPage<'a> {
    group: GroupFields<'a>,
    mentors: Vec<GroupPerson<'a>>,
    members: Vec<GroupPerson<'a>>,
    sessions: Vec<SessionLink<'a>>,
    project: Option<Link<'a>>,
    /// Its meetings, when `meets` is a rule; left out otherwise, so its page
    /// stays as it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    meetings: Option<super::series::GroupMeetings>,
    /// Its calendar of sessions and meetings, when it has one (SPEC 9.4).
    calendar: Option<String>,
}

/// One group: who mentors it, who is in it, when it meets, what it works on.
pub fn group(model: &Model, i: usize) -> GroupPage<'_> {
    let g = &model.groups[i];
    GroupPage {
        group: GroupFields {
            title: &g.title,
            kind_label: labels::kind(&model.program.messages, g.kind.as_str()),
            meets: g.meets.as_deref(),
            unnamed: unnamed_label(model, g),
        },
        mentors: people(model, &g.mentors),
        members: people(model, &g.members),
        sessions: g.sessions.iter().map(|&s| session_link(model, s)).collect(),
        project: g
            .project
            .map(|p| link(model, Collection::Projects, p, &model.projects[p].title)),
        meetings: super::series::group_meetings(model, i),
        calendar: crate::model::calendars::group_has_calendar(model, i)
            .then(|| crate::routes::group_calendar(model, i)),
    }
}

/// A group an item takes part in.
#[derive(Debug, Serialize)]
pub struct GroupTag<'a> {
    #[serde(flatten)]
    link: Link<'a>,
    kind_label: String,
    as_mentor: bool,
}

/// The groups an item takes part in: a person's (as mentor or member), a
/// project's, a session's.
pub fn groups_of(model: &Model, collection: Collection, index: usize) -> Vec<GroupTag<'_>> {
    model
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| match collection {
            Collection::People => g.mentors.contains(&index) || g.members.contains(&index),
            Collection::Projects => g.project == Some(index),
            Collection::Sessions => g.sessions.contains(&index),
            _ => false,
        })
        .map(|(i, g)| GroupTag {
            link: link(model, Collection::Groups, i, &g.title),
            kind_label: labels::kind(&model.program.messages, g.kind.as_str()),
            as_mentor: collection == Collection::People && g.mentors.contains(&index),
        })
        .collect()
}

/// A module or session with its feedback survey.
#[derive(Debug, Serialize)]
pub struct Surveyed<'a> {
    #[serde(flatten)]
    link: Link<'a>,
    feedback: Option<&'a Url>,
    /// "Module", or a session's dates (the surveys list only).
    #[serde(skip_serializing_if = "Option::is_none")]
    kind_label: Option<String>,
}

/// An outcome with what serves it.
#[derive(Debug, Serialize)]
pub struct OutcomeRow<'a> {
    anchor: String,
    id: &'a str,
    statement: &'a str,
    measure: Option<&'a str>,
    target: Option<&'a str>,
    by_label: Option<String>,
    modules: Vec<Surveyed<'a>>,
}

/// The outcomes page.
#[derive(Debug, Serialize)]
pub struct OutcomesPage<'a> {
    outcomes: Vec<OutcomeRow<'a>>,
    surveys: Vec<Surveyed<'a>>,
}

fn module_survey(model: &Model, m: usize, kind_label: Option<String>) -> Surveyed<'_> {
    Surveyed {
        link: link(model, Collection::Modules, m, &model.modules[m].title),
        feedback: model.modules[m].feedback.as_ref(),
        kind_label,
    }
}

/// Outcomes with their measures, targets and dates, the modules serving
/// each, and how the program hears back (the feedback surveys).
pub fn outcomes(model: &Model) -> OutcomesPage<'_> {
    let outcomes = model
        .program
        .outcomes
        .iter()
        .enumerate()
        .map(|(oi, o)| {
            let o = &o.value;
            OutcomeRow {
                anchor: crate::routes::outcome_anchor(&o.id.value),
                id: &o.id.value,
                statement: &o.statement,
                measure: o.measure.as_deref(),
                target: o.target.as_deref(),
                by_label: o
                    .by
                    .as_ref()
                    .map(|d| labels::date(&model.program.messages, d.value)),
                modules: model
                    .modules_in_order()
                    .into_iter()
                    .filter(|&m| model.modules[m].outcomes.contains(&oi))
                    .map(|m| module_survey(model, m, None))
                    .collect(),
            }
        })
        .collect();
    let surveys = model
        .modules_in_order()
        .into_iter()
        .filter(|&m| model.modules[m].feedback.is_some())
        .map(|m| {
            module_survey(
                model,
                m,
                Some(model.program.messages.text("session.module").to_string()),
            )
        })
        .chain(
            super::rows::calendar_order(model)
                .into_iter()
                .filter(|&s| model.sessions[s].feedback.is_some())
                .map(|s| Surveyed {
                    link: link(model, Collection::Sessions, s, &model.sessions[s].title),
                    feedback: model.sessions[s].feedback.as_ref(),
                    kind_label: Some(labels::session_dates(
                        &model.program.messages,
                        &model.sessions[s],
                    )),
                }),
        )
        .collect();
    OutcomesPage { outcomes, surveys }
}
