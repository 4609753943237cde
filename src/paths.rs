//! Paths as cairn names them: `/`-separated and relative to a folder
//! (`content/sessions/x.md`, `images/logo.png`) whatever the platform's
//! separator, and `.` and `..` resolved by their letters, as a browser
//! resolves a URL; and one folder's path from another (`../site/`, for
//! `check --format github`). A leaf: it imports nothing of the crate, so
//! loading, addresses, validation, writing and the commands share it.

use std::path::{Component, Path, PathBuf};

/// `path` as a `/`-separated string, e.g. `content/sessions/x.md`.
pub fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// `path` under `dir`, `/`-separated; `path` itself when it is not under `dir`.
pub fn relative(dir: &Path, path: &Path) -> String {
    slashed(path.strip_prefix(dir).unwrap_or(path))
}

/// `path` with `.` and `..` resolved by their letters; `None` when it
/// climbs above its start or is absolute.
pub fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// `to` relative to `from` (both absolute and canonical), as a path prefix
/// ending in `/`, or `""` when they are the same folder.
pub fn relative_prefix(from: &Path, to: &Path) -> String {
    let (from, to): (Vec<_>, Vec<_>) = (from.components().collect(), to.components().collect());
    let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - shared];
    parts.extend(
        to[shared..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.iter().fold(String::new(), |mut prefix, p| {
        prefix.push_str(p);
        prefix.push('/');
        prefix
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_slashed_relative_and_resolved_by_their_letters() {
        assert_eq!(
            slashed(Path::new("content/sessions/x.md")),
            "content/sessions/x.md"
        );
        assert_eq!(
            relative(Path::new("/site"), Path::new("/site/static/a.png")),
            "static/a.png"
        );
        assert_eq!(relative(Path::new("/out"), Path::new("/out")), "");
        assert_eq!(
            normalize(Path::new("images/../images/./a.png")),
            Some(PathBuf::from("images/a.png"))
        );
        assert_eq!(normalize(Path::new("../a.png")), None);
        assert_eq!(normalize(Path::new("/etc/passwd")), None);
    }

    #[test]
    fn github_paths_are_relative_to_the_working_directory() {
        let p = |from: &str, to: &str| relative_prefix(Path::new(from), Path::new(to));
        assert_eq!(p("/repo", "/repo"), "");
        assert_eq!(p("/repo", "/repo/site"), "site/");
        assert_eq!(p("/repo/site/content", "/repo/site"), "../");
        assert_eq!(p("/repo/tools", "/repo/site"), "../site/");
    }
}
