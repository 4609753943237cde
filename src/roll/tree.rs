//! Reading the located front matter trees roll works on: each content file
//! split and parsed (drafts too, since the archive and the new year keep
//! them), with small lookups by key. Values keep their line and column, so
//! roll can change a date's bytes and nothing else.

use crate::front_matter::{self, Node, Value};
use crate::layout::FileKind;
use crate::site::SourceFile;
use jiff::civil::Date;

/// One content file as roll sees it.
#[derive(Debug, Clone)]
pub struct Tree {
    /// e.g. `content/sessions/2025-09-orientation.md`.
    pub path: String,
    /// What the file is.
    pub kind: FileKind,
    /// Its id (file stem).
    pub id: String,
    /// The front matter; `Null` when it could not be parsed.
    pub front: Node,
    /// The Markdown body.
    pub body: String,
    /// File line of the body's first line.
    pub body_line: u32,
    /// False when the file could not be read or parsed (left as it is).
    pub readable: bool,
}

/// Every file's tree, in path order.
pub fn read(files: &[SourceFile]) -> Vec<Tree> {
    files
        .iter()
        .map(|f| {
            let mut tree = Tree {
                path: f.path.clone(),
                kind: f.kind,
                id: f.id.clone(),
                front: Node {
                    value: Value::Null,
                    pos: crate::diagnostics::Pos::START,
                },
                body: String::new(),
                body_line: 1,
                readable: false,
            };
            if let Some(text) = &f.text
                && let Ok(split) = front_matter::split(text)
            {
                tree.body = split.body.to_string();
                tree.body_line = split.body_line;
                if let Ok(node) = front_matter::parse(split.yaml, &f.path) {
                    tree.front = node;
                    tree.readable = true;
                }
            }
            tree
        })
        .collect()
}

/// The value of `key` in a mapping.
pub fn get<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    match &node.value {
        Value::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
        _ => None,
    }
}

/// The items of a list (none for anything else).
pub fn items(node: Option<&Node>) -> &[Node] {
    match node.map(|n| &n.value) {
        Some(Value::Seq(items)) => items,
        _ => &[],
    }
}

/// A scalar's text (strings only).
pub fn text(node: Option<&Node>) -> Option<&str> {
    match node.map(|n| &n.value) {
        Some(Value::Str(s)) => Some(s),
        _ => None,
    }
}

/// A scalar written `YYYY-MM-DD`, as a date.
pub fn date(node: Option<&Node>) -> Option<Date> {
    crate::content::values::parse_date(text(node)?)
        .ok()
        .map(|d| d.0)
}

/// Track years written as `year: 2` or `year: [1, 2]`; `None` when absent.
pub fn years(node: Option<&Node>) -> Option<Vec<i64>> {
    match node.map(|n| &n.value) {
        Some(Value::Int(i)) => Some(vec![*i]),
        Some(Value::Seq(items)) => Some(
            items
                .iter()
                .filter_map(|n| match n.value {
                    Value::Int(i) => Some(i),
                    _ => None,
                })
                .collect(),
        ),
        _ => None,
    }
}

/// Calls `visit` on every string scalar under `node` (values, not keys).
pub fn each_string<'n>(node: &'n Node, visit: &mut impl FnMut(&'n Node, &'n str)) {
    match &node.value {
        Value::Str(s) => visit(node, s),
        Value::Seq(items) => items.iter().for_each(|n| each_string(n, visit)),
        Value::Map(entries) => entries.iter().for_each(|(_, n)| each_string(n, visit)),
        _ => {}
    }
}
