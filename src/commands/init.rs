//! `cairn init [DIR]`: a new program from the built-in starter
//! (`examples/starter/`, embedded in the binary). Refuses a non-empty folder.

use super::{OK, fail};
use include_dir::{Dir, include_dir};
use std::path::Path;

/// The starter site, embedded.
pub static STARTER: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/examples/starter");

/// Writes the starter into `dir` (default: the working directory).
pub fn run(dir: Option<&Path>, quiet: bool) -> u8 {
    let dir = dir.unwrap_or(Path::new("."));
    if dir.exists() {
        let empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none());
        if !empty {
            return fail(&format!(
                "{} is not empty: cairn init only fills an empty or new folder",
                dir.display()
            ));
        }
    }
    if let Err(e) = write(&STARTER, dir) {
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
    crate::commands::roll::write(dir, &plan)
}

fn write(d: &Dir<'_>, into: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(into)?;
    for file in d.files() {
        let target = into.join(file.path());
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(target, file.contents())?;
    }
    for sub in d.dirs() {
        write(sub, into)?;
    }
    Ok(())
}
