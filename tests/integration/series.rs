//! Repeating meetings and a multi-day session's hours (SPEC 9.2) on
//! `tests/fixtures/series`: a journal club of ten monthly meetings with one
//! blackout has nine dates on its page, in the syllabus and in Next up;
//! the calendars, read by the `ical` crate and expanded by the `rrule`
//! crate (both independent of cairn), give the same nine dates; a group's
//! meetings likewise in `groups/ID/calendar.ics`; a session with `hours`
//! is one event per day.

use crate::support::{assert_success, build_into, fixture, temp};
use std::path::{Path, PathBuf};

fn built(name: &str) -> PathBuf {
    let out = temp(name);
    assert_success(&build_into(&fixture("series"), &out, &[]));
    out
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The dates cairn gives an item in `curriculum.json` (`dates`, or a
/// group's `meetings.dates`).
fn cairn_dates(out: &Path, collection: &str, id: &str) -> Vec<String> {
    let json: serde_json::Value =
        serde_json::from_str(&read(out, "curriculum.json")).expect("curriculum.json");
    let item = json[collection]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == id))
        .unwrap_or_else(|| panic!("{collection}/{id} in curriculum.json"))
        .clone();
    let dates = if item["dates"].is_array() {
        &item["dates"]
    } else {
        &item["meetings"]["dates"]
    };
    dates
        .as_array()
        .expect("dates")
        .iter()
        .map(|d| d.as_str().unwrap_or_default().to_string())
        .collect()
}

/// The events of `ics` as the `ical` crate reads them: each event's
/// properties as written lines (`NAME;PARAMS:VALUE`).
fn events(ics: &str) -> Vec<Vec<(String, String)>> {
    let reader = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let mut out = Vec::new();
    for cal in reader {
        let cal = cal.expect("ical reads the calendar");
        for e in cal.events {
            out.push(
                e.properties
                    .iter()
                    .map(|p| {
                        let mut params = String::new();
                        for (k, v) in p.params.iter().flatten() {
                            params.push_str(&format!(";{k}={}", v.join(",")));
                        }
                        (
                            format!("{}{params}", p.name),
                            p.value.clone().unwrap_or_default(),
                        )
                    })
                    .collect(),
            );
        }
    }
    // The icalendar crate's parser must accept it too.
    let unfolded = icalendar::parser::unfold(ics);
    icalendar::parser::read_calendar(&unfolded).expect("icalendar reads the calendar");
    out
}

/// The dates (local, `YYYY-MM-DD`) of a recurring event, expanded by the
/// `rrule` crate from its DTSTART, RRULE and EXDATE lines.
fn expand(event: &[(String, String)]) -> Vec<String> {
    let lines: Vec<String> = event
        .iter()
        .filter(|(k, _)| {
            k.starts_with("DTSTART") || k.starts_with("RRULE") || k.starts_with("EXDATE")
        })
        .map(|(k, v)| format!("{k}:{v}"))
        .collect();
    let set: rrule::RRuleSet = lines.join("\n").parse().expect("rrule reads the rule");
    set.all(400)
        .dates
        .iter()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect()
}

#[test]
fn a_monthly_series_with_a_blackout_has_nine_dates_everywhere_and_in_its_calendar() {
    let out = built("series-nine");
    let dates = cairn_dates(&out, "sessions", "journal-club");
    assert_eq!(dates.len(), 9, "{dates:?}");
    assert!(
        !dates.contains(&"2025-12-11".to_string()),
        "the blackout is skipped"
    );
    // Its page, the syllabus and Next up.
    let page = read(&out, "sessions/journal-club/index.html");
    let listed = page.matches("<li>Thu ").count();
    assert_eq!(listed, 9, "nine dates on the page");
    let year = read(&out, "year-1/index.html");
    for d in &dates {
        assert!(year.contains(d.as_str()), "{d} in the syllabus");
    }
    let home = read(&out, "index.html");
    assert_eq!(
        home.matches("\"title\":\"Journal club\"").count(),
        9,
        "nine in Next up"
    );
    // Every calendar that holds it: one event, expanded to the same dates.
    for ics in [
        "calendar.ics",
        "year-1/calendar.ics",
        "sessions/journal-club/session.ics",
    ] {
        let text = read(&out, ics);
        let series: Vec<_> = events(&text)
            .into_iter()
            .filter(|e| e.iter().any(|(k, v)| k == "SUMMARY" && v == "Journal club"))
            .collect();
        assert_eq!(series.len(), 1, "{ics}: one event");
        assert_eq!(
            expand(&series[0]),
            dates,
            "{ics}: the same dates, date by date"
        );
    }
}

#[test]
fn a_groups_meetings_are_on_its_page_and_in_its_calendar() {
    let out = built("series-group");
    let dates = cairn_dates(&out, "groups", "ruiz-pair");
    assert_eq!(dates.first().map(String::as_str), Some("2025-09-02"));
    assert!(
        !dates.contains(&"2025-12-23".to_string()),
        "an except date is skipped"
    );
    let page = read(&out, "groups/ruiz-pair/index.html");
    assert!(page.contains("calendar.ics"), "a subscribe link");
    assert_eq!(page.matches("<li>Tue ").count(), dates.len());
    let text = read(&out, "groups/ruiz-pair/calendar.ics");
    let all = events(&text);
    assert_eq!(all.len(), 1);
    assert_eq!(expand(&all[0]), dates);
    assert!(
        !read(&out, "year-1/index.html").contains("Ruiz mentoring pair"),
        "not in the syllabus"
    );
}

#[test]
fn a_session_with_hours_is_one_event_per_day_with_its_own_hours() {
    let out = built("series-hours");
    let text = read(&out, "calendar.ics");
    let retreat: Vec<_> = events(&text)
        .into_iter()
        .filter(|e| {
            e.iter()
                .any(|(k, v)| k == "SUMMARY" && v == "Winter retreat")
        })
        .collect();
    let starts: Vec<&str> = retreat
        .iter()
        .filter_map(|e| {
            e.iter()
                .find(|(k, _)| k == "DTSTART")
                .map(|(_, v)| v.as_str())
        })
        .collect();
    // 13:00, 08:00 and 08:00 in New York (UTC-5 in January).
    assert_eq!(
        starts,
        ["20260122T180000Z", "20260123T130000Z", "20260124T130000Z"]
    );
    let page = read(&out, "sessions/2026-01-retreat/index.html");
    assert!(
        page.contains("Day 2: Fri 23 Jan 2026: 08:00–17:00"),
        "hours per day on its page"
    );
}
