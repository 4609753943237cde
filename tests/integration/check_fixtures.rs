//! Two check fixtures held more closely than their `expect.json`. Every case
//! under `tests/fixtures/check/` is also its own test, `check::<case>`, in the
//! `check_fixtures` target (`tests/check_fixtures/`).

use crate::support::{check_json, fixture};

#[test]
fn the_valid_base_site_gives_no_diagnostics_at_all() {
    let (status, out) = check_json(&fixture("check/valid-base"), &[]);
    assert_eq!(status, 0);
    assert_eq!(out["diagnostics"], serde_json::json!([]), "{out}");
}

#[test]
fn the_sample_case_of_the_contract() {
    let (status, out) = check_json(&fixture("check/sample-case"), &[]);
    assert_eq!(status, 1);
    let ds = out["diagnostics"].as_array().expect("a list");
    let d = ds.iter().find(|d| d["code"] == "E0201").expect("E0201");
    assert_eq!(d["file"], "content/sessions/2025-09-listening.md");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(4), Some(9))
    );
    assert!(
        d["help"]
            .as_str()
            .is_some_and(|h| h.contains("listening-first"))
    );
}
