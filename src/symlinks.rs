//! Symbolic links under `content/` and `static/` that cairn does not follow:
//! one that leads outside its folder (a link to `/etc/passwd` is never
//! published), one that loops, one that leads nowhere. Such a link is
//! reported (W0404) rather than left out without a word, and E0401 for a
//! reference through it says what it is.

use crate::diagnostics::{Code, Diagnostic, Pos};
use std::path::{Path, PathBuf};

/// Why cairn does not follow a symbolic link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unfollowed {
    /// It leads outside its folder, to this path (as the link is written).
    Outside(String),
    /// Following it comes back to itself or to a folder above it.
    Loops(String),
    /// What it names does not exist.
    Missing(String),
}

impl Unfollowed {
    /// A few words for messages: `it leads outside static/ (to /etc)`.
    pub fn describe(&self, folder: &str) -> String {
        match self {
            Unfollowed::Outside(to) => format!("it leads outside {folder}/ (to {to})"),
            Unfollowed::Loops(to) => format!("it loops (to {to})"),
            Unfollowed::Missing(to) => format!("it leads to {to}, which does not exist"),
        }
    }
}

/// Why the symbolic link at `link`, under the folder `dir` (already
/// canonical), is not followed; `None` when it is (it leads to something
/// inside `dir`), or when `link` is no symbolic link.
pub fn unfollowed(dir: &Path, link: &Path) -> Option<Unfollowed> {
    let meta = std::fs::symlink_metadata(link).ok()?;
    if !meta.file_type().is_symlink() {
        return None;
    }
    let to = std::fs::read_link(link)
        .map(|t| t.to_string_lossy().into_owned())
        .unwrap_or_default();
    match link.canonicalize() {
        // Inside, but a folder that holds the link itself loops.
        Ok(real) if real.starts_with(dir) => link_in(link, &real).then_some(Unfollowed::Loops(to)),
        Ok(_) => Some(Unfollowed::Outside(to)),
        Err(e) if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) => {
            Some(Unfollowed::Loops(to))
        }
        Err(_) => Some(Unfollowed::Missing(to)),
    }
}

/// True when `real` (the link's target) is a folder that holds the link
/// (compared after resolving the link's own folder).
fn link_in(link: &Path, real: &Path) -> bool {
    real.is_dir()
        && link
            .parent()
            .and_then(|p| p.canonicalize().ok())
            .is_some_and(|parent| parent.starts_with(real))
}

/// The unfollowed symbolic link that `rel` (a `/`-separated path under
/// `dir`, e.g. `etc/passwd` under `static/`) passes through, with its path
/// under `dir` and why; `None` when it passes through none.
pub fn on_the_way(dir: &Path, rel: &str) -> Option<(String, Unfollowed)> {
    let canonical = dir.canonicalize().ok()?;
    let mut at = PathBuf::from(dir);
    let mut walked = Vec::new();
    for part in rel.split('/').filter(|p| !p.is_empty() && *p != ".") {
        if part == ".." {
            return None;
        }
        at.push(part);
        walked.push(part);
        if let Some(why) = unfollowed(&canonical, &at) {
            return Some((walked.join("/"), why));
        }
    }
    None
}

/// W0404 for the link at `rel` (relative to the site root, e.g.
/// `static/etc`), under the folder `folder` (`static`).
pub fn warning(rel: &str, folder: &str, why: &Unfollowed) -> Diagnostic {
    Diagnostic::new(
        Code::W0404,
        rel,
        Pos::START,
        format!("this symbolic link is not followed: {}", why.describe(folder)),
    )
    .help(match why {
        Unfollowed::Outside(to) => format!(
            "cairn reads and publishes only what is inside {folder}/: copy {to} into {folder}/ if it belongs to the site, or remove the link"
        ),
        Unfollowed::Loops(to) => format!(
            "it leads to {to}, a folder that holds the link itself: remove the link"
        ),
        Unfollowed::Missing(to) => {
            format!("it leads to {to}: correct the link, or remove it")
        }
    })
}

/// A `static/` folder with a file and one symbolic link of each kind: to a
/// file and to a folder inside, outside (`etc`), looping (`images/up`,
/// `self`), leading nowhere (`gone`); returns its base and the folder.
#[cfg(all(test, unix))]
pub(crate) fn tree(name: &str) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::symlink;
    let base = std::env::temp_dir().join(format!("cairn-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let dir = base.join("static");
    std::fs::create_dir_all(dir.join("images")).expect("mkdir");
    std::fs::write(dir.join("images/a.png"), b"png").expect("write");
    symlink("/etc", dir.join("etc")).expect("symlink");
    symlink("images/a.png", dir.join("b.png")).expect("symlink");
    symlink("images", dir.join("pictures")).expect("symlink");
    symlink("..", dir.join("images/up")).expect("symlink");
    symlink("self", dir.join("self")).expect("symlink");
    symlink("gone.png", dir.join("gone")).expect("symlink");
    (base, dir)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn tells_links_that_leave_loop_or_lead_nowhere_from_those_inside() {
        let (base, dir) = tree("symlinks");
        let canonical = dir.canonicalize().expect("canonical");
        assert_eq!(
            unfollowed(&canonical, &dir.join("etc")),
            Some(Unfollowed::Outside("/etc".into()))
        );
        assert_eq!(unfollowed(&canonical, &dir.join("b.png")), None);
        assert_eq!(unfollowed(&canonical, &dir.join("pictures")), None);
        assert_eq!(unfollowed(&canonical, &dir.join("images/a.png")), None);
        assert_eq!(
            unfollowed(&canonical, &dir.join("images/up")),
            Some(Unfollowed::Loops("..".into()))
        );
        assert_eq!(
            unfollowed(&canonical, &dir.join("self")),
            Some(Unfollowed::Loops("self".into()))
        );
        assert_eq!(
            unfollowed(&canonical, &dir.join("gone")),
            Some(Unfollowed::Missing("gone.png".into()))
        );
        assert_eq!(
            on_the_way(&dir, "etc/passwd"),
            Some(("etc".into(), Unfollowed::Outside("/etc".into())))
        );
        assert_eq!(on_the_way(&dir, "pictures/a.png"), None);
        let _ = std::fs::remove_dir_all(&base);
    }
}
