//! Any Markdown body: outline (headings, links with positions), link
//! resolution against a small model, and rendering to HTML.
#![no_main]

use cairn::content::parse_file;
use cairn::model::build::build;
use cairn::layout::FileKind;
use cairn::site::SourceFile;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn model() -> &'static cairn::model::Model {
    static MODEL: OnceLock<cairn::model::Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let program = SourceFile {
            path: "content/_program.md".into(),
            kind: FileKind::Program,
            id: "_program".into(),
            text: Some("---\ntitle: Fuzz\nstarts: 2025-07-01\ntimezone: UTC\nphases: []\n---\n# Home\n".into()),
            usable: true,
        };
        let (parsed, _) = parse_file(&program);
        build(&[parsed], false).0.expect("a model")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let outline = cairn::markdown::outline(body, 5);
    let statics = cairn::site::statics::Statics::default();
    let mut links = cairn::routes::links::PageLinks::new();
    for link in &outline.links {
        assert!(link.pos.line >= 5);
        if let Ok(found) = cairn::routes::links::resolve_link(model(), &statics, "content/pages/x.md", &link.dest) {
            links.insert(link.dest.clone(), found);
        }
    }
    let _ = cairn::render::body::to_html(body, "../", None, Some(&links), ["Done", "Not done"]);
});
