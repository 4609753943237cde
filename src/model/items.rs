//! Builds one model item per module, session and project file: defaults,
//! references resolved through the [`Builder`], track years (E0304's `year`
//! half, E0312), and the checks that need the program (a module's `phase`,
//! a seminar's `module`, times against the schedule, milestones).

use super::build::{Builder, source, text};
use super::{
    Group, Located, Milestone, Model, Module, Program, Project, Session, SessionKind, TrackYear,
};
use crate::content::Collection;
use crate::content::Parsed;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Pos, did_you_mean};

/// E0312's message, for a year value and for a year file alike.
pub(super) fn beyond_years(year: u32, program: &Program) -> String {
    format!(
        "year {year} is beyond the program's {} years",
        program.years
    )
}

pub(super) fn year_in_range(
    b: &mut Builder<'_>,
    program: &Program,
    year: &Located<TrackYear>,
    file: &str,
) {
    if year.value.0 > program.years {
        b.push(
            Diagnostic::new(
                Code::E0312,
                file,
                year.pos,
                beyond_years(u32::from(year.value.0), program),
            )
            .help(format!(
                "use a year from 1 to {}, or raise `years` in _program.md",
                program.years
            )),
        );
    }
}

pub(super) fn module(
    b: &mut Builder<'_>,
    program: &Program,
    p: &Parsed,
    f: &crate::content::module::ModuleFront,
) -> Module {
    let file = p.path.as_str();
    let year = f.year.clone().map(|y| {
        year_in_range(b, program, &y, file);
        y.value.0
    });
    let phase = match (&f.phase, program.phases.is_empty()) {
        (None, false) => {
            b.push(
                Diagnostic::new(
                    Code::E0105,
                    file,
                    Pos::START,
                    "missing required field `phase`",
                )
                .help(format!(
                    "add `phase: ...` with one of: {}",
                    program
                        .phases
                        .iter()
                        .map(|p| p.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            None
        }
        (None, true) => None,
        (Some(id), _) => {
            let found = program.phase(&id.value);
            if found.is_none() {
                let help = if program.phases.is_empty() {
                    Some(
                        "the program has `phases: []`: remove `phase` from this module".to_string(),
                    )
                } else {
                    did_you_mean(&id.value, program.phases.iter().map(|p| p.id.as_str())).or_else(
                        || {
                            Some(format!(
                                "the phases are: {}",
                                program
                                    .phases
                                    .iter()
                                    .map(|p| p.id.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ))
                        },
                    )
                };
                b.push(
                    Diagnostic::new(
                        Code::E0201,
                        file,
                        id.pos,
                        format!("unknown phase `{}`", id.value),
                    )
                    .maybe_help(help),
                );
            }
            found
        }
    };
    let competencies = f
        .competencies
        .iter()
        .flatten()
        .filter_map(|c| {
            let found = program
                .competencies
                .iter()
                .position(|k| k.id.value == c.value);
            if found.is_none() {
                let help = did_you_mean(
                    &c.value,
                    program.competencies.iter().map(|k| k.id.value.as_str()),
                )
                .or_else(|| {
                    Some("competencies are listed under `competencies` in _program.md".to_string())
                });
                b.push(
                    Diagnostic::new(
                        Code::E0201,
                        file,
                        c.pos,
                        format!("unknown competency `{}`", c.value),
                    )
                    .maybe_help(help),
                );
            }
            found
        })
        .collect();
    let prerequisites = f
        .prerequisites
        .iter()
        .flatten()
        .filter_map(|r| {
            b.resolve(Collection::Modules, r, file).map(|i| Located {
                value: i,
                pos: r.pos,
            })
        })
        .collect();
    Module {
        source: source(p, f.draft),
        title: text(&f.title),
        phase,
        phase_pos: f.phase.as_ref().map(|p| p.pos),
        year: year.unwrap_or(1),
        summary: f.summary.clone(),
        objectives: f.objectives.clone().unwrap_or_default(),
        outcomes: f
            .outcomes
            .iter()
            .flatten()
            .filter_map(|o| outcome(b, program, o, file))
            .collect(),
        resources: b.resolve_all(Collection::Readings, &f.resources, file),
        feedback: f.feedback.as_ref().map(|u| u.value.clone()),
        competencies,
        prerequisites,
        self_paced: f
            .self_paced
            .iter()
            .flatten()
            .map(|s| s.value.clone())
            .collect(),
        sessions: Vec::new(),
    }
}

pub(super) fn session(
    b: &mut Builder<'_>,
    model: &Model,
    p: &Parsed,
    f: &crate::content::session::SessionFront,
) -> Session {
    let file = p.path.as_str();
    let program = &model.program;
    let kind = f.kind.as_ref().map(|k| k.value).unwrap_or_default();
    let module = f
        .module
        .as_ref()
        .and_then(|r| b.resolve(Collection::Modules, r, file));
    // A program without modules holds its seminars on their own (SPEC 8).
    if kind == SessionKind::Seminar && f.module.is_none() && b.has_any(Collection::Modules) {
        b.push(
            Diagnostic::new(Code::E0105, file, Pos::START, "a seminar needs a `module`")
                .help("add `module: MODULE-ID`, or give the session another `kind` (book-club, forum, ...)"),
        );
    }
    let module_year = module.map(|m| model.modules[m].year);
    let years: Vec<u8> = match &f.year {
        Some(field) => {
            let list = crate::content::values::Years::located(field);
            for y in &list {
                year_in_range(b, program, y, file);
            }
            if let Some(my) = module_year
                && let Some(bad) = list.iter().find(|y| y.value.0 != my)
            {
                b.push(
                    Diagnostic::new(
                        Code::E0304,
                        file,
                        bad.pos,
                        format!("the session is in year {} but its module is a year-{my} module", bad.value.0),
                    )
                    .help(format!("a session of a module belongs to the module's year: use `year: {my}` or remove `year`")),
                );
            }
            let mut v: Vec<u8> = list
                .iter()
                .map(|y| y.value.0)
                .filter(|y| *y <= program.years)
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        }
        None => match module_year {
            Some(y) => vec![y],
            None => (1..=program.years).collect(),
        },
    };
    let date = f.date.clone().unwrap_or(Located {
        value: program.starts.value,
        pos: Pos::START,
    });
    let start = f.start.as_ref().map_or(program.start, |t| t.value);
    let end = f.end.as_ref().map_or(program.end, |t| t.value);
    let multi_day = f.end_date.as_ref().is_some_and(|d| d.value > date.value);
    if let Some(end_date) = &f.end_date
        && end_date.value < date.value
    {
        b.push(
            Diagnostic::new(
                Code::E0104,
                file,
                end_date.pos,
                format!(
                    "`end_date` {} is before `date` {}",
                    end_date.value, date.value
                ),
            )
            .help("end_date is the last day of a session over several days: on or after `date`"),
        );
    }
    if !multi_day && end <= start {
        let pos = f
            .end
            .as_ref()
            .or(f.start.as_ref())
            .map_or(Pos::START, |t| t.pos);
        b.push(
            Diagnostic::new(Code::E0104, file, pos, format!("the session ends ({end}) before it starts ({start})"))
                .help("`end` must be after `start` on the same day; for a session over several days add `end_date`"),
        );
    }
    let agenda = f.agenda.clone().unwrap_or_default();
    let days = if multi_day {
        f.end_date.as_ref().map_or(1, |d| {
            date.value
                .0
                .until(d.value.0)
                .map_or(1, |span| span.get_days() + 1)
        })
    } else {
        1
    };
    for item in &agenda {
        let t = item.value.time.value;
        let day = item.value.day.as_ref().map_or(1, |d| i64::from(d.value));
        if let Some(d) = &item.value.day
            && (d.value == 0 || i64::from(d.value) > i64::from(days))
        {
            b.push(
                Diagnostic::new(
                    Code::E0104,
                    file,
                    d.pos,
                    format!(
                        "agenda day {} is outside the session, which has {days} day{}",
                        d.value,
                        if days == 1 { "" } else { "s" }
                    ),
                )
                .help(if days == 1 {
                    "`day` is for sessions over several days (with `end_date`): remove it"
                        .to_string()
                } else {
                    format!("use a day from 1 to {days}")
                }),
            );
            continue;
        }
        // With a day given, only the first day starts at `start` and only the
        // last ends at `end`; without one, every item is checked against the
        // first day's start, as before days existed.
        let before = t < start && (item.value.day.is_none() || day == 1);
        let after =
            t >= end && (!multi_day || (item.value.day.is_some() && day == i64::from(days)));
        if before || after {
            b.push(
                Diagnostic::new(
                    Code::E0104,
                    file,
                    item.value.time.pos,
                    format!("agenda time {t} is outside the session ({start}-{end})"),
                )
                .help("each agenda time must be at or after `start` and before `end`"),
            );
        }
    }
    Session {
        source: source(p, f.draft),
        title: text(&f.title),
        kind,
        date,
        end_date: f.end_date.clone(),
        start,
        end,
        end_pos: f.end.as_ref().map(|e| e.pos),
        years,
        module,
        location: f.location.clone(),
        online: f.online.as_ref().map(|u| u.value.clone()),
        speakers: b.resolve_all(Collection::People, &f.speakers, file),
        facilitators: b.resolve_all(Collection::People, &f.facilitators, file),
        readings: b.resolve_all(Collection::Readings, &f.readings, file),
        required: f.required.unwrap_or(kind == SessionKind::Seminar),
        counts: f
            .counts
            .or(f.required)
            .unwrap_or(kind == SessionKind::Seminar),
        feedback: f.feedback.as_ref().map(|u| u.value.clone()),
        agenda,
    }
}

pub(super) fn project(
    b: &mut Builder<'_>,
    program: &Program,
    p: &Parsed,
    f: &crate::content::project::ProjectFront,
) -> Project {
    let file = p.path.as_str();
    let year = match &f.year {
        Some(y) => {
            year_in_range(b, program, y, file);
            y.value.0
        }
        None => program.years,
    };
    let mut milestones = Vec::new();
    for m in f.milestones.iter().flatten() {
        if m.value.due.is_none() && m.value.session.is_none() {
            b.push(
                Diagnostic::new(
                    Code::E0105,
                    file,
                    m.pos,
                    format!(
                        "the milestone `{}` has neither `due` nor `session`",
                        m.value.title
                    ),
                )
                .help("give it a `due: YYYY-MM-DD` date or the `session:` id where it is due"),
            );
        }
        let session = m
            .value
            .session
            .as_ref()
            .and_then(|r| b.resolve(Collection::Sessions, r, file));
        milestones.push(Milestone {
            title: m.value.title.clone(),
            due: m.value.due.clone(),
            session,
            pos: m.pos,
        });
    }
    Project {
        source: source(p, f.draft),
        title: text(&f.title),
        kind: f.kind.as_ref().map(|k| k.value),
        year,
        milestones,
    }
}

/// Resolves a module's outcome reference to an index into `program.outcomes`.
fn outcome(
    b: &mut Builder<'_>,
    program: &Program,
    reference: &Located<String>,
    file: &str,
) -> Option<usize> {
    let found = program
        .outcomes
        .iter()
        .position(|o| o.value.id.value == reference.value);
    if found.is_none() {
        let help = did_you_mean(
            &reference.value,
            program.outcomes.iter().map(|o| o.value.id.value.as_str()),
        )
        .or_else(|| Some("outcomes are listed under `outcomes` in _program.md".to_string()));
        b.push(
            Diagnostic::new(
                Code::E0201,
                file,
                reference.pos,
                format!("unknown outcome `{}`", reference.value),
            )
            .maybe_help(help),
        );
    }
    found
}

pub(super) fn group(
    b: &mut Builder<'_>,
    p: &Parsed,
    f: &crate::content::group::GroupFront,
) -> Group {
    let file = p.path.as_str();
    let (mentors, hidden_mentors) = b.resolve_people(&f.mentors, file);
    let (members, hidden_members) = b.resolve_people(&f.members, file);
    Group {
        source: source(p, f.draft),
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
