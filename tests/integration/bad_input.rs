//! Hostile and broken files each end in a diagnostic and exit 1: never a
//! panic, a hang or unbounded memory (the support timeout guards hangs).

use crate::support::{cairn, check_json};
use std::path::PathBuf;

/// A fresh valid site in a temporary folder, plus one extra file.
fn site_with(name: &str, file: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cairn-bad-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("content/sessions")).expect("mkdir");
    std::fs::write(
        dir.join("content/_program.md"),
        "---\ntitle: Bad Input\nyears: 1\nstarts: 2025-07-01\ntimezone: America/Chicago\nphases: []\n---\n",
    )
    .expect("write");
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
    dir
}

fn expect_code(name: &str, bytes: &[u8], code: &str) {
    let dir = site_with(name, "content/sessions/x.md", bytes);
    let (status, out) = check_json(&dir, &[]);
    assert_eq!(status, 1, "{name}: {out}");
    let codes: Vec<&str> = out["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(
        codes.contains(&code),
        "{name}: expected {code}, got {codes:?}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_empty_file_has_no_front_matter() {
    expect_code("empty", b"", "E0101");
}

#[test]
fn a_file_that_is_only_dashes_is_not_closed() {
    expect_code("dashes", b"---", "E0101");
}

#[test]
fn invalid_utf8_is_reported() {
    expect_code("utf8", b"---\ntitle: caf\xe9\n---\n", "E0106");
}

#[test]
fn a_binary_file_named_md_is_reported() {
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    expect_code("binary", &bytes, "E0106");
}

#[test]
fn a_five_megabyte_front_matter_is_over_a_limit() {
    let mut text = String::from("---\ntitle: Big\nobjectives:\n");
    while text.len() < 5 * 1024 * 1024 {
        text.push_str("  - a line of text that repeats to make the front matter huge\n");
    }
    text.push_str("---\n");
    expect_code("huge", text.as_bytes(), "E0110");
}

#[test]
fn yaml_nested_ten_thousand_levels_is_over_a_limit() {
    let text = format!(
        "---\ntitle: Deep\nobjectives: {}{}\n---\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    expect_code("deep", text.as_bytes(), "E0110");
}

#[test]
fn a_yaml_alias_bomb_is_over_a_limit() {
    let mut text = String::from("---\ntitle: Bomb\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h"])
    {
        text.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 10].join(", ")
        ));
    }
    text.push_str("---\n");
    expect_code("bomb", text.as_bytes(), "E0110");
}

#[test]
fn new_refuses_an_accented_id_and_suggests_it_in_ascii() {
    // Issue 25: `josé-garcía` was offered `jos--garc-a`; the refusal now
    // names the transliterated id, as E0109 and E0201 do.
    for (id, wanted) in [("josé-garcía", "`jose-garcia`"), ("straße", "`strasse`")] {
        let out = cairn(&std::env::temp_dir(), &["new", "person", id]);
        assert_eq!(out.status.code(), Some(2), "{id}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(wanted), "{id}: {err}");
    }
}

#[test]
fn utf16_files_are_named_as_such_and_latin1_is_shown_at_its_byte() {
    // Issue 25: both pointed at 1:1 with an empty line, saying only "not UTF-8".
    let text = "---\ntitle: Coffee\n---\n";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [("utf16le", le), ("utf16be", be)] {
        let dir = site_with(name, "content/sessions/x.md", &bytes);
        let (status, out) = check_json(&dir, &[]);
        assert_eq!(status, 1, "{name}: {out}");
        let d = &out["diagnostics"][0];
        assert_eq!(d["code"], "E0106", "{name}: {out}");
        assert!(
            d["message"].as_str().is_some_and(|m| m.contains("UTF-16")),
            "{name}: {out}"
        );
        let _ = std::fs::remove_dir_all(dir);
    }
    let dir = site_with(
        "latin1",
        "content/sessions/x.md",
        b"---\ntitle: Caf\xe9 Hour\n---\n",
    );
    let out = cairn(&dir, &["check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("content/sessions/x.md:2:11"), "{err}");
    assert!(
        err.contains("title: Caf\u{fffd} Hour"),
        "the line is shown: {err}"
    );
    assert!(err.contains("save the file as UTF-8"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_unreadable_program_hides_no_other_problem() {
    // Issue 25 / SPEC 9.1: one YAML error in _program.md hid every other
    // problem. The other files are still checked for all that needs no
    // program, and one note says what was skipped (human and JSON).
    let dir = site_with(
        "no-program",
        "content/sessions/2025-09-listening.md",
        b"---\ntitle: Listening\ndate: 2025-09-18\nmodule: listening-frist\n---\nSee @/x.\n",
    );
    std::fs::write(
        dir.join("content/_program.md"),
        "---\ntitle: Bad Input\n  years: 1\nstarts: 2025-07-01\n---\n",
    )
    .expect("write");
    std::fs::create_dir_all(dir.join("content/modules")).expect("mkdir");
    std::fs::write(
        dir.join("content/modules/listening-first.md"),
        "---\ntitle: Listening First\nyear: 1\n---\nSee [the plan](@/modules/nope.md).\n",
    )
    .expect("write");
    let (status, out) = check_json(&dir, &[]);
    assert_eq!(status, 1, "{out}");
    let found: Vec<(String, String)> = out["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["file"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    for (code, file) in [
        ("E0102", "content/_program.md"),
        ("E0201", "content/sessions/2025-09-listening.md"),
        ("E0202", "content/modules/listening-first.md"),
    ] {
        assert!(
            found.iter().any(|(c, f)| c == code && f == file),
            "{code} {file}: {out}"
        );
    }
    let notes = out["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 1, "{out}");
    assert!(
        notes[0].as_str().is_some_and(|n| n.contains("skipped")),
        "{out}"
    );
    let e0102 = &out["diagnostics"][0];
    assert!(
        e0102["help"]
            .as_str()
            .is_some_and(|h| h.contains("line 3 is indented")),
        "{e0102}"
    );
    let human = cairn(&dir, &["check"]);
    let err = String::from_utf8_lossy(&human.stderr);
    assert_eq!(err.matches("\nnote: ").count(), 1, "{err}");
    let _ = std::fs::remove_dir_all(dir);
}
