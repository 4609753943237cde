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
    if !quiet {
        eprintln!("created a new program in {}", dir.display());
        eprintln!("next: cd {} && cairn check && cairn build", dir.display());
    }
    OK
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
