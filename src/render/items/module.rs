//! A module's page and the modules list.

use super::{ItemPages, context};
use crate::model::{Model, Module};
use crate::render::{Shared, pages};

impl ItemPages for Module {
    fn page(model: &Model, shared: &Shared, index: usize) -> tera::Value {
        context(pages::module(model, shared, index))
    }

    fn list(model: &Model, _: &Shared) -> tera::Value {
        context(pages::modules(model))
    }
}
