//! `roll` and `new` killed at any moment leave the site as before or as
//! after, byte for byte, or a leftover that the next `check` or `roll`
//! names and cleans (issue 31). As the build's kill test does, each kill
//! follows what the command has written, never a timed delay, so a loaded
//! machine only makes the writing slower.

#![cfg(unix)]

use crate::support::{cairn, copy_dir, repo, snapshot, temp};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

type Snapshot = BTreeMap<String, Vec<u8>>;

/// The site's files but a roll's staging folder (a leftover, seen apart).
fn site_files(site: &Path) -> Snapshot {
    snapshot(site)
        .into_iter()
        .filter(|(path, _)| !path.starts_with(".cairn-roll-"))
        .collect()
}

/// What a killed command may leave: a roll's staging at the root, a
/// temporary file (`.NAME.cairn-PID`) under `content/`.
fn leftovers(site: &Path) -> Vec<String> {
    let mut left: Vec<String> = std::fs::read_dir(site)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".cairn-roll-"))
        .collect();
    left.extend(
        snapshot(&site.join("content"))
            .into_keys()
            .filter(|p| {
                let name = p.rsplit('/').next().unwrap_or(p);
                name.starts_with('.')
                    && name
                        .rsplit_once(".cairn-")
                        .is_some_and(|(_, pid)| pid.parse::<u32>().is_ok())
            })
            .map(|p| format!("content/{p}")),
    );
    left
}

/// The demo's files that roll reads and writes.
fn demo(into: &Path) {
    for dir in ["content", "archive", "static"] {
        copy_dir(&repo().join(dir), &into.join(dir));
    }
}

/// A site of 500 sessions, half of them with ids that begin with their
/// date (so roll renames them), and prompts that name them.
fn five_hundred(into: &Path) {
    let write = |rel: &str, text: &str| {
        let path = into.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write(
        "content/_program.md",
        "---\ntitle: Five hundred sessions\nyears: 1\nstarts: 2025-07-01\ntimezone: America/New_York\nschedule:\n  blackout: [2025-12-25, 2026-01-01]\n---\nA generated program.\n",
    );
    for m in 0..10 {
        write(
            &format!("content/modules/m{m}.md"),
            &format!("---\ntitle: Module {m}\nyear: 1\n---\nModule {m}.\n"),
        );
    }
    let start = jiff::civil::date(2025, 7, 7);
    let mut ids = Vec::new();
    for k in 0..500_i64 {
        let day = start
            .checked_add(jiff::Span::new().days(k % 300))
            .expect("a date");
        let id = if k % 2 == 0 {
            format!("{day}-session-{k}")
        } else {
            format!("session-{k}")
        };
        let mut text = format!(
            "---\ntitle: Session {k}\ndate: {day}\nstart: \"{:02}:00\"\nmodule: m{}\n---\n",
            8 + k % 9,
            k % 10
        );
        let _ = writeln!(text, "Session {k}, on {day}.");
        write(&format!("content/sessions/{id}.md"), &text);
        ids.push(id);
    }
    for p in 0..50 {
        write(
            &format!("content/prompts/q{p}.md"),
            &format!(
                "---\ntitle: Prompt {p}\nsession: {}\n---\nWhat did you learn?\n",
                ids[p * 10]
            ),
        );
    }
}

/// When a command is killed.
#[derive(Clone, Copy, Debug)]
enum Trigger {
    /// Once its staging folder holds this many files.
    Staged(usize),
    /// Once the journal is in the staging folder.
    Journal,
    /// Once this many of the files roll renames are in place (what the
    /// old roll, writing in place, would be killed by).
    Renamed(usize),
    /// Once the staging folder has gone.
    Gone,
}

/// Runs `cairn ARGS` on `site`, kills it when `trigger` says, and returns
/// whether the kill landed (it had not ended by itself).
fn kill_when(site: &Path, args: &[&str], trigger: Trigger, renamed: &[String]) -> bool {
    use std::os::unix::process::ExitStatusExt;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cairn"))
        .arg("--root")
        .arg(site)
        .arg("-q")
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    let staging = site.join(format!(".cairn-roll-{}", child.id()));
    let started = Instant::now();
    let mut seen = false;
    loop {
        let exists = staging.exists();
        seen |= exists;
        let now = match trigger {
            Trigger::Staged(n) => {
                exists
                    && walkdir::WalkDir::new(&staging)
                        .into_iter()
                        .flatten()
                        .filter(|e| e.file_type().is_file())
                        .count()
                        >= n
            }
            Trigger::Journal => staging.join("READY").exists(),
            Trigger::Renamed(n) => renamed.iter().filter(|p| site.join(p).exists()).count() >= n,
            Trigger::Gone => seen && !exists,
        };
        if now || child.try_wait().expect("wait").is_some() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "cairn {args:?} hung"
        );
        std::thread::sleep(Duration::from_micros(200));
    }
    let _ = child.kill();
    let status = child.wait().expect("wait");
    let landed = status.signal() == Some(9);
    assert!(
        landed || status.success(),
        "cairn {args:?} ended with {status}"
    );
    landed
}

/// After a kill: the site before or after, or a leftover that `recover`
/// (a `check` or a `roll`) names and cleans, leaving the site before or
/// after. Returns whether a leftover was cleaned.
fn settle(site: &Path, before: &Snapshot, after: &Snapshot, recover: &[&str], round: &str) -> bool {
    let now = site_files(site);
    let left = leftovers(site);
    let whole = |s: &Snapshot| s == before || s == after;
    if left.is_empty() {
        assert!(whole(&now), "{round}: a mix and no leftover");
        return false;
    }
    // Read while it runs (`output`): a roll's report is long.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cairn"))
        .arg("--root")
        .arg(site)
        .args(recover)
        .env("NO_COLOR", "1")
        .output()
        .expect("recover");
    let said = String::from_utf8_lossy(&out.stderr);
    for name in &left {
        assert!(
            said.contains("note: ") && said.contains(name.as_str()),
            "{round}: `cairn {recover:?}` did not name {name}: {said}"
        );
    }
    assert!(
        leftovers(site).is_empty(),
        "{round}: `cairn {recover:?}` left {:?}",
        leftovers(site)
    );
    assert!(
        whole(&site_files(site)),
        "{round}: after `cairn {recover:?}` ({said}) the site is a mix"
    );
    true
}

/// Copies `from` into a fresh `to`.
fn reset(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    copy_dir(from, to);
}

/// The `starts` of a site's program.
fn starts(site: &Path) -> String {
    let program = std::fs::read_to_string(site.join("content/_program.md")).expect("program");
    program
        .lines()
        .find_map(|l| l.strip_prefix("starts: "))
        .expect("starts")
        .trim()
        .to_string()
}

/// Twenty seeded kills of `roll` on the site `make` writes.
fn roll_killed_twenty_times(name: &str, make: fn(&Path)) {
    let pristine = temp(&format!("{name}-before"));
    make(&pristine);
    let reference = temp(&format!("{name}-after"));
    reset(&pristine, &reference);
    // Its report is long: read while it runs (`output`).
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cairn"))
        .arg("--root")
        .arg(&reference)
        .args(["-q", "roll"])
        .output()
        .expect("roll");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = site_files(&pristine);
    let after = site_files(&reference);
    assert!(before != after);
    let new_starts = starts(&reference);
    // The files roll renames, and how many files its staging holds.
    let renamed: Vec<String> = after
        .keys()
        .filter(|p| p.starts_with("content/") && !before.contains_key(*p))
        .cloned()
        .collect();
    assert!(!renamed.is_empty());
    let staged = after.keys().filter(|p| !before.contains_key(*p)).count()
        + before.keys().filter(|p| p.starts_with("content/")).count();
    let site = temp(name);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let (mut mid, mut cleaned, mut done) = (0, 0, 0);
    for round in 0..20 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let pick = usize::try_from(seed % 1000).expect("small");
        let trigger = match round % 5 {
            3 => Trigger::Journal,
            4 if round % 10 == 4 => Trigger::Gone,
            4 => Trigger::Renamed(1 + pick * renamed.len() / 1000),
            _ => Trigger::Staged(1 + pick * staged / 1000),
        };
        reset(&pristine, &site);
        let landed = kill_when(&site, &["roll"], trigger, &renamed);
        let stopped_in_staging = landed && !leftovers(&site).is_empty();
        // Half the leftovers are cleaned by a check, half by the roll again.
        let to = format!("--to={new_starts}");
        let recover: &[&str] = if round % 2 == 0 {
            &["check"]
        } else {
            &["roll", &to]
        };
        let round = format!("{name} round {round} ({trigger:?})");
        if settle(&site, &before, &after, recover, &round) {
            cleaned += 1;
        }
        mid += usize::from(stopped_in_staging);
        done += usize::from(site_files(&site) == after);
    }
    eprintln!(
        "{name}: 20 kills, {mid} while staging, {cleaned} leftovers cleaned, {done} ended rolled"
    );
    assert!(mid >= 5, "only {mid} kills landed while roll was staging");
    for dir in [pristine, reference, site] {
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[test]
fn a_roll_of_the_demo_killed_at_any_moment_leaves_the_year_before_or_after() {
    roll_killed_twenty_times("roll-kill-demo", demo);
}

#[test]
fn a_roll_of_500_sessions_killed_at_any_moment_leaves_the_year_before_or_after() {
    roll_killed_twenty_times("roll-kill-500", five_hundred);
}

#[test]
fn a_new_session_killed_at_any_moment_is_whole_or_absent() {
    let pristine = temp("new-kill-before");
    demo(&pristine);
    let reference = temp("new-kill-after");
    reset(&pristine, &reference);
    let args = ["new", "session", "killed-or-not"];
    let mut full = vec!["--root", reference.to_str().expect("utf-8"), "-q"];
    full.extend(args);
    assert!(cairn(&reference, &full).status.success());
    let (before, after) = (site_files(&pristine), site_files(&reference));
    assert_eq!(after.len(), before.len() + 1);
    let site = temp("new-kill");
    let target = "content/sessions/killed-or-not.md".to_string();
    let mut landed_mid = 0;
    for round in 0..20 {
        reset(&pristine, &site);
        // The temporary file's name holds the pid: watch the folder.
        let watch: Vec<String> = if round % 4 == 3 {
            vec![target.clone()]
        } else {
            vec!["content/sessions/.killed-or-not.md.cairn-".to_string()]
        };
        let landed = kill_when_new(&site, &args, &watch);
        landed_mid += usize::from(landed && round % 4 != 3);
        settle(
            &site,
            &before,
            &after,
            &["check"],
            &format!("new round {round}"),
        );
    }
    eprintln!("new: 20 kills, {landed_mid} at its temporary file");
    for dir in [pristine, reference, site] {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Like [`kill_when`] for `new`: kills once a file whose path starts with
/// one of `watch` appears in its folder.
fn kill_when_new(site: &Path, args: &[&str], watch: &[String]) -> bool {
    use std::os::unix::process::ExitStatusExt;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cairn"))
        .arg("--root")
        .arg(site)
        .arg("-q")
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    let folder = site.join("content/sessions");
    let started = Instant::now();
    loop {
        let appeared = std::fs::read_dir(&folder).expect("dir").flatten().any(|e| {
            let rel = format!("content/sessions/{}", e.file_name().to_string_lossy());
            watch.iter().any(|w| rel.starts_with(w.as_str()))
        });
        if appeared || child.try_wait().expect("wait").is_some() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "cairn new hung"
        );
        std::thread::sleep(Duration::from_micros(200));
    }
    let _ = child.kill();
    let status = child.wait().expect("wait");
    let landed = status.signal() == Some(9);
    assert!(landed || status.success(), "cairn new ended with {status}");
    landed
}

#[test]
fn new_writes_nothing_through_a_folder_linked_out_of_the_site() {
    let site = temp("new-link-out");
    copy_dir(&crate::support::fixture("check/valid-base"), &site);
    let outside = temp("new-link-outside");
    std::fs::create_dir_all(&outside).expect("mkdir");
    let _ = std::fs::remove_dir_all(site.join("content/pages"));
    std::os::unix::fs::symlink(&outside, site.join("content/pages")).expect("symlink");
    let out = cairn(
        &site,
        &[
            "--root",
            site.to_str().expect("utf-8"),
            "new",
            "page",
            "about-us",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("content/pages is a symbolic link") && said.contains("nothing written"),
        "{said}"
    );
    assert_eq!(std::fs::read_dir(&outside).expect("dir").count(), 0);
    let _ = std::fs::remove_dir_all(site);
    let _ = std::fs::remove_dir_all(outside);
}
