//! Writes a roll's changes into the files: each change replaces the old text
//! found at its line and column, so comments, quoting, field order, a BOM and
//! CRLF line ends stay byte for byte as they were. Also finds the body links
//! that name a renamed file.

use super::Change;
use std::collections::BTreeMap;

/// The links in one body `line` to a renamed id: `(column, old, new)` of
/// each `OLD.md` written after `/` (`@/sessions/OLD.md`, `../sessions/OLD.md`)
/// or at the start of a link (`(OLD.md`).
pub fn link_ids(line: &str, ids: &BTreeMap<String, String>) -> Vec<(u32, String, String)> {
    let mut found = Vec::new();
    if !line.contains(".md") {
        return found;
    }
    for (old, new) in ids {
        let needle = format!("{old}.md");
        let mut from = 0;
        while let Some(at) = line[from..].find(&needle).map(|i| from + i) {
            from = at + needle.len();
            let before = line[..at].chars().next_back();
            let after = line[from..].chars().next();
            let starts_link = matches!(before, Some('/' | '(' | '<' | ' ' | '"' | '\'') | None);
            let ends = !after.is_some_and(|c| c.is_alphanumeric() || c == '_');
            if starts_link && ends {
                let column = line[..at].chars().count() as u32 + 1;
                found.push((column, old.clone(), new.clone()));
            }
        }
    }
    found.sort();
    found
}

/// `raw` (a file's text as on disk: BOM and CRLF kept) with `changes`, all of
/// this file, applied; an error names a change whose old text is not where
/// it should be.
pub fn apply(raw: &str, changes: &[&Change]) -> Result<String, String> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(raw.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut spans: Vec<(usize, usize, &str)> = Vec::with_capacity(changes.len());
    for c in changes {
        let missing = || {
            format!(
                "{}:{}: `{}` is not where it was read; the file changed meanwhile?",
                c.path, c.line, c.old
            )
        };
        let start = *line_starts
            .get(c.line.saturating_sub(1) as usize)
            .ok_or_else(missing)?;
        let end = raw[start..].find('\n').map_or(raw.len(), |i| start + i);
        let line = &raw[start..end];
        // Columns do not count a BOM (SPEC 5).
        let bom = if c.line == 1 && line.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        let column_at = line[bom..]
            .char_indices()
            .nth(c.column.saturating_sub(1) as usize)
            .map_or(line.len(), |(i, _)| i + bom);
        let at = line[column_at..]
            .find(c.old.as_str())
            .map(|i| start + column_at + i)
            .ok_or_else(missing)?;
        spans.push((at, at + c.old.len(), c.new.as_str()));
    }
    spans.sort_by_key(|s| s.0);
    let mut out = String::with_capacity(raw.len() + 64);
    let mut last = 0;
    for (from, to, new) in spans {
        if from < last {
            continue;
        }
        out.push_str(&raw[last..from]);
        out.push_str(new);
        last = to;
    }
    out.push_str(&raw[last..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(line: u32, column: u32, old: &str, new: &str) -> Change {
        Change {
            path: "x.md".into(),
            line,
            column,
            old: old.into(),
            new: new.into(),
        }
    }

    #[test]
    fn only_the_value_changes() {
        let raw = "\u{feff}---\r\ndate: \"2025-09-18\" # the third Thursday\r\nmodule: [a, 2025-09-x]\r\n---\r\nBody\r\n";
        let a = change(2, 7, "2025-09-18", "2026-09-17");
        let b = change(3, 13, "2025-09-x", "2026-09-x");
        let out = apply(raw, &[&a, &b]).unwrap();
        assert_eq!(
            out,
            "\u{feff}---\r\ndate: \"2026-09-17\" # the third Thursday\r\nmodule: [a, 2026-09-x]\r\n---\r\nBody\r\n"
        );
    }

    #[test]
    fn a_moved_value_is_an_error() {
        assert!(apply("---\ndate: x\n---\n", &[&change(2, 7, "2025", "2026")]).is_err());
        assert!(apply("", &[&change(9, 1, "a", "b")]).is_err());
    }

    #[test]
    fn finds_links_to_renamed_files() {
        let ids: BTreeMap<String, String> =
            [("2025-09-x".to_string(), "2026-09-x".to_string())].into();
        let line = "See [it](@/sessions/2025-09-x.md#a), [too](../sessions/2025-09-x.md) and 2025-09-x.mdx or a2025-09-x.md.";
        let found = link_ids(line, &ids);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, 21);
    }
}
