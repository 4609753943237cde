//! Page data in Tera's values: JSON turned into them by walking it, and
//! values shared by reference count put into a page's map.

use serde_json::Value;

/// Page data: `fields` (a JSON object) in Tera's values, with `shared`,
/// values that are Tera's already (rows every big page shows, shared by
/// reference count rather than copied), added or put in place of fields.
pub fn with<const N: usize>(
    fields: Value,
    shared: [(&'static str, tera::Value); N],
) -> tera::Value {
    insert(to_tera(fields), shared)
}

/// The map `value` with `fields` added or put in place (no copy when
/// `value` is not shared).
pub fn insert<const N: usize>(
    value: tera::Value,
    fields: [(&'static str, tera::Value); N],
) -> tera::Value {
    let mut map = value.into_map().unwrap_or_default();
    for (key, value) in fields {
        map.insert(tera::value::Key::from(key), value);
    }
    tera::Value::from(map)
}

/// The Tera value that Tera's own serializer makes of `value` (the same
/// kinds of numbers, `none` for null, string keys), built by walking it
/// instead: converting page data through serde's machinery was a fifth of a
/// big site's build (issue 18's profile), and taking `value` apart as it
/// goes frees each piece as soon as it is copied.
pub fn to_tera(value: Value) -> tera::Value {
    match value {
        Value::Null => tera::Value::none(),
        Value::Bool(b) => tera::Value::from(b),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                tera::Value::from(u)
            } else if let Some(i) = n.as_i64() {
                tera::Value::from(i)
            } else {
                tera::Value::from(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => tera::Value::from(s.as_str()),
        Value::Array(items) => {
            tera::Value::from(items.into_iter().map(to_tera).collect::<Vec<_>>())
        }
        Value::Object(fields) => {
            let mut map = tera::value::Map::with_capacity(fields.len());
            for (key, value) in fields {
                map.insert(tera::value::Key::from(key), to_tera(value));
            }
            tera::Value::from(map)
        }
    }
}
