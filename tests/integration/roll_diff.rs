//! A plain roll followed by `cairn diff` (issue 28, SPEC 9.2 "Roll"): on the
//! demo, on every example under `examples/` and on the roll fixture, diff
//! reports nothing but what roll itself moved (dates and ids, which diff
//! pairs): no item added, removed, retitled or relisted, no setting changed,
//! no session moved, and each month's workload the same in both years. A
//! deadline that moved from one month to the next (31 October to 6
//! November, as the weekday rule did) would show as workload moving.

use crate::roll::{copy_site, roll, run};
use crate::support::{assert_success, fixture, repo};
use std::path::PathBuf;

/// The demo, the roll fixture, and every folder under `examples/`.
fn sites() -> Vec<(String, PathBuf)> {
    let mut out = vec![
        ("demo".to_string(), repo()),
        ("roll fixture".to_string(), fixture("roll")),
    ];
    let mut examples: Vec<PathBuf> = std::fs::read_dir(repo().join("examples"))
        .expect("examples/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("content/_program.md").is_file())
        .collect();
    examples.sort();
    for path in examples {
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
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
