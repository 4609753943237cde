//! The calendar page's month grid ("a month at a glance"): every month of
//! the program as weeks of seven days, each day with its sessions and due
//! items.

use super::calendar::merged;
use crate::model::due::DueKind;
use crate::model::{Item, Model};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One thing on one day of the month grid: a session (each day of a
/// multi-day one) or a due item.
#[derive(Debug, Serialize)]
pub struct GridItem {
    kind: &'static str,
    label: String,
    title: String,
    url: String,
    years: String,
    year_numbers: Vec<u8>,
    #[serde(flatten)]
    what: GridWhat,
}

/// What only a session's or only a due item's line shows.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum GridWhat {
    Due {
        detail: Option<String>,
    },
    Session {
        /// The start time, on its first day only.
        time: String,
        /// The readings due at it, on its first day only.
        reads: Option<String>,
    },
}

/// One day of a month: its date and what happens on it.
#[derive(Debug, Serialize)]
pub struct GridDay {
    iso: String,
    day: i8,
    long: String,
    items: Vec<GridItem>,
}

/// One month of the calendar page, as weeks of seven days (`None` for the
/// days outside the month).
#[derive(Debug, Serialize)]
pub struct Month {
    id: String,
    label: String,
    short: String,
    count: usize,
    weeks: Vec<Vec<Option<GridDay>>>,
}

/// The calendar page's months ("a month at a glance", issue 15): every month
/// from the first with a session or a due item to the last, as weeks of seven
/// days from Monday; each day of the month with its sessions (each day of a
/// multi-day one) and due items, `null` for the days of the weeks outside it.
/// Nothing here knows today's date (SPEC 7): the browser marks past days.
pub fn months(model: &Model, order: &[usize]) -> Vec<Month> {
    let multi = model.program.years > 1;
    let years = |ys: &[u8]| {
        if multi {
            super::labels::years(&model.program.messages, ys)
        } else {
            String::new()
        }
    };
    let mut days: BTreeMap<jiff::civil::Date, Vec<GridItem>> = BTreeMap::new();
    // A reading is due at its session: the grid counts them on the
    // session's line rather than filling its day with one line each.
    let mut reads: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut due_on: BTreeMap<jiff::civil::Date, Vec<GridItem>> = BTreeMap::new();
    for d in merged(&crate::model::due::all(model)) {
        if let (DueKind::Reading, Some(s)) = (d.kind, d.session) {
            reads.entry(s).or_default().insert(d.item.index);
            continue;
        }
        due_on.entry(d.date.0).or_default().push(GridItem {
            kind: d.kind.key(),
            label: super::labels::due_kind(&model.program.messages, d.kind),
            url: crate::routes::item(model, d.item),
            years: years(&d.years),
            what: GridWhat::Due { detail: d.detail },
            title: d.title,
            year_numbers: d.years,
        });
    }
    // Each date of a series is one day of its own.
    let dated = order.iter().flat_map(|&i| {
        let s = &model.sessions[i];
        s.dates.iter().map(move |d| match s.series {
            Some(_) => (i, d.0, d.0),
            None => (i, s.date.value.0, s.last_day().0),
        })
    });
    for (i, first, last) in dated {
        let s = &model.sessions[i];
        let mut day = first;
        while day <= last {
            days.entry(day).or_default().push(GridItem {
                kind: "session",
                label: super::labels::kind(&model.program.messages, s.kind.as_str()),
                title: s.title.clone(),
                url: crate::routes::item(model, Item::session(i)),
                years: years(&s.years),
                year_numbers: s.years.clone(),
                what: GridWhat::Session {
                    time: if day == first {
                        s.start.to_string()
                    } else {
                        String::new()
                    },
                    reads: if day == first {
                        reads.get(&i).map(|r| reading_summary(model, r))
                    } else {
                        None
                    },
                },
            });
            let Ok(next) = day.tomorrow() else { break };
            day = next;
        }
    }
    // Sessions first, then what is due that day.
    for (day, items) in due_on {
        days.entry(day).or_default().extend(items);
    }
    let (Some(first), Some(last)) = (days.keys().next(), days.keys().next_back()) else {
        return Vec::new();
    };
    let (mut month, end) = (first.first_of_month(), last.first_of_month());
    let mut out = Vec::new();
    while month <= end {
        let lead = month.weekday().to_monday_zero_offset();
        let mut cells: Vec<Option<GridDay>> = Vec::new();
        cells.resize_with(lead as usize, || None);
        let mut count = 0;
        for n in 1..=month.days_in_month() {
            let day = jiff::civil::date(month.year(), month.month(), n);
            let items = days.remove(&day).unwrap_or_default();
            count += items.len();
            cells.push(Some(GridDay {
                iso: day.to_string(),
                day: n,
                long: model.program.messages.day_in_month(day),
                items,
            }));
        }
        while cells.len() % 7 != 0 {
            cells.push(None);
        }
        let mut weeks = Vec::new();
        while !cells.is_empty() {
            let rest = cells.split_off(7.min(cells.len()));
            weeks.push(std::mem::replace(&mut cells, rest));
        }
        out.push(Month {
            id: format!("{:04}-{:02}", month.year(), month.month()),
            label: super::labels::month(&model.program.messages, month.year(), month.month()),
            short: month.strftime("%b").to_string(),
            count,
            weeks,
        });
        let Ok(next) = month.checked_add(jiff::Span::new().months(1)) else {
            break;
        };
        month = next;
    }
    out
}

/// e.g. `5 readings, 280 pages, 18 min`.
fn reading_summary(model: &Model, readings: &BTreeSet<usize>) -> String {
    let (mut pages, mut minutes) = (0, 0);
    for &r in readings {
        pages += model.readings[r].pages.unwrap_or(0);
        minutes += model.readings[r].minutes.unwrap_or(0);
    }
    let m = &model.program.messages;
    let mut out = vec![m.plural("labels.readings", readings.len() as u64, &[])];
    if pages > 0 {
        out.push(m.plural("labels.pages", u64::from(pages), &[]));
    }
    if minutes > 0 {
        out.push(m.fill("labels.min", &[("n", &minutes.to_string())]));
    }
    out.join(", ")
}
