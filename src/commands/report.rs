//! `cairn report [--format markdown|csv|json] [-o PATH]`: the Annual
//! Program Evaluation summary (`crate::report`), printed or written. With
//! `--format csv`, a `-o` path ending in `.csv` is one file holding every
//! table; any other path is a folder with one `SECTION.csv` per section and
//! a `.cairn-report` list of them. A folder that exists and holds anything
//! else is refused (exit 2, nothing written). Each file is written beside
//! its place and renamed into it, so a reader never sees half a file.

use super::{Global, INVALID, OK, fail};
use crate::cli::{ReportArgs, ReportFormat};
use crate::pipeline::{self, Options};
use crate::report::{self, format};
use crate::roll::archive;
use std::fs;
use std::path::Path;

/// The list a report folder holds of the files cairn wrote there.
pub const MARKER: &str = ".cairn-report";

/// Makes the report and prints or writes it; returns the exit status.
pub fn run(global: &Global, args: &ReportArgs) -> u8 {
    let root = match global.site_root() {
        Ok(root) => root,
        Err(e) => return fail(&e),
    };
    let folder = match &args.output {
        Some(out) if args.format == ReportFormat::Csv && !is_csv_file(out) => Some(out.clone()),
        _ => None,
    };
    // Refused before any work, so nothing is written.
    if let Some(dir) = &folder
        && let Err(e) = folder_is_ours(dir)
    {
        return fail(&e);
    }
    if let Some(out) = args.output.as_ref().filter(|_| folder.is_none())
        && out.is_dir()
    {
        return fail(&format!(
            "{} is a folder: give a file name (with --format csv, a folder gets one file per section)",
            out.display()
        ));
    }
    let options = Options::default();
    let current = pipeline::check(&root, &options);
    let Some(model) = current
        .model
        .as_ref()
        .filter(|_| !current.diagnostics.has_errors())
    else {
        eprintln!("error: the site has errors (`cairn check` lists them): no report made");
        return INVALID;
    };
    let past = archive::list(&root)
        .last()
        .map(|a| pipeline::check(&a.root, &options));
    let past_model = past.as_ref().and_then(|p| p.model.as_ref());
    if !global.quiet && past.as_ref().is_some_and(|p| p.diagnostics.has_errors()) {
        eprintln!(
            "note: the past year has errors (cairn check lists them); items in broken files are missing from its changes"
        );
    }
    let r = report::build(model, past_model);
    let written = match (&folder, &args.output) {
        (Some(dir), _) => write_folder(dir, &format::tables(&r)),
        (None, Some(file)) => write_file(file, text(&r, args.format).as_bytes()),
        (None, None) => {
            super::print_out(&text(&r, args.format));
            return OK;
        }
    };
    match written {
        Ok(()) => OK,
        Err(e) => fail(&e),
    }
}

fn text(r: &report::Report, f: ReportFormat) -> String {
    match f {
        ReportFormat::Markdown => format::markdown(r),
        ReportFormat::Csv => format::csv(r),
        ReportFormat::Json => format::json(r),
    }
}

fn is_csv_file(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) && !p.is_dir()
}

/// Ok when `dir` is missing, empty, or holds nothing but what the last
/// report listed in its [`MARKER`].
fn folder_is_ours(dir: &Path) -> Result<(), String> {
    if !dir.exists() {
        return Ok(());
    }
    if !dir.is_dir() {
        return Err(format!(
            "{} is a file: with --format csv, -o names a folder (or a file ending in .csv)",
            dir.display()
        ));
    }
    // What a killed report left (`.NAME.cairn-PID`) is no one else's.
    crate::user_files::clean_leftovers(dir);
    let listed: Vec<String> = fs::read_to_string(dir.join(MARKER))
        .map(|t| t.lines().skip(1).map(str::to_string).collect())
        .unwrap_or_default();
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut foreign: Vec<String> = Vec::new();
    for entry in entries {
        let name = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name != MARKER && !listed.contains(&name) {
            foreign.push(name);
        }
    }
    if foreign.is_empty() {
        return Ok(());
    }
    foreign.sort();
    let more = foreign.len().saturating_sub(5);
    foreign.truncate(5);
    Err(format!(
        "{} holds files cairn report did not write ({}{}): nothing written; choose a new or empty folder",
        dir.display(),
        foreign.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    ))
}

/// Writes `bytes` to `path` through a temporary file beside it
/// ([`crate::user_files`]).
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    crate::user_files::write_path(path, bytes)
}

/// One `SECTION.csv` per table, then the list of them.
fn write_folder(dir: &Path, tables: &[format::Table]) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut list = String::from(
        "This folder was written by `cairn report`; the next report replaces the files listed below.\n",
    );
    for t in tables {
        let name = format!("{}.csv", t.name);
        write_file(&dir.join(&name), format::table_csv(t).as_bytes())?;
        list.push_str(&name);
        list.push('\n');
    }
    write_file(&dir.join(MARKER), list.as_bytes())
}
