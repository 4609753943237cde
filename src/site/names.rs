//! What a path under `content/` names: hidden or not, its kind and id
//! (W0108 for a stray file, E0109 for a bad name), and what a valid id is.

use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::layout::{Collection, FileKind};

// `.git`, `.DS_Store`, `_drafts/`... are the authors' own; `_program.md` is ours.
pub(super) fn is_hidden(name: &str, depth: usize) -> bool {
    (name.starts_with('.') || name.starts_with('_')) && !(depth == 1 && name == "_program.md")
}

/// What a path under `content/` is; W0108 for anything that is no content file.
pub(super) fn classify(rel: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<(FileKind, String)> {
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
                .help(format!(
                    "content files are `.md` files in {} or years/; move it to static/ if it should be published",
                    // From the registry, so a new collection's folder is named too.
                    Collection::ALL.map(|c| format!("{}/", c.dir())).join(", ")
                )),
        );
    }
    found
}

pub(super) fn id_is_valid(
    kind: FileKind,
    id: &str,
    rel: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w0108_names_every_collection_folder() {
        let mut ds = Vec::new();
        assert!(classify("content/notes/x.md", &mut ds).is_none());
        let help = ds[0].help.clone().unwrap_or_default();
        for c in Collection::ALL {
            assert!(help.contains(&format!("{}/", c.dir())), "{help}");
        }
    }

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
}
