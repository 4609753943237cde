//! The command line's promises (SPEC 5 and 6) that would otherwise hold only
//! by luck: `--deny-warnings` failing on a warning, `--format github` from a
//! repository above the site, `--color` and `NO_COLOR`, `-v`,
//! `SOURCE_DATE_EPOCH` as the calendars' DTSTAMP, the JSON fields, and the
//! order of diagnostics within one line. Sites are check fixtures (generated,
//! see `tests/fixtures/make_check_fixtures.py`) or written here: never the
//! demo, whose dates move every year.

use crate::support::{build_into, check_json, copy_dir, fixture, snapshot, temp};
use std::path::Path;
use std::process::{Command, Output};

/// `cairn ARGS` in `cwd` with `env` set and `NO_COLOR` removed unless `env`
/// sets it (the shared helper always sets it).
fn run(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cairn"));
    cmd.args(args).current_dir(cwd).env_remove("NO_COLOR");
    cmd.env_remove("SOURCE_DATE_EPOCH");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("cairn runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A site whose only diagnostic is a warning (W0305).
fn warning_site() -> std::path::PathBuf {
    fixture("check/W0305-module-without-sessions")
}

#[test]
fn deny_warnings_fails_check_and_build_on_a_warning_and_build_writes_nothing() {
    let site = warning_site();
    let root = site.to_str().expect("utf-8");
    // Without the flag a warning is a success...
    let (status, json) = check_json(&site, &[]);
    assert_eq!(
        (status, &json["warnings"], &json["errors"]),
        (0, &1.into(), &0.into()),
        "{json}"
    );
    // ...with it, a failure (exit 1), in every format.
    let (status, json) = check_json(&site, &["--deny-warnings"]);
    assert_eq!(status, 1, "{json}");
    for format in ["human", "github"] {
        let out = run(
            &site,
            &[
                "--root",
                root,
                "check",
                "--deny-warnings",
                "--format",
                format,
            ],
            &[],
        );
        assert_eq!(out.status.code(), Some(1), "{format}: {}", text(&out));
    }

    // build --deny-warnings into a missing folder: exit 1, nothing written.
    let out_dir = temp("deny-warnings");
    let built = build_into(&site, &out_dir, &["--deny-warnings"]);
    assert_eq!(built.status.code(), Some(1), "{}", text(&built));
    assert!(
        !out_dir.exists(),
        "build --deny-warnings wrote {}",
        out_dir.display()
    );
    // Into the output of an earlier build: exit 1, that output untouched.
    let first = build_into(&site, &out_dir, &[]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first));
    let before = snapshot(&out_dir);
    assert!(before.contains_key("index.html"));
    let again = build_into(&site, &out_dir, &["--deny-warnings"]);
    assert_eq!(again.status.code(), Some(1), "{}", text(&again));
    assert!(
        snapshot(&out_dir) == before,
        "build --deny-warnings changed the output"
    );
    let _ = std::fs::remove_dir_all(&out_dir);
}

#[test]
fn github_annotations_name_files_from_the_working_directory() {
    // A repository with the site in `site/`, checked from the repository's root.
    let repo = temp("github-format");
    let site = repo.join("site");
    copy_dir(&fixture("check/E0201-module"), &site);
    let out = run(
        &repo,
        &["--root", "site", "check", "--format", "github"],
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "::error file=site/content/sessions/2025-09-listening.md,line=4,col=9,title=E0201::\
         unknown module `listening-frist`%0Adid you mean `listening-first`?\n"
    );
    // From the site itself, the paths are the site's own.
    let out = run(&site, &["check", "--format", "github"], &[]);
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("::error file=content/sessions/2025-09-listening.md,line=4,col=9,"),
        "{}",
        text(&out)
    );
    // From inside the site, `../` leads back to it (not an absolute path).
    let out = run(
        &site.join("content"),
        &["--root", "..", "check", "--format", "github"],
        &[],
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("::error file=../content/sessions/2025-09-listening.md,line=4,col=9,"),
        "{}",
        text(&out)
    );
    // A warning is a `::warning`.
    copy_dir(&warning_site(), &repo.join("other"));
    let out = run(
        &repo,
        &["--root", "other", "check", "--format", "github"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with(
            "::warning file=other/content/modules/listening-first.md,line=1,col=1,title=W0305::"
        ),
        "{}",
        text(&out)
    );
    let _ = std::fs::remove_dir_all(&repo);
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let site = fixture("check/E0201-module");
    let root = site.to_str().expect("utf-8");
    let escapes = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["--root", root];
        all.extend_from_slice(args);
        all.push("check");
        let out = run(&site, &all, env);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        String::from_utf8_lossy(&out.stderr).contains('\u{1b}')
    };
    // always wins over NO_COLOR, never over everything; auto is off when
    // the output is not a terminal (here, a pipe) or NO_COLOR is set.
    assert!(escapes(&["--color", "always"], &[]));
    assert!(escapes(&["--color", "always"], &[("NO_COLOR", "1")]));
    assert!(!escapes(&["--color", "never"], &[]));
    assert!(!escapes(&[], &[]));
    assert!(!escapes(&["--color", "auto"], &[("NO_COLOR", "1")]));
}

#[test]
fn verbose_prints_each_stage_and_quiet_runs_do_not() {
    let site = fixture("check/valid-base");
    let root = site.to_str().expect("utf-8");
    let out_dir = temp("verbose");
    let o = out_dir.to_str().expect("utf-8");
    let verbose = run(&site, &["-v", "--root", root, "build", "-o", o], &[]);
    assert_eq!(verbose.status.code(), Some(0), "{}", text(&verbose));
    let said = String::from_utf8_lossy(&verbose.stderr);
    for stage in ["load", "model:", "validate:"] {
        assert!(
            said.lines()
                .any(|l| l.contains(stage) && l.trim_end().ends_with(" ms")),
            "-v shows no time for {stage}: {said}"
        );
    }
    let plain = run(&site, &["--root", root, "build", "-o", o], &[]);
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain));
    let said = text(&plain);
    assert!(
        !said.contains("validate:") && !said.contains(" ms\n"),
        "{said}"
    );
    let _ = std::fs::remove_dir_all(&out_dir);
}

#[test]
fn source_date_epoch_sets_every_calendars_dtstamp() {
    let site = fixture("check/valid-base");
    let root = site.to_str().expect("utf-8");
    let out_dir = temp("source-date-epoch");
    let o = out_dir.to_str().expect("utf-8");
    let stamps = |env: &[(&str, &str)]| {
        let out = run(&site, &["--root", root, "build", "-o", o], env);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let calendars: Vec<(String, String)> = snapshot(&out_dir)
            .into_iter()
            .filter(|(p, _)| p.ends_with(".ics"))
            .map(|(p, b)| (p, String::from_utf8(b).expect("utf-8")))
            .collect();
        assert!(calendars.len() >= 2, "{calendars:?}");
        calendars
            .iter()
            .flat_map(|(p, ics)| {
                ics.lines()
                    .filter(|l| l.starts_with("DTSTAMP:"))
                    .map(move |l| format!("{p} {l}"))
            })
            .collect::<Vec<_>>()
    };
    // 1700000000 is 2023-11-14 22:13:20 UTC.
    let set = stamps(&[("SOURCE_DATE_EPOCH", "1700000000")]);
    assert!(!set.is_empty());
    assert!(
        set.iter().all(|l| l.ends_with(" DTSTAMP:20231114T221320Z")),
        "{set:#?}"
    );
    // Unset, the stamp is the program's `starts` (2025-07-01) at midnight UTC.
    let unset = stamps(&[]);
    assert!(
        unset
            .iter()
            .all(|l| l.ends_with(" DTSTAMP:20250701T000000Z")),
        "{unset:#?}"
    );
    let _ = std::fs::remove_dir_all(&out_dir);
}

#[test]
fn json_diagnostics_have_exactly_the_contracts_fields() {
    // E0104 on a date has no help; W0305 has one and is a warning.
    for (case, code, severity, help_null) in [
        ("E0104-bad-date", "E0104", "error", true),
        ("W0305-module-without-sessions", "W0305", "warning", false),
    ] {
        let (_, json) = check_json(&fixture(&format!("check/{case}")), &[]);
        let d = &json["diagnostics"][0];
        let keys: Vec<&str> = d
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "code", "column", "file", "help", "line", "message", "severity"
            ],
            "{case}: {d}"
        );
        assert_eq!(d["code"], code, "{case}: {d}");
        assert_eq!(d["severity"], severity, "{case}: {d}");
        assert_eq!(d["help"].is_null(), help_null, "{case}: {d}");
        assert!(d["help"].is_null() || d["help"].is_string(), "{case}: {d}");
        assert!(d["line"].is_u64() && d["column"].is_u64(), "{case}: {d}");
        for key in ["errors", "warnings"] {
            assert!(json[key].is_u64(), "{case}: {json}");
        }
    }
}

#[test]
fn diagnostics_on_one_line_sort_by_column_then_code_then_message() {
    let site = temp("sort-order");
    copy_dir(&fixture("check/valid-base"), &site);
    let session = site.join("content/sessions/2025-09-listening.md");
    // Two unknown people on one line: the first by column (`zed`) comes
    // last by message. A blackout date with a second session at the same
    // hour: E0308 and E0311 at one place, sorted by code.
    let text = std::fs::read_to_string(&session).expect("read");
    let text = text.replacen("---\n", "---\nspeakers: [zed, amy]\n", 1);
    std::fs::write(&session, text).expect("write");
    let program = site.join("content/_program.md");
    let p = std::fs::read_to_string(&program).expect("read");
    std::fs::write(
        &program,
        p.replacen("---\n", "---\nschedule:\n  blackout: [2025-09-18]\n", 1),
    )
    .expect("write");
    std::fs::write(
        site.join("content/sessions/2025-09-listening-b.md"),
        "---\ntitle: Listening Again\ndate: 2025-09-18\nmodule: listening-first\n---\nAgain.\n",
    )
    .expect("write");
    let (_, json) = check_json(&site, &[]);
    let line = |d: &serde_json::Value| {
        format!(
            "{} {}:{}:{} {}",
            d["code"], d["file"], d["line"], d["column"], d["message"]
        )
    };
    let got: Vec<String> = json["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .map(line)
        .collect();
    let mut sorted = json["diagnostics"].as_array().expect("a list").clone();
    sorted.sort_by(|a, b| {
        let key = |d: &serde_json::Value| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64(),
                d["column"].as_u64(),
                d["code"].as_str().unwrap_or_default().to_string(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        };
        key(a).cmp(&key(b))
    });
    let want: Vec<String> = sorted.iter().map(line).collect();
    assert_eq!(got, want);
    // The cases the order must tell apart are there.
    let line_of = |code: &str, needle: &str| {
        got.iter()
            .position(|l| l.contains(code) && l.contains(needle))
            .unwrap_or_else(|| panic!("no {code} {needle}: {got:#?}"))
    };
    assert!(
        line_of("E0201", "`zed`") < line_of("E0201", "`amy`"),
        "{got:#?}"
    );
    // The later file in path order (`-` sorts before `.`) gets E0308.
    let later = "2025-09-listening.md\"";
    assert!(
        line_of("E0308", later) < line_of("E0311", later),
        "{got:#?}"
    );
    let _ = std::fs::remove_dir_all(&site);
}

/// A reader that stops early (`cairn schema | head -1`) closes the pipe:
/// every command that writes its result to standard output ends quietly,
/// without a panic, with its usual status. The pipe's reading end is closed
/// before cairn starts, so its first write fails every time.
#[test]
fn a_reader_closing_the_pipe_early_is_no_panic() {
    let site = fixture("check/valid-base");
    for (args, status) in [
        (&["schema"][..], 0),
        (&["check", "--format", "json"][..], 0),
        (&["check", "--format", "github"][..], 0),
        (&["explain", "E0201"][..], 0),
    ] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_cairn"))
            .args(args)
            .current_dir(&site)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("cairn runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "cairn {args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(status), "cairn {args:?}: {stderr}");
    }
}
