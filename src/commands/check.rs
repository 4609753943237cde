//! `cairn check`: runs every stage up to validation and prints the
//! diagnostics, after finishing or removing what a killed `roll` or `new`
//! left (`roll::commit::recover`).

use super::{Global, INVALID, OK};
use crate::cli::CheckArgs;
use crate::diagnostics::Diagnostics;
use crate::diagnostics::render::{self, Format};
use crate::pipeline::{self, Options};
use crate::site::Texts;

/// Checks the site and prints the diagnostics in the chosen format.
pub fn run(global: &Global, args: &CheckArgs) -> u8 {
    let root = match global.site_root() {
        Ok(root) => root,
        Err(e) => return super::fail(&e),
    };
    // What a killed `roll` or `new` left is named and finished or removed
    // first, so the check reads the site as it is meant to be.
    for note in crate::roll::commit::recover(&root) {
        eprintln!("note: {note}");
    }
    let options = Options {
        drafts: args.drafts,
        verbose: global.verbose,
        // Nothing is rendered: each text goes once its file is scanned.
        texts: Texts::Drop,
    };
    // Past years under archive/ are checked too, each on its own.
    let site = pipeline::check_site(&root, &options);
    let ds = &site.diagnostics;
    match args.format {
        Format::Json => super::print_out(&format!("{}\n", render::json(ds))),
        Format::Github => super::print_out(&render::github(ds, &github_prefix(&root))),
        Format::Human => {
            // -q: the errors and warnings, and nothing when there are none.
            // Source lines are read only for files the diagnostics name.
            if !(global.quiet && ds.items().is_empty()) {
                eprint!("{}", site.human(global.color));
            }
        }
    }
    let status = exit_status(ds, args.deny_warnings);
    // The process ends next: the system takes its memory back at once,
    // faster than freeing a big site's values one by one.
    std::mem::forget(site);
    status
}

/// 1 with errors, or with warnings under `--deny-warnings`; else 0.
pub fn exit_status(ds: &Diagnostics, deny_warnings: bool) -> u8 {
    if ds.has_errors() || (deny_warnings && ds.warnings() > 0) {
        INVALID
    } else {
        OK
    }
}

/// The site root relative to the working directory, as a path prefix
/// (`""` when they are the same; `../` steps when the working directory is
/// inside the site or beside it), for GitHub annotations (SPEC 6).
fn github_prefix(root: &std::path::Path) -> String {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|c| c.canonicalize().ok());
    let root = root.canonicalize().ok();
    match (cwd, root) {
        (Some(cwd), Some(root)) => crate::paths::relative_prefix(&cwd, &root),
        _ => String::new(),
    }
}
