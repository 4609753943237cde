//! The round trip of `cairn roll` (SPEC 9.2): rolling to the next year and
//! back (`--to` the old start, `--force`) gives back every content file
//! byte for byte, but for the one-way values, which this names precisely:
//!
//! - a fifth weekday whose new month has none (a `review:` line "... has
//!   none: moved to the last"): the fourth and the fifth both land on the
//!   new month's fourth, so the way back cannot tell them apart;
//! - a date that could not be mapped (a `review:` line "could not be
//!   mapped"): it stayed where it was on the way out;
//! - 29 February, which becomes the 28th in a common year, where the 28th
//!   also lands;
//! - an id that begins with such a one-way date (its file's name, and each
//!   reference to it);
//! - the dates that keep their distance from a session whose date is one
//!   way: its own other dates (`end_date`) and those of the files that
//!   name it as their `session:` (a prompt's `due`).
//!
//! Each exception is a line: the line that holds the value. Every other
//! line of every file, and every file name, must come back exactly. Shared
//! by the fuzz targets and the round-trip tests, which include this file.

use std::collections::{BTreeMap, BTreeSet};

/// Files by path relative to `content/`.
pub type Tree = BTreeMap<String, Vec<u8>>;

/// What of a roll may not come back: (file, line) pairs as they were
/// before the roll, and the ids whose names may not.
#[derive(Debug, Default)]
pub struct OneWay {
    /// (path under `content/`, 1-based line).
    pub lines: BTreeSet<(String, u32)>,
    /// Ids that begin with a one-way date.
    pub ids: BTreeSet<String>,
    /// Sessions (ids) whose date is one way.
    pub sessions: BTreeSet<String>,
}

/// The one-way values of a roll, from its `review:` lines (as `cairn roll`
/// prints them, with or without the `review: ` head).
pub fn one_way(review: &[String]) -> OneWay {
    let mut out = OneWay::default();
    for line in review {
        let line = line.strip_prefix("review: ").unwrap_or(line);
        let one_way = line.contains(" has none: moved to the last, ")
            || line.contains(" could not be mapped to the new year");
        if !one_way {
            continue;
        }
        let Some((head, _)) = line.split_once(' ') else {
            continue;
        };
        let Some((path, number)) = head.rsplit_once(':') else {
            continue;
        };
        let Ok(number) = number.parse::<u32>() else {
            continue;
        };
        // Named where it is after the roll: `NEW:LINE ... (was OLD)`.
        let path = line
            .strip_suffix(')')
            .and_then(|l| l.rsplit_once(" (was "))
            .map_or(path, |(_, was)| was);
        let path = path.strip_prefix("content/").unwrap_or(path);
        out.lines.insert((path.to_string(), number));
        let id = path
            .rsplit('/')
            .next()
            .unwrap_or(path)
            .trim_end_matches(".md");
        if crate_dates_prefix(id) {
            out.ids.insert(id.to_string());
        }
        if path.starts_with("sessions/") {
            out.sessions.insert(id.to_string());
        }
    }
    out
}

/// True when `id` begins with `YYYY-MM-DD`.
fn crate_dates_prefix(id: &str) -> bool {
    id.len() >= 10 && is_date(&id.as_bytes()[..10])
}

/// `YYYY-MM-DD`'s shape.
fn is_date(b: &[u8]) -> bool {
    b.len() == 10
        && b.iter().enumerate().all(|(k, c)| match k {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// `line` with each `YYYY-MM-DD` as `DATE`.
fn without_dates(line: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(line.len());
    let mut i = 0;
    while i < line.len() {
        if i + 10 <= line.len() && is_date(&line[i..i + 10]) {
            out.extend_from_slice(b"DATE");
            i += 10;
        } else {
            out.push(line[i]);
            i += 1;
        }
    }
    out
}

/// The one-way session `bytes` (a file, before the roll) is or names as
/// its `session:`, if any.
fn anchored<'a>(rel: &str, bytes: &[u8], one_way: &'a OneWay) -> Option<&'a str> {
    let id = rel
        .rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".md");
    if rel.starts_with("sessions/")
        && let Some(s) = one_way.sessions.get(id)
    {
        return Some(s);
    }
    let text = String::from_utf8_lossy(bytes);
    text.lines().find_map(|l| {
        let value = l.trim_start().strip_prefix("session:")?;
        let value = value.split(" #").next()?.trim().trim_matches(['\'', '"']);
        one_way.sessions.get(value).map(String::as_str)
    })
}

/// `Ok` when `after` gives back `before` but for `one_way`; else every
/// difference, one a line.
pub fn compare(before: &Tree, after: &Tree, one_way: &OneWay) -> Result<(), String> {
    let mut wrong = Vec::new();
    if before.len() != after.len() {
        wrong.push(format!(
            "{} files before, {} after",
            before.len(),
            after.len()
        ));
    }
    for (rel, bytes) in before {
        match after.get(rel) {
            Some(back) if back == bytes => {}
            Some(back) => {
                let old: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
                let new: Vec<&[u8]> = back.split(|b| *b == b'\n').collect();
                if old.len() != new.len() {
                    wrong.push(format!("{rel}: {} lines, {} after", old.len(), new.len()));
                    continue;
                }
                let anchored = anchored(rel, bytes, one_way).is_some();
                for (n, (a, b)) in old.iter().zip(&new).enumerate() {
                    // A date kept at its distance from a one-way session.
                    let follows = anchored && without_dates(a) == without_dates(b);
                    if a != b && !follows && !excepted(rel, n as u32 + 1, a, one_way) {
                        wrong.push(format!(
                            "{rel}:{}: {:?} came back as {:?}",
                            n + 1,
                            String::from_utf8_lossy(a),
                            String::from_utf8_lossy(b)
                        ));
                    }
                }
            }
            None => {
                let id = rel
                    .rsplit('/')
                    .next()
                    .unwrap_or(rel)
                    .trim_end_matches(".md");
                // An id dated 29 February comes back as the 28th, and roll
                // names no review line for it (the day is one-way, above).
                let leap_day = crate_dates_prefix(id) && id.get(4..10) == Some("-02-29");
                if !one_way.ids.contains(id) && !leap_day {
                    wrong.push(format!("{rel}: gone after the round trip"));
                }
            }
        }
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(wrong.join("\n"))
    }
}

/// A line that may differ: a one-way value's, a 29 February's, or one that
/// names an id that begins with a one-way date.
fn excepted(rel: &str, line: u32, text: &[u8], one_way: &OneWay) -> bool {
    let text = String::from_utf8_lossy(text);
    one_way.lines.contains(&(rel.to_string(), line))
        || text.contains("-02-29")
        || one_way.ids.iter().any(|id| text.contains(id.as_str()))
}
