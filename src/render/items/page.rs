//! A free page: its title and body alone (the job has them); no list page.

use super::{ItemPages, empty};
use crate::model::{Model, Page};
use crate::render::Shared;

impl ItemPages for Page {
    fn page(_: &Model, _: &Shared, _: usize) -> tera::Value {
        empty()
    }
}
