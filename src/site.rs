//! Loading stage: finds the site root and reads every file under `content/`
//! into memory, deciding what each file is (program, year, collection item or
//! stray). Reports what can be known from names and bytes alone: W0108 (stray
//! files), E0109 (bad names), E0107 (duplicate ids), E0106 (not UTF-8),
//! E0110 (size and count limits) and W0404 (symbolic links it does not
//! follow: those that leave `content/`, loop or lead nowhere). Parsing is the next stage's job.

use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Pos};
use crate::layout::{Collection, FileKind, PROGRAM_FILE};
use crate::text::Text;
use rayon::prelude::*;
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

/// The text of the content file `rel` (e.g. `content/sessions/x.md`) under
/// `root`, read again as [`load`] reads it, to show its lines; a file that
/// is not UTF-8 (but not UTF-16) is shown with U+FFFD for its bad bytes, one
/// character each as E0106 counts its column; `None` when it cannot be read.
pub fn read_source(root: &Path, rel: &str) -> Option<Text> {
    let full = root.join(rel);
    let mut found = Vec::new();
    let text = read_text(&mut Folder::default(), &full, rel, None, &mut found).0;
    if text.is_some() || found.iter().all(|d| d.code != Code::E0106) {
        return text;
    }
    let bytes = std::fs::read(&full).ok()?;
    if utf16(&bytes).is_some() {
        return None;
    }
    Some(normalize(String::from_utf8_lossy(&bytes).into_owned()).into())
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
        let rel = rel_path(rel);
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
        .filter_map(|(path, why)| Some((rel_path(path.strip_prefix(root).ok()?), why)))
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

/// `rel` as a `/`-separated string, e.g. `content/sessions/x.md`.
fn rel_path(rel: &Path) -> String {
    let text = rel.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        text.into_owned()
    } else {
        text.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

// `.git`, `.DS_Store`, `_drafts/`... are the authors' own; `_program.md` is ours.
fn is_hidden(name: &str, depth: usize) -> bool {
    (name.starts_with('.') || name.starts_with('_')) && !(depth == 1 && name == "_program.md")
}

/// What a path under `content/` is; W0108 for anything that is no content file.
fn classify(rel: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<(FileKind, String)> {
    let parts: Vec<&str> = rel.split('/').collect();
    let stem = |name: &str| name.strip_suffix(".md").map(str::to_string);
    let found = match parts.as_slice() {
        ["content", "_program.md"] => Some((FileKind::Program, "_program".to_string())),
        ["content", "years", name] => {
            stem(name).map(|s| (FileKind::Year(s.parse().unwrap_or(0)), s))
        }
        ["content", dir, .., name] if parts.len() >= 3 => {
            Collection::from_dir(dir).and_then(|c| stem(name).map(|s| (FileKind::Item(c), s)))
        }
        _ => None,
    };
    if found.is_none() {
        diagnostics.push(
            Diagnostic::new(Code::W0108, rel, Pos::START, "this file belongs to no collection and is ignored")
                .help("content files are `.md` files in modules/, sessions/, readings/, prompts/, people/, projects/, pages/ or years/; move it to static/ if it should be published"),
        );
    }
    found
}

fn id_is_valid(kind: FileKind, id: &str, rel: &str, diagnostics: &mut Vec<Diagnostic>) -> bool {
    let problem = match kind {
        FileKind::Program => None,
        FileKind::Year(_) => {
            let ok = id.starts_with(|c: char| ('1'..='9').contains(&c))
                && id.bytes().all(|b| b.is_ascii_digit())
                && id.len() <= 3;
            (!ok).then(|| {
                (
                    format!("`{id}` is not a year number"),
                    "name year files 1.md, 2.md, ... without leading zeros".to_string(),
                )
            })
        }
        FileKind::Item(c) => {
            if !is_valid_id(id) {
                Some((
                    format!("`{id}` is not a valid id"),
                    format!(
                        "ids use lowercase letters, digits and hyphens, starting with a letter or digit, e.g. `{}`",
                        suggest_id(id)
                    ),
                ))
            } else if c == Collection::Pages && crate::layout::is_reserved_page_id(id) {
                Some((
                    format!("the page id `{id}` is used by the site itself"),
                    "rename the page, e.g. `about-the-calendar.md`".to_string(),
                ))
            } else {
                None
            }
        }
    };
    match problem {
        Some((message, help)) => {
            diagnostics.push(Diagnostic::new(Code::E0109, rel, Pos::START, message).help(help));
            false
        }
        None => true,
    }
}

/// True when `id` matches `[a-z0-9][a-z0-9-]*`.
pub fn is_valid_id(id: &str) -> bool {
    id.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A valid id made from `name`: accents and other scripts transliterated to
/// ASCII (`josé-garcía` -> `jose-garcia`, `straße` -> `strasse`, by
/// deunicode, not a table of our own), lowercased, every other character a
/// hyphen, runs of hyphens made one; `my-id` when nothing is left.
pub fn suggest_id(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_ascii_lowercase();
    let mut id = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        "my-id".to_string()
    } else {
        id.to_string()
    }
}

/// The folder the last file was opened in, kept open: files are opened by
/// their name in it, so the kernel looks up one name rather than every
/// folder of a full path again.
#[derive(Default)]
struct Folder {
    path: PathBuf,
    fd: Option<std::os::fd::OwnedFd>,
}

impl Folder {
    /// Opens the file at `full` for reading, by its name in its folder.
    fn open(&mut self, full: &Path) -> std::io::Result<std::fs::File> {
        use rustix::fs::{Mode, OFlags};
        let (Some(parent), Some(name)) = (full.parent(), full.file_name()) else {
            return std::fs::File::open(full);
        };
        if self.fd.is_none() || self.path != parent {
            self.path = parent.to_path_buf();
            self.fd = rustix::fs::open(
                parent,
                OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
                Mode::empty(),
            )
            .ok();
        }
        match &self.fd {
            Some(dir) => {
                rustix::fs::openat(dir, name, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty())
                    .map(std::fs::File::from)
                    .map_err(std::io::Error::from)
            }
            None => std::fs::File::open(full),
        }
    }
}

/// The text of the file at `full` (`rel` in diagnostics) and its stamp:
/// taken from `previous` when the file did not change since, else read.
/// One open serves the size check and the reading.
fn read_text(
    folder: &mut Folder,
    full: &Path,
    rel: &str,
    previous: Option<&Loaded>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Option<Text>, Option<Stamp>) {
    let cannot_read = |e: std::io::Error, diagnostics: &mut Vec<Diagnostic>| {
        diagnostics.push(Diagnostic::new(
            Code::E0106,
            rel,
            Pos::START,
            format!("the file cannot be read: {e}"),
        ));
        (None, None)
    };
    if let Some(previous) = previous {
        // A stat is cheaper than an open: most files did not change.
        let stamp = std::fs::metadata(full).ok().as_ref().and_then(Stamp::of);
        if let Some(text) = previous.unchanged(rel, stamp) {
            return (Some(text.clone()), stamp);
        }
    }
    let mut file = match folder.open(full) {
        Ok(f) => f,
        Err(e) => return cannot_read(e, diagnostics),
    };
    let meta = file.metadata().ok();
    let stamp = meta.as_ref().and_then(Stamp::of);
    let size = meta.map_or(0, |m| m.len());
    if size > MAX_FILE_BYTES {
        diagnostics.push(
            Diagnostic::new(
                Code::E0110,
                rel,
                Pos::START,
                format!("the file is {size} bytes, over the limit of 4 MiB"),
            )
            .help("a content file holds text: put images, PDFs and video under static/ and link to them (`/files/handbook.pdf`), and split a long text into several pages"),
        );
        return (None, stamp);
    }
    let mut bytes = Vec::new();
    if let Err(e) = read_all(&mut file, size, &mut bytes) {
        return cannot_read(e, diagnostics);
    }
    if let Some(order) = utf16(&bytes) {
        diagnostics.push(
            Diagnostic::new(
                Code::E0106,
                rel,
                Pos::START,
                format!("the file is UTF-16 text ({order}), not UTF-8"),
            )
            .help(SAVE_AS_UTF8),
        );
        return (None, stamp);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => Some(normalize(text).into()),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            diagnostics.push(
                Diagnostic::new(
                    Code::E0106,
                    rel,
                    position_after(valid),
                    format!(
                        "the file is not UTF-8 text: the byte 0x{:02X} here is not UTF-8 (perhaps Latin-1 or Windows-1252)",
                        e.as_bytes()[valid.len()]
                    ),
                )
                .help(SAVE_AS_UTF8),
            );
            None
        }
    };
    (text, stamp)
}

/// E0106's help, for every encoding that is not UTF-8.
const SAVE_AS_UTF8: &str =
    "save the file as UTF-8 in your editor (\"Save with encoding\" or \"Save as\", then UTF-8)";

/// The byte order when `bytes` look like UTF-16: a byte-order mark
/// (FF FE or FE FF), or NUL bytes at every other place of the start (ASCII
/// in UTF-16, which is otherwise valid UTF-8 full of NULs).
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some("little-endian, with a byte-order mark"),
        [0xFE, 0xFF, ..] => return Some("big-endian, with a byte-order mark"),
        _ => {}
    }
    let start = &bytes[..bytes.len().min(256) & !1];
    if start.len() < 4 {
        return None;
    }
    let nul_at = |parity: usize| start.iter().skip(parity).step_by(2).all(|&b| b == 0);
    if nul_at(1) {
        Some("little-endian")
    } else if nul_at(0) {
        Some("big-endian")
    } else {
        None
    }
}

/// Where the text that follows `valid` (a file's valid UTF-8 start) begins:
/// its line and column, the column in characters, a byte-order mark not
/// counted, as every other position.
fn position_after(valid: &[u8]) -> Pos {
    let text = std::str::from_utf8(valid).unwrap_or_default();
    let line_start = text.rfind('\n').map_or(0, |i| i + 1);
    let line = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut column = text[line_start..].chars().count() + 1;
    if line == 1 && text.starts_with('\u{feff}') {
        column -= 1;
    }
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(column).unwrap_or(u32::MAX),
        len: 1,
    }
}

/// Reads `file`, of `size` bytes by its metadata, to its end into `bytes`.
/// One `read` of one byte more than `size` usually meets the end at once: a
/// file's `read_to_end` also asks the size and position again and reads once
/// more to see the end, and on a site of 10,000 files those system calls
/// were a tenth of `check`.
fn read_all(file: &mut std::fs::File, size: u64, bytes: &mut Vec<u8>) -> std::io::Result<()> {
    use std::io::Read;
    let want = usize::try_from(size).unwrap_or(0) + 1;
    bytes.resize(want, 0);
    let mut filled = 0;
    while filled < want {
        match file.read(&mut bytes[filled..]) {
            // A short read of a regular file is its end; a file that grew
            // or shrank since its size was read is read on to a zero read.
            Ok(0) => break,
            Ok(n) if filled == 0 && n == want - 1 => {
                filled = n;
                break;
            }
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    if filled == want {
        file.read_to_end(bytes)?;
    }
    Ok(())
}

/// Removes a BOM and turns CRLF into LF, so positions count the same everywhere.
pub fn normalize(text: String) -> String {
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("2025-09-orientation"));
        assert!(!is_valid_id("Bad_Name"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id(""));
        assert_eq!(suggest_id("Bad_Name"), "bad-name");
    }

    #[test]
    fn suggested_ids_are_transliterated() {
        assert_eq!(suggest_id("josé-garcía"), "jose-garcia");
        assert_eq!(suggest_id("straße"), "strasse");
        assert_eq!(suggest_id("Zoë Ångström"), "zoe-angstrom");
        assert_eq!(suggest_id("--a__b--"), "a-b");
        assert_eq!(suggest_id("!!!"), "my-id");
        assert!(is_valid_id(&suggest_id("北京 2025")));
    }

    #[test]
    fn classifies_paths() {
        let mut ds = Vec::new();
        assert_eq!(
            classify("content/_program.md", &mut ds),
            Some((FileKind::Program, "_program".into()))
        );
        assert_eq!(
            classify("content/years/2.md", &mut ds),
            Some((FileKind::Year(2), "2".into()))
        );
        assert_eq!(
            classify("content/sessions/year-1/x.md", &mut ds),
            Some((FileKind::Item(Collection::Sessions), "x".into()))
        );
        assert!(ds.is_empty());
        assert_eq!(classify("content/notes.txt", &mut ds), None);
        assert_eq!(classify("content/sessions/x.txt", &mut ds), None);
        assert_eq!(classify("content/other/x.md", &mut ds), None);
        assert_eq!(ds.len(), 3);
    }

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

    #[test]
    fn finds_the_first_byte_that_is_not_utf8() {
        assert_eq!(position_after(b"").line, 1);
        let at = position_after("---\ntitle: Caf".as_bytes());
        assert_eq!((at.line, at.column), (2, 11));
        let at = position_after("\u{feff}\u{e9}t\u{e9} ".as_bytes());
        assert_eq!((at.line, at.column), (1, 5));
    }

    #[test]
    fn recognises_utf16() {
        let le: Vec<u8> = "---\ntitle: x\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "---\ntitle: x\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf16(&le), Some("little-endian"));
        assert_eq!(utf16(&be), Some("big-endian"));
        assert!(utf16(&[0xFF, 0xFE, b'-', 0]).is_some_and(|o| o.contains("mark")));
        assert!(utf16(&[0xFE, 0xFF]).is_some());
        assert_eq!(utf16(b"---\ntitle: x\n"), None);
        assert_eq!(utf16(b"\0\0"), None);
        assert_eq!(utf16(b""), None);
    }

    #[test]
    fn normalizes_bom_and_crlf() {
        assert_eq!(normalize("\u{feff}---\r\na: 1\r\n".into()), "---\na: 1\n");
    }
}
