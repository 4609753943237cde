//! Each track year's workload by calendar month (SPEC 5): the pages and
//! minutes of each non-optional reading in the month of the earliest session
//! of that year that lists it, and the minutes of each self-paced item in the
//! month of its `due` date, or, without one, of its module's first session.
//! The year pages show it; W0310 holds it against the program's caps.

use super::Model;
use std::collections::BTreeMap;

/// One month of one year: pages, minutes, and what made them up.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct MonthLoad {
    /// Reading pages.
    pub pages: u64,
    /// Minutes of readings and self-paced work.
    pub minutes: u64,
    /// `(title, pages, minutes)` of each item.
    pub items: Vec<(String, u64, u64)>,
}

/// The workload of `year` by month (`(year, month)` of the calendar).
pub fn by_month(model: &Model, year: u8) -> BTreeMap<(i16, i8), MonthLoad> {
    let mut months: BTreeMap<(i16, i8), MonthLoad> = BTreeMap::new();
    for r in model.readings.iter().filter(|r| !r.optional) {
        // Sessions are kept in curriculum order, so the first match is the earliest.
        let Some(s) = r
            .sessions
            .iter()
            .map(|&s| &model.sessions[s])
            .find(|s| s.in_year(year))
        else {
            continue;
        };
        let d = s.date.value.0;
        let load = months.entry((d.year(), d.month())).or_default();
        let (pages, minutes) = (
            u64::from(r.pages.unwrap_or(0)),
            u64::from(r.minutes.unwrap_or(0)),
        );
        load.pages += pages;
        load.minutes += minutes;
        load.items.push((r.title.clone(), pages, minutes));
    }
    for (i, m) in model
        .modules
        .iter()
        .enumerate()
        .filter(|(_, m)| m.year == year)
    {
        let first = model.module_span(i).map(|(start, _)| start.1);
        for sp in &m.self_paced {
            let Some(d) = sp.due.as_ref().map(|d| d.value).or(first) else {
                continue;
            };
            let minutes = u64::from(sp.minutes.unwrap_or(0));
            let load = months.entry((d.0.year(), d.0.month())).or_default();
            load.minutes += minutes;
            load.items.push((sp.title.clone(), 0, minutes));
        }
    }
    months
}
