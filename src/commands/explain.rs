//! `cairn explain CODE`: prints what a diagnostic means and how to fix it.

use super::{FAILED, OK};
use crate::diagnostics::codes;

/// Prints the explanation of `code`; exit 2 for a code we do not have.
pub fn run(code: &str) -> u8 {
    match codes::explain(code) {
        Some(text) => {
            print!("{text}");
            OK
        }
        None => {
            let known: Vec<&str> = codes::ALL.iter().map(|(c, _)| *c).collect();
            eprintln!(
                "error: `{code}` is not a cairn diagnostic code; the codes are: {}",
                known.join(", ")
            );
            FAILED
        }
    }
}
