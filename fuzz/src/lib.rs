//! What cairn's fuzz targets share: the structure-aware site generator
//! ([`sitegen`]), the round trip of `roll` ([`trip`]), and running cairn's
//! commands in-process on a folder ([`on_disk`]). The round-trip property
//! test (`tests/integration/round_trip.rs`) includes `sitegen` and `trip`
//! too, so the fuzzers and the test suite build the same sites.

pub mod on_disk;
pub mod sitegen;
pub mod trip;
