//! Page data in Tera's values: each page's typed data (a `Serialize`
//! struct) turned into them by Tera's own serializer, which takes the Tera
//! values inside (rows every big page shows) by reference count instead of
//! copying them.

use serde::Serialize;

/// `data` in Tera's values. A struct of plain fields cannot fail to
/// serialize; if one ever did, the page gets the error's text instead of a
/// map, and its render reports it ("page data must be a map").
pub fn to_tera<T: Serialize + ?Sized>(data: &T) -> tera::Value {
    tera::Value::try_from_serializable(data)
        .unwrap_or_else(|e| tera::Value::from(format!("page data: {e}").as_str()))
}
