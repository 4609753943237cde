//! Dates and the calendar: E0304 (dates outside the academic year), E0311
//! (blackout dates), E0308 (overlaps), E0309 (due dates and milestone order),
//! E0306 (attendance), W0307 (cadence), W0305 (modules without sessions) and
//! W0204 (readings and speakers no session lists). A program without a
//! calendar is spared E0306, W0307 and W0305.

use crate::content::person::PersonRole;
use crate::content::session::SessionKind;
use crate::content::values::Date;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Pos};
use crate::fields::Located;
use crate::model::Model;
use jiff::civil::DateTime;

/// All calendar rules.
pub fn check(model: &Model) -> Vec<Diagnostic> {
    let mut ds = Vec::new();
    academic_year(model, &mut ds);
    ds.extend(program_agenda(model));
    blackout(model, &mut ds);
    overlaps(model, &mut ds);
    due_dates(model, &mut ds);
    // A session file that could not be read is missing from every count: what
    // its absence would cause (too few sessions, a month without one, a
    // reading or module no session uses) is not reported.
    if !model.sessions_incomplete() {
        // A program without a calendar has no sessions to count (SPEC 9.2).
        if model.program.calendar {
            attendance(model, &mut ds);
            cadence(model, &mut ds);
        }
        unused(model, &mut ds);
    }
    ds
}

/// E0304: every date in the content falls in [starts, starts + 1 year),
/// but for the dates that belong to no year (SPEC 9.2): an application's
/// `opens` and `closes` (in the spring before) and an outcome's `by` (a
/// grant may run for years) are not checked.
fn academic_year(model: &Model, ds: &mut Vec<Diagnostic>) {
    let p = &model.program;
    let mut check = |file: &str, date: &Located<Date>| {
        if !p.in_academic_year(date.value) {
            ds.push(
                Diagnostic::new(Code::E0304, file, date.pos, format!("{} is outside the academic year", date.value))
                    .help(format!(
                        "the academic year runs from {} to {} (`starts` in _program.md); move the date or roll `starts`",
                        p.starts.value,
                        Date(p.ends().0.yesterday().unwrap_or(p.ends().0))
                    )),
            );
        }
    };
    for d in &p.blackout {
        check(&p.source.path, d);
    }
    for s in &model.sessions {
        check(&s.source.path, &s.date);
        if let Some(end) = &s.end_date {
            check(&s.source.path, end);
        }
    }
    for pr in &model.prompts {
        if let Some(due) = &pr.due {
            check(&pr.source.path, due);
        }
    }
    for m in &model.modules {
        for sp in &m.self_paced {
            if let Some(due) = &sp.due {
                check(&m.source.path, due);
            }
        }
    }
    for pr in &model.projects {
        for due in pr.milestones.iter().filter_map(|m| m.due.as_ref()) {
            check(&pr.source.path, due);
        }
    }
}

/// E0311: no session on a blackout date (any of its days).
fn blackout(model: &Model, ds: &mut Vec<Diagnostic>) {
    for s in &model.sessions {
        if let Some(b) = model
            .program
            .blackout
            .iter()
            // A series skips its blackouts.
            .find(|b| s.series.is_none() && b.value >= s.date.value && b.value <= s.last_day())
        {
            ds.push(
                Diagnostic::new(
                    Code::E0311,
                    &s.source.path,
                    s.date.pos,
                    format!("the session falls on the blackout date {}", b.value),
                )
                .help(
                    "move the session to another date, or remove the date from `schedule.blackout`",
                ),
            );
        }
    }
}

/// When meeting `nth` of session `i` runs: a series' date with its times,
/// or a session's first day's start to its last day's end.
fn span(model: &Model, (i, nth): (usize, usize)) -> (DateTime, DateTime) {
    let s = &model.sessions[i];
    if s.series.is_some()
        && let Some(day) = s.dates.get(nth)
    {
        return (day.0.to_datetime(s.start.0), day.0.to_datetime(s.end.0));
    }
    (
        s.date.value.0.to_datetime(s.start.0),
        s.last_day().0.to_datetime(s.end.0),
    )
}

/// E0308: two sessions that share a year overlap in time (touching is
/// fine); each date of a series is a meeting of its own, and two sessions
/// are named once, at their first overlap.
fn overlaps(model: &Model, ds: &mut Vec<Diagnostic>) {
    let mut order: Vec<(usize, usize)> = (0..model.sessions.len())
        .flat_map(|i| (0..model.sessions[i].dates.len()).map(move |n| (i, n)))
        .collect();
    order.sort_by_key(|&m| span(model, m));
    let mut named = std::collections::HashSet::new();
    for (n, &a) in order.iter().enumerate() {
        let (_, a_end) = span(model, a);
        for &b in &order[n + 1..] {
            let (b_start, _) = span(model, b);
            if b_start >= a_end {
                break;
            }
            if a.0 == b.0 {
                continue;
            }
            let (sa, sb) = (&model.sessions[a.0], &model.sessions[b.0]);
            let ((later, later_on), (other, other_on)) = if sa.source.path > sb.source.path {
                ((sa, span(model, a).0), (sb, span(model, b).0))
            } else {
                ((sb, span(model, b).0), (sa, span(model, a).0))
            };
            for year in sa.years.iter().filter(|y| sb.years.contains(y)) {
                if !named.insert((a.0.min(b.0), a.0.max(b.0), *year)) {
                    continue;
                }
                ds.push(
                    Diagnostic::new(
                        Code::E0308,
                        &later.source.path,
                        later.date.pos,
                        format!(
                            "in year {year}, this session overlaps `{}`",
                            other.source.id
                        ),
                    )
                    .help(format!(
                        "`{}` runs {} {}-{}, `{}` runs {} {}-{}; move one of them",
                        later.source.id,
                        later_on.date(),
                        later.start,
                        later.end,
                        other.source.id,
                        other_on.date(),
                        other.start,
                        other.end
                    )),
                );
            }
        }
    }
}

/// E0309: a prompt due before its session; milestones out of date order.
fn due_dates(model: &Model, ds: &mut Vec<Diagnostic>) {
    for pr in &model.prompts {
        if let (Some(due), Some(s)) = (&pr.due, pr.session) {
            let session = &model.sessions[s];
            if due.value < session.date.value {
                ds.push(
                    Diagnostic::new(
                        Code::E0309,
                        &pr.source.path,
                        due.pos,
                        format!("the prompt is due {} , before its session", due.value)
                            .replace(" ,", ","),
                    )
                    .help(format!(
                        "`{}` is on {}; set `due` on or after that date",
                        session.source.id, session.date.value
                    )),
                );
            }
        }
    }
    for pr in &model.projects {
        let mut latest: Option<(Date, &str)> = None;
        for m in &pr.milestones {
            let Some(date) = m.date(model) else { continue };
            if let Some((prev, title)) = latest
                && date < prev
            {
                ds.push(
                    Diagnostic::new(
                        Code::E0309,
                        &pr.source.path,
                        m.pos,
                        format!(
                            "the milestone `{}` ({date}) comes before the one above it",
                            m.title
                        ),
                    )
                    .help(format!(
                        "`{title}` is due {prev}; list milestones in date order"
                    )),
                );
                break;
            }
            latest = Some((date, &m.title));
        }
    }
}

fn required_in_year(model: &Model, year: u8) -> impl Iterator<Item = &crate::model::Session> {
    model
        .sessions
        .iter()
        .filter(move |s| s.required && s.audience.includes_trainees() && s.in_year(year))
}

/// E0306: each year has at least `attendance.minimum` required sessions.
fn attendance(model: &Model, ds: &mut Vec<Diagnostic>) {
    let Some(min) = &model.program.attendance_minimum else {
        return;
    };
    for year in model.year_numbers() {
        // Expected sessions that do not count (a forum, say) are no help.
        let count = model
            .sessions
            .iter()
            .filter(|s| s.counts && s.in_year(year))
            .map(|s| s.dates.len())
            .sum::<usize>();
        if (count as u64) < u64::from(min.value) {
            ds.push(
                Diagnostic::new(
                    Code::E0306,
                    &model.program.source.path,
                    min.pos,
                    format!("year {year} has {count} required sessions that count toward attendance, fewer than the attendance minimum of {}", min.value),
                )
                .help("add required sessions to that year (without `counts: false`), or lower `attendance.minimum`"),
            );
        }
    }
}

/// W0307: each month of `schedule.months` holds a required session, per year.
fn cadence(model: &Model, ds: &mut Vec<Diagnostic>) {
    let p = &model.program;
    for year in model.year_numbers() {
        for month in &p.months {
            let held = required_in_year(model, year)
                .any(|s| s.dates.iter().any(|d| d.0.month() == month.value.0));
            if !held {
                let first = p.starts.value.0.first_of_month();
                let ym = (0..12)
                    .filter_map(|k| first.checked_add(jiff::Span::new().months(k)).ok())
                    .find(|d| d.month() == month.value.0)
                    .map_or_else(
                        || format!("month {}", month.value.0),
                        |d| format!("{:04}-{:02}", d.year(), d.month()),
                    );
                ds.push(
                    Diagnostic::new(Code::W0307, &p.source.path, month.pos, format!("year {year} has no required session in {ym}"))
                        .help("add a required session that month, or remove the month from `schedule.months`"),
                );
            }
        }
    }
}

/// W0305 and W0204: things no session uses. Not told of a collection some
/// reference failed to name an item of (a typo, a seminar without `module`):
/// the item meant would be blamed for the reference's error.
fn unused(model: &Model, ds: &mut Vec<Diagnostic>) {
    use crate::layout::Collection;
    // A program without a calendar has steps, not sessions (SPEC 9.2).
    let modules = if model.references_lost(Collection::Modules) || !model.program.calendar {
        &[][..]
    } else {
        &model.modules[..]
    };
    for m in modules {
        // Self-paced work is a module's whole life in some programs.
        if m.sessions.is_empty() && m.self_paced.is_empty() {
            ds.push(
                Diagnostic::new(
                    Code::W0305,
                    &m.source.path,
                    Pos::START,
                    format!("the module `{}` has no sessions", m.source.id),
                )
                .help(format!("add `module: {}` to its sessions", m.source.id)),
            );
        }
    }
    let mut resource = vec![false; model.readings.len()];
    for &r in &model.program.resources {
        resource[r] = true;
    }
    for m in &model.modules {
        for &r in &m.resources {
            resource[r] = true;
        }
    }
    let readings_lost = model.references_lost(Collection::Readings);
    for (i, r) in model.readings.iter().enumerate() {
        if r.sessions.is_empty() && !resource[i] && !readings_lost {
            ds.push(
                Diagnostic::new(
                    Code::W0204,
                    &r.source.path,
                    Pos::START,
                    format!("no session lists the reading `{}`", r.source.id),
                )
                .help(format!(
                    "add `{}` to the `readings` of the session it is read for",
                    r.source.id
                )),
            );
        }
    }
    let mut listed = vec![false; model.people.len()];
    for s in &model.sessions {
        for &p in s.speakers.iter().chain(&s.facilitators) {
            listed[p] = true;
        }
    }
    let people_lost = model.references_lost(Collection::People);
    for (i, p) in model.people.iter().enumerate().filter(|_| !people_lost) {
        let leads = p
            .roles
            .iter()
            .any(|r| matches!(r, PersonRole::Speaker | PersonRole::Facilitator));
        if leads && !listed[i] {
            ds.push(
                Diagnostic::new(
                    Code::W0204,
                    &p.source.path,
                    Pos::START,
                    format!(
                        "no session lists `{}` as a speaker or facilitator",
                        p.source.id
                    ),
                )
                .help(format!(
                    "add `{}` to a session's `speakers` or `facilitators`, or change their `roles`",
                    p.source.id
                )),
            );
        }
    }
}

/// E0104 at each item of the program's `schedule.agenda` that does not fit
/// a seminar following it, once per item (the first such seminar named).
fn program_agenda(model: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let program = &model.program;
    for item in &program.agenda {
        let misfit = model
            .sessions
            .iter()
            .filter(|s| s.kind == SessionKind::Seminar && !s.own_agenda)
            .find_map(|s| s.hours.misfit(item).map(|m| (s, m)));
        if let Some((s, mut m)) = misfit {
            m.message = format!("{} in the seminar `{}`", m.message, s.source.id);
            m.help = format!(
                "every seminar without its own `agenda` follows `schedule.agenda`: move this item within the seminars' hours, or give `{}` an agenda of its own",
                s.source.id
            );
            out.push(m.into_diagnostic(program.source.path.as_str()));
        }
    }
    out
}
