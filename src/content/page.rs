//! `content/pages/*.md`: free pages (About, Apply, FAQ...).

use crate::fields::Located;
use schemars::JsonSchema;
use serde::Deserialize;

/// The front matter of a free page.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    /// e.g. `Apply` (required).
    #[schemars(required)]
    pub title: Option<Located<String>>,
    /// Order in the navigation, lower first.
    pub weight: Option<i64>,
    /// Shown in the navigation; default true.
    pub nav: Option<bool>,
    /// Left out unless `--drafts`.
    pub draft: Option<bool>,
}

/// Page ids the output uses for itself (E0109).
pub const RESERVED_IDS: &[&str] = &[
    "modules",
    "sessions",
    "readings",
    "prompts",
    "people",
    "projects",
    "framework",
    "map",
    "calendar",
    "print",
    "search",
    "assets",
    "404",
];

/// True when a page may not take `id` (E0109): a reserved word or `year-N`.
pub fn is_reserved(id: &str) -> bool {
    RESERVED_IDS.contains(&id)
        || id
            .strip_prefix("year-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}
