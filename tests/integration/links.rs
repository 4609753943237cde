//! Links are resolved once, by validation, and kept with the check: render
//! looks them up and reads nothing of `static/` or `content/` from disk.

use crate::support::{copy_dir, fixture, temp};
use cairn::render::{OutputFile, RenderOptions};
use std::collections::BTreeMap;
use std::sync::Mutex;

/// Every file a render of `checked` writes, by path.
fn render(checked: &cairn::pipeline::Checked, root: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    let files = Mutex::new(BTreeMap::new());
    let sink = |f: OutputFile| -> Result<(), String> {
        files.lock().expect("lock").insert(f.path, f.bytes);
        Ok(())
    };
    let model = checked.model.as_ref().expect("a model");
    cairn::render::render(
        model,
        &checked.outlines,
        &checked.links,
        root,
        &RenderOptions::default(),
        &sink,
    )
    .expect("renders");
    files.into_inner().expect("lock")
}

#[test]
fn render_writes_the_links_validation_resolved_without_reading_the_disk() {
    let site = temp("links-resolved-once");
    copy_dir(&fixture("kitchen-sink"), &site);
    let checked = cairn::pipeline::check(&site, &cairn::pipeline::Options::default());
    let before = render(&checked, &site);
    let page = String::from_utf8(before["resources/index.html"].clone()).expect("utf-8");
    for written in [
        "href=\"../handouts/feedback-pocket-card.pdf\"",
        "src=\"../images/retreat-banner.png\"",
        "href=\"../facilitator-handbook/#code-samples\"",
    ] {
        assert!(page.contains(written), "{written} missing from\n{page}");
    }
    // Render again with the sources gone: were render resolving links
    // again, `/handouts/...` would no longer name a file of static/ and be
    // written as it is.
    std::fs::remove_dir_all(site.join("static")).expect("remove static/");
    std::fs::remove_dir_all(site.join("content")).expect("remove content/");
    let after = render(&checked, &site);
    assert_eq!(before.len(), after.len());
    for (path, bytes) in &before {
        assert!(after[path] == *bytes, "{path} differs");
    }
    let _ = std::fs::remove_dir_all(&site);
}

/// A `/` link is checked against the files the build publishes: one through
/// a symbolic link that loops (which the walk of `static/` does not follow)
/// is E0401, not a link to a file the output lacks.
#[cfg(unix)]
#[test]
fn a_link_through_a_looping_symbolic_link_names_no_published_file() {
    let site = temp("links-through-a-loop");
    copy_dir(&crate::support::repo().join("examples/minimal"), &site);
    let images = site.join("static/images");
    std::fs::create_dir_all(&images).expect("mkdir");
    std::fs::write(images.join("map.png"), b"not really a png").expect("write");
    std::os::unix::fs::symlink("..", images.join("up")).expect("symlink");
    std::fs::create_dir_all(site.join("content/pages")).expect("mkdir");
    std::fs::write(
        site.join("content/pages/maps.md"),
        "---\ntitle: Maps\n---\n![Map](/images/map.png) ![Again](/images/up/images/map.png)\n",
    )
    .expect("write page");
    let (_, json) = crate::support::check_json(&site, &[]);
    let found: Vec<(String, String)> = crate::support::codes_and_messages(&json);
    let e0401: Vec<&String> = found
        .iter()
        .filter(|(c, _)| c == "E0401")
        .map(|(_, m)| m)
        .collect();
    assert_eq!(
        e0401,
        [
            "`/images/up/images/map.png` goes through static/images/up, a symbolic link cairn does not follow: it loops (to ..)"
        ],
        "{found:?}"
    );
    assert!(found.iter().any(|(c, _)| c == "W0404"), "{found:?}");
    let _ = std::fs::remove_dir_all(&site);
}
