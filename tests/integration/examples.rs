//! The demo curriculum and the examples: the valid ones pass with
//! `--deny-warnings`; the broken one says what it should (a snapshot).

use crate::support::{cairn, repo};

fn passes(dir: &std::path::Path) {
    let root = dir.to_str().expect("utf-8");
    let out = cairn(dir, &["--root", root, "check", "--deny-warnings"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_demo_curriculum_is_valid_without_warnings() {
    passes(&repo());
}

#[test]
fn the_ten_month_example_is_valid_without_warnings() {
    passes(&repo().join("examples/ten-month"));
}

#[test]
fn the_minimal_example_is_valid_without_warnings() {
    passes(&repo().join("examples/minimal"));
}

#[test]
fn the_starter_is_valid_without_warnings() {
    passes(&repo().join("examples/starter"));
}

#[test]
fn the_broken_example_shows_each_mistake() {
    let dir = repo().join("examples/broken");
    let out = cairn(&dir, &["--root", ".", "check"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stderr));
}
