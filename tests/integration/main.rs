//! One integration test binary: runs the real `cairn` on fixture sites under
//! `tests/fixtures/` and compares what it says and writes.

mod all_or_nothing;
mod authoring;
mod bad_input;
mod brand;
mod build;
mod calendars;
mod check_fixtures;
mod contract;
mod docs;
mod examples;
mod explain;
mod export;
mod first_hour;
mod fuzz_regressions;
mod hardening;
mod human;
mod i18n;
mod links;
mod own_calendars;
mod participants;
mod report;
mod roll;
mod roll_diff;
mod round_trip;
mod search;
mod second_contact;
mod series;
mod serve;
mod serve_load;
mod shapes;
// The site generator and round-trip comparison the fuzz targets use too.
#[allow(unreachable_pub, dead_code)]
#[path = "../../fuzz/src/sitegen.rs"]
mod sitegen;
mod support;
#[allow(unreachable_pub, dead_code)]
#[path = "../../fuzz/src/trip.rs"]
mod trip;
