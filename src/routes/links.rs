//! Internal links of bodies resolved to what they point at: a page of the
//! site (`@/modules/allyship.md`, `@/years/1.md`, a relative `.md` path), a
//! file under `static/` (`/images/map.png`, as the one walk of `static/`
//! found it), or something left alone. Validation resolves every body's
//! links once and reports what does not resolve (E0202, E0401, W0203);
//! rendering looks up what does ([`Resolved`]) and writes it as a relative
//! URL. Nothing here reads the disk.

use crate::layout::{Collection, PROGRAM_FILE};
use crate::model::Model;
use crate::site::statics::Statics;
use std::collections::HashMap;
use std::path::Path;

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
    /// E0401: outside the allowed folders (message).
    NoFile(String),
    /// E0401: a `/` link to no file of `static/`: the path under it,
    /// decoded (`images/map.png`), and the destination as written.
    NoStatic {
        /// The path under `static/`.
        file: String,
        /// The destination as written.
        dest: String,
    },
}

/// What a destination written in a body resolves to: a target with its
/// anchor, or why it does not resolve.
pub type Resolution = Result<(Target, Option<String>), Broken>;

/// The resolved links of one body: its destinations as written, each with
/// what it points at, when that is a page or a file of `static/` (what the
/// page writes otherwise is the destination as written).
pub type PageLinks = HashMap<String, (Target, Option<String>)>;

/// Every body's links as validation resolved them, by the body's file path:
/// what rendering looks up rather than resolve them again.
#[derive(Debug, Clone, Default)]
pub struct Resolved(HashMap<String, PageLinks>);

impl Resolved {
    /// Keeps the links of the body of `file`.
    pub fn insert(&mut self, file: String, links: PageLinks) {
        self.0.insert(file, links);
    }

    /// The links of the body of `file`, if validation resolved any.
    pub fn of(&self, file: &str) -> Option<&PageLinks> {
        self.0.get(file)
    }
}

impl FromIterator<(String, PageLinks)> for Resolved {
    fn from_iter<I: IntoIterator<Item = (String, PageLinks)>>(iter: I) -> Self {
        Resolved(iter.into_iter().collect())
    }
}

/// Resolves a destination written in `from` (a path relative to the root),
/// `/` links against the files of `statics`.
pub fn resolve_link(model: &Model, statics: &Statics, from: &str, dest: &str) -> Resolution {
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
        return if statics.has_file(&file) {
            Ok((Target::Static(file), None))
        } else {
            Err(Broken::NoStatic {
                file,
                dest: dest.to_string(),
            })
        };
    }
    if !path.ends_with(".md") {
        return Ok((Target::External, None));
    }
    let base = Path::new(from).parent().unwrap_or(Path::new(""));
    let Some(joined) = crate::paths::normalize(&base.join(decode(path))) else {
        return Err(Broken::NoFile(format!("`{dest}` leads outside the site")));
    };
    let joined = crate::paths::slashed(&joined);
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
