//! The served form's search (SPEC 9.3): Pagefind's files in the build, its
//! `year` and `kind` filters, text in several scripts indexed; the portable
//! form without them.

use crate::support::{build_into, copy_dir, repo, snapshot, temp};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// Builds `site` into `out` with extra args, asserting success.
fn build(site: &Path, out: &Path, extra: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let o = build_into(site, out, extra);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    snapshot(out)
}

/// A Pagefind file's bytes, un-gzipped (its index files are gzipped).
fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("gzip");
    out
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Every un-gzipped file of `pagefind/` whose name ends with `ext`, joined.
fn pagefind_files(files: &BTreeMap<String, Vec<u8>>, ext: &str) -> Vec<u8> {
    files
        .iter()
        .filter(|(p, _)| p.starts_with("pagefind/") && p.ends_with(ext))
        .flat_map(|(_, b)| gunzip(b))
        .collect()
}

#[test]
fn the_demo_has_a_pagefind_index_with_year_and_kind_filters() {
    let out = temp("search-pagefind-demo");
    let files = build(&repo(), &out, &[]);
    assert!(files.contains_key("pagefind/pagefind.js"));
    assert!(files.contains_key("pagefind/wasm.en.pagefind"));
    let entry: serde_json::Value =
        serde_json::from_slice(&files["pagefind/pagefind-entry.json"]).expect("entry");
    let pages = entry["languages"]["en"]["page_count"].as_u64().expect("en");
    assert!(pages > 50, "{pages} pages indexed");
    assert!(files.keys().any(|p| p.starts_with("pagefind/index/")));
    assert!(files.keys().any(|p| p.starts_with("pagefind/fragment/")));
    // The metadata names the filters; their files hold their values.
    let meta = pagefind_files(&files, ".pf_meta");
    for filter in ["year", "kind"] {
        assert!(
            contains(&meta, filter),
            "no {filter} filter in the metadata"
        );
    }
    let filters = pagefind_files(&files, ".pf_filter");
    for value in ["session", "module", "reading", "person", "group", "page"] {
        assert!(contains(&filters, value), "no kind {value}");
    }
    // Listed for the next build, which may replace them (SPEC 9.1).
    let marker = String::from_utf8_lossy(&files[".cairn-build"]).into_owned();
    assert!(
        marker.lines().any(|l| l == "pagefind/pagefind.js"),
        "{marker}"
    );
    let search = String::from_utf8_lossy(&files["search/index.html"]).into_owned();
    assert!(search.contains("data-pagefind=\"../pagefind/pagefind.js\""));
    // Pagefind's ready-made interfaces are not loaded, so not written.
    assert!(!files.keys().any(|p| p.starts_with("pagefind/pagefind-ui")));
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn a_portable_build_has_no_pagefind_and_no_pagefind_marks() {
    let out = temp("search-portable");
    let files = build(&repo(), &out, &["--portable"]);
    assert!(!files.keys().any(|p| p.starts_with("pagefind/")));
    assert!(files.contains_key("search-index.js"));
    for (path, bytes) in &files {
        if path.ends_with(".html") {
            assert!(
                !contains(bytes, "data-pagefind"),
                "{path} is marked for Pagefind"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn text_in_latin_greek_and_cjk_scripts_is_indexed() {
    let site = temp("search-scripts-site");
    copy_dir(&repo().join("examples/minimal"), &site);
    std::fs::create_dir_all(site.join("content/pages")).expect("mkdir");
    std::fs::write(
        site.join("content/pages/scripts.md"),
        "---\ntitle: Words in three scripts\n---\n\
         Résidence et séance de formation.\n\n\
         Η καρδιά της ιατρικής εκπαίδευσης.\n\n\
         医学教育 研修医\n",
    )
    .expect("page");
    let out = temp("search-scripts");
    let files = build(&site, &out, &[]);
    let words = pagefind_files(&files, ".pf_index");
    // Pagefind lowercases and stems words ("séance" stays whole in English).
    for word in [
        "résidence",
        "séance",
        "καρδιά",
        "ιατρικής",
        "医学教育",
        "研修医",
    ] {
        assert!(contains(&words, word), "{word} is not in the index");
    }
    let fragments = pagefind_files(&files, ".pf_fragment");
    assert!(contains(&fragments, "Words in three scripts"));
    let _ = std::fs::remove_dir_all(&out);
    let _ = std::fs::remove_dir_all(&site);
}
