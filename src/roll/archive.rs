//! Past academic years kept beside the current one: `archive/YYYY-YY/` at the
//! site root holds a year's whole `content/` (drafts included) and the files
//! of `static/` it uses, as `roll` left them. `build`, `check`, `serve` and
//! `diff` find them here.

use super::tree::{self, Tree};
use crate::front_matter::Value;
use std::path::{Path, PathBuf};

/// The folder of past years, relative to the site root.
pub const DIR: &str = "archive";

/// A past year: its label (`2025-26`) and its root (`SITE/archive/2025-26`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archived {
    /// e.g. `2025-26`.
    pub label: String,
    /// The archived site's root, which holds `content/` and `static/`.
    pub root: PathBuf,
}

impl Archived {
    /// Its paths relative to the site root start with this, e.g. `archive/2025-26/`.
    pub fn prefix(&self) -> String {
        format!("{DIR}/{}/", self.label)
    }
}

/// True for a label `YYYY-YY`.
pub fn is_label(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
}

/// The past years of the site at `root`, oldest first.
pub fn list(root: &Path) -> Vec<Archived> {
    let Ok(entries) = std::fs::read_dir(root.join(DIR)) else {
        return Vec::new();
    };
    let mut found: Vec<Archived> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let label = e.file_name().to_str()?.to_string();
            let root = e.path();
            (is_label(&label) && root.join(crate::layout::PROGRAM_FILE).is_file())
                .then_some(Archived { label, root })
        })
        .collect();
    found.sort_by(|a, b| a.label.cmp(&b.label));
    found
}

/// Copies the current year (all of `content/`, and the files of `static/`
/// its content names) into `into`, which becomes `archive/LABEL/` when the
/// roll commits ([`super::commit`]).
pub fn stage(root: &Path, trees: &[Tree], into: &Path) -> std::io::Result<()> {
    copy_tree(&root.join("content"), &into.join("content"))?;
    for rel in used_static(trees) {
        let from = root.join("static").join(&rel);
        if from.is_file() {
            let to = into.join("static").join(&rel);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::copy(&from, &to)?;
        }
    }
    Ok(())
}

/// The paths under `static/` that the content names: people's photos, a
/// brand's files, and `/...` links and images in bodies.
fn used_static(trees: &[Tree]) -> Vec<String> {
    let mut used = Vec::new();
    for t in trees {
        if let Value::Map(entries) = &t.front.value {
            for (key, node) in entries {
                match key.name.as_str() {
                    "photo" => used.extend(tree::text(Some(node)).map(str::to_string)),
                    "brand" => {
                        for k in ["logo", "image"] {
                            used.extend(tree::text(tree::get(node, k)).map(str::to_string));
                        }
                    }
                    _ => {}
                }
            }
        }
        for link in crate::markdown::outline(&t.body, t.body_line).links {
            let dest = link.dest.split(['#', '?']).next().unwrap_or("");
            if let Some(rel) = dest.strip_prefix('/').filter(|r| !r.starts_with('/')) {
                used.push(rel.to_string());
            }
        }
    }
    used.retain(|p| {
        let p = p.trim_start_matches('/');
        !p.is_empty() && !p.split('/').any(|part| part == ".." || part == ".")
    });
    used.sort();
    used.dedup();
    used
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from).follow_links(true) {
        let entry = entry.map_err(std::io::Error::other)?;
        let Ok(rel) = entry.path().strip_prefix(from) else {
            continue;
        };
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert!(is_label("2025-26"));
        assert!(!is_label("2025-2026"));
        assert!(!is_label(".2025-2"));
    }
}
