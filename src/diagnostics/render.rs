//! Writes diagnostics for people (rustc-like, via annotate-snippets), for tools
//! (one JSON object) and for GitHub Actions (workflow commands). Pure: each
//! function returns a string; the caller prints it.

use super::{Diagnostic, Diagnostics, Severity};
use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// The output formats of `cairn check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// rustc-like text with the source line and a caret.
    #[default]
    Human,
    /// One JSON object on stdout.
    Json,
    /// GitHub Actions workflow commands.
    Github,
}

/// Renders `ds` as text like rustc's. `source(file)` returns a file's text
/// (without BOM) when it is known, so the offending line can be shown.
pub fn human<'a>(
    ds: &Diagnostics,
    source: impl Fn(&str) -> Option<&'a str>,
    color: bool,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in ds.items() {
        out.push_str(&renderer.render(&[group(d, source(&d.file))]));
        out.push_str("\n\n");
    }
    for note in ds.notes() {
        out.push_str(&format!("note: {note}\n"));
    }
    out.push_str(&summary(ds));
    out.push('\n');
    out
}

fn group<'a>(d: &'a Diagnostic, text: Option<&'a str>) -> annotate_snippets::Group<'a> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let line = text
        .and_then(|t| t.lines().nth(d.line as usize - 1))
        .unwrap_or("");
    let start = byte_of_column(line, d.column);
    let end = byte_of_column(line, d.column + d.len.max(1)).max(start);
    let snippet = Snippet::source(line)
        .line_start(d.line as usize)
        .path(d.file.as_str())
        .annotation(AnnotationKind::Primary.span(start..end));
    let mut g = level
        .primary_title(d.message.as_str())
        .id(d.code.as_str())
        .element(snippet);
    if let Some(help) = &d.help {
        g = g.element(Level::HELP.message(help.as_str()));
    }
    g
}

fn byte_of_column(line: &str, column: u32) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i)
}

/// The closing count line: `2 errors, 1 warning` or `no problems found`.
pub fn summary(ds: &Diagnostics) -> String {
    let (e, w) = (ds.errors(), ds.warnings());
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (e, w) {
        (0, 0) => "no problems found".to_string(),
        _ => format!("{}, {} emitted", plural(e, "error"), plural(w, "warning")),
    }
}

/// The JSON object of SPEC 6: diagnostics, errors and warnings, and
/// `notes` (the human report's `note:` lines, e.g. the rules that were
/// skipped; an empty list when there are none).
pub fn json(ds: &Diagnostics) -> String {
    let value = serde_json::json!({
        "diagnostics": ds.items(),
        "errors": ds.errors(),
        "warnings": ds.warnings(),
        "notes": ds.notes(),
    });
    value.to_string()
}

/// GitHub Actions commands; `prefix` turns a root-relative path into one
/// relative to the working directory (e.g. `site/`), so annotations attach.
pub fn github(ds: &Diagnostics, prefix: &str) -> String {
    let mut out = String::new();
    for d in ds.items() {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push('\n');
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{kind} file={},line={},col={},title={}::{}\n",
            escape_property(&format!("{prefix}{}", d.file)),
            d.line,
            d.column,
            d.code,
            escape_data(&message)
        ));
    }
    out
}

// GitHub's own escaping rules for workflow command data and properties.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Code, Pos};

    fn one() -> Diagnostics {
        let mut ds = Diagnostics::new();
        ds.push(
            Diagnostic::new(
                Code::E0201,
                "content/sessions/x.md",
                Pos {
                    line: 2,
                    column: 9,
                    len: 15,
                },
                "unknown module `listening-frist`",
            )
            .help("did you mean `listening-first`?"),
        );
        ds
    }

    #[test]
    fn human_output_points_at_the_value() {
        let text = "---\nmodule: listening-frist\n---\n";
        let out = human(&one(), |_| Some(text), false);
        assert!(
            out.contains("error[E0201]: unknown module `listening-frist`"),
            "{out}"
        );
        assert!(out.contains("--> content/sessions/x.md:2:9"), "{out}");
        assert!(out.contains("^^^^^^^^^^^^^^^"), "{out}");
        assert!(
            out.contains("help: did you mean `listening-first`?"),
            "{out}"
        );
        assert!(out.ends_with("1 error, 0 warnings emitted\n"), "{out}");
    }

    #[test]
    fn github_escapes_commas_in_paths() {
        let out = github(&one(), "site,a/");
        assert!(
            out.starts_with(
                "::error file=site%2Ca/content/sessions/x.md,line=2,col=9,title=E0201::"
            )
        );
    }
}
