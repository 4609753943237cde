//! A mentored group (`content/groups/`): its model type, its builder
//! (participants the site does not name only counted) and its part of
//! `curriculum.json`.

use super::build::{Builder, text};
use super::json::{id, ids};
use super::series::Series;
use super::{Entry, Model, Source};
use crate::content::Parsed;
use crate::content::group::GroupKind;
use crate::content::repeats::{Meets, MeetsRule};
use crate::content::values::{Date, Time};
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::fields::Located;
use crate::layout::Collection;
use serde_json::{Value, json};

/// A group's meetings from a `meets` rule: a series like a session's.
#[derive(Debug, Clone)]
pub struct Meetings {
    /// The rule, for the calendar's `RRULE`.
    pub series: Series,
    /// Every date it meets, blackouts and `except` left out.
    pub dates: Vec<Date>,
    /// Start time (its own or the program's default).
    pub start: Time,
    /// End time.
    pub end: Time,
    /// e.g. `Library, room 3`.
    pub place: Option<String>,
}

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
    /// When it meets, in words (a rule's own words are none).
    pub meets: Option<String>,
    /// Its dated meetings, when `meets` is a rule.
    pub meetings: Option<Meetings>,
    /// Project index.
    pub project: Option<usize>,
}

pub(super) fn build(
    b: &mut Builder<'_>,
    model: &Model,
    p: &Parsed,
    f: &crate::content::group::GroupFront,
) -> Group {
    let file = p.path.as_str();
    let (meets, meetings) = match f.meets.as_ref().map(|m| (&m.value, m.pos)) {
        None => (None, None),
        Some((Meets::Text(t), _)) => (Some(t.clone()), None),
        Some((Meets::Rule(rule), pos)) => (None, meetings(b, model, file, rule, pos)),
    };
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
        meets,
        meetings,
        project: f
            .project
            .as_ref()
            .and_then(|r| b.resolve(Collection::Projects, r, file)),
    }
}

/// The meetings of a `meets` rule; E0104 when it has no `from` (required
/// there: a group has no `date` to start from), and nothing then.
fn meetings(
    b: &mut Builder<'_>,
    model: &Model,
    file: &str,
    rule: &MeetsRule,
    pos: Pos,
) -> Option<Meetings> {
    let program = &model.program;
    let Some(from) = &rule.from else {
        b.push(
            Diagnostic::new(
                Code::E0105,
                file,
                pos,
                "missing required field `from` of `meets`",
            )
            .help("add `from: YYYY-MM-DD`, the date of the first meeting"),
        );
        return None;
    };
    let (start, end) = (
        rule.start.as_ref().map_or(program.start, |t| t.value),
        rule.end.as_ref().map_or(program.end, |t| t.value),
    );
    if end <= start {
        let at = rule
            .end
            .as_ref()
            .or(rule.start.as_ref())
            .map_or(pos, |t| t.pos);
        b.push(
            Diagnostic::new(
                Code::E0104,
                file,
                at,
                format!("the meetings end ({end}) before they start ({start})"),
            )
            .help("`end` must be after `start` on the same day"),
        );
    }
    let located = Located {
        value: rule.repeats(),
        pos,
    };
    let (series, dates) = super::series::expand(
        &located,
        from,
        super::series::year_last_day(program),
        &program.blackout,
    );
    Some(Meetings {
        series,
        dates,
        start,
        end,
        place: rule.place.clone(),
    })
}

impl Entry for Group {
    entry_fields!(title);
    fn to_json(&self, model: &Model) -> Value {
        let g = self;
        let mut v = json!({
            "id": g.source.id, "title": g.title, "kind": g.kind,
            "mentors": ids(model, Collection::People, &g.mentors),
            "members": ids(model, Collection::People, &g.members),
            "unnamed": g.unnamed,
            "sessions": ids(model, Collection::Sessions, &g.sessions),
            "meets": g.meets, "project": g.project.map(|i| id(model, Collection::Projects, i)),
            "draft": g.source.draft,
        });
        // Only a group with dated meetings has this key.
        if let Some(m) = &g.meetings {
            v["meetings"] =
                json!({ "dates": m.dates, "start": m.start, "end": m.end, "place": m.place });
        }
        v
    }
}
