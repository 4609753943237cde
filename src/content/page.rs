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

/// The front matter `cairn new page` writes: required fields filled, the
/// others as comments.
pub fn starter(s: &super::Starter<'_>) -> String {
    format!(
        "title: {}\n# weight: 10\n# nav: true\n# draft: true\n",
        s.title
    )
}
