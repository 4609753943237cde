//! Reading one content file: its bytes in one `read`, as UTF-8 text with a
//! BOM removed and CRLF made LF (E0106 for other encodings, E0110 for size).

use super::{Loaded, MAX_FILE_BYTES, Stamp};
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::text::Text;
use std::path::{Path, PathBuf};

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

/// The folder the last file was opened in, kept open: files are opened by
/// their name in it, so the kernel looks up one name rather than every
/// folder of a full path again.
#[derive(Default)]
pub(super) struct Folder {
    path: PathBuf,
    fd: Option<std::os::fd::OwnedFd>,
}

impl Folder {
    /// Opens the file at `full` for reading, by its name in its folder.
    pub(super) fn open(&mut self, full: &Path) -> std::io::Result<std::fs::File> {
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
pub(super) fn read_text(
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
