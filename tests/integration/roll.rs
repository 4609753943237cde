//! `cairn roll`, past years and `cairn diff` (issue 16, SPEC 8 "A new
//! academic year"): the demo and every valid example rolled to the next July
//! 1 still check clean, sessions keep their weekday and week of the month,
//! only dates and ids change, past years build beside the current one with no
//! broken link, rolling back needs --force, diff names exactly what changed,
//! and `init` starts in the academic year of today.

use crate::build::{links, resolves};
use crate::support::{assert_success, cairn, check_json, copy_dir, repo, snapshot, temp};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A copy of a site (its `content/` and `static/`) in a fresh folder.
fn copy_site(from: &Path, name: &str) -> PathBuf {
    let dir = temp(name);
    for part in ["content", "static"] {
        if from.join(part).is_dir() {
            copy_dir(&from.join(part), &dir.join(part));
        }
    }
    dir
}

/// `cairn --root SITE ARGS`.
fn run(site: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--root", site.to_str().expect("utf-8")];
    all.extend_from_slice(args);
    cairn(site, &all)
}

/// The sites every roll test runs on: the demo and each valid example.
fn sites() -> Vec<(String, PathBuf)> {
    let mut out = vec![("demo".to_string(), repo())];
    for name in ["mentoring", "minimal", "starter", "ten-month"] {
        out.push((name.to_string(), repo().join("examples").join(name)));
    }
    out
}

/// Each session file's date, by path relative to the site root.
fn session_dates(site: &Path) -> BTreeMap<String, Date> {
    snapshot(&site.join("content/sessions"))
        .into_iter()
        .filter_map(|(path, bytes)| {
            let text = String::from_utf8(bytes).ok()?;
            let line = text.lines().find(|l| l.starts_with("date:"))?;
            let value = line["date:".len()..].trim().trim_matches(['"', '\'']);
            Some((format!("content/sessions/{path}"), value.parse().ok()?))
        })
        .collect()
}

/// `line` with every `YYYY-MM` or `YYYY-MM-DD` replaced by `#`.
fn without_dates(line: &str) -> String {
    let b = line.as_bytes();
    let digits = |from: usize, n: usize| {
        b.get(from..from + n)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        if digits(i, 4) && b.get(i + 4) == Some(&b'-') && digits(i + 5, 2) {
            i += 7;
            if b.get(i) == Some(&b'-') && digits(i + 1, 2) {
                i += 3;
            }
            out.push('#');
        } else {
            let c = line[i..].chars().next().expect("char");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The renames roll printed: old path -> new path.
fn renames(stdout: &str) -> BTreeMap<String, String> {
    stdout
        .lines()
        .filter_map(|l| {
            let (from, to) = l.strip_prefix("rename: ")?.split_once(" -> ")?;
            Some((from.to_string(), to.to_string()))
        })
        .collect()
}

/// The day after the academic year of `site` starts, a year on: next July 1.
const NEXT_JULY: &str = "2026-07-01";

#[test]
fn rolling_the_demo_and_every_example_keeps_weekdays_and_changes_only_dates_and_ids() {
    for (name, from) in sites() {
        let site = copy_site(&from, &format!("roll-{name}"));
        let before = snapshot(&site.join("content"));
        let dates_before = session_dates(&site);
        let out = run(&site, &["roll", "--to", NEXT_JULY]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let review: Vec<&str> = stdout
            .lines()
            .filter(|l| l.starts_with("review: "))
            .collect();
        let moved = renames(&stdout);

        // check --deny-warnings passes, or names only what roll listed.
        let (code, json) = check_json(&site, &["--deny-warnings"]);
        if code != 0 {
            for d in json["diagnostics"].as_array().expect("list") {
                let file = d["file"].as_str().expect("file");
                assert!(
                    review.iter().any(|r| r.contains(file)),
                    "{name}: {d} was not listed by roll:\n{stdout}"
                );
            }
        }

        // Every session keeps its weekday and week of the month.
        let dates_after = session_dates(&site);
        for (path, old) in &dates_before {
            let now_path = moved.get(path).unwrap_or(path);
            let new = dates_after[now_path];
            if review
                .iter()
                .any(|r| r.contains(now_path.as_str()) || r.contains(path.as_str()))
            {
                continue;
            }
            assert_eq!(
                old.weekday(),
                new.weekday(),
                "{name}: {path} {old} -> {new}"
            );
            assert_eq!(
                (old.day() - 1) / 7,
                (new.day() - 1) / 7,
                "{name}: {path} {old} -> {new}"
            );
            assert_eq!(new.year(), old.year() + 1, "{name}: {path}");
        }

        // A byte diff of each file shows only date and id changes.
        let after = snapshot(&site.join("content"));
        assert_eq!(before.len(), after.len(), "{name}: files added or lost");
        for (rel, old_bytes) in &before {
            let old_path = format!("content/{rel}");
            let new_path = moved.get(&old_path).cloned().unwrap_or(old_path);
            let new_bytes = &after[new_path.trim_start_matches("content/")];
            let (old_text, new_text) = (
                String::from_utf8_lossy(old_bytes),
                String::from_utf8_lossy(new_bytes),
            );
            assert_eq!(
                old_text.len(),
                new_text.len(),
                "{name}: {rel} changed length"
            );
            let (a, b): (Vec<&str>, Vec<&str>) = (
                old_text.split('\n').collect(),
                new_text.split('\n').collect(),
            );
            assert_eq!(a.len(), b.len(), "{name}: {rel}");
            for (x, y) in a.iter().zip(&b) {
                assert_eq!(without_dates(x), without_dates(y), "{name}: {rel}");
            }
        }

        // The past year is kept whole.
        let archived = snapshot(&site.join("archive/2025-26/content"));
        assert_eq!(
            archived, before,
            "{name}: the archive is the year before the roll"
        );
        let _ = std::fs::remove_dir_all(&site);
    }
}

#[test]
fn a_dry_run_prints_every_change_and_writes_nothing() {
    let site = copy_site(&repo(), "roll-dry");
    let before = snapshot(&site);
    let out = run(&site, &["roll", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("content/_program.md:7 2025-07-01 -> 2026-07-01"),
        "{stdout}"
    );
    assert!(
        stdout.lines().any(|l| l.starts_with(
            "content/sessions/year-1/2025-09-health-care-disparities.md:4 2025-09-16 -> "
        )),
        "{stdout}"
    );
    assert!(
        stdout.lines().any(|l| l.starts_with("review: ")),
        "{stdout}"
    );
    assert_eq!(snapshot(&site), before);
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn roll_then_build_writes_the_past_year_with_no_broken_link_across_both() {
    let site = copy_site(&repo(), "roll-build");
    assert_eq!(
        run(&site, &["roll", "--to", NEXT_JULY]).status.code(),
        Some(0)
    );
    let out = site.join("public");
    let built = run(&site, &["build"]);
    assert_success(&built);
    let files = snapshot(&out);
    for path in [
        "index.html",
        "archive/2025-26/index.html",
        "archive/2025-26/sessions/index.html",
        "archive/2025-26/calendar.ics",
        "archive/2025-26/search-index.json",
        "archive/2025-26/images/alder-valley-logo.svg",
    ] {
        assert!(files.contains_key(path), "{path} missing");
    }
    let home = String::from_utf8_lossy(&files["index.html"]);
    assert!(
        home.contains("href=\"archive/2025-26/\""),
        "the home page links to the past year"
    );
    let mut broken = Vec::new();
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        if path.starts_with("archive/") && !path.ends_with("404.html") {
            assert!(html.contains("archive-banner"), "{path} has no banner");
        }
        for link in links(&html) {
            if !resolves(&files, path, &link) {
                broken.push(format!("{path}: {link}"));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn rolling_twice_keeps_two_past_years_and_rolling_back_needs_force() {
    let site = copy_site(&repo(), "roll-twice");
    assert_eq!(run(&site, &["roll"]).status.code(), Some(0));
    assert_eq!(run(&site, &["roll"]).status.code(), Some(0));
    assert!(site.join("archive/2025-26/content/_program.md").is_file());
    assert!(site.join("archive/2026-27/content/_program.md").is_file());
    let program = std::fs::read_to_string(site.join("content/_program.md")).expect("read");
    assert!(program.contains("starts: 2027-07-01"));
    let (code, json) = check_json(&site, &["--deny-warnings"]);
    let files: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    // The two rolls move two fifth Fridays; nothing else may be reported.
    assert!(
        code == 0 || files.iter().all(|f| f.starts_with("content/projects/")),
        "{json}"
    );

    let before = snapshot(&site);
    let back = run(&site, &["roll", "--to", "2026-07-01"]);
    assert_eq!(back.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&back.stderr).contains("--force"));
    assert_eq!(snapshot(&site), before, "a refused roll changes nothing");
    let forced = run(&site, &["roll", "--to", "2026-07-01", "--force"]);
    assert_eq!(forced.status.code(), Some(0));
    assert!(site.join("archive/2027-28/content/_program.md").is_file());
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn past_years_are_checked_with_their_own_paths() {
    let site = copy_site(&repo(), "roll-check-past");
    assert_eq!(run(&site, &["roll"]).status.code(), Some(0));
    let past = site.join("archive/2025-26/content/modules/health-care-disparities.md");
    let text = std::fs::read_to_string(&past).expect("read");
    std::fs::write(
        &past,
        text.replacen("phase: awareness", "phase: awarenes", 1),
    )
    .expect("write");
    let (code, json) = check_json(&site, &[]);
    assert_eq!(code, 1);
    let d = &json["diagnostics"][0];
    assert_eq!(
        d["file"], "archive/2025-26/content/modules/health-care-disparities.md",
        "{json}"
    );
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn diff_names_exactly_a_removed_module_a_changed_speaker_and_a_moved_session() {
    let site = copy_site(&repo(), "roll-diff");
    assert_eq!(
        run(&site, &["roll", "--to", NEXT_JULY]).status.code(),
        Some(0)
    );
    let content = site.join("content");
    std::fs::remove_file(content.join("modules/hospital-administration.md")).expect("rm");
    std::fs::remove_file(content.join("sessions/year-2/2027-01-hospital-administration.md"))
        .expect("rm");
    let speaker = content.join("sessions/year-1/2026-09-health-care-disparities.md");
    let text = std::fs::read_to_string(&speaker).expect("read");
    std::fs::write(
        &speaker,
        text.replace("speakers: [priya-raman]", "speakers: [grace-lin]"),
    )
    .expect("write");
    let moved = content.join("sessions/year-1/2026-10-implicit-and-structural-bias.md");
    let text = std::fs::read_to_string(&moved).expect("read");
    std::fs::write(&moved, text.replace("date: 2026-10-20", "date: 2026-10-29")).expect("write");

    let out = run(&site, &["diff", "--format", "json"]);
    assert_success(&out);
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let ids = |key: &str| -> Vec<String> {
        d[key]
            .as_array()
            .expect(key)
            .iter()
            .map(|x| x["id"].as_str().expect("id").to_string())
            .collect()
    };
    assert_eq!(ids("modules_removed"), ["hospital-administration"]);
    assert_eq!(ids("sessions_removed"), ["2026-01-hospital-administration"]);
    assert_eq!(
        ids("sessions_moved"),
        ["2026-10-implicit-and-structural-bias"]
    );
    assert_eq!(ids("session_speakers"), ["2026-09-health-care-disparities"]);
    assert_eq!(
        d["session_speakers"][0]["added"],
        serde_json::json!(["grace-lin"])
    );
    assert_eq!(
        d["session_speakers"][0]["removed"],
        serde_json::json!(["priya-raman"])
    );
    for empty in [
        "modules_added",
        "modules_retitled",
        "sessions_added",
        "session_readings",
        "module_competencies",
        "readings_added",
        "readings_removed",
        "settings",
    ] {
        assert_eq!(d[empty], serde_json::json!([]), "{empty}: {d}");
    }
    assert_eq!(
        (d["from"].as_str(), d["to"].as_str()),
        (Some("2025-26"), Some("2026-27"))
    );

    for format in ["human", "markdown"] {
        let out = run(&site, &["diff", "2025-26", "--format", format]);
        let text = String::from_utf8_lossy(&out.stdout);
        for name in [
            "hospital-administration",
            "2026-10-implicit-and-structural-bias",
            "grace-lin",
        ] {
            assert!(text.contains(name), "{format}: {text}");
        }
    }
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn diff_without_a_past_year_says_how_to_make_one() {
    let site = copy_site(&repo(), "roll-diff-none");
    let out = run(&site, &["diff"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cairn roll"));
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn init_writes_a_site_whose_home_page_lists_upcoming_sessions() {
    let dir = temp("roll-init");
    let out = cairn(
        &std::env::temp_dir(),
        &["init", dir.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(0));
    let (code, json) = check_json(&dir, &["--deny-warnings"]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(run(&dir, &["build"]).status.code(), Some(0));
    let home = std::fs::read_to_string(dir.join("public/index.html")).expect("home");
    let today = jiff::Zoned::now().date();
    let upcoming = home
        .split("data-date=\"")
        .skip(1)
        .filter_map(|part| part.get(..10)?.parse::<Date>().ok())
        .filter(|d| *d >= today)
        .count();
    assert!(
        upcoming > 0,
        "no session on or after {today} on the home page"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_static_file_may_not_overwrite_a_past_years_output() {
    let site = copy_site(&repo(), "roll-e0403");
    assert_eq!(run(&site, &["roll"]).status.code(), Some(0));
    let clash = site.join("static/archive/2025-26/index.html");
    std::fs::create_dir_all(clash.parent().expect("parent")).expect("mkdir");
    std::fs::write(&clash, "<p>x</p>").expect("write");
    let (code, json) = check_json(&site, &[]);
    assert_eq!(code, 1);
    assert_eq!(json["diagnostics"][0]["code"], "E0403", "{json}");
    let _ = std::fs::remove_dir_all(&site);
}
