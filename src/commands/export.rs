//! `cairn export imscc [--year N] -o FILE`: the syllabus as an IMS Thin
//! Common Cartridge 1.3 for an LMS (SPEC 9.4). Needs the site's address
//! (`base_url`): a cartridge's links are absolute. The file is written
//! beside its place and renamed over it (`crate::user_files`), so a failed export never leaves a
//! half-written file nor truncates what was there.

use super::{Global, INVALID, OK, fail};
use crate::cli::{ExportArgs, ExportFormat};
use crate::pipeline::{self, Options};

/// Exports; returns the exit status.
pub fn run(global: &Global, args: &ExportArgs) -> u8 {
    let root = match global.site_root() {
        Ok(root) => root,
        Err(e) => return fail(&e),
    };
    let checked = pipeline::check(&root, &Options::default());
    let Some(model) = &checked.model else {
        return fail("content/_program.md cannot be read: run cairn check");
    };
    if checked.diagnostics.has_errors() {
        eprintln!("error: the content has errors; `cairn check` lists them");
        return INVALID;
    }
    let Some(base) = model.program.base_url.as_ref().map(|u| u.0.clone()) else {
        return fail(
            "a cartridge links to the site's pages by their address, and this site does not \
             state it: set base_url in content/_program.md (e.g. base_url: https://example.org/leadership/)",
        );
    };
    if let Some(n) = args.year
        && (n == 0 || n > model.program.years)
    {
        return fail(&format!(
            "--year {n}: the program has years 1 to {} (`years` in content/_program.md)",
            model.program.years
        ));
    }
    let ExportFormat::Imscc = args.format;
    let outline = crate::export::outline(model, &base, args.year);
    let bytes = match crate::export::imscc::cartridge(&model.program.title, &outline) {
        Ok(b) => b,
        Err(e) => return fail(&format!("cannot make the cartridge: {e}")),
    };
    if let Err(e) = crate::user_files::write_path(&args.output, &bytes) {
        return fail(&e);
    }
    if !global.quiet {
        eprintln!("Wrote {}", args.output.display());
    }
    OK
}
