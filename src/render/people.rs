//! The data of the people pages: everyone by role, one person with the
//! sessions they lead and their groups.

use super::brand::{Avatar, avatar};
use super::mentoring::GroupTag;
use super::readings::SessionLink;
use super::{Shared, labels};
use crate::content::person::PersonRole;
use crate::content::values::Url;
use crate::layout::Collection;
use crate::model::{Item, Model, Person};
use crate::routes;
use serde::Serialize;

fn photo(model: &Model, i: usize) -> Option<&str> {
    model.people[i]
        .photo
        .as_ref()
        .map(|p| p.value.trim_start_matches('/'))
}

/// A person as the people page lists them.
#[derive(Debug, Serialize)]
pub struct Card<'a> {
    title: &'a str,
    url: String,
    role: Option<&'a str>,
    pronouns: Option<&'a str>,
    photo: Option<&'a str>,
    avatar: Avatar,
}

/// People under one heading.
#[derive(Debug, Serialize)]
pub struct RoleGroup<'a> {
    label: String,
    people: Vec<Card<'a>>,
}

/// The people page.
#[derive(Debug, Serialize)]
pub struct PeoplePage<'a> {
    groups: Vec<RoleGroup<'a>>,
}

/// People by role.
pub fn people<'m>(model: &'m Model) -> PeoplePage<'m> {
    let card = |(i, p): (usize, &'m Person)| Card {
        title: &p.name,
        url: routes::item(
            model,
            Item {
                collection: Collection::People,
                index: i,
            },
        ),
        role: p.role.as_deref(),
        pronouns: p.pronouns.as_deref(),
        photo: photo(model, i),
        avatar: avatar(&p.name, &p.source.id),
    };
    let mut groups: Vec<RoleGroup<'m>> = PersonRole::ALL
        .iter()
        .filter_map(|role| {
            let people: Vec<Card<'m>> = model
                .people
                .iter()
                .enumerate()
                .filter(|(_, p)| p.roles.contains(role))
                .map(card)
                .collect();
            let m = &model.program.messages;
            let label = match role {
                PersonRole::Director => m.text("people.director").to_string(),
                PersonRole::Committee => m.text("people.committee").to_string(),
                PersonRole::Speaker => m.text("people.speakers").to_string(),
                PersonRole::Facilitator => m.text("people.facilitators").to_string(),
                PersonRole::Mentor => m.text("people.mentors").to_string(),
                PersonRole::Staff => m.text("people.staff").to_string(),
                PersonRole::Mentee => m.text("people.mentees").to_string(),
                // The program's own word for its participants.
                PersonRole::Trainee => model.program.audience.as_deref().map_or_else(
                    || m.text("people.participants").to_string(),
                    labels::capitalised,
                ),
            };
            (!people.is_empty()).then_some(RoleGroup { label, people })
        })
        .collect();
    // Everyone appears: a person without roles is under "Other".
    let others: Vec<Card<'m>> = model
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.roles.is_empty())
        .map(card)
        .collect();
    if !others.is_empty() {
        let m = &model.program.messages;
        let label = m.text(if groups.is_empty() {
            "pages.people"
        } else {
            "people.other"
        });
        groups.push(RoleGroup {
            label: label.to_string(),
            people: others,
        });
    }
    PeoplePage { groups }
}

/// What a person's page shows of them.
#[derive(Debug, Serialize)]
pub struct PersonFields<'a> {
    title: &'a str,
    role: Option<&'a str>,
    pronouns: Option<&'a str>,
    affiliation: Option<&'a str>,
    roles_label: String,
    photo: Option<&'a str>,
    email: Option<&'a str>,
    url: Option<&'a Url>,
    avatar: Avatar,
}

/// A person's page.
#[derive(Debug, Serialize)]
pub struct PersonPage<'a> {
    person: PersonFields<'a>,
    sessions: Vec<SessionLink<'a>>,
    groups: Vec<GroupTag<'a>>,
    /// Their calendar, when they lead something dated (SPEC 9.4).
    calendar: Option<String>,
}

/// One person.
pub fn person<'m>(model: &'m Model, shared: &Shared, i: usize) -> PersonPage<'m> {
    let p = &model.people[i];
    let sessions = shared.led[i]
        .iter()
        .map(|&s| super::readings::session_link(model, s))
        .collect();
    PersonPage {
        person: PersonFields {
            title: &p.name,
            role: p.role.as_deref(),
            pronouns: p.pronouns.as_deref(),
            affiliation: p.affiliation.as_deref(),
            roles_label: p
                .roles
                .iter()
                .map(|r| labels::kind(&model.program.messages, r.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            photo: photo(model, i),
            email: p.email.as_deref(),
            url: p.url.as_ref(),
            avatar: avatar(&p.name, &p.source.id),
        },
        sessions,
        groups: super::mentoring::groups_of(model, Collection::People, i),
        calendar: crate::model::calendars::person_has_calendar(model, i)
            .then(|| crate::routes::person_calendar(model, i)),
    }
}
