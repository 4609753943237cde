//! The files of a `static/` folder, found by one walk that every stage
//! shares: validation (E0403), the build's copy, `serve`'s files and a past
//! year's. The walk follows symbolic links that stay inside the folder, as
//! `check` resolves a reference through them, and leaves the others out
//! (W0404 names them): what is checked is what is published.

use std::path::{Path, PathBuf};

/// A `static/` folder as one walk found it.
#[derive(Debug, Clone, Default)]
pub struct Statics {
    /// The folder walked.
    pub dir: PathBuf,
    /// Its folders and files below it, `/`-separated, in the walk's order
    /// (sorted by name, a folder before what it holds).
    pub entries: Vec<Entry>,
}

/// One folder or file under `static/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its path relative to the folder, e.g. `images/logo.png`.
    pub rel: String,
    /// A folder rather than a file.
    pub folder: bool,
}

impl Statics {
    /// Walks `dir` (nothing when it is missing).
    pub fn walk(dir: &Path) -> Statics {
        let mut entries = Vec::new();
        if let Ok(canonical) = dir.canonicalize() {
            let mut walk = walkdir::WalkDir::new(dir)
                .follow_links(true)
                .min_depth(1)
                .sort_by_file_name()
                .into_iter();
            while let Some(entry) = walk.next() {
                let Ok(entry) = entry else { continue };
                if entry.path_is_symlink()
                    && crate::symlinks::unfollowed(&canonical, entry.path()).is_some()
                {
                    if entry.file_type().is_dir() {
                        walk.skip_current_dir();
                    }
                    continue;
                }
                let folder = entry.file_type().is_dir();
                if !(folder || entry.file_type().is_file()) {
                    continue;
                }
                let Ok(rel) = entry.path().strip_prefix(dir) else {
                    continue;
                };
                let rel = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                entries.push(Entry { rel, folder });
            }
        }
        Statics {
            dir: dir.to_path_buf(),
            entries,
        }
    }

    /// The files' paths relative to the folder, in the walk's order.
    pub fn files(&self) -> impl Iterator<Item = &str> + '_ {
        self.entries
            .iter()
            .filter(|e| !e.folder)
            .map(|e| e.rel.as_str())
    }

    /// Where the file or folder `rel` is on disk.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }
}
