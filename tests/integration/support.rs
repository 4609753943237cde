//! Running the real binary on a fixture, with a timeout that only guards
//! against hangs (no test asserts a speed).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The repository root.
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder, e.g. `fixture("check/valid-base")`.
pub(crate) fn fixture(rel: &str) -> PathBuf {
    repo().join("tests/fixtures").join(rel)
}

/// Every valid example: each folder of `examples/` but `broken` (whose
/// mistakes are the point), by name, in name order. A new example is in
/// every test that runs on the examples without being named anywhere.
pub(crate) fn valid_examples() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(repo().join("examples"))
        .expect("examples/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("content/_program.md").is_file())
        .map(|p| {
            (
                p.file_name().expect("name").to_string_lossy().to_string(),
                p,
            )
        })
        .filter(|(name, _)| name != "broken")
        .collect();
    out.sort();
    out
}

/// Runs `cairn ARGS` in `cwd`; panics if it runs past a generous limit.
pub(crate) fn cairn(cwd: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cairn"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cairn starts");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("cairn {args:?} hung in {}", cwd.display());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// `cairn --root DIR check --format json [extra]`, parsed.
pub(crate) fn check_json(dir: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let root = dir.to_str().expect("utf-8 path");
    let mut args = vec!["--root", root, "check", "--format", "json"];
    args.extend_from_slice(extra);
    let out = cairn(dir, &args);
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), json)
}

/// Asserts that a run of cairn succeeded, showing what it said otherwise.
pub(crate) fn assert_success(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Each diagnostic of `check --format json`'s output as (code, message).
pub(crate) fn codes_and_messages(json: &serde_json::Value) -> Vec<(String, String)> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// `cairn --root SITE build -o OUT [extra]`.
pub(crate) fn build_into(site: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "--root",
        site.to_str().expect("utf-8"),
        "build",
        "-o",
        out.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(extra);
    cairn(site, &args)
}

/// A fresh, empty path under the system's temporary folder.
pub(crate) fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cairn-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Copies a folder tree.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let target = to.join(e.path().strip_prefix(from).expect("inside"));
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// Every file under `dir` with its bytes, by `/`-separated relative path.
pub(crate) fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// The demo's academic year as `archive/` names it, e.g. `2026-27`, from
/// `starts:` in the repository's `content/_program.md` (the demo is rolled
/// each July).
pub(crate) fn demo_academic_year() -> String {
    let program = std::fs::read_to_string(repo().join("content/_program.md")).expect("_program.md");
    let year: u32 = program
        .lines()
        .find_map(|l| l.strip_prefix("starts: "))
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok())
        .expect("starts: YYYY-MM-DD");
    format!("{year}-{:02}", (year + 1) % 100)
}
