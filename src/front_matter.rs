//! Splits a content file into its YAML front matter and Markdown body, and
//! parses the YAML into a located tree ([`Node`]) with serde-saphyr. This is
//! the only module that knows serde-saphyr: everything after it sees nodes
//! with file positions (line and column in the whole file, not in the block).

use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Pos};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// Front matter larger than this is refused (E0110).
pub const MAX_FRONT_MATTER_BYTES: usize = 256 * 1024;
/// YAML nesting deeper than this is refused (E0110).
pub const MAX_DEPTH: usize = 64;
/// Aliases may not expand to more nodes than this (E0110).
pub const MAX_ALIAS_NODES: usize = 10_000;

/// A YAML value with the place it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where it starts in the file, e.g. line 4, column 9.
    pub pos: Pos,
}

/// The shapes a YAML value can take.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A whole number, e.g. `2`.
    Int(i64),
    /// A number with a fraction, e.g. `2.5`.
    Float(f64),
    /// Any other scalar, e.g. `2025-09-18` or `Listening First`.
    Str(String),
    /// A list.
    Seq(Vec<Node>),
    /// A mapping in the order written.
    Map(Vec<(Key, Node)>),
}

/// A mapping key with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// The key's text, e.g. `title`.
    pub name: String,
    /// Where the key starts.
    pub pos: Pos,
}

/// A content file cut in two.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// File line of the body's first line, e.g. `6`.
    pub body_line: u32,
}

/// Cuts `text` (BOM removed, `\n` line ends) at its `---` lines, or says why not (E0101).
pub fn split(text: &str) -> Result<Split<'_>, &'static str> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err("the file does not start with front matter (a line `---`)");
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut offset = yaml_start;
    let mut line = 2u32;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        if text[offset..end].trim_end() == "---" {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset = end + 1;
        line += 1;
    }
    Err("the front matter is not closed by a line `---`")
}

/// Parses front matter YAML into a located tree. Positions are shifted by one
/// line, the opening `---`. Errors are E0102 (syntax) or E0110 (a limit).
pub fn parse(yaml: &str, file: &str) -> Result<Node, Diagnostic> {
    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Err(Diagnostic::new(
            Code::E0110,
            file,
            Pos::START,
            format!(
                "front matter is {} bytes, over the limit of 256 KiB",
                yaml.len()
            ),
        ));
    }
    let mut options = serde_saphyr::Options::default();
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_nodes = 100_000;
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = MAX_ALIAS_NODES;
    options.alias_limits.max_replay_stack_depth = MAX_DEPTH;
    options.leading_zero_numbers_as_strings = true;
    // YAML 1.2: `off`, `yes`, `no` are words (`sequence: off`), only true/false are booleans.
    options.strict_booleans = true;
    options.with_snippet = false;
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(yaml, options) {
        Ok(raw) => Ok(convert(raw)),
        Err(e) => Err(yaml_error(&e, file, yaml)),
    }
}

/// The tree as plain JSON (for JSON Schema checks and tools).
pub fn to_json(node: &Node) -> serde_json::Value {
    use serde_json::Value as J;
    match &node.value {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => J::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::Str(s) => J::String(s.clone()),
        Value::Seq(items) => J::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => J::Object(
            entries
                .iter()
                .map(|(k, v)| (k.name.clone(), to_json(v)))
                .collect(),
        ),
    }
}

fn yaml_error(e: &serde_saphyr::Error, file: &str, yaml: &str) -> Diagnostic {
    let pos = e
        .location()
        .filter(|l| l.line() > 0)
        .map_or(Pos::START, |l| {
            Pos::new(l.line() as u32 + 1, l.column().max(1) as u32)
        });
    let text = e.to_string();
    // saphyr prefixes "error: line L column C: "; the place is ours to print.
    let message = text
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches("error: ")
        .split_once(": ")
        .filter(|(head, _)| head.starts_with("line "))
        .map_or(text.as_str(), |(_, rest)| rest);
    // The parser's own "at line L, column C" counts from the front matter,
    // not the file; the diagnostic's place is the file's, so drop it.
    let message = without_parser_place(message).to_string();
    let over_limit = matches!(e, serde_saphyr::Error::Budget { .. })
        || ["recursion limit", "budget", "alias", "nesting", "depth"]
            .iter()
            .any(|w| message.contains(w));
    if over_limit {
        Diagnostic::new(
            Code::E0110,
            file,
            Pos::START,
            format!("front matter is over a limit: {message}"),
        )
        .help("YAML may nest at most 64 levels and aliases may expand to at most 10,000 nodes")
    } else {
        Diagnostic::new(
            Code::E0102,
            file,
            pos,
            format!("YAML syntax error: {message}"),
        )
        .help(syntax_help(&message, yaml, pos))
    }
}

/// `message` without a trailing ` at line L, column C`.
fn without_parser_place(message: &str) -> &str {
    let Some(at) = message.rfind(" at line ") else {
        return message;
    };
    let tail = &message[at + " at line ".len()..];
    let is_place = tail.split_once(", column ").is_some_and(|(l, c)| {
        !l.is_empty()
            && !c.is_empty()
            && l.bytes().all(|b| b.is_ascii_digit())
            && c.bytes().all(|b| b.is_ascii_digit())
    });
    if is_place { &message[..at] } else { message }
}

/// What caused a YAML syntax error, and the fix, from the parser's
/// `message` and the front matter `yaml` around `pos` (the error's place in
/// the file: the front matter starts on the file's line 2): a tab, a line
/// indented unlike the one above it, an unquoted `: ` in a value, an
/// unclosed quote or bracket; else the usual causes.
fn syntax_help(message: &str, yaml: &str, pos: Pos) -> String {
    let lines: Vec<&str> = yaml.lines().collect();
    // The error's line, 0-based in `yaml`; the file's line is `index + 2`.
    let index = (pos.line as usize)
        .saturating_sub(2)
        .min(lines.len().saturating_sub(1));
    let file_line = |i: usize| i + 2;
    let line = lines.get(index).copied().unwrap_or("");
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    if message.contains("tab") || line[..indent(line)].contains('\t') {
        // The parser may stop at the end of the line before the tab.
        let tab = (index..lines.len())
            .find(|&i| lines[i].contains('\t'))
            .unwrap_or(index);
        return format!(
            "line {} has a tab: YAML indents with spaces only, so replace the tab with spaces",
            file_line(tab)
        );
    }
    if let Some((at, what)) = unclosed(&lines[..=index.min(lines.len().saturating_sub(1))]) {
        return format!(
            "the {what} opened on line {} is not closed: close it on that line (a quoted value may not span lines unless it is closed)",
            file_line(at)
        );
    }
    if message.contains("unclosed") || message.contains("flow") {
        return "a bracket, brace or quote is not closed: check that every `[`, `{` and `\"` on this line or above has its pair".to_string();
    }
    if message.contains("alias") || message.contains("anchor") {
        return "`*` and `&` start YAML aliases and anchors: quote a value that begins with them"
            .to_string();
    }
    let above = (0..index)
        .rev()
        .find(|&i| !lines[i].trim().is_empty() && !lines[i].trim_start().starts_with('#'));
    // The column (0-based, in bytes of this ASCII-led line) of the first
    // `key:` on the line: an error past it is in the value.
    let first_colon = line
        .find(": ")
        .or_else(|| line.strip_suffix(':').map(str::len));
    let column = (pos.column as usize).saturating_sub(1);
    let in_value = first_colon.is_some_and(|c| {
        line.char_indices()
            .nth(column)
            .is_some_and(|(byte, _)| byte > c)
    });
    if message.contains("mapping values are not allowed") && in_value {
        let (key, value) = line.split_once(": ").unwrap_or(("title", line));
        let key = key.trim_start().trim_start_matches("- ");
        return format!(
            "a value that contains `: ` must be quoted: `{key}: \"{}\"`",
            value.trim().replace('"', "\\\"")
        );
    }
    if let Some(a) = above
        && indent(lines[a]) != indent(line)
    {
        return format!(
            "line {} is indented by {} spaces, the line above it (line {}, `{}`) by {}: fields of one level start in one column, and a list's items too",
            file_line(index),
            indent(line),
            file_line(a),
            lines[a].trim(),
            indent(lines[a])
        );
    }
    "quote values that contain `: `, ` #` or start with one of `[ ] { } & * ! | > ' \" % @`; indent with spaces".to_string()
}

/// The last of `lines` whose value opens a quote or a bracket that neither
/// it nor a later line closes, and what it opened (`quote`, `bracket`,
/// `brace`). Comment lines are passed over; a value closed on a later line
/// (valid YAML) is not unclosed.
fn unclosed(lines: &[&str]) -> Option<(usize, &'static str)> {
    lines.iter().enumerate().rev().find_map(|(i, line)| {
        if line.trim_start().starts_with('#') {
            return None;
        }
        let later = &lines[i + 1..];
        let value = line
            .trim_start()
            .trim_start_matches("- ")
            .split_once(": ")
            .map_or_else(
                || line.trim_start().strip_prefix("- ").unwrap_or(""),
                |(_, v)| v,
            )
            .trim();
        let open_quote = |q: char| {
            value.starts_with(q) && !value[1..].contains(q) && !later.iter().any(|l| l.contains(q))
        };
        if open_quote('"') || open_quote('\'') {
            return Some((i, "quote"));
        }
        let count = |c: char| {
            value.chars().filter(|&x| x == c).count()
                + later
                    .iter()
                    .map(|l| l.chars().filter(|&x| x == c).count())
                    .sum::<usize>()
        };
        let depth = |open: char, close: char| count(open) > count(close);
        if value.starts_with('[') && depth('[', ']') {
            return Some((i, "bracket"));
        }
        (value.starts_with('{') && depth('{', '}')).then_some((i, "brace"))
    })
}

/// serde-saphyr's view of a node, before positions are shifted into the file.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<String>, Spanned<Raw>)>),
}

fn pos_of(loc: &serde_saphyr::Location) -> Pos {
    Pos {
        line: loc.line() as u32 + 1,
        column: loc.column().max(1) as u32,
        len: loc.span().len() as u32,
    }
}

fn convert(raw: Spanned<Raw>) -> Node {
    let pos = pos_of(&raw.referenced);
    let value = match raw.value {
        Raw::Null => Value::Null,
        Raw::Bool(b) => Value::Bool(b),
        Raw::Int(i) => Value::Int(i),
        Raw::Float(f) => Value::Float(f),
        Raw::Str(s) => Value::Str(s),
        Raw::Seq(items) => Value::Seq(items.into_iter().map(convert).collect()),
        Raw::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key = Key {
                        pos: pos_of(&k.referenced),
                        name: k.value,
                    };
                    (key, convert(v))
                })
                .collect(),
        ),
    };
    Node { value, pos }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Raw, E> {
        Ok(Raw::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Raw>>()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            let value = map.next_value::<Spanned<Raw>>()?;
            entries.push((key, value));
        }
        Ok(Raw::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let s = split("---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn refuses_missing_or_unclosed_front_matter() {
        assert!(split("title: A\n").is_err());
        assert!(split("---\ntitle: A\n").is_err());
        assert!(split("---").is_err());
        assert!(split("").is_err());
    }

    #[test]
    fn empty_front_matter_is_null() {
        let s = split("---\n---\n").unwrap();
        assert_eq!(parse(s.yaml, "x.md").unwrap().value, Value::Null);
    }

    #[test]
    fn positions_are_in_file_coordinates_and_count_characters() {
        let node = parse("title: [é, x]\n", "x.md").unwrap();
        let Value::Map(entries) = node.value else {
            panic!()
        };
        let (key, value) = &entries[0];
        assert_eq!((key.pos.line, key.pos.column), (2, 1));
        let Value::Seq(items) = &value.value else {
            panic!()
        };
        assert_eq!((items[1].pos.line, items[1].pos.column), (2, 12));
    }

    #[test]
    fn syntax_errors_are_e0102_with_a_place() {
        let d = parse("a: [1, 2\n", "x.md").unwrap_err();
        assert_eq!(d.code, Code::E0102);
        assert_eq!(d.line, 2);
        assert!(d.help.is_some());
    }

    #[test]
    fn syntax_messages_do_not_name_another_place() {
        let d = parse("title: About: the program\n", "x.md").unwrap_err();
        assert_eq!((d.line, d.column), (2, 13));
        assert!(!d.message.contains("line"), "{}", d.message);
        assert!(d.help.unwrap().contains("quoted"));
        assert_eq!(without_parser_place("bad at line 2, column 14"), "bad");
        assert_eq!(without_parser_place("bad at line two"), "bad at line two");
    }

    #[test]
    fn deep_nesting_and_alias_bombs_are_e0110() {
        let deep = "a: ".to_string() + &"[".repeat(10_000) + &"]".repeat(10_000);
        assert_eq!(parse(&deep, "x.md").unwrap_err().code, Code::E0110);
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (prev, name) in ["a", "b", "c", "d", "e", "f"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g"])
        {
            bomb.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{prev}"); 10].join(", ")
            ));
        }
        assert_eq!(parse(&bomb, "x.md").unwrap_err().code, Code::E0110);
    }

    #[test]
    fn leading_zeros_stay_text() {
        let node = parse("isbn: 0306406152\n", "x.md").unwrap();
        let Value::Map(entries) = node.value else {
            panic!()
        };
        assert_eq!(entries[0].1.value, Value::Str("0306406152".into()));
    }
}

#[cfg(test)]
mod syntax_help_tests {
    use super::parse;

    fn help(yaml: &str) -> String {
        parse(yaml, "x.md").unwrap_err().help.unwrap_or_default()
    }

    #[test]
    fn e0102_help_follows_the_cause() {
        // Issue 25: an indentation error was told to quote a value.
        assert!(help("title: a\n\tyear: 1\n").contains("line 3 has a tab"));
        assert!(help("title: a\nyear:\n\t- 1\n").contains("line 4 has a tab"));
        let h = help("title: About: the program\n");
        assert!(h.contains("`title: \"About: the program\"`"), "{h}");
        let h = help("title: a\n  year: 1\n");
        assert!(
            h.contains(
                "line 3 is indented by 2 spaces, the line above it (line 2, `title: a`) by 0"
            ),
            "{h}"
        );
        let h = help("title: a\nobjectives:\n  - a\n - b\n");
        assert!(
            h.contains("line 5 is indented by 1 spaces") && h.contains("line 4"),
            "{h}"
        );
        let h = help("title: a\nyear: 1\n   x: 2\n");
        assert!(h.contains("line 4 is indented"), "{h}");
        // A quoted value closed on its next line is valid YAML, and a comment
        // is no value: the later indentation is the cause.
        let h = help("summary: \"a long\n  text\"\n# it's [here\ntitle: a\n  year: 1\n");
        assert!(
            h.contains("is indented") && !h.contains("not closed"),
            "{h}"
        );
        for (yaml, what) in [
            ("title: \"unclosed\nyear: 1\n", "quote opened on line 2"),
            ("title: 'unclosed\nyear: 1\n", "quote opened on line 2"),
            (
                "title: a\ntags: [a, b\nyear: 1\n",
                "bracket opened on line 3",
            ),
            ("tags: {a: 1\nyear: 1\n", "brace opened on line 2"),
        ] {
            let h = help(yaml);
            assert!(h.contains(what), "{yaml:?}: {h}");
        }
    }
}
