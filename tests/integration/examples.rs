//! The demo curriculum and the examples: the valid ones pass with
//! `--deny-warnings`; the broken one says what it should (a snapshot).

use crate::support::{cairn, check_json, repo};

/// Valid with `--deny-warnings`: exit 0 and, in the JSON, no diagnostic at
/// all (`errors` and `warnings` 0), so a flag that were ignored, or a warning
/// that exits 0, still fails here.
fn passes(dir: &std::path::Path) {
    let (status, json) = check_json(dir, &["--deny-warnings"]);
    assert_eq!(status, 0, "{}: {json}", dir.display());
    assert_eq!(
        (&json["errors"], &json["warnings"], &json["diagnostics"]),
        (&0.into(), &0.into(), &serde_json::json!([])),
        "{}: {json}",
        dir.display()
    );
}

#[test]
fn the_demo_curriculum_is_valid_without_warnings() {
    passes(&repo());
}

/// One example per shape of program the five source programs describe
/// (`../shared/seeds/`): each is clean under `--deny-warnings`.
#[test]
fn every_program_shape_example_is_valid_without_warnings() {
    let examples = crate::support::valid_examples();
    assert!(examples.len() >= 7, "{examples:?}");
    for (_, dir) in examples {
        passes(&dir);
    }
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

/// Every key used anywhere in a front matter tree, nested ones included.
fn keys(node: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match node {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

/// Schema property names of one kind, nested objects included.
fn schema_fields(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            map.values().for_each(|x| schema_fields(x, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|x| schema_fields(x, out)),
        _ => {}
    }
}

#[test]
fn the_demo_uses_every_collection_and_every_field() {
    let content = repo().join("content");
    let kinds = [
        ("program", "_program.md"),
        ("year", "years"),
        ("module", "modules"),
        ("session", "sessions"),
        ("reading", "readings"),
        ("prompt", "prompts"),
        ("person", "people"),
        ("project", "projects"),
        ("page", "pages"),
        ("group", "groups"),
    ];
    let mut counts = std::collections::BTreeMap::new();
    for (kind, dir) in kinds {
        let mut used = std::collections::BTreeSet::new();
        let mut files = 0;
        for entry in walkdir::WalkDir::new(content.join(dir))
            .into_iter()
            .filter_map(Result::ok)
        {
            if entry.path().extension().is_none_or(|e| e != "md") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).expect("read");
            let split = cairn::front_matter::split(&text).expect("front matter");
            let node = cairn::front_matter::parse(split.yaml, "x").expect("yaml");
            keys(&cairn::front_matter::to_json(&node), &mut used);
            files += 1;
        }
        counts.insert(dir, files);
        let out = cairn(&repo(), &["schema", kind]);
        let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("schema");
        let mut fields = std::collections::BTreeSet::new();
        schema_fields(&schema, &mut fields);
        let unused: Vec<&String> = fields.difference(&used).collect();
        assert!(
            unused.is_empty(),
            "the demo's {kind} files never use {unused:?}"
        );
    }
    for (dir, least) in [
        ("sessions", 20),
        ("modules", 8),
        ("readings", 10),
        ("prompts", 8),
        ("people", 10),
        ("projects", 4),
        ("pages", 5),
        ("groups", 3),
    ] {
        assert!(
            counts[dir] >= least,
            "{dir}: {} files, expected at least {least}",
            counts[dir]
        );
    }
    assert!(repo().join("static").is_dir());
}

/// Issue 29.5: the Spanish example reads as a Spanish-speaking program
/// writes (dates from CLDR, labels from the `es` table, `<html lang>`).
#[test]
fn the_spanish_example_reads_in_spanish() {
    let out = crate::support::temp("example-es");
    let o = crate::support::build_into(&repo().join("examples/es"), &out, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let sessions = std::fs::read_to_string(out.join("sessions/index.html")).expect("sessions");
    assert!(
        sessions.contains("<html lang=\"es\""),
        "the page says its language"
    );
    assert!(
        sessions.contains("miércoles, 16 de septiembre de 2026"),
        "a date as a Spanish reader writes it"
    );
    let home = std::fs::read_to_string(out.join("index.html")).expect("home");
    assert!(home.contains("Sesiones"), "labels from the Spanish table");
}
