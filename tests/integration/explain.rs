//! `cairn explain`: every code has a text; unknown codes exit 2.

use crate::support::{cairn, repo};

#[test]
fn explains_every_code_and_refuses_unknown_ones() {
    let out = cairn(&repo(), &["explain", "E0201"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("E0201: "));
    let out = cairn(&repo(), &["explain", "E9999"]);
    assert_eq!(out.status.code(), Some(2));
}
