//! The `cairn` binary: parse the command line, run, map the outcome to the
//! exit status (0 success, 1 validation errors, 2 usage or I/O errors).

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = match cairn::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return std::process::ExitCode::from(code);
        }
    };
    std::process::ExitCode::from(cairn::commands::run(cli))
}
