//! The calendars of one group and of one person (SPEC 9.4 "More
//! calendars"): `groups/ID/calendar.ics` holds the group's sessions and its
//! meetings; `people/ID/calendar.ics` the sessions a person speaks at or
//! facilitates, and the sessions and meetings of the groups they mentor.
//! Who has one is [`crate::model::calendars`]'. Each event keeps the UID it
//! has in the program's calendar, so a subscriber to both sees it once.

use super::OutputFile;
use super::calendar::{CalendarOptions, calendar};
use super::recurrence::group_meetings;
use crate::model::Model;
use crate::model::calendars::{group_has_calendar, person_calendar, person_has_calendar};

/// Each group's calendar, for the groups that have one.
pub(super) fn group_files(
    model: &Model,
    order: &[usize],
    opts: &CalendarOptions,
) -> Vec<OutputFile> {
    (0..model.groups.len())
        .filter(|&g| group_has_calendar(model, g))
        .map(|g| {
            let group = &model.groups[g];
            let sessions = in_order(order, &group.sessions);
            OutputFile {
                path: crate::routes::group_calendar(model, g),
                bytes: calendar(
                    model,
                    &group.title,
                    sessions.into_iter(),
                    std::iter::empty(),
                    group_meetings(model, g, opts).into_iter(),
                    opts,
                )
                .into_bytes(),
            }
        })
        .collect()
}

/// Each published speaker's, facilitator's and mentor's calendar.
pub(super) fn person_files(
    model: &Model,
    order: &[usize],
    opts: &CalendarOptions,
) -> Vec<OutputFile> {
    (0..model.people.len())
        .filter(|&p| person_has_calendar(model, p))
        .map(|p| {
            let (sessions, groups) = person_calendar(model, p);
            OutputFile {
                path: crate::routes::person_calendar(model, p),
                bytes: calendar(
                    model,
                    &model.people[p].name,
                    in_order(order, &sessions).into_iter(),
                    std::iter::empty(),
                    groups
                        .into_iter()
                        .filter_map(|g| group_meetings(model, g, opts)),
                    opts,
                )
                .into_bytes(),
            }
        })
        .collect()
}

/// `sessions` in calendar `order`.
fn in_order(order: &[usize], sessions: &[usize]) -> Vec<usize> {
    order
        .iter()
        .copied()
        .filter(|s| sessions.contains(s))
        .collect()
}
