//! What new users hit on second contact (issue 25, SPEC 9.1), as the built
//! pages show it: ids once per page whatever the Markdown, optional readings
//! never due, previous and next within the track year, and a search index
//! that holds self-paced work, groups, outcomes and free pages.

use crate::support::{assert_success, build_into, fixture, repo, temp};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn build(site: &Path, name: &str) -> PathBuf {
    let out = temp(name);
    assert_success(&build_into(site, &out, &[]));
    out
}

/// Every `.html` file under `out`, by its path inside it.
fn pages(out: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(out)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read_to_string(e.path()).expect("read page"))
        })
        .collect()
}

/// The values of every `id="..."` attribute in `html`.
fn ids(html: &str) -> Vec<&str> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.find('"').map(|end| &rest[..end]))
        .collect()
}

#[test]
fn no_page_holds_an_id_twice_whatever_the_markdown() {
    for (name, site) in [
        ("ids-kitchen", fixture("kitchen-sink")),
        ("ids-demo", repo()),
    ] {
        let out = build(&site, name);
        let pages = pages(&out);
        assert!(pages.len() > 20, "{name}: {} pages", pages.len());
        for (path, html) in &pages {
            let mut seen = BTreeSet::new();
            for id in ids(html) {
                assert!(!id.is_empty(), "{name}/{path}: an empty id");
                assert!(seen.insert(id), "{name}/{path}: the id {id:?} twice");
            }
        }
        let _ = std::fs::remove_dir_all(out);
    }
    // The kitchen-sink's page of colliding headings and footnotes keeps
    // every one of them, each with its own id.
    let out = build(&fixture("kitchen-sink"), "ids-page");
    let html = std::fs::read_to_string(out.join("one-id-once/index.html")).expect("the page");
    for id in [
        "section-main",
        "section-next-up",
        "section-how",
        "section-main-1",
        "section",
        "section-1",
        "section-search-results",
        "section-fn-1",
        "section-2026-09",
        "section-outcome-lead",
        "fn-main",
        "fn-my-note",
        "fn-my-note-1",
        "main",
    ] {
        assert!(ids(&html).contains(&id), "no id {id:?} in {:?}", ids(&html));
    }
    assert!(
        html.contains("href=\"#fn-case\"") && ids(&html).contains(&"fn-case"),
        "a reference in capitals reaches its footnote"
    );
    assert!(
        html.contains("href=\"#fn-my-note-1\""),
        "a reference reaches its footnote"
    );
    let year = std::fs::read_to_string(out.join("year-1/index.html")).expect("year 1");
    assert!(ids(&year).contains(&"2026-09") && ids(&year).contains(&"section-2026-09"));
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn optional_readings_are_not_due_anywhere() {
    let out = build(&repo(), "optional-due");
    let optional: Vec<String> = {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("curriculum.json")).expect("json"))
                .expect("curriculum.json");
        json["readings"]
            .as_array()
            .expect("readings")
            .iter()
            .filter(|r| r["optional"] == true)
            .map(|r| r["id"].as_str().expect("id").to_string())
            .collect()
    };
    assert!(optional.iter().any(|r| r == "blindspot"), "{optional:?}");
    for cal in ["calendar.ics", "year-1/calendar.ics", "year-2/calendar.ics"] {
        let text = std::fs::read_to_string(out.join(cal)).expect("calendar");
        assert!(text.contains("UID:due-reading-"), "{cal} has due readings");
        for id in &optional {
            assert!(
                !text.contains(&format!("UID:due-reading-{id}-")),
                "{cal}: the optional reading {id} is a due event"
            );
        }
    }
    let print = std::fs::read_to_string(out.join("print/index.html")).expect("print page");
    let due: String = print
        .split("Due:</strong>")
        .skip(1)
        .map(|s| s.split("</p>").next().unwrap_or(""))
        .collect();
    assert!(
        due.contains("(Reading,"),
        "the print page lists due readings"
    );
    assert!(
        !due.contains("Blindspot"),
        "Blindspot (optional) is listed as due: {due}"
    );
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn previous_and_next_stay_within_the_session_s_track_year() {
    let out = build(&repo(), "pager");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("curriculum.json")).expect("json"))
            .expect("curriculum.json");
    let years: BTreeMap<String, Vec<u64>> = json["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .map(|s| {
            let y = s["years"]
                .as_array()
                .expect("years")
                .iter()
                .filter_map(serde_json::Value::as_u64)
                .collect();
            (s["id"].as_str().expect("id").to_string(), y)
        })
        .collect();
    let mut links = 0;
    for (id, own) in &years {
        let html =
            std::fs::read_to_string(out.join(format!("sessions/{id}/index.html"))).expect("page");
        for rel in ["prev", "next"] {
            let Some(at) = html.find(&format!("rel=\"{rel}\"")) else {
                continue;
            };
            let before = &html[..at];
            let href = &before[before.rfind("href=\"").expect("href") + 6..];
            let target = href
                .trim_start_matches("../")
                .trim_start_matches("sessions/")
                .split('/')
                .next()
                .expect("id");
            let theirs = &years[target];
            assert!(
                theirs.contains(&own[0]),
                "{id} (years {own:?}) links {rel} to {target} (years {theirs:?})"
            );
            links += 1;
        }
    }
    assert!(links > 40, "{links} links");
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn search_finds_self_paced_work_groups_outcomes_and_free_pages() {
    for (name, site, kinds) in [
        (
            "search-demo",
            repo(),
            &["Self-paced", "Group", "Outcome", "Page", "Session"][..],
        ),
        (
            "search-mentoring",
            repo().join("examples/dei-mentorship"),
            &["Group", "Outcome", "Page"][..],
        ),
    ] {
        let out = build(&site, name);
        let index: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("search-index.json")).expect("index"))
                .expect("search-index.json");
        let entries = index["pages"].as_array().expect("pages");
        for kind in kinds {
            let found: Vec<_> = entries.iter().filter(|e| e["k"] == *kind).collect();
            assert!(!found.is_empty(), "{name}: no {kind} entry");
            for e in found {
                // Each entry leads to a page that was written.
                let url = e["u"].as_str().expect("url");
                let path = url.split('#').next().unwrap_or_default();
                assert!(out.join(path).join("index.html").is_file(), "{name}: {url}");
            }
        }
        let _ = std::fs::remove_dir_all(out);
    }
    let out = build(&repo(), "search-self-paced");
    let index = std::fs::read_to_string(out.join("search-index.json")).expect("index");
    assert!(
        index.contains("\"t\":\"Take two Implicit Association Tests of your choice\""),
        "self-paced item"
    );
    let _ = std::fs::remove_dir_all(out);
}

#[cfg(unix)]
#[test]
fn a_static_file_reached_through_a_link_inside_static_is_published() {
    use std::os::unix::fs::symlink;
    let site = temp("static-link-site");
    crate::support::copy_dir(&repo().join("examples/minimal"), &site);
    let images = site.join("static/images");
    std::fs::create_dir_all(&images).expect("mkdir");
    std::fs::write(images.join("map.png"), b"not really a png").expect("write");
    // A file link and a folder link, both inside static/, and one outside.
    symlink("map.png", images.join("campus-map.png")).expect("file link");
    symlink("images", site.join("static/pictures")).expect("folder link");
    symlink("/etc", site.join("static/etc")).expect("outside link");
    let page = site.join("content/pages");
    std::fs::create_dir_all(&page).expect("mkdir");
    std::fs::write(
        page.join("maps.md"),
        "---\ntitle: Maps\n---\n![Campus](/images/campus-map.png) ![Map](/pictures/map.png)\n",
    )
    .expect("write page");
    let out = temp("static-link-out");
    let built = build_into(&site, &out, &[]);
    assert_success(&built);
    for file in [
        "images/map.png",
        "images/campus-map.png",
        "pictures/map.png",
    ] {
        assert_eq!(
            std::fs::read(out.join(file)).ok().as_deref(),
            Some(&b"not really a png"[..]),
            "{file} is published"
        );
    }
    assert!(
        !out.join("etc").exists(),
        "a link outside static/ is never published"
    );
    let listed = std::fs::read_to_string(out.join(".cairn-build")).expect("marker");
    assert!(listed.lines().any(|l| l == "pictures/map.png"), "{listed}");
    for d in [site, out] {
        let _ = std::fs::remove_dir_all(d);
    }
}

#[test]
fn an_unreadable_program_judges_no_anchor_into_the_home_page() {
    let site = temp("anchor-home-site");
    crate::support::copy_dir(&repo().join("examples/minimal"), &site);
    let program = site.join("content/_program.md");
    let text = std::fs::read_to_string(&program).expect("program");
    // A tab in the front matter: E0102, the program cannot be read.
    std::fs::write(&program, text.replacen("title:", "\ttitle:", 1)).expect("write");
    std::fs::create_dir_all(site.join("content/pages")).expect("mkdir");
    std::fs::write(
        site.join("content/pages/links.md"),
        "---\ntitle: Links\n---\n[Dates](@/_program.md#dates) and [nowhere](@/pages/links.md#nowhere)\n",
    )
    .expect("write page");
    let (_, json) = crate::support::check_json(&site, &[]);
    let codes: Vec<(String, String)> = crate::support::codes_and_messages(&json);
    assert!(codes.iter().any(|(c, _)| c == "E0102"), "{codes:?}");
    let w0203: Vec<_> = codes.iter().filter(|(c, _)| c == "W0203").collect();
    assert_eq!(
        w0203.len(),
        1,
        "only the anchor into a page that was read: {codes:?}"
    );
    assert!(w0203[0].1.contains("#nowhere"), "{codes:?}");
    let _ = std::fs::remove_dir_all(site);
}
