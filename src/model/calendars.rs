//! Who has a calendar of their own besides the program, its years and its
//! sessions (SPEC 9.4 "More calendars"): a group with sessions or a `meets`
//! rule, and each published person who speaks at or facilitates a session or
//! mentors such a group. One home for the choice, so the files written
//! (`render`), the files E0403 protects and the pages' subscribe links
//! (`routes`) agree.

use super::Model;

/// Group `g` has `groups/ID/calendar.ics`: its sessions and its meetings.
/// A program without a calendar has none (SPEC 9.2).
pub fn group_has_calendar(model: &Model, g: usize) -> bool {
    let group = &model.groups[g];
    model.program.calendar && (!group.sessions.is_empty() || group.meetings.is_some())
}

/// The sessions person `p` speaks at or facilitates, by index.
pub fn sessions_led(model: &Model, p: usize) -> Vec<usize> {
    (0..model.sessions.len())
        .filter(|&s| {
            let s = &model.sessions[s];
            s.speakers.contains(&p) || s.facilitators.contains(&p)
        })
        .collect()
}

/// The groups person `p` mentors, by index.
pub fn groups_mentored(model: &Model, p: usize) -> Vec<usize> {
    (0..model.groups.len())
        .filter(|&g| model.groups[g].mentors.contains(&p))
        .collect()
}

/// What person `p`'s `people/ID/calendar.ics` holds: the sessions they
/// lead and those where a group they mentor meets (each once, by index),
/// and the groups whose `meets` rule adds its meetings.
pub fn person_calendar(model: &Model, p: usize) -> (Vec<usize>, Vec<usize>) {
    let groups = groups_mentored(model, p);
    let mut sessions = sessions_led(model, p);
    for &g in &groups {
        sessions.extend(&model.groups[g].sessions);
    }
    sessions.sort_unstable();
    sessions.dedup();
    let meetings = groups
        .into_iter()
        .filter(|&g| model.groups[g].meetings.is_some())
        .collect();
    (sessions, meetings)
}

/// Person `p` has `people/ID/calendar.ics`: something of theirs is dated.
pub fn person_has_calendar(model: &Model, p: usize) -> bool {
    if !model.program.calendar {
        return false;
    }
    let (sessions, meetings) = person_calendar(model, p);
    !sessions.is_empty() || !meetings.is_empty()
}
