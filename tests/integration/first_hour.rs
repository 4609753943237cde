//! What new users hit first (issue 13): a folder cairn did not write is never
//! replaced, the portable form opens from disk, pages have one `<h1>`, and the
//! smaller defects a designer or trainee meets in the first hour.

use crate::support::{cairn, check_json, copy_dir, fixture, snapshot, temp};
use std::fs;
use std::path::Path;

fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A copy of the one-year base fixture to edit.
fn base(name: &str) -> std::path::PathBuf {
    let site = temp(name);
    copy_dir(&fixture("check/valid-base"), &site);
    let _ = fs::remove_file(site.join("expect.json"));
    site
}

fn write(site: &Path, rel: &str, body: &str) {
    let path = site.join(rel);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, body).expect("write");
}

fn build(site: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    crate::support::build_into(site, out, extra)
}

fn html_pages(out: &Path) -> Vec<(String, String)> {
    snapshot(out)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).expect("utf-8")))
        .collect()
}

#[test]
fn a_folder_cairn_did_not_write_is_refused_without_force() {
    let site = base("own-folder");
    let web_root = temp("own-folder-out");
    write(&web_root, "office-upload.pdf", "%PDF-1.4 the office's file");
    write(&web_root, "index.html", "<p>the office's page</p>");
    let out = build(&site, &web_root, &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains(&web_root.display().to_string()), "{said}");
    assert!(said.contains("--force"), "{said}");
    assert_eq!(
        fs::read_to_string(web_root.join("office-upload.pdf")).expect("kept"),
        "%PDF-1.4 the office's file"
    );
    assert_eq!(
        fs::read_to_string(web_root.join("index.html")).expect("kept"),
        "<p>the office's page</p>"
    );
    // Nothing was written beside it either.
    let parent = web_root.parent().expect("parent");
    let name = web_root
        .file_name()
        .expect("name")
        .to_string_lossy()
        .to_string();
    assert!(
        !fs::read_dir(parent).expect("list").flatten().any(|e| e
            .file_name()
            .to_string_lossy()
            .starts_with(&format!(".{name}.cairn"))),
        "a temporary folder was left beside the target"
    );

    // An empty folder, and then cairn's own output, are replaced.
    let empty = temp("own-folder-empty");
    fs::create_dir_all(&empty).expect("mkdir");
    assert_eq!(build(&site, &empty, &[]).status.code(), Some(0));
    assert!(empty.join(".cairn-build").is_file());
    assert_eq!(build(&site, &empty, &[]).status.code(), Some(0));

    // --force replaces the office's folder.
    let forced = build(&site, &web_root, &["--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced));
    assert!(!web_root.join("office-upload.pdf").exists());
    assert!(web_root.join("sessions/index.html").is_file());

    let help = cairn(&site, &["build", "--help"]);
    assert!(text(&help).contains("--force"));
    assert!(text(&help).contains(".cairn-build"));
    for dir in [site, web_root, empty] {
        let _ = fs::remove_dir_all(dir);
    }
}

/// The marker's list: every line after the first.
fn listed(out: &Path) -> Vec<String> {
    fs::read_to_string(out.join(".cairn-build"))
        .expect("marker")
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect()
}

#[test]
fn a_second_build_keeps_what_the_office_added_to_the_output() {
    let site = base("office-uploads");
    write(&site, "static/files/handout.txt", "the handout");
    let out = temp("office-uploads-out");
    let first = build(&site, &out, &[]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first));
    // The marker lists every file the build wrote, sorted, itself aside.
    let list = listed(&out);
    let mut sorted = list.clone();
    sorted.sort();
    assert_eq!(list, sorted);
    let on_disk: Vec<String> = snapshot(&out)
        .into_keys()
        .filter(|p| p != ".cairn-build")
        .collect();
    assert_eq!(list, on_disk);
    assert!(list.contains(&"files/handout.txt".to_string()), "{list:?}");
    let marker = fs::read(out.join(".cairn-build")).expect("marker");

    // A changed file that cairn wrote is cairn's: replaced, and the marker
    // of a second build is byte for byte the first's.
    write(&out, "index.html", "<p>edited by hand</p>");
    fs::create_dir_all(out.join("an-empty-folder")).expect("mkdir");
    let again = build(&site, &out, &[]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again));
    assert_ne!(
        fs::read_to_string(out.join("index.html")).expect("index"),
        "<p>edited by hand</p>"
    );
    assert_eq!(fs::read(out.join(".cairn-build")).expect("marker"), marker);

    // An added file, then an added folder, are refused and named, and kept.
    write(&out, "board-minutes.pdf", "%PDF the minutes");
    let refused = build(&site, &out, &[]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(
        text(&refused).contains("board-minutes.pdf"),
        "{}",
        text(&refused)
    );
    assert!(text(&refused).contains("--force"), "{}", text(&refused));
    assert!(out.join("board-minutes.pdf").is_file());
    fs::remove_file(out.join("board-minutes.pdf")).expect("rm");
    write(&out, "uploads/2026/minutes.pdf", "%PDF the minutes");
    let refused = build(&site, &out, &[]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(
        text(&refused).contains("uploads/2026/minutes.pdf"),
        "{}",
        text(&refused)
    );
    assert_eq!(
        fs::read_to_string(out.join("uploads/2026/minutes.pdf")).expect("kept"),
        "%PDF the minutes"
    );
    // Many are named ten at a time.
    for i in 0..12 {
        write(&out, &format!("uploads/file-{i:02}.pdf"), "x");
    }
    let refused = text(&build(&site, &out, &[]));
    assert!(refused.contains("uploads/file-08.pdf"), "{refused}");
    assert!(!refused.contains("uploads/file-09.pdf"), "{refused}");
    assert!(refused.contains("and 3 more"), "{refused}");

    // --force replaces the folder and what was added to it.
    let forced = build(&site, &out, &["--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced));
    assert!(!out.join("uploads").exists());

    // An earlier version's marker (its first line, no list) counts as
    // listing everything, once: the build it allows writes a list.
    write(
        &out,
        ".cairn-build",
        "This folder was written by `cairn build`; the next build replaces it whole.\n",
    );
    write(&out, "old-page.html", "<p>an earlier build's page</p>");
    let upgraded = build(&site, &out, &[]);
    assert_eq!(upgraded.status.code(), Some(0), "{}", text(&upgraded));
    assert!(!out.join("old-page.html").exists());
    assert_eq!(fs::read(out.join(".cairn-build")).expect("marker"), marker);
    write(&out, "old-page.html", "<p>added after</p>");
    assert_eq!(build(&site, &out, &[]).status.code(), Some(2));
    fs::remove_file(out.join("old-page.html")).expect("rm");

    // Past years are cairn's too: a rolled site builds twice.
    let rolled = cairn(&site, &["--root", site.to_str().expect("utf-8"), "roll"]);
    assert_eq!(rolled.status.code(), Some(0), "{}", text(&rolled));
    assert_eq!(build(&site, &out, &[]).status.code(), Some(0));
    assert!(
        listed(&out)
            .iter()
            .any(|p| p.starts_with("archive/2025-26/"))
    );
    let twice = build(&site, &out, &[]);
    assert_eq!(twice.status.code(), Some(0), "{}", text(&twice));

    let help = text(&cairn(&site, &["build", "--help"]));
    assert!(help.contains("lists"), "{help}");
    for dir in [site, out] {
        let _ = fs::remove_dir_all(dir);
    }
}

#[test]
fn the_kitchen_sink_has_one_h1_per_page_and_named_checkboxes() {
    let out = temp("kitchen-sink-h1");
    let site = fixture("kitchen-sink");
    let built = build(&site, &out, &["--deny-warnings"]);
    assert_eq!(built.status.code(), Some(0), "{}", text(&built));
    let mut boxes = 0;
    for (path, html) in html_pages(&out) {
        assert_eq!(html.matches("<h1").count(), 1, "{path} must have one <h1>");
        for input in html.split("<input").skip(1) {
            let tag = &input[..input.find('>').expect("closed")];
            if tag.contains("type=\"checkbox\"") {
                boxes += 1;
                assert!(
                    tag.contains("aria-label=\""),
                    "{path}: unnamed checkbox {tag}"
                );
            }
        }
    }
    assert!(boxes >= 2, "the kitchen sink has task lists");
    let _ = fs::remove_dir_all(out);
}

#[test]
fn a_body_heading_one_becomes_a_section_heading() {
    let site = base("body-h1");
    write(
        &site,
        "content/pages/guide.md",
        "---\ntitle: Guide\n---\n# Overview\n\nText.\n\n## Detail\n\n- [x] done\n- [ ] to do\n",
    );
    let out = temp("body-h1-out");
    assert_eq!(build(&site, &out, &[]).status.code(), Some(0));
    let html = fs::read_to_string(out.join("guide/index.html")).expect("page");
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains("<h2 id=\"overview\">Overview</h2>"), "{html}");
    assert!(html.contains("<h3 id=\"detail\">Detail</h3>"));
    assert!(html.contains("aria-label=\"Done\""));
    assert!(html.contains("aria-label=\"Not done\""));
    for dir in [site, out] {
        let _ = fs::remove_dir_all(dir);
    }
}

#[test]
fn the_portable_form_links_to_files_and_loads_search_without_fetch() {
    let site = base("portable");
    let out = temp("portable-out");
    assert_eq!(build(&site, &out, &["--portable"]).status.code(), Some(0));
    let search = fs::read_to_string(out.join("search-index.js")).expect("search-index.js");
    assert!(search.starts_with("window.cairnSearchIndex="));
    assert!(search.contains("Listening Across Difference"));
    let mut checked = 0;
    for (path, html) in html_pages(&out) {
        for href in html
            .split("href=\"")
            .skip(1)
            .map(|h| &h[..h.find('"').expect("closed")])
        {
            if href.contains(':') || href.starts_with('#') {
                continue;
            }
            let file = href.split(['#', '?']).next().expect("path");
            assert!(
                !file.ends_with('/') && file != "." && file != "..",
                "{path}: link {href} names a folder"
            );
            checked += 1;
        }
    }
    assert!(checked > 20);
    let home = fs::read_to_string(out.join("index.html")).expect("home");
    assert!(home.contains("href=\"sessions/index.html\""));
    let search_page = fs::read_to_string(out.join("search/index.html")).expect("search");
    assert!(search_page.contains("../search-index.js"));

    // `portable: true` in _program.md does the same; the default does not.
    let plain = temp("portable-plain");
    assert_eq!(build(&site, &plain, &[]).status.code(), Some(0));
    assert!(!plain.join("search-index.js").exists());
    assert!(
        fs::read_to_string(plain.join("index.html"))
            .expect("home")
            .contains("href=\"sessions/\"")
    );
    let program = site.join("content/_program.md");
    let text = fs::read_to_string(&program).expect("read");
    fs::write(
        &program,
        text.replacen("phases: []", "phases: []\nportable: true", 1),
    )
    .expect("write");
    assert_eq!(build(&site, &plain, &[]).status.code(), Some(0));
    assert!(plain.join("search-index.js").exists());
    for dir in [site, out, plain] {
        let _ = fs::remove_dir_all(dir);
    }
}

#[test]
fn quiet_prints_warnings_and_never_claims_there_are_none() {
    let site = base("quiet");
    let clean = cairn(
        &site,
        &["--root", site.to_str().expect("utf-8"), "-q", "check"],
    );
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(text(&clean), "", "nothing to say");
    write(
        &site,
        "content/readings/unlisted.md",
        "---\ntitle: Unlisted\nkind: article\n---\n",
    );
    for args in [vec!["-q", "check"], vec!["-q", "build", "-o", "out"]] {
        let mut full = vec!["--root", site.to_str().expect("utf-8")];
        full.extend(args.iter().copied());
        let out = cairn(&site, &full);
        let said = text(&out);
        assert_eq!(out.status.code(), Some(0), "{said}");
        assert!(said.contains("W0204"), "{args:?}: {said}");
        assert!(!said.contains("no problems"), "{args:?}: {said}");
        assert!(!said.contains("built "), "{args:?}: {said}");
    }
    let _ = fs::remove_dir_all(site);
}

#[test]
fn a_yaml_error_names_one_place_and_helps() {
    let (_, json) = check_json(&fixture("check/E0102-yaml-syntax"), &[]);
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "E0102");
    let message = d["message"].as_str().expect("message");
    assert!(!message.contains("line"), "{message}");
    assert!(d["help"].as_str().expect("a help line").contains("quoted"));
}

#[test]
fn an_unreadable_session_does_not_cascade_into_counts() {
    let site = base("cascade");
    write(
        &site,
        "content/_program.md",
        "---\ntitle: Base\nyears: 1\nstarts: 2025-07-01\ntimezone: America/Chicago\nphases: []\nattendance:\n  minimum: 1\nschedule:\n  months: [9]\n---\n",
    );
    write(
        &site,
        "content/sessions/2025-09-listening.md",
        "---\ntitle: Listening: Across Difference\ndate: 2025-09-18\nmodule: listening-first\nrequired: true\nreadings: [shared-book]\n---\n",
    );
    write(
        &site,
        "content/readings/shared-book.md",
        "---\ntitle: A Book\nkind: book\n---\n",
    );
    let (code, json) = check_json(&site, &[]);
    assert_eq!(code, 1);
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, ["E0102"], "{json}");
    let human = cairn(&site, &["--root", site.to_str().expect("utf-8"), "check"]);
    assert_eq!(text(&human).matches("note:").count(), 1, "{}", text(&human));
    let _ = fs::remove_dir_all(site);
}

#[test]
fn search_excerpts_keep_words_whole() {
    let site = base("excerpt");
    write(
        &site,
        "content/pages/about.md",
        "---\ntitle: About\n---\nIt's in one person's head, \"quoted\" and **bold**ly said.\n",
    );
    let out = temp("excerpt-out");
    assert_eq!(build(&site, &out, &[]).status.code(), Some(0));
    let index = fs::read_to_string(out.join("search-index.json")).expect("index");
    assert!(
        index.contains("one person’s head, “quoted” and boldly said."),
        "{index}"
    );
    for dir in [site, out] {
        let _ = fs::remove_dir_all(dir);
    }
}

#[test]
fn a_new_session_takes_its_date_from_its_id() {
    let site = base("new-date");
    let root = site.to_str().expect("utf-8");
    for (id, date) in [
        ("2025-11-mentoring-night", "date: 2025-11-06"),
        ("2026-02-14-retreat", "date: 2026-02-14"),
        ("journal-club", "date: 2025-07-01"),
    ] {
        let out = cairn(&site, &["--root", root, "new", "session", id]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let file = fs::read_to_string(site.join(format!("content/sessions/{id}.md"))).expect("new");
        // The base's one session is on a Thursday: a month id takes its first Thursday.
        assert!(file.contains(date), "{id}: {file}");
    }
    let made =
        fs::read_to_string(site.join("content/sessions/2025-11-mentoring-night.md")).expect("new");
    assert!(made.contains("title: \"Mentoring night\""), "{made}");
    let _ = fs::remove_dir_all(site);
}

#[test]
fn a_new_site_s_first_session_falls_on_a_weekday() {
    let site = base("new-first-weekday");
    fs::remove_dir_all(site.join("content/sessions")).expect("rm");
    let root = site.to_str().expect("utf-8");
    // 1 November 2025 is a Saturday, 1 February 2026 a Sunday.
    for (id, date) in [
        ("2025-11-first-evening", "date: 2025-11-03"),
        ("2026-02-second-evening", "date: 2026-02-02"),
    ] {
        fs::remove_dir_all(site.join("content/sessions")).ok();
        let out = cairn(&site, &["--root", root, "new", "session", id]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let file = fs::read_to_string(site.join(format!("content/sessions/{id}.md"))).expect("new");
        assert!(file.contains(date), "{id}: {file}");
    }
    let _ = fs::remove_dir_all(site);
}

#[test]
fn a_new_session_on_a_blackout_date_is_refused() {
    let site = base("new-blackout");
    write(
        &site,
        "content/_program.md",
        "---\ntitle: Base Leadership Track\nyears: 1\nstarts: 2025-07-01\ntimezone: America/Chicago\nphases: []\nschedule:\n  blackout: [2025-12-25, 2025-12-26]\n---\n",
    );
    let root = site.to_str().expect("utf-8");
    let out = cairn(
        &site,
        &["--root", root, "new", "session", "2025-12-25-party"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("2025-12-25"), "{said}");
    assert!(said.contains("blackout"), "{said}");
    // The 26th is a blackout too and the 27th a Saturday: the next free
    // weekday is Monday the 29th.
    assert!(said.contains("2025-12-29-party"), "{said}");
    assert!(!site.join("content/sessions/2025-12-25-party.md").exists());
    // The day it names is taken, and passes check.
    let out = cairn(
        &site,
        &["--root", root, "new", "session", "2025-12-29-party"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let (code, json) = check_json(&site, &[]);
    assert_eq!(code, 0, "{json}");
    // A date outside the academic year (2025-26) is refused too, with the
    // id of the same month in it.
    for (id, suggested) in [
        ("2024-11-kickoff", "`2025-11-kickoff`"),
        ("2026-09-03-kickoff", "`2025-09-03-kickoff`"),
    ] {
        let out = cairn(&site, &["--root", root, "new", "session", id]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        assert!(text(&out).contains(suggested), "{}", text(&out));
        assert!(!site.join(format!("content/sessions/{id}.md")).exists());
    }
    let _ = fs::remove_dir_all(site);
}

#[test]
fn the_map_and_module_lists_follow_curriculum_order() {
    let site = base("map-order");
    write(
        &site,
        "content/_program.md",
        "---\ntitle: Base\nyears: 1\nstarts: 2025-07-01\ntimezone: America/Chicago\ncompetencies:\n  - {id: listening, title: Listening}\n---\n",
    );
    for (id, phase, date) in [
        ("a-late", "action", "2026-03-05"),
        ("b-early", "awareness", "2025-09-04"),
        ("c-middle", "awareness", "2025-10-02"),
    ] {
        write(
            &site,
            &format!("content/modules/{id}.md"),
            &format!(
                "---\ntitle: Module {id}\nyear: 1\nphase: {phase}\ncompetencies: [listening]\n---\n"
            ),
        );
        write(
            &site,
            &format!("content/sessions/{id}-s.md"),
            &format!("---\ntitle: Session {id}\ndate: {date}\nmodule: {id}\n---\n"),
        );
    }
    fs::remove_file(site.join("content/modules/listening-first.md")).expect("rm");
    fs::remove_file(site.join("content/sessions/2025-09-listening.md")).expect("rm");
    let out = temp("map-order-out");
    let built = build(&site, &out, &[]);
    assert_eq!(built.status.code(), Some(0), "{}", text(&built));
    for page in ["map/index.html", "modules/index.html"] {
        let html = fs::read_to_string(out.join(page)).expect("page");
        let at = |id: &str| html.find(&format!("Module {id}")).expect(id);
        assert!(
            at("b-early") < at("c-middle") && at("c-middle") < at("a-late"),
            "{page}"
        );
    }
    for dir in [site, out] {
        let _ = fs::remove_dir_all(dir);
    }
}

#[test]
fn empty_concepts_get_no_page_and_one_year_is_the_program() {
    let site = base("empty-concepts");
    let out = temp("empty-concepts-out");
    let built = build(&site, &out, &["--base-url", "https://example.org/track/"]);
    assert_eq!(built.status.code(), Some(0), "{}", text(&built));
    assert!(!out.join("framework").exists());
    assert!(!out.join("map").exists());
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).expect("sitemap");
    assert!(
        !sitemap.contains("/framework/<") && !sitemap.contains("/map/<"),
        "{sitemap}"
    );
    for (path, html) in html_pages(&out) {
        assert!(!html.contains("framework/\""), "{path} links the framework");
        assert!(!html.contains("map/\""), "{path} links the map");
        assert!(!html.contains("Year 1"), "{path} speaks of Year 1");
        assert!(!html.contains("The years"), "{path}");
    }
    let year = fs::read_to_string(out.join("year-1/index.html")).expect("year page");
    assert!(year.contains("<h1>Syllabus 2025–2026</h1>"), "{year}");
    for dir in [site, out] {
        let _ = fs::remove_dir_all(dir);
    }
}

#[test]
fn the_404_page_finds_home_at_any_depth() {
    let site = base("not-found");
    let out = temp("not-found-out");
    assert_eq!(build(&site, &out, &[]).status.code(), Some(0));
    let page = fs::read_to_string(out.join("404.html")).expect("404");
    assert!(!page.contains("href=\"./\""), "{page}");
    assert!(
        page.contains("search-index.json"),
        "the script looks for the site root"
    );
    assert!(page.contains("id=\"home-link\""));
    assert_eq!(
        build(&site, &out, &["--base-url", "https://example.org/track/"])
            .status
            .code(),
        Some(0)
    );
    let page = fs::read_to_string(out.join("404.html")).expect("404");
    assert!(
        page.contains("href=\"https://example.org/track/\""),
        "{page}"
    );
    for dir in [site, out] {
        let _ = fs::remove_dir_all(dir);
    }
}

#[test]
fn an_unknown_role_lists_the_roles_when_it_is_no_typo() {
    let site = base("roles");
    write(
        &site,
        "content/people/pat.md",
        "---\nname: Pat Lee\nroles: [resident]\n---\n",
    );
    write(
        &site,
        "content/people/sam.md",
        "---\nname: Sam Roe\nroles: [mentr]\n---\n",
    );
    let (_, json) = check_json(&site, &[]);
    let help = |file: &str| {
        json["diagnostics"]
            .as_array()
            .expect("list")
            .iter()
            .find(|d| d["file"] == file)
            .and_then(|d| d["help"].as_str())
            .expect("a help line")
            .to_string()
    };
    let pat = help("content/people/pat.md");
    assert!(!pat.contains("did you mean"), "{pat}");
    assert!(pat.contains("speaker") && pat.contains("staff"), "{pat}");
    assert_eq!(help("content/people/sam.md"), "did you mean `mentor`?");
    let _ = fs::remove_dir_all(site);
}

#[test]
fn everyone_and_every_reading_has_a_place() {
    let site = base("everyone");
    write(
        &site,
        "content/people/pat.md",
        "---\nname: Pat Lee\n---\nA person without roles.\n",
    );
    write(
        &site,
        "content/readings/toolkit.md",
        "---\ntitle: Inclusion Toolkit\nkind: article\n---\n",
    );
    let out = temp("everyone-out");
    assert_eq!(build(&site, &out, &[]).status.code(), Some(0));
    let people = fs::read_to_string(out.join("people/index.html")).expect("people");
    assert!(people.contains("Pat Lee"));
    let readings = fs::read_to_string(out.join("readings/index.html")).expect("readings");
    assert!(readings.contains("Inclusion Toolkit"), "{readings}");
    assert!(readings.contains("Resources"));
    for dir in [site, out] {
        let _ = fs::remove_dir_all(dir);
    }
}

#[test]
fn the_browser_gate_installs_chromium_and_java_from_one_place() {
    let script = crate::support::repo().join("tests/browser/install-deps");
    // Where it may not install, it names the one command that does.
    let out = std::process::Command::new(&script)
        .arg("--print")
        .env("CHROMIUM", "/nonexistent/chromium")
        .output()
        .expect("install-deps runs");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("apt-get install -y chromium"),
        "{}",
        text(&out)
    );
    // Both the gate and CI install through it, and nowhere else.
    for user in ["tests/browser/run", ".ci/run"] {
        let body = fs::read_to_string(crate::support::repo().join(user)).expect(user);
        assert!(body.contains("install-deps"), "{user}");
        assert!(!body.contains("install -y chromium"), "{user}");
        assert!(!body.contains("default-jre-headless"), "{user}");
    }
}
