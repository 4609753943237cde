//! The small value types of front matter: dates, times, URLs, ISBNs, DOIs,
//! track years and kinds. Each checks its own form when read, so a bad value
//! is an E0104 at the value, and each describes itself for the JSON Schema.

use crate::fields::Located;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// Implements `Deserialize` from a string (or, with `$num`, a number) through
/// a checking function, and `JsonSchema` from a JSON literal.
macro_rules! text_value {
    ($ty:ident, $expecting:literal, $parse:path, $schema:tt) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                        $parse(v).map_err(E::custom)
                    }
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<$ty, E> {
                        $parse(&v.to_string()).map_err(E::custom)
                    }
                }
                d.deserialize_any(V)
            }
        }
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

/// A calendar date written `YYYY-MM-DD`, e.g. `2025-09-18`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub jiff::civil::Date);

pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(format!(
            "`{s}` is not a date: write it as YYYY-MM-DD, e.g. 2025-09-18"
        ));
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<i16>().unwrap_or(0);
    jiff::civil::Date::new(n(0..4), n(5..7) as i8, n(8..10) as i8)
        .map(Date)
        .map_err(|_| format!("`{s}` is not a date of the calendar"))
}

text_value!(Date, "a date YYYY-MM-DD", parse_date, {
    "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
});

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A time of day written `HH:MM` on a 24-hour clock, e.g. `18:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(pub jiff::civil::Time);

fn parse_time(s: &str) -> Result<Time, String> {
    let b = s.as_bytes();
    let shape = b.len() == 5 && b[2] == b':' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit());
    let bad = || format!("`{s}` is not a time: write it as HH:MM on a 24-hour clock, e.g. 18:00");
    if !shape {
        return Err(bad());
    }
    let (h, m) = (
        s[0..2].parse::<i8>().unwrap_or(99),
        s[3..5].parse::<i8>().unwrap_or(99),
    );
    jiff::civil::Time::new(h, m, 0, 0)
        .map(Time)
        .map_err(|_| bad())
}

text_value!(Time, "a time HH:MM", parse_time, {
    "type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
});

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0.hour(), self.0.minute())
    }
}

impl Serialize for Time {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An absolute `http://` or `https://` URL, e.g. `https://example.org/dei/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Url(pub String);

fn parse_url(s: &str) -> Result<Url, String> {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .ok_or_else(|| {
            format!("`{s}` is not an absolute URL: it must start with https:// or http://")
        })?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("`{s}` is not an absolute URL with a host"));
    }
    Ok(Url(s.to_string()))
}

text_value!(Url, "an absolute URL", parse_url, {
    "type": "string", "format": "uri", "pattern": "^https?://[^/?#\\s]+"
});

impl Url {
    /// The host part, e.g. `example.org` (port dropped).
    pub fn host(&self) -> &str {
        let rest = self.0.split_once("://").map_or("", |(_, r)| r);
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = authority.rsplit('@').next().unwrap_or(authority);
        host.split(':').next().unwrap_or(host)
    }
}

/// A CSS colour written `#rrggbb`, e.g. `#0b57a4` (the brand's accent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HexColour(pub crate::colour::Rgb);

fn parse_colour(s: &str) -> Result<HexColour, String> {
    crate::colour::Rgb::parse(s.trim())
        .map(HexColour)
        .ok_or_else(|| format!("`{s}` is not a colour: write it as #rrggbb, e.g. \"#0b57a4\" (quoted, since # starts a YAML comment)"))
}

text_value!(HexColour, "a colour #rrggbb", parse_colour, {
    "type": "string", "pattern": "^#[0-9A-Fa-f]{6}$"
});

impl Serialize for HexColour {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// An ISBN-10 or ISBN-13 with a correct check digit, hyphens allowed,
/// e.g. `978-0-14-312774-1`; kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Isbn(pub String);

fn parse_isbn(s: &str) -> Result<Isbn, String> {
    let chars: Vec<char> = s.chars().filter(|c| *c != '-' && *c != ' ').collect();
    let digit = |c: char| c.to_digit(10);
    let ok = match chars.len() {
        10 => {
            let mut sum = 0;
            let mut valid = true;
            for (i, c) in chars.iter().enumerate() {
                let v = match (i, c) {
                    (9, 'X' | 'x') => Some(10),
                    _ => digit(*c),
                };
                match v {
                    Some(v) => sum += v * (10 - i as u32),
                    None => valid = false,
                }
            }
            valid && sum % 11 == 0
        }
        13 => {
            let digits: Option<Vec<u32>> = chars.iter().map(|c| digit(*c)).collect();
            digits.is_some_and(|d| {
                d.iter()
                    .enumerate()
                    .map(|(i, v)| if i % 2 == 0 { *v } else { v * 3 })
                    .sum::<u32>()
                    % 10
                    == 0
            })
        }
        _ => false,
    };
    if ok {
        Ok(Isbn(s.to_string()))
    } else {
        Err(format!(
            "`{s}` is not a valid ISBN-10 or ISBN-13 (its check digit is wrong or it has the wrong length)"
        ))
    }
}

text_value!(Isbn, "an ISBN", parse_isbn, {
    "type": ["string", "integer"], "pattern": "^[0-9][0-9 -]{8,15}[0-9Xx]$"
});

/// A DOI, e.g. `10.1056/NEJMp1606181`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Doi(pub String);

fn parse_doi(s: &str) -> Result<Doi, String> {
    match s.strip_prefix("10.").and_then(|r| r.split_once('/')) {
        Some((registrant, suffix)) if !registrant.is_empty() && !suffix.is_empty() => {
            Ok(Doi(s.to_string()))
        }
        _ => Err(format!("`{s}` is not a DOI: it must look like 10.1234/abc")),
    }
}

text_value!(Doi, "a DOI", parse_doi, { "type": "string", "pattern": "^10\\.[^/]+/.+$" });

/// A BCP 47 language tag, e.g. `en` or `es-US`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Language(pub String);

fn parse_language(s: &str) -> Result<Language, String> {
    // ICU4X's parser knows BCP 47's shapes (language, script, region,
    // variants, extensions); `_` is not BCP 47's separator.
    if !s.contains('_') && icu_locale_core::Locale::try_from_str(s).is_ok() {
        Ok(Language(s.to_string()))
    } else {
        Err(format!(
            "`{s}` is not a BCP 47 language tag such as `en` or `es-US`"
        ))
    }
}

text_value!(Language, "a language tag", parse_language, {
    "type": "string", "pattern": "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"
});

/// An IANA time zone known to the built-in database, e.g. `America/New_York`.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeZoneName(pub String, pub jiff::tz::TimeZone);

fn parse_time_zone(s: &str) -> Result<TimeZoneName, String> {
    jiff::tz::TimeZone::get(s)
        .map(|tz| TimeZoneName(s.to_string(), tz))
        .map_err(|_| format!("`{s}` is not an IANA time zone name such as America/New_York"))
}

text_value!(TimeZoneName, "an IANA time zone", parse_time_zone, {
    "type": "string", "pattern": "^[A-Za-z_+-]+(/[A-Za-z0-9_+-]+)*$"
});

impl Serialize for TimeZoneName {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A track year, a whole number 1..=6, e.g. `2`; whether it is within the
/// program's `years` is E0312, a model rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TrackYear(pub u8);

fn parse_track_year(s: &str) -> Result<TrackYear, String> {
    match s.parse::<u8>() {
        Ok(n @ 1..=6) => Ok(TrackYear(n)),
        _ => Err(format!(
            "`{s}` is not a year of a track: use a whole number from 1 to 6"
        )),
    }
}

text_value!(TrackYear, "a year number 1-6", parse_track_year, {
    "type": "integer", "minimum": 1, "maximum": 6
});

/// A month number 1..=12, e.g. `9` for September.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Month(pub i8);

fn parse_month(s: &str) -> Result<Month, String> {
    match s.parse::<i8>() {
        Ok(n @ 1..=12) => Ok(Month(n)),
        _ => Err(format!("`{s}` is not a month: use a number from 1 to 12")),
    }
}

text_value!(Month, "a month number 1-12", parse_month, {
    "type": "integer", "minimum": 1, "maximum": 12
});

/// One year or a list of years: `year: 1` or `year: [1, 2]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Years(pub Vec<Located<TrackYear>>);

impl<'de> Deserialize<'de> for Years {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Years;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a year number or a list of year numbers")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Years, E> {
                let year = parse_track_year(&v.to_string()).map_err(E::custom)?;
                // The position is filled in from the field's own by the reader.
                Ok(Years(vec![Located {
                    value: year,
                    pos: crate::diagnostics::Pos::default(),
                }]))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Years, E> {
                Err(E::custom(format!(
                    "`{v}` is not a year: use a number or a list like [1, 2]"
                )))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Years, A::Error> {
                let mut years = Vec::new();
                while let Some(y) = seq.next_element()? {
                    years.push(y);
                }
                if years.is_empty() {
                    return Err(de::Error::custom("the list of years is empty"));
                }
                Ok(Years(years))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Years {
    fn schema_name() -> Cow<'static, str> {
        "Years".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "oneOf": [
                { "type": "integer", "minimum": 1, "maximum": 6 },
                { "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 1, "maximum": 6 } }
            ]
        })
    }
}

impl Years {
    /// The years of a `year` field, giving a single year the field's own position.
    pub fn located(field: &Located<Years>) -> Vec<Located<TrackYear>> {
        field
            .value
            .0
            .iter()
            .map(|y| Located {
                value: y.value,
                pos: if y.pos.line == 0 { field.pos } else { y.pos },
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real_and_well_formed() {
        assert!(parse_date("2025-09-18").is_ok());
        assert!(parse_date("2025-13-01").is_err());
        assert!(parse_date("2025-02-30").is_err());
        assert!(parse_date("2025-9-18").is_err());
    }

    #[test]
    fn times_are_24_hour() {
        assert_eq!(parse_time("18:00").unwrap().to_string(), "18:00");
        assert!(parse_time("25:00").is_err());
        assert!(parse_time("6:00").is_err());
    }

    #[test]
    fn isbn_check_digits() {
        assert!(parse_isbn("978-0-14-312774-1").is_ok());
        assert!(parse_isbn("9780143127741").is_ok());
        assert!(parse_isbn("0-306-40615-2").is_ok());
        assert!(parse_isbn("080442957X").is_ok());
        assert!(parse_isbn("9780143127742").is_err());
        assert!(parse_isbn("12345").is_err());
    }

    #[test]
    fn urls_need_a_scheme_and_host() {
        assert_eq!(
            parse_url("https://u:p@example.org:8080/x").unwrap().host(),
            "example.org"
        );
        assert!(parse_url("example.org").is_err());
        assert!(parse_url("https:///x").is_err());
    }

    #[test]
    fn doi_and_language() {
        assert!(parse_doi("10.1056/NEJMp1606181").is_ok());
        assert!(parse_doi("doi:10.1/x").is_err());
        assert!(parse_language("es-US").is_ok());
        assert!(parse_language("english please").is_err());
    }

    #[test]
    fn time_zones_come_from_the_built_in_database() {
        assert!(parse_time_zone("America/New_York").is_ok());
        assert!(parse_time_zone("Mars/Olympus").is_err());
    }
}
