//! A capstone project's page and the projects list.

use super::{ItemPages, context};
use crate::model::{Model, Project};
use crate::render::{Shared, pages};

impl ItemPages for Project {
    fn page(model: &Model, _: &Shared, index: usize) -> tera::Value {
        context(pages::project(model, index))
    }

    fn list(model: &Model, _: &Shared) -> tera::Value {
        context(pages::projects(model))
    }
}
