//! Inputs kept from the fuzzers' corpora (`tests/fixtures/fuzz/<target>/`):
//! each goes through the same code as its fuzz target and must not panic.

use crate::support::fixture;
use cairn::content::parse_file;
use cairn::layout::FileKind;
use cairn::site::{SourceFile, normalize};

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir(fixture(&format!("fuzz/{target}")))
        .expect("fuzz fixtures")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect()
}

#[test]
fn front_matter_corpus_never_panics() {
    let kinds: Vec<FileKind> = FileKind::each().collect();
    let corpus = inputs("front_matter");
    assert!(corpus.len() > 20);
    for data in corpus {
        let Some((&selector, rest)) = data.split_first() else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(rest) else {
            continue;
        };
        let file = SourceFile {
            path: "content/x.md".into(),
            kind: kinds[selector as usize % kinds.len()],
            id: "x".into(),
            text: Some(normalize(text.to_string()).into()),
            usable: true,
        };
        for d in parse_file(&file).1 {
            assert!(d.line >= 1 && d.column >= 1);
        }
    }
}

#[test]
fn markdown_corpus_never_panics() {
    let program = SourceFile {
        path: "content/_program.md".into(),
        kind: FileKind::Program,
        id: "_program".into(),
        text: Some(
            "---\ntitle: Fuzz\nstarts: 2025-07-01\ntimezone: UTC\nphases: []\n---\n# Home\n".into(),
        ),
        usable: true,
    };
    let model = cairn::model::build::build(&[parse_file(&program).0], false)
        .0
        .expect("a model");
    let corpus = inputs("markdown");
    assert!(corpus.len() > 10);
    for data in corpus {
        let Ok(body) = std::str::from_utf8(&data) else {
            continue;
        };
        let outline = cairn::markdown::outline(body, 5);
        let statics = cairn::site::statics::Statics::default();
        let mut links = cairn::routes::links::PageLinks::new();
        for link in &outline.links {
            assert!(link.pos.line >= 5);
            if let Ok(found) = cairn::routes::links::resolve_link(
                &model,
                &statics,
                "content/pages/x.md",
                &link.dest,
            ) {
                links.insert(link.dest.clone(), found);
            }
        }
        let _ = cairn::render::body::to_html(body, "../", None, Some(&links), ["Done", "Not done"]);
    }
}
