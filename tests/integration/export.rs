//! `cairn export imscc` (issue 30.3, SPEC 9.4): the demo's cartridge
//! validates against the IMS CC 1.3 XSDs kept under
//! `tests/fixtures/imscc-xsd/` with an independent validator (Python's
//! lxml, libxml2), each web link is a page of the built site under its base
//! URL; no `base_url` or a year beyond `years` is exit 2, nothing written;
//! `-o` replaces a file by renaming, never by truncating it in place.

use crate::calendars::without_base_url;
use crate::support::{assert_success, build_into, cairn, repo, temp};
use std::path::Path;
use std::process::Command;

const BASE: &str = "https://example.org/dei-leadership/";

/// The web links of a cartridge, after lxml validated it.
fn validated_links(cartridge: &Path) -> Vec<String> {
    let script = repo().join("tests/fixtures/imscc-xsd/validate.py");
    let o = Command::new("python3")
        .arg(&script)
        .arg(cartridge)
        .output()
        .expect("python3 (with lxml: pip install lxml, or apt-get install python3-lxml)");
    assert!(
        o.status.success(),
        "the cartridge does not validate:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn the_demo_cartridge_validates_and_links_only_to_pages_of_the_site() {
    let dir = temp("export-demo");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let file = dir.join("demo.imscc");
    let o = cairn(
        &repo(),
        &["-q", "export", "imscc", "-o", file.to_str().expect("utf-8")],
    );
    assert_success(&o);
    let links = validated_links(&file);
    assert!(links.len() > 20, "{links:?}");
    let site = dir.join("site");
    assert_success(&build_into(&repo(), &site, &[]));
    for url in &links {
        let rel = url
            .strip_prefix(BASE)
            .unwrap_or_else(|| panic!("{url} is under {BASE}"));
        assert!(
            site.join(rel).join("index.html").is_file(),
            "{url} is a page of the built site"
        );
    }
    // One year alone: only its sessions.
    let one = dir.join("year-2.imscc");
    let o = cairn(
        &repo(),
        &[
            "-q",
            "export",
            "imscc",
            "--year",
            "2",
            "-o",
            one.to_str().expect("utf-8"),
        ],
    );
    assert_success(&o);
    let year2 = validated_links(&one);
    assert!(!year2.is_empty() && year2.len() < links.len(), "{year2:?}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn export_refuses_without_base_url_or_beyond_the_years_and_replaces_by_rename() {
    let dir = temp("export-bad");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let file = dir.join("x.imscc");
    let target = file.to_str().expect("utf-8");
    let bare = without_base_url(&repo(), "export-bare-site");
    let o = cairn(&bare, &["export", "imscc", "-o", target]);
    assert_eq!(o.status.code(), Some(2), "no base_url is exit 2");
    assert!(String::from_utf8_lossy(&o.stderr).contains("base_url"));
    assert!(!file.exists(), "nothing written");
    let o = cairn(&repo(), &["export", "imscc", "--year", "3", "-o", target]);
    assert_eq!(o.status.code(), Some(2), "a year beyond `years` is exit 2");
    assert!(String::from_utf8_lossy(&o.stderr).contains("--year 3"));
    assert!(!file.exists(), "nothing written");
    // A file already there is replaced whole, by a rename: another name
    // for the old file still reads the old bytes (no truncation in place).
    std::fs::write(&file, b"not a cartridge").expect("write");
    let other = dir.join("other-name");
    std::fs::hard_link(&file, &other).expect("hard link");
    assert_success(&cairn(&repo(), &["-q", "export", "imscc", "-o", target]));
    assert_eq!(std::fs::read(&other).expect("read"), b"not a cartridge");
    assert!(std::fs::read(&file).expect("read").starts_with(b"PK"));
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".cairn-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left");
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(bare);
}
