//! `cairn diff [ARCHIVE] [--format human|markdown|json]`: what changed
//! between a past year (default: the latest under `archive/`) and the
//! current one.

use super::{Global, OK, fail};
use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::{self, format};
use crate::pipeline::{self, Options};
use crate::roll::archive;

/// Compares and prints; returns the exit status.
pub fn run(global: &Global, args: &DiffArgs) -> u8 {
    let root = match global.site_root() {
        Ok(root) => root,
        Err(e) => return fail(&e),
    };
    let years = archive::list(&root);
    let chosen = match &args.archive {
        Some(name) => {
            // `2025-26` or `archive/2025-26` (a path the shell completed).
            let label = name
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or(name);
            years.iter().find(|a| a.label == label)
        }
        None => years.last(),
    };
    let Some(past) = chosen else {
        let known: Vec<&str> = years.iter().map(|a| a.label.as_str()).collect();
        return fail(&if known.is_empty() {
            "no past year under archive/: `cairn roll` keeps one there".to_string()
        } else {
            format!(
                "no past year `{}` under archive/; the past years are: {}",
                args.archive.as_deref().unwrap_or(""),
                known.join(", ")
            )
        });
    };
    let options = Options::default();
    let current = pipeline::check(&root, &options);
    let before = pipeline::check(&past.root, &options);
    let (Some(after_model), Some(before_model)) = (&current.model, &before.model) else {
        return fail("a year's content/_program.md cannot be read: run cairn check");
    };
    if !global.quiet && (current.diagnostics.has_errors() || before.diagnostics.has_errors()) {
        eprintln!(
            "note: a year has errors (cairn check lists them); items in broken files may be missing"
        );
    }
    let d = diff::compare(before_model, after_model);
    let text = match args.format {
        DiffFormat::Human => format::human(&d),
        DiffFormat::Markdown => format::markdown(&d),
        DiffFormat::Json => format::json(&d) + "\n",
    };
    super::print_out(&text);
    OK
}
