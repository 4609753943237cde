//! The authoring loop: `init`, `new`, `schema`.

use crate::support::{assert_success, cairn, repo, temp};
use cairn::front_matter;

#[test]
fn init_then_build_passes_with_no_warnings() {
    let dir = temp("init");
    let d = dir.to_str().expect("utf-8");
    let out = cairn(&std::env::temp_dir(), &["init", d]);
    assert_success(&out);
    let out = cairn(&dir, &["--root", d, "build", "--deny-warnings"]);
    assert_success(&out);
    assert!(dir.join("public/index.html").is_file());
    // No warning at all, not only an exit status that says so.
    let (status, json) = crate::support::check_json(&dir, &["--deny-warnings"]);
    assert_eq!(
        (status, &json["warnings"], &json["errors"]),
        (0, &0.into(), &0.into()),
        "{json}"
    );
    // A second init refuses the now non-empty folder.
    assert_eq!(
        cairn(&std::env::temp_dir(), &["init", d]).status.code(),
        Some(2)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn new_for_every_kind_then_check_passes() {
    let dir = temp("new");
    let d = dir.to_str().expect("utf-8");
    assert_eq!(
        cairn(&std::env::temp_dir(), &["init", d]).status.code(),
        Some(0)
    );
    for kind in [
        "module", "session", "reading", "prompt", "person", "project", "page", "group",
    ] {
        let id = format!("fresh-{kind}");
        let out = cairn(&dir, &["new", kind, &id, "--title", "A <new> \"one\""]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{kind}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // The same id again is refused.
        assert_eq!(
            cairn(&dir, &["new", kind, &id]).status.code(),
            Some(2),
            "{kind}"
        );
    }
    assert_eq!(
        cairn(&dir, &["new", "page", "calendar"]).status.code(),
        Some(2)
    );
    assert_eq!(
        cairn(&dir, &["new", "page", "Bad_Id"]).status.code(),
        Some(2)
    );
    let out = cairn(&dir, &["check"]);
    assert_success(&out);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn init_accepts_a_folder_holding_only_dot_files() {
    let dir = temp("init-git");
    std::fs::create_dir_all(dir.join(".git/refs")).expect("mkdir");
    std::fs::write(dir.join(".git/HEAD"), "ref: refs/heads/main\n").expect("write");
    std::fs::write(dir.join(".gitignore"), "target/").expect("write");
    let d = dir.to_str().expect("utf-8");
    let out = cairn(&std::env::temp_dir(), &["init", d]);
    assert_success(&out);
    // The clone's files are kept; its .gitignore gets the starter's lines.
    assert_eq!(
        std::fs::read_to_string(dir.join(".git/HEAD")).expect("kept"),
        "ref: refs/heads/main\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join(".gitignore")).expect("kept"),
        "target/\npublic/\n"
    );
    assert!(dir.join(".github/workflows/site.yml").is_file());
    assert_success(&cairn(&dir, &["--root", d, "build", "--deny-warnings"]));
    let _ = std::fs::remove_dir_all(&dir);

    // A folder with anything else is refused, and named.
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("notes.txt"), "mine").expect("write");
    let out = cairn(&std::env::temp_dir(), &["init", d]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("notes.txt"));
    assert_eq!(std::fs::read_dir(&dir).expect("list").count(), 1);
    let help = cairn(&std::env::temp_dir(), &["init", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains(".git/"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_new_session_is_a_seminar_unless_kind_says_otherwise() {
    let dir = temp("new-kind");
    let d = dir.to_str().expect("utf-8");
    assert_success(&cairn(&std::env::temp_dir(), &["init", d]));
    let read = |id: &str| {
        std::fs::read_to_string(dir.join(format!("content/sessions/{id}.md"))).expect("new")
    };
    assert_success(&cairn(&dir, &["new", "session", "plain-one"]));
    let plain = read("plain-one");
    assert!(plain.contains("\nkind: seminar\n"), "{plain}");
    // A seminar needs a module when the program has any: it gets one.
    assert!(plain.contains("\nmodule: "), "{plain}");
    assert_success(&cairn(
        &dir,
        &["new", "session", "hands-on", "--kind", "workshop"],
    ));
    let workshop = read("hands-on");
    assert!(workshop.contains("\nkind: workshop\n"), "{workshop}");
    assert!(workshop.contains("\n# module: "), "{workshop}");
    assert_success(&cairn(
        &dir,
        &["new", "session", "readers", "--kind", "book-club"],
    ));
    let bad = cairn(&dir, &["new", "session", "odd-one", "--kind", "party"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("book-club"));
    let bad = cairn(&dir, &["new", "module", "odd-module", "--kind", "workshop"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(!dir.join("content/modules/odd-module.md").exists());
    // The seminar passes check (the others fall on its day: set aside).
    for id in ["hands-on", "readers"] {
        std::fs::remove_file(dir.join(format!("content/sessions/{id}.md"))).expect("rm");
    }
    assert_success(&cairn(&dir, &["check"]));

    // `new --help` names every kind of file, and every session kind.
    let help = cairn(&dir, &["new", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    for kind in [
        "module", "session", "reading", "prompt", "person", "project", "page", "group",
    ] {
        assert!(help.contains(kind), "{kind}: {help}");
    }
    for kind in [
        "seminar",
        "book-club",
        "discussion",
        "workshop",
        "community",
        "orientation",
        "forum",
        "graduation",
        "other",
    ] {
        assert!(help.contains(kind), "{kind}: {help}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

fn schema_for(kind: &str) -> jsonschema::Validator {
    let out = cairn(&repo(), &["schema", kind]);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

/// Every front matter file of the site at `root` validated, by the
/// independent validator, against `cairn schema KIND` for its folder: the
/// program, `years/` and every collection of the registry (so a collection
/// added later is checked without a line here). Each collection must have at
/// least one file, so a kind cannot be left out by having nothing to check.
fn assert_every_file_fits_its_schema(root: &std::path::Path) {
    use cairn::layout::Collection;
    let check = |kind: &str, path: &std::path::Path| {
        let text = std::fs::read_to_string(path).expect("read");
        let split = front_matter::split(&text).expect("front matter");
        let node = front_matter::parse(split.yaml, "x").expect("yaml");
        let value = front_matter::to_json(&node);
        let errors: Vec<String> = schema_for(kind)
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    };
    check("program", &root.join("content/_program.md"));
    let kinds = Collection::ALL
        .iter()
        .map(|c| (c.dir(), c.singular()))
        .chain([("years", "year")]);
    for (dir, kind) in kinds {
        let mut checked = 0;
        for entry in walkdir::WalkDir::new(root.join("content").join(dir))
            .into_iter()
            .filter_map(Result::ok)
        {
            if entry.path().extension().is_some_and(|e| e == "md") {
                check(kind, entry.path());
                checked += 1;
            }
        }
        assert!(
            checked > 0,
            "{}: no file under content/{dir}/ to check",
            root.display()
        );
    }
}

#[test]
fn the_schema_accepts_every_front_matter_of_the_demo_and_the_kitchen_sink() {
    assert_every_file_fits_its_schema(&repo());
    assert_every_file_fits_its_schema(&crate::support::fixture("kitchen-sink"));
}

#[test]
fn the_schema_rejects_unknown_fields_and_values() {
    let v = schema_for("session");
    assert!(!v.is_valid(&serde_json::json!({ "title": "x", "date": "2025-09-18", "titel": "y" })));
    assert!(
        !v.is_valid(&serde_json::json!({ "title": "x", "date": "2025-09-18", "kind": "lecture" }))
    );
    // Groups too (issue 26): what `cairn check` refuses, the schema refuses.
    let v = schema_for("group");
    assert!(v.is_valid(&serde_json::json!({ "title": "Small group A" })));
    assert!(!v.is_valid(&serde_json::json!({ "title": "Small group A", "leader": "dana-reyes" })));
    assert!(!v.is_valid(&serde_json::json!({ "title": "Small group A", "kind": "circle" })));
    assert!(!v.is_valid(&serde_json::json!({ "kind": "pair" })));
}

/// Every property name in a schema, nested objects included.
fn property_names(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            map.values().for_each(|x| property_names(x, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|x| property_names(x, out)),
        _ => {}
    }
}

#[test]
fn the_authoring_reference_names_every_field_the_parser_accepts() {
    let guide =
        std::fs::read_to_string(repo().join("docs/authoring.md")).expect("docs/authoring.md");
    let out = cairn(&repo(), &["schema"]);
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut names = std::collections::BTreeSet::new();
    property_names(&all, &mut names);
    assert!(names.len() > 40, "{names:?}");
    // A field is named as `field`, or inside a dotted path such as `schedule.months`.
    let named = |n: &str| {
        guide.contains(&format!("`{n}`"))
            || guide.contains(&format!("`{n}."))
            || guide.contains(&format!(".{n}`"))
    };
    let missing: Vec<&String> = names.iter().filter(|n| !named(n)).collect();
    assert!(
        missing.is_empty(),
        "docs/authoring.md does not document: {missing:?}"
    );
}
