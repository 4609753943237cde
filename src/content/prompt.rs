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

/// The front matter `cairn new prompt` writes: required fields filled, the
/// others as comments.
pub fn starter(s: &super::Starter<'_>) -> String {
    let anchor = match (s.first_session, s.first_module) {
        (Some(session), _) => format!("session: {session}\n"),
        (None, Some(module)) => format!("module: {module}\n"),
        _ => "# session: SESSION-ID   (a prompt needs a session or a module)\n".to_string(),
    };
    format!(
        "title: {}\n{anchor}# due: YYYY-MM-DD\n# draft: true\n",
        s.title
    )
}
