//! A person (`content/people/`): its model type, builder and part of
//! `curriculum.json`.

use super::build::{Builder, text};
use super::{Entry, Located, Model, Source};
use crate::content::Parsed;
use crate::content::person::PersonRole;
use crate::content::values::Url;
use serde_json::{Value, json};

/// A person.
#[derive(Debug, Clone)]
pub struct Person {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `Dr. Ana Ruiz`.
    pub name: String,
    /// e.g. `Associate Professor of Pediatrics`.
    pub role: Option<String>,
    /// e.g. `she/her`.
    pub pronouns: Option<String>,
    /// e.g. a hospital.
    pub affiliation: Option<String>,
    /// Parts they play.
    pub roles: Vec<PersonRole>,
    /// Path under `static/`, with its place.
    pub photo: Option<Located<String>>,
    /// e-mail.
    pub email: Option<String>,
    /// Web page.
    pub url: Option<Url>,
}

pub(super) fn build(
    _b: &mut Builder<'_>,
    _model: &Model,
    p: &Parsed,
    f: &crate::content::person::PersonFront,
) -> Person {
    let mut roles: Vec<PersonRole> = f.roles.iter().flatten().map(|r| r.value).collect();
    roles.sort();
    roles.dedup();
    Person {
        source: Source::of(p, f.draft),
        name: text(&f.name),
        role: f.role.clone(),
        pronouns: f.pronouns.clone(),
        affiliation: f.affiliation.clone(),
        roles,
        photo: f.photo.clone(),
        email: f.email.clone(),
        url: f.url.as_ref().map(|u| u.value.clone()),
    }
}

impl Entry for Person {
    entry_fields!(name);
    fn to_json(&self, _model: &Model) -> Value {
        let pe = self;
        json!({
            "id": pe.source.id, "name": pe.name, "role": pe.role, "pronouns": pe.pronouns,
            "affiliation": pe.affiliation, "roles": pe.roles,
            "photo": pe.photo.as_ref().map(|ph| ph.value.clone()),
            "email": pe.email, "url": pe.url, "draft": pe.source.draft,
        })
    }
}
