//! `cairn roll` on a site built from the input (`cairn_fuzz::sitegen`),
//! then back (`--to` the old start, `--force`): no panic; a site that
//! checked clean has after the roll no error but on a line its `review:`
//! names; and the way back gives every file back byte for byte but the
//! one-way values (`cairn_fuzz::trip`, SPEC 9.2).
#![no_main]

use cairn_fuzz::{on_disk, sitegen::SiteSpec, trip};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(spec) = SiteSpec::from_bytes(data) else {
        return;
    };
    let dir = on_disk::fresh("roll");
    if spec.write_to(&dir).is_err() {
        return;
    }
    let clean = on_disk::errors(&dir).is_empty();
    let before = on_disk::snapshot(&dir);
    let Some(starts) = on_disk::starts(&dir) else {
        return;
    };
    let Some(review) = on_disk::roll(&dir, None) else {
        // A refused roll changes nothing.
        assert_eq!(on_disk::snapshot(&dir), before, "{spec:?}");
        return;
    };
    if clean {
        for (file, line, message) in on_disk::errors(&dir) {
            let named = review
                .iter()
                .any(|r| r.starts_with(&format!("{file}:{line} ")));
            assert!(
                named,
                "{file}:{line} {message}: an error after the roll that no review line names\n{review:#?}\n{spec:?}"
            );
        }
    }
    assert!(
        on_disk::roll(&dir, Some(starts)).is_some(),
        "the roll back failed\n{spec:?}"
    );
    let after = on_disk::snapshot(&dir);
    if let Err(e) = trip::compare(&before, &after, &trip::one_way(&review)) {
        panic!("not restored byte for byte:\n{e}\n{review:#?}\n{spec:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
});
