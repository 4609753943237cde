//! A mentoring group's page and the groups list.

use super::{ItemPages, context};
use crate::model::{Model, Group};
use crate::render::{Shared, mentoring};

impl ItemPages for Group {
    fn page(model: &Model, _: &Shared, index: usize) -> tera::Value {
        context(mentoring::group(model, index))
    }

    fn list(model: &Model, _: &Shared) -> tera::Value {
        context(mentoring::groups(model))
    }
}
