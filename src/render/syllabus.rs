//! The data of the pages that lay the year out in time: the home page (the
//! framework, the years, "Next up"), each year's syllabus, the sessions
//! list, the printable syllabus and the calendar page.

use super::{Shared, labels};
use crate::layout::Collection;
use crate::model::Model;
use crate::model::workload;
use crate::routes;
use serde::Serialize;
use std::collections::BTreeMap;

/// A year as the home page lists it.
#[derive(Debug, Serialize)]
pub struct YearCard<'a> {
    number: u8,
    title: &'a str,
    summary: Option<&'a str>,
    url: String,
    module_count: usize,
    session_count: usize,
}

/// The home page.
#[derive(Debug, Serialize)]
pub struct HomePage<'a> {
    continuous: Vec<&'a str>,
    years: Vec<YearCard<'a>>,
    /// What "Next up" reads, as JSON text safe inside `<script>`.
    schedule: String,
    facts: Option<Facts<'a>>,
    /// The framework ([`super::pages::phases`]), made once per render.
    phases: tera::Value,
    /// Every session's row, in calendar order.
    sessions: Vec<tera::Value>,
    /// The program's `resources` ([`super::program::resources`]).
    resources: tera::Value,
    /// Without a calendar, the modules as steps ([`super::program::steps`]).
    steps: tera::Value,
}

/// Home page.
pub fn home<'m>(model: &'m Model, shared: &Shared) -> HomePage<'m> {
    HomePage {
        continuous: super::pages::continuous(model),
        years: model
            .years
            .iter()
            .map(|y| YearCard {
                number: y.number,
                title: &y.title,
                summary: y.summary.as_deref(),
                url: routes::year(y.number),
                module_count: model.modules.iter().filter(|m| m.year == y.number).count(),
                session_count: model
                    .sessions
                    .iter()
                    .filter(|s| s.in_year(y.number))
                    .count(),
            })
            .collect(),
        schedule: schedule(model, shared, None),
        facts: facts(model),
        phases: shared.phases.clone(),
        sessions: shared
            .order
            .iter()
            .map(|&i| shared.row(model, i).clone())
            .collect(),
        resources: super::program::resources(model),
        steps: super::program::steps(model, None),
    }
}

/// Who the program is for and how to join.
#[derive(Debug, Serialize)]
pub struct Facts<'a> {
    audience: Option<String>,
    eligibility: Option<&'a str>,
    cohort_size: Option<u32>,
    application: Option<Application<'a>>,
    endorsement: Option<&'a str>,
}

/// When and where to apply.
#[derive(Debug, Serialize)]
pub struct Application<'a> {
    window: Option<String>,
    url: Option<&'a crate::content::values::Url>,
    contact: Option<&'a str>,
}

/// Who the program is for and how to join, if `_program.md` says.
fn facts(model: &Model) -> Option<Facts<'_>> {
    let p = &model.program;
    let application = p.application.as_ref().map(|a| {
        let window = match (&a.opens, &a.closes) {
            (Some(o), Some(c)) => Some(p.messages.fill(
                "labels.window",
                &[
                    ("opens", &labels::date(&p.messages, o.value)),
                    ("closes", &labels::date(&p.messages, c.value)),
                ],
            )),
            (Some(o), None) => Some(p.messages.fill(
                "labels.window_opens",
                &[("opens", &labels::date(&p.messages, o.value))],
            )),
            (None, Some(c)) => Some(p.messages.fill(
                "labels.window_closes",
                &[("closes", &labels::date(&p.messages, c.value))],
            )),
            (None, None) => None,
        };
        Application {
            window,
            url: a.url.as_ref().map(|u| &u.value),
            contact: a.contact.as_deref(),
        }
    });
    let any = p.eligibility.is_some()
        || p.cohort_size.is_some()
        || application.is_some()
        || p.endorsement.is_some()
        || p.audience.is_some();
    any.then(|| Facts {
        audience: p.audience.as_deref().map(labels::capitalised),
        eligibility: p.eligibility.as_deref(),
        cohort_size: p.cohort_size,
        application,
        endorsement: p.endorsement.as_deref(),
    })
}

/// What "Next up" reads in the browser, as JSON safe inside `<script>`: the
/// sessions (of year `year`, else all) in order, with what to prepare, the
/// due items, and where the whole syllabus is.
fn schedule(model: &Model, shared: &Shared, year: Option<u8>) -> String {
    if !model.program.calendar {
        return String::new(); // no "Next up" without a calendar (SPEC 9.2)
    }
    let of_year = |years: &[u8]| year.is_none_or(|n| years.contains(&n));
    let whole = year.map_or_else(
        || {
            routes::ListPage::of(Collection::Sessions)
                .map_or_else(String::new, routes::ListPage::url)
        },
        routes::year,
    );
    // What `script_json` makes of `{"due": [...], "sessions": [...],
    // "syllabus": ...}`, joined from each entry's text (made once per
    // build): JSON's keys in order, no spaces.
    let mut out = String::from("{\"due\":[");
    let due = shared
        .due
        .iter()
        .zip(shared.due_rows(model).1)
        .filter(|(d, _)| of_year(&d.years))
        .map(|(_, text)| text.as_str());
    join_into(&mut out, due);
    out.push_str("],\"sessions\":[");
    let sessions = shared
        .dated
        .iter()
        .filter(|&&(i, _)| of_year(&model.sessions[i].years))
        .filter(|&&(i, _)| model.sessions[i].audience.includes_trainees())
        .map(|&d| shared.dated_entry(model, d));
    join_into(&mut out, sessions);
    out.push_str("],\"syllabus\":");
    out.push_str(&super::jsonld::script_json(&whole));
    out.push('}');
    out
}

/// Appends `items` to `out`, separated by commas.
fn join_into<'a>(out: &mut String, items: impl Iterator<Item = &'a str>) {
    for (n, item) in items.enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(item);
    }
}

/// One calendar month of a syllabus: its session rows and its due rows.
type Rows = (Vec<tera::Value>, Vec<tera::Value>);

/// A year's page: its syllabus and its "Next up".
#[derive(Debug, Serialize)]
pub struct YearPage<'a> {
    #[serde(flatten)]
    syllabus: Syllabus<'a>,
    /// What "Next up" reads, as JSON text safe inside `<script>`.
    schedule: String,
    next_year: u8,
}

/// Year `n`'s page: its syllabus and its "Next up".
pub fn year_page<'m>(model: &'m Model, shared: &Shared, n: u8) -> YearPage<'m> {
    YearPage {
        syllabus: year(model, shared, n),
        schedule: schedule(model, shared, Some(n)),
        next_year: n,
    }
}

/// A year's syllabus.
#[derive(Debug, Serialize)]
pub struct Syllabus<'a> {
    year: YearFields<'a>,
    attendance: Option<Attendance>,
    months: Vec<SyllabusMonth>,
    /// Without a calendar, the year's modules as steps, in `order`.
    steps: tera::Value,
}

/// What a syllabus shows of its year.
#[derive(Debug, Serialize)]
pub struct YearFields<'a> {
    number: u8,
    title: &'a str,
    summary: Option<&'a str>,
    calendar: String,
}

/// How many sessions a year asks to attend.
#[derive(Debug, Serialize)]
pub struct Attendance {
    minimum: u32,
    required_count: usize,
}

/// One month of a syllabus.
#[derive(Debug, Serialize)]
pub struct SyllabusMonth {
    label: String,
    id: String,
    workload: Option<Load>,
    sessions: Vec<tera::Value>,
    due: Vec<tera::Value>,
}

/// A month's reading load.
#[derive(Debug, Serialize)]
pub struct Load {
    pages: u64,
    minutes: u64,
}

/// A year's syllabus, month by month.
pub fn year<'m>(model: &'m Model, shared: &Shared, n: u8) -> Syllabus<'m> {
    let y = &model.years[n as usize - 1];
    let loads = workload::by_month(model, n);
    let mut months: BTreeMap<(i16, i8), Rows> = BTreeMap::new();
    for &(i, nth) in &shared.dated {
        let s = &model.sessions[i];
        if s.in_year(n) {
            let d = s.dates[nth].0;
            months
                .entry((d.year(), d.month()))
                .or_default()
                .0
                .push(shared.dated_row(model, (i, nth)).clone());
        }
    }
    for (d, row) in shared.due.iter().zip(shared.due_rows(model).0) {
        if d.years.contains(&n) {
            months
                .entry((d.date.0.year(), d.date.0.month()))
                .or_default()
                .1
                .push(row.clone());
        }
    }
    let months = months
        .into_iter()
        .map(|((yr, mo), (sessions, due))| SyllabusMonth {
            label: labels::month(&model.program.messages, yr, mo),
            id: format!("{yr:04}-{mo:02}"),
            workload: loads.get(&(yr, mo)).map(|l| Load {
                pages: l.pages,
                minutes: l.minutes,
            }),
            sessions,
            due,
        })
        .collect();
    let required = model
        .sessions
        .iter()
        .filter(|s| s.counts && s.in_year(n))
        .map(|s| s.dates.len())
        .sum::<usize>();
    Syllabus {
        year: YearFields {
            number: n,
            title: &y.title,
            summary: y.summary.as_deref(),
            calendar: routes::year_calendar(n),
        },
        attendance: model
            .program
            .attendance_minimum
            .as_ref()
            .map(|m| Attendance {
                minimum: m.value,
                required_count: required,
            }),
        months,
        steps: super::program::steps(model, Some(n)),
    }
}

/// A month of the sessions list.
#[derive(Debug, Serialize)]
pub struct SessionsMonth {
    label: String,
    id: String,
    sessions: Vec<tera::Value>,
}

/// The sessions list.
#[derive(Debug, Serialize)]
pub struct SessionsPage {
    months: Vec<SessionsMonth>,
}

/// All sessions by month, with their years.
pub fn sessions(model: &Model, shared: &Shared) -> SessionsPage {
    let mut months: BTreeMap<(i16, i8), Vec<tera::Value>> = BTreeMap::new();
    for &(i, nth) in &shared.dated {
        let d = model.sessions[i].dates[nth].0;
        months
            .entry((d.year(), d.month()))
            .or_default()
            .push(shared.dated_row(model, (i, nth)).clone());
    }
    SessionsPage {
        months: months
            .into_iter()
            .map(|((y, m), sessions)| SessionsMonth {
                label: labels::month(&model.program.messages, y, m),
                id: format!("{y:04}-{m:02}"),
                sessions,
            })
            .collect(),
    }
}

/// The printable syllabus.
#[derive(Debug, Serialize)]
pub struct PrintPage<'a> {
    years: Vec<Syllabus<'a>>,
}

/// The whole syllabus on one page: every year, month by month.
pub fn print<'m>(model: &'m Model, shared: &Shared) -> PrintPage<'m> {
    PrintPage {
        years: model
            .years
            .iter()
            .map(|y| year(model, shared, y.number))
            .collect(),
    }
}

/// A year's calendar file, as the calendar page offers it.
#[derive(Debug, Serialize)]
pub struct YearCalendar<'a> {
    number: u8,
    title: &'a str,
    calendar: String,
}

/// The calendar page.
#[derive(Debug, Serialize)]
pub struct CalendarPage<'a> {
    months: Vec<super::month_grid::Month>,
    years: Vec<YearCalendar<'a>>,
    /// The whole program's calendar file.
    calendar: &'static str,
    /// The grid's column heads, Monday first.
    weekdays: Vec<super::labels::Weekday>,
}

/// The calendar page: the calendar files to subscribe to or download, and
/// each month as a grid of its sessions and due items.
pub fn calendar<'m>(model: &'m Model, shared: &Shared) -> CalendarPage<'m> {
    CalendarPage {
        months: super::month_grid::months(model, &shared.order),
        years: model
            .years
            .iter()
            .map(|y| YearCalendar {
                number: y.number,
                title: &y.title,
                calendar: routes::year_calendar(y.number),
            })
            .collect(),
        calendar: routes::CALENDAR,
        weekdays: super::labels::weekdays(&model.program.messages),
    }
}
