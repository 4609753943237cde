//! Every `tests/fixtures/check/<case>/` as its own test, named
//! `check::<case>` (run one with `cargo test --test check_fixtures --
//! check::E0201-module --exact`, or a group with a filter such as `E02`), and
//! `generator::reproduces_the_committed_cases`, which holds the committed cases
//! to what `tests/fixtures/make_check_fixtures.py` writes.
//!
//! A `harness = false` target run by libtest-mimic, so the list of tests is the
//! list of fixture folders found at run time.

// Shared with the `integration` target; this one uses only part of it.
#[allow(dead_code)]
#[path = "../integration/support.rs"]
mod support;

mod expect;
mod regen;

use libtest_mimic::{Arguments, Trial};

fn main() {
    let args = Arguments::from_args();
    let root = support::fixture("check");
    let mut cases: Vec<String> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(Result::ok)
        .filter(|e| e.path().join("expect.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(
        cases.len() > 50,
        "only {} fixture cases under {}: fixtures are missing",
        cases.len(),
        root.display()
    );
    let mut trials: Vec<Trial> = cases
        .into_iter()
        .map(|case| {
            let dir = root.join(&case);
            Trial::test(format!("check::{case}"), move || {
                expect::check_case(&dir).map_err(Into::into)
            })
        })
        .collect();
    trials.push(Trial::test(
        "generator::reproduces_the_committed_cases",
        || regen::generator_reproduces_the_committed_cases().map_err(Into::into),
    ));
    libtest_mimic::run(&args, trials).exit();
}
