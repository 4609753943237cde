//! The data of the people pages: everyone by role, one person with the
//! sessions they lead and their groups.

use super::{Shared, labels};
use crate::content::person::PersonRole;
use crate::layout::Collection;
use crate::model::{Item, Model};
use crate::routes;
use serde_json::{Value, json};

fn photo(model: &Model, i: usize) -> Value {
    model.people[i]
        .photo
        .as_ref()
        .map_or(Value::Null, |p| json!(p.value.trim_start_matches('/')))
}

/// People by role.
pub fn people(model: &Model) -> Value {
    let card = |(i, p): (usize, &crate::model::Person)| json!({ "title": p.name, "url": routes::item(model, Item { collection: Collection::People, index: i }), "role": p.role, "pronouns": p.pronouns, "photo": photo(model, i), "avatar": super::brand::avatar(&p.name, &p.source.id) });
    let mut groups: Vec<Value> = PersonRole::ALL
        .iter()
        .filter_map(|role| {
            let people: Vec<Value> = model
                .people
                .iter()
                .enumerate()
                .filter(|(_, p)| p.roles.contains(role))
                .map(card)
                .collect();
            let label = match role {
                PersonRole::Director => "Program leadership".to_string(),
                PersonRole::Committee => "Curriculum committee".to_string(),
                PersonRole::Speaker => "Speakers".to_string(),
                PersonRole::Facilitator => "Facilitators".to_string(),
                PersonRole::Mentor => "Mentors".to_string(),
                PersonRole::Staff => "Staff".to_string(),
                PersonRole::Mentee => "Mentees".to_string(),
                // The program's own word for its participants.
                PersonRole::Trainee => model
                    .program
                    .audience
                    .as_deref()
                    .map_or_else(|| "Participants".to_string(), labels::capitalised),
            };
            (!people.is_empty()).then(|| json!({ "label": label, "people": people }))
        })
        .collect();
    // Everyone appears: a person without roles is under "Other".
    let others: Vec<Value> = model
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.roles.is_empty())
        .map(card)
        .collect();
    if !others.is_empty() {
        let label = if groups.is_empty() { "People" } else { "Other" };
        groups.push(json!({ "label": label, "people": others }));
    }
    json!({ "groups": groups })
}

/// One person.
pub fn person(model: &Model, shared: &Shared, i: usize) -> Value {
    let p = &model.people[i];
    let sessions: Vec<Value> = shared.led[i]
        .iter()
        .map(|&s| super::readings::session_link(model, s))
        .collect();
    json!({
        "person": {
            "title": p.name, "role": p.role, "pronouns": p.pronouns, "affiliation": p.affiliation,
            "roles_label": p.roles.iter().map(|r| labels::kind(r.as_str())).collect::<Vec<_>>().join(", "),
            "photo": photo(model, i), "email": p.email, "url": p.url,
            "avatar": super::brand::avatar(&p.name, &p.source.id),
        },
        "sessions": sessions,
        "groups": super::mentoring::groups_of(model, Collection::People, i),
    })
}
