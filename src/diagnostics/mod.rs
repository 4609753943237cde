//! Diagnostics as data: every problem cairn finds in a site is a [`Diagnostic`]
//! with a code, a place and an optional help line. Stages collect them into a
//! [`Diagnostics`] list; nothing here decides exit codes or prints (see
//! [`render`] for the human, JSON and GitHub formats).

pub mod codes;
pub mod render;

pub use codes::Code;
use serde::Serialize;

/// How serious a diagnostic is. Errors stop a build; warnings do not (unless
/// `--deny-warnings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The site cannot be built as it is.
    Error,
    /// Something is probably wrong, but the site can be built.
    Warning,
}

/// A place in a source file: 1-based line and column, the column counted in
/// Unicode characters (a BOM is not counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Pos {
    /// 1-based line, e.g. `4`.
    pub line: u32,
    /// 1-based column in characters, e.g. `9`.
    pub column: u32,
    /// Length of the offending text in characters (for the caret), e.g. `15`.
    #[serde(skip)]
    pub len: u32,
}

impl Pos {
    /// The start of a file: where whole-file diagnostics point.
    pub const START: Pos = Pos {
        line: 1,
        column: 1,
        len: 0,
    };

    /// A place with no known length.
    pub fn new(line: u32, column: u32) -> Pos {
        Pos {
            line,
            column,
            len: 0,
        }
    }
}

/// One problem found in the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning, fixed by the code.
    pub severity: Severity,
    /// The code, e.g. `E0201`.
    pub code: Code,
    /// One line saying what is wrong, e.g. ``unknown module `implicit-bais` ``.
    pub message: String,
    /// File relative to the site root with `/` separators, e.g. `content/sessions/x.md`.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters.
    pub column: u32,
    /// A hint: did you mean, the cycle, the clashing dates. `None` when none helps.
    pub help: Option<String>,
    /// Characters to underline; not part of the JSON contract.
    #[serde(skip)]
    pub len: u32,
}

impl Diagnostic {
    /// A diagnostic for `code` at `file`/`pos`; the severity follows from the code.
    pub fn new(code: Code, file: &str, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: code.severity(),
            code,
            message: message.into(),
            file: file.to_string(),
            line: pos.line.max(1),
            column: pos.column.max(1),
            help: None,
            len: pos.len,
        }
    }

    /// Adds a help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a help line when there is one.
    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    fn sort_key(&self) -> (&str, u32, u32, &'static str, &str) {
        (
            &self.file,
            self.line,
            self.column,
            self.code.as_str(),
            &self.message,
        )
    }
}

/// All diagnostics of one run, in the order the spec fixes once sorted.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    notes: Vec<String>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Records a note for people: not a diagnostic (no code, no place), shown
    /// once after the human report, e.g. that some rules were skipped.
    pub fn note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }

    /// The notes, in the order they were recorded.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Records all of `other`.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    /// Sorts by file, line, column, code, then message (SPEC 5), and drops exact repeats.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.items.dedup();
    }

    /// The diagnostics, sorted if [`Diagnostics::sort`] was called.
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The closest of `candidates` to `wanted`, for a did-you-mean help, when
/// it is a likely typo: one edit (a letter added, dropped, changed, or two
/// swapped) in a short word, two from 7 letters, three from 13. Farther
/// candidates are no help (`mentee` is not a typo of `mentor`): callers then
/// list what is allowed.
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let allowed = match wanted.chars().count() {
        0..=6 => 1,
        7..=12 => 2,
        _ => 3,
    };
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let distance = strsim::osa_distance(wanted, c);
        if distance <= allowed && best.is_none_or(|(d, b)| distance < d || (distance == d && c < b))
        {
            best = Some((distance, c));
        }
    }
    best.map(|(_, c)| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_id() {
        let ids = ["listening-first", "implicit-bias", "allyship"];
        assert_eq!(
            did_you_mean("listening-frist", ids).as_deref(),
            Some("did you mean `listening-first`?")
        );
        assert_eq!(did_you_mean("mentee", ["speaker", "mentor", "staff"]), None);
        assert_eq!(
            did_you_mean("wieght", ["weight", "title"]).as_deref(),
            Some("did you mean `weight`?")
        );
        assert_eq!(did_you_mean("zzz", ids), None);
    }

    #[test]
    fn sorts_by_file_then_place() {
        let mut ds = Diagnostics::new();
        ds.push(Diagnostic::new(Code::E0201, "b.md", Pos::new(1, 1), "x"));
        ds.push(Diagnostic::new(Code::E0104, "a.md", Pos::new(3, 1), "x"));
        ds.push(Diagnostic::new(Code::E0103, "a.md", Pos::new(2, 5), "x"));
        ds.sort();
        let order: Vec<_> = ds.items().iter().map(|d| d.code).collect();
        assert_eq!(order, [Code::E0103, Code::E0104, Code::E0201]);
    }
}
