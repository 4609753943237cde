//! Validation stage: the rules of SPEC 5 that look across the whole
//! curriculum, one file per family. Each rule reads the [`Model`] and returns
//! diagnostics; none changes the model or touches the disk except to ask
//! whether a file exists under `static/`.

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
use crate::site::statics::Statics;
use std::path::Path;

/// Runs every cross-file rule.
pub fn validate(
    model: &Model,
    outlines: &Outlines,
    root: &Path,
    statics: &Statics,
) -> Vec<Diagnostic> {
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
    ds.extend(links);
    ds.extend(brand::check(model, root));
    ds
}
