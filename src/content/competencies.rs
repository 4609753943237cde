//! `_program.md`'s `competencies`: a site's own list, the built-in ACGME
//! core competencies (`competencies: acgme`), or both (`[acgme, {id: ...}]`:
//! the six where `acgme` is written, the site's items around them).

use crate::fields::Located;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// One competency of the curriculum map.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    /// Id used by modules, e.g. `communication`.
    pub id: Located<String>,
    /// Shown name, e.g. `Interpersonal communication`.
    pub title: String,
    /// Optional grouping, e.g. `ACGME`.
    pub group: Option<String>,
}

/// The name of the built-in vocabulary.
pub const ACGME: &str = "acgme";

/// The six ACGME core competencies: the ids of SPEC 9.4 and the titles as
/// ACGME writes them.
pub const ACGME_CORE: [(&str, &str); 6] = [
    ("patient-care", "Patient Care"),
    ("medical-knowledge", "Medical Knowledge"),
    (
        "practice-based-learning",
        "Practice-based Learning and Improvement",
    ),
    (
        "interpersonal-communication",
        "Interpersonal and Communication Skills",
    ),
    ("professionalism", "Professionalism"),
    ("systems-based-practice", "Systems-based Practice"),
];

/// The value of `competencies`.
#[derive(Debug, Clone)]
pub enum Competencies {
    /// `competencies: acgme`.
    Acgme,
    /// A list, whose items may include `acgme`.
    List(Vec<Located<CompetencyItem>>),
}

/// One item of a `competencies` list.
#[derive(Debug, Clone)]
pub enum CompetencyItem {
    /// `acgme`: the six core competencies.
    Acgme,
    /// The site's own, e.g. `{id: pc-1, title: ..., group: Patient Care}`.
    Own(Competency),
}

/// A name that is not `acgme`: E0104, "did you mean `acgme`?" when close.
fn unknown<E: de::Error>(v: &str) -> E {
    E::unknown_variant(v, &[ACGME])
}

impl<'de> Deserialize<'de> for CompetencyItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CompetencyItem;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`acgme` or a competency such as {id: communication, title: ...}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CompetencyItem, E> {
                if v == ACGME {
                    Ok(CompetencyItem::Acgme)
                } else {
                    Err(unknown(v))
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<CompetencyItem, A::Error> {
                Competency::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(CompetencyItem::Own)
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Competencies {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Competencies;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`acgme` or a list of competencies")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Competencies, E> {
                if v == ACGME {
                    Ok(Competencies::Acgme)
                } else {
                    Err(unknown(v))
                }
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Competencies, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Competencies::List(items))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Competencies {
    fn schema_name() -> Cow<'static, str> {
        "Competencies".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let own = generator.subschema_for::<Competency>();
        json_schema!({
            "description": "`acgme` (the six ACGME core competencies), or a list of competencies whose items may include `acgme`",
            "anyOf": [
                { "const": ACGME },
                { "type": "array", "items": { "anyOf": [ { "const": ACGME }, own ] } }
            ]
        })
    }
}

impl Competencies {
    /// Every competency at its list item, the built-in six where `acgme`
    /// is written (each at `acgme`'s place).
    pub fn expand(list: &Located<Self>) -> Vec<Located<Competency>> {
        let core = |pos| {
            ACGME_CORE.iter().map(move |(id, title)| Located {
                value: Competency {
                    id: Located {
                        value: (*id).to_string(),
                        pos,
                    },
                    title: (*title).to_string(),
                    group: None,
                },
                pos,
            })
        };
        match &list.value {
            Self::Acgme => core(list.pos).collect(),
            Self::List(items) => items
                .iter()
                .flat_map(|item| match &item.value {
                    CompetencyItem::Acgme => core(item.pos).collect::<Vec<_>>(),
                    CompetencyItem::Own(c) => vec![Located {
                        value: c.clone(),
                        pos: item.pos,
                    }],
                })
                .collect(),
        }
    }

    /// True when the six built-in competencies are in the list.
    pub fn has_acgme(&self) -> bool {
        match self {
            Self::Acgme => true,
            Self::List(items) => items
                .iter()
                .any(|i| matches!(i.value, CompetencyItem::Acgme)),
        }
    }
}
