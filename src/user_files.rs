//! Every write cairn makes into the user's own folders (`new`, `roll`,
//! `init`, `report -o`, `export -o`): a file is written whole to a temporary
//! file beside its target, flushed to disk, then renamed over it, so the
//! target is the old file or the new one and never a half-written or
//! truncated one (a hard link to the old file keeps the old bytes). A write
//! that would pass through a symbolic link leading out of its folder is
//! refused ([`crate::symlinks`] tells such links), and nothing is written.
//! Folders prepared in a hidden staging folder (`roll::commit`) are swapped
//! in whole by [`exchange`] or moved in by [`move_in`]. `build`'s output folder is
//! cairn's own and written by [`crate::output`].

use crate::symlinks;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The temporary names this module leaves only when killed mid-write:
/// `.NAME.cairn-PID`.
const MARK: &str = ".cairn-";

/// Writes `bytes` to `rel` (a `/`-separated path) under the folder `root`,
/// creating its folders, replacing any file there by a rename.
pub fn write(root: &Path, rel: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    let target = checked(root, rel)?;
    replace(&target, bytes, false)
        .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    Ok(target)
}

/// Like [`write`], but refuses when `rel` exists: the file appears whole
/// or not at all.
pub fn create(root: &Path, rel: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    let target = checked(root, rel)?;
    if target.symlink_metadata().is_ok() {
        return Err(format!("{} already exists", target.display()));
    }
    replace(&target, bytes, true).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    Ok(target)
}

/// Writes `bytes` to the file `path` the user named (`-o`), inside its own
/// folder.
pub fn write_path(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(format!("cannot write {}: it names no file", path.display()));
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    if path.is_dir() {
        return Err(format!("cannot write {}: it is a folder", path.display()));
    }
    write(dir, &name.to_string_lossy(), bytes).map(|_| ())
}

/// The path `rel` names under `root`, once sure that no part of it is a
/// symbolic link leading out of `root` (or looping, or leading nowhere),
/// and that it climbs nowhere above `root`.
fn checked(root: &Path, rel: &str) -> Result<PathBuf, String> {
    let Some(clean) = crate::paths::normalize(Path::new(rel)) else {
        return Err(format!(
            "cannot write {rel}: the path leaves {}",
            root.display()
        ));
    };
    let target = root.join(&clean);
    if root.exists()
        && let Some((link, why)) = symlinks::on_the_way(root, &crate::paths::slashed(&clean))
    {
        // A link to a missing file inside the folder would be written
        // through to wherever it leads: refused too.
        let what = why.describe(&root.display().to_string());
        return Err(format!(
            "cannot write {}: {link} is a symbolic link and {what}; nothing written (remove the link, or write elsewhere)",
            target.display()
        ));
    }
    Ok(target)
}

/// Writes a temporary file beside `target`, flushes it, and renames it over
/// `target` (or links it there when `new_only`, which fails on an existing
/// file). A link inside the folder is written through to the file it names,
/// so the link stays a link.
fn replace(target: &Path, bytes: &[u8], new_only: bool) -> std::io::Result<()> {
    let target = match target.symlink_metadata() {
        Ok(m) if m.file_type().is_symlink() => target.canonicalize()?,
        _ => target.to_path_buf(),
    };
    if target.is_dir() {
        return Err(std::io::Error::other("it is a folder"));
    }
    let dir = target
        .parent()
        .ok_or_else(|| std::io::Error::other("it names no file"))?;
    std::fs::create_dir_all(dir)?;
    let temp = temp_beside(&target);
    let result = (|| {
        let mut file = std::fs::File::create_new(&temp)?;
        // The old file's permissions, when there is one.
        if let Ok(meta) = std::fs::metadata(&target) {
            file.set_permissions(meta.permissions())?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        if new_only {
            match std::fs::hard_link(&temp, &target) {
                Ok(()) => std::fs::remove_file(&temp)?,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(e),
                // A file system without hard links (FAT, some network
                // shares): a rename, once sure nothing is there.
                Err(_) if target.symlink_metadata().is_err() => {
                    std::fs::rename(&temp, &target)?;
                }
                Err(e) => return Err(e),
            }
        } else {
            std::fs::rename(&temp, &target)?;
        }
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// `.NAME.cairn-PID` beside `path`.
pub fn temp_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}{MARK}{}", std::process::id()))
}

/// Flushes a folder's entries (a rename) to disk, where the system can.
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Flushes everything written under `dir` to disk: the whole file system
/// in one call where the system can (Linux), else file by file.
pub fn flush(dir: &Path) {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = rustix::fs::syncfs(&d);
        return;
    }
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if let Ok(f) = std::fs::File::open(e.path()) {
            let _ = f.sync_all();
        }
    }
}

/// Swaps the folders `a` and `b` in one step where the system can (Linux);
/// elsewhere `b` is moved to `aside` and `a` to `b`, with a moment between
/// the two renames when `b` is missing. Returns true when swapped in one step.
pub fn exchange(a: &Path, b: &Path, aside: &Path) -> std::io::Result<bool> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => {
                sync_parents(a, b);
                return Ok(true);
            }
            // A file system without the exchange: the two renames.
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    std::fs::rename(b, aside)?;
    std::fs::rename(a, b)?;
    sync_parents(a, b);
    Ok(false)
}

/// Moves the folder `from` (prepared in a hidden staging folder) to `to`,
/// which must not exist, and flushes the rename.
pub fn move_in(from: &Path, to: &Path) -> std::io::Result<()> {
    if to.symlink_metadata().is_ok() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} already exists", to.display()),
        ));
    }
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::rename(from, to)?;
    sync_parents(from, to);
    Ok(())
}

fn sync_parents(a: &Path, b: &Path) {
    for p in [a, b] {
        if let Some(dir) = p.parent() {
            sync_dir(dir);
        }
    }
}

/// True when the process `pid` still runs (so what it writes is no
/// leftover); false when it cannot be told.
pub fn running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
            .is_some_and(|p| rustix::process::test_kill_process(p).is_ok())
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// The pid a temporary name of this module ends with.
fn pid_of(name: &str) -> Option<u32> {
    let (_, pid) = name.rsplit_once(MARK)?;
    pid.parse().ok()
}

/// Removes the temporary files a killed write left under `dir` (`.NAME.cairn-PID`
/// of a process that no longer runs); returns their paths under `dir`.
pub fn clean_leftovers(dir: &Path) -> Vec<String> {
    let mut removed = Vec::new();
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        let name = e.file_name().to_string_lossy();
        if e.file_type().is_file()
            && name.starts_with('.')
            && pid_of(&name).is_some_and(|pid| !running(pid))
            && std::fs::remove_file(e.path()).is_ok()
        {
            removed.push(crate::paths::relative(dir, e.path()));
        }
    }
    removed.sort();
    removed
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("cairn-uf-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("mkdir");
        dir
    }

    #[test]
    fn an_existing_file_is_replaced_by_a_rename_not_rewritten() {
        let dir = folder("replace");
        std::fs::write(dir.join("a.md"), "old").expect("write");
        std::fs::hard_link(dir.join("a.md"), dir.join("old.md")).expect("link");
        write(&dir, "a.md", b"new").expect("written");
        assert_eq!(std::fs::read(dir.join("a.md")).expect("read"), b"new");
        // Rewritten in place, the link would read the new bytes.
        assert_eq!(std::fs::read(dir.join("old.md")).expect("read"), b"old");
        write(&dir, "sub/b.md", b"b").expect("a new folder");
        assert!(create(&dir, "a.md", b"x").is_err());
        assert_eq!(std::fs::read(dir.join("a.md")).expect("read"), b"new");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .expect("dir")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 3, "no temporary file left: {names:?}");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_symbolic_link_out_of_the_folder_is_refused_and_nothing_written() {
        let dir = folder("links");
        let outside = folder("links-outside");
        std::fs::write(outside.join("x.md"), "theirs").expect("write");
        symlink(outside.join("x.md"), dir.join("x.md")).expect("symlink");
        symlink(&outside, dir.join("away")).expect("symlink");
        let e = write(&dir, "x.md", b"ours").expect_err("refused");
        assert!(e.contains("x.md is a symbolic link"), "{e}");
        assert!(e.contains("leads outside"), "{e}");
        let e = write(&dir, "away/y.md", b"ours").expect_err("refused");
        assert!(e.contains("away is a symbolic link"), "{e}");
        assert!(write(&dir, "../y.md", b"ours").is_err());
        assert_eq!(
            std::fs::read(outside.join("x.md")).expect("read"),
            b"theirs"
        );
        assert!(!outside.join("y.md").exists());
        // A link inside stays a link; its file takes the bytes.
        std::fs::write(dir.join("real.md"), "old").expect("write");
        symlink("real.md", dir.join("alias.md")).expect("symlink");
        write(&dir, "alias.md", b"new").expect("written");
        assert!(
            dir.join("alias.md")
                .symlink_metadata()
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(dir.join("real.md")).expect("read"), b"new");
        let _ = std::fs::remove_dir_all(dir);
        let _ = std::fs::remove_dir_all(outside);
    }

    #[test]
    fn leftovers_of_dead_writers_are_cleaned() {
        let dir = folder("leftovers");
        // No process has pid 0x7fff_fff0 on a test machine.
        std::fs::write(dir.join(".a.md.cairn-2147483632"), "x").expect("write");
        std::fs::write(dir.join(format!(".b.md.cairn-{}", std::process::id())), "x")
            .expect("write");
        assert_eq!(clean_leftovers(&dir), vec![".a.md.cairn-2147483632"]);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn folders_are_exchanged() {
        let dir = folder("exchange");
        std::fs::create_dir_all(dir.join("a")).expect("mkdir");
        std::fs::create_dir_all(dir.join("b")).expect("mkdir");
        std::fs::write(dir.join("a/x"), "a").expect("write");
        std::fs::write(dir.join("b/x"), "b").expect("write");
        exchange(&dir.join("a"), &dir.join("b"), &dir.join("c")).expect("exchanged");
        assert_eq!(std::fs::read(dir.join("b/x")).expect("read"), b"a");
        let _ = std::fs::remove_dir_all(dir);
    }
}
