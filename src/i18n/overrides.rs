//! A site's `i18n/LANG.toml`: its messages put over the built-in table.

use std::collections::HashMap;
use std::path::Path;

/// The folder of a site's message overrides.
pub const FOLDER: &str = "i18n";

/// The overrides of `root/i18n/LANG.toml` for `language` (the full tag's
/// file first, e.g. `es-US.toml`, then the primary language's, `es.toml`).
pub fn load(root: &Path, language: &str) -> HashMap<String, String> {
    let primary = language.split('-').next().unwrap_or(language);
    for name in [language, primary] {
        let path = root.join(FOLDER).join(format!("{name}.toml"));
        if let Ok(text) = std::fs::read_to_string(&path) {
            let en = super::english();
            return super::flatten(&text)
                .into_iter()
                .filter(|(k, _)| en.contains_key(k))
                .collect();
        }
    }
    HashMap::new()
}
