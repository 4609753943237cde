//! `cairn diff` between two sites built from the input (a past year under
//! `archive/` and the current one): no panic in the comparison or any of
//! its formats; the JSON is JSON; a year compared with itself has no
//! difference.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use cairn::diff::{self, format};
use cairn::pipeline::{self, Options};
use cairn_fuzz::{on_disk, sitegen::SiteSpec};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let (Ok(past), Ok(current)) = (
        SiteSpec::arbitrary(&mut u),
        SiteSpec::arbitrary_take_rest(u),
    ) else {
        return;
    };
    let dir = on_disk::fresh("diff");
    let past_root = dir.join("archive/2024-25");
    if past.write_to(&past_root).is_err() || current.write_to(&dir).is_err() {
        return;
    }
    let options = Options::default();
    let before = pipeline::check(&past_root, &options);
    let after = pipeline::check(&dir, &options);
    if let (Some(b), Some(a)) = (&before.model, &after.model) {
        let d = diff::compare(b, a);
        let _ = format::human(&d);
        let _ = format::markdown(&d);
        let json = format::json(&d);
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "{json}");
        assert!(diff::compare(a, a).is_empty(), "a year differs from itself");
    }
    let _ = std::fs::remove_dir_all(&dir);
});
