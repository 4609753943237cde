//! A plain roll followed by `cairn diff` (issue 28, SPEC 9.2 "Roll"): on the
//! demo, on every example under `examples/` and on the roll fixture, diff
//! reports nothing but what roll itself moved (dates and ids, which diff
//! pairs): no item added, removed, retitled or relisted, no setting changed,
//! no session moved, and each month's workload the same in both years. A
//! deadline that moved from one month to the next (31 October to 6
//! November, as the weekday rule did) would show as workload moving.
//! Rolling back (`--to` the old start, `--force`) restores every file byte
//! for byte but the one-way values (`tests/integration/round_trip.rs`).

use crate::roll::{copy_site, roll, run};
use crate::support::{assert_success, fixture, repo, snapshot};
use crate::trip;
use std::path::PathBuf;

/// The demo, the roll and series fixtures, and every folder under `examples/`.
fn sites() -> Vec<(String, PathBuf)> {
    let mut out = vec![
        ("demo".to_string(), repo()),
        ("roll fixture".to_string(), fixture("roll")),
        // A series (`date`, `until`), a group's meetings (`from`, `until`,
        // `except`) and a session's `hours`: a rolled series is no moved
        // session.
        ("series fixture".to_string(), fixture("series")),
    ];
    let mut examples: Vec<PathBuf> = std::fs::read_dir(repo().join("examples"))
        .expect("examples/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("content/_program.md").is_file())
        .collect();
    examples.sort();
    for path in examples {
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        out.push((name, path));
    }
    out
}

#[test]
fn after_a_plain_roll_diff_reports_nothing_but_the_rolled_dates_and_ids() {
    let sites = sites();
    assert!(sites.len() > 2, "no examples found");
    for (name, from) in sites {
        let site = copy_site(&from, &format!("roll-diff-plain-{name}"));
        roll(&site, &[]);
        let out = run(&site, &["diff", "--format", "json"]);
        assert_success(&out);
        let d: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let fields = d.as_object().expect("an object");
        for (key, value) in fields {
            match key.as_str() {
                "from" | "to" => {}
                "workload" => {
                    for month in value.as_array().expect("workload") {
                        assert_eq!(
                            (&month["pages_before"], &month["minutes_before"]),
                            (&month["pages_after"], &month["minutes_after"]),
                            "{name}: workload moved in {month}"
                        );
                    }
                }
                _ => assert_eq!(value, &serde_json::json!([]), "{name}: {key}"),
            }
        }
        let human = run(&site, &["diff"]);
        assert!(
            String::from_utf8_lossy(&human.stdout).contains("Nothing changed"),
            "{name}: {}",
            String::from_utf8_lossy(&human.stdout)
        );
        let _ = std::fs::remove_dir_all(&site);
    }
}

#[test]
fn rolling_back_restores_every_file_byte_for_byte_but_the_one_way_values() {
    for (name, from) in sites() {
        let site = copy_site(&from, &format!("roll-back-{name}"));
        let before = snapshot(&site.join("content"));
        let program = String::from_utf8_lossy(&before["_program.md"]).into_owned();
        let starts = program
            .lines()
            .find_map(|l| l.strip_prefix("starts:"))
            .expect("starts")
            .trim()
            .to_string();
        let review: Vec<String> = roll(&site, &[])
            .lines()
            .filter(|l| l.starts_with("review: "))
            .map(str::to_string)
            .collect();
        roll(&site, &["--to", &starts, "--force"]);
        let after = snapshot(&site.join("content"));
        // Every file and every line exactly, but the one-way values
        // (SPEC 9.2), which trip::one_way names line by line.
        if let Err(e) = trip::compare(&before, &after, &trip::one_way(&review)) {
            panic!("{name}: not restored byte for byte:\n{e}");
        }
        let _ = std::fs::remove_dir_all(&site);
    }
}
