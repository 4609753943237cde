//! Strings the stages together: load -> parse -> model -> validate. Each stage
//! is a function from values to values; this module only sequences them, times
//! them under `-v`, and gathers their diagnostics.

use crate::content::{self, Parsed};
use crate::diagnostics::Diagnostics;
use crate::markdown;
use crate::markdown::Outlines;
use crate::model::{self, Model};
use crate::site::{self, Loaded};
use crate::validate;
use rayon::prelude::*;
use std::path::Path;
use std::time::Instant;

/// Options that change what the stages see.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Include drafts (`--drafts`).
    pub drafts: bool,
    /// Print each stage's time on stderr (`-v`).
    pub verbose: bool,
}

/// The outcome of checking a site.
#[derive(Debug)]
pub struct Checked {
    /// The files as loaded (for showing source lines).
    pub loaded: Loaded,
    /// The parsed files.
    pub parsed: Vec<Parsed>,
    /// The curriculum, when `_program.md` could be read.
    pub model: Option<Model>,
    /// Every body's headings and links, by file path.
    pub outlines: Outlines,
    /// Every diagnostic, sorted.
    pub diagnostics: Diagnostics,
    /// The diagnostics of the stages before validation (load, parse, model),
    /// kept apart so `serve` can re-run validation alone after a body edit.
    pub before_validation: Vec<crate::diagnostics::Diagnostic>,
}

/// Said once when a session file could not be read (see
/// [`Model::sessions_incomplete`]).
pub const INCOMPLETE_NOTE: &str = "a session file could not be read, so attendance (E0306), cadence (W0307), modules without sessions (W0305) and readings or speakers no session lists (W0204) were not checked: fix the errors above and check again";

/// Runs every stage up to validation.
pub fn check(root: &Path, options: &Options) -> Checked {
    let mut diagnostics = Diagnostics::new();
    let (loaded, ds) = timed(options, "load", || site::load(root));
    diagnostics.extend(ds);
    let (parsed, ds) = timed(options, "parse", || content::parse_all(&loaded.files));
    diagnostics.extend(ds);
    let (model, ds) = timed(options, "model", || {
        model::build::build(&parsed, options.drafts)
    });
    diagnostics.extend(ds);
    let before_validation = diagnostics.items().to_vec();
    let outlines = timed(options, "outline", || outlines(&parsed, model.as_ref()));
    if let Some(model) = &model {
        let ds = timed(options, "validate", || {
            validate::validate(model, &outlines, root)
        });
        diagnostics.extend(ds);
        if model.sessions_incomplete() {
            diagnostics.note(INCOMPLETE_NOTE);
        }
    }
    diagnostics.sort();
    Checked {
        loaded,
        parsed,
        model,
        outlines,
        diagnostics,
        before_validation,
    }
}

/// Scans the bodies of the files that made it into the model.
fn outlines(parsed: &[Parsed], model: Option<&Model>) -> Outlines {
    let Some(model) = model else {
        return Outlines::new();
    };
    let mut paths: std::collections::HashSet<&str> = std::collections::HashSet::new();
    paths.insert(&model.program.source.path);
    paths.extend(
        model
            .years
            .iter()
            .filter_map(|y| y.source.as_ref())
            .map(|s| s.path.as_str()),
    );
    paths.extend(model.modules.iter().map(|m| m.source.path.as_str()));
    paths.extend(model.sessions.iter().map(|m| m.source.path.as_str()));
    paths.extend(model.readings.iter().map(|m| m.source.path.as_str()));
    paths.extend(model.prompts.iter().map(|m| m.source.path.as_str()));
    paths.extend(model.people.iter().map(|m| m.source.path.as_str()));
    paths.extend(model.projects.iter().map(|m| m.source.path.as_str()));
    paths.extend(model.pages.iter().map(|m| m.source.path.as_str()));
    parsed
        .par_iter()
        .filter(|p| paths.contains(p.path.as_str()))
        .map(|p| (p.path.clone(), markdown::outline(&p.body, p.body_line)))
        .collect()
}

/// Runs `stage`, printing its time under `-v`.
pub fn timed<T>(options: &Options, name: &str, stage: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = stage();
    if options.verbose {
        eprintln!(
            "{name:>10}: {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
    out
}
