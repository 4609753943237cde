//! Watching a site for `cairn serve`: which changed paths matter
//! ([`classify`], pure and unit-tested) and a debounced watcher that calls back
//! once per burst of changes. Only `content/`, `static/` and `templates/` are
//! watched, so the output and editors' temporary files never trigger builds.

use notify::{RecursiveMode, Watcher};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// How long to wait for a burst of file events to settle before rebuilding.
pub const DEBOUNCE: Duration = Duration::from_millis(25);

/// What a changed path means for the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// A file under `content/`.
    Content,
    /// A file under `static/`.
    Static,
    /// A template override under `templates/`.
    Template,
    /// Nothing cairn reads: editor swap files, hidden files, the output.
    Ignored,
}

/// Classifies a path relative to the site root.
pub fn classify(rel: &Path) -> ChangeKind {
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
        Some("content") => ChangeKind::Content,
        Some("static") => ChangeKind::Static,
        Some("templates") => ChangeKind::Template,
        _ => ChangeKind::Ignored,
    }
}

/// Watches `root` and calls `on_change` after each settled burst of relevant
/// changes, with `true` when all of them were under `content/`. Blocks
/// forever (until the watcher fails).
pub fn watch(root: &Path, mut on_change: impl FnMut(bool)) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
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
    for dir in ["content", "static", "templates"] {
        let path = root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
        }
    }
    let canonical = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let kinds = |paths: &[std::path::PathBuf]| -> Vec<ChangeKind> {
        paths
            .iter()
            .map(|p| {
                let rel = p
                    .strip_prefix(root)
                    .or_else(|_| p.strip_prefix(&canonical))
                    .unwrap_or(p);
                classify(rel)
            })
            .filter(|k| *k != ChangeKind::Ignored)
            .collect()
    };
    while let Ok(paths) = rx.recv() {
        let mut seen = kinds(&paths);
        // Let the burst settle: editors write, rename and touch in quick succession.
        while let Ok(more) = rx.recv_timeout(DEBOUNCE) {
            seen.extend(kinds(&more));
        }
        if !seen.is_empty() {
            on_change(seen.iter().all(|k| *k == ChangeKind::Content));
        }
    }
    Ok(())
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
        assert_eq!(classify(Path::new("content/4913")), ChangeKind::Ignored);
        assert_eq!(
            classify(Path::new("public/index.html")),
            ChangeKind::Ignored
        );
    }
}
