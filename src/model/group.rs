//! A mentored group (`content/groups/`): its model type, its builder
//! (participants the site does not name only counted) and its part of
//! `curriculum.json`.

use super::build::{Builder, text};
use super::json::{id, ids};
use super::{Entry, Model, Source};
use crate::content::Parsed;
use crate::content::group::GroupKind;
use crate::layout::Collection;
use serde_json::{Value, json};

/// A mentored small group, a pair, a committee.
#[derive(Debug, Clone)]
pub struct Group {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `Small group A`.
    pub title: String,
    /// e.g. small-group.
    pub kind: GroupKind,
    /// People indexes of its published mentors.
    pub mentors: Vec<usize>,
    /// People indexes of its published members.
    pub members: Vec<usize>,
    /// Mentors and members the site does not name (participants, see
    /// `publish_participants`): only counted.
    pub unnamed: usize,
    /// Session indexes where it meets.
    pub sessions: Vec<usize>,
    /// When it meets, in words.
    pub meets: Option<String>,
    /// Project index.
    pub project: Option<usize>,
}

pub(super) fn build(
    b: &mut Builder<'_>,
    _model: &Model,
    p: &Parsed,
    f: &crate::content::group::GroupFront,
) -> Group {
    let file = p.path.as_str();
    let (mentors, hidden_mentors) = b.resolve_people(&f.mentors, file);
    let (members, hidden_members) = b.resolve_people(&f.members, file);
    Group {
        source: Source::of(p, f.draft),
        title: text(&f.title),
        kind: f.kind.as_ref().map(|k| k.value).unwrap_or_default(),
        mentors,
        members,
        unnamed: hidden_mentors + hidden_members,
        sessions: b.resolve_all(Collection::Sessions, &f.sessions, file),
        meets: f.meets.clone(),
        project: f
            .project
            .as_ref()
            .and_then(|r| b.resolve(Collection::Projects, r, file)),
    }
}

impl Entry for Group {
    entry_fields!(title);
    fn to_json(&self, model: &Model) -> Value {
        let g = self;
        json!({
            "id": g.source.id, "title": g.title, "kind": g.kind,
            "mentors": ids(model, Collection::People, &g.mentors),
            "members": ids(model, Collection::People, &g.members),
            "unnamed": g.unnamed,
            "sessions": ids(model, Collection::Sessions, &g.sessions),
            "meets": g.meets, "project": g.project.map(|i| id(model, Collection::Projects, i)),
            "draft": g.source.draft,
        })
    }
}
