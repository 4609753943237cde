//! Strings the stages together: load -> parse -> model -> validate. Each stage
//! is a function from values to values; this module only sequences them, times
//! them under `-v`, and gathers their diagnostics.

use crate::content::{self, Parsed};
use crate::diagnostics::Diagnostics;
use crate::site::{self, Loaded};
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
    /// Every diagnostic, sorted.
    pub diagnostics: Diagnostics,
}

/// Runs every stage up to validation.
pub fn check(root: &Path, options: &Options) -> Checked {
    let mut diagnostics = Diagnostics::new();
    let (loaded, ds) = timed(options, "load", || site::load(root));
    diagnostics.extend(ds);
    let (parsed, ds) = timed(options, "parse", || content::parse_all(&loaded.files));
    diagnostics.extend(ds);
    diagnostics.sort();
    Checked { loaded, parsed, diagnostics }
}

/// Runs `stage`, printing its time under `-v`.
pub fn timed<T>(options: &Options, name: &str, stage: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = stage();
    if options.verbose {
        eprintln!("{name:>10}: {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    }
    out
}
