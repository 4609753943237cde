//! Fenced code blocks highlighted by syntect into CSS classes (`hl-...`), no
//! inline styles, so the theme's stylesheet colours them in light, dark and
//! print. The syntax set is loaded once, and only when a page has code.

use std::sync::OnceLock;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `<pre><code>` for a fenced block in `lang` (e.g. `sql`); plain but escaped
/// when the language is unknown.
pub(crate) fn code_block(code: &str, lang: &str) -> String {
    let lang = lang.split([' ', ',', '{']).next().unwrap_or("").trim();
    let class = if lang.is_empty() {
        String::new()
    } else {
        format!(" class=\"language-{}\"", escape(lang))
    };
    let inner = (!lang.is_empty())
        .then(|| {
            let set = syntaxes();
            let syntax = set.find_syntax_by_token(lang)?;
            let mut html = ClassedHTMLGenerator::new_with_class_style(
                syntax,
                set,
                ClassStyle::SpacedPrefixed { prefix: "hl-" },
            );
            for line in LinesWithEndings::from(code) {
                html.parse_html_for_line_which_includes_newline(line).ok()?;
            }
            Some(html.finalize())
        })
        .flatten()
        .unwrap_or_else(|| escape(code));
    format!("<pre class=\"code\"><code{class}>{inner}</code></pre>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_languages_get_classes_and_unknown_ones_are_escaped() {
        let sql = code_block("SELECT 1;\n", "sql");
        assert!(
            sql.contains("hl-keyword") && sql.contains("language-sql"),
            "{sql}"
        );
        assert!(!sql.contains("style="));
        let plain = code_block("<b>\n", "nonsense-lang");
        assert!(plain.contains("&lt;b&gt;"));
    }
}
