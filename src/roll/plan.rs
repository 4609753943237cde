//! What a roll will do, as plain data: every value that changes, every file
//! renamed, every session's move and what needs a person. Worked out by
//! [`super::plan`], written by [`super::edits`] and [`super::commit`].

use crate::layout::Collection;
use jiff::civil::Date;

/// One value that changes: in `path` at `line`:`column`, `old` becomes `new`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// e.g. `content/sessions/x.md`.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters.
    pub column: u32,
    /// e.g. `2025-09-18`.
    pub old: String,
    /// e.g. `2026-09-17`.
    pub new: String,
}

/// A file renamed because its id begins with a date of the old year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    /// Its collection.
    pub collection: Collection,
    /// Old path, e.g. `content/sessions/2025-09-naming-bias.md`.
    pub from: String,
    /// New path, e.g. `content/sessions/2026-09-naming-bias.md`.
    pub to: String,
    /// Old id.
    pub old_id: String,
    /// New id.
    pub new_id: String,
}

/// Where a session was and where roll puts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionMove {
    /// Old id.
    pub old_id: String,
    /// Its id after roll.
    pub new_id: String,
    /// Old date.
    pub old_date: Date,
    /// The counterpart.
    pub new_date: Date,
}

/// Everything a roll does, before it does it.
#[derive(Debug, Clone)]
pub struct Plan {
    /// `starts` before.
    pub old_starts: Date,
    /// `starts` after.
    pub new_starts: Date,
    /// Every value that changes, in path and line order.
    pub changes: Vec<Change>,
    /// Every file renamed.
    pub renames: Vec<Rename>,
    /// What needs a person: `file:line message`.
    pub review: Vec<String>,
    /// Every session's move.
    pub sessions: Vec<SessionMove>,
}

impl Plan {
    /// The id an item has after roll (itself when not renamed).
    pub fn new_id<'a>(&'a self, collection: Collection, id: &'a str) -> &'a str {
        self.renames
            .iter()
            .find(|r| r.collection == collection && r.old_id == id)
            .map_or(id, |r| r.new_id.as_str())
    }
}
