//! One integration test binary: runs the real `cairn` on fixture sites under
//! `tests/fixtures/` and compares what it says and writes.

mod check_fixtures;
mod explain;
mod support;
