//! Snapshots of the human output: what a curriculum designer reads.

use crate::support::{cairn, fixture};

fn human(case: &str) -> String {
    let dir = fixture(case);
    let out = cairn(&dir, &["--root", ".", "check"]);
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn unknown_reference_with_did_you_mean() {
    insta::assert_snapshot!(human("check/sample-case"));
}

#[test]
fn three_field_errors_in_one_file() {
    insta::assert_snapshot!(human("check/three-field-errors"));
}

#[test]
fn a_prerequisite_cycle() {
    insta::assert_snapshot!(human("check/E0301-three-cycle"));
}
