//! The interface language (SPEC 9.3): every text the theme writes, from a
//! message table per language. `en`, `es` and `fr` are built in (the TOML
//! files beside this one); a site's `i18n/LANG.toml` overrides any message
//! by key (`overrides.rs`). One `Messages` is made per build and read by the
//! templates (`t.GROUP.KEY`, see `tera.rs`) and by Rust (`text`, `fill`,
//! `plural`).
//!
//! Keys are grouped by page (`[home]`, `[session]`...). Messages the
//! templates read are HTML, trusted like the templates themselves; those
//! under `[labels]`, `[ics]` and `[overlay]` are plain text, which whoever
//! writes them into a page escapes. `{name}` is a placeholder. A message
//! that depends on a number is a table of CLDR plural categories (`one`,
//! `other`, ...), chosen by ICU4X's plural rules of the language.

pub mod dates;
pub mod overrides;
mod tera;

pub use tera::register;

use icu_plurals::{PluralCategory, PluralRules};
use std::collections::HashMap;

/// The built-in tables, by language.
const BUILT_IN: [(&str, &str); 3] = [
    ("en", include_str!("en.toml")),
    ("es", include_str!("es.toml")),
    ("fr", include_str!("fr.toml")),
];

/// The languages with a built-in table, for help texts.
pub const LANGUAGES: [&str; 3] = ["en", "es", "fr"];

/// Every message of one language, overrides applied.
pub struct Messages {
    /// The built-in table used: `en`, `es` or `fr` (`en` for any other
    /// language, W0316).
    pub table: &'static str,
    /// Flat keys, e.g. `home.resources`, `home.modules.one`.
    map: HashMap<String, String>,
    plural_rules: Option<PluralRules>,
    /// CLDR's date formatters; `None` for English (and a tag CLDR does not
    /// know), whose dates are cairn's own short form.
    dates: Option<dates::Dates>,
    /// Whether a site's `i18n/` file changed any message.
    pub overridden: bool,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Messages({})", self.table)
    }
}

/// The built-in table for a language tag's primary language (`es-US` ->
/// `es`), if there is one.
pub fn table_of(language: &str) -> Option<&'static str> {
    let primary = language.split(['-', '_']).next().unwrap_or("");
    LANGUAGES
        .iter()
        .copied()
        .find(|l| l.eq_ignore_ascii_case(primary))
}

/// A built-in table's text; English for any other name.
fn source_of(table: &str) -> &'static str {
    BUILT_IN
        .iter()
        .find(|(l, _)| *l == table)
        .map_or(BUILT_IN[0].1, |(_, s)| s)
}

/// The flat keys of a built-in table (the English one names every key).
pub fn flatten(text: &str) -> HashMap<String, String> {
    let mut map = HashMap::new();
    if let Ok(table) = text.parse::<toml::Table>() {
        flatten_into(&mut map, "", &table);
    }
    map
}

fn flatten_into(map: &mut HashMap<String, String>, prefix: &str, table: &toml::Table) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::String(s) => {
                map.insert(key, s.clone());
            }
            toml::Value::Table(t) => flatten_into(map, &key, t),
            _ => {}
        }
    }
}

/// The English table's keys and texts, parsed once.
pub fn english() -> &'static HashMap<String, String> {
    static EN: std::sync::OnceLock<HashMap<String, String>> = std::sync::OnceLock::new();
    EN.get_or_init(|| flatten(BUILT_IN[0].1))
}

/// The plural rules of a built-in table's language.
fn rules_for(table: &str) -> Option<PluralRules> {
    let locale = icu_locale_core::Locale::try_from_str(table).ok()?;
    PluralRules::try_new_cardinal((&locale).into()).ok()
}

impl Messages {
    /// The built-in messages for `language` (English when it has no table),
    /// each message the table lacks taken from English.
    pub fn built_in(language: &str) -> Messages {
        let table = table_of(language).unwrap_or("en");
        let mut map = english().clone();
        if table != "en" {
            map.extend(flatten(source_of(table)));
        }
        Messages {
            table,
            map,
            plural_rules: rules_for(table),
            // Any language but English takes CLDR's dates, with or without
            // a table of cairn's own (W0316): `de` reads `Dienstag, 15.
            // September 2026` while its labels wait for an `i18n/de.toml`.
            dates: (table_of(language) != Some("en"))
                .then(|| dates::Dates::new(language, table))
                .flatten(),
            overridden: false,
        }
    }

    /// The messages with a site's overrides (already checked) put over them.
    pub fn with(mut self, overrides: HashMap<String, String>) -> Messages {
        self.overridden |= !overrides.is_empty();
        self.map.extend(overrides);
        self
    }

    /// The trainee script's texts (`[script]`) as JSON for the page, with
    /// the language for its plural rules; `None` for the built-in English,
    /// which the script carries itself (so English pages stay as they were).
    pub fn script_texts(&self) -> Option<serde_json::Value> {
        if self.table == "en" && !self.overridden {
            return None;
        }
        let texts: serde_json::Map<String, serde_json::Value> = self
            .map
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("script.")?.to_string(), v.clone().into())))
            .collect();
        Some(serde_json::json!({ "lang": self.table, "texts": texts }))
    }

    /// Every message by flat key.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.map.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The message `key`; empty when no table has it (the English table
    /// names every key Rust asks for: a test holds it to that).
    pub fn text(&self, key: &str) -> &str {
        self.map.get(key).map_or("", String::as_str)
    }

    /// The message `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        substitute(self.text(key), args)
    }

    /// The message `key` for the number `n` (`key.one`, `key.other`...),
    /// `{n}` and `args` filled in.
    pub fn plural(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let form = self.plural_form(key, n);
        let count = n.to_string();
        let mut all = vec![("n", count.as_str())];
        all.extend_from_slice(args);
        substitute(form, &all)
    }

    fn plural_form(&self, key: &str, n: u64) -> &str {
        let category = self
            .plural_rules
            .as_ref()
            .map_or(PluralCategory::Other, |r| r.category_for(n));
        self.map
            .get(&format!("{key}.{}", category_name(category)))
            .or_else(|| self.map.get(&format!("{key}.other")))
            .map_or("", String::as_str)
    }

    /// e.g. `Thu 18 Sep 2025`, `jueves, 18 de septiembre de 2025`.
    pub fn date(&self, d: jiff::civil::Date) -> String {
        match &self.dates {
            Some(dates) => dates.date(d),
            None => d.strftime("%a %-d %b %Y").to_string(),
        }
    }

    /// e.g. `Thursday 18 September`, `jueves, 18 de septiembre`.
    pub fn day_in_month(&self, d: jiff::civil::Date) -> String {
        match &self.dates {
            Some(dates) => dates.day_in_month(d),
            None => d.strftime("%A %-d %B").to_string(),
        }
    }

    /// e.g. `September 2025`, `Septiembre de 2025`.
    pub fn month(&self, year: i16, month: i8) -> String {
        match &self.dates {
            Some(dates) => dates.month(year, month),
            None => jiff::civil::Date::new(year, month, 1)
                .map(|d| d.strftime("%B %Y").to_string())
                .unwrap_or_default(),
        }
    }

    /// The weekday of `d`: long (`Thursday`, `jueves`) or short (`Thu`,
    /// `jue`).
    pub fn weekday(&self, d: jiff::civil::Date, long: bool) -> String {
        match &self.dates {
            Some(dates) => dates.weekday(d, long),
            None => d.strftime(if long { "%A" } else { "%a" }).to_string(),
        }
    }

    /// The plural category `n` falls in, by CLDR name.
    pub fn category(&self, n: u64) -> &'static str {
        category_name(
            self.plural_rules
                .as_ref()
                .map_or(PluralCategory::Other, |r| r.category_for(n)),
        )
    }
}

fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// The CLDR plural category names, which mark a table as one message.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// `text` with each `{name}` of `args` replaced by its value.
pub fn substitute(text: &str, args: &[(&str, &str)]) -> String {
    if !text.contains('{') {
        return text.to_string();
    }
    let mut out = text.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The `{name}` placeholders of a message.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            found.push(name);
        }
        rest = &after[end + 1..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_table_has_every_english_key_and_placeholder() {
        let en = english();
        for (lang, text) in BUILT_IN {
            let table = flatten(text);
            assert!(!table.is_empty(), "{lang}.toml does not parse");
            for (key, english) in en {
                // A plural category English lacks (`many`) is the table's own.
                let Some(message) = table.get(key) else {
                    let plural = key
                        .rsplit('.')
                        .next()
                        .is_some_and(|c| CATEGORIES.contains(&c));
                    assert!(plural, "{lang}.toml lacks {key}");
                    continue;
                };
                for p in placeholders(english) {
                    assert!(
                        message.contains(&format!("{{{p}}}")),
                        "{lang}.toml {key} lacks {{{p}}}"
                    );
                }
            }
            for key in table.keys() {
                let base = key.rsplit_once('.').map_or("", |(b, _)| b);
                assert!(
                    en.contains_key(key) || en.contains_key(&format!("{base}.other")),
                    "{lang}.toml has {key}, which English lacks"
                );
            }
        }
    }

    #[test]
    fn plurals_follow_the_language() {
        let en = Messages::built_in("en");
        assert_eq!(en.category(1), "one");
        assert_eq!(en.category(0), "other");
        let fr = Messages::built_in("fr-CA");
        assert_eq!(fr.table, "fr");
        assert_eq!(fr.category(0), "one");
        assert_eq!(Messages::built_in("de").table, "en");
    }
}
