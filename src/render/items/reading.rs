//! A reading's page and the readings list.

use super::{ItemPages, context};
use crate::model::{Model, Reading};
use crate::render::{Shared, readings};

impl ItemPages for Reading {
    fn page(model: &Model, _: &Shared, index: usize) -> tera::Value {
        context(readings::reading(model, index))
    }

    fn list(model: &Model, _: &Shared) -> tera::Value {
        context(readings::readings(model))
    }
}
