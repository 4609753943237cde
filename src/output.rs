//! Writes a build to disk (`init` and `new` write their own single files). A build is written to a fresh folder
//! beside the target (`.NAME.cairn-new-PID`), then swapped in with one atomic
//! exchange (renameat2 `RENAME_EXCHANGE`) where the system has one, else two
//! renames; a build killed at any moment leaves the old or the new output,
//! never a mix. Leftovers of killed builds are removed by the next one.
//!
//! Every build leaves [`MARKER`] at the top of its folder, listing every file
//! it wrote (SPEC 9.1). A folder that holds any other file (a web root, an
//! office's `uploads/`) is someone else's too, and is replaced only with
//! `--force`: a build replaces the folder whole, so those files would be lost.

use crate::paths::relative;
use crate::render::OutputFile;
use crate::site::statics::Statics;
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The file every build writes at the top of its output folder, so the next
/// build knows which files are cairn's to replace.
pub(crate) use crate::routes::MARKER;

/// The marker's first line; the files the build wrote follow it, one a line.
/// Earlier versions wrote a first line and nothing else.
const MARKER_TEXT: &str = "This folder was written by `cairn build`; the next build replaces it when it holds nothing but the files listed below.\n";

/// How many of the files cairn did not write a refusal names.
const NAMED: usize = 10;

/// Refuses output folders that would clobber the site (SPEC 6), and folders
/// cairn did not write unless `force` (SPEC 8).
pub(crate) fn check_target(root: &Path, out: &Path, force: bool) -> Result<(), String> {
    let root = root
        .canonicalize()
        .map_err(|e| format!("cannot resolve the site root: {e}"))?;
    let out_abs = absolute(out)?;
    let bad = out_abs == root
        || root.starts_with(&out_abs)
        || crate::layout::INPUT_FOLDERS
            .iter()
            .any(|d| out_abs.starts_with(root.join(d)))
        || out_abs.parent().is_none();
    if bad {
        return Err(format!(
            "refusing to write the site into {}: the output folder may not be the site root, inside content/, static/ or templates/, or above the root",
            out.display()
        ));
    }
    if force || !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(format!(
            "refusing to replace {}: it is a file, not a folder; remove it or choose another folder with -o (--force replaces it)",
            out.display()
        ));
    }
    let others = others(out)?;
    if others.is_empty() {
        return Ok(());
    }
    let mut named = others
        .iter()
        .take(NAMED)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if others.len() > NAMED {
        named.push_str(&format!(" and {} more", others.len() - NAMED));
    }
    Err(format!(
        "refusing to replace {}: it holds files that cairn did not write ({named}), and a build replaces the whole folder. Move them elsewhere, choose an empty or new folder with -o, or pass --force to replace it and everything in it",
        out.display()
    ))
}

/// The files under `out` that its marker does not list, `/`-separated and
/// sorted (folders aside): every file when there is no marker, none when the
/// marker has no list (an earlier version's, which listed nothing).
fn others(out: &Path) -> Result<Vec<String>, String> {
    let marker = match fs::read(out.join(MARKER)) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("cannot read {}: {e}", out.join(MARKER).display())),
    };
    let listed: HashSet<&str> = match &marker {
        Some(text) => {
            let list: HashSet<&str> = text.lines().skip(1).filter(|l| !l.is_empty()).collect();
            if list.is_empty() {
                return Ok(Vec::new());
            }
            list
        }
        None => HashSet::new(),
    };
    let mut others = Vec::new();
    for entry in walkdir::WalkDir::new(out).min_depth(1).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            // An entry cairn cannot read is not known to be its own.
            Err(e) => {
                let path = e.path().unwrap_or(out);
                others.push(relative(out, path));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = relative(out, entry.path());
        if rel != MARKER && !listed.contains(rel.as_str()) {
            others.push(rel);
        }
    }
    Ok(others)
}

/// `path` made absolute with its existing part resolved through symlinks.
fn absolute(path: &Path) -> Result<PathBuf, String> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| e.to_string())?
            .join(path)
    };
    let mut existing = abs.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for part in rest.into_iter().rev() {
        if part == ".." {
            resolved.pop();
        } else if part != "." {
            resolved.push(part);
        }
    }
    Ok(resolved)
}

/// A build being written: files go into a fresh folder beside the target,
/// which [`Output::finish`] swaps in. Dropped unfinished, it removes the
/// fresh folder and leaves the target as it was.
#[derive(Debug)]
pub(crate) struct Output {
    fresh: PathBuf,
    out: PathBuf,
    parent: PathBuf,
    name: String,
    /// Every file written, for the marker's list.
    written: Mutex<Vec<String>>,
    done: bool,
}

impl Output {
    /// Starts a build into `out`, with a copy of `static/` as its base.
    pub(crate) fn begin(out: &Path, statics: &Statics) -> Result<Output, String> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        let name = out
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().to_string());
        clean_leftovers(&parent, &name);
        let fresh = parent.join(format!(".{name}.cairn-new-{}", std::process::id()));
        let _ = fs::remove_dir_all(&fresh);
        let output = Output {
            fresh,
            out: out.to_path_buf(),
            parent,
            name,
            written: Mutex::new(Vec::new()),
            done: false,
        };
        fs::create_dir_all(&output.fresh)
            .map_err(|e| format!("cannot create {}: {e}", output.fresh.display()))?;
        let copied = copy_static(&output.fresh, statics)?;
        output.record(copied);
        Ok(output)
    }

    /// Writes one file (from any thread).
    pub(crate) fn write(&self, file: OutputFile) -> Result<(), String> {
        let target = self.fresh.join(&file.path);
        if let Some(p) = target.parent() {
            fs::create_dir_all(p).map_err(|e| format!("cannot create {}: {e}", p.display()))?;
        }
        fs::write(&target, &file.bytes)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        self.record(vec![file.path]);
        Ok(())
    }

    fn record(&self, paths: Vec<String>) {
        // A poisoned lock only means another writer panicked; the list is whole.
        let mut written = self
            .written
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        written.extend(paths);
    }

    /// Writes the marker with its sorted list (so two builds of one site are
    /// byte for byte the same), then swaps the new site in.
    pub(crate) fn finish(mut self) -> Result<(), String> {
        self.done = true;
        let mut written = std::mem::take(
            self.written
                .get_mut()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        written.sort_unstable();
        written.dedup();
        let mut text = String::from(MARKER_TEXT);
        for path in written.iter().filter(|p| p.as_str() != MARKER) {
            text.push_str(path);
            text.push('\n');
        }
        let marker = self.fresh.join(MARKER);
        if let Err(e) = fs::write(&marker, text) {
            let _ = fs::remove_dir_all(&self.fresh);
            return Err(format!("cannot write {}: {e}", marker.display()));
        }
        let result = swap(&self.fresh, &self.out, &self.parent, &self.name);
        if result.is_err() {
            let _ = fs::remove_dir_all(&self.fresh);
        }
        result
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.fresh);
        }
    }
}

/// Copies `static/` (as its check walked it) into `dir`; returns the files
/// copied, as the marker lists them.
fn copy_static(dir: &Path, statics: &Statics) -> Result<Vec<String>, String> {
    let io = |p: &Path, e: std::io::Error| format!("cannot write {}: {e}", p.display());
    let mut copied = Vec::new();
    for entry in &statics.entries {
        let target = dir.join(&entry.rel);
        if entry.folder {
            fs::create_dir_all(&target).map_err(|e| io(&target, e))?;
        } else {
            fs::copy(statics.path(&entry.rel), &target).map_err(|e| io(&target, e))?;
            copied.push(entry.rel.clone());
        }
    }
    Ok(copied)
}

/// Puts `fresh` where `out` is: exchange when `out` exists, else rename.
fn swap(fresh: &Path, out: &Path, parent: &Path, name: &str) -> Result<(), String> {
    if !out.exists() {
        return fs::rename(fresh, out)
            .map_err(|e| format!("cannot move the new site into {}: {e}", out.display()));
    }
    let exchanged = rustix::fs::renameat_with(
        rustix::fs::CWD,
        fresh,
        rustix::fs::CWD,
        out,
        rustix::fs::RenameFlags::EXCHANGE,
    );
    if exchanged.is_ok() {
        // `fresh` now holds the old site.
        remove_tree(fresh);
        return Ok(());
    }
    // No atomic exchange here (another OS or file system): two renames.
    let old = parent.join(format!(".{name}.cairn-old-{}", std::process::id()));
    fs::rename(out, &old).map_err(|e| format!("cannot replace {}: {e}", out.display()))?;
    fs::rename(fresh, out).map_err(|e| format!("cannot replace {}: {e}", out.display()))?;
    remove_tree(&old);
    Ok(())
}

/// Removes a folder tree, its top-level entries in parallel (big sites have
/// thousands of folders, and unlinking them one by one dominates a rebuild).
fn remove_tree(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        let paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.par_iter().for_each(|p| {
            if p.is_dir() {
                let _ = fs::remove_dir_all(p);
            } else {
                let _ = fs::remove_file(p);
            }
        });
    }
    let _ = fs::remove_dir_all(dir);
}

/// Removes `.NAME.cairn-new-*` and `.NAME.cairn-old-*` left by killed builds.
fn clean_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let n = entry.file_name().to_string_lossy().to_string();
        if n.starts_with(&format!(".{name}.cairn-new-"))
            || n.starts_with(&format!(".{name}.cairn-old-"))
        {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_dangerous_targets() {
        let root = std::env::temp_dir().join(format!("cairn-out-test-{}", std::process::id()));
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(check_target(&root, &root, true).is_err());
        assert!(check_target(&root, &root.join("content/x"), true).is_err());
        assert!(check_target(&root, root.parent().unwrap(), true).is_err());
        assert!(check_target(&root, Path::new("/"), true).is_err());
        assert!(check_target(&root, &root.join("public"), false).is_ok());
        let _ = fs::remove_dir_all(&root);
    }

    /// SPEC 9.1: a folder is replaced only when it is missing, empty, or
    /// holds nothing but the files its `.cairn-build` lists; any other file
    /// is refused and named, unless `--force`.
    #[test]
    fn replaces_only_what_the_marker_lists() {
        let root = std::env::temp_dir().join(format!("cairn-out-list-{}", std::process::id()));
        let public = root.join("public");
        fs::create_dir_all(public.join("sessions")).unwrap();
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(
            check_target(&root, &public, false).is_ok(),
            "an empty folder"
        );
        fs::write(public.join("index.html"), "x").unwrap();
        fs::write(public.join("sessions/a.ics"), "x").unwrap();
        let listed = format!("{MARKER_TEXT}index.html\nsessions/a.ics\n");
        fs::write(public.join(MARKER), &listed).unwrap();
        assert!(
            check_target(&root, &public, false).is_ok(),
            "only listed files"
        );
        // A file the build did not write, beside a marker that lists others.
        fs::write(public.join("office-upload.pdf"), "x").unwrap();
        let refused = check_target(&root, &public, false).unwrap_err();
        assert!(refused.contains("office-upload.pdf"), "{refused}");
        assert!(check_target(&root, &public, true).is_ok(), "--force");
        // Without any marker, every file is foreign.
        fs::remove_file(public.join(MARKER)).unwrap();
        fs::remove_file(public.join("office-upload.pdf")).unwrap();
        let refused = check_target(&root, &public, false).unwrap_err();
        assert!(refused.contains("index.html"), "{refused}");
        // A marker with no list (written by an earlier version) counts as
        // listing everything, once: the build then writes a list.
        fs::write(public.join("office-upload.pdf"), "x").unwrap();
        fs::write(public.join(MARKER), MARKER_TEXT).unwrap();
        assert!(
            check_target(&root, &public, false).is_ok(),
            "an earlier version's marker"
        );
        let _ = fs::remove_dir_all(&root);
    }
}
