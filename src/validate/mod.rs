//! Validation stage: the rules of SPEC 5 that look across the whole
//! curriculum, one file per family. Each rule reads the [`Model`] and returns
//! diagnostics; none changes the model. The bodies' links are resolved here
//! once and returned with the diagnostics ([`Validated`]) for rendering.
//! Whether a file is under `static/` is asked of the one walk of it; the
//! disk is read only to say which unfollowed link a missing file is behind.

pub mod brand;
pub mod links;
pub mod outcomes;
pub mod schedule;
pub mod sequencing;
pub mod series;
pub mod workload;

use crate::diagnostics::Diagnostic;
use crate::markdown::Outlines;
use crate::model::Model;
use crate::routes::links::Resolved;
use crate::site::statics::Statics;
use std::path::Path;

/// What validation found: its diagnostics, and every body's links resolved.
#[derive(Debug, Default)]
pub struct Validated {
    /// Every cross-file rule's diagnostics.
    pub diagnostics: Vec<Diagnostic>,
    /// Every body's links that resolve, for rendering.
    pub links: Resolved,
}

/// Runs every cross-file rule.
pub fn validate(model: &Model, outlines: &Outlines, root: &Path, statics: &Statics) -> Validated {
    // The links' rules (the biggest part) beside the others, the
    // diagnostics kept in the same order.
    let (mut ds, links) = rayon::join(
        || {
            let mut ds = Vec::new();
            ds.extend(schedule::check(model));
            ds.extend(sequencing::check(model));
            ds.extend(workload::check(model));
            ds.extend(outcomes::check(model));
            ds.extend(series::check(model));
            ds
        },
        || links::check(model, outlines, root, statics),
    );
    let (links, resolved) = links;
    ds.extend(links);
    ds.extend(brand::check(model, statics));
    Validated {
        diagnostics: ds,
        links: resolved,
    }
}
