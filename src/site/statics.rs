//! The files of a `static/` folder, found by one walk that every stage
//! shares: validation (E0401's `/` links, photos and brand, E0403, W0404),
//! the build's copy, `serve`'s files and a past year's. The walk follows
//! symbolic links that stay inside the folder, as `check` resolves a
//! reference through them, and leaves the others out, keeping them for
//! W0404: what is checked is what is published.

use crate::symlinks::Unfollowed;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A `static/` folder as one walk found it.
#[derive(Debug, Clone, Default)]
pub struct Statics {
    /// The folder walked.
    pub dir: PathBuf,
    /// Its folders and files below it, `/`-separated, in the walk's order
    /// (sorted by name, a folder before what it holds).
    pub entries: Vec<Entry>,
    /// The symbolic links the walk did not follow, by their path under the
    /// folder, in the walk's order; those inside a linked folder are named
    /// once, where the folder really is.
    pub unfollowed: Vec<(String, Unfollowed)>,
    /// The files' paths, to answer [`Statics::has_file`].
    files: HashSet<String>,
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
        let mut unfollowed = Vec::new();
        // Folders reached through a followed link: what they hold is walked
        // where it really is too, so their unfollowed links are named there.
        let mut linked: Vec<String> = Vec::new();
        if let Ok(canonical) = dir.canonicalize() {
            let mut walk = walkdir::WalkDir::new(dir)
                .follow_links(true)
                .min_depth(1)
                .sort_by_file_name()
                .into_iter();
            let in_linked = |linked: &[String], rel: &str| {
                linked.iter().any(|l| {
                    rel.strip_prefix(l.as_str())
                        .is_some_and(|r| r.starts_with('/'))
                })
            };
            while let Some(entry) = walk.next() {
                let entry = match entry {
                    Ok(entry) => entry,
                    // A link that loops or leads nowhere is an error of the walk.
                    Err(e) => {
                        if let Some(path) = e.path()
                            && let Some(why) = crate::symlinks::unfollowed(&canonical, path)
                        {
                            let rel = crate::paths::relative(dir, path);
                            if !in_linked(&linked, &rel) {
                                unfollowed.push((rel, why));
                            }
                        }
                        continue;
                    }
                };
                let rel = crate::paths::relative(dir, entry.path());
                if entry.path_is_symlink() {
                    if let Some(why) = crate::symlinks::unfollowed(&canonical, entry.path()) {
                        if entry.file_type().is_dir() {
                            walk.skip_current_dir();
                        }
                        if !in_linked(&linked, &rel) {
                            unfollowed.push((rel, why));
                        }
                        continue;
                    }
                    if entry.file_type().is_dir() {
                        linked.push(rel.clone());
                    }
                }
                let folder = entry.file_type().is_dir();
                if !(folder || entry.file_type().is_file()) {
                    continue;
                }
                entries.push(Entry { rel, folder });
            }
        }
        let files = entries
            .iter()
            .filter(|e| !e.folder)
            .map(|e| e.rel.clone())
            .collect();
        Statics {
            dir: dir.to_path_buf(),
            entries,
            unfollowed,
            files,
        }
    }

    /// The files' paths relative to the folder, in the walk's order.
    pub fn files(&self) -> impl Iterator<Item = &str> + '_ {
        self.entries
            .iter()
            .filter(|e| !e.folder)
            .map(|e| e.rel.as_str())
    }

    /// True when `rel` (`/`-separated, `.` and `..` resolved by their
    /// letters, as a browser resolves the link) names a file the walk found:
    /// one that is published.
    pub fn has_file(&self, rel: &str) -> bool {
        // `a.png/` names a folder, which no file is.
        if rel.ends_with('/') {
            return false;
        }
        crate::paths::normalize(Path::new(rel))
            .is_some_and(|p| self.files.contains(&crate::paths::slashed(&p)))
    }

    /// Where the file or folder `rel` is on disk.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::Statics;

    #[test]
    fn one_walk_finds_the_published_files_and_the_links_it_does_not_follow() {
        let (base, dir) = crate::symlinks::tree("statics");
        let statics = Statics::walk(&dir);
        let found: Vec<&str> = statics.unfollowed.iter().map(|(r, _)| r.as_str()).collect();
        // `pictures/up` is `images/up`, named once where it really is.
        assert_eq!(found, ["etc", "gone", "images/up", "self"]);
        assert_eq!(
            statics.files().collect::<Vec<_>>(),
            ["b.png", "images/a.png", "pictures/a.png"]
        );
        assert!(statics.has_file("images/a.png"));
        assert!(statics.has_file("pictures/../b.png"));
        assert!(!statics.has_file("images/a.png/"));
        assert!(!statics.has_file("images"));
        assert!(!statics.has_file("etc/passwd"));
        assert!(!statics.has_file("../static/b.png"));
        let _ = std::fs::remove_dir_all(&base);
    }
}
