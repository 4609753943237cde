//! Inputs kept from the fuzzers' corpora (`tests/fixtures/fuzz/<target>/`):
//! each goes through the same code as its fuzz target and must not panic;
//! the structure-aware ones (`site`, `roll`, `diff`) are built into sites by the
//! fuzzers' generator and held to their targets' properties.

use crate::support::fixture;
use cairn::content::parse_file;
use cairn::layout::FileKind;
use cairn::site::{SourceFile, normalize};

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir(fixture(&format!("fuzz/{target}")))
        .expect("fuzz fixtures")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect()
}

#[test]
fn front_matter_corpus_never_panics() {
    let kinds: Vec<FileKind> = FileKind::each().collect();
    let corpus = inputs("front_matter");
    assert!(corpus.len() > 20);
    for data in corpus {
        let Some((&selector, rest)) = data.split_first() else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(rest) else {
            continue;
        };
        let file = SourceFile {
            path: "content/x.md".into(),
            kind: kinds[selector as usize % kinds.len()],
            id: "x".into(),
            text: Some(normalize(text.to_string()).into()),
            usable: true,
        };
        for d in parse_file(&file).1 {
            assert!(d.line >= 1 && d.column >= 1);
        }
    }
}

#[test]
fn markdown_corpus_never_panics() {
    let program = SourceFile {
        path: "content/_program.md".into(),
        kind: FileKind::Program,
        id: "_program".into(),
        text: Some(
            "---\ntitle: Fuzz\nstarts: 2025-07-01\ntimezone: UTC\nphases: []\n---\n# Home\n".into(),
        ),
        usable: true,
    };
    let model = cairn::model::build::build(&[parse_file(&program).0], false)
        .0
        .expect("a model");
    let corpus = inputs("markdown");
    assert!(corpus.len() > 10);
    for data in corpus {
        let Ok(body) = std::str::from_utf8(&data) else {
            continue;
        };
        let outline = cairn::markdown::outline(body, 5);
        let statics = cairn::site::statics::Statics::default();
        let mut links = cairn::routes::links::PageLinks::new();
        for link in &outline.links {
            assert!(link.pos.line >= 5);
            if let Ok(found) = cairn::routes::links::resolve_link(
                &model,
                &statics,
                "content/pages/x.md",
                &link.dest,
            ) {
                links.insert(link.dest.clone(), found);
            }
        }
        let _ = cairn::render::body::to_html(body, "../", None, Some(&links), ["Done", "Not done"]);
    }
}

/// The structure-aware targets' kept inputs (`site`, `roll`), each built
/// into a site by the fuzzers' generator.
fn generated(target: &str) -> Vec<(usize, crate::sitegen::SiteSpec)> {
    inputs(target)
        .iter()
        .enumerate()
        .filter_map(|(i, data)| Some((i, crate::sitegen::SiteSpec::from_bytes(data)?)))
        .collect()
}

#[test]
fn site_corpus_checks_without_panic_and_valid_sites_clean() {
    let corpus = generated("site");
    assert!(corpus.len() >= 5);
    for (i, spec) in corpus {
        let dir = crate::support::temp(&format!("fuzz-site-{i}"));
        spec.write_to(&dir).expect("write");
        let checked = cairn::pipeline::check(&dir, &cairn::pipeline::Options::default());
        for d in checked.diagnostics.items() {
            assert!(d.line >= 1 && d.column >= 1, "{d:?}");
        }
        if spec.fault.is_none() {
            assert!(!checked.diagnostics.has_errors(), "input {i}: {spec:?}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn roll_corpus_comes_back_byte_for_byte() {
    let corpus = generated("roll");
    assert!(corpus.len() >= 5);
    let mut rolled = 0;
    for (i, spec) in corpus {
        let dir = crate::support::temp(&format!("fuzz-roll-{i}"));
        spec.write_to(&dir).expect("write");
        let before = crate::support::snapshot(&dir.join("content"));
        if let Ok(review) = crate::round_trip::there_and_back(&dir) {
            rolled += 1;
            let after = crate::support::snapshot(&dir.join("content"));
            if let Err(e) = crate::trip::compare(&before, &after, &crate::trip::one_way(&review)) {
                panic!("input {i}: {e}\n{spec:?}");
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(rolled >= 3, "only {rolled} inputs rolled");
}

/// Fuzz finding 3 (`new`, kept as `fuzz/new/finding-3-...`): a title with
/// a character YAML may not hold raw (DEL, the C1 controls) was written
/// as is, and the new file failed `check` (E0102). Each is escaped now, and
/// the title reads back whole.
#[test]
fn finding_3_new_escapes_a_title_yaml_cannot_hold_raw() {
    let dir = crate::support::temp("fuzz-new-title");
    crate::sitegen::write_files(
        &dir,
        &[
            (
                "content/_program.md".into(),
                b"---\ntitle: T\nyears: 1\nstarts: 2025-07-01\ntimezone: UTC\nphases: []\n---\n"
                    .to_vec(),
            ),
            (
                "content/modules/m.md".into(),
                b"---\ntitle: M\nyear: 1\n---\n".to_vec(),
            ),
        ],
    )
    .expect("write");
    let title = "tt\u{7f}\u{85}\u{9f}\u{2028}\u{feff}\u{fffe} end";
    for kind in ["prompt", "session", "page", "person"] {
        let out = crate::support::cairn(&dir, &["new", kind, "y", "--title", title]);
        crate::support::assert_success(&out);
    }
    let (status, json) = crate::support::check_json(&dir, &[]);
    assert_eq!(status, 0, "{json}");
    let checked = cairn::pipeline::check(&dir, &cairn::pipeline::Options::default());
    let page = checked
        .model
        .as_ref()
        .and_then(|m| m.pages.iter().find(|p| p.source.id == "y"))
        .expect("the page");
    assert_eq!(page.title, title);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn diff_corpus_compares_without_panic_and_a_year_matches_itself() {
    use arbitrary::{Arbitrary, Unstructured};
    use cairn::diff::{self, format};
    use cairn::pipeline::{self, Options};
    let corpus = inputs("diff");
    assert!(corpus.len() >= 5);
    for (i, data) in corpus.iter().enumerate() {
        let mut u = Unstructured::new(data);
        let (Ok(past), Ok(current)) = (
            crate::sitegen::SiteSpec::arbitrary(&mut u),
            crate::sitegen::SiteSpec::arbitrary_take_rest(u),
        ) else {
            continue;
        };
        let dir = crate::support::temp(&format!("fuzz-diff-{i}"));
        let past_root = dir.join("archive/2024-25");
        past.write_to(&past_root).expect("write");
        current.write_to(&dir).expect("write");
        let before = pipeline::check(&past_root, &Options::default());
        let after = pipeline::check(&dir, &Options::default());
        if let (Some(b), Some(a)) = (&before.model, &after.model) {
            let d = diff::compare(b, a);
            let _ = (format::human(&d), format::markdown(&d));
            let json: serde_json::Value = serde_json::from_str(&format::json(&d)).expect("json");
            assert!(json.is_object(), "input {i}");
            assert!(diff::compare(a, a).is_empty(), "input {i}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// Fuzz finding 5 (`roll`, kept as `fuzz/roll/finding-5-...`): roll moved
/// a session onto the second day of a two-day one (E0308 after the roll)
/// and said nothing: it compared first days only.
#[test]
fn finding_5_roll_names_a_session_it_moves_into_a_multi_day_one() {
    roll_names_every_error_after_it("finding-5-a-session-rolled-into-a-multi-day-one");
}

/// Fuzz finding 8 (`roll`, `fuzz/run-all.sh` at 00:05 on 8 December 2026):
/// roll moved a two-day session so that its second day fell on a blackout
/// date of the new year (E0311 after the roll) and said nothing: it
/// looked for blackouts on first days only.
#[test]
fn finding_8_roll_names_a_multi_day_session_it_moves_onto_a_blackout() {
    roll_names_every_error_after_it("finding-8-a-session-rolled-onto-a-blackout");
}

/// Fuzz finding 10 (`roll`, `fuzz/run-all.sh` at 01:32 on 8 December
/// 2026): roll moved a session so that it overlapped another and named
/// the clash on the file it was placing, while `check` names E0308 on the
/// later path of the two: the error was on a line no review line named.
#[test]
fn finding_10_roll_names_a_clash_on_the_file_check_names() {
    roll_names_every_error_after_it("finding-10-a-clash-named-on-the-other-file");
}

/// Fuzz finding 9 (`roll`, `fuzz/run-all.sh` at 00:45 on 8 December 2026):
/// a session whose id is dated a fifth Thursday, in a file roll could not
/// read, was renamed to the last Thursday of the new month, one way, and
/// no review line said so (only that its dates were not moved): the way
/// back could not give its name back. Roll now names such an id.
#[test]
fn finding_9_roll_names_a_one_way_id_in_a_file_it_cannot_read() {
    let data = std::fs::read(fixture(
        "fuzz/roll/finding-9-a-one-way-id-in-a-file-roll-cannot-read",
    ))
    .expect("input");
    let spec = crate::sitegen::SiteSpec::from_bytes(&data).expect("a site");
    let dir = crate::support::temp("fuzz-roll-finding-9");
    spec.write_to(&dir).expect("write");
    let before = crate::support::snapshot(&dir.join("content"));
    let review = crate::round_trip::there_and_back(&dir).expect("rolled");
    assert!(
        review.iter().any(|l| l
            .contains("its id's date 2030-08-29 is a fifth Thursday and its new month has none")),
        "{review:#?}"
    );
    let after = crate::support::snapshot(&dir.join("content"));
    let one_way = crate::trip::one_way(&review);
    if let Err(e) = crate::trip::compare(&before, &after, &one_way) {
        panic!("{e}\n{review:#?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Each error after the roll of the clean site kept as `fuzz/roll/NAME` is
/// on a line a `review:` line names.
fn roll_names_every_error_after_it(name: &str) {
    let data = std::fs::read(fixture(&format!("fuzz/roll/{name}"))).expect("input");
    let spec = crate::sitegen::SiteSpec::from_bytes(&data).expect("a site");
    let dir = crate::support::temp(&format!("fuzz-roll-{name}"));
    spec.write_to(&dir).expect("write");
    assert_eq!(crate::support::check_json(&dir, &[]).0, 0);
    let review = crate::roll::roll(&dir, &[]);
    let (_, json) = crate::support::check_json(&dir, &[]);
    for d in json["diagnostics"].as_array().expect("diagnostics") {
        if d["severity"] != "error" {
            continue;
        }
        let at = format!(
            "review: {}:{} ",
            d["file"].as_str().unwrap_or(""),
            d["line"]
        );
        assert!(review.contains(&at), "{d}\n{review}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Fuzz finding 6 (`new`, `fuzz/run-all.sh` at 22:55 on 7 December 2026):
/// `cairn new session e` gave the new session the first weekday of the year
/// although a session already met that day, and the site failed `check`
/// (E0308). A computed date now steps over days a session meets on (a
/// multi-day one's every day), and a date id on one is refused with the
/// next free day.
#[test]
fn finding_6_new_steps_over_a_day_a_session_meets_on() {
    let dir = crate::support::temp("fuzz-new-taken");
    crate::sitegen::write_files(
        &dir,
        &[
            (
                "content/_program.md".into(),
                b"---\ntitle: T\nyears: 1\nstarts: 2025-07-01\ntimezone: UTC\nphases: []\n---\n"
                    .to_vec(),
            ),
            (
                "content/sessions/s0.md".into(),
                b"---\ntitle: S\ndate: 2025-07-01\nend_date: 2025-07-02\n---\n".to_vec(),
            ),
        ],
    )
    .expect("write");
    let out = crate::support::cairn(&dir, &["new", "session", "e"]);
    crate::support::assert_success(&out);
    let written = std::fs::read_to_string(dir.join("content/sessions/e.md")).expect("e.md");
    assert!(written.contains("date: 2025-07-03"), "{written}");
    let out = crate::support::cairn(&dir, &["new", "session", "2025-07-02-x"]);
    assert_eq!(out.status.code(), Some(2));
    let said =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("`s0`") && said.contains("`2025-07-04-x`"),
        "{said}"
    );
    assert!(!dir.join("content/sessions/2025-07-02-x.md").exists());
    let (status, json) = crate::support::check_json(&dir, &[]);
    assert_eq!(status, 0, "{json}");
    let _ = std::fs::remove_dir_all(&dir);
}
