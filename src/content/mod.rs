//! Parsing stage: turns each loaded source file into its typed front matter
//! and Markdown body, reporting E0101-E0105 and E0110 for that file alone.
//! Nothing here looks across files; that is the model's job.

pub mod competencies;
pub mod program;
pub mod repeats;
pub mod values;

use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Pos};
use crate::fields;
use crate::front_matter::{self, Node, Value};
use crate::layout::{Collection, FileKind};
use crate::site::SourceFile;
use serde::de::DeserializeOwned;

/// What a new file's front matter may take from the program as it stands
/// (`cairn new`).
#[derive(Debug, Clone, Copy)]
pub struct Starter<'a> {
    /// The title, quoted for YAML.
    pub title: &'a str,
    /// A date for a new session (`YYYY-MM-DD`, or that as a placeholder).
    pub date: &'a str,
    /// The program's first module, if any.
    pub first_module: Option<&'a str>,
    /// The program's first session, if any.
    pub first_session: Option<&'a str>,
    /// The framework's first phase that is not continuous, if any.
    pub phase: Option<&'a str>,
    /// A new session's kind (`cairn new --kind`, default `seminar`).
    pub session_kind: session::SessionKind,
}

/// Each collection's module, `Front` variant and dispatch, from the
/// registry's rows (`layout::collections!`).
macro_rules! parsing {
    ($($variant:ident: $dir:ident, $kind:ident, $Type:ident, $Front:ident;)*) => {
        $(pub mod $kind;)*

        /// A file's typed front matter.
        #[derive(Debug, Clone)]
        pub enum Front {
            /// `_program.md`
            Program(Box<program::ProgramFront>),
            /// `years/N.md`
            Year(program::YearFront),
            $(
                #[doc = concat!("`", stringify!($dir), "/`")]
                $Type(Box<$kind::$Front>),
            )*
        }

        impl Front {
            /// `draft: true`: left out of the site unless `--drafts`.
            pub fn draft(&self) -> bool {
                let d = match self {
                    $(Front::$Type(f) => f.draft,)*
                    Front::Year(f) => f.draft,
                    Front::Program(_) => None,
                };
                d.unwrap_or(false)
            }
        }

        /// What the parser and `cairn new` know of each collection: its front
        /// matter's schema and its starter text.
        impl Collection {
            /// The JSON Schema of the collection's front matter (`cairn schema`).
            pub fn schema(self) -> schemars::Schema {
                match self {
                    $(Collection::$variant => schemars::schema_for!($kind::$Front),)*
                }
            }

            /// A new item's front matter (`cairn new`).
            pub fn starter(self, s: &Starter<'_>) -> String {
                match self {
                    $(Collection::$variant => $kind::starter(s),)*
                }
            }
        }

        /// Reads an item file's front matter as its collection's type.
        fn typed_item(
            node: &Node,
            path: &str,
            collection: Collection,
        ) -> (Option<Front>, Vec<Diagnostic>, bool) {
            let kind = FileKind::Item(collection);
            match collection {
                $(Collection::$variant => typed(node, path, kind, |f| Front::$Type(Box::new(f))),)*
            }
        }
    };
}
crate::layout::collections!(parsing);

/// One content file after parsing.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The file it came from (path, kind, id).
    pub path: String,
    /// Which collection or special file.
    pub kind: FileKind,
    /// The file's id (its stem).
    pub id: String,
    /// The front matter, unless the file could not be read at all.
    pub front: Option<Front>,
    /// The Markdown after the front matter; shared with the model's
    /// [`crate::model::Source`], so a big site holds each body once.
    pub body: crate::text::Body,
    /// File line of the body's first line.
    pub body_line: u32,
    /// False when the file's name is no valid id or repeats another's (see
    /// [`SourceFile::usable`]).
    pub usable: bool,
    /// True when a required field is missing or the file is unreadable: the
    /// file's id still exists for references, but no rule looks inside it.
    pub broken: bool,
}

/// Parses one file: split, YAML, fields, required fields.
pub fn parse_file(file: &SourceFile) -> (Parsed, Vec<Diagnostic>) {
    let mut parsed = Parsed {
        path: file.path.clone(),
        kind: file.kind,
        id: file.id.clone(),
        front: None,
        body: crate::text::Body::default(),
        body_line: 1,
        usable: file.usable,
        broken: true,
    };
    let Some(text) = &file.text else {
        return (parsed, Vec::new());
    };
    let split = match front_matter::split(text) {
        Ok(s) => s,
        Err(why) => {
            let d = Diagnostic::new(Code::E0101, &file.path, Pos::START, why)
                .help("start the file with a line `---`, the YAML fields, then another line `---`");
            return (parsed, vec![d]);
        }
    };
    // The body stays in the file's text: the split's body is its end.
    parsed.body = crate::text::Body::new(text.clone(), text.len() - split.body.len());
    parsed.body_line = split.body_line;
    let node = match front_matter::parse(split.yaml, &file.path) {
        Ok(node) => node,
        Err(d) => return (parsed, vec![d]),
    };
    let path = file.path.as_str();
    let (front, mut ds, missing) = match file.kind {
        FileKind::Program => typed(&node, path, file.kind, |f| Front::Program(Box::new(f))),
        FileKind::Year(_) => typed(&node, path, file.kind, Front::Year),
        FileKind::Item(c) => typed_item(&node, path, c),
    };
    if let Some(Front::Prompt(p)) = &front
        && p.session.is_none()
        && p.module.is_none()
        && !has_key(&node, "session")
        && !has_key(&node, "module")
    {
        ds.push(
            Diagnostic::new(
                Code::E0105,
                path,
                Pos::START,
                "a prompt needs a `session` or a `module`",
            )
            .help(
                "add `session: SESSION-ID` or `module: MODULE-ID` to say when the prompt is used",
            ),
        );
    }
    if file.kind == FileKind::Program {
        ds.extend(unquoted_colours(&node, path));
    }
    parsed.broken = front.is_none() || missing;
    parsed.front = front;
    (parsed, ds)
}

/// Reads `node` as `T`, then checks that each of `required` is present.
/// Returns the value, the diagnostics, and whether a required field is absent.
fn typed<T: DeserializeOwned>(
    node: &Node,
    file: &str,
    kind: FileKind,
    wrap: impl FnOnce(T) -> Front,
) -> (Option<Front>, Vec<Diagnostic>, bool) {
    let (value, mut ds) = fields::read::<T>(node, file);
    let mut missing = false;
    for field in required(kind) {
        // A required value that is present but wrong (`date: 2025-13-01`)
        // is reported at the value; the file is then as good as missing it.
        if let Some(value) = entry(node, field)
            && ds
                .iter()
                .any(|d| (d.line, d.column) == (value.pos.line, value.pos.column))
        {
            missing = true;
        }
        if !has_key(node, field) || is_empty(node, field) {
            missing = true;
            ds.push(
                Diagnostic::new(
                    Code::E0105,
                    file,
                    Pos::START,
                    format!("missing required field `{field}`"),
                )
                .help(format!("add a line `{field}: ...` to the front matter")),
            );
        }
    }
    (value.map(wrap), ds, missing)
}

/// The fields a kind of file requires, read once from the `required` list of
/// its JSON Schema (the `#[schemars(required)]` marks on its type), so each
/// requirement is written in one place and `cairn schema` cannot disagree.
fn required(kind: FileKind) -> &'static [String] {
    static REQUIRED: std::sync::OnceLock<Vec<(FileKind, Vec<String>)>> = std::sync::OnceLock::new();
    let key = match kind {
        FileKind::Year(_) => FileKind::Year(1),
        k => k,
    };
    REQUIRED
        .get_or_init(|| {
            FileKind::each()
                .map(|k| {
                    let schema = match k {
                        FileKind::Program => schemars::schema_for!(program::ProgramFront),
                        FileKind::Year(_) => schemars::schema_for!(program::YearFront),
                        FileKind::Item(c) => c.schema(),
                    };
                    let fields = schema
                        .get("required")
                        .and_then(|r| r.as_array())
                        .map(|list| {
                            list.iter()
                                .filter_map(|f| f.as_str().map(String::from))
                                .collect()
                        })
                        .unwrap_or_default();
                    (k, fields)
                })
                .collect()
        })
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(&[], |(_, fields)| fields.as_slice())
}

/// The value of the top-level key `name`, if present.
fn entry<'n>(node: &'n Node, name: &str) -> Option<&'n Node> {
    match &node.value {
        Value::Map(entries) => entries.iter().find(|(k, _)| k.name == name).map(|(_, v)| v),
        _ => None,
    }
}

fn has_key(node: &Node, name: &str) -> bool {
    matches!(&node.value, Value::Map(entries) if entries.iter().any(|(k, _)| k.name == name))
}

// `title:` with nothing after it is as good as missing.
fn is_empty(node: &Node, name: &str) -> bool {
    matches!(&node.value, Value::Map(entries)
        if entries.iter().any(|(k, v)| k.name == name && v.value == Value::Null))
}

/// E0104 for `accent: #0b57a4` written without quotes: YAML reads `#` as the
/// start of a comment, so the value would silently be empty.
fn unquoted_colours(node: &Node, file: &str) -> Vec<Diagnostic> {
    let Value::Map(entries) = &node.value else {
        return Vec::new();
    };
    let Some((_, brand)) = entries.iter().find(|(k, _)| k.name == "brand") else {
        return Vec::new();
    };
    let Value::Map(fields) = &brand.value else {
        return Vec::new();
    };
    fields
        .iter()
        .filter(|(k, v)| matches!(k.name.as_str(), "accent" | "accent_dark") && v.value == Value::Null)
        .map(|(k, _)| {
            Diagnostic::new(Code::E0104, file, k.pos, format!("`{}` has no value", k.name))
                .help(format!("quote the colour, e.g. {}: \"#0b57a4\": without quotes YAML reads # as the start of a comment", k.name))
        })
        .collect()
}
