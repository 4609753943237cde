//! A session's page and the sessions list.

use super::{ItemPages, context};
use crate::model::{Model, Session};
use crate::render::{Shared, pages};

impl ItemPages for Session {
    fn page(model: &Model, shared: &Shared, index: usize) -> tera::Value {
        context(pages::session(model, shared, index))
    }

    fn list(model: &Model, shared: &Shared) -> tera::Value {
        context(pages::sessions(model, shared))
    }
}
