//! `content/prompts/*.md`: reflection prompts.

use super::values::Date;
use crate::fields::Located;
use schemars::JsonSchema;
use serde::Deserialize;

/// The front matter of a reflection prompt; the body is the prompt.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PromptFront {
    /// e.g. `A moment you stayed silent` (required).
    #[schemars(required)]
    pub title: Option<Located<String>>,
    /// Session id (this and/or `module`).
    pub session: Option<Located<String>>,
    /// Module id (this and/or `session`).
    pub module: Option<Located<String>>,
    /// Due date, not before the session's date.
    pub due: Option<Located<Date>>,
    /// Left out unless `--drafts`.
    pub draft: Option<bool>,
}
