//! Fenced code blocks highlighted by syntect into CSS classes (`hl-...`), no
//! inline styles, so the theme's stylesheet colours them in light, dark and
//! print. The syntax set is loaded once, and only when a page has code.
//!
//! Highlighting is the costliest step of a page (syntect's regex engine), and
//! curricula repeat their code blocks (a snippet shown in several sessions),
//! so each distinct (language, code) block is highlighted once per process
//! and its HTML reused; [`highlight`] is the uncached work, for benchmarks.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Blocks kept before the cache starts over: bounds the memory of a long
/// `serve` session whose author keeps editing code, far above any site's
/// count of distinct blocks.
const CACHE_LIMIT: usize = 10_000;

/// Highlighted blocks by (language token, code).
type Cache = Mutex<HashMap<(String, String), String>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Cache::default)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `<pre><code>` for a fenced block in `lang` (e.g. `sql`); plain but escaped
/// when the language is unknown. Each distinct block is highlighted once.
pub fn code_block(code: &str, lang: &str) -> String {
    let lang = token(lang);
    let key = (lang.to_string(), code.to_string());
    // A poisoned lock only means another thread panicked mid-insert; the map
    // itself is still whole.
    if let Some(html) = cache()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(&key)
    {
        return html.clone();
    }
    // Highlighted outside the lock, so threads with different blocks do not
    // wait for each other; two threads with the same new block both do the
    // work once, and agree.
    let html = highlight(code, lang);
    let mut map = cache()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if map.len() >= CACHE_LIMIT {
        map.clear();
    }
    map.insert(key, html.clone());
    html
}

/// The language token of a fence's info string: `rust,ignore` -> `rust`.
fn token(info: &str) -> &str {
    info.split([' ', ',', '{']).next().unwrap_or("").trim()
}

/// [`code_block`] without the cache: highlights `code` every time.
pub fn highlight(code: &str, lang: &str) -> String {
    let lang = token(lang);
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

    #[test]
    fn the_cache_gives_what_highlighting_gives() {
        let code = "fn main() {}\n";
        assert_eq!(code_block(code, "rust"), highlight(code, "rust"));
        assert_eq!(code_block(code, "rust,ignore"), highlight(code, "rust"));
        assert_eq!(code_block(code, "rust"), highlight(code, "rust"));
    }
}
