//! A whole site built from its structure (`cairn_fuzz::sitegen`): most
//! inputs are valid sites, or valid sites with one thing wrong. The check
//! must never panic, place every diagnostic at a line and column, and find
//! no error in a site the generator wrote without a fault.
#![no_main]

use cairn_fuzz::{on_disk, sitegen::SiteSpec};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(spec) = SiteSpec::from_bytes(data) else {
        return;
    };
    let dir = on_disk::fresh("site");
    if spec.write_to(&dir).is_err() {
        return;
    }
    let errors = on_disk::errors(&dir);
    if spec.fault.is_none() {
        assert!(errors.is_empty(), "a valid site has errors: {errors:?}\n{spec:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
});
