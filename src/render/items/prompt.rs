//! A reflection prompt's page and the prompts list.

use super::{ItemPages, context};
use crate::model::{Model, Prompt};
use crate::render::{Shared, readings};

impl ItemPages for Prompt {
    fn page(model: &Model, _: &Shared, index: usize) -> tera::Value {
        context(readings::prompt(model, index))
    }

    fn list(model: &Model, _: &Shared) -> tera::Value {
        context(readings::prompts(model))
    }
}
