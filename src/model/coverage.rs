//! What each competency gets in each track year (SPEC 9.4): the sessions of
//! the modules that list it, their contact hours, the self-paced minutes of
//! those modules and the pages of their sessions' required readings. The
//! curriculum map shows it, W0317 and `cairn report` read it.
//!
//! Contact time comes from session times: a session counts `end - start`
//! for each date it meets (a series counts each of its dates); a session
//! over several days counts each day's `hours` when written, else
//! `end - start` for each of its days.

use super::{Model, Session};

/// One competency in one year.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Indexes of its sessions that year, in curriculum order.
    pub sessions: Vec<usize>,
    /// Minutes of contact time of those sessions.
    pub contact_minutes: u64,
    /// Self-paced minutes of the modules of that year that list it.
    pub self_paced_minutes: u64,
    /// Pages of the required readings of its sessions, each reading once.
    pub pages: u64,
    /// Indexes of the modules of that year that list it.
    pub modules: Vec<usize>,
}

impl Coverage {
    /// True when nothing covers the competency that year.
    pub fn is_empty(&self) -> bool {
        self.modules.is_empty() && self.sessions.is_empty()
    }
}

fn minutes_between(start: super::Time, end: super::Time) -> u64 {
    let (s, e) = (start.0, end.0);
    let m = |t: jiff::civil::Time| i64::from(t.hour()) * 60 + i64::from(t.minute());
    u64::try_from(m(e) - m(s)).unwrap_or(0)
}

/// Session `s`'s contact minutes over all the dates it meets.
pub fn contact_minutes(s: &Session) -> u64 {
    let once = if s.day_hours.is_empty() {
        minutes_between(s.start, s.end) * u64::try_from(s.hours.days.max(1)).unwrap_or(1)
    } else {
        s.day_hours
            .iter()
            .map(|h| minutes_between(h.start.value, h.end.value))
            .sum()
    };
    once * u64::try_from(s.dates.len().max(1)).unwrap_or(1)
}

/// Competency `c` (an index into the program's list) in `year`.
pub fn of(model: &Model, c: usize, year: u8) -> Coverage {
    let mut out = Coverage::default();
    let mut readings: Vec<usize> = Vec::new();
    for m in model.modules_in_order() {
        let module = &model.modules[m];
        if !module.competencies.contains(&c) {
            continue;
        }
        if module.year == year {
            out.modules.push(m);
            out.self_paced_minutes += module
                .self_paced
                .iter()
                .map(|sp| u64::from(sp.minutes.unwrap_or(0)))
                .sum::<u64>();
        }
        for &s in &module.sessions {
            let session = &model.sessions[s];
            if !session.in_year(year) || out.sessions.contains(&s) {
                continue;
            }
            out.sessions.push(s);
            out.contact_minutes += contact_minutes(session);
            for &r in &session.readings {
                if !model.readings[r].optional && !readings.contains(&r) {
                    readings.push(r);
                    out.pages += u64::from(model.readings[r].pages.unwrap_or(0));
                }
            }
        }
    }
    out
}

/// True when some module lists competency `c`'s id, in any year (a
/// repeated id, E0107, is not reported uncovered as well).
pub fn covered(model: &Model, c: usize) -> bool {
    let comps = &model.program.competencies;
    let id = &comps[c].id.value;
    model
        .modules
        .iter()
        .any(|m| m.competencies.iter().any(|&k| comps[k].id.value == *id))
}
