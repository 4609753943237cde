//! The command line (clap derive). Arguments become plain option structs here,
//! before any logic runs; `main.rs` hands them to [`crate::commands`].

use crate::diagnostics::render::Format;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// cairn: a validated, navigable static site for a multi-year leadership curriculum.
#[derive(Debug, Parser)]
#[command(name = "cairn", version, about)]
pub struct Cli {
    /// Site root (default: the nearest folder at or above the working directory with content/_program.md).
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Colour: auto (only on a terminal and without `NO_COLOR`), always or never.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Print only errors and warnings (nothing when there are none).
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Print each stage's time.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands of SPEC 6.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the content and report every problem.
    Check(CheckArgs),
    /// Check, then build the site into public/ (or -o DIR).
    ///
    /// The output folder is replaced whole, and only when it is missing, empty
    /// or holds nothing but what the last build wrote (the .cairn-build file
    /// every build writes lists those files). A folder with any other file is
    /// refused (exit 2, nothing written, the files named) unless --force.
    Build(BuildArgs),
    /// Build in memory, serve on 127.0.0.1, rebuild and reload on every change.
    Serve(ServeArgs),
    /// Start a new program from the built-in starter (refuses a DIR holding more than dot-files such as .git/).
    Init {
        /// Where (default: the working directory).
        dir: Option<PathBuf>,
    },
    /// Add a content file with its front matter.
    ///
    /// A new session's date comes from its id: `2025-11-04-...` is that day
    /// (refused when it is a blackout date), `2025-11-...` the month's first
    /// day on the program's usual weekday (its first weekday, Monday to
    /// Friday, when it has no sessions yet).
    New {
        /// The kind of file (the help names them from the registry).
        #[arg(value_name = "KIND", value_parser = crate::layout::Collection::from_singular, help = kinds(crate::layout::front_matter_kinds().split_off(2), ""))]
        collection: crate::layout::Collection,
        /// The new file's id, e.g. listening-first.
        id: String,
        /// Its title (default: from the id).
        #[arg(long)]
        title: Option<String>,
        /// A session's kind: seminar (the default), book-club, discussion,
        /// workshop, community, orientation, forum, graduation or other.
        #[arg(long = "kind", value_name = "SESSION-KIND", value_parser = crate::content::session::SessionKind::parse)]
        session_kind: Option<crate::content::session::SessionKind>,
    },
    /// Print the JSON Schema of a kind's front matter, for editors (or of `cairn report`'s JSON).
    Schema {
        /// The kind (the help names them from the registry).
        #[arg(help = kinds(crate::layout::front_matter_kinds(), " (default: all), or report"))]
        kind: Option<String>,
    },
    /// Move the site to its next academic year, keeping this one under archive/.
    ///
    /// Sessions move to their counterpart (same weekday, same week of the
    /// month); a session's dates (a prompt's due, an end date) keep their
    /// offset from it; every other date (self-paced and milestone deadlines,
    /// outcomes, the application, blackouts) keeps its month and day. Ids
    /// that begin with a date of the old year are renamed, with every
    /// reference. Only those values change.
    Roll(RollArgs),
    /// What changed between a past year (default: the latest under archive/) and the current one.
    Diff(DiffArgs),
    /// Export the syllabus for another system: `imscc`, an IMS Thin Common
    /// Cartridge 1.3 for an LMS (Canvas, Moodle...), a folder per year,
    /// months (or modules) inside, each item a link to its page on the
    /// site. Needs `base_url`.
    Export(ExportArgs),
    /// The Annual Program Evaluation summary, as Markdown, CSV or JSON.
    ///
    /// Per track year: sessions and contact hours (by kind, by phase),
    /// attendance, competencies, workload by month; then outcomes, people by
    /// role (counts only, never a participant's name) and what changed since
    /// the latest past year under archive/.
    ///
    /// With --format csv, `-o FILE.csv` holds every section's table (each
    /// after a line with its name, separated by a blank line, as on standard
    /// output); `-o DIR` (any other path) writes one SECTION.csv per section
    /// into a folder that is new, empty or an earlier report's (any other
    /// folder is refused: exit 2, nothing written).
    Report(ReportArgs),
    /// Say what a diagnostic code means and how to fix it.
    Explain {
        /// e.g. E0201.
        code: String,
    },
}

/// Options of `cairn check`.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Include drafts.
    #[arg(long)]
    pub drafts: bool,
}

/// Options of `cairn build`.
#[derive(Debug, Clone, clap::Args)]
pub struct BuildArgs {
    /// Output folder (default: public/ in the site root).
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Absolute URL where the site is published (for sitemap.xml and calendars).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include drafts.
    #[arg(long)]
    pub drafts: bool,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Replace the output folder even when it holds files cairn did not write (they are lost).
    #[arg(long)]
    pub force: bool,
    /// Links name the file (sessions/index.html) and search works without a
    /// server, so the site opens from disk (file://) and from hosts that do
    /// not resolve folder/ to folder/index.html.
    #[arg(long)]
    pub portable: bool,
}

/// Options of `cairn serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Port to listen on.
    #[arg(short, long, default_value_t = 1111)]
    pub port: u16,
    /// Address to bind.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
    /// Open the site in a browser.
    #[arg(long)]
    pub open: bool,
    /// Include drafts.
    #[arg(long)]
    pub drafts: bool,
}

/// Options of `cairn roll`.
#[derive(Debug, Clone, clap::Args)]
pub struct RollArgs {
    /// First day of the new academic year (default: one year after `starts`).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<jiff::civil::Date>,
    /// Print every change as `file:line old -> new` and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Allow rolling to an earlier year.
    #[arg(long)]
    pub force: bool,
}

/// Options of `cairn diff`.
#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// The past year to compare with, e.g. 2025-26 (default: the latest).
    pub archive: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
}

/// Options of `cairn export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// What to export.
    #[arg(value_enum)]
    pub format: ExportFormat,
    /// Only this year of the program (default: every year).
    #[arg(long, value_name = "N")]
    pub year: Option<u8>,
    /// The file to write (written beside it, then renamed over it).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

/// What `cairn export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// An IMS Thin Common Cartridge 1.3 (.imscc).
    Imscc,
}

/// How `cairn diff` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Plain text for a terminal.
    Human,
    /// Markdown, for a report or a pull request.
    Markdown,
    /// One JSON object, for tools.
    Json,
}

/// Options of `cairn report`.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,
    /// Write to this file (CSV: a file ending in .csv, or a folder) instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// How `cairn report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Headings and tables.
    Markdown,
    /// One table per section, for a spreadsheet.
    Csv,
    /// One JSON object (its schema: `cairn schema report`).
    Json,
}

/// A `YYYY-MM-DD` date on the command line.
/// The kinds of file `kinds`, read from the registry of collections so the
/// help of `new` and `schema` names each: `module, session ... or group`.
fn kinds(mut kinds: Vec<&str>, then: &str) -> String {
    let last = kinds.pop().unwrap_or_default();
    format!("{} or {last}{then}", kinds.join(", "))
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return Err(format!(
            "`{s}` is not a date: write it as YYYY-MM-DD, e.g. 2026-07-01"
        ));
    }
    s.parse()
        .map_err(|_| format!("`{s}` is not a date of the calendar"))
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use crate::content::session::SessionKind;
    use crate::layout::Collection;
    use clap::CommandFactory;

    /// `new --help` is written by hand: it must keep up with the registry.
    #[test]
    fn new_help_names_every_kind_of_file_and_of_session() {
        let mut cli = Cli::command();
        let help = cli
            .find_subcommand_mut("new")
            .expect("new")
            .render_long_help()
            .to_string();
        for c in Collection::ALL {
            assert!(help.contains(c.singular()), "{}: {help}", c.singular());
        }
        for k in SessionKind::ALL {
            assert!(help.contains(k.as_str()), "{}: {help}", k.as_str());
        }
    }
}
