//! `cairn check`: runs every stage up to validation and prints the diagnostics.

use super::{Global, INVALID, OK};
use crate::cli::CheckArgs;
use crate::diagnostics::Diagnostics;
use crate::diagnostics::render::{self, Format};
use crate::pipeline::{self, Options};
use crate::site::Texts;
use crate::text::Text;

/// Checks the site and prints the diagnostics in the chosen format.
pub fn run(global: &Global, args: &CheckArgs) -> u8 {
    let root = match global.site_root() {
        Ok(root) => root,
        Err(e) => return super::fail(&e),
    };
    let options = Options {
        drafts: args.drafts,
        verbose: global.verbose,
        // Nothing is rendered: each text goes once its file is scanned.
        texts: Texts::Drop,
    };
    let checked = pipeline::check(&root, &options);
    // Past years under archive/ are checked too, each on its own.
    let past = pipeline::check_past_years(&root, &options);
    let all = pipeline::all_diagnostics(&checked, &past);
    let ds = &all;
    match args.format {
        Format::Json => println!("{}", render::json(ds)),
        Format::Github => print!("{}", render::github(ds, &github_prefix(&root))),
        Format::Human => {
            // Source lines are shown only with diagnostics: a clean site's
            // files are not indexed at all.
            let sources = if ds.items().is_empty() {
                std::collections::HashMap::new()
            } else {
                pipeline::sources(&checked, &past, ds)
            };
            // -q: the errors and warnings, and nothing when there are none.
            if !(global.quiet && ds.items().is_empty()) {
                let text = render::human(ds, |f| sources.get(f).map(Text::as_str), global.color);
                eprint!("{text}");
            }
        }
    }
    let status = exit_status(ds, args.deny_warnings);
    // The process ends next: the system takes its memory back at once,
    // faster than freeing a big site's values one by one.
    std::mem::forget((checked, past, all));
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
/// (`""` when they are the same), for GitHub annotations.
fn github_prefix(root: &std::path::Path) -> String {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|c| c.canonicalize().ok());
    let root = root.canonicalize().ok();
    match (cwd, root) {
        (Some(cwd), Some(root)) => match root.strip_prefix(&cwd) {
            Ok(rel) if rel.as_os_str().is_empty() => String::new(),
            Ok(rel) => format!("{}/", rel.to_string_lossy().replace('\\', "/")),
            Err(_) => format!("{}/", root.to_string_lossy()),
        },
        _ => String::new(),
    }
}
