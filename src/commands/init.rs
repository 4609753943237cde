//! `cairn init [DIR]`: a new program from the built-in starter
//! (`examples/starter/`, embedded in the binary). Refuses a folder holding
//! anything but dot-files: a fresh `git init` or clone (`.git/`,
//! `.gitignore`) is where a program usually starts. A dot-file the starter
//! also has is kept; a `.gitignore` gets the starter's lines it lacks.

use super::{OK, fail};
use include_dir::{Dir, include_dir};
use std::path::Path;

/// The starter site, embedded.
pub static STARTER: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/examples/starter");

/// Writes the starter into `dir` (default: the working directory).
pub fn run(dir: Option<&Path>, quiet: bool) -> u8 {
    let dir = dir.unwrap_or(Path::new("."));
    if dir.exists() {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return fail(&format!("cannot read {}: {e}", dir.display())),
        };
        let mut visible: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        visible.sort();
        if let Some(first) = visible.first() {
            return fail(&format!(
                "{} is not empty (it holds {first}): cairn init only fills a new folder, an empty one, or one holding only dot-files such as .git/ and .gitignore",
                dir.display()
            ));
        }
    }
    let mut kept = Vec::new();
    if let Err(e) = write(&STARTER, dir, &mut kept) {
        return fail(&format!(
            "cannot write the starter into {}: {e}",
            dir.display()
        ));
    }
    if let Err(e) = start_now(dir, jiff::Zoned::now().date()) {
        return fail(&format!(
            "cannot move the starter's dates to this academic year: {e}"
        ));
    }
    if !quiet {
        for path in &kept {
            eprintln!("kept your {path} (the starter has one too)");
        }
        eprintln!("created a new program in {}", dir.display());
        eprintln!("next: cd {} && cairn check && cairn build", dir.display());
    }
    OK
}

/// Rolls the starter just written in `dir` to the academic year that holds
/// `today` (or the next, when it starts within two months or this one has
/// no session left), so a new site shows upcoming sessions. Nothing is
/// archived: the starter's own year was never the program's.
fn start_now(dir: &Path, today: jiff::civil::Date) -> Result<(), String> {
    use crate::roll;
    let (loaded, _) = crate::site::load(dir);
    let trees = roll::tree::read(&loaded.files);
    let (starts, _) = roll::starts_of(&trees).ok_or("the starter has no `starts`")?;
    let Some(mut to) = roll::dates::year_for(today, starts) else {
        return Ok(());
    };
    let mut plan = roll::plan(&loaded.files, to)?;
    if !plan.sessions.iter().any(|s| s.new_date >= today) {
        to = to
            .checked_add(jiff::ToSpan::year(1))
            .map_err(|e| e.to_string())?;
        plan = roll::plan(&loaded.files, to)?;
    }
    if to == starts {
        return Ok(());
    }
    crate::roll::commit::write(dir, &plan, None)
}

/// Writes the starter's files under `into`, keeping any that is there
/// already (only dot-files can be: `run` refuses anything else), whose
/// paths go to `kept`; an existing `.gitignore` gets the lines it lacks.
fn write(d: &Dir<'_>, into: &Path, kept: &mut Vec<String>) -> Result<(), String> {
    std::fs::create_dir_all(into).map_err(|e| e.to_string())?;
    for file in d.files() {
        let rel = crate::paths::slashed(file.path());
        let target = into.join(file.path());
        if target.file_name().is_some_and(|n| n == ".gitignore") && target.is_file() {
            let mut ours = std::fs::read_to_string(&target).map_err(|e| e.to_string())?;
            let theirs = String::from_utf8_lossy(file.contents());
            let missing: Vec<&str> = theirs
                .lines()
                .filter(|l| !l.is_empty() && !ours.lines().any(|o| o.trim() == l.trim()))
                .collect();
            if !missing.is_empty() {
                if !ours.is_empty() && !ours.ends_with('\n') {
                    ours.push('\n');
                }
                for line in missing {
                    ours.push_str(line);
                    ours.push('\n');
                }
                crate::user_files::write(into, &rel, ours.as_bytes())?;
            }
        } else if target.symlink_metadata().is_ok() {
            kept.push(file.path().display().to_string());
        } else {
            crate::user_files::write(into, &rel, file.contents())?;
        }
    }
    for sub in d.dirs() {
        write(sub, into, kept)?;
    }
    Ok(())
}
