//! Each collection's pages in render: the data of an item's page and of its
//! collection's list page. One file per collection (`items/<kind>.rs`,
//! declared from the registry, `layout::collections!`), each an
//! [`ItemPages`] impl for the collection's model type; this file turns an
//! [`Item`] or a [`Collection`] into a call of the right one.

use super::{Shared, to_tera};
use crate::layout::Collection;
use crate::model::{Item, Model};
use serde::Serialize;

/// What render asks of each collection's model type.
pub(super) trait ItemPages {
    /// The data of the page of the collection's item `index`.
    fn page(model: &Model, shared: &Shared, index: usize) -> tera::Value;

    /// The data of the collection's list page, when it has one (a row of
    /// `routes::LIST_PAGES`): none but the shared parts unless it says.
    fn list(_model: &Model, _shared: &Shared) -> tera::Value {
        empty()
    }
}

/// A page's data in Tera's values, whatever type builds it.
fn context<T: Serialize>(data: T) -> tera::Value {
    to_tera(&data)
}

/// No data but the shared parts: an empty map.
fn empty() -> tera::Value {
    tera::Value::from(tera::value::Map::new())
}

/// The modules and the dispatch, from the registry's rows.
macro_rules! item_pages {
    ($($variant:ident: $dir:ident, $kind:ident, $Type:ident, $Front:ident;)*) => {
        $(mod $kind;)*

        /// The data of an item's page, by its collection.
        pub(super) fn page(model: &Model, shared: &Shared, item: Item) -> tera::Value {
            match item.collection {
                $(Collection::$variant => {
                    <crate::model::$Type as ItemPages>::page(model, shared, item.index)
                })*
            }
        }

        /// The data of a collection's list page.
        pub(super) fn list(model: &Model, shared: &Shared, collection: Collection) -> tera::Value {
            match collection {
                $(Collection::$variant => <crate::model::$Type as ItemPages>::list(model, shared),)*
            }
        }
    };
}
crate::layout::collections!(item_pages);
