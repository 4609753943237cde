//! The command line's verbs: one module per subcommand but `serve`, which
//! lives in `crate::serve`. Each takes its options and returns the exit
//! status. Printing happens here, in `serve` and in `pipeline`'s `-v`
//! timings; the stages themselves print nothing.

pub mod build;
pub mod check;
pub mod diff;
pub mod explain;
pub mod export;
pub mod init;
pub mod new;
pub mod report;
pub mod roll;
pub mod schema;

use crate::cli::{Cli, Color, Command};
use std::io::IsTerminal;
use std::path::PathBuf;

/// Exit status: success (warnings alone are a success).
pub const OK: u8 = 0;
/// Exit status: validation errors, or warnings with `--deny-warnings`.
pub const INVALID: u8 = 1;
/// Exit status: usage or I/O errors.
pub const FAILED: u8 = 2;

/// Options every command shares.
#[derive(Debug, Clone)]
pub struct Global {
    /// `--root`, if given.
    pub root: Option<PathBuf>,
    /// Colour on stderr/stdout.
    pub color: bool,
    /// `-q`
    pub quiet: bool,
    /// `-v`
    pub verbose: bool,
}

impl Global {
    /// The site root, or a message for the user.
    pub fn site_root(&self) -> Result<PathBuf, String> {
        let cwd = std::env::current_dir()
            .map_err(|e| format!("cannot read the working directory: {e}"))?;
        crate::site::find_root(self.root.as_deref(), &cwd)
    }
}

/// Runs the command line and returns the exit status.
pub fn run(cli: Cli) -> u8 {
    let global = Global {
        root: cli.root,
        color: use_color(cli.color),
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    match cli.command {
        Command::Check(args) => check::run(&global, &args),
        Command::Build(args) => build::run(&global, &args),
        Command::Serve(args) => {
            let root = match global.site_root() {
                Ok(root) => root,
                Err(e) => return fail(&e),
            };
            let options = crate::serve::ServeOptions {
                bind: args.bind,
                port: args.port,
                drafts: args.drafts,
                open: args.open,
            };
            match crate::serve::serve(root, options) {
                Ok(()) => OK,
                Err(e) => fail(&e),
            }
        }
        Command::Roll(args) => roll::run(&global, &args),
        Command::Diff(args) => diff::run(&global, &args),
        Command::Export(args) => export::run(&global, &args),
        Command::Report(args) => report::run(&global, &args),
        Command::Explain { code } => explain::run(&code),
        Command::Init { dir } => init::run(dir.as_deref(), global.quiet),
        Command::New {
            collection,
            id,
            title,
            session_kind,
        } => new::run(&global, collection, &id, title.as_deref(), session_kind),
        Command::Schema { kind } => schema::run(kind.as_deref()),
    }
}

/// SPEC 6: auto means a terminal and no `NO_COLOR`; always and never win over both.
fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}

/// Writes a command's result to standard output. A reader that stops early
/// (`cairn schema | head`) closes the pipe: that ends the output quietly
/// instead of panicking as `print!` does.
pub fn print_out(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Prints a fatal error (usage or I/O) and returns [`FAILED`].
pub fn fail(message: &str) -> u8 {
    eprintln!("error: {message}");
    FAILED
}
