//! The user guide: README.md stays a short introduction whose links all lead
//! somewhere, and `docs/checks.md` is generated from `src/explain/*.md`, so
//! the checks reference and `cairn explain` never differ.
//!
//! Regenerate the checks reference after editing an explanation with
//! `CAIRN_BLESS=1 cargo test --test integration checks_reference`.

use crate::support::repo;
use cairn::diagnostics::{Code, Severity};

/// Where the generated part of `docs/checks.md` starts: the prose above it
/// is written by hand and kept as committed.
const MARKER: &str = "<!-- Everything below this line is generated from src/explain/*.md";

/// The family heading of a code, from its second and third digits.
fn family(code: Code) -> &'static str {
    match &code.as_str()[1..3] {
        "01" => "Reading files (E01xx)",
        "02" => "References and links (E02xx)",
        "03" => "Sequencing and schedule (E03xx)",
        "04" => "Static files (E04xx)",
        _ => "Other checks",
    }
}

/// The generated part: one section per code, under its family, with the
/// explanation as `cairn explain` prints it.
fn generated() -> String {
    let mut out = String::new();
    let mut last_family = "";
    for &code in Code::ALL {
        if family(code) != last_family {
            last_family = family(code);
            out.push_str(&format!("\n## {last_family}\n"));
        }
        let severity = match code.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let text = code.explanation();
        let body = text.split_once('\n').map_or("", |(_, rest)| rest);
        out.push_str(&format!(
            "\n### {code}: {} ({severity})\n\n{}\n",
            code.title(),
            body.trim()
        ));
    }
    out
}

/// The first line where two texts differ, both sides shown.
fn first_difference(committed: &str, expected: &str) -> String {
    let (mut a, mut b) = (committed.lines(), expected.lines());
    for n in 1.. {
        match (a.next(), b.next()) {
            (None, None) => break,
            (x, y) if x == y => {}
            (x, y) => {
                return format!(
                    "line {n}:\n- committed: {}\n+ generated: {}",
                    x.unwrap_or("(end of file)"),
                    y.unwrap_or("(end of file)")
                );
            }
        }
    }
    "(only line ends differ)".to_owned()
}

#[test]
fn the_checks_reference_is_generated_from_the_explanations() {
    let path = repo().join("docs/checks.md");
    let committed = std::fs::read_to_string(&path).expect("docs/checks.md");
    let Some(at) = committed.find(MARKER) else {
        panic!("docs/checks.md lost its marker line `{MARKER}`");
    };
    let head_end = committed[at..]
        .find("-->")
        .map_or(committed.len(), |i| at + i + 3);
    let expected = format!("{}\n{}", &committed[..head_end], generated());
    if committed == expected {
        return;
    }
    if std::env::var_os("CAIRN_BLESS").is_some() {
        std::fs::write(&path, &expected).expect("write docs/checks.md");
        return;
    }
    panic!(
        "docs/checks.md differs from src/explain/*.md at {}\n\
         regenerate it with `CAIRN_BLESS=1 cargo test --test integration checks_reference`",
        first_difference(&committed, &expected)
    );
}

/// The targets of a page's Markdown links to files of the repository: not
/// addresses with a scheme (`https:`, `data:`) nor anchors of the page itself, and not the examples of
/// cairn's own links shown in code (fenced or indented blocks, `code spans`).
fn local_links(text: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced && !line.starts_with("    ") {
            // Every other backtick opens a code span; keep what is outside.
            prose.extend(line.split('`').step_by(2).flat_map(|s| [s, " "]));
            prose.push('\n');
        }
    }
    prose
        .match_indices("](")
        .map(|(i, _)| {
            let rest = &prose[i + 2..];
            rest[..rest.find(')').unwrap_or(rest.len())].to_owned()
        })
        // `@/...` and `/...` are cairn's own links.
        .filter(|t| !t.contains(':') && !t.starts_with(['#', '@', '/']))
        .collect()
}

#[test]
fn the_readme_is_a_short_introduction_whose_links_lead_somewhere() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README");
    let lines = readme.lines().count();
    assert!(
        lines < 200,
        "README.md has {lines} lines; the guide lives in docs/"
    );
    // The two set-up commands, exactly: `.ci/run` runs the second.
    for command in [
        "cargo run --release -- build",
        "cargo test --release && tests/browser/run",
    ] {
        assert!(readme.contains(command), "README.md lost `{command}`");
    }
    let ci = std::fs::read_to_string(repo().join(".ci/run")).expect(".ci/run");
    assert!(ci.contains("\ncargo test --release && tests/browser/run\n"));
    // Status speaks of features: no "issue 17" that a reader cannot look up.
    assert!(
        !readme.to_lowercase().contains("issue "),
        "README.md cites an issue number"
    );
    // Every relative link names a file of the repository.
    for target in local_links(&readme) {
        let file = target.split('#').next().unwrap_or(&target);
        assert!(
            repo().join(file).exists(),
            "README.md links to {target}, which does not exist"
        );
    }
}

#[test]
fn the_guide_links_lead_somewhere() {
    // The pages moved out of the README link to each other and back.
    for page in [
        "docs/authoring.md",
        "docs/checks.md",
        "docs/decisions.md",
        "docs/hardening.md",
        "benches/README.md",
        "ARCHITECTURE.md",
        "CONTRIBUTING.md",
    ] {
        let path = repo().join(page);
        let text = std::fs::read_to_string(&path).expect(page);
        let dir = path.parent().expect("a folder");
        for target in local_links(&text) {
            let file = target.split('#').next().unwrap_or(&target);
            assert!(
                dir.join(file).exists(),
                "{page} links to {target}, which does not exist"
            );
        }
    }
}
