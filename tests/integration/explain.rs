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

#[test]
fn every_code_is_explained_and_in_the_checks_reference() {
    let reference = std::fs::read_to_string(repo().join("docs/checks.md")).expect("docs/checks.md");
    for code in cairn::diagnostics::Code::ALL {
        let out = cairn(&repo(), &["explain", code.as_str()]);
        assert_eq!(out.status.code(), Some(0), "{code}");
        assert!(
            reference.contains(&format!("\n### {code}: ")),
            "docs/checks.md does not describe {code}"
        );
    }
}

#[test]
fn the_crate_emits_only_codes_it_can_explain() {
    // Every code the source names is a variant of the one enum: a literal
    // code string anywhere else under src/ would bypass it.
    for entry in walkdir::WalkDir::new(repo().join("src"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .filter(|e| !e.path().ends_with("diagnostics/codes.rs"))
    {
        let text = std::fs::read_to_string(entry.path()).expect("read");
        for (n, line) in text.lines().enumerate() {
            let quoted = line.match_indices('"').any(|(i, _)| {
                let rest = &line[i + 1..];
                rest.len() >= 6
                    && (rest.starts_with('E') || rest.starts_with('W'))
                    && rest[1..5].bytes().all(|b| b.is_ascii_digit())
                    && rest.as_bytes()[5] == b'"'
            });
            assert!(
                !quoted,
                "{}:{}: a code written as a string; use diagnostics::Code",
                entry.path().display(),
                n + 1
            );
        }
    }
}

#[test]
fn explain_names_the_fields_that_exempt_from_w0204_and_w0305() {
    // The fix a user needs is a field: a module's `resources` (W0204) or
    // its `self_paced` work (W0305); the texts must name them (issue 25).
    for (code, field) in [("W0204", "`resources`"), ("W0305", "`self_paced`")] {
        let out = cairn(&repo(), &["explain", code]);
        assert_eq!(out.status.code(), Some(0), "{code}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains(field),
            "{code} does not name {field}:\n{text}"
        );
    }
}
