//! `cairn schema [KIND]`: the JSON Schema (draft 2020-12) of a kind's front
//! matter, derived with schemars from the very types the parser reads, so
//! the schema cannot drift from what `cairn check` accepts.

use super::{FAILED, OK};
use crate::content::program;
use crate::layout::Collection;
use serde_json::Value;

/// The schema of one kind, or `None` for an unknown kind.
pub fn schema(kind: &str) -> Option<Value> {
    if kind == "report" {
        let mut v = serde_json::to_value(schemars::schema_for!(crate::report::Report)).ok()?;
        v["title"] = Value::String("cairn report".to_string());
        return Some(v);
    }
    let s = match kind {
        "program" => schemars::schema_for!(program::ProgramFront),
        "year" => schemars::schema_for!(program::YearFront),
        _ => Collection::from_singular(kind).ok()?.schema(),
    };
    let mut v = serde_json::to_value(s).ok()?;
    v["title"] = Value::String(format!("cairn {kind} front matter"));
    Some(v)
}

/// Prints one kind's schema, or all of them as `{kind: schema}`.
pub fn run(kind: Option<&str>) -> u8 {
    let value = match kind {
        Some(k) => {
            if let Some(v) = schema(k) {
                v
            } else {
                eprintln!(
                    "error: unknown kind `{k}`; the kinds are: {}, and `report` for the report's JSON",
                    crate::layout::front_matter_kinds().join(", ")
                );
                return FAILED;
            }
        }
        None => Value::Object(
            crate::layout::front_matter_kinds()
                .into_iter()
                .filter_map(|k| Some((k.to_string(), schema(k)?)))
                .collect(),
        ),
    };
    super::print_out(&format!(
        "{}\n",
        serde_json::to_string_pretty(&value).unwrap_or_default()
    ));
    OK
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_strict_schema() {
        for kind in crate::layout::front_matter_kinds() {
            let s = schema(kind).expect(kind);
            assert_eq!(
                s["$schema"], "https://json-schema.org/draft/2020-12/schema",
                "{kind}"
            );
            assert_eq!(s["additionalProperties"], false, "{kind}");
        }
        assert!(
            schema("session").unwrap()["required"]
                .as_array()
                .unwrap()
                .contains(&"date".into())
        );
    }
}
