//! A person's page and the people list.

use super::{ItemPages, context};
use crate::model::{Model, Person};
use crate::render::{Shared, people};

impl ItemPages for Person {
    fn page(model: &Model, shared: &Shared, index: usize) -> tera::Value {
        context(people::person(model, shared, index))
    }

    fn list(model: &Model, _: &Shared) -> tera::Value {
        context(people::people(model))
    }
}
