//! Internal links of bodies resolved to what they point at: a page of the
//! site (`@/modules/allyship.md`, `@/years/1.md`, a relative `.md` path), a
//! file under `static/` (`/images/map.png`), or something left alone.
//! Validation reports what does not resolve (E0202, E0401, W0203); rendering
//! writes what does as relative URLs.

use crate::layout::{Collection, PROGRAM_FILE};
use crate::model::Model;
use std::path::{Component, Path, PathBuf};

/// What an internal link points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A page of the site: its source file (for anchors) and its output
    /// folder relative to the output root, e.g. `modules/allyship/`, or
    /// empty for home.
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
            None => Err(Broken::NoFile(not_a_static_file(
                root,
                &file,
                &format!("`{dest}`"),
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
            url: super::year(n),
        });
    }
    let item = model.find(Collection::from_dir(dir)?, id)?;
    Some(Target::Page {
        file: Some(model.source(item).path.clone()),
        url: super::item(model, item),
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
    let item = model.find(c, id)?;
    let file = model.source(item).path.clone();
    (file == full).then_some(Target::Page {
        file: Some(file),
        url: super::item(model, item),
    })
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

/// E0401's message for `what` (`` `/etc/passwd` ``, ``the photo `x.png` ``)
/// naming `static/rel`, which is no file there: through a symbolic link
/// cairn does not follow (W0404), or simply not there.
pub fn not_a_static_file(root: &Path, rel: &str, what: &str) -> String {
    match crate::symlinks::on_the_way(&root.join("static"), rel) {
        Some((link, why)) => format!(
            "{what} goes through static/{link}, a symbolic link cairn does not follow: {}",
            why.describe("static")
        ),
        None => format!("{what} names no file under static/"),
    }
}

/// `Some` when `static/rel` is a file that stays inside `static/` (symlinks included).
pub fn static_file(root: &Path, rel: &str) -> Option<()> {
    let rel = normalize(Path::new(rel))?;
    let dir = root.join("static").canonicalize().ok()?;
    let file = dir.join(rel).canonicalize().ok()?;
    (file.starts_with(&dir) && file.is_file()).then_some(())
}
