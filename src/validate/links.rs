//! Links and files: internal Markdown links (E0202, W0203), `/` links and
//! images under `static/` (E0401, W0402), people's photos (E0401), relative
//! links that leave `content/` (E0401), and static files that a page of the
//! build would overwrite (E0403), symbolic links under `static/` that are
//! not followed (W0404). Link targets are resolved by
//! [`crate::routes::links`], which rendering uses too.

use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::layout::PROGRAM_FILE;
use crate::markdown::Outlines;
use crate::model::Model;
use crate::routes::links::{Broken, Target, not_a_static_file, resolve_link, static_file};
use crate::site::statics::Statics;
use rayon::prelude::*;
use std::path::Path;

/// All link and file rules.
pub fn check(
    model: &Model,
    outlines: &Outlines,
    root: &Path,
    statics: &Statics,
) -> Vec<Diagnostic> {
    // Bodies are checked in parallel: resolving their links is most of
    // validation, which otherwise runs on one core.
    let mut ds: Vec<Diagnostic> = outlines
        .par_iter()
        .flat_map_iter(|(path, outline)| {
        let mut ds = Vec::new();
        for link in &outline.links {
            if link.image && link.empty_alt {
                ds.push(
                    Diagnostic::new(Code::W0402, path, link.start, "this image has no alt text")
                        .help("describe the image between the brackets: ![A map of the clinic](/images/map.png)"),
                );
            }
            match resolve_link(model, root, path, &link.dest) {
                Ok((Target::Page { file, .. }, Some(anchor))) if !anchor.is_empty() => {
                    let known = file
                        .as_ref()
                        .and_then(|f| outlines.get(f))
                        .is_some_and(|o| o.headings.iter().any(|h| h.id == anchor));
                    if !known {
                        ds.push(
                            Diagnostic::new(Code::W0203, path, link.pos, format!("`#{anchor}` is not a heading of the linked page"))
                                .maybe_help(file.and_then(|f| outlines.get(&f)).and_then(|o| {
                                    crate::diagnostics::did_you_mean(&anchor, o.headings.iter().map(|h| h.id.as_str()))
                                })),
                        );
                    }
                }
                Ok(_) => {}
                Err(Broken::NoPage(message)) => ds.push(
                    Diagnostic::new(Code::E0202, path, link.pos, message)
                        .help("write internal links as @/COLLECTION/ID.md (e.g. @/modules/allyship.md), @/years/1.md or @/_program.md"),
                ),
                Err(Broken::NoFile(message)) => ds.push(
                    Diagnostic::new(Code::E0401, path, link.pos, message)
                        .help("a link starting with / names a file under static/, e.g. /images/map.png is static/images/map.png"),
                ),
            }
        }
        ds
    })
    .collect();
    for p in &model.people {
        if let Some(photo) = &p.photo
            && static_file(root, &photo.value).is_none()
        {
            ds.push(
                Diagnostic::new(Code::E0401, &p.source.path, photo.pos, not_a_static_file(root, &photo.value, &format!("the photo `{}`", photo.value)))
                    .help("give a path relative to static/, e.g. images/people/ana.png for static/images/people/ana.png"),
            );
        }
    }
    overwrites(model, root, statics, &mut ds);
    ds.extend(crate::symlinks::check_folder(root, crate::layout::STATIC));
    ds
}

/// E0403: a file under `static/` that the build would overwrite.
fn overwrites(model: &Model, root: &Path, statics: &Statics, ds: &mut Vec<Diagnostic>) {
    if statics.entries.is_empty() {
        return;
    }
    let built = crate::routes::output_files(model);
    let mut clashes: Vec<&str> = statics
        .files()
        .filter(|rel| {
            built.contains(*rel)
                || rel.starts_with(crate::routes::ASSETS)
                || past_year_output(root, rel)
        })
        .collect();
    clashes.sort_unstable();
    for rel in clashes {
        ds.push(
            Diagnostic::new(
                Code::E0403,
                PROGRAM_FILE,
                Pos::START,
                format!("static/{rel} would overwrite a file the build writes"),
            )
            .help(format!(
                "the build writes `{rel}` itself: rename or move static/{rel}"
            )),
        );
    }
}

/// True when `rel` (under `static/`) lies in the output folder of a past
/// year the site keeps (`archive/2025-26/...`), which that year's build fills.
fn past_year_output(root: &Path, rel: &str) -> bool {
    use crate::roll::archive;
    rel.strip_prefix(crate::routes::ARCHIVE)
        .and_then(|r| r.split('/').next())
        .is_some_and(|label| {
            archive::is_label(label)
                && root
                    .join(archive::DIR)
                    .join(label)
                    .join(crate::layout::PROGRAM_FILE)
                    .is_file()
        })
}
