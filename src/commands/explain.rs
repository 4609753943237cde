//! `cairn explain CODE`: prints what a diagnostic means and how to fix it.

use super::{FAILED, OK};
use crate::diagnostics::Code;

/// Prints the explanation of `code`; exit 2 for a code we do not have.
pub fn run(code: &str) -> u8 {
    if let Some(code) = Code::parse(code) {
        super::print_out(code.explanation());
        OK
    } else {
        let known: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        eprintln!(
            "error: `{code}` is not a cairn diagnostic code; the codes are: {}",
            known.join(", ")
        );
        FAILED
    }
}
