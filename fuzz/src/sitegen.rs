//! A whole site built from its structure with `arbitrary`: a program,
//! modules, sessions and prompts, written in every style people write them
//! (LF or CRLF, a BOM, comments, plain, single- or double-quoted dates, ids
//! that begin with a date or a month, links between files), with at most one
//! thing wrong. Most inputs are so valid sites, or valid sites with one fault,
//! rather than noise.
//!
//! The fuzz targets build their sites with it (`cairn_fuzz::sitegen`), and
//! so does the round-trip property test, which includes this file
//! (`tests/integration/round_trip.rs`): one generator for both.

use arbitrary::{Arbitrary, Unstructured};
use jiff::ToSpan;
use jiff::civil::Date;
use std::path::Path;

/// The shape of a site; [`SiteSpec::files`] writes it out.
#[derive(Arbitrary, Debug, Clone)]
pub struct SiteSpec {
    /// The academic year's first day.
    pub start: Start,
    /// The program's years (1 to 3).
    pub years: u8,
    /// How `_program.md` is written.
    pub program: FileStyle,
    /// Blackout dates, as days after `starts`.
    pub blackouts: Vec<u16>,
    /// At least one module is written.
    pub modules: Vec<ModuleSpec>,
    /// The sessions.
    pub sessions: Vec<SessionSpec>,
    /// Prompts, each due after a session.
    pub prompts: Vec<PromptSpec>,
    /// The one thing wrong, if any, and in which file (an index).
    pub fault: Option<(Fault, u8)>,
}

/// `starts`: mostly (three times in four) July and the 1st.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct Start {
    /// 2020 + this, modulo 12.
    pub year: u8,
    /// A multiple of 4: the month `month / 4 % 12 + 1`; else July.
    pub month: u8,
    /// A multiple of 4: the day `day / 4 % 28 + 1`; else the 1st.
    pub day: u8,
}

/// How one file is written.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct FileStyle {
    /// CRLF line ends.
    pub crlf: bool,
    /// A UTF-8 byte order mark.
    pub bom: bool,
    /// How its dates are quoted.
    pub quote: Quote,
    /// Comments in its front matter (a line of its own and after values).
    pub comment: bool,
}

/// How a date is written in YAML.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Quote {
    /// `2025-09-18`
    Plain,
    /// `'2025-09-18'`
    Single,
    /// `"2025-09-18"`
    Double,
}

/// A module.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct ModuleSpec {
    /// Its id begins with the year-month of `starts` (`2025-07-m1`).
    pub month_id: bool,
    /// Its program year, modulo the years.
    pub year: u8,
    /// How it is written.
    pub style: FileStyle,
    /// A self-paced item due this many days after `starts`.
    pub self_paced_due: Option<u16>,
}

/// A session.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct SessionSpec {
    /// Its date, as days after `starts` (modulo 365).
    pub day: u16,
    /// Its module, an index.
    pub module: u8,
    /// How its id begins.
    pub id: IdShape,
    /// How it is written.
    pub style: FileStyle,
    /// It lasts this many more days (modulo 3) through `end_date`.
    pub end_date: Option<u8>,
    /// Its body links to another session (an index), `@/` or relative.
    pub link: Option<(u8, bool)>,
}

/// The beginning of a session's id.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum IdShape {
    /// `s1`
    Plain,
    /// `2025-09-s1`: the year-month of its date.
    Month,
    /// `2025-09-18-s1`: its date.
    Day,
}

/// A prompt due after a session.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct PromptSpec {
    /// Its session, an index.
    pub session: u8,
    /// Due this many days after the session (modulo 15).
    pub offset: u8,
    /// How it is written.
    pub style: FileStyle,
}

/// One thing wrong in one file.
#[derive(Arbitrary, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Its `title:` line is gone.
    NoTitle,
    /// A field no kind has.
    UnknownField,
    /// A quote opened and never closed.
    UnclosedQuote,
    /// Its first date is 30 February.
    BadDate,
    /// A `module:` or `session:` that names nothing.
    DanglingReference,
    /// No opening `---`.
    NoFrontMatter,
    /// A body link to no file.
    DeadLink,
    /// Bytes that are not UTF-8.
    NotUtf8,
    /// List items indented with a tab.
    TabIndent,
    /// Its `title:` twice.
    DuplicateKey,
    /// An empty file.
    Empty,
    /// Its first date a year later.
    OutsideYear,
}

/// One generated file: its path under the site root and its bytes.
pub type File = (String, Vec<u8>);

impl SiteSpec {
    /// A spec from raw bytes (what a fuzz target or a seeded test has).
    pub fn from_bytes(data: &[u8]) -> Option<Self> {
        Self::arbitrary_take_rest(Unstructured::new(data)).ok()
    }

    /// The first day of the academic year.
    pub fn starts(&self) -> Date {
        let year = 2020 + i16::from(self.start.year % 12);
        let month = if self.start.month % 4 == 0 {
            (self.start.month / 4 % 12 + 1) as i8
        } else {
            7
        };
        let day = if self.start.day % 4 == 0 {
            (self.start.day / 4 % 28 + 1) as i8
        } else {
            1
        };
        Date::new(year, month, day).unwrap_or_else(|_| jiff::civil::date(2025, 7, 1))
    }

    /// The site's files, `content/...`, in a fixed order.
    pub fn files(&self) -> Vec<File> {
        let starts = self.starts();
        let day = |n: u16| {
            starts
                .checked_add(i64::from(n % 365).days())
                .unwrap_or(starts)
        };
        let years = self.years % 3 + 1;
        let mut files: Vec<File> = Vec::new();

        let default_module = [ModuleSpec {
            month_id: false,
            year: 0,
            style: self.program,
            self_paced_due: None,
        }];
        let modules: &[ModuleSpec] = if self.modules.is_empty() {
            &default_module
        } else {
            &self.modules[..self.modules.len().min(4)]
        };
        let module_ids: Vec<String> = modules
            .iter()
            .enumerate()
            .map(|(i, m)| {
                if m.month_id {
                    format!("{}-m{i}", &starts.to_string()[..7])
                } else {
                    format!("m{i}")
                }
            })
            .collect();

        // Sessions that overlap one before them are left out: two at once
        // would be an error of their own (E0308).
        let mut sessions: Vec<SessionSpec> = Vec::new();
        let mut dates: Vec<Date> = Vec::new();
        // The year's last day: no date of a valid site is after it (E0304).
        let last = starts
            .checked_add(1.year())
            .and_then(|d| d.checked_sub(1.day()))
            .unwrap_or(starts);
        for s in self.sessions.iter().take(12) {
            let date = day(s.day);
            let mut s = *s;
            if last_day(date, s.end_date) > last {
                s.end_date = None;
            }
            let clash = sessions
                .iter()
                .zip(&dates)
                .any(|(k, d)| overlap((*d, k.end_date), (date, s.end_date)));
            if !clash {
                sessions.push(s);
                dates.push(date);
            }
        }
        let session_ids: Vec<String> = sessions
            .iter()
            .zip(&dates)
            .enumerate()
            .map(|(i, (s, d))| match s.id {
                IdShape::Plain => format!("s{i}"),
                IdShape::Month => format!("{}-s{i}", &d.to_string()[..7]),
                IdShape::Day => format!("{d}-s{i}"),
            })
            .collect();
        // A blackout on a session's day would be an error of its own.
        let blackouts: Vec<Date> = self
            .blackouts
            .iter()
            .take(3)
            .map(|&n| day(n))
            .filter(|b| {
                !sessions
                    .iter()
                    .zip(&dates)
                    .any(|(s, d)| within(*b, *d, s.end_date))
            })
            .collect();

        let p = self.program;
        let mut w = Writer::new(p);
        w.line("title: A Generated Track");
        w.line(&format!("years: {years}"));
        w.field("starts", &p.date(starts));
        w.line("timezone: UTC");
        w.line("phases: []");
        if !blackouts.is_empty() {
            w.line("schedule:");
            w.line("  start: \"18:00\"");
            w.line("  end: \"20:00\"");
            w.line("  blackout:");
            for b in &blackouts {
                w.field("    -", &p.date(*b));
            }
        }
        files.push(w.finish("content/_program.md", "A program generated for testing."));

        for (i, m) in modules.iter().enumerate() {
            let s = m.style;
            let mut w = Writer::new(s);
            w.line(&format!("title: Module {i}"));
            w.line(&format!("year: {}", m.year % years + 1));
            if let Some(due) = m.self_paced_due {
                w.line("self_paced:");
                w.line(&format!("  - title: Reading {i}"));
                w.line("    minutes: 30");
                w.field("    due:", &s.date(day(due)));
            }
            files.push(w.finish(
                &format!("content/modules/{}.md", module_ids[i]),
                "What this module is for.",
            ));
        }

        for (i, s) in sessions.iter().enumerate() {
            let st = s.style;
            let mut w = Writer::new(st);
            w.line(&format!("title: Session {i}"));
            w.field("date", &st.date(dates[i]));
            if let Some(n) = s.end_date {
                let end = dates[i]
                    .checked_add(i64::from(n % 3 + 1).days())
                    .unwrap_or(dates[i]);
                w.field("end_date", &st.date(end));
            }
            let module = &module_ids[s.module as usize % module_ids.len()];
            w.line(&format!("module: {module}"));
            let body = match s.link {
                Some((other, absolute)) => {
                    let other = &session_ids[other as usize % session_ids.len()];
                    if absolute {
                        format!("See [the other](@/sessions/{other}.md).")
                    } else {
                        format!("See [the other](../sessions/{other}.md).")
                    }
                }
                None => "An evening of the year.".to_string(),
            };
            files.push(w.finish(&format!("content/sessions/{}.md", session_ids[i]), &body));
        }

        if !sessions.is_empty() {
            for (i, pr) in self.prompts.iter().take(6).enumerate() {
                let k = pr.session as usize % sessions.len();
                let due = dates[k]
                    .checked_add(i64::from(pr.offset % 15).days())
                    .unwrap_or(dates[k])
                    .min(last);
                let st = pr.style;
                let mut w = Writer::new(st);
                w.line(&format!("title: Prompt {i}"));
                w.line(&format!("session: {}", session_ids[k]));
                w.field("due", &st.date(due));
                let body = format!("After [the session](@/sessions/{}.md).", session_ids[k]);
                files.push(w.finish(&format!("content/prompts/p{i}.md"), &body));
            }
        }

        if let Some((fault, at)) = self.fault {
            let n = files.len();
            fault.apply(&mut files[at as usize % n].1);
        }
        files
    }

    /// Writes the site under `root` (which should not exist yet).
    pub fn write_to(&self, root: &Path) -> std::io::Result<()> {
        write_files(root, &self.files())
    }
}

/// Writes `files` under `root`.
pub fn write_files(root: &Path, files: &[File]) -> std::io::Result<()> {
    for (rel, bytes) in files {
        let path = root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, bytes)?;
    }
    Ok(())
}

/// The last day of a session on `date` lasting `end` (as `end_date`).
fn last_day(date: Date, end: Option<u8>) -> Date {
    end.map_or(date, |n| {
        date.checked_add(i64::from(n % 3 + 1).days())
            .unwrap_or(date)
    })
}

/// `b` falls on a day of the session of `date` (and `end_date` days more).
fn within(b: Date, date: Date, end: Option<u8>) -> bool {
    b >= date && b <= last_day(date, end)
}

/// Two sessions share a day.
fn overlap((a, a_end): (Date, Option<u8>), (b, b_end): (Date, Option<u8>)) -> bool {
    a <= last_day(b, b_end) && b <= last_day(a, a_end)
}

impl FileStyle {
    fn date(self, d: Date) -> String {
        match self.quote {
            Quote::Plain => d.to_string(),
            Quote::Single => format!("'{d}'"),
            Quote::Double => format!("\"{d}\""),
        }
    }
}

/// Front matter and a body, written in one style.
struct Writer {
    style: FileStyle,
    lines: Vec<String>,
}

impl Writer {
    fn new(style: FileStyle) -> Self {
        let mut lines = vec!["---".to_string()];
        if style.comment {
            lines.push("# Kept by hand: edit with care.".to_string());
        }
        Writer { style, lines }
    }

    fn line(&mut self, text: &str) {
        self.lines.push(text.to_string());
    }

    /// `key: value`, with a comment after it in a commented style; a key
    /// ending in `-` or `:` is written as is (a list item, a nested key).
    fn field(&mut self, key: &str, value: &str) {
        let head = if key.ends_with('-') || key.ends_with(':') {
            format!("{key} {value}")
        } else {
            format!("{key}: {value}")
        };
        if self.style.comment {
            self.lines.push(format!("{head} # as planned"));
        } else {
            self.lines.push(head);
        }
    }

    fn finish(mut self, path: &str, body: &str) -> File {
        self.lines.push("---".to_string());
        self.lines.push(body.to_string());
        let end = if self.style.crlf { "\r\n" } else { "\n" };
        let mut text = String::new();
        if self.style.bom {
            text.push('\u{feff}');
        }
        for l in &self.lines {
            text.push_str(l);
            text.push_str(end);
        }
        (path.to_string(), text.into_bytes())
    }
}

impl Fault {
    /// Breaks `bytes` (one file) in this way.
    pub fn apply(self, bytes: &mut Vec<u8>) {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let new =
            match self {
                Fault::NoTitle => text
                    .split_inclusive('\n')
                    .filter(|l| !l.starts_with("title:"))
                    .collect(),
                Fault::UnknownField => text.replacen("---", "---\ncolour: blue", 1),
                Fault::UnclosedQuote => text.replacen("title: ", "title: \"", 1),
                Fault::BadDate => replace_first_date(&text, |d| format!("{}-02-30", &d[..4])),
                Fault::DanglingReference => text
                    .replacen("module: ", "module: nowhere-", 1)
                    .replacen("session: ", "session: nowhere-", 1),
                Fault::NoFrontMatter => text.replacen("---", "", 1),
                Fault::DeadLink => format!("{text}\n[Gone](@/sessions/nowhere.md)\n"),
                Fault::NotUtf8 => {
                    bytes.extend_from_slice(b"\xff\xfe\n");
                    return;
                }
                Fault::TabIndent => text.replace("  - ", "\t- "),
                Fault::DuplicateKey => text.replacen("title:", "title: Twice\ntitle:", 1),
                Fault::Empty => String::new(),
                Fault::OutsideYear => replace_first_date(&text, |d| {
                    let year: u16 = d[..4].parse().unwrap_or(2025);
                    format!("{}{}", year + 1, &d[4..])
                }),
            };
        *bytes = new.into_bytes();
    }
}

/// `text` with its first `YYYY-MM-DD` replaced by `f(it)`.
fn replace_first_date(text: &str, f: impl Fn(&str) -> String) -> String {
    let b = text.as_bytes();
    for i in 0..b.len().saturating_sub(9) {
        let s = &b[i..i + 10];
        let shape = s.iter().enumerate().all(|(k, c)| match k {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        if shape && text.is_char_boundary(i) && text.is_char_boundary(i + 10) {
            return format!("{}{}{}", &text[..i], f(&text[i..i + 10]), &text[i + 10..]);
        }
    }
    text.to_string()
}
