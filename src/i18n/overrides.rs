//! A site's `i18n/LANG.toml`: its messages put over the built-in table, and
//! what is wrong with it: E0111 (not TOML), W0112 (a key no table has),
//! W0113 (a message without a placeholder the English one has).

use crate::diagnostics::{Code, Diagnostic, Pos};
use std::collections::HashMap;
use std::path::Path;
use toml::de::{DeTable, DeValue};

/// The folder of a site's message overrides.
pub const FOLDER: &str = "i18n";

/// The overrides of `root/i18n/LANG.toml` for `language` (the full tag's
/// file first, e.g. `es-US.toml`, then the primary language's, `es.toml`),
/// with what is wrong in it. A file that does not parse overrides nothing.
pub fn load(root: &Path, language: &str) -> (HashMap<String, String>, Vec<Diagnostic>) {
    let primary = language.split('-').next().unwrap_or(language);
    for name in [language, primary] {
        let file = format!("{FOLDER}/{name}.toml");
        if let Ok(text) = std::fs::read_to_string(root.join(&file)) {
            return parse(&file, &text);
        }
    }
    (HashMap::new(), Vec::new())
}

/// The messages of one override file's text, and its diagnostics.
pub fn parse(file: &str, text: &str) -> (HashMap<String, String>, Vec<Diagnostic>) {
    let mut found = Found {
        file,
        text,
        messages: HashMap::new(),
        diagnostics: Vec::new(),
    };
    match DeTable::parse(text) {
        Ok(table) => found.table("", table.get_ref()),
        Err(e) => {
            let pos = e.span().map_or(Pos::new(1, 1), |s| pos_of(text, s.start));
            found.diagnostics.push(
                Diagnostic::new(
                    Code::E0111,
                    file,
                    pos,
                    format!("this message file is not valid TOML: {}", e.message().trim()),
                )
                .help("write each message as `key = \"text\"` under its page's `[group]`, as in cairn's own `en.toml` (see docs/authoring.md, \"Interface language\")"),
            );
        }
    }
    (found.messages, found.diagnostics)
}

struct Found<'a> {
    file: &'a str,
    text: &'a str,
    messages: HashMap<String, String>,
    diagnostics: Vec<Diagnostic>,
}

impl Found<'_> {
    fn table(&mut self, prefix: &str, table: &DeTable<'_>) {
        for (k, v) in table {
            let key = if prefix.is_empty() {
                k.get_ref().to_string()
            } else {
                format!("{prefix}.{}", k.get_ref())
            };
            let pos = pos_of(self.text, k.span().start);
            match v.get_ref() {
                DeValue::Table(t) => self.table(&key, t),
                DeValue::String(s) => self.message(key, s, pos),
                _ => self.diagnostics.push(
                    Diagnostic::new(
                        Code::E0111,
                        self.file,
                        pos,
                        format!("the message `{key}` is not a text"),
                    )
                    .help("write the message in quotes: `key = \"text\"`"),
                ),
            }
        }
    }

    fn message(&mut self, key: String, text: &str, pos: Pos) {
        let en = super::english();
        // A plural form English lacks (`many`) is the language's own.
        let plural_of = key
            .rsplit_once('.')
            .filter(|(_, c)| super::CATEGORIES.contains(c))
            .map(|(base, _)| format!("{base}.other"));
        let english = en
            .get(&key)
            .or_else(|| plural_of.as_ref().and_then(|k| en.get(k)));
        let Some(english) = english else {
            let mut d = Diagnostic::new(
                Code::W0112,
                self.file,
                pos,
                format!("no message is called `{key}`; it changes nothing"),
            );
            d = match crate::diagnostics::did_you_mean(&key, en.keys().map(String::as_str)) {
                Some(hint) => d.help(hint),
                None => d.help("the keys are those of cairn's own `en.toml` (docs/authoring.md, \"Interface language\")"),
            };
            self.diagnostics.push(d);
            return;
        };
        let missing: Vec<&str> = super::placeholders(english)
            .into_iter()
            .filter(|p| !text.contains(&format!("{{{p}}}")))
            .collect();
        if !missing.is_empty() {
            let names = missing
                .iter()
                .map(|p| format!("`{{{p}}}`"))
                .collect::<Vec<_>>()
                .join(", ");
            self.diagnostics.push(
                Diagnostic::new(
                    Code::W0113,
                    self.file,
                    pos,
                    format!("the message `{key}` leaves out {names}, which the page fills in"),
                )
                .help(format!(
                    "the English message is \"{english}\"; put {names} where the value belongs"
                )),
            );
        }
        self.messages.insert(key, text.to_string());
    }
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn pos_of(text: &str, offset: usize) -> Pos {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Pos::new(
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_override_files_are_told_at_their_line_and_column() {
        let (m, ds) = parse(
            "i18n/es.toml",
            "[home]\nresources = \"Recursos útiles\"\nresorces = \"x\"\n[not_found]\nhome = \"Inicio\"\n",
        );
        assert_eq!(
            m.get("home.resources").map(String::as_str),
            Some("Recursos útiles")
        );
        let codes: Vec<_> = ds.iter().map(|d| (d.code, d.line, d.column)).collect();
        assert_eq!(codes, [(Code::W0112, 3, 1), (Code::W0113, 5, 1)]);
        assert!(
            ds[0]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("home.resources")
        );
        let (_, ds) = parse("i18n/es.toml", "[home]\nresources = \"sin cerrar\n");
        assert_eq!(ds[0].code, Code::E0111);
        assert_eq!(ds[0].line, 2);
    }
}
