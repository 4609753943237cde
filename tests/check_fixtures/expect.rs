//! One `tests/fixtures/check/<case>/expect.json`: the diagnostics a site
//! with one defect must give (code, file, line, column, help), codes that
//! must not appear, exact counts, and the exit status.

use crate::support::check_json;
use serde_json::Value;

/// Runs `cairn check` on the case in `dir` and compares with its
/// `expect.json`; the error lists every mismatch and what cairn said.
pub(crate) fn check_case(dir: &std::path::Path) -> Result<(), String> {
    let expect: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expect.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let args: Vec<String> = expect["args"].as_array().map_or(Vec::new(), |a| {
        a.iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect()
    });
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (status, out) = check_json(dir, &args);
    let ds = out["diagnostics"].as_array().cloned().unwrap_or_default();
    let shown = || {
        ds.iter()
            .map(|d| {
                format!(
                    "{} {}:{}:{} {} [{}]",
                    d["code"], d["file"], d["line"], d["column"], d["message"], d["help"]
                )
            })
            .collect::<Vec<_>>()
            .join("\n    ")
    };
    let mut problems = Vec::new();
    if let Some(exit) = expect["exit"].as_i64()
        && i64::from(status) != exit
    {
        problems.push(format!("exit {status}, expected {exit}"));
    }
    for e in expect["expect"].as_array().into_iter().flatten() {
        let found = ds.iter().any(|d| {
            d["code"] == e["code"]
                && d["file"] == e["file"]
                && d["line"] == e["line"]
                && (e["column"].is_null() || d["column"] == e["column"])
                && e["help_mentions"]
                    .as_str()
                    .is_none_or(|h| d["help"].as_str().is_some_and(|dh| dh.contains(h)))
        });
        if !found {
            problems.push(format!(
                "missing {} {}:{}:{} (help mentions {})",
                e["code"], e["file"], e["line"], e["column"], e["help_mentions"]
            ));
        }
    }
    for code in expect["absent"].as_array().into_iter().flatten() {
        if ds.iter().any(|d| &d["code"] == code) {
            problems.push(format!("unexpected {code}"));
        }
    }
    for (code, n) in expect["count"].as_object().into_iter().flatten() {
        let got = ds.iter().filter(|d| d["code"] == code.as_str()).count() as u64;
        if Some(got) != n.as_u64() {
            problems.push(format!("{code} appears {got} times, expected {n}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}\n    got:\n    {}",
            problems.join("; "),
            shown()
        ))
    }
}
