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
