//! `cairn roll`, past years and `cairn diff` (issue 16, SPEC 8 "A new
//! academic year", 9.2 "Roll"): the demo and every valid example rolled to
//! their next July 1 keep each session's weekday and week of the month (a
//! fifth with no fifth in the new month goes to the last, with its `review:`
//! line), change only dates and ids, and check clean; every `review:` line is
//! a true statement, and `check` after a roll reports exactly what those
//! lines announce (file, line and code), nothing else; a fixture with known
//! dates (`tests/fixtures/roll/`) holds the exact review lines, renames and
//! diagnostics; past years build beside the current one with no broken link,
//! rolling back needs --force, diff names exactly what changed, and `init`
//! starts in the academic year of today.
//!
//! Nothing here names the demo's dated ids or its year: they are read from
//! its `starts:` and its file names, since the demo is rolled each July.

use crate::build::{links, resolves};
use crate::support::{assert_success, cairn, check_json, copy_dir, repo, snapshot, temp};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A copy of a site (its `content/`, `static/` and `archive/`) in a fresh
/// folder.
pub(crate) fn copy_site(from: &Path, name: &str) -> PathBuf {
    let dir = temp(name);
    for part in ["content", "static", "archive"] {
        if from.join(part).is_dir() {
            copy_dir(&from.join(part), &dir.join(part));
        }
    }
    dir
}

/// `cairn --root SITE ARGS`.
pub(crate) fn run(site: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--root", site.to_str().expect("utf-8")];
    all.extend_from_slice(args);
    cairn(site, &all)
}

/// `cairn roll ARGS`, which must succeed; its standard output.
pub(crate) fn roll(site: &Path, args: &[&str]) -> String {
    let mut all = vec!["roll"];
    all.extend_from_slice(args);
    let out = run(site, &all);
    assert_success(&out);
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The sites every roll test runs on: the demo and each valid example.
fn sites() -> Vec<(String, PathBuf)> {
    let mut out = vec![("demo".to_string(), repo())];
    out.extend(crate::support::valid_examples());
    out
}

/// A site's `starts:` date and its line in `content/_program.md`.
fn starts(site: &Path) -> (Date, usize) {
    let text = std::fs::read_to_string(site.join("content/_program.md")).expect("program");
    text.lines()
        .enumerate()
        .find_map(|(i, l)| Some((l.strip_prefix("starts:")?.trim().parse().ok()?, i + 1)))
        .expect("a starts: line")
}

/// A year after `d`.
fn year_after(d: Date) -> Date {
    d.checked_add(jiff::Span::new().years(1))
        .expect("a year on")
}

/// The academic year label of a year starting on `d`, e.g. `2026-27`.
fn label(d: Date) -> String {
    format!("{}-{:02}", d.year(), (d.year() + 1) % 100)
}

/// The date on a `date:` line of a session file, with its line number.
fn date_line(text: &str) -> Option<(Date, usize)> {
    text.lines().enumerate().find_map(|(i, l)| {
        let value = l.strip_prefix("date:")?.trim().trim_matches(['"', '\'']);
        Some((value.parse().ok()?, i + 1))
    })
}

/// Each session file's date, by path relative to the site root.
fn session_dates(site: &Path) -> BTreeMap<String, Date> {
    snapshot(&site.join("content/sessions"))
        .into_iter()
        .filter_map(|(path, bytes)| {
            let (date, _) = date_line(&String::from_utf8(bytes).ok()?)?;
            Some((format!("content/sessions/{path}"), date))
        })
        .collect()
}

/// The session rule written out on its own, not with `src/roll/dates.rs`:
/// the same weekday in the same week of the same month a year on; a fifth
/// weekday whose new month has only four goes to the last (the fourth), and
/// `true` says that it needs a review line.
fn counterpart(old: Date) -> (Date, bool) {
    let mut day = Date::new(old.year() + 1, old.month(), 1).expect("first");
    while day.weekday() != old.weekday() {
        day = day.tomorrow().expect("day");
    }
    let week = jiff::Span::new().days(7);
    for _ in 0..(old.day() - 1) / 7 {
        day = day.checked_add(week).expect("week");
    }
    if day.month() == old.month() {
        (day, false)
    } else {
        (day.checked_sub(week).expect("week"), true)
    }
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

/// The `review:` lines roll printed, without their prefix.
fn review_lines(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("review: "))
        .collect()
}

/// What a `review:` line says, read back from its text.
#[derive(Debug, PartialEq)]
enum Review {
    /// A fifth weekday whose new month has none, moved to the last.
    Fifth {
        old: Date,
        weekday: String,
        new: Date,
    },
    /// A date moved out of the new academic year.
    Outside { new: Date },
    /// A session on a blackout date of the new year.
    Blackout { new: Date },
    /// A session on the day of another one.
    SameDay { new: Date },
    /// A milestone that keeps its date but falls before the one above it.
    MilestoneOrder,
    /// A blackout that kept its month and day on another weekday.
    BlackoutWeekday {
        old: Date,
        new: Date,
        weekday: String,
        weekday_before: String,
    },
}

/// A review line: the file it names (after the roll), the one it was
/// before (when renamed), the line, and what it says. Any other form of
/// line fails the test: a new kind of review needs its expectation here.
fn parse_review(line: &str) -> (String, String, usize, Review) {
    let fail = || -> ! { panic!("a review line of unknown form: {line}") };
    let (line_part, was) = match line.rsplit_once(" (was ") {
        Some((l, w)) => (l, w.strip_suffix(')').unwrap_or_else(|| fail()).to_string()),
        None => (line, String::new()),
    };
    let (place, said) = line_part.split_once(' ').unwrap_or_else(|| fail());
    let (path, number) = place.rsplit_once(':').unwrap_or_else(|| fail());
    let number: usize = number.parse().unwrap_or_else(|_| fail());
    let date = |s: &str| -> Date { s.parse().unwrap_or_else(|_| fail()) };
    let (first, rest) = said.split_once(' ').unwrap_or_else(|| fail());
    let review = if first == "blackout" {
        let (old, rest) = rest.split_once(" -> ").unwrap_or_else(|| fail());
        let (new, rest) = rest.split_once(" is a ").unwrap_or_else(|| fail());
        let (weekday, rest) = rest.split_once(", not a ").unwrap_or_else(|| fail());
        let (was, _) = rest
            .split_once(": check that it is still the day meant")
            .unwrap_or_else(|| fail());
        Review::BlackoutWeekday {
            old: date(old),
            new: date(new),
            weekday: weekday.to_string(),
            weekday_before: was.to_string(),
        }
    } else if first == "the" && rest.starts_with("milestone `") {
        let (_, rest) = rest.split_once("` falls on ").unwrap_or_else(|| fail());
        let (new, _) = rest
            .split_once(", before the one above it (")
            .unwrap_or_else(|| fail());
        date(new);
        Review::MilestoneOrder
    } else if let Some(rest) = rest.strip_prefix("is a fifth ") {
        let (weekday, new) = rest
            .split_once(" and its new month has none: moved to the last, ")
            .unwrap_or_else(|| fail());
        Review::Fifth {
            old: date(first),
            weekday: weekday.to_string(),
            new: date(new),
        }
    } else if let Some(rest) = rest.strip_prefix("-> ") {
        let (new, _) = rest
            .split_once(" falls outside the new academic year ")
            .unwrap_or_else(|| fail());
        Review::Outside { new: date(new) }
    } else if rest == "is a blackout date of the new year: move the session" {
        Review::Blackout { new: date(first) }
    } else if rest.starts_with("is also the day of ")
        && rest.ends_with(": check that the two do not clash")
    {
        Review::SameDay { new: date(first) }
    } else {
        fail()
    };
    let was = if was.is_empty() {
        path.to_string()
    } else {
        was
    };
    (path.to_string(), was, number, review)
}

/// Line `n` (1-based) of the file at `rel` (under the site root) in a
/// snapshot of `content/`.
fn line_of(files: &BTreeMap<String, Vec<u8>>, rel: &str, n: usize) -> String {
    let bytes = &files[rel.strip_prefix("content/").expect("under content/")];
    String::from_utf8_lossy(bytes)
        .split('\n')
        .nth(n - 1)
        .unwrap_or_default()
        .to_string()
}

/// Holds each review line to the truth (the dates it names are in the
/// files, before and after, and the rule it names applies to them) and
/// returns what `check` must report for it: (file, line, code).
fn expected_from_review(
    line: &str,
    before: &BTreeMap<String, Vec<u8>>,
    after: &BTreeMap<String, Vec<u8>>,
    new_starts: Date,
) -> Option<(String, usize, String)> {
    let (path, was, n, review) = parse_review(line);
    let now = line_of(after, &path, n);
    match review {
        Review::Fifth { old, weekday, new } => {
            assert!(
                line_of(before, &was, n).contains(&old.to_string()),
                "{line}"
            );
            assert!(now.contains(&new.to_string()), "{line}: {now}");
            assert_eq!(weekday, old.strftime("%A").to_string(), "{line}");
            assert_eq!(counterpart(old), (new, true), "{line}");
            None
        }
        Review::Outside { new } => {
            assert!(now.contains(&new.to_string()), "{line}: {now}");
            assert!(
                new < new_starts || new >= year_after(new_starts),
                "{line}: inside the year"
            );
            Some((path, n, "E0304".to_string()))
        }
        Review::Blackout { new } => {
            assert!(now.contains(&new.to_string()), "{line}: {now}");
            let program = String::from_utf8_lossy(&after["_program.md"]).to_string();
            assert!(program.contains(&format!("- {new}")), "{line}");
            Some((path, n, "E0311".to_string()))
        }
        Review::SameDay { new } => {
            assert!(now.contains(&new.to_string()), "{line}: {now}");
            Some((path, n, "E0308".to_string()))
        }
        // Its date may be its session's, in another file: the line is the
        // milestone's list item, where E0309 points.
        Review::MilestoneOrder => {
            assert!(now.trim_start().starts_with("- "), "{line}: {now}");
            Some((path, n, "E0309".to_string()))
        }
        // A blackout keeps its month and day; the line only says that its
        // weekday changed, which no check reports.
        Review::BlackoutWeekday {
            old,
            new,
            weekday,
            weekday_before,
        } => {
            assert_eq!(path, "content/_program.md", "{line}");
            assert!(
                line_of(before, &was, n).contains(&old.to_string()),
                "{line}"
            );
            assert!(now.contains(&new.to_string()), "{line}: {now}");
            assert_eq!((old.month(), old.day()), (new.month(), new.day()), "{line}");
            assert_eq!(weekday, new.strftime("%A").to_string(), "{line}");
            assert_eq!(weekday_before, old.strftime("%A").to_string(), "{line}");
            assert_ne!(weekday, weekday_before, "{line}");
            None
        }
    }
}

/// `check --deny-warnings` as (file, line, code), sorted, with its exit code.
fn diagnostics(site: &Path) -> (i32, Vec<(String, usize, String)>) {
    let (code, json) = check_json(site, &["--deny-warnings"]);
    let mut list: Vec<(String, usize, String)> = json["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .map(|d| {
            (
                d["file"].as_str().expect("file").to_string(),
                usize::try_from(d["line"].as_u64().expect("line")).expect("line"),
                d["code"].as_str().expect("code").to_string(),
            )
        })
        .collect();
    list.sort();
    (code, list)
}

/// Rolls `site` a year on and holds every review line to the truth, then
/// `check` to exactly what they announce. Returns roll's output.
fn roll_and_check_exactly(site: &Path, name: &str) -> String {
    let before = snapshot(&site.join("content"));
    let (old_starts, _) = starts(site);
    let to = year_after(old_starts);
    let stdout = roll(site, &["--to", &to.to_string()]);
    let after = snapshot(&site.join("content"));
    let mut expected: Vec<(String, usize, String)> = review_lines(&stdout)
        .into_iter()
        .filter_map(|line| expected_from_review(line, &before, &after, to))
        .collect();
    expected.sort();
    let (code, found) = diagnostics(site);
    assert_eq!(found, expected, "{name}: check after the roll\n{stdout}");
    assert_eq!(code, i32::from(!expected.is_empty()), "{name}");
    stdout
}

#[test]
fn rolling_the_demo_and_every_example_keeps_weekdays_and_changes_only_dates_and_ids() {
    for (name, from) in sites() {
        let site = copy_site(&from, &format!("roll-{name}"));
        let before = snapshot(&site.join("content"));
        let dates_before = session_dates(&site);
        let (old_starts, _) = starts(&site);
        let archives_before = snapshot(&site.join("archive"));

        // Every review line is true; check reports exactly what they
        // announce, which for these sites is nothing.
        let stdout = roll_and_check_exactly(&site, &name);
        assert_eq!(
            diagnostics(&site),
            (0, Vec::new()),
            "{name}: not clean after the roll\n{stdout}"
        );
        let review = review_lines(&stdout);
        let moved = renames(&stdout);

        // Every session keeps its weekday and week of the month; a fifth
        // with no fifth in its new month goes to the last and has its
        // review line, and no other session has one.
        let dates_after = session_dates(&site);
        let mut wanted = Vec::new();
        for (path, old) in &dates_before {
            let now_path = moved.get(path).unwrap_or(path);
            let new = dates_after[now_path];
            let (want, short) = counterpart(*old);
            assert_eq!(new, want, "{name}: {path} {old}");
            assert_eq!(new.weekday(), old.weekday(), "{name}: {path}");
            if short {
                let (_, line) = date_line(&String::from_utf8_lossy(
                    &before[path.trim_start_matches("content/")],
                ))
                .expect("date line");
                let was = if now_path == path {
                    String::new()
                } else {
                    format!(" (was {path})")
                };
                wanted.push(format!(
                    "{now_path}:{line} {old} is a fifth {} and its new month has none: moved to the last, {new}{was}",
                    old.strftime("%A")
                ));
            }
        }
        let of_sessions: Vec<&str> = review
            .iter()
            .copied()
            .filter(|r| r.starts_with("content/sessions/"))
            .collect();
        assert_eq!(of_sessions, wanted, "{name}: the sessions' review lines");

        // A renamed file keeps its name but for dates.
        for (from, to) in &moved {
            assert_ne!(from, to);
            assert_eq!(without_dates(from), without_dates(to), "{name}");
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

        // The past year is kept whole, and earlier past years untouched.
        let past = label(old_starts);
        let archived = snapshot(&site.join("archive").join(&past).join("content"));
        assert_eq!(
            archived, before,
            "{name}: the archive is the year before the roll"
        );
        let mut archives = snapshot(&site.join("archive"));
        archives.retain(|path, _| !path.starts_with(&format!("{past}/")));
        assert_eq!(archives, archives_before, "{name}: earlier past years");
        let _ = std::fs::remove_dir_all(&site);
    }
}

#[test]
fn a_fixture_with_known_dates_gets_exactly_its_review_lines_renames_and_diagnostics() {
    let site = copy_site(&crate::support::fixture("roll"), "roll-fixture");
    assert_eq!(diagnostics(&site), (0, Vec::new()), "clean before the roll");
    let stdout = roll_and_check_exactly(&site, "fixture");
    let sessions = "content/sessions";
    assert_eq!(
        review_lines(&stdout),
        [
            format!(
                "{sessions}/2026-10-28-last-wednesday.md:3 2025-10-29 is a fifth Wednesday and its new month has none: moved to the last, 2026-10-28 (was {sessions}/2025-10-29-last-wednesday.md)"
            ),
            // Thanksgiving keeps 27 November, a Friday in 2026 (SPEC 9.2).
            "content/_program.md:11 blackout 2025-11-27 -> 2026-11-27 is a Friday, not a Thursday: check that it is still the day meant".to_string(),
            format!(
                "{sessions}/2026-10-28-last-wednesday.md:3 2026-10-28 is also the day of {sessions}/2026-10-28-ethics-rounds.md: check that the two do not clash (was {sessions}/2025-10-29-last-wednesday.md)"
            ),
            format!(
                "{sessions}/2026-11-after-thanksgiving.md:3 2026-11-27 is a blackout date of the new year: move the session (was {sessions}/2025-11-after-thanksgiving.md)"
            ),
        ],
        "{stdout}"
    );
    let expected_renames: BTreeMap<String, String> = [
        ("2025-09-listening", "2026-09-listening"),
        ("2025-10-22-ethics-rounds", "2026-10-28-ethics-rounds"),
        ("2025-10-29-last-wednesday", "2026-10-28-last-wednesday"),
        ("2025-10-31-fifth-friday", "2026-10-30-fifth-friday"),
        ("2025-11-after-thanksgiving", "2026-11-after-thanksgiving"),
    ]
    .into_iter()
    .map(|(a, b)| (format!("{sessions}/{a}.md"), format!("{sessions}/{b}.md")))
    .collect();
    assert_eq!(renames(&stdout), expected_renames);
    let dates: Vec<(String, String)> = session_dates(&site)
        .into_iter()
        .map(|(path, date)| (path, date.to_string()))
        .collect();
    assert_eq!(
        dates,
        [
            ("2026-09-listening", "2026-09-17"),
            ("2026-10-28-ethics-rounds", "2026-10-28"),
            ("2026-10-28-last-wednesday", "2026-10-28"),
            ("2026-10-30-fifth-friday", "2026-10-30"),
            ("2026-11-after-thanksgiving", "2026-11-27"),
            ("leading-change-kickoff", "2026-09-07"),
        ]
        .map(|(id, date)| (format!("{sessions}/{id}.md"), date.to_string()))
    );
    let prompt =
        std::fs::read_to_string(site.join("content/prompts/after-listening.md")).expect("prompt");
    assert!(
        prompt.contains("session: 2026-09-listening\ndue: 2026-09-24\n"),
        "{prompt}"
    );
    assert!(
        prompt.contains("(@/sessions/2026-09-listening.md)"),
        "{prompt}"
    );
    // Dates that are no session's keep their month and day (SPEC 9.2): the
    // self-paced deadline of 31 October (its module's session moved six
    // days later in September), the outcome due 30 June, the application.
    let module =
        std::fs::read_to_string(site.join("content/modules/leading-change.md")).expect("module");
    assert!(module.contains("    due: 2026-10-31\n"), "{module}");
    let program = std::fs::read_to_string(site.join("content/_program.md")).expect("program");
    for line in [
        "  opens: 2026-03-02\n",
        "  closes: 2026-05-15\n",
        "    by: 2027-06-30\n",
    ] {
        assert!(program.contains(line), "{line}{program}");
    }
    assert_eq!(
        diagnostics(&site),
        (
            1,
            vec![
                (
                    format!("{sessions}/2026-10-28-last-wednesday.md"),
                    3,
                    "E0308".to_string()
                ),
                (
                    format!("{sessions}/2026-11-after-thanksgiving.md"),
                    3,
                    "E0311".to_string()
                ),
            ]
        )
    );
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn a_dry_run_prints_every_change_the_roll_makes_and_writes_nothing() {
    let site = copy_site(&repo(), "roll-dry");
    let twin = copy_site(&repo(), "roll-dry-twin");
    let before = snapshot(&site);
    let (old_starts, line) = starts(&site);
    let dry = roll(&site, &["--dry-run"]);
    assert!(
        dry.contains(&format!(
            "content/_program.md:{line} {old_starts} -> {}\n",
            year_after(old_starts)
        )),
        "{dry}"
    );
    let (path, old) = session_dates(&site).into_iter().next().expect("a session");
    let (_, date_at) =
        date_line(&std::fs::read_to_string(site.join(&path)).expect("read")).expect("date line");
    assert!(
        dry.contains(&format!(
            "{path}:{date_at} {old} -> {}\n",
            counterpart(old).0
        )),
        "{dry}"
    );
    assert_eq!(snapshot(&site), before, "a dry run writes nothing");
    assert_eq!(
        dry,
        roll(&twin, &[]),
        "the dry run and the roll print the same"
    );
    let _ = std::fs::remove_dir_all(&site);
    let _ = std::fs::remove_dir_all(&twin);
}

#[test]
fn roll_then_build_writes_the_past_year_with_no_broken_link_across_both() {
    let site = copy_site(&repo(), "roll-build");
    let (old_starts, _) = starts(&site);
    roll(&site, &[]);
    let past = format!("archive/{}", label(old_starts));
    let out = site.join("public");
    let built = run(&site, &["build"]);
    assert_success(&built);
    let files = snapshot(&out);
    for file in [
        "index.html",
        "sessions/index.html",
        "calendar.ics",
        "search-index.json",
        "images/alder-valley-logo.svg",
    ] {
        assert!(files.contains_key(file), "{file} missing");
        let file = format!("{past}/{file}");
        assert!(files.contains_key(&file), "{file} missing");
    }
    // Every past year the demo kept before is built too.
    for entry in std::fs::read_dir(site.join("archive")).expect("archive") {
        let name = entry.expect("entry").file_name();
        let home = format!("archive/{}/index.html", name.to_string_lossy());
        assert!(files.contains_key(&home), "{home} missing");
    }
    let home = String::from_utf8_lossy(&files["index.html"]);
    assert!(
        home.contains(&format!("href=\"{past}/\"")),
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
    let (first, _) = starts(&site);
    let (second, third) = (year_after(first), year_after(year_after(first)));
    // Each roll: check reports exactly what its review lines announce.
    roll_and_check_exactly(&site, "first roll");
    roll_and_check_exactly(&site, "second roll");
    for year in [first, second] {
        let program = site.join(format!("archive/{}/content/_program.md", label(year)));
        assert!(program.is_file(), "{}", program.display());
    }
    assert_eq!(starts(&site).0, third);

    let before = snapshot(&site);
    let back = run(&site, &["roll", "--to", &second.to_string()]);
    assert_eq!(back.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&back.stderr).contains("--force"));
    assert_eq!(snapshot(&site), before, "a refused roll changes nothing");
    roll(&site, &["--to", &second.to_string(), "--force"]);
    assert_eq!(starts(&site).0, second);
    let kept = site.join(format!("archive/{}/content/_program.md", label(third)));
    assert!(kept.is_file(), "{}", kept.display());
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn past_years_are_checked_with_their_own_paths() {
    let site = copy_site(&repo(), "roll-check-past");
    let (old_starts, _) = starts(&site);
    roll(&site, &[]);
    let rel = format!(
        "archive/{}/content/modules/health-care-disparities.md",
        label(old_starts)
    );
    let text = std::fs::read_to_string(site.join(&rel)).expect("read");
    let line = text
        .lines()
        .position(|l| l == "phase: awareness")
        .expect("phase line")
        + 1;
    std::fs::write(
        site.join(&rel),
        text.replacen("phase: awareness", "phase: awarenes", 1),
    )
    .expect("write");
    assert_eq!(
        diagnostics(&site),
        (1, vec![(rel, line, "E0201".to_string())])
    );
    let _ = std::fs::remove_dir_all(&site);
}

/// The one file under `dir` whose name ends with `-SLUG.md`: the demo's
/// dated ids change each year, their slugs do not.
fn dated(dir: &Path, slug: &str) -> PathBuf {
    let suffix = format!("-{slug}.md");
    let found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(&suffix))
        .collect();
    assert_eq!(found.len(), 1, "{slug} in {}", dir.display());
    found.into_iter().next().expect("one")
}

/// A file's id: its name without `.md`.
fn id_of(path: &Path) -> String {
    path.file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn diff_names_exactly_a_removed_module_a_changed_speaker_and_a_moved_session() {
    let site = copy_site(&repo(), "roll-diff");
    let (old_starts, _) = starts(&site);
    roll(&site, &[]);
    let (from, to) = (label(old_starts), label(year_after(old_starts)));
    let content = site.join("content");
    let archived = site.join(format!("archive/{from}/content"));
    std::fs::remove_file(content.join("modules/hospital-administration.md")).expect("rm");
    let removed = dated(&content.join("sessions/year-2"), "hospital-administration");
    std::fs::remove_file(&removed).expect("rm");
    let removed_id = id_of(&dated(
        &archived.join("sessions/year-2"),
        "hospital-administration",
    ));
    let speaker = dated(&content.join("sessions/year-1"), "health-care-disparities");
    let text = std::fs::read_to_string(&speaker).expect("read");
    assert!(text.contains("speakers: [priya-raman]"), "{text}");
    std::fs::write(
        &speaker,
        text.replace("speakers: [priya-raman]", "speakers: [grace-lin]"),
    )
    .expect("write");
    let moved = dated(
        &content.join("sessions/year-1"),
        "implicit-and-structural-bias",
    );
    let text = std::fs::read_to_string(&moved).expect("read");
    let (date, _) = date_line(&text).expect("date");
    let later = date
        .checked_add(jiff::Span::new().days(9))
        .expect("nine days on");
    std::fs::write(
        &moved,
        text.replace(&format!("date: {date}"), &format!("date: {later}")),
    )
    .expect("write");

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
    assert_eq!(ids("sessions_removed"), [removed_id]);
    assert_eq!(ids("sessions_moved"), [id_of(&moved)]);
    assert_eq!(ids("session_speakers"), [id_of(&speaker)]);
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
        (Some(from.as_str()), Some(to.as_str()))
    );

    for format in ["human", "markdown"] {
        let out = run(&site, &["diff", &from, "--format", format]);
        let text = String::from_utf8_lossy(&out.stdout);
        for name in ["hospital-administration", &id_of(&moved), "grace-lin"] {
            assert!(text.contains(name), "{format}: {text}");
        }
    }
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn diff_without_a_past_year_says_how_to_make_one() {
    let site = copy_site(&repo(), "roll-diff-none");
    let _ = std::fs::remove_dir_all(site.join("archive"));
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
    let (old_starts, _) = starts(&site);
    roll(&site, &[]);
    let rel = format!("static/archive/{}/index.html", label(old_starts));
    let clash = site.join(&rel);
    std::fs::create_dir_all(clash.parent().expect("parent")).expect("mkdir");
    std::fs::write(&clash, "<p>x</p>").expect("write");
    // E0403 points at the program's first line and names the file.
    assert_eq!(
        diagnostics(&site),
        (
            1,
            vec![("content/_program.md".to_string(), 1, "E0403".to_string())]
        )
    );
    let (_, json) = check_json(&site, &[]);
    assert!(
        json["diagnostics"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains(&rel)),
        "{json}"
    );
    let _ = std::fs::remove_dir_all(&site);
}
