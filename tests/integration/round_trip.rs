//! The round trip of `cairn roll` (SPEC 9.2, issue 31): a roll to the next
//! year then `roll --to <the old start> --force` gives back every content
//! file byte for byte but the one-way values `trip` names. On a fixture
//! written every way people write (CRLF, a BOM, comments, quoting, ids that
//! begin with a date or a month) and on many generated sites (the fuzz
//! targets' generator, fed from a seeded PRNG). The demo and the examples
//! are in `roll_diff`.

use crate::roll::{copy_site, roll, run};
use crate::sitegen::SiteSpec;
use crate::support::{check_json, fixture, snapshot};
use crate::trip;
use std::path::Path;

/// Rolls `site` forward and back; the `review:` lines of the way out.
pub(crate) fn there_and_back(site: &Path) -> Result<Vec<String>, String> {
    let program = std::fs::read(site.join("content/_program.md")).unwrap_or_default();
    let program = String::from_utf8_lossy(&program);
    let starts = program
        .lines()
        .find_map(|l| l.trim_start_matches('\u{feff}').strip_prefix("starts:"))
        .ok_or("no starts")?;
    let starts = starts
        .split('#')
        .next()
        .unwrap_or_default()
        .trim()
        .trim_matches(['\'', '"'])
        .to_string();
    let out = run(site, &["roll"]);
    if out.status.code() != Some(0) {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let review = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("review: "))
        .map(str::to_string)
        .collect();
    let back = run(site, &["roll", "--to", &starts, "--force"]);
    if back.status.code() != Some(0) {
        return Err(format!(
            "the roll back failed: {}",
            String::from_utf8_lossy(&back.stderr)
        ));
    }
    Ok(review)
}

#[test]
fn every_style_of_file_comes_back_byte_for_byte() {
    let site = copy_site(&fixture("roll-styles"), "round-trip-styles");
    let before = snapshot(&site.join("content"));
    let out = roll(&site, &[]);
    // The way out kept every style: each file's line ends, BOM, quotes and
    // comments, and renamed the dated ids and the references to them.
    let rolled = snapshot(&site.join("content"));
    for (rel, bytes) in &rolled {
        let was = rel
            .replace("2026-09-17-listening", "2025-09-18-listening")
            .replace("2026-09-listening-first", "2025-09-listening-first")
            .replace("2026-10-ethics-rounds", "2025-10-ethics-rounds");
        let old = before.get(&was).unwrap_or_else(|| panic!("{rel}: {out}"));
        let count = |b: &[u8], s: &[u8]| b.windows(s.len()).filter(|w| *w == s).count();
        for mark in [&b"\r\n"[..], b"\xef\xbb\xbf", b"#", b"'", b"\""] {
            assert_eq!(count(bytes, mark), count(old, mark), "{rel}: {mark:?}");
        }
        assert_eq!(bytes.len(), old.len(), "{rel}: only dates and ids change");
    }
    assert!(rolled.contains_key("sessions/2026-09-17-listening.md"));
    let back = run(&site, &["roll", "--to", "2025-07-01", "--force"]);
    assert_eq!(back.status.code(), Some(0));
    assert_eq!(snapshot(&site.join("content")), before);
    let _ = std::fs::remove_dir_all(&site);
}

/// splitmix64: a small seeded PRNG, so every run tests the same sites.
fn bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut state = seed;
    (0..n)
        .map(|_| {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            (z ^ (z >> 31)) as u8
        })
        .collect()
}

#[test]
fn generated_sites_come_back_byte_for_byte() {
    let (mut tried, mut clean) = (0, 0);
    for seed in 0..40u64 {
        let Some(spec) = SiteSpec::from_bytes(&bytes(seed, 600)) else {
            continue;
        };
        let site = crate::support::temp(&format!("round-trip-gen-{seed}"));
        let _ = std::fs::remove_dir_all(&site);
        spec.write_to(&site).expect("write");
        let before = snapshot(&site.join("content"));
        let (status, json) = check_json(&site, &[]);
        if spec.fault.is_none() {
            // The generator writes valid sites; a fault makes one wrong.
            assert_eq!(status, 0, "seed {seed}: {spec:?}\n{json}");
            clean += 1;
        }
        match there_and_back(&site) {
            Ok(review) => {
                tried += 1;
                let after = snapshot(&site.join("content"));
                if let Err(e) = trip::compare(&before, &after, &trip::one_way(&review)) {
                    panic!("seed {seed}: {spec:?}\n{e}");
                }
            }
            // A fault may leave no readable `starts`: roll refuses, and
            // changes nothing.
            Err(e) => {
                assert!(spec.fault.is_some(), "seed {seed}: {e}\n{spec:?}");
                assert_eq!(snapshot(&site.join("content")), before, "seed {seed}");
            }
        }
        let _ = std::fs::remove_dir_all(&site);
    }
    assert!(tried >= 30, "only {tried} generated sites rolled");
    assert!(clean >= 10, "only {clean} generated sites without a fault");
}

/// A dated id whose counterpart leaves the new academic year (a year that
/// starts mid-month: the second Sunday of August 2025 is the 10th, of 2026
/// the 9th, the day before the new year starts) keeps its name: the date
/// gets a `review:` line, and the way back, which renames only ids dated in
/// its own year, gives the file back under its name.
#[test]
fn a_dated_id_that_would_leave_the_year_keeps_its_name_both_ways() {
    let site = crate::support::temp("round-trip-leaves-the-year");
    let files = [
        (
            "content/_program.md",
            "---\ntitle: T\nyears: 1\nstarts: 2025-08-10\ntimezone: UTC\nphases: []\n---\nA year from 10 August.\n",
        ),
        ("content/modules/m.md", "---\ntitle: M\nyear: 1\n---\nM.\n"),
        (
            "content/sessions/2025-08-10-first.md",
            "---\ntitle: First\ndate: 2025-08-10\nmodule: m\n---\nThe first.\n",
        ),
        (
            "content/prompts/p.md",
            "---\ntitle: P\nsession: 2025-08-10-first\ndue: 2025-08-17\n---\n[It](@/sessions/2025-08-10-first.md).\n",
        ),
    ];
    for (rel, text) in files {
        std::fs::create_dir_all(site.join(rel).parent().expect("dir")).expect("mkdir");
        std::fs::write(site.join(rel), text).expect("write");
    }
    let before = snapshot(&site.join("content"));
    let review = there_and_back(&site).expect("rolled");
    assert!(
        review
            .iter()
            .any(|r| r.contains(" falls outside the new academic year ")),
        "{review:?}"
    );
    assert_eq!(snapshot(&site.join("content")), before);
    let _ = std::fs::remove_dir_all(&site);
}
