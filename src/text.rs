//! A file's text, read once and shared, and a body as a slice of it: the
//! parsed file, the model and the diagnostics' source lines all hold the same
//! bytes, so a big site is not copied body by body (on 10,000 lessons the
//! copies were about 70 MB, and their page faults a tenth of `check`).

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A file's whole text, shared by reference count.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Text(Arc<String>);

impl Text {
    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Text {
    // The `String` is moved into the `Arc`, not copied.
    fn from(s: String) -> Self {
        Self(Arc::new(s))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Self(Arc::new(s.to_string()))
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// A Markdown body: the end of a file's [`Text`] from byte `start`.
#[derive(Clone, Default)]
pub struct Body {
    text: Text,
    start: usize,
}

impl Body {
    /// The body of `text` that starts at byte `start` (a char boundary).
    ///
    /// # Panics
    /// When `start` is no char boundary of `text`.
    pub fn new(text: Text, start: usize) -> Self {
        assert!(text.is_char_boundary(start));
        Self { text, start }
    }

    /// True when both are the very same bytes of the same reading.
    pub fn same(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.text.0, &other.text.0) && self.start == other.start
    }
}

impl Deref for Body {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text[self.start..]
    }
}

impl From<&str> for Body {
    fn from(s: &str) -> Self {
        Self {
            text: s.into(),
            start: 0,
        }
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}
