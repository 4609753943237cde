//! The privacy guard of SPEC 8: people whose roles include `mentee` or
//! `trainee` appear nowhere in the output unless `_program.md` says
//! `publish_participants: true`. The demo plants two such people.

use crate::support::{build_into, copy_dir, repo, temp};
use std::path::Path;

/// Every file under `dir` whose bytes contain `needle` (file names included).
fn files_naming(dir: &Path, needle: &str) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes).to_lowercase();
            text.contains(needle) || e.path().to_string_lossy().to_lowercase().contains(needle)
        })
        .map(|e| e.path().display().to_string())
        .collect()
}

fn demo_with_publish(publish: bool, name: &str) -> std::path::PathBuf {
    let site = temp(name);
    copy_dir(&repo().join("content"), &site.join("content"));
    copy_dir(&repo().join("static"), &site.join("static"));
    let program = site.join("content/_program.md");
    let text = std::fs::read_to_string(&program).expect("program");
    assert!(
        text.contains("publish_participants: false"),
        "the demo plants the flag"
    );
    std::fs::write(
        &program,
        text.replace(
            "publish_participants: false",
            &format!("publish_participants: {publish}"),
        ),
    )
    .expect("write");
    site
}

#[test]
fn unpublished_participants_appear_nowhere_in_the_output() {
    let site = demo_with_publish(false, "private");
    let out = site.join("public");
    let built = build_into(&site, &out, &["--base-url", "https://example.org/p/"]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    for needle in ["whitcombe", "mina sato", "mina-sato"] {
        let found = files_naming(&out, needle);
        assert!(found.is_empty(), "`{needle}` is in {found:?}");
    }
    // The group still says how many people it has.
    let group = std::fs::read_to_string(out.join("groups/capstone-circle-a/index.html"))
        .expect("group page");
    assert!(
        group.contains("2 residents and fellows, not named"),
        "{group}"
    );
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn published_participants_have_their_pages() {
    let site = demo_with_publish(true, "public");
    let out = site.join("public");
    let built = build_into(&site, &out, &[]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let person = std::fs::read_to_string(out.join("people/jordan-whitcombe/index.html"))
        .expect("a published trainee has a page");
    assert!(person.contains("Jordan Whitcombe"));
    let group = std::fs::read_to_string(out.join("groups/capstone-circle-a/index.html"))
        .expect("group page");
    assert!(group.contains("Jordan Whitcombe") && group.contains("Mina Sato"));
    assert!(!group.contains("not named"));
    let people = std::fs::read_to_string(out.join("people/index.html")).expect("people");
    assert!(people.contains("Jordan Whitcombe"));
    assert!(!files_naming(&out.join("curriculum.json"), "whitcombe").is_empty());
    let _ = std::fs::remove_dir_all(&site);
}
