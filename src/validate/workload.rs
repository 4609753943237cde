//! W0310: per track year and calendar month, the reading pages and the video,
//! course and self-paced minutes may not exceed the program's caps. A reading
//! counts in the month of the earliest session of that year that lists it; a
//! self-paced item in the month of its `due`, else of its module's first session.

use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::fields::Located;
use crate::model::Model;
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

/// The W0310 rule.
pub fn check(model: &Model) -> Vec<Diagnostic> {
    let p = &model.program;
    let mut ds = Vec::new();
    if p.max_pages_per_month.is_none() && p.max_minutes_per_month.is_none() {
        return ds;
    }
    for year in model.year_numbers() {
        for ((y, m), load) in by_month(model, year) {
            let mut over = |cap: &Option<Located<u32>>,
                            total: u64,
                            unit: &str,
                            pick: fn(&(String, u64, u64)) -> u64| {
                let Some(cap) = cap else { return };
                if total <= u64::from(cap.value) {
                    return;
                }
                let items: Vec<String> = load
                    .items
                    .iter()
                    .filter(|i| pick(i) > 0)
                    .map(|i| format!("{} ({} {unit})", i.0, pick(i)))
                    .collect();
                ds.push(
                    Diagnostic::new(
                        Code::W0310,
                        &p.source.path,
                        cap.pos,
                        format!("year {year}, {y:04}-{m:02}: {total} {unit}, over the cap of {}", cap.value),
                    )
                    .help(format!("{y:04}-{m:02} holds {}; spread them over other months or mark some optional", items.join(", "))),
                );
            };
            over(&p.max_pages_per_month, load.pages, "pages", |i| i.1);
            over(&p.max_minutes_per_month, load.minutes, "minutes", |i| i.2);
        }
    }
    ds
}
