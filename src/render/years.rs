//! Past academic years in the output: each is rendered like the current year
//! (same theme, its own calendars and search) into `archive/YYYY-YY/`, with a
//! banner on every page that links back to the current year; the current
//! home page links to each past year.

use super::{OutputFile, RenderOptions, Sink, render};
use crate::markdown::Outlines;
use crate::model::Model;
use crate::routes;
use serde::Serialize;
use std::path::Path;

/// What `site` holds for past years: `archived` (this year's label, on a
/// past year's pages) and `past_years` (label and URL of each, on the
/// current year's); each left out when it does not apply.
#[derive(Debug, Serialize)]
pub struct Marks<'o> {
    #[serde(skip_serializing_if = "Option::is_none")]
    archived: Option<&'o str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    past_years: Option<Vec<PastYear<'o>>>,
}

/// A past year as the current home page links to it.
#[derive(Debug, Serialize)]
pub struct PastYear<'o> {
    label: &'o str,
    url: String,
}

/// The marks of past years for the templates' `site`.
pub fn marks(options: &RenderOptions) -> Marks<'_> {
    Marks {
        archived: options.archived.as_deref(),
        past_years: (!options.past_years.is_empty()).then(|| {
            options
                .past_years
                .iter()
                .rev()
                .map(|l| PastYear {
                    label: l,
                    url: routes::archive(l),
                })
                .collect()
        }),
    }
}

/// A past year to render.
#[derive(Debug, Clone, Copy)]
pub struct Past<'a> {
    /// e.g. `2025-26`.
    pub label: &'a str,
    /// Its curriculum.
    pub model: &'a Model,
    /// Its bodies' outlines.
    pub outlines: &'a Outlines,
    /// Its bodies' links as its validation resolved them.
    pub links: &'a crate::routes::links::Resolved,
    /// Its root (`SITE/archive/2025-26`), which holds its `content/` and `static/`.
    pub root: &'a Path,
    /// The files of its `static/`, as its check walked them.
    pub statics: &'a crate::site::statics::Statics,
}

/// Renders `past` under `archive/LABEL/` through `sink`, with the files of
/// its `static/`; the theme is the current site's (`site_root`), and
/// `base_url` is the current year's. Returns the number of files.
pub fn render_past(
    past: &Past<'_>,
    site_root: &Path,
    base_url: Option<&str>,
    portable: bool,
    sink: &Sink<'_>,
) -> Result<usize, String> {
    let prefix = routes::archive(past.label);
    let options = RenderOptions {
        base_url: base_url.map(|b| routes::absolute(b, &prefix)),
        only_bodies: None,
        portable: portable || past.model.program.portable,
        archived: Some(past.label.to_string()),
        past_years: Vec::new(),
        templates_root: Some(site_root.to_path_buf()),
        templates: None,
        verbose: false,
    };
    let moved = |mut f: OutputFile| {
        f.path = format!("{prefix}{}", f.path);
        sink(f)
    };
    let mut count = render(
        past.model,
        past.outlines,
        past.links,
        past.root,
        &options,
        &moved,
    )?;
    for rel in past.statics.files() {
        let from = past.statics.path(rel);
        let bytes =
            std::fs::read(&from).map_err(|err| format!("cannot read {}: {err}", from.display()))?;
        moved(OutputFile {
            path: rel.to_string(),
            bytes,
        })?;
        count += 1;
    }
    Ok(count)
}
