//! Calendars and the calendar page (issue 15, SPEC 8 "Trainee view" and
//! "Calendars"): every `.ics` read by two independent parsers (`ical` and
//! the `icalendar` crate's parser) that must agree; due items as all-day
//! events with unique UIDs that stay put across builds and edits; session
//! events that say where, what to read and where the page is; `webcal:`
//! links only when the site's address is known; a month grid.

use crate::support::{assert_success, copy_dir, fixture, repo, snapshot, temp};
use icalendar::{Component, DatePerhapsTime, EventLike};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Builds `site` into a fresh folder named `name`, with extra args.
fn build(site: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let out = temp(name);
    let o = crate::support::build_into(site, &out, extra);
    assert_success(&o);
    out
}

/// A copy of the site at `site` (its `content/` and `static/`), without
/// `base_url` in `_program.md`.
pub(crate) fn without_base_url(site: &Path, name: &str) -> PathBuf {
    let copy = temp(name);
    for dir in ["content", "static"] {
        if site.join(dir).is_dir() {
            copy_dir(&site.join(dir), &copy.join(dir));
        }
    }
    let program = copy.join("content/_program.md");
    let text = std::fs::read_to_string(&program).expect("read _program.md");
    assert!(text.contains("\nbase_url:"), "the site sets base_url");
    let kept: String = text
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("base_url:"))
        .collect();
    std::fs::write(&program, kept).expect("write _program.md");
    copy
}

/// One event as the two parsers read it.
#[derive(Debug, Clone)]
pub(crate) struct Ev {
    pub(crate) uid: String,
    /// DTSTART's value as written, e.g. `20251021` or `20251021T220000Z`.
    start: String,
    /// DTSTART is a `VALUE=DATE` (read by both parsers).
    all_day: bool,
    /// DTEND's value as written.
    end: String,
    summary: String,
    /// Unescaped.
    description: String,
    location: Option<String>,
    url: Option<String>,
    transparent: bool,
    /// A series: `RRULE`, its times local (`TZID`) so that each meeting
    /// keeps its hour across a daylight-saving change.
    repeats: bool,
}

/// Reads a calendar file with both parsers, which must accept it and agree
/// on its events; also holds it to RFC 5545's line rules.
pub(crate) fn read(path: &str, bytes: &[u8]) -> Vec<Ev> {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "{path}: a line is over 75 octets"
    );
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "{path}: a bare LF"
    );
    let begins = text.matches("\r\nBEGIN:VEVENT\r\n").count();

    // 1. `ical`.
    let mut first = Vec::new();
    for cal in ical::IcalParser::new(text.as_bytes()) {
        let cal = cal.unwrap_or_else(|e| panic!("{path}: ical: {e}"));
        for event in cal.events {
            let prop = |name: &str| event.properties.iter().find(|p| p.name == name);
            let value = |name: &str| prop(name).and_then(|p| p.value.clone());
            let is_date = |name: &str| {
                prop(name)
                    .and_then(|p| p.params.as_ref())
                    .is_some_and(|ps| {
                        ps.iter()
                            .any(|(k, v)| k == "VALUE" && v.iter().any(|v| v == "DATE"))
                    })
            };
            first.push((
                value("UID").unwrap_or_else(|| panic!("{path}: an event without UID")),
                value("DTSTART").unwrap_or_else(|| panic!("{path}: an event without DTSTART")),
                is_date("DTSTART"),
                value("DTSTAMP").is_some(),
            ));
        }
    }
    assert_eq!(first.len(), begins, "{path}: ical read every event");
    assert!(first.iter().all(|e| e.3), "{path}: every event has DTSTAMP");

    // 2. The `icalendar` crate's parser, strictly: one VCALENDAR holding
    // every event, nothing left over.
    let unfolded = icalendar::parser::unfold(text);
    let parsed = icalendar::parser::read_calendar(&unfolded)
        .unwrap_or_else(|e| panic!("{path}: icalendar: {e}"));
    let events: Vec<_> = parsed
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect();
    assert_eq!(events.len(), begins, "{path}: icalendar read every event");
    let typed: icalendar::Calendar = text
        .parse()
        .unwrap_or_else(|e| panic!("{path}: icalendar: {e}"));
    assert_eq!(
        typed.property_value("VERSION"),
        Some("2.0"),
        "{path}: VERSION"
    );
    let typed: Vec<&icalendar::Event> = typed
        .components
        .iter()
        .filter_map(icalendar::CalendarComponent::as_event)
        .collect();
    assert_eq!(typed.len(), begins, "{path}: typed events");

    let mut out = Vec::new();
    for (e, (uid, start, all_day, _)) in typed.iter().zip(first) {
        assert_eq!(e.get_uid(), Some(uid.as_str()), "{path}: the parsers agree");
        assert_eq!(
            e.property_value("DTSTART"),
            Some(start.as_str()),
            "{path}: {uid}: the parsers agree on DTSTART"
        );
        let typed_all_day = matches!(e.get_start(), Some(DatePerhapsTime::Date(_)));
        assert_eq!(typed_all_day, all_day, "{path}: {uid}: the parsers agree");
        assert!(e.get_summary().is_some(), "{path}: {uid}: SUMMARY");
        out.push(Ev {
            uid,
            start,
            all_day,
            end: e
                .property_value("DTEND")
                .unwrap_or_else(|| panic!("{path}: DTEND"))
                .to_string(),
            summary: e.get_summary().unwrap_or_default().to_string(),
            description: e.get_description().unwrap_or_default().to_string(),
            location: e.get_location().map(str::to_string),
            url: e.get_url().map(str::to_string),
            transparent: e.property_value("TRANSP") == Some("TRANSPARENT"),
            repeats: e.property_value("RRULE").is_some(),
        });
    }
    out
}

/// Every calendar file of a build, read.
fn calendars(out: &Path) -> BTreeMap<String, Vec<Ev>> {
    snapshot(out)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".ics"))
        .map(|(p, bytes)| {
            let events = read(&p, &bytes);
            (p, events)
        })
        .collect()
}

/// The day after a `YYYYMMDD`.
fn next_day(d: &str) -> String {
    let (y, m, day) = (
        d[0..4].parse::<i32>().expect("year"),
        d[4..6].parse::<u32>().expect("month"),
        d[6..8].parse::<u32>().expect("day"),
    );
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let len = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let (y, m, day) = match (day == len, m == 12) {
        (false, _) => (y, m, day + 1),
        (true, false) => (y, m + 1, 1),
        (true, true) => (y + 1, 1, 1),
    };
    format!("{y:04}{m:02}{day:02}")
}

/// What every built calendar must be: both parsers agree; UIDs unique per
/// file; due items all-day and transparent, one day long, with their own
/// UID pattern; sessions timed; the program calendar holds every year's.
fn check_calendars(out: &Path, host: &str, years: &[u8]) -> BTreeMap<String, Vec<Ev>> {
    let cals = calendars(out);
    assert!(cals.contains_key("calendar.ics"), "calendar.ics");
    for n in years {
        assert!(cals.contains_key(&format!("year-{n}/calendar.ics")));
    }
    for (path, events) in &cals {
        let uids: BTreeSet<&str> = events.iter().map(|e| e.uid.as_str()).collect();
        assert_eq!(uids.len(), events.len(), "{path}: UIDs are unique");
        for e in events {
            assert!(e.uid.ends_with(&format!("@{host}")), "{path}: {}", e.uid);
            if e.uid.starts_with("due-") {
                assert!(e.all_day, "{path}: {} is all-day", e.uid);
                assert_eq!(e.start.len(), 8, "{path}: {}: a DATE", e.uid);
                assert_eq!(e.end, next_day(&e.start), "{path}: {}: one day", e.uid);
                assert!(e.transparent, "{path}: {} does not block time", e.uid);
                assert!(
                    e.summary.starts_with("Due: ") || e.summary.starts_with("Milestone: "),
                    "{path}: {}",
                    e.summary
                );
            } else {
                assert!(!e.all_day, "{path}: a session {} has times", e.uid);
                assert!(
                    e.start.ends_with('Z') != e.repeats,
                    "{path}: {}: UTC, or local with its time zone for a series",
                    e.uid
                );
            }
        }
    }
    let all: BTreeSet<&str> = cals["calendar.ics"]
        .iter()
        .map(|e| e.uid.as_str())
        .collect();
    for n in years {
        for e in &cals[&format!("year-{n}/calendar.ics")] {
            assert!(
                all.contains(e.uid.as_str()) || e.uid.starts_with("due-reading-"),
                "year {n}'s {} is in calendar.ics",
                e.uid
            );
        }
    }
    cals
}

#[test]
fn every_calendar_of_the_demo_and_the_kitchen_sink_passes_two_parsers() {
    let demo = repo();
    let sink = fixture("kitchen-sink");
    let bare_demo = without_base_url(&demo, "cal-demo-bare");
    let bare_sink = without_base_url(&sink, "cal-sink-bare");
    for (site, name, extra, host) in [
        (&demo, "cal-demo", vec![], "example.org"),
        (
            &demo,
            "cal-demo-base",
            vec!["--base-url", "https://example.org/dei/"],
            "example.org",
        ),
        (&bare_demo, "cal-demo-none", vec![], "cairn.invalid"),
        (&sink, "cal-sink", vec![], "leadership.example.edu"),
        (
            &sink,
            "cal-sink-base",
            vec!["--base-url", "https://cal.example.net/x"],
            "cal.example.net",
        ),
        (&bare_sink, "cal-sink-none", vec![], "cairn.invalid"),
    ] {
        let out = build(site, name, &extra);
        let cals = check_calendars(&out, host, &[1, 2]);
        for path in ["calendar.ics", "year-1/calendar.ics", "year-2/calendar.ics"] {
            assert!(
                cals[path].iter().any(|e| e.uid.starts_with("due-")),
                "{name}: {path} holds due items"
            );
        }
        let with_url = host != "cairn.invalid";
        for e in cals.values().flatten() {
            assert_eq!(e.url.is_some(), with_url, "{name}: {}: URL", e.uid);
            assert_eq!(
                e.description.contains("https://")
                    && e.url
                        .as_ref()
                        .is_some_and(|u| e.description.contains(u.as_str())),
                with_url,
                "{name}: {}: the page's URL in the description",
                e.uid
            );
        }
        let _ = std::fs::remove_dir_all(out);
    }
    let _ = std::fs::remove_dir_all(bare_demo);
    let _ = std::fs::remove_dir_all(bare_sink);
}

#[test]
fn due_items_are_all_day_events_each_in_the_calendars_of_its_years() {
    let out = build(
        &repo(),
        "cal-due",
        &["--base-url", "https://example.org/dei/"],
    );
    let cals = check_calendars(&out, "example.org", &[1, 2]);
    let find = |path: &str, uid: &str| cals[path].iter().find(|e| e.uid == uid).cloned();
    // The quality-improvement capstone (year 2): charter due 30 Sep, final
    // report 4 Jun (issue 15's example, rolled).
    let final_report = "due-milestone-quality-improvement-track-7.2026@example.org";
    let e = find("calendar.ics", final_report).expect("the final report milestone");
    assert_eq!(e.start, "20270604");
    assert!(
        e.summary
            .starts_with("Milestone: Quality Improvement Capstone: Final report"),
        "{}",
        e.summary
    );
    assert_eq!(
        e.url.as_deref(),
        Some("https://example.org/dei/projects/quality-improvement-track/")
    );
    assert!(
        find("year-2/calendar.ics", final_report).is_some(),
        "in year 2's"
    );
    assert!(
        find("year-1/calendar.ics", final_report).is_none(),
        "not in year 1's"
    );
    // A prompt, a reading with its pages, self-paced work with its minutes.
    let prompt = find(
        "year-1/calendar.ics",
        "due-prompt-a-disparity-i-have-seen.2026@example.org",
    )
    .expect("a prompt");
    assert_eq!(prompt.start, "20260929");
    assert_eq!(prompt.summary, "Due: A Disparity I Have Seen");
    assert!(
        prompt.description.contains("What Counts as a Disparity?"),
        "{}",
        prompt.description
    );
    let reading = find(
        "year-1/calendar.ics",
        "due-reading-fitzgerald-implicit-bias-y1.2026@example.org",
    )
    .expect("a reading");
    assert!(
        reading.summary.contains("(18 pages)"),
        "{}",
        reading.summary
    );
    assert!(
        reading
            .description
            .contains("Read before the session: Bias in the Mind"),
        "{}",
        reading.description
    );
    let self_paced = find(
        "year-1/calendar.ics",
        "due-self-paced-health-care-disparities-1.2026@example.org",
    )
    .expect("self-paced work");
    assert!(
        self_paced.summary.ends_with("(45 min)"),
        "{}",
        self_paced.summary
    );
    // Every due item of the program is in calendar.ics once.
    let count = |path: &str| {
        cals[path]
            .iter()
            .filter(|e| e.uid.starts_with("due-"))
            .count()
    };
    assert!(count("calendar.ics") >= count("year-1/calendar.ics"));
    assert!(count("calendar.ics") >= count("year-2/calendar.ics"));
    assert!(count("calendar.ics") >= 60, "{}", count("calendar.ics"));
    // A session's own calendar holds the session alone.
    let own = &cals["sessions/2026-09-health-care-disparities/session.ics"];
    assert_eq!(own.len(), 1);
    assert_eq!(
        own[0].uid,
        "2026-09-health-care-disparities.2026@example.org"
    );
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn calendar_uids_are_stable_across_builds_and_unrelated_edits() {
    let uids = |out: &Path| -> BTreeMap<String, BTreeSet<String>> {
        calendars(out)
            .into_iter()
            .map(|(p, evs)| (p, evs.into_iter().map(|e| e.uid).collect()))
            .collect()
    };
    let a = build(&repo(), "cal-stable-a", &[]);
    let b = build(&repo(), "cal-stable-b", &[]);
    assert_eq!(uids(&a), uids(&b), "the same UIDs twice");
    // A new prompt and a new session change no other event's UID.
    let site = temp("cal-stable-site");
    for dir in ["content", "static", "archive"] {
        if repo().join(dir).is_dir() {
            copy_dir(&repo().join(dir), &site.join(dir));
        }
    }
    std::fs::write(
        site.join("content/prompts/aaa-an-added-prompt.md"),
        "---\ntitle: An Added Prompt\nmodule: health-care-disparities\ndue: 2026-10-02\n---\nWrite.\n",
    )
    .expect("write prompt");
    let c = build(&site, "cal-stable-c", &[]);
    let (before, after) = (uids(&a), uids(&c));
    for (path, set) in &before {
        let now = &after[path];
        assert!(set.is_subset(now), "{path}: no UID changed");
    }
    assert!(
        after["calendar.ics"].contains("due-prompt-aaa-an-added-prompt.2026@example.org"),
        "the added prompt is there"
    );
    for d in [a, b, c, site] {
        let _ = std::fs::remove_dir_all(d);
    }
}

#[test]
fn a_session_event_names_its_place_online_link_module_speakers_readings_and_page() {
    let out = build(
        &repo(),
        "cal-session",
        &["--base-url", "https://example.org/dei/"],
    );
    let cals = check_calendars(&out, "example.org", &[1, 2]);
    let e = cals["calendar.ics"]
        .iter()
        .find(|e| e.uid == "2026-12-harassment-and-allyship.2026@example.org")
        .expect("the session");
    let page = "https://example.org/dei/sessions/2026-12-harassment-and-allyship/";
    assert_eq!(e.url.as_deref(), Some(page));
    assert_eq!(
        e.location.as_deref(),
        Some("Alder Valley Health Education Center, Room 210")
    );
    for needle in [
        "Where: Alder Valley Health Education Center, Room 210",
        "Online: https://meet.example.org/leading-for-equity-y1",
        "Module: Harassment, Allyship and Anti-Discrimination",
        "Phase: Awareness",
        "Speakers: Jonah Feld, JD",
        "Read before:",
        "- Discrimination, Abuse, Harassment, and Burnout in Surgical Residency Training (12 pages)",
        "- Standing Up against Gender Bias and Harassment: A Matter of Professional Ethics (3 pages)",
        &format!("Session page: {page}"),
    ] {
        assert!(
            e.description.contains(needle),
            "{needle:?} in {}",
            e.description
        );
    }
    // The session's own calendar says the same.
    let own = &cals["sessions/2026-12-harassment-and-allyship/session.ics"][0];
    assert_eq!(own.description, e.description);
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn a_one_year_program_without_a_base_url_has_one_calendar_and_no_subscribe_link() {
    let out = build(&fixture("build/dst"), "cal-one-year", &[]);
    let cals = check_calendars(&out, "cairn.invalid", &[1]);
    assert!(cals["calendar.ics"].iter().all(|e| e.url.is_none()));
    let page = std::fs::read_to_string(out.join("calendar/index.html")).expect("page");
    assert!(
        !page.contains("webcal:"),
        "no webcal: link without a base URL"
    );
    assert!(
        page.contains("base_url"),
        "says why only downloads are offered"
    );
    assert!(
        page.contains("href=\"../calendar.ics\""),
        "the download link"
    );
    assert!(
        !page.contains("year-1/calendar.ics"),
        "no per-year calendar"
    );
    let _ = std::fs::remove_dir_all(out);
}

/// The `href`s of a page.
fn hrefs(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect()
}

#[test]
fn the_calendar_page_offers_webcal_links_only_with_a_base_url() {
    let out = build(
        &repo(),
        "cal-page",
        &["--base-url", "https://example.org/dei/"],
    );
    let page = std::fs::read_to_string(out.join("calendar/index.html")).expect("page");
    let links = hrefs(&page);
    for want in [
        "webcal://example.org/dei/calendar.ics",
        "webcal://example.org/dei/year-1/calendar.ics",
        "webcal://example.org/dei/year-2/calendar.ics",
        "../calendar.ics",
        "../year-1/calendar.ics",
        "../year-2/calendar.ics",
    ] {
        assert!(links.contains(&want), "{want} in {links:?}");
    }
    for app in ["Google Calendar", "Apple Calendar", "Outlook"] {
        assert!(page.contains(app), "instructions for {app}");
    }
    // Google Calendar subscribes by the https address.
    assert!(page.contains("https://example.org/dei/calendar.ics"));
    let bare_site = without_base_url(&repo(), "cal-page-bare-site");
    let bare = build(&bare_site, "cal-page-bare", &[]);
    let page = std::fs::read_to_string(bare.join("calendar/index.html")).expect("page");
    assert!(!page.contains("webcal:"), "no webcal: without a base URL");
    assert!(page.contains("base_url"), "says why");
    assert!(hrefs(&page).contains(&"../year-2/calendar.ics"));
    for d in [out, bare, bare_site] {
        let _ = std::fs::remove_dir_all(d);
    }
}

#[test]
fn the_month_grid_is_a_table_with_every_session_and_due_item_on_its_day() {
    let out = build(&repo(), "cal-grid", &[]);
    let page = std::fs::read_to_string(out.join("calendar/index.html")).expect("page");
    let tables = page.matches("<table class=\"month-grid\"").count();
    assert!(tables >= 10, "a grid per month: {tables}");
    assert_eq!(
        page.matches("<caption").count(),
        tables,
        "each with a caption"
    );
    for day in [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ] {
        assert_eq!(
            page.matches(&format!("<th scope=\"col\"><abbr title=\"{day}\">"))
                .count(),
            tables,
            "{day}'s column header in each grid"
        );
    }
    // Every session is linked from its day's cell.
    let curriculum: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.join("curriculum.json")).expect("curriculum.json"),
    )
    .expect("json");
    for s in curriculum["sessions"].as_array().expect("sessions") {
        let id = s["id"].as_str().expect("id");
        let date = s["date"].as_str().expect("date");
        let cell_start = page
            .find(&format!("<td data-date=\"{date}\""))
            .unwrap_or_else(|| panic!("a cell for {date}"));
        let cell = &page[cell_start..];
        let cell = &cell[..cell.find("</td>").expect("cell end")];
        assert!(
            cell.contains(&format!("href=\"../sessions/{id}/\"")),
            "{id} on {date}: {cell}"
        );
    }
    // A milestone on its day: the final report, 4 June 2027.
    let cell_start = page.find("<td data-date=\"2027-06-04\"").expect("4 June");
    let cell = &page[cell_start..];
    let cell = &cell[..cell.find("</td>").expect("cell end")];
    assert!(
        cell.contains("href=\"../projects/quality-improvement-track/\""),
        "{cell}"
    );
    let _ = std::fs::remove_dir_all(out);
}
