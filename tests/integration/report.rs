//! `cairn report` (SPEC 9.4) and the curriculum map's figures: the demo and
//! every valid example in all three formats, the JSON validated against
//! `cairn schema report` by the `jsonschema` crate, the CSV read back by
//! Python's `csv` module, one year of the demo's figures checked by hand,
//! no participant named, and `-o` refusing a folder cairn did not write.

use crate::support::{assert_success, cairn, fixture, repo};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn sites() -> Vec<PathBuf> {
    let mut sites = vec![repo(), fixture("kitchen-sink")];
    sites.extend(
        crate::support::valid_examples()
            .into_iter()
            .map(|(_, dir)| dir),
    );
    sites
}

fn report(site: &Path, extra: &[&str]) -> std::process::Output {
    let root = site.to_str().expect("utf-8");
    let mut args = vec!["--root", root, "report"];
    args.extend_from_slice(extra);
    cairn(site, &args)
}

fn report_json(site: &Path) -> serde_json::Value {
    let out = report(site, &["--format", "json"]);
    assert_success(&out);
    serde_json::from_slice(&out.stdout).expect("json")
}

/// Python's `csv` reads `text` (tables separated by a blank line, each after
/// a line with its name): `{section: [header, rows...]}` as JSON, every row
/// as long as its header.
fn python_tables(text: &[u8]) -> serde_json::Value {
    let script = r#"
import csv, io, json, sys
text = sys.stdin.read()
tables, name = {}, None
for row in csv.reader(io.StringIO(text, newline="")):
    if not row:
        name = None
    elif name is None:
        assert len(row) == 1, row
        name = row[0]
        tables[name] = []
    else:
        tables[name].append(row)
for name, rows in tables.items():
    assert rows, name
    assert all(len(r) == len(rows[0]) for r in rows), name
print(json.dumps(tables))
"#;
    python(script, text)
}

fn python(script: &str, input: &[u8]) -> serde_json::Value {
    use std::io::Write;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write");
    let out = child.wait_with_output().expect("python3 ends");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cairn-test-report-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn every_site_reports_in_three_formats() {
    let out = cairn(&repo(), &["schema", "report"]);
    assert_success(&out);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("schema");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    for site in sites() {
        let name = site.display().to_string();
        let json = report_json(&site);
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        let years = json["years"].as_array().expect("years");
        assert!(!years.is_empty(), "{name}");

        let md = report(&site, &[]);
        assert_success(&md);
        let md = String::from_utf8(md.stdout).expect("utf-8");
        assert!(
            md.starts_with("# Annual Program Evaluation: "),
            "{name}: {md}"
        );
        for y in years {
            let title = y["title"].as_str().expect("title");
            assert!(md.contains(&format!("\n## {title}\n")), "{name}: {title}");
        }

        let csv = report(&site, &["--format", "csv"]);
        assert_success(&csv);
        let tables = python_tables(&csv.stdout);
        for section in [
            "sessions",
            "sessions_by_kind",
            "sessions_by_phase",
            "attendance",
            "competencies",
            "workload",
            "outcomes",
            "people",
            "changes",
        ] {
            assert!(tables[section].is_array(), "{name}: {section}");
        }
        // One row per year, one per year and competency, twelve months a year.
        let rows = |s: &str| tables[s].as_array().map_or(0, |t| t.len() - 1);
        let comps = json["years"][0]["competencies"]
            .as_array()
            .map_or(0, Vec::len);
        assert_eq!(rows("sessions"), years.len(), "{name}");
        assert_eq!(rows("competencies"), years.len() * comps, "{name}");
        assert_eq!(rows("workload"), years.len() * 12, "{name}");
        assert_eq!(
            rows("outcomes"),
            json["outcomes"].as_array().map_or(0, Vec::len),
            "{name}"
        );

        // One file per section with -o DIR: each parses alone.
        let dir = scratch("csv-dir");
        let out = report(
            &site,
            &["--format", "csv", "-o", dir.to_str().expect("utf-8")],
        );
        assert_success(&out);
        for section in ["sessions", "competencies", "workload", "people"] {
            let text = std::fs::read(dir.join(format!("{section}.csv"))).expect(section);
            let mut framed = format!("{section}\n").into_bytes();
            framed.extend(text);
            let t = python_tables(&framed);
            assert_eq!(t[section], tables[section], "{name}: {section}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// Year 2 of the demo, summed by hand from `content/` (the 2026-27 files):
///
/// Sessions attended by year 2: the 13 files of `sessions/year-2/` and four
/// joint ones (the reflection circle, the winter retreat, the Equity Forum,
/// graduation; the film screening is a draft): 17.
/// Meetings: 16 single sessions + the circle's 6 dates (fourth Thursdays
/// 2026-09-24 to 2027-05-27: 2026-11-26 and 2026-12-24 are blackouts,
/// 2027-03-25 is an `except`) = 22.
/// Contact minutes: the 10 seminars and the kickoff workshop at the default
/// 18:00-20:00 (kickoff, careers, industry, volunteerism, philanthropy,
/// hospital administration, public policy, organized medicine, works in
/// progress, peer review, rehearsal) 11 x 120 = 1320; the book club and
/// "Leading while tired" 18:30-20:00, 2 x 90 = 180; the circle 6 x 60 = 360;
/// the retreat's `hours` 09:00-21:00 and 09:00-15:00, 720 + 360 = 1080; the
/// forum 17:00-20:00, 180; graduation 17:30-20:30, 180.
/// 1320 + 180 + 360 + 1080 + 180 + 180 = 3300 minutes = 55 hours.
/// Reading pages (required readings, each once): rodriguez-minority-tax 5,
/// oh-diversity-in-research 9, mountains-beyond-mountains 336,
/// fearless-organization 256, metzl-structural-competency 8 (dare-to-lead,
/// 320, is optional) = 614.
/// Minutes (self-paced work of the year-2 modules; none of those readings
/// gives minutes): academic medicine 45, policy 30, service 40 = 115.
#[test]
fn demo_year_two_figures_match_the_content() {
    let json = report_json(&repo());
    let y = &json["years"][1];
    assert_eq!(y["year"], 2);
    assert_eq!(y["sessions"]["sessions"], 17);
    assert_eq!(y["sessions"]["meetings"], 22);
    assert_eq!(y["sessions"]["contact_minutes"], 3300);
    assert_eq!(y["sessions"]["hours"], 55.0);
    let months = y["workload"].as_array().expect("workload");
    let sum = |k: &str| {
        months
            .iter()
            .map(|m| m[k].as_u64().unwrap_or(0))
            .sum::<u64>()
    };
    assert_eq!(sum("pages"), 614);
    assert_eq!(sum("minutes"), 115);
    // The retreat: one session of kind `other`, its two days' hours.
    let other = y["by_kind"]
        .as_array()
        .expect("by_kind")
        .iter()
        .find(|t| t["name"] == "other")
        .expect("other");
    assert_eq!(
        (&other["sessions"], &other["contact_minutes"]),
        (&1.into(), &1080.into())
    );
    // Required (seminars by default, others when they say so): the 10
    // seminars, the kickoff workshop (`required: true`), the retreat, the
    // forum and graduation = 14 meetings; the book club (`required: false`),
    // "Leading while tired" and the circle (discussions) are not. The forum
    // has `counts: false`: 13 count toward the minimum.
    assert_eq!(y["attendance"]["required"], 14);
    assert_eq!(y["attendance"]["counting"], 13);
}

/// Participants are counted, never named: the demo's two trainees (one also
/// a mentee) appear in no form of the report.
#[test]
fn the_report_names_no_participant() {
    let json = report_json(&repo());
    let people = json["people"].as_array().expect("people");
    let trainee = people
        .iter()
        .find(|p| p["role"] == "trainee")
        .expect("trainee");
    assert_eq!(
        (&trainee["people"], &trainee["unpublished"]),
        (&2.into(), &2.into())
    );
    for format in ["markdown", "csv", "json"] {
        let out = report(&repo(), &["--format", format]);
        let text = String::from_utf8_lossy(&out.stdout);
        for name in ["Whitcombe", "Mina Sato", "jordan-whitcombe", "mina-sato"] {
            assert!(!text.contains(name), "{format}: {name}");
        }
    }
}

#[test]
fn report_refuses_a_folder_it_did_not_write() {
    let dir = scratch("foreign");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("notes.txt"), "mine").expect("write");
    let path = dir.to_str().expect("utf-8");
    let out = report(&repo(), &["--format", "csv", "-o", path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("notes.txt"));
    let names: Vec<_> = std::fs::read_dir(&dir)
        .expect("read")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("notes.txt")]);
    // Markdown or JSON into a folder: refused as well.
    let out = report(&repo(), &["--format", "json", "-o", path]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_file(dir.join("notes.txt")).expect("rm");

    // An empty folder, then the folder of that report again: written.
    for _ in 0..2 {
        assert_success(&report(&repo(), &["--format", "csv", "-o", path]));
    }
    assert!(dir.join("competencies.csv").is_file());
    assert!(dir.join(".cairn-report").is_file());
    // One file, written whole.
    let file = dir.join("report.md");
    assert_success(&report(&repo(), &["-o", file.to_str().expect("utf-8")]));
    let text = std::fs::read_to_string(&file).expect("report.md");
    assert!(text.starts_with("# Annual Program Evaluation"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `competencies: acgme` and a sub-competency: the map names the six as
/// ACGME writes them, and marks a competency with nothing in a year.
#[test]
fn the_map_shows_the_acgme_six_and_each_years_figures() {
    let site = scratch("acgme-site");
    let out = scratch("acgme-out");
    std::fs::create_dir_all(site.join("content/modules")).expect("mkdir");
    std::fs::create_dir_all(site.join("content/sessions")).expect("mkdir");
    std::fs::write(
        site.join("content/_program.md"),
        "---\ntitle: ACGME Track\nyears: 1\nstarts: 2025-07-01\ntimezone: America/Chicago\nphases: []\ncompetencies:\n  - acgme\n  - id: handoffs\n    title: Safe handoffs\n    group: Patient Care\n---\n",
    )
    .expect("program");
    std::fs::write(
        site.join("content/modules/handoffs.md"),
        "---\ntitle: Handoffs\nyear: 1\ncompetencies: [patient-care, handoffs]\nself_paced:\n  - {title: I-PASS module, minutes: 45}\n---\nBody.\n",
    )
    .expect("module");
    std::fs::write(
        site.join("content/sessions/2025-09-handoffs.md"),
        "---\ntitle: Handoffs Night\ndate: 2025-09-11\nstart: \"18:00\"\nend: \"19:30\"\nmodule: handoffs\n---\nBody.\n",
    )
    .expect("session");
    let root = site.to_str().expect("utf-8");
    let built = cairn(
        &site,
        &["--root", root, "build", "-o", out.to_str().expect("utf-8")],
    );
    assert_success(&built);
    let stderr = String::from_utf8_lossy(&built.stderr);
    assert!(stderr.contains("W0317"), "{stderr}");
    let html = std::fs::read_to_string(out.join("map/index.html")).expect("map");
    for title in [
        "Patient Care",
        "Medical Knowledge",
        "Practice-based Learning and Improvement",
        "Interpersonal and Communication Skills",
        "Professionalism",
        "Systems-based Practice",
        "Safe handoffs",
    ] {
        assert!(html.contains(title), "{title}");
    }
    assert!(html.contains("Nothing this year"));
    // Patient Care: the one session, 90 minutes = 1.5 hours, 45 self-paced.
    assert!(html.contains("<td>1.5</td><td>45</td><td>0</td>"), "{html}");
    let json = report_json(&site);
    let pc = &json["years"][0]["competencies"][0];
    assert_eq!(
        (&pc["id"], &pc["sessions"], &pc["contact_minutes"]),
        (&"patient-care".into(), &1.into(), &90.into())
    );
    let _ = std::fs::remove_dir_all(&site);
    let _ = std::fs::remove_dir_all(&out);
}
