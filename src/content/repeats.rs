//! The front matter of repeating meetings (SPEC 9.2): a session's `repeats`
//! rule, a group's `meets` as a rule with its first date, times and place,
//! and a multi-day session's `hours` per day.

use super::values::{Date, Time};
use crate::fields::Located;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// `repeats: {every, weekday?, week?, until?, except?}`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Repeats {
    /// `week`, `2 weeks` or `month` (required).
    pub every: Located<Every>,
    /// e.g. `thursday`; default: the first date's weekday.
    pub weekday: Option<Located<Weekday>>,
    /// Monthly only: `1` to `4` or `last`; default: the first date's week of the month.
    pub week: Option<Located<Week>>,
    /// The last day it may fall on; default: the last day of the academic year.
    pub until: Option<Located<Date>>,
    /// Dates it skips besides blackouts.
    pub except: Option<Vec<Located<Date>>>,
}

/// How often a series meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Every {
    /// Every week.
    #[serde(rename = "week")]
    Week,
    /// Every other week.
    #[serde(rename = "2 weeks")]
    TwoWeeks,
    /// Once a month, on a weekday of a week of the month.
    #[serde(rename = "month")]
    Month,
}

/// A day of the week, written in full: `monday`...
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// As jiff's.
    pub fn civil(self) -> jiff::civil::Weekday {
        match self {
            Weekday::Monday => jiff::civil::Weekday::Monday,
            Weekday::Tuesday => jiff::civil::Weekday::Tuesday,
            Weekday::Wednesday => jiff::civil::Weekday::Wednesday,
            Weekday::Thursday => jiff::civil::Weekday::Thursday,
            Weekday::Friday => jiff::civil::Weekday::Friday,
            Weekday::Saturday => jiff::civil::Weekday::Saturday,
            Weekday::Sunday => jiff::civil::Weekday::Sunday,
        }
    }
}

/// The week of the month of a monthly series: the first to the fourth, or
/// the last (a fifth exists in some months only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Week {
    /// The nth, 1 to 4.
    Nth(i8),
    /// The last of the month.
    Last,
}

impl<'de> Deserialize<'de> for Week {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Week;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a week of the month: 1, 2, 3, 4 or last")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Week, E> {
                match v {
                    1..=4 => Ok(Week::Nth(v as i8)),
                    _ => Err(E::custom(format!(
                        "week {v} is not a week of every month: use 1, 2, 3, 4 or last"
                    ))),
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Week, E> {
                match v {
                    "last" => Ok(Week::Last),
                    _ => v.parse::<i64>().map_or_else(
                        |_| {
                            Err(E::custom(format!(
                                "`{v}` is not a week of the month: use 1, 2, 3, 4 or last"
                            )))
                        },
                        |n| self.visit_i64(n),
                    ),
                }
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Week {
    fn schema_name() -> Cow<'static, str> {
        "Week".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "oneOf": [
            { "type": "integer", "minimum": 1, "maximum": 4 },
            { "const": "last" }
        ] })
    }
}

/// One day's hours of a session over several days.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DayHours {
    /// The day, 1-based from `date` (required).
    pub day: Located<u32>,
    /// e.g. `08:00` (required).
    pub start: Located<Time>,
    /// e.g. `12:00` (required).
    pub end: Located<Time>,
}

/// A group's `meets`: words, or a rule of repeating meetings.
#[derive(Debug, Clone)]
pub enum Meets {
    /// e.g. `Second Tuesday of the month, 12-1 pm`.
    Text(String),
    /// Meetings on dates, for the group's page and calendar.
    Rule(Box<MeetsRule>),
}

/// `meets: {from, every, weekday?, week?, until?, except?, start?, end?, place?}`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetsRule {
    /// The date of the first meeting (required).
    #[schemars(required)]
    pub from: Option<Located<Date>>,
    /// `week`, `2 weeks` or `month` (required).
    pub every: Located<Every>,
    /// e.g. `tuesday`; default: the weekday of `from`.
    pub weekday: Option<Located<Weekday>>,
    /// Monthly only: `1` to `4` or `last`; default: the week of the month of `from`.
    pub week: Option<Located<Week>>,
    /// Default: the last day of the academic year.
    pub until: Option<Located<Date>>,
    /// Dates it skips besides blackouts.
    pub except: Option<Vec<Located<Date>>>,
    /// Default: the program's `schedule.start`.
    pub start: Option<Located<Time>>,
    /// Default: the program's `schedule.end`.
    pub end: Option<Located<Time>>,
    /// e.g. `Library, room 3`.
    pub place: Option<String>,
}

impl MeetsRule {
    /// The rule part, as a session's `repeats`.
    pub fn repeats(&self) -> Repeats {
        Repeats {
            every: self.every.clone(),
            weekday: self.weekday.clone(),
            week: self.week.clone(),
            until: self.until.clone(),
            except: self.except.clone(),
        }
    }
}

impl<'de> Deserialize<'de> for Meets {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Meets;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("words, or a rule such as {from: 2025-09-09, every: month}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Meets, E> {
                Ok(Meets::Text(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Meets, A::Error> {
                MeetsRule::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|r| Meets::Rule(Box::new(r)))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Meets {
    fn schema_name() -> Cow<'static, str> {
        "Meets".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let rule = generator.subschema_for::<MeetsRule>();
        json_schema!({ "anyOf": [ { "type": "string" }, rule ] })
    }
}
