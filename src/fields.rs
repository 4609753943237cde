//! Checks a located YAML tree against a collection's typed front matter, field
//! by field, so one file reports every bad field rather than the first. The
//! front matter types are plain serde structs (`deny_unknown_fields`), the same
//! types the JSON Schema is derived from; this module feeds them one field at a
//! time through a serde `Deserializer` over [`Node`] whose errors carry the
//! node's position.

use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Pos, did_you_mean};
use crate::front_matter::{Key, Node, Value};
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess,
    Visitor,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A value with the place it was written, e.g. a module id in a session's
/// `module` field at line 4, column 9.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Located<T> {
    /// The value, e.g. `"listening-first"`.
    pub value: T,
    /// Where it was written.
    pub pos: Pos,
}

impl<T> std::ops::Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Located<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

const LOCATED: &str = "$cairn::Located";
const LOCATED_FIELDS: &[&str] = &["line", "column", "len", "value"];

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Located<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a located value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Located<T>, A::Error> {
                let mut pos = Pos::default();
                let _: Option<de::IgnoredAny> = map.next_key()?;
                pos.line = map.next_value()?;
                let _: Option<de::IgnoredAny> = map.next_key()?;
                pos.column = map.next_value()?;
                let _: Option<de::IgnoredAny> = map.next_key()?;
                pos.len = map.next_value()?;
                let _: Option<de::IgnoredAny> = map.next_key()?;
                let value = map.next_value()?;
                Ok(Located { value, pos })
            }
        }
        d.deserialize_struct(LOCATED, LOCATED_FIELDS, V(std::marker::PhantomData))
    }
}

/// Why one field could not be read: becomes a diagnostic at `pos`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldError {
    code: Code,
    message: String,
    help: Option<String>,
    pos: Option<Pos>,
}

impl FieldError {
    fn at(mut self, pos: Pos) -> Self {
        self.pos.get_or_insert(pos);
        self
    }

    /// The diagnostic for this error in `file`; `fallback` when no place is known.
    pub(crate) fn diagnostic(self, file: &str, fallback: Pos) -> Diagnostic {
        Diagnostic::new(self.code, file, self.pos.unwrap_or(fallback), self.message)
            .maybe_help(self.help)
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FieldError {}

impl de::Error for FieldError {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        FieldError {
            code: Code::E0104,
            message: msg.to_string(),
            help: None,
            pos: None,
        }
    }
    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::custom(format_args!("expected {exp}, found {}", describe(unexp)))
    }
    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::custom(format_args!("expected {exp}, found {}", describe(unexp)))
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        FieldError {
            code: Code::E0103,
            message: format!("unknown field `{field}`"),
            help: did_you_mean(field, expected.iter().copied())
                .or_else(|| Some(format!("the fields here are: {}", expected.join(", ")))),
            pos: None,
        }
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        FieldError {
            code: Code::E0104,
            message: format!("unknown value `{variant}`"),
            help: Some(
                did_you_mean(variant, expected.iter().copied())
                    .unwrap_or_else(|| format!("expected one of: {}", expected.join(", "))),
            ),
            pos: None,
        }
    }
    fn missing_field(field: &'static str) -> Self {
        FieldError {
            code: Code::E0105,
            message: format!("missing required field `{field}`"),
            help: None,
            pos: None,
        }
    }
}

fn describe(unexp: de::Unexpected<'_>) -> String {
    match unexp {
        de::Unexpected::Str(s) => format!("`{s}`"),
        de::Unexpected::Signed(i) => format!("the number {i}"),
        de::Unexpected::Unsigned(i) => format!("the number {i}"),
        de::Unexpected::Float(f) => format!("the number {f}"),
        de::Unexpected::Unit => "nothing".to_string(),
        other => other.to_string(),
    }
}

/// Reads a mapping `node` as `T` one field at a time. Returns the value built
/// from every field that was fine, and one diagnostic per bad field.
pub(crate) fn read<T: DeserializeOwned>(node: &Node, file: &str) -> (Option<T>, Vec<Diagnostic>) {
    let entries: &[(Key, Node)] = match &node.value {
        Value::Map(entries) => entries,
        Value::Null => &[],
        _ => {
            let d = Diagnostic::new(
                Code::E0104,
                file,
                node.pos,
                "front matter must be a mapping of `field: value` lines",
            );
            return (None, vec![d]);
        }
    };
    // Most files are fine: read them whole, once. A struct's fields are read
    // independently, so when the whole reads, every field alone would too;
    // only a file that fails is read field by field, for every bad field.
    if let Ok(value) = T::deserialize(EntriesDe {
        entries: entries.iter().collect(),
        pos: Pos::START,
    }) {
        return (Some(value), Vec::new());
    }
    let mut problems = Vec::new();
    let mut good: Vec<&(Key, Node)> = Vec::with_capacity(entries.len());
    for entry in entries {
        match T::deserialize(EntriesDe {
            entries: std::slice::from_ref(entry).iter().collect(),
            pos: node.pos,
        }) {
            Ok(_) => good.push(entry),
            Err(e) => match list_item_errors::<T>(entry, node.pos, file) {
                Some(each) => problems.extend(each),
                None => problems.push(e.diagnostic(file, entry.0.pos)),
            },
        }
    }
    match T::deserialize(EntriesDe {
        entries: good,
        pos: Pos::START,
    }) {
        Ok(value) => (Some(value), problems),
        Err(e) => {
            problems.push(e.diagnostic(file, Pos::START));
            (None, problems)
        }
    }
}

/// For a bad list field, the error of each bad item (serde stops at the
/// first): each item is tried alone in a copy of the field. `None` when the
/// field is no list or its items are fine alone (the list itself is wrong).
fn list_item_errors<T: DeserializeOwned>(
    entry: &(Key, Node),
    pos: Pos,
    file: &str,
) -> Option<Vec<Diagnostic>> {
    let Value::Seq(items) = &entry.1.value else {
        return None;
    };
    if items.len() < 2 {
        return None;
    }
    let errors: Vec<Diagnostic> = items
        .iter()
        .filter_map(|item| {
            let alone = (
                entry.0.clone(),
                Node {
                    value: Value::Seq(vec![item.clone()]),
                    pos: entry.1.pos,
                },
            );
            T::deserialize(EntriesDe {
                entries: vec![&alone],
                pos,
            })
            .err()
            .map(|e| e.diagnostic(file, item.pos))
        })
        .collect();
    (!errors.is_empty()).then_some(errors)
}

struct NodeDe<'a>(&'a Node);

impl<'de> Deserializer<'de> for NodeDe<'_> {
    type Error = FieldError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        let pos = self.0.pos;
        let result = match &self.0.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Int(i) => visitor.visit_i64(*i),
            Value::Float(f) => visitor.visit_f64(*f),
            Value::Str(s) => visitor.visit_str(s),
            Value::Seq(items) => visitor.visit_seq(SeqDe {
                items: items.iter(),
            }),
            Value::Map(entries) => visitor.visit_map(MapDe {
                entries: entries.iter().collect::<Vec<_>>().into_iter(),
                value: None,
            }),
        };
        result.map_err(|e| e.at(pos))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        match self.0.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, FieldError> {
        let pos = self.0.pos;
        match &self.0.value {
            Value::Str(s) => {
                let de: de::value::StrDeserializer<'_, FieldError> = s.as_str().into_deserializer();
                visitor.visit_enum(de).map_err(|e| e.at(pos))
            }
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, FieldError> {
        if name == LOCATED {
            visitor.visit_map(LocatedDe {
                node: self.0,
                step: 0,
            })
        } else {
            self.deserialize_any(visitor)
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map identifier ignored_any
    }
}

/// A mapping given as some of its entries: how [`read`] feeds one field.
struct EntriesDe<'a> {
    entries: Vec<&'a (Key, Node)>,
    pos: Pos,
}

impl<'de> Deserializer<'de> for EntriesDe<'_> {
    type Error = FieldError;
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        let pos = self.pos;
        visitor
            .visit_map(MapDe {
                entries: self.entries.into_iter(),
                value: None,
            })
            .map_err(|e| e.at(pos))
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

struct SeqDe<'a> {
    items: std::slice::Iter<'a, Node>,
}

impl<'de> SeqAccess<'de> for SeqDe<'_> {
    type Error = FieldError;
    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, FieldError> {
        match self.items.next() {
            Some(node) => seed.deserialize(NodeDe(node)).map(Some),
            None => Ok(None),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapDe<'a> {
    entries: std::vec::IntoIter<&'a (Key, Node)>,
    value: Option<&'a Node>,
}

impl<'de> MapAccess<'de> for MapDe<'_> {
    type Error = FieldError;
    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, FieldError> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        let key_node = Node {
            value: Value::Str(key.name.clone()),
            pos: key.pos,
        };
        seed.deserialize(NodeDe(&key_node)).map(Some)
    }
    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, FieldError> {
        let node = self
            .value
            .take()
            .ok_or_else(|| <FieldError as de::Error>::custom("value without a key"))?;
        seed.deserialize(NodeDe(node))
    }
}

/// Hands a [`Located`] its position, then its value.
struct LocatedDe<'a> {
    node: &'a Node,
    step: usize,
}

impl<'de> MapAccess<'de> for LocatedDe<'_> {
    type Error = FieldError;
    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, FieldError> {
        let Some(name) = LOCATED_FIELDS.get(self.step) else {
            return Ok(None);
        };
        let de: de::value::StrDeserializer<'_, FieldError> = name.into_deserializer();
        seed.deserialize(de).map(Some)
    }
    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, FieldError> {
        let pos = self.node.pos;
        self.step += 1;
        match self.step {
            1 => seed.deserialize(pos.line.into_deserializer()),
            2 => seed.deserialize(pos.column.into_deserializer()),
            3 => seed.deserialize(pos.len.into_deserializer()),
            _ => seed.deserialize(NodeDe(self.node)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::parse;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        title: Option<Located<String>>,
        year: Option<Located<u8>>,
        tags: Option<Vec<Located<String>>>,
    }

    #[test]
    fn reports_every_bad_field_and_keeps_the_good_ones() {
        let node = parse("titel: A\nyear: many\ntags: [a, b]\ntitle: T\n", "x.md").unwrap();
        let (value, problems) = read::<Sample>(&node, "x.md");
        let value = value.unwrap();
        assert_eq!(
            value.title.unwrap().pos,
            Pos {
                line: 5,
                column: 8,
                len: 1
            }
        );
        assert_eq!(value.tags.unwrap()[1].pos.column, 11);
        assert!(value.year.is_none());
        let codes: Vec<_> = problems
            .iter()
            .map(|d| (d.code, d.line, d.column))
            .collect();
        assert_eq!(codes, [(Code::E0103, 2, 1), (Code::E0104, 3, 7)]);
        assert_eq!(problems[0].help.as_deref(), Some("did you mean `title`?"));
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Years {
        #[allow(dead_code)]
        years: Option<Vec<Located<crate::content::values::TrackYear>>>,
    }

    #[test]
    fn every_bad_item_of_a_list_is_reported() {
        let node = parse("years: [0, 1, 9]\n", "x.md").unwrap();
        let (_, problems) = read::<Years>(&node, "x.md");
        let places: Vec<_> = problems
            .iter()
            .map(|d| (d.code, d.line, d.column))
            .collect();
        assert_eq!(places, [(Code::E0104, 2, 9), (Code::E0104, 2, 15)]);
    }
}
