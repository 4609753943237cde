//! `cairn build`: every path of SPEC 7, links that resolve, byte-identical
//! rebuilds, an error that leaves the old output alone, template overrides,
//! calendars read back by an independent parser.

use crate::support::{copy_dir, fixture, repo, snapshot, temp};
use std::collections::BTreeMap;
use std::path::Path;

/// Builds `site` into `out` with extra args; returns the exit code.
fn build(site: &Path, out: &Path, extra: &[&str]) -> i32 {
    let o = crate::support::build_into(site, out, extra);
    if o.status.code() != Some(0) {
        eprintln!("{}", String::from_utf8_lossy(&o.stderr));
    }
    o.status.code().unwrap_or(-1)
}

#[test]
fn the_demo_has_every_path_of_the_contract_and_every_link_resolves() {
    let out = temp("demo");
    assert_eq!(build(&repo(), &out, &[]), 0);
    let files = snapshot(&out);
    for path in [
        "index.html",
        "year-1/index.html",
        "year-2/index.html",
        "modules/index.html",
        "sessions/index.html",
        "readings/index.html",
        "prompts/index.html",
        "people/index.html",
        "projects/index.html",
        "framework/index.html",
        "map/index.html",
        "calendar/index.html",
        "calendar.ics",
        "year-1/calendar.ics",
        "year-2/calendar.ics",
        "print/index.html",
        "search/index.html",
        "search-index.json",
        "curriculum.json",
        "sitemap.xml",
        "404.html",
        "assets/cairn.css",
        "about/index.html",
    ] {
        assert!(files.contains_key(path), "{path} is missing");
    }
    let curriculum: serde_json::Value =
        serde_json::from_slice(&files["curriculum.json"]).expect("json");
    assert_eq!(curriculum["schema"], 1);
    for kind in [
        "modules", "sessions", "readings", "prompts", "people", "projects",
    ] {
        for item in curriculum[kind].as_array().expect("list") {
            let id = item["id"].as_str().expect("id");
            assert!(
                files.contains_key(&format!("{kind}/{id}/index.html")),
                "{kind}/{id}"
            );
        }
    }
    for s in curriculum["sessions"].as_array().expect("sessions") {
        let id = s["id"].as_str().expect("id");
        assert!(
            files.contains_key(&format!("sessions/{id}/session.ics")),
            "{id}.ics"
        );
        // Each session is in its years' syllabus, under the month of its date, with its readings.
        for y in s["years"].as_array().expect("years") {
            let page = String::from_utf8_lossy(&files[&format!("year-{y}/index.html")]).to_string();
            let month = &s["date"].as_str().expect("date")[..7];
            let section = page
                .split(&format!("id=\"{month}\""))
                .nth(1)
                .expect("the month's section");
            let section = section.split("<section").next().unwrap_or(section);
            assert!(
                section.contains(&format!("sessions/{id}/")),
                "{id} not under {month} in year {y}"
            );
            for r in s["readings"].as_array().expect("readings") {
                assert!(
                    section.contains(&format!("readings/{}/", r.as_str().expect("id"))),
                    "{id}: reading {r}"
                );
            }
        }
    }
    let mut broken = Vec::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for link in links(&html) {
            if !resolves(&files, path, &link) {
                broken.push(format!("{path}: {link}"));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    let _ = std::fs::remove_dir_all(out);
}

/// Every `href` and `src` value of a page.
pub(crate) fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for part in html.split(attr).skip(1) {
            if let Some(end) = part.find('"') {
                out.push(part[..end].replace("&amp;", "&"));
            }
        }
    }
    out
}

pub(crate) fn resolves(files: &BTreeMap<String, Vec<u8>>, from: &str, link: &str) -> bool {
    if link.contains("://")
        || link.starts_with("mailto:")
        || link.starts_with("data:")
        || link.starts_with('#')
        || link.starts_with("tel:")
    {
        return true;
    }
    // 404.html is served at any depth; its links are root-relative by design.
    if from == "404.html" || from.ends_with("/404.html") {
        return true;
    }
    let link = link.split(['#', '?']).next().unwrap_or("");
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return false;
                }
            }
            s => parts.push(s),
        }
    }
    let mut target = parts.join("/");
    if link.ends_with('/') || link.is_empty() || link == "." || link == "./" {
        target = if target.is_empty() {
            "index.html".into()
        } else {
            format!("{target}/index.html")
        };
    }
    files.contains_key(&target)
}

#[test]
fn two_builds_are_byte_identical_whatever_the_time_zone_and_directory() {
    let (a, b) = (temp("same-a"), temp("same-b"));
    assert_eq!(build(&repo(), &a, &[]), 0);
    let site = repo();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_cairn"))
        .args([
            "--root",
            site.to_str().expect("utf-8"),
            "build",
            "-o",
            b.to_str().expect("utf-8"),
        ])
        .current_dir(std::env::temp_dir())
        .env("TZ", "Asia/Kolkata")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0));
    assert!(snapshot(&a) == snapshot(&b), "the two builds differ");
    let _ = std::fs::remove_dir_all(a);
    let _ = std::fs::remove_dir_all(b);
}

#[test]
fn an_error_leaves_the_previous_output_untouched() {
    let site = temp("err-site");
    copy_dir(&fixture("check/valid-rich"), &site);
    let out = site.join("public");
    assert_eq!(build(&site, &out, &[]), 0);
    let before = snapshot(&out);
    let session = site.join("content/sessions/2025-09-noticing.md");
    let text = std::fs::read_to_string(&session).expect("read");
    std::fs::write(&session, text.replacen("title:", "titel:", 1)).expect("write");
    assert_eq!(build(&site, &out, &[]), 1);
    assert!(
        snapshot(&out) == before,
        "the output changed after a failed build"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&site)
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("cairn-new"))
        .collect();
    assert!(leftovers.is_empty());
    let _ = std::fs::remove_dir_all(site);
}

#[test]
fn sitemap_only_with_a_base_url_and_refuses_dangerous_targets() {
    let site = temp("sitemap");
    copy_dir(&fixture("check/valid-base"), &site);
    let out = site.join("public");
    assert_eq!(build(&site, &out, &[]), 0);
    assert!(!out.join("sitemap.xml").exists());
    assert_eq!(
        build(&site, &out, &["--base-url", "https://example.org/a/b/"]),
        0
    );
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).expect("sitemap");
    assert!(sitemap.contains("<loc>https://example.org/a/b/</loc>"));
    let home = std::fs::read_to_string(out.join("index.html")).expect("home");
    assert!(
        home.contains("<link rel=\"canonical\" href=\"https://example.org/a/b/\">"),
        "a canonical link"
    );
    assert_eq!(build(&site, &site, &[]), 2);
    assert_eq!(build(&site, &site.join("content/out"), &[]), 2);
    let _ = std::fs::remove_dir_all(site);
}

#[test]
fn a_template_override_takes_effect() {
    let site = temp("override");
    copy_dir(&fixture("check/valid-rich"), &site);
    std::fs::create_dir_all(site.join("templates")).expect("mkdir");
    std::fs::write(
        site.join("templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}<p>OVERRIDDEN {{ title }}</p>{% endblock %}",
    )
    .expect("write");
    let out = site.join("public");
    assert_eq!(build(&site, &out, &[]), 0);
    let about = std::fs::read_to_string(out.join("about/index.html")).expect("about");
    assert!(about.contains("OVERRIDDEN"), "{about}");
    let _ = std::fs::remove_dir_all(site);
}

#[test]
fn calendars_parse_and_keep_the_right_utc_times_across_daylight_saving() {
    let site = fixture("build/dst");
    let out = temp("dst");
    assert_eq!(build(&site, &out, &[]), 0);
    let mut starts = BTreeMap::new();
    for (path, bytes) in snapshot(&out)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".ics"))
    {
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(
            text.lines().all(|l| l.len() <= 76),
            "{path}: a line is over 75 octets"
        );
        assert!(text.contains("\r\n"), "{path}: CRLF");
        let reader = ical::IcalParser::new(text.as_bytes());
        for cal in reader {
            let cal = cal.unwrap_or_else(|e| panic!("{path}: {e}"));
            for event in cal.events {
                let prop = |name: &str| {
                    event
                        .properties
                        .iter()
                        .find(|p| p.name == name)
                        .and_then(|p| p.value.clone())
                };
                let uid = prop("UID").expect("UID");
                assert!(uid.ends_with(".2025@cairn.invalid"), "{uid}");
                assert_eq!(prop("DTSTAMP").as_deref(), Some("20250701T000000Z"));
                starts.insert(uid, prop("DTSTART").expect("DTSTART"));
            }
        }
    }
    assert_eq!(
        starts["2025-11-02-before.2025@cairn.invalid"],
        "20251101T220000Z"
    );
    assert_eq!(
        starts["2025-11-03-after.2025@cairn.invalid"],
        "20251103T230000Z"
    );
    assert_eq!(
        starts["2026-03-09-after.2025@cairn.invalid"],
        "20260309T123000Z"
    );
    let _ = std::fs::remove_dir_all(out);
}
