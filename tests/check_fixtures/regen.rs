//! The committed check fixtures are what their generator writes: runs
//! `python3 tests/fixtures/make_check_fixtures.py --out TMP` and compares every
//! case it writes, byte for byte, with `tests/fixtures/check/<case>/`. A
//! committed case the generator does not write must be one it lists with
//! `--hand-written` (see the script's docstring).

use crate::support::{fixture, repo, snapshot, temp};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

const SCRIPT: &str = "tests/fixtures/make_check_fixtures.py";

/// `python3 SCRIPT ARGS` from the repository root; its standard output.
fn generator(args: &[&str]) -> Result<String, String> {
    let out = Command::new("python3")
        .arg(repo().join(SCRIPT))
        .args(args)
        .current_dir(repo())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .map_err(|e| format!("cannot run python3 ({e}): this test needs Python 3 on PATH"))?;
    if !out.status.success() {
        return Err(format!(
            "python3 {SCRIPT} {} failed ({}):\n{}{}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The names of the folders directly under `dir`.
fn folders(dir: &Path) -> Result<BTreeSet<String>, String> {
    Ok(std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect())
}

/// Where two versions of a file first differ, for the failure message.
fn first_difference(generated: &[u8], committed: &[u8]) -> String {
    let (g, c) = (
        String::from_utf8_lossy(generated),
        String::from_utf8_lossy(committed),
    );
    let mut glines = g.split_inclusive('\n');
    let mut clines = c.split_inclusive('\n');
    for n in 1.. {
        match (glines.next(), clines.next()) {
            (Some(a), Some(b)) if a == b => {}
            (None, None) => break,
            (a, b) => {
                return format!(
                    "line {n}: generated {:?}, committed {:?}",
                    a.unwrap_or("(end)"),
                    b.unwrap_or("(end)")
                );
            }
        }
    }
    format!(
        "{} bytes generated, {} committed",
        generated.len(),
        committed.len()
    )
}

/// How one generated case differs from the committed one (empty: identical).
fn compare_case(
    case: &str,
    generated: &BTreeMap<String, Vec<u8>>,
    committed: &BTreeMap<String, Vec<u8>>,
) -> Vec<String> {
    let paths: BTreeSet<&String> = generated.keys().chain(committed.keys()).collect();
    paths
        .into_iter()
        .filter_map(|p| match (generated.get(p), committed.get(p)) {
            (Some(_), None) => Some(format!("{case}/{p}: written, not committed")),
            (None, Some(_)) => Some(format!("{case}/{p}: committed, not written")),
            (Some(g), Some(c)) if g != c => {
                Some(format!("{case}/{p}: differs, {}", first_difference(g, c)))
            }
            _ => None,
        })
        .collect()
}

pub(crate) fn generator_reproduces_the_committed_cases() -> Result<(), String> {
    let out = temp("regen-check-fixtures");
    let out_str = out.to_str().ok_or("temporary path is not UTF-8")?;
    generator(&["--out", out_str])?;
    let hand_written: BTreeSet<String> = generator(&["--hand-written"])?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let committed_root = fixture("check");
    let generated = folders(&out)?;
    let committed = folders(&committed_root)?;
    let mut problems = Vec::new();
    if generated.len() < 50 {
        problems.push(format!(
            "the generator wrote only {} cases",
            generated.len()
        ));
    }
    for case in &generated {
        if hand_written.contains(case) {
            problems.push(format!("{case}: both written and listed as hand-written"));
        }
        if !committed.contains(case) {
            problems.push(format!("{case}: written by the generator, not committed"));
            continue;
        }
        problems.extend(compare_case(
            case,
            &snapshot(&out.join(case)),
            &snapshot(&committed_root.join(case)),
        ));
    }
    for case in committed.difference(&generated) {
        if !hand_written.contains(case) {
            problems.push(format!(
                "{case}: committed, but the generator does not write it and the \
                 script's HAND_WRITTEN does not list it"
            ));
        }
    }
    for case in hand_written.difference(&committed) {
        problems.push(format!("{case}: listed as hand-written, not committed"));
    }
    let _ = std::fs::remove_dir_all(&out);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "tests/fixtures/check/ is not what {SCRIPT} writes ({} problems); change the \
             script and re-run it rather than editing fixtures:\n  {}",
            problems.len(),
            problems.join("\n  ")
        ))
    }
}
