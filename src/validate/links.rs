//! Links and files: internal Markdown links (E0202, W0203), `/` links and
//! images under `static/` (E0401, W0402), people's photos (E0401), relative
//! links that leave `content/` (E0401), and static files that a page of the
//! build would overwrite (E0403), symbolic links under `static/` that are
//! not followed (W0404, from the one walk of `static/`). Every body's links
//! are resolved here, once, by [`crate::routes::links`]; what resolves is
//! kept ([`Resolved`]) for rendering, which does not resolve them again.

use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::layout::{PROGRAM_FILE, STATIC};
use crate::markdown::Outlines;
use crate::model::Model;
use crate::routes::links::{Broken, PageLinks, Resolved, Target, resolve_link};
use crate::site::statics::Statics;
use rayon::prelude::*;
use std::path::Path;

/// All link and file rules, and every body's links resolved.
pub fn check(
    model: &Model,
    outlines: &Outlines,
    root: &Path,
    statics: &Statics,
) -> (Vec<Diagnostic>, Resolved) {
    // Bodies are checked in parallel: resolving their links is most of
    // validation, which otherwise runs on one core.
    let each: Vec<(Vec<Diagnostic>, String, PageLinks)> = outlines
        .par_iter()
        .map(|(path, outline)| {
        let mut ds = Vec::new();
        let mut links = PageLinks::new();
        for link in &outline.links {
            if link.image && link.empty_alt {
                ds.push(
                    Diagnostic::new(Code::W0402, path, link.start, "this image has no alt text")
                        .help("describe the image between the brackets: ![A map of the clinic](/images/map.png)"),
                );
            }
            let resolution = resolve_link(model, statics, path, &link.dest);
            if let Ok((target @ (Target::Page { .. } | Target::Static(_)), anchor)) = &resolution {
                links.insert(link.dest.clone(), (target.clone(), anchor.clone()));
            }
            match resolution {
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
                        .help(SLASH_HELP),
                ),
                Err(Broken::NoStatic { file, dest }) => ds.push(
                    Diagnostic::new(Code::E0401, path, link.pos, not_a_static_file(root, &file, &format!("`{dest}`")))
                        .help(SLASH_HELP),
                ),
            }
        }
        (ds, path.clone(), links)
    })
    .collect();
    let mut ds = Vec::new();
    let mut resolved = Resolved::default();
    for (found, path, links) in each {
        ds.extend(found);
        if !links.is_empty() {
            resolved.insert(path, links);
        }
    }
    for p in &model.people {
        if let Some(photo) = &p.photo
            && !statics.has_file(&photo.value)
        {
            ds.push(
                Diagnostic::new(Code::E0401, &p.source.path, photo.pos, not_a_static_file(root, &photo.value, &format!("the photo `{}`", photo.value)))
                    .help("give a path relative to static/, e.g. images/people/ana.png for static/images/people/ana.png"),
            );
        }
    }
    overwrites(model, root, statics, &mut ds);
    ds.extend(
        statics
            .unfollowed
            .iter()
            .map(|(rel, why)| crate::symlinks::warning(&format!("{STATIC}/{rel}"), STATIC, why)),
    );
    (ds, resolved)
}

const SLASH_HELP: &str = "a link starting with / names a file under static/, e.g. /images/map.png is static/images/map.png";

/// E0401's message for `what` (`` `/etc/passwd` ``, ``the photo `x.png` ``)
/// naming `static/rel`, which is no file there: through a symbolic link
/// cairn does not follow (W0404), or simply not there.
pub fn not_a_static_file(root: &Path, rel: &str, what: &str) -> String {
    match crate::symlinks::on_the_way(&root.join(STATIC), rel) {
        Some((link, why)) => format!(
            "{what} goes through static/{link}, a symbolic link cairn does not follow: {}",
            why.describe(STATIC)
        ),
        None => format!("{what} names no file under static/"),
    }
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
