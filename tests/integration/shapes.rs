//! The shapes of a program of SPEC 9.2 that issue 28 adds, built: a program
//! without a calendar (`tests/fixtures/build/toolkit`), and one with a
//! program-wide agenda, a session for mentors, a timeline and program
//! resources (`tests/fixtures/build/shapes`).

use crate::build::{links, resolves};
use crate::support::{assert_success, build_into, fixture, snapshot, temp};
use std::collections::BTreeMap;

fn built(name: &str) -> BTreeMap<String, Vec<u8>> {
    // Tests run in parallel and may build the same fixture: each its own
    // folder.
    static BUILDS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let out = temp(&format!("shapes-{name}-{n}"));
    assert_success(&build_into(&fixture(&format!("build/{name}")), &out, &[]));
    let files = snapshot(&out);
    let _ = std::fs::remove_dir_all(&out);
    files
}

fn page(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("{path} missing"))
            .clone(),
    )
    .expect("utf-8")
}

#[test]
fn a_program_without_a_calendar_has_no_calendars_and_no_session_notices() {
    let files = built("toolkit");
    for path in files.keys() {
        assert!(!path.ends_with(".ics"), "a calendar was written: {path}");
        assert!(
            !path.starts_with("calendar/") && !path.starts_with("sessions/"),
            "{path}"
        );
    }
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for notice in [
            "No sessions",
            "no more sessions",
            "next-up",
            "Calendar",
            "calendar/",
        ] {
            assert!(!html.contains(notice), "{path} says {notice:?}");
        }
        for link in links(&html) {
            assert!(
                resolves(&files, path, &link),
                "{path}: {link} leads nowhere"
            );
        }
    }
    // The steps, in `order`, then the step without one.
    let home = page(&files, "index.html");
    let at = |title: &str| {
        home.find(title)
            .unwrap_or_else(|| panic!("{title} not on the home page"))
    };
    assert!(at("Prepare for the First Meeting") < at("Agree on Expectations"));
    assert!(at("Agree on Expectations") < at("Keep Going"));
    assert!(
        home.contains("Mentoring Compact"),
        "program resource on the home page"
    );
    let modules = page(&files, "modules/index.html");
    assert!(modules.find("Prepare for the First Meeting") < modules.find("Agree on Expectations"));
    assert!(!modules.contains("0 sessions"), "{modules}");
    // The year's page is the year's steps, not an empty syllabus.
    let year = page(&files, "year-1/index.html");
    let step = |title: &str| {
        year.find(title)
            .unwrap_or_else(|| panic!("{title} not on the year's page"))
    };
    assert!(step("Prepare for the First Meeting") < step("Agree on Expectations"));
}

#[test]
fn a_session_for_mentors_is_marked_and_left_out_of_next_up_and_attendance() {
    let files = built("shapes");
    let session = page(&files, "sessions/2025-10-mentor-training/index.html");
    assert!(session.contains("For mentors"), "marked on its page");
    let year = page(&files, "year-1/index.html");
    assert!(year.contains("For mentors"), "marked in its row");
    assert!(
        year.contains("attend at least 1 of the 1 sessions"),
        "only the seminar for everyone counts"
    );
    for path in ["index.html", "year-1/index.html"] {
        let html = page(&files, path);
        let schedule = html
            .split("class=\"cairn-schedule\">")
            .nth(1)
            .and_then(|s| s.split("</script>").next())
            .unwrap_or_else(|| panic!("{path}: no Next up"));
        assert!(schedule.contains("Listening Across Difference"), "{path}");
        assert!(!schedule.contains("Mentor Training"), "{path}: {schedule}");
    }
}

#[test]
fn the_program_agenda_timeline_and_resources_are_shown() {
    let files = built("shapes");
    let seminar = page(&files, "sessions/2025-09-listening/index.html");
    assert!(seminar.contains("Small-group hour"), "the program's agenda");
    let timeline = page(&files, "timeline/index.html");
    let at = |t: &str| {
        timeline
            .find(t)
            .unwrap_or_else(|| panic!("{t} not on the timeline"))
    };
    assert!(at("Program founded") < at("First seminar of this year"));
    assert!(at("First seminar of this year") < at("Second cohort graduates"));
    assert!(timeline.contains("href=\"https://example.org/history\""));
    assert!(
        page(&files, "index.html").contains("href=\"timeline/\""),
        "linked from the site"
    );
    assert!(page(&files, "index.html").contains("Program Guide"));
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".ics")) {
        let ics = String::from_utf8_lossy(bytes);
        assert!(
            !ics.contains("Program founded"),
            "{path}: the timeline is not in calendars"
        );
    }
}
