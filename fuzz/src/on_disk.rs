//! cairn's commands run in-process on a folder, as the command line runs
//! them (through `cairn::commands`), for the fuzz targets: a fresh folder
//! per process, a check's errors, a roll with its `review:` lines.

use cairn::cli::RollArgs;
use cairn::commands::{Global, OK};
use cairn::diagnostics::Severity;
use cairn::pipeline::{self, Options};
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// A fresh, empty folder for this process's site `name`.
pub fn fresh(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cairn-fuzz-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Every file under `dir/content`, by path relative to it.
pub fn snapshot(root: &Path) -> crate::trip::Tree {
    let content = root.join("content");
    walkdir::WalkDir::new(&content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(&content).ok()?;
            Some((rel.to_string_lossy().into_owned(), std::fs::read(e.path()).ok()?))
        })
        .collect()
}

/// `(file, line)` of each error `cairn check` finds in the current year.
pub fn errors(root: &Path) -> Vec<(String, u32, String)> {
    let checked = pipeline::check(root, &Options::default());
    checked
        .diagnostics
        .items()
        .iter()
        .inspect(|d| assert!(d.line >= 1 && d.column >= 1, "{d:?}"))
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.file.clone(), d.line, format!("{} {}", d.code, d.message)))
        .collect()
}

/// The site's `starts`, as roll reads it.
pub fn starts(root: &Path) -> Option<Date> {
    let (loaded, _) = cairn::site::load(root);
    let trees = cairn::roll::tree::read(&loaded.files);
    cairn::roll::starts_of(&trees).map(|(d, _)| d)
}

/// `cairn roll [--to TO --force]` on `root`: its `review:` lines (from the
/// plan it prints) when it succeeded.
pub fn roll(root: &Path, to: Option<Date>) -> Option<Vec<String>> {
    let (loaded, _) = cairn::site::load(root);
    let trees = cairn::roll::tree::read(&loaded.files);
    let (starts, _) = cairn::roll::starts_of(&trees)?;
    let target = match to {
        Some(to) => to,
        None => starts.checked_add(jiff::ToSpan::year(1)).ok()?,
    };
    let review = cairn::roll::plan(&loaded.files, target).ok()?.review;
    let global = Global {
        root: Some(root.to_path_buf()),
        color: false,
        quiet: true,
        verbose: false,
    };
    let args = RollArgs {
        to,
        dry_run: false,
        force: to.is_some(),
    };
    (cairn::commands::roll::run(&global, &args) == OK).then_some(review)
}
