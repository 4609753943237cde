//! A group's and a person's own calendars (issue 30, SPEC 9.4 "More
//! calendars"): `groups/ID/calendar.ics` holds exactly the group's sessions
//! and its meetings, `people/ID/calendar.ics` exactly the sessions a person
//! leads and their groups' sessions and meetings, both read by the two
//! parsers of `calendars.rs`; their pages link to them, by `webcal:` only
//! when the site's address is known.

use crate::calendars::{read, without_base_url};
use crate::support::{assert_success, build_into, repo, temp};
use std::collections::BTreeSet;
use std::path::Path;

/// The UIDs of a built calendar, read by both parsers.
fn uids(out: &Path, path: &str) -> BTreeSet<String> {
    let bytes = std::fs::read(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let events = read(path, &bytes);
    let set: BTreeSet<String> = events.iter().map(|e| e.uid.clone()).collect();
    assert_eq!(set.len(), events.len(), "{path}: UIDs are unique");
    set
}

fn set(uids: &[&str]) -> BTreeSet<String> {
    uids.iter()
        .map(|u| format!("{u}.2026@example.org"))
        .collect()
}

#[test]
fn a_group_and_a_person_of_the_demo_have_exactly_their_events() {
    let out = temp("own-cal-demo");
    assert_success(&build_into(&repo(), &out, &[]));
    // content/groups/capstone-circle-a.md: its two sessions and its `meets`
    // rule (the second Tuesday evening on Zoom).
    assert_eq!(
        uids(&out, "groups/capstone-circle-a/calendar.ics"),
        set(&[
            "2027-04-capstone-works-in-progress",
            "2027-05-capstone-peer-review",
            "group-capstone-circle-a",
        ])
    );
    // Kwame Asante speaks at or facilitates these seven sessions (the
    // winter retreat, with `hours`, is one event per day) and mentors no
    // group.
    assert_eq!(
        uids(&out, "people/kwame-asante/calendar.ics"),
        set(&[
            "2026-10-community-health-walk",
            "2026-11-social-drivers-of-health",
            "2026-11-volunteerism-and-global-health",
            "2026-12-philanthropy",
            "2027-01-winter-retreat-day1",
            "2027-01-winter-retreat-day2",
            "2027-02-public-policy-and-legislative-advocacy",
            "2027-04-methods-with-communities",
        ])
    );
    // A mentor's calendar holds the group's sessions and meetings.
    let mentor = uids(&out, "people/samuel-osei/calendar.ics");
    let group = uids(&out, "groups/capstone-circle-a/calendar.ics");
    assert!(mentor.is_superset(&group), "{mentor:?}");
    // A group with neither sessions nor a `meets` rule has none.
    assert!(!out.join("groups/leaders-listen/calendar.ics").exists());
    // Every session event is the program calendar's, UID for UID (a group's
    // meetings are its own, in no program calendar).
    let all = uids(&out, "calendar.ics");
    let sessions: BTreeSet<String> = mentor
        .iter()
        .filter(|u| !u.starts_with("group-"))
        .cloned()
        .collect();
    assert!(sessions.is_subset(&all), "{:?}", sessions.difference(&all));
    let page =
        std::fs::read_to_string(out.join("people/kwame-asante/index.html")).expect("person page");
    assert!(
        page.contains(
            "href=\"webcal://example.org/dei-leadership/people/kwame-asante/calendar.ics\""
        ),
        "a subscribe link on the person's page"
    );
    let page = std::fs::read_to_string(out.join("groups/capstone-circle-a/index.html"))
        .expect("group page");
    assert!(
        page.contains(
            "href=\"webcal://example.org/dei-leadership/groups/capstone-circle-a/calendar.ics\""
        ),
        "a subscribe link on the group's page"
    );
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn without_a_base_url_the_pages_link_the_file_and_offer_no_webcal() {
    let site = without_base_url(&repo(), "own-cal-bare-site");
    let out = temp("own-cal-bare");
    assert_success(&build_into(&site, &out, &[]));
    for page in [
        "people/kwame-asante/index.html",
        "groups/capstone-circle-a/index.html",
    ] {
        let html = std::fs::read_to_string(out.join(page)).expect(page);
        assert!(!html.contains("webcal:"), "{page}");
        assert!(
            html.contains("calendar.ics\">"),
            "{page}: a link to the file"
        );
    }
    let _ = std::fs::remove_dir_all(out);
    let _ = std::fs::remove_dir_all(site);
}
