//! Watching a site for `cairn serve`: which changed paths matter
//! ([`classify`], pure and unit-tested) and a debounced watcher that calls back
//! once per burst of changes. Only `content/`, `static/`, `templates/` and
//! `archive/` (the past years) are watched (and the root, for those folders
//! themselves), so the output and editors' temporary files never trigger
//! builds.

use crate::layout;
use crate::roll::archive;
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// How long to wait for a burst of file events to settle before rebuilding.
pub(crate) const DEBOUNCE: Duration = Duration::from_millis(25);

/// What a changed path means for the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChangeKind {
    /// A file under `content/`.
    Content,
    /// A file under `static/`.
    Static,
    /// A template override under `templates/`.
    Template,
    /// A file of a past year under `archive/`.
    Archive,
    /// Nothing cairn reads: editor swap files, hidden files, the output.
    Ignored,
}

/// Classifies a path relative to the site root.
pub(crate) fn classify(rel: &Path) -> ChangeKind {
    let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let editor_temp = name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.starts_with(".#")
        || name.starts_with('#')
        || name == "4913";
    if editor_temp {
        return ChangeKind::Ignored;
    }
    match rel.components().next().and_then(|c| c.as_os_str().to_str()) {
        Some(layout::CONTENT) => ChangeKind::Content,
        Some(layout::STATIC) => ChangeKind::Static,
        Some(layout::TEMPLATES) => ChangeKind::Template,
        Some(archive::DIR) => ChangeKind::Archive,
        _ => ChangeKind::Ignored,
    }
}

/// The folders cairn reads, watched recursively.
const WATCHED: [&str; 4] = [
    layout::CONTENT,
    layout::STATIC,
    layout::TEMPLATES,
    archive::DIR,
];

/// What a settled burst of changes touched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Changes {
    /// Every change was to a file under `content/` (the quick path for an
    /// edit of bodies may do).
    pub content_only: bool,
    /// Something under `archive/` changed: the past years are checked again.
    pub archive: bool,
}

/// A running watch on a site, set up by [`start`]: from then on every change
/// is queued, even before [`Watch::run`] reads the queue.
pub(crate) struct Watch {
    watcher: notify::RecommendedWatcher,
    rx: mpsc::Receiver<Vec<PathBuf>>,
    root: PathBuf,
    canonical: PathBuf,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch")
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

/// Starts watching `root`: `content/`, `static/` and `templates/`
/// recursively, and the root itself, so a folder created, deleted or
/// recreated later (an editor or `git checkout` replacing `content/`) is
/// watched again.
pub(crate) fn start(root: &Path) -> Result<Watch, String> {
    let (tx, rx) = mpsc::channel();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading files (as every rebuild does) raises access events: only
        // creations, changes and removals matter, else builds would loop.
        if let Ok(event) = event
            && (event.kind.is_create() || event.kind.is_modify() || event.kind.is_remove())
            && !matches!(
                event.kind,
                notify::EventKind::Modify(notify::event::ModifyKind::Metadata(_))
            )
        {
            let _ = tx.send(event.paths);
        }
    })
    .map_err(|e| format!("cannot watch the site: {e}"))?;
    let mut watch = Watch {
        watcher,
        rx,
        root: root.to_path_buf(),
        canonical: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
    };
    watch
        .watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    watch.rewatch()?;
    Ok(watch)
}

impl Watch {
    /// (Re)adds the recursive watch of each of [`WATCHED`] that exists: a
    /// deleted folder's watch is gone with it, and a new one has none yet.
    fn rewatch(&mut self) -> Result<(), String> {
        for dir in WATCHED {
            let path = self.root.join(dir);
            let _ = self.watcher.unwatch(&path);
            if path.is_dir() {
                self.watcher
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
            }
        }
        Ok(())
    }

    fn relative<'p>(&self, p: &'p Path) -> &'p Path {
        p.strip_prefix(&self.root)
            .or_else(|_| p.strip_prefix(&self.canonical))
            .unwrap_or(p)
    }

    /// Calls `on_change` after each settled burst of relevant changes, with
    /// what they touched. Blocks forever (until the watcher fails).
    pub(crate) fn run(mut self, mut on_change: impl FnMut(Changes)) -> Result<(), String> {
        while let Ok(mut paths) = self.rx.recv() {
            // Let the burst settle: editors write, rename and touch in quick succession.
            while let Ok(more) = self.rx.recv_timeout(DEBOUNCE) {
                paths.extend(more);
            }
            let top_level = paths.iter().any(|p| {
                let rel = self.relative(p);
                rel.components().count() == 1 && WATCHED.iter().any(|d| rel == Path::new(d))
            });
            if top_level {
                self.rewatch()?;
            }
            let seen: Vec<ChangeKind> = paths
                .iter()
                .map(|p| classify(self.relative(p)))
                .filter(|k| *k != ChangeKind::Ignored)
                .collect();
            if !seen.is_empty() {
                // A folder replaced whole is more than a body edit.
                on_change(Changes {
                    content_only: !top_level && seen.iter().all(|k| *k == ChangeKind::Content),
                    archive: seen.contains(&ChangeKind::Archive),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_changes() {
        assert_eq!(
            classify(Path::new("content/sessions/x.md")),
            ChangeKind::Content
        );
        assert_eq!(
            classify(Path::new("static/images/a.png")),
            ChangeKind::Static
        );
        assert_eq!(
            classify(Path::new("templates/page.html")),
            ChangeKind::Template
        );
        assert_eq!(
            classify(Path::new("content/sessions/.x.md.swp")),
            ChangeKind::Ignored
        );
        assert_eq!(
            classify(Path::new("content/sessions/x.md~")),
            ChangeKind::Ignored
        );
        assert_eq!(
            classify(Path::new("archive/2025-26/content/_program.md")),
            ChangeKind::Archive
        );
        assert_eq!(classify(Path::new("content/4913")), ChangeKind::Ignored);
        assert_eq!(
            classify(Path::new("public/index.html")),
            ChangeKind::Ignored
        );
    }
}
