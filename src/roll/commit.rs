//! Writing a roll all or nothing. The whole new `content/` and the archived
//! year are staged in `.cairn-roll-PID/` beside `content/`, flushed, and a
//! journal (`READY`) says the staging is whole; then one exchange of the
//! staged `content/` with the site's is the commit, after which the archive
//! is moved into `archive/` and the staging (now the old `content/`)
//! removed. Killed before the exchange, the site is as before and the
//! staging a leftover; killed after it, the site is the new year's with the
//! archive still in the staging. The next `roll` or `check` ([`recover`])
//! names such a leftover and finishes the commit (the journal is there and
//! `content/` is the staged one) or removes it.

use super::archive;
use super::tree::Tree;
use super::{Plan, edits};
use crate::user_files;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A staging folder is `.cairn-roll-PID` at the site root.
pub const PREFIX: &str = ".cairn-roll-";
/// The journal: written last into a whole staging.
const JOURNAL: &str = "READY";
/// The staged new `content/` (the old one after the exchange).
const CONTENT: &str = "content";
/// The staged archived year.
const ARCHIVE: &str = "archive";
/// Where the old `content/` goes where no exchange in one step exists.
const BEFORE: &str = "before";

/// Writes `plan` into the site at `root` all or nothing, keeping the year
/// before in `archive/LABEL/` when `keep` names it (with the trees whose
/// `static/` files it keeps).
pub fn write(root: &Path, plan: &Plan, keep: Option<(&str, &[Tree])>) -> Result<(), String> {
    let content = root.join(CONTENT);
    if content
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
    {
        return Err(
            "content/ is a symbolic link: roll replaces content/ whole, so it needs the folder itself; nothing written"
                .into(),
        );
    }
    // The archive goes into archive/: not through a link out of the site.
    if keep.is_some()
        && let Some((link, why)) = crate::symlinks::on_the_way(root, archive::DIR)
    {
        return Err(format!(
            "{link}/ is a symbolic link and {}: roll keeps the past year inside the site; nothing written",
            why.describe(&root.display().to_string())
        ));
    }
    let staging = root.join(format!("{PREFIX}{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    let staged = stage(root, plan, keep, &staging);
    if let Err(e) = staged {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(format!("{e}; nothing written"));
    }
    // The commit: content/ becomes the staged one in one step.
    if let Err(e) = user_files::exchange(&staging.join(CONTENT), &content, &staging.join(BEFORE)) {
        if content.exists() {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(format!("cannot replace content/: {e}; nothing written"));
        }
        return Err(format!(
            "cannot replace content/: {e}; the next cairn roll or cairn check finishes it"
        ));
    }
    finish(root, &staging).map_err(|e| {
        format!(
            "the new year is in content/, but {e}; the next cairn roll or cairn check finishes it"
        )
    })
}

/// The new `content/`, the archive and then the journal, in `staging`.
fn stage(
    root: &Path,
    plan: &Plan,
    keep: Option<(&str, &[Tree])>,
    staging: &Path,
) -> Result<(), String> {
    if let Some((label, _)) = keep
        && root.join(archive::DIR).join(label).exists()
    {
        return Err(format!(
            "{}/{label}/ already exists: that year is already archived (remove it to archive it again)",
            archive::DIR
        ));
    }
    std::fs::create_dir_all(staging)
        .map_err(|e| format!("cannot create {}: {e}", staging.display()))?;
    let into = staging.join(CONTENT);
    stage_content(root, plan, &into)?;
    let label = match keep {
        Some((label, trees)) => {
            archive::stage(root, trees, &staging.join(ARCHIVE)).map_err(|e| {
                format!("cannot archive the current year into archive/{label}/: {e}")
            })?;
            label
        }
        None => "-",
    };
    user_files::flush(staging);
    let journal = format!("{label}\n{}\n", identity(&into).unwrap_or_default());
    user_files::write(staging, JOURNAL, journal.as_bytes())?;
    Ok(())
}

/// A copy of `content/` with the plan's texts and names: unchanged files
/// are hard links to the old ones (copies where links cannot be made),
/// symbolic links are made again as they are written.
fn stage_content(root: &Path, plan: &Plan, into: &Path) -> Result<(), String> {
    let under = |p: &str| p.strip_prefix("content/").map(str::to_string);
    let mut texts: HashMap<String, String> = HashMap::new();
    let mut paths: Vec<&str> = plan.changes.iter().map(|c| c.path.as_str()).collect();
    paths.dedup();
    for path in paths {
        let raw = std::fs::read_to_string(root.join(path))
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        let changes: Vec<_> = plan.changes.iter().filter(|c| c.path == path).collect();
        if let Some(rel) = under(path) {
            texts.insert(rel, edits::apply(&raw, &changes)?);
        }
    }
    let renamed: HashMap<String, String> = plan
        .renames
        .iter()
        .filter_map(|r| Some((under(&r.from)?, under(&r.to)?)))
        .collect();
    let content = root.join(CONTENT);
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let entry = entry.map_err(|e| format!("cannot read content/: {e}"))?;
        let rel = crate::paths::relative(&content, entry.path());
        let dest = into.join(renamed.get(&rel).unwrap_or(&rel));
        let copied = (|| -> std::io::Result<()> {
            let kind = entry.file_type();
            if kind.is_dir() {
                // The folder's permissions too (a shared group's, say).
                std::fs::create_dir_all(&dest)?;
                return std::fs::set_permissions(&dest, entry.metadata()?.permissions());
            }
            if kind.is_symlink() {
                return relink(entry.path(), &dest);
            }
            match texts.get(&rel) {
                Some(text) => {
                    std::fs::write(&dest, text)?;
                    let perms = std::fs::metadata(entry.path())?.permissions();
                    std::fs::set_permissions(&dest, perms)
                }
                None => std::fs::hard_link(entry.path(), &dest)
                    .or_else(|_| std::fs::copy(entry.path(), &dest).map(|_| ())),
            }
        })();
        copied.map_err(|e| format!("cannot stage content/{rel}: {e}"))?;
    }
    Ok(())
}

#[cfg(unix)]
fn relink(link: &Path, dest: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(std::fs::read_link(link)?, dest)
}

#[cfg(not(unix))]
fn relink(link: &Path, dest: &Path) -> std::io::Result<()> {
    std::fs::copy(link, dest).map(|_| ())
}

/// Tells the staged `content/` after the exchange: `DEV:INODE`.
#[cfg(unix)]
fn identity(dir: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::symlink_metadata(dir).ok()?;
    Some(format!("{}:{}", m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_: &Path) -> Option<String> {
    None
}

/// After the commit: the old `content/` in place when the commit was the
/// two renames and stopped between them, the archive moved in, the
/// journal and then the staging removed.
fn finish(root: &Path, staging: &Path) -> Result<(), String> {
    let content = root.join(CONTENT);
    if !content.exists() {
        user_files::move_in(&staging.join(CONTENT), &content)
            .map_err(|e| format!("cannot move the new content/ in: {e}"))?;
    }
    let journal = std::fs::read_to_string(staging.join(JOURNAL)).unwrap_or_default();
    let label = journal.lines().next().unwrap_or("-");
    let staged = staging.join(ARCHIVE);
    if archive::is_label(label) && staged.exists() {
        user_files::move_in(&staged, &root.join(archive::DIR).join(label))
            .map_err(|e| format!("cannot move the archive into archive/{label}/: {e}"))?;
    }
    std::fs::remove_file(staging.join(JOURNAL))
        .map_err(|e| format!("cannot remove {}: {e}", staging.display()))?;
    user_files::sync_dir(staging);
    std::fs::remove_dir_all(staging)
        .map_err(|e| format!("cannot remove {}: {e}", staging.display()))
}

/// True when the commit of the staging happened: its journal is there and
/// `content/` is the staged one (or gone, or aside, between two renames).
fn committed(root: &Path, staging: &Path) -> bool {
    let Ok(journal) = std::fs::read_to_string(staging.join(JOURNAL)) else {
        return false;
    };
    let content = root.join(CONTENT);
    let id = journal.lines().nth(1).unwrap_or("");
    staging.join(BEFORE).exists()
        || !content.exists()
        || (!id.is_empty() && identity(&content).as_deref() == Some(id))
}

/// The staging folders at `root` of rolls that no longer run.
fn stopped(root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_prefix(PREFIX))
                .and_then(|pid| pid.parse().ok())
                .is_some_and(|pid| !user_files::running(pid))
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// What [`recover`] would finish or remove, named, changing nothing (for
/// `roll --dry-run`).
pub fn pending(root: &Path) -> Vec<String> {
    stopped(root)
        .iter()
        .map(|s| {
            let name = crate::paths::relative(root, s);
            if committed(root, s) {
                format!("{name}/ holds a roll stopped after it had replaced content/: cairn roll or cairn check finishes it")
            } else {
                format!("{name}/ holds a roll stopped before it changed anything: cairn roll or cairn check removes it")
            }
        })
        .collect()
}

/// Finishes or removes what a killed `roll` left at `root` (and the
/// temporary files a killed write left under `content/`); says what it did,
/// a line each.
pub fn recover(root: &Path) -> Vec<String> {
    let mut notes = Vec::new();
    for staging in stopped(root) {
        let name = crate::paths::relative(root, &staging);
        if committed(root, &staging) {
            notes.push(match finish(root, &staging) {
                Ok(()) => format!(
                    "a roll was stopped after it had replaced content/: finished it (the archive moved into archive/) and removed {name}/"
                ),
                Err(e) => format!("a roll was stopped after it had replaced content/, and {e}"),
            });
        } else {
            let _ = std::fs::remove_file(staging.join(JOURNAL));
            notes.push(match std::fs::remove_dir_all(&staging) {
                Ok(()) => format!(
                    "a roll was stopped before it changed anything: removed what it had prepared ({name}/); content/ is as it was"
                ),
                Err(e) => format!("a roll was stopped before it changed anything; cannot remove {name}/: {e}"),
            });
        }
    }
    for left in user_files::clean_leftovers(&root.join(CONTENT)) {
        notes.push(format!(
            "removed content/{left}, a temporary file a stopped write left"
        ));
    }
    notes
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// A site whose `content/` holds `old`, and a roll's whole staging
    /// (journal included) of a process that no longer runs, whose
    /// `content/` holds `new`.
    fn staged(name: &str) -> (PathBuf, PathBuf) {
        let root = std::env::temp_dir().join(format!("cairn-commit-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let staging = root.join(format!("{PREFIX}2147483632"));
        for (dir, text) in [
            (root.join("content"), "old"),
            (staging.join("content"), "new"),
            (staging.join("archive/content"), "old"),
        ] {
            std::fs::create_dir_all(&dir).expect("mkdir");
            std::fs::write(dir.join("a.md"), text).expect("write");
        }
        let id = identity(&staging.join("content")).expect("identity");
        std::fs::write(staging.join(JOURNAL), format!("2025-26\n{id}\n")).expect("journal");
        (root, staging)
    }

    fn read(path: PathBuf) -> String {
        std::fs::read_to_string(path).unwrap_or_default()
    }

    #[test]
    fn a_roll_stopped_after_the_exchange_is_finished() {
        let (root, staging) = staged("after-exchange");
        user_files::exchange(
            &staging.join("content"),
            &root.join("content"),
            &staging.join("before"),
        )
        .expect("exchange");
        let notes = recover(&root);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("finished it"), "{notes:?}");
        assert_eq!(read(root.join("content/a.md")), "new");
        assert_eq!(read(root.join("archive/2025-26/content/a.md")), "old");
        assert!(!staging.exists());
        assert!(recover(&root).is_empty());
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_roll_stopped_between_two_renames_is_finished() {
        let (root, staging) = staged("between-renames");
        std::fs::rename(root.join("content"), staging.join(BEFORE)).expect("aside");
        let notes = recover(&root);
        assert!(notes[0].contains("finished it"), "{notes:?}");
        assert_eq!(read(root.join("content/a.md")), "new");
        assert_eq!(read(root.join("archive/2025-26/content/a.md")), "old");
        assert!(!staging.exists());
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_roll_stopped_before_the_exchange_is_removed() {
        for journal in [true, false] {
            let (root, staging) = staged(&format!("before-exchange-{journal}"));
            if !journal {
                std::fs::remove_file(staging.join(JOURNAL)).expect("rm");
            }
            // A dry run names it and leaves it.
            let pending = pending(&root);
            assert!(
                pending[0].contains("before it changed anything"),
                "{pending:?}"
            );
            assert!(staging.exists());
            let notes = recover(&root);
            assert!(notes[0].contains("before it changed anything"), "{notes:?}");
            assert!(notes[0].contains(".cairn-roll-2147483632"), "{notes:?}");
            assert_eq!(read(root.join("content/a.md")), "old");
            assert!(!root.join("archive").exists());
            assert!(!staging.exists());
            let _ = std::fs::remove_dir_all(root);
        }
    }

    #[test]
    fn an_archive_linked_out_of_the_site_is_refused() {
        let (root, staging) = staged("archive-out");
        std::fs::remove_dir_all(&staging).expect("rm");
        let outside = root.with_extension("outside");
        std::fs::create_dir_all(&outside).expect("mkdir");
        std::os::unix::fs::symlink(&outside, root.join("archive")).expect("symlink");
        let plan = Plan {
            old_starts: jiff::civil::date(2025, 7, 1),
            new_starts: jiff::civil::date(2026, 7, 1),
            changes: Vec::new(),
            renames: Vec::new(),
            review: Vec::new(),
            sessions: Vec::new(),
        };
        let e = write(&root, &plan, Some(("2025-26", &[]))).expect_err("refused");
        assert!(e.contains("archive/ is a symbolic link"), "{e}");
        assert_eq!(std::fs::read_dir(&outside).expect("dir").count(), 0);
        assert_eq!(read(root.join("content/a.md")), "old");
        let _ = std::fs::remove_dir_all(root);
        let _ = std::fs::remove_dir_all(outside);
    }

    #[test]
    fn a_running_roll_is_left_alone() {
        let (root, staging) = staged("running");
        let mine = root.join(format!("{PREFIX}{}", std::process::id()));
        std::fs::rename(&staging, &mine).expect("rename");
        assert!(recover(&root).is_empty());
        assert!(mine.exists());
        let _ = std::fs::remove_dir_all(root);
    }
}
