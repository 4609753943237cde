//! Links and files: internal Markdown links (E0202, W0203), `/` links and
//! images under `static/` (E0401, W0402), people's photos (E0401), relative
//! links that leave `content/` (E0401), and static files that a page of the
//! build would overwrite (E0403). Link targets are resolved by
//! [`resolve_link`], which rendering uses too.

use super::Outlines;
use crate::content::Collection;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Pos};
use crate::model::Model;
use crate::site::PROGRAM_FILE;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

/// What an internal link points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A page of the site: its source file (for anchors) and its output
    /// folder relative to the output root, e.g. `modules/allyship/` or `` for home.
    Page {
        /// Source file, e.g. `content/modules/allyship.md`; `None` for a year without file.
        file: Option<String>,
        /// Output folder with a trailing `/`, or empty for the home page.
        url: String,
    },
    /// A file under `static/`, e.g. `images/map.png`.
    Static(String),
    /// Left alone: external, `mailto:`, same-page `#anchor`, relative non-Markdown.
    External,
}

/// Why a link does not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broken {
    /// E0202: no such page (message).
    NoPage(String),
    /// E0401: outside the allowed folders, or missing under static/ (message).
    NoFile(String),
}

/// Resolves a destination written in `from` (a path relative to the root).
pub fn resolve_link(
    model: &Model,
    root: &Path,
    from: &str,
    dest: &str,
) -> Result<(Target, Option<String>), Broken> {
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (dest, None),
    };
    if let Some(rest) = path.strip_prefix("@/") {
        return page_target(model, rest)
            .map(|t| (t, anchor))
            .ok_or_else(|| Broken::NoPage(format!("the link `{dest}` points to no page")));
    }
    if path.is_empty()
        || path.contains("://")
        || path.starts_with("mailto:")
        || path.starts_with("tel:")
        || path.starts_with("//")
    {
        return Ok((Target::External, None));
    }
    if let Some(rest) = path.strip_prefix('/') {
        let file = decode(rest);
        return match static_file(root, &file) {
            Some(()) => Ok((Target::Static(file), None)),
            None => Err(Broken::NoFile(format!(
                "`{dest}` names no file under static/"
            ))),
        };
    }
    if !path.ends_with(".md") {
        return Ok((Target::External, None));
    }
    let base = Path::new(from).parent().unwrap_or(Path::new(""));
    let Some(joined) = normalize(&base.join(decode(path))) else {
        return Err(Broken::NoFile(format!("`{dest}` leads outside the site")));
    };
    let joined = joined.to_string_lossy().replace('\\', "/");
    let Some(inside) = joined.strip_prefix("content/") else {
        return Err(Broken::NoFile(format!("`{dest}` leads outside content/")));
    };
    match file_target(model, inside) {
        Some(t) => Ok((t, anchor)),
        None => Err(Broken::NoPage(format!(
            "the link `{dest}` points to no page"
        ))),
    }
}

/// `@/COLLECTION/ID.md`, `@/_program.md`, `@/years/N.md` (relative to `content/`).
fn page_target(model: &Model, rest: &str) -> Option<Target> {
    if rest == "_program.md" {
        return Some(Target::Page {
            file: Some(model.program.source.path.clone()),
            url: String::new(),
        });
    }
    let (dir, name) = rest.split_once('/')?;
    let id = name.strip_suffix(".md")?;
    if id.contains('/') {
        return None;
    }
    if dir == "years" {
        let n: u8 = id
            .parse()
            .ok()
            .filter(|n: &u8| (1..=model.program.years).contains(n) && !id.starts_with('0'))?;
        let file = model.years[n as usize - 1]
            .source
            .as_ref()
            .map(|s| s.path.clone());
        return Some(Target::Page {
            file,
            url: format!("year-{n}/"),
        });
    }
    let c = Collection::from_dir(dir)?;
    let i = model.find(c.dir(), id)?;
    let (file, url) = item_page(model, c, i);
    Some(Target::Page {
        file: Some(file),
        url,
    })
}

/// A relative link's target, by file path under `content/`.
fn file_target(model: &Model, inside: &str) -> Option<Target> {
    let full = format!("content/{inside}");
    if full == PROGRAM_FILE {
        return page_target(model, "_program.md");
    }
    if let Some(n) = inside.strip_prefix("years/") {
        return page_target(model, &format!("years/{n}"));
    }
    let dir = inside.split('/').next()?;
    let c = Collection::from_dir(dir)?;
    let id = Path::new(inside).file_stem()?.to_str()?;
    let i = model.find(c.dir(), id)?;
    let (file, url) = item_page(model, c, i);
    (file == full).then_some(Target::Page {
        file: Some(file),
        url,
    })
}

/// Source file and output folder of an item.
pub fn item_page(model: &Model, c: Collection, i: usize) -> (String, String) {
    let source = match c {
        Collection::Modules => &model.modules[i].source,
        Collection::Sessions => &model.sessions[i].source,
        Collection::Readings => &model.readings[i].source,
        Collection::Prompts => &model.prompts[i].source,
        Collection::People => &model.people[i].source,
        Collection::Projects => &model.projects[i].source,
        Collection::Pages => &model.pages[i].source,
    };
    let url = match c {
        Collection::Pages => format!("{}/", source.id),
        _ => format!("{}/{}/", c.dir(), source.id),
    };
    (source.path.clone(), url)
}

fn decode(s: &str) -> String {
    // Percent-encoded spaces are the common case in authored links.
    s.replace("%20", " ")
}

/// Lexically resolves `.` and `..`; `None` when it climbs above the start.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// `Some` when `static/rel` is a file that stays inside `static/` (symlinks included).
pub fn static_file(root: &Path, rel: &str) -> Option<()> {
    let rel = normalize(Path::new(rel))?;
    let dir = root.join("static").canonicalize().ok()?;
    let file = dir.join(rel).canonicalize().ok()?;
    (file.starts_with(&dir) && file.is_file()).then_some(())
}

/// All link and file rules.
pub fn check(model: &Model, outlines: &Outlines, root: &Path) -> Vec<Diagnostic> {
    let mut ds = Vec::new();
    for (path, outline) in outlines {
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
    }
    for p in &model.people {
        if let Some(photo) = &p.photo
            && static_file(root, &photo.value).is_none()
        {
            ds.push(
                Diagnostic::new(Code::E0401, &p.source.path, photo.pos, format!("the photo `{}` is not a file under static/", photo.value))
                    .help("give a path relative to static/, e.g. images/people/ana.png for static/images/people/ana.png"),
            );
        }
    }
    overwrites(model, root, &mut ds);
    ds
}

/// Every file the build writes, relative to the output root.
pub fn output_files(model: &Model) -> HashSet<String> {
    let mut out: HashSet<String> = [
        "index.html",
        "404.html",
        crate::output::MARKER,
        "curriculum.json",
        "search-index.json",
        "search-index.js",
        "calendar.ics",
        "modules/index.html",
        "sessions/index.html",
        "readings/index.html",
        "prompts/index.html",
        "people/index.html",
        "projects/index.html",
        "calendar/index.html",
        "print/index.html",
        "search/index.html",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    if model.program.base_url.is_some() {
        out.insert("sitemap.xml".into());
    }
    if !model.program.phases.is_empty() {
        out.insert("framework/index.html".into());
    }
    if !model.program.competencies.is_empty() {
        out.insert("map/index.html".into());
    }
    for n in model.year_numbers() {
        out.insert(format!("year-{n}/index.html"));
        out.insert(format!("year-{n}/calendar.ics"));
    }
    for c in Collection::ALL {
        let count = match c {
            Collection::Modules => model.modules.len(),
            Collection::Sessions => model.sessions.len(),
            Collection::Readings => model.readings.len(),
            Collection::Prompts => model.prompts.len(),
            Collection::People => model.people.len(),
            Collection::Projects => model.projects.len(),
            Collection::Pages => model.pages.len(),
        };
        for i in 0..count {
            let (_, url) = item_page(model, c, i);
            out.insert(format!("{url}index.html"));
        }
    }
    for s in &model.sessions {
        out.insert(format!("sessions/{}/session.ics", s.source.id));
    }
    out
}

/// E0403: a file under `static/` that the build would overwrite.
fn overwrites(model: &Model, root: &Path, ds: &mut Vec<Diagnostic>) {
    let dir = root.join("static");
    if !dir.is_dir() {
        return;
    }
    let built = output_files(model);
    let mut clashes: Vec<String> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            e.path()
                .strip_prefix(&dir)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .filter(|rel| built.contains(rel) || rel.starts_with("assets/"))
        .collect();
    clashes.sort();
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
