//! A dated session (`content/sessions/`): its model type, its builder
//! (track years, E0304's `year` half, times against the schedule, agenda
//! days and times, who it is for), the check of the program's
//! `schedule.agenda` against the seminars that follow it, and its part of
//! `curriculum.json`.

use super::build::{Builder, text, year_in_range};
use super::json::{id, ids};
use super::{Entry, Located, Model, Source};
use crate::content::Parsed;
use crate::content::repeats::DayHours;
use crate::content::session::{AgendaItem, Audience, SessionKind};
use crate::content::values::{Date, Time, Url};
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::layout::Collection;
use serde_json::{Value, json};

/// A dated session.
#[derive(Debug, Clone)]
pub struct Session {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `Listening Across Difference`.
    pub title: String,
    /// e.g. seminar.
    pub kind: SessionKind,
    /// The (first) day.
    pub date: Located<Date>,
    /// The last day of a multi-day session.
    pub end_date: Option<Located<Date>>,
    /// Start time (its own or the program's default).
    pub start: Time,
    /// End time.
    pub end: Time,
    /// The `end` value's place, when written.
    pub end_pos: Option<crate::diagnostics::Pos>,
    /// Track years attending, sorted, e.g. `[1, 2]`.
    pub years: Vec<u8>,
    /// Index of its module.
    pub module: Option<usize>,
    /// e.g. `Education Center, Room 204`.
    pub location: Option<String>,
    /// Video link.
    pub online: Option<Url>,
    /// People indexes.
    pub speakers: Vec<usize>,
    /// People indexes.
    pub facilitators: Vec<usize>,
    /// Reading indexes.
    pub readings: Vec<usize>,
    /// Expected of its years (else "optional").
    pub required: bool,
    /// Counts toward the attendance minimum.
    pub counts: bool,
    /// Feedback survey.
    pub feedback: Option<Url>,
    /// The evening's plan: its own, or for a seminar without one the
    /// program's `schedule.agenda`.
    pub agenda: Vec<Located<AgendaItem>>,
    /// True when `agenda` is the session's own (false: the program's or none).
    pub own_agenda: bool,
    /// Its hours, against which agenda times are checked.
    pub hours: Hours,
    /// Who it is for (`for:`), default everyone.
    pub audience: Audience,
    /// Every date it meets, in order: `date` alone, or a series' dates
    /// (blackouts and `except` left out), computed once.
    pub dates: Vec<Date>,
    /// The rule of a series (`repeats`).
    pub series: Option<super::series::Series>,
    /// Each day's hours of a session over several days, by day.
    pub day_hours: Vec<DayHours>,
}

/// A session's hours: its start and end, and its number of days.
#[derive(Debug, Clone, Copy)]
pub struct Hours {
    /// Start time of the (first) day.
    pub start: Time,
    /// End time of the (last) day.
    pub end: Time,
    /// Number of days, 1 unless `end_date` is later than `date`.
    pub days: i32,
    /// True when the session runs over several days.
    pub multi_day: bool,
}

/// Why an agenda item does not fit a session's hours (E0104).
pub struct Misfit {
    pos: Pos,
    /// What does not fit.
    pub message: String,
    /// How to make it fit.
    pub help: String,
}

impl Misfit {
    /// The E0104 it is, in `file`.
    pub fn into_diagnostic(self, file: &str) -> Diagnostic {
        Diagnostic::new(Code::E0104, file, self.pos, self.message).help(self.help)
    }
}

impl Hours {
    /// Why `item` does not fit these hours, if it does not: a day outside
    /// the session, or a time before its start or at or after its end.
    pub fn misfit(&self, item: &Located<AgendaItem>) -> Option<Misfit> {
        let Hours {
            start,
            end,
            days,
            multi_day,
        } = *self;
        let t = item.value.time.value;
        let day = item.value.day.as_ref().map_or(1, |d| i64::from(d.value));
        if let Some(d) = &item.value.day
            && (d.value == 0 || i64::from(d.value) > i64::from(days))
        {
            return Some(Misfit {
                pos: d.pos,
                message: format!(
                    "agenda day {} is outside the session, which has {days} day{}",
                    d.value,
                    if days == 1 { "" } else { "s" }
                ),
                help: if days == 1 {
                    "`day` is for sessions over several days (with `end_date`): remove it"
                        .to_string()
                } else {
                    format!("use a day from 1 to {days}")
                },
            });
        }
        // With a day given, only the first day starts at `start` and only the
        // last ends at `end`; without one, every item is checked against the
        // first day's start, as before days existed.
        let before = t < start && (item.value.day.is_none() || day == 1);
        let after =
            t >= end && (!multi_day || (item.value.day.is_some() && day == i64::from(days)));
        (before || after).then(|| Misfit {
            pos: item.value.time.pos,
            message: format!("agenda time {t} is outside the session ({start}-{end})"),
            help: "each agenda time must be at or after `start` and before `end`".to_string(),
        })
    }
}

impl Session {
    /// The last day (`end_date` or date).
    pub fn last_day(&self) -> Date {
        self.end_date.as_ref().map_or(self.date.value, |d| d.value)
    }

    /// Day `n` of the session, 1 its `date` (None past the calendar's end).
    pub fn day(&self, n: u32) -> Option<Date> {
        let after = jiff::Span::new().days(i64::from(n) - 1);
        self.date.value.0.checked_add(after).ok().map(Date)
    }

    /// True when the session is attended by year `year`.
    pub fn in_year(&self, year: u8) -> bool {
        self.years.contains(&year)
    }
}

pub(super) fn build(
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
        b.lost(Collection::Modules);
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
    let hours = Hours {
        start,
        end,
        days,
        multi_day,
    };
    for item in f.agenda.iter().flatten() {
        if let Some(d) = hours.misfit(item) {
            b.push(d.into_diagnostic(file));
        }
    }
    // A seminar without its own agenda follows the program's (SPEC 9.2),
    // checked against its hours once all sessions are known.
    let own_agenda = f.agenda.is_some();
    let agenda = match &f.agenda {
        Some(list) => list.clone(),
        None if kind == SessionKind::Seminar => program.agenda.clone(),
        None => Vec::new(),
    };
    let audience = f.audience.as_ref().map(|a| a.value).unwrap_or_default();
    let day_hours = super::series::hours(b, file, f.hours.as_deref(), days);
    if let (Some(rule), Some(end_date)) = (&f.repeats, &f.end_date) {
        b.push(
            Diagnostic::new(
                Code::E0104,
                file,
                end_date.pos,
                "a series meets one day at a time: `end_date` cannot go with `repeats`",
            )
            .help(format!(
                "remove `end_date`, or `repeats` (line {})",
                rule.pos.line
            )),
        );
    }
    let (series, dates) = match &f.repeats {
        Some(rule) => {
            let (series, dates) = super::series::expand(
                rule,
                &date,
                super::series::year_last_day(program),
                &program.blackout,
            );
            (Some(series), dates)
        }
        None => (None, vec![date.value]),
    };
    Session {
        source: Source::of(p, f.draft),
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
        // A session for mentors or faculty never counts toward trainees'
        // attendance (SPEC 9.2), whatever `counts` says.
        counts: audience.includes_trainees()
            && f.counts
                .or(f.required)
                .unwrap_or(kind == SessionKind::Seminar),
        feedback: f.feedback.as_ref().map(|u| u.value.clone()),
        agenda,
        own_agenda,
        hours,
        audience,
        dates,
        series,
        day_hours,
    }
}

impl Entry for Session {
    entry_fields!(title);
    fn years(&self, _model: &Model) -> Vec<u8> {
        self.years.clone()
    }
    fn to_json(&self, model: &Model) -> Value {
        let s = self;
        let mut out = json!({
            "id": s.source.id, "title": s.title, "kind": s.kind,
            "date": s.date.value, "end_date": s.end_date.as_ref().map(|d| d.value),
            "start": s.start, "end": s.end, "years": s.years,
            "module": s.module.map(|i| id(model, Collection::Modules, i)),
            "location": s.location, "online": s.online,
            "speakers": ids(model, Collection::People, &s.speakers),
            "facilitators": ids(model, Collection::People, &s.facilitators),
            "readings": ids(model, Collection::Readings, &s.readings),
            "required": s.required, "counts": s.counts, "feedback": s.feedback,
            "agenda": s.agenda.iter().map(|a| &a.value).collect::<Vec<_>>(),
            "draft": s.source.draft,
        });
        // Written only when not the default, so `curriculum.json` of a
        // program without `for:`, `repeats` or `hours` stays as it was.
        if s.audience != Audience::All {
            out["for"] = json!(s.audience);
        }
        if s.series.is_some() {
            out["dates"] = json!(s.dates);
        }
        if !s.day_hours.is_empty() {
            out["hours"] = json!(s.day_hours);
        }
        out
    }
}
