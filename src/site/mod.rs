//! Loading stage: finds the site root and reads every file under `content/`
//! into memory, deciding what each file is (program, year, collection item or
//! stray). Reports what can be known from names and bytes alone: W0108 (stray
//! files), E0109 (bad names), E0107 (duplicate ids), E0106 (not UTF-8),
//! E0110 (size and count limits) and W0404 (symbolic links it does not
//! follow: those that leave `content/`, loop or lead nowhere). Parsing is the next stage's job.

mod names;
mod read;
pub mod statics;

pub use names::{is_valid_id, suggest_id};
pub use read::{normalize, read_source};

use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::layout::{FileKind, PROGRAM_FILE};
use crate::paths::slashed;
use crate::text::Text;
use names::{classify, id_is_valid, is_hidden};
use rayon::prelude::*;
use read::{Folder, read_text};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use walkdir::WalkDir;

/// Files over this size are refused (E0110).
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// Sites with more files than this under `content/` are refused (E0110).
pub const MAX_FILES: usize = 100_000;

/// A content file in memory.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, `/`-separated, e.g. `content/sessions/year-1/x.md`.
    pub path: String,
    /// What it is.
    pub kind: FileKind,
    /// Its id: the file stem, e.g. `2025-09-orientation`.
    pub id: String,
    /// The text, BOM removed and CRLF turned into LF; `None` when unreadable
    /// (not UTF-8, too large), which has already been reported, or when it
    /// was dropped after scanning ([`Texts::Drop`]).
    pub text: Option<crate::text::Text>,
    /// False when the name is not a valid id or the id repeats an earlier
    /// file's: the file is checked on its own but takes no part in the model.
    pub usable: bool,
}

/// All content files of a site, sorted by path.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The site root.
    pub root: PathBuf,
    /// Every recognised content file, in path order.
    pub files: Vec<SourceFile>,
    /// Each file's size and modification time as read (by index in
    /// `files`; `None` when unknown), and when the reading began: what
    /// [`reload`] needs to keep the texts of files that did not change.
    stamps: Vec<Option<Stamp>>,
    started: Option<SystemTime>,
}

/// A file's size and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: SystemTime,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok()?,
        })
    }
}

/// How long after a file's modification time its text may still change
/// without the time moving on (timestamps are coarser than writes): a file
/// modified this close to the last reading is read again.
const STAMP_GRANULARITY: Duration = Duration::from_secs(2);

impl Loaded {
    /// The text of `rel` as read last time, if its stamp is still `stamp`
    /// and it was modified well before that reading began, so that no write
    /// can hide under an unchanged stamp.
    fn unchanged(&self, rel: &str, stamp: Option<Stamp>) -> Option<&Text> {
        let stamp = stamp?;
        let started = self.started?;
        let i = self
            .files
            .binary_search_by(|f| f.path.as_str().cmp(rel))
            .ok()?;
        let settled = started
            .duration_since(stamp.modified)
            .is_ok_and(|age| age > STAMP_GRANULARITY);
        (settled && self.stamps.get(i).copied().flatten() == Some(stamp))
            .then(|| self.files[i].text.as_ref())
            .flatten()
    }
}

/// The site root: `explicit` if given, else the nearest folder at or above
/// `cwd` that holds `content/_program.md`.
pub fn find_root(explicit: Option<&Path>, cwd: &Path) -> Result<PathBuf, String> {
    if let Some(root) = explicit {
        if root.join(PROGRAM_FILE).is_file() {
            return Ok(root.to_path_buf());
        }
        return Err(format!(
            "{} is not a cairn site: it has no {PROGRAM_FILE}",
            root.display()
        ));
    }
    cwd.ancestors()
        .find(|dir| dir.join(PROGRAM_FILE).is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            format!(
                "no cairn site here: no {PROGRAM_FILE} in {} or any folder above it (use --root DIR, or `cairn init`)",
                cwd.display()
            )
        })
}

/// Reads every file under `root/content`, with the diagnostics of this stage.
pub fn load(root: &Path) -> (Loaded, Vec<Diagnostic>) {
    let (loaded, diagnostics, _) = load_with(root, None, Texts::Keep, |_| ());
    (loaded, diagnostics)
}

/// What becomes of the files' texts once `each` has seen them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    /// Kept in [`Loaded`] (to render the bodies, or show source lines).
    Keep,
    /// Dropped: [`SourceFile::text`] is `None` afterwards, so a big site is
    /// never in memory whole (`check`, which only needs what `each`
    /// returns; [`read_source`] reads a file again to show its lines).
    Drop,
}

/// [`load`], running `each` on every file as soon as it is read, on the core
/// that read it (while its text is still in the cache), and returning what
/// `each` gave for every file, in the files' order.
pub fn load_each<T: Send>(
    root: &Path,
    texts: Texts,
    each: impl Fn(&SourceFile) -> T + Sync,
) -> (Loaded, Vec<Diagnostic>, Vec<T>) {
    load_with(root, None, texts, each)
}

/// [`load`] again after `previous`: the texts of files whose size and
/// modification time did not change (and that were not modified just before
/// `previous` was read) are taken from it rather than read, so `serve`'s
/// quick path reads only what an edit touched.
pub fn reload(root: &Path, previous: &Loaded) -> (Loaded, Vec<Diagnostic>) {
    let (loaded, diagnostics, _) = load_with(root, Some(previous), Texts::Keep, |_| ());
    (loaded, diagnostics)
}

fn load_with<T: Send>(
    root: &Path,
    previous: Option<&Loaded>,
    texts: Texts,
    each: impl Fn(&SourceFile) -> T + Sync,
) -> (Loaded, Vec<Diagnostic>, Vec<T>) {
    let started = SystemTime::now();
    let mut diagnostics = Vec::new();
    let mut paths = Vec::new();
    let content = root.join("content");
    let canonical = content.canonicalize().unwrap_or_else(|_| content.clone());
    // Symbolic links are followed while they stay inside content/; the
    // others are W0404 (in path order, with the walk's other diagnostics).
    let mut unfollowed = Vec::new();
    let mut unreadable = Vec::new();
    // Unsorted: the paths are sorted once below, whole.
    let walker = WalkDir::new(&content)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && is_hidden(e.file_name().to_str().unwrap_or("."), e.depth()) {
                return false;
            }
            if e.path_is_symlink()
                && let Some(why) = crate::symlinks::unfollowed(&canonical, e.path())
            {
                unfollowed.push((e.path().to_path_buf(), why));
                return false;
            }
            true
        });
    for entry in walker {
        // Unreadable entries are skipped: they hold no content. A link
        // that loops or leads nowhere is W0404.
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                if let Some(path) = e.path()
                    && let Some(why) = crate::symlinks::unfollowed(&canonical, path)
                {
                    unreadable.push((path.to_path_buf(), why));
                }
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        let rel = slashed(rel);
        paths.push((rel, entry.into_path()));
        if paths.len() > MAX_FILES {
            diagnostics.push(Diagnostic::new(
                Code::E0110,
                PROGRAM_FILE,
                Pos::START,
                format!("the site has more than {MAX_FILES} files under content/, over the limit"),
            ));
            return (
                Loaded {
                    root: root.to_path_buf(),
                    files: Vec::new(),
                    stamps: Vec::new(),
                    started: None,
                },
                diagnostics,
                Vec::new(),
            );
        }
    }
    // Path order is byte order of the relative paths (SPEC 5).
    paths.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut links: Vec<(String, crate::symlinks::Unfollowed)> = unfollowed
        .into_iter()
        .chain(unreadable)
        .filter_map(|(path, why)| Some((slashed(path.strip_prefix(root).ok()?), why)))
        .collect();
    links.sort_by(|a, b| a.0.cmp(&b.0));
    links.dedup_by(|a, b| a.0 == b.0);
    diagnostics.extend(
        links
            .iter()
            .map(|(rel, why)| crate::symlinks::warning(rel, "content", why)),
    );
    // Names first, in path order; then the files are read in parallel (the
    // reads are most of this stage), and each file's diagnostics are put
    // back in path order, names before contents, as a sequential walk has
    // them.
    let mut named = Vec::new();
    let mut seen: HashMap<(FileKind, String), String> = HashMap::new();
    for (rel, full) in paths {
        let mut found = Vec::new();
        let Some((kind, id)) = classify(&rel, &mut found) else {
            diagnostics.extend(found);
            continue;
        };
        let mut usable = id_is_valid(kind, &id, &rel, &mut found);
        if usable {
            match seen.get(&(kind, id.clone())) {
                Some(first) => {
                    found.push(
                        Diagnostic::new(
                            Code::E0107,
                            &rel,
                            Pos::START,
                            format!("the id `{id}` is used by two files"),
                        )
                        .help(format!(
                            "{first} has the same id; rename one of the two files"
                        )),
                    );
                    usable = false;
                }
                None => {
                    seen.insert((kind, id.clone()), rel.clone());
                }
            }
        }
        named.push((rel, full, kind, id, usable, found));
    }
    let read: Vec<(SourceFile, Option<Stamp>, Vec<Diagnostic>, T)> = named
        .into_par_iter()
        .map_init(
            Folder::default,
            |folder, (rel, full, kind, id, usable, names)| {
                let mut found = names;
                let (text, stamp) = read_text(folder, &full, &rel, previous, &mut found);
                let mut file = SourceFile {
                    path: rel,
                    kind,
                    id,
                    text,
                    usable,
                };
                let seen = each(&file);
                if texts == Texts::Drop {
                    file.text = None;
                }
                (file, stamp, found, seen)
            },
        )
        .collect();
    let mut files = Vec::with_capacity(read.len());
    let mut stamps = Vec::with_capacity(read.len());
    let mut seen = Vec::with_capacity(read.len());
    for (file, stamp, found, t) in read {
        diagnostics.extend(found);
        stamps.push(stamp);
        files.push(file);
        seen.push(t);
    }
    (
        Loaded {
            root: root.to_path_buf(),
            files,
            stamps,
            started: Some(started),
        },
        diagnostics,
        seen,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Collection;

    #[test]
    fn reload_keeps_only_texts_settled_and_unchanged() {
        let read_at = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000);
        let old = Stamp {
            len: 5,
            modified: read_at - Duration::from_secs(60),
        };
        let loaded = Loaded {
            root: PathBuf::from("."),
            files: vec![SourceFile {
                path: "content/sessions/a.md".into(),
                kind: FileKind::Item(Collection::Sessions),
                id: "a".into(),
                text: Some("hello".into()),
                usable: true,
            }],
            stamps: vec![Some(old)],
            started: Some(read_at),
        };
        let kept = loaded.unchanged("content/sessions/a.md", Some(old));
        assert_eq!(kept.map(Text::as_str), Some("hello"));
        // Another size, another time, another file, no stamp: read again.
        let longer = Stamp { len: 6, ..old };
        assert!(
            loaded
                .unchanged("content/sessions/a.md", Some(longer))
                .is_none()
        );
        let later = Stamp {
            modified: read_at + Duration::from_secs(5),
            ..old
        };
        assert!(
            loaded
                .unchanged("content/sessions/a.md", Some(later))
                .is_none()
        );
        assert!(
            loaded
                .unchanged("content/sessions/b.md", Some(old))
                .is_none()
        );
        assert!(loaded.unchanged("content/sessions/a.md", None).is_none());
        // Modified just before it was read: a write in the same tick could
        // hide under the same stamp.
        let racy = Stamp {
            modified: read_at - Duration::from_millis(500),
            ..old
        };
        let loaded = Loaded {
            stamps: vec![Some(racy)],
            ..loaded
        };
        assert!(
            loaded
                .unchanged("content/sessions/a.md", Some(racy))
                .is_none()
        );
    }
}
