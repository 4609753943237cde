//! What changed between a past academic year and the current one (`cairn
//! diff`): the table a program director brings to the annual program
//! evaluation. Items are paired by id, an id that `roll` renamed counting as
//! the same item; a session has moved only when its date or time differs
//! from where `roll` would have put it. [`format`] prints it.

pub mod format;

use crate::model::Model;
use crate::roll::{self, dates};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// An item named by id and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Named {
    /// Its id (the current one, or the past one for a removed item).
    pub id: String,
    /// Its title.
    pub title: String,
}

/// A module whose title changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Retitled {
    /// Current id.
    pub id: String,
    /// Title last year.
    pub before: String,
    /// Title now.
    pub after: String,
}

/// A session not where `roll` would have put it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Moved {
    /// Current id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Date and time last year, e.g. `2025-09-18 18:00-20:00`.
    pub was: String,
    /// Where `roll` put it.
    pub expected: String,
    /// Date and time now.
    pub now: String,
}

/// Ids added to and removed from one item's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ListChange {
    /// The item's current id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Ids gained.
    pub added: Vec<String>,
    /// Ids lost.
    pub removed: Vec<String>,
}

/// A program setting that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Setting {
    /// e.g. `attendance.minimum`.
    pub name: String,
    /// Last year's value (`none` when unset).
    pub before: String,
    /// This year's.
    pub after: String,
}

/// One month of one track year's workload, last year and now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MonthWorkload {
    /// Track year.
    pub year: u8,
    /// e.g. `September`.
    pub month: String,
    /// Reading pages last year.
    pub pages_before: u64,
    /// Reading pages now.
    pub pages_after: u64,
    /// Minutes last year.
    pub minutes_before: u64,
    /// Minutes now.
    pub minutes_after: u64,
}

/// Everything that changed from a past year to the current one.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct YearDiff {
    /// The past year, e.g. `2025-26`.
    pub from: String,
    /// The current year, e.g. `2026-27`.
    pub to: String,
    /// Modules new this year.
    pub modules_added: Vec<Named>,
    /// Modules no longer given.
    pub modules_removed: Vec<Named>,
    /// Modules renamed.
    pub modules_retitled: Vec<Retitled>,
    /// Sessions new this year.
    pub sessions_added: Vec<Named>,
    /// Sessions no longer held.
    pub sessions_removed: Vec<Named>,
    /// Sessions on another date or at another time than `roll` gave them.
    pub sessions_moved: Vec<Moved>,
    /// Sessions whose speakers changed.
    pub session_speakers: Vec<ListChange>,
    /// Sessions whose readings changed.
    pub session_readings: Vec<ListChange>,
    /// Competencies gained or lost, per module (the curriculum map's delta).
    pub module_competencies: Vec<ListChange>,
    /// Readings new this year.
    pub readings_added: Vec<Named>,
    /// Readings dropped.
    pub readings_removed: Vec<Named>,
    /// Attendance minimum, workload caps, phases.
    pub settings: Vec<Setting>,
    /// Workload by month of the academic year, where either year has some.
    pub workload: Vec<MonthWorkload>,
}

impl YearDiff {
    /// True when nothing changed but the dates `roll` moves.
    pub fn is_empty(&self) -> bool {
        self.modules_added.is_empty()
            && self.modules_removed.is_empty()
            && self.modules_retitled.is_empty()
            && self.sessions_added.is_empty()
            && self.sessions_removed.is_empty()
            && self.sessions_moved.is_empty()
            && self.session_speakers.is_empty()
            && self.session_readings.is_empty()
            && self.module_competencies.is_empty()
            && self.readings_added.is_empty()
            && self.readings_removed.is_empty()
            && self.settings.is_empty()
            && self
                .workload
                .iter()
                .all(|m| m.pages_before == m.pages_after && m.minutes_before == m.minutes_after)
    }
}

/// Compares the past year `before` with the current year `after`.
pub fn compare(before: &Model, after: &Model) -> YearDiff {
    let old_starts = before.program.starts.value.0;
    let new_starts = after.program.starts.value.0;
    let months = dates::months_between(old_starts, new_starts);
    // A past id as it is now: renamed by roll, or the same.
    let now =
        |id: &str| roll::rolled_id(id, old_starts, new_starts).unwrap_or_else(|| id.to_string());
    let mut d = YearDiff {
        from: roll::year_label(old_starts),
        to: roll::year_label(new_starts),
        ..YearDiff::default()
    };

    // Modules.
    let old_modules: HashMap<String, usize> = (0..before.modules.len())
        .map(|i| (now(&before.modules[i].source.id), i))
        .collect();
    let new_modules: HashMap<&str, usize> = (0..after.modules.len())
        .map(|i| (after.modules[i].source.id.as_str(), i))
        .collect();
    for (i, m) in after.modules.iter().enumerate() {
        let id = &m.source.id;
        let Some(&j) = old_modules.get(id) else {
            d.modules_added.push(named(id, &m.title));
            continue;
        };
        let old = &before.modules[j];
        if old.title != m.title {
            d.modules_retitled.push(Retitled {
                id: id.clone(),
                before: old.title.clone(),
                after: m.title.clone(),
            });
        }
        let ids = |model: &Model, list: &[usize]| -> Vec<String> {
            list.iter()
                .map(|&c| model.program.competencies[c].id.value.clone())
                .collect()
        };
        let change = list_change(
            id,
            &m.title,
            &ids(before, &old.competencies),
            &ids(after, &after.modules[i].competencies),
        );
        d.module_competencies.extend(change);
    }
    for m in &before.modules {
        if !new_modules.contains_key(now(&m.source.id).as_str()) {
            d.modules_removed.push(named(&m.source.id, &m.title));
        }
    }

    // Sessions.
    let old_sessions: HashMap<String, usize> = (0..before.sessions.len())
        .map(|i| (now(&before.sessions[i].source.id), i))
        .collect();
    let new_ids: BTreeSet<&str> = after
        .sessions
        .iter()
        .map(|s| s.source.id.as_str())
        .collect();
    for s in &after.sessions {
        let id = &s.source.id;
        let Some(&j) = old_sessions.get(id) else {
            d.sessions_added.push(named(id, &s.title));
            continue;
        };
        let old = &before.sessions[j];
        let expected = dates::counterpart(old.date.value.0, months).0;
        let same_time = old.start == s.start && old.end == s.end;
        if s.date.value.0 != expected || !same_time {
            d.sessions_moved.push(Moved {
                id: id.clone(),
                title: s.title.clone(),
                was: when(old.date.value.0, old),
                expected: when(expected, old),
                now: when(s.date.value.0, s),
            });
        }
        let people = |model: &Model, list: &[usize]| -> Vec<String> {
            list.iter()
                .map(|&p| now(&model.people[p].source.id))
                .collect()
        };
        let readings = |model: &Model, list: &[usize]| -> Vec<String> {
            list.iter()
                .map(|&r| now(&model.readings[r].source.id))
                .collect()
        };
        d.session_speakers.extend(list_change(
            id,
            &s.title,
            &people(before, &old.speakers),
            &people(after, &s.speakers),
        ));
        d.session_readings.extend(list_change(
            id,
            &s.title,
            &readings(before, &old.readings),
            &readings(after, &s.readings),
        ));
    }
    for s in &before.sessions {
        if !new_ids.contains(now(&s.source.id).as_str()) {
            d.sessions_removed.push(named(&s.source.id, &s.title));
        }
    }

    // Readings.
    let old_readings: BTreeSet<String> =
        before.readings.iter().map(|r| now(&r.source.id)).collect();
    let new_readings: BTreeSet<&str> = after
        .readings
        .iter()
        .map(|r| r.source.id.as_str())
        .collect();
    for r in &after.readings {
        if !old_readings.contains(&r.source.id) {
            d.readings_added.push(named(&r.source.id, &r.title));
        }
    }
    for r in &before.readings {
        if !new_readings.contains(now(&r.source.id).as_str()) {
            d.readings_removed.push(named(&r.source.id, &r.title));
        }
    }

    d.settings = settings(before, after);
    d.workload = workload(before, after);
    d
}

fn named(id: &str, title: &str) -> Named {
    Named {
        id: id.to_string(),
        title: title.to_string(),
    }
}

/// A session's date and time, e.g. `2025-09-18 18:00-20:00`.
fn when(date: jiff::civil::Date, s: &crate::model::Session) -> String {
    format!("{date} {}-{}", s.start, s.end)
}

/// What `after` gained and lost from `before`, if anything.
fn list_change(id: &str, title: &str, before: &[String], after: &[String]) -> Option<ListChange> {
    let added: Vec<String> = after
        .iter()
        .filter(|x| !before.contains(x))
        .cloned()
        .collect();
    let removed: Vec<String> = before
        .iter()
        .filter(|x| !after.contains(x))
        .cloned()
        .collect();
    (!added.is_empty() || !removed.is_empty()).then(|| ListChange {
        id: id.to_string(),
        title: title.to_string(),
        added,
        removed,
    })
}

fn settings(before: &Model, after: &Model) -> Vec<Setting> {
    let show = |v: Option<u32>| v.map_or_else(|| "none".to_string(), |v| v.to_string());
    let phases = |m: &Model| {
        let list: Vec<String> = m
            .program
            .phases
            .iter()
            .map(|p| format!("{} ({})", p.id, p.title))
            .collect();
        if list.is_empty() {
            "none".to_string()
        } else {
            list.join(", ")
        }
    };
    let (b, a) = (&before.program, &after.program);
    let pairs = [
        (
            "attendance.minimum",
            show(b.attendance_minimum.as_ref().map(|v| v.value)),
            show(a.attendance_minimum.as_ref().map(|v| v.value)),
        ),
        (
            "workload.max_pages_per_month",
            show(b.max_pages_per_month.as_ref().map(|v| v.value)),
            show(a.max_pages_per_month.as_ref().map(|v| v.value)),
        ),
        (
            "workload.max_minutes_per_month",
            show(b.max_minutes_per_month.as_ref().map(|v| v.value)),
            show(a.max_minutes_per_month.as_ref().map(|v| v.value)),
        ),
        ("phases", phases(before), phases(after)),
    ];
    pairs
        .into_iter()
        .filter(|(_, x, y)| x != y)
        .map(|(name, before, after)| Setting {
            name: name.to_string(),
            before,
            after,
        })
        .collect()
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Each track year's workload by month of the academic year (the first month
/// is the one `starts` falls in), last year beside this year.
fn workload(before: &Model, after: &Model) -> Vec<MonthWorkload> {
    let years = before.program.years.max(after.program.years);
    let mut rows = Vec::new();
    for year in 1..=years {
        // (place in the academic year) -> (pages, minutes) before and after.
        let mut table: BTreeMap<i32, (i8, [u64; 4])> = BTreeMap::new();
        for (model, side) in [(before, 0), (after, 1)] {
            let starts = model.program.starts.value.0;
            for ((y, m), load) in crate::model::workload::by_month(model, year) {
                let Ok(first) = jiff::civil::Date::new(y, m, 1) else {
                    continue;
                };
                let place = dates::months_between(starts, first);
                let entry = table.entry(place).or_insert((m, [0; 4]));
                entry.1[side] += load.pages;
                entry.1[2 + side] += load.minutes;
            }
        }
        for (_, (month, [pb, pa, mb, ma])) in table {
            rows.push(MonthWorkload {
                year,
                month: MONTHS[(month.clamp(1, 12) - 1) as usize].to_string(),
                pages_before: pb,
                pages_after: pa,
                minutes_before: mb,
                minutes_after: ma,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_changes_name_what_was_gained_and_lost() {
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_string()).collect::<Vec<_>>();
        let c = list_change("x", "X", &s(&["a", "b"]), &s(&["b", "c"])).unwrap();
        assert_eq!((c.added, c.removed), (s(&["c"]), s(&["a"])));
        assert!(list_change("x", "X", &s(&["a", "b"]), &s(&["b", "a"])).is_none());
    }

    #[test]
    fn an_empty_diff_says_so() {
        let d = YearDiff::default();
        assert!(d.is_empty());
        assert!(format::human(&d).contains("Nothing changed"));
        assert!(format::markdown(&d).starts_with("# What changed"));
        assert!(format::json(&d).contains("\"modules_added\": []"));
    }
}
