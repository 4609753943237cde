//! Micro-benchmarks of the build's hot paths found by profiling (issue 18),
//! so that a regression shows in numbers: highlighting a code block (the
//! work, and a repeat served by the cache), a body's outline and HTML, one
//! file's parse, the demo site checked and rendered whole, its search index,
//! and `serve`'s quick path after an edit of one body (the reload that keeps
//! unchanged texts, the render of that body's pages with the templates
//! compiled once).
//!
//! Run with `cargo bench --bench hot_paths`.
//!
//! Times are printed, never asserted.

use cairn::render::{OutputFile, RenderOptions};
use divan::black_box;
use std::path::{Path, PathBuf};

fn main() {
    divan::main();
}

/// The demo site at the repository's root.
fn demo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const CODE: &str = "def average(values):
    total = 0
    for v in values:
        total += v
    return total / len(values)

print(average([3, 5, 8, 13]))
";

/// A lesson-like body: headings, lists, a table, links and a code block.
fn body() -> String {
    let mut body = String::new();
    for part in 1..=3 {
        body.push_str(&format!(
            "## Part {part}\n\nSome *careful* reading of the evidence, with a [link](https://example.org/{part}) \
             and \"quoted\" words. A second sentence follows the first one.\n\n\
             - first point\n- second point\n- third point\n\n\
             | Concept | Description |\n| --- | --- |\n| ratio | a part of a whole |\n| slope | rise over run |\n\n"
        ));
    }
    body.push_str(&format!("```python\n{CODE}```\n"));
    body
}

#[divan::bench]
fn highlight_block() -> String {
    cairn::highlight::highlight(black_box(CODE), black_box("python"))
}

#[divan::bench]
fn highlight_repeat_cached() -> String {
    cairn::highlight::code_block(black_box(CODE), black_box("python"))
}

#[divan::bench]
fn outline(bencher: divan::Bencher<'_, '_>) {
    let body = body();
    bencher.bench(|| cairn::markdown::outline(black_box(&body), 1));
}

#[divan::bench]
fn parse_file(bencher: divan::Bencher<'_, '_>) {
    let file = cairn::site::SourceFile {
        path: "content/sessions/lesson.md".into(),
        kind: cairn::layout::FileKind::Item(cairn::layout::Collection::Sessions),
        id: "lesson".into(),
        text: Some(format!(
            "---\ntitle: \"Lesson 1: Ratios\"\nkind: seminar\nmodule: module-001\ndate: 2025-07-01\nstart: \"08:00\"\nend: \"09:00\"\n---\n{}",
            body()
        )
        .into()),
        usable: true,
    };
    bencher.bench(|| cairn::content::parse_file(black_box(&file)));
}

#[divan::bench]
fn body_to_html(bencher: divan::Bencher<'_, '_>) {
    // Its links are external: validation resolved none for it to rewrite.
    let body = body();
    bencher.bench(|| {
        cairn::render::body::to_html(black_box(&body), "../../", None, None, ["Done", "Not done"])
    });
}

#[divan::bench(sample_count = 20)]
fn check_demo() -> usize {
    let checked = cairn::pipeline::check(&demo(), &cairn::pipeline::Options::default());
    checked.diagnostics.items().len()
}

/// Renders the site `checked` (of `root`) with `options`, every file
/// handed to a sink that drops it.
fn render_to_nothing(
    checked: &cairn::pipeline::Checked,
    root: &Path,
    options: &RenderOptions,
) -> Result<usize, String> {
    let sink = |f: OutputFile| -> Result<(), String> {
        black_box(f);
        Ok(())
    };
    let model = checked.model.as_ref().expect("the demo has a model");
    cairn::render::render(
        model,
        &checked.outlines,
        &checked.links,
        root,
        options,
        &sink,
    )
}

#[divan::bench(sample_count = 20)]
fn render_demo(bencher: divan::Bencher<'_, '_>) {
    let root = demo();
    let checked = cairn::pipeline::check(&root, &cairn::pipeline::Options::default());
    let options = RenderOptions::default();
    bencher.bench(|| render_to_nothing(&checked, &root, &options));
}

#[divan::bench(sample_count = 20)]
fn search_index_demo(bencher: divan::Bencher<'_, '_>) {
    let checked = cairn::pipeline::check(&demo(), &cairn::pipeline::Options::default());
    let model = checked.model.expect("the demo has a model");
    bencher.bench(|| {
        cairn::render::search::index(&model, &checked.outlines)
            .bytes
            .len()
    });
}

#[divan::bench(sample_count = 20)]
fn reload_unchanged(bencher: divan::Bencher<'_, '_>) {
    let root = demo();
    let (previous, _) = cairn::site::load(&root);
    bencher.bench(|| cairn::site::reload(&root, &previous).0.files.len());
}

#[divan::bench(sample_count = 20)]
fn render_demo_body_edit(bencher: divan::Bencher<'_, '_>) {
    let root = demo();
    let checked = cairn::pipeline::check(&root, &cairn::pipeline::Options::default());
    let model = checked.model.as_ref().expect("the demo has a model");
    let edited = model.sessions[0].source.path.clone();
    let options = RenderOptions {
        only_bodies: Some(std::iter::once(edited).collect()),
        templates: Some(cairn::render::Templates::load(&root).expect("the theme compiles")),
        ..RenderOptions::default()
    };
    bencher.bench(|| render_to_nothing(&checked, &root, &options));
}
