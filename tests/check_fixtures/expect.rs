//! One `tests/fixtures/check/<case>/expect.json`: the exact list of
//! diagnostics a site with one defect must give, and the exit status.
//!
//! Every diagnostic cairn prints must match one entry of `expect` (the defect
//! the case is about) or of `also` (a second diagnostic the case knowingly
//! accepts, with `why`), and every entry must match one diagnostic: so a
//! duplicate, a cascade or a false alarm fails the case, and an "-ok" case,
//! whose lists are empty, fails on any diagnostic at all, of any code. An
//! entry compares code, file and line always; column, `severity`, `message`
//! (whole) and `help_mentions` (a part of the help) where it gives them. The
//! JSON's `errors` and `warnings` must equal the case's.

use crate::support::check_json;
use serde_json::Value;

/// The keys an `expect.json` may hold: an unknown one (such as the `absent`
/// and `count` of the old, lenient format) is an error rather than ignored.
const KEYS: [&str; 7] = [
    "about", "args", "exit", "errors", "warnings", "expect", "also",
];

/// The keys an entry of `expect` or `also` may hold.
const ENTRY_KEYS: [&str; 8] = [
    "code",
    "file",
    "line",
    "column",
    "severity",
    "message",
    "help_mentions",
    "why",
];

/// Whether the diagnostic `d` is the one the entry `e` describes.
fn matches(e: &Value, d: &Value) -> bool {
    let given = |k: &str| !e[k].is_null();
    d["code"] == e["code"]
        && d["file"] == e["file"]
        && d["line"] == e["line"]
        && (!given("column") || d["column"] == e["column"])
        && (!given("severity") || d["severity"] == e["severity"])
        && (!given("message") || d["message"] == e["message"])
        && e["help_mentions"]
            .as_str()
            .is_none_or(|h| d["help"].as_str().is_some_and(|dh| dh.contains(h)))
}

/// One diagnostic or entry on one line, for the failure message.
fn show(d: &Value) -> String {
    format!(
        "{} {} {}:{}:{} {} [{}]",
        d["severity"], d["code"], d["file"], d["line"], d["column"], d["message"], d["help"]
    )
}

/// The problems with the shape of `expect.json` itself.
fn malformed(expect: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(top) = expect.as_object() else {
        return vec!["expect.json is not an object".into()];
    };
    problems.extend(
        top.keys()
            .filter(|k| !KEYS.contains(&k.as_str()))
            .map(|k| format!("expect.json: unknown key `{k}`")),
    );
    for key in ["exit", "errors", "warnings"] {
        if !top.get(key).is_some_and(Value::is_u64) {
            problems.push(format!("expect.json: `{key}` must be a number"));
        }
    }
    for list in ["expect", "also"] {
        for e in top
            .get(list)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            problems.extend(
                e.as_object()
                    .into_iter()
                    .flat_map(|o| o.keys())
                    .filter(|k| !ENTRY_KEYS.contains(&k.as_str()))
                    .map(|k| format!("expect.json: `{list}` entry with unknown key `{k}`")),
            );
            if list == "also" && e["why"].as_str().is_none_or(str::is_empty) {
                problems.push(format!("expect.json: `also` entry without `why`: {e}"));
            }
        }
    }
    problems
}

/// Runs `cairn check` on the case in `dir` and compares with its
/// `expect.json`; the error lists every mismatch and what cairn said.
pub(crate) fn check_case(dir: &std::path::Path) -> Result<(), String> {
    let expect: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expect.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let mut problems = malformed(&expect);
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    let args: Vec<String> = expect["args"].as_array().map_or(Vec::new(), |a| {
        a.iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect()
    });
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (status, out) = check_json(dir, &args);
    let ds = out["diagnostics"].as_array().cloned().unwrap_or_default();
    if Some(i64::from(status)) != expect["exit"].as_i64() {
        problems.push(format!("exit {status}, expected {}", expect["exit"]));
    }
    for key in ["errors", "warnings"] {
        if out[key] != expect[key] {
            problems.push(format!(
                "JSON `{key}` is {}, expected {}",
                out[key], expect[key]
            ));
        }
    }
    // One entry for one diagnostic: each entry takes the first diagnostic it
    // matches that no earlier entry took.
    let mut taken = vec![false; ds.len()];
    let entries = ["expect", "also"].into_iter().flat_map(|list| {
        expect[list]
            .as_array()
            .into_iter()
            .flatten()
            .map(move |e| (list, e))
    });
    for (list, e) in entries {
        match (0..ds.len()).find(|&i| !taken[i] && matches(e, &ds[i])) {
            Some(i) => taken[i] = true,
            None => problems.push(format!("missing ({list}) {}", show(e))),
        }
    }
    for (d, _) in ds.iter().zip(&taken).filter(|(_, t)| !**t) {
        problems.push(format!("unexpected {}", show(d)));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}\n    got:\n    {}",
            problems.join("\n  "),
            ds.iter().map(show).collect::<Vec<_>>().join("\n    ")
        ))
    }
}
