//! The served form's search (SPEC 9.3): Pagefind, as a library, indexes the
//! built pages in memory, stemming in the program's `language`, with the
//! filters `year` and `kind` the templates mark on each page's `<main>`;
//! things without a page of their own (self-paced items, outcomes) are added
//! as records. Its output (`pagefind/`: its script, WASM, index chunks) goes
//! to the render's sink like any other file, so `build` stays all-or-nothing.
//!
//! Pages arrive from several threads in no fixed order, and Pagefind numbers
//! pages in the order they are added, which its chunks record: each page's
//! `<main>` is kept (not the whole page) and fed in order of address once the
//! pages are done, so two builds of one site write the same bytes.

use super::OutputFile;
use crate::model::Model;
use crate::routes;
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// The folder Pagefind's files are written to.
pub const FOLDER: &str = "pagefind/";

/// The attribute that marks a page's indexed part (in `base.html`).
const BODY_MARK: &str = "data-pagefind-body";

/// Pagefind's own ready-made interfaces, which cairn's search page does not
/// load (it draws results with its own markup through `pagefind.js`).
const UNUSED: [&str; 4] = [
    "pagefind-ui.",
    "pagefind-modular-ui.",
    "pagefind-component-ui.",
    "pagefind-highlight.",
];

/// The pages' indexed parts, gathered as they are rendered.
#[derive(Default)]
pub struct Pages(Mutex<Vec<(String, String)>>);

impl Pages {
    /// Keeps `file`'s `<main>` if the page is marked for search.
    pub fn offer(&self, file: &OutputFile) {
        if !file.path.ends_with(".html") {
            return;
        }
        let Ok(text) = std::str::from_utf8(&file.bytes) else {
            return;
        };
        let Some(mark) = text.find(BODY_MARK) else {
            return;
        };
        let start = text[..mark].rfind("<main").unwrap_or(0);
        let end = text[mark..]
            .find("</main>")
            .map_or(text.len(), |e| mark + e + "</main>".len());
        let url = format!("/{}", file.path.trim_end_matches("index.html"));
        if let Ok(mut pages) = self.0.lock() {
            pages.push((url, spaced(&text[start..end])));
        }
    }
}

/// A thing without a page of its own, found at `url`.
struct Record<'a> {
    url: String,
    title: &'a str,
    text: String,
    kind: &'static str,
    label: &'a str,
    years: Vec<u8>,
}

fn records(model: &Model) -> Vec<Record<'_>> {
    let texts = &*model.program.messages;
    let mut out = Vec::new();
    for (i, m) in model.modules.iter().enumerate() {
        let url = format!("/{}", routes::item(model, crate::model::Item::module(i)));
        // Each at its own anchor (module.html's): Pagefind keeps one
        // record per address.
        for (n, sp) in m.self_paced.iter().enumerate() {
            out.push(Record {
                url: format!("{url}#self-paced-{}", n + 1),
                title: &sp.title,
                text: format!(
                    "{} {}",
                    sp.title,
                    sp.provider.as_deref().unwrap_or(&m.title)
                ),
                kind: "module",
                label: texts.text("script.kinds.self-paced"),
                years: vec![m.year],
            });
        }
    }
    for o in &model.program.outcomes {
        let o = &o.value;
        out.push(Record {
            url: format!("/{}", routes::outcome(&o.id.value)),
            title: &o.statement,
            text: format!("{} {}", o.statement, o.measure.as_deref().unwrap_or("")),
            kind: "page",
            label: texts.text("script.kinds.outcome"),
            years: Vec::new(),
        });
    }
    out
}

/// Pagefind's language code for the program's `language` tag (`es-PR` is
/// indexed as `es`); Pagefind falls back to no stemming for one it lacks.
fn language(model: &Model) -> String {
    let tag = model.program.language.trim();
    tag.split(['-', '_'])
        .next()
        .filter(|l| !l.is_empty())
        .unwrap_or("en")
        .to_ascii_lowercase()
}

/// Indexes `pages` and the model's records; returns Pagefind's files, each
/// under [`FOLDER`].
pub fn files(model: &Model, pages: Pages) -> Result<Vec<OutputFile>, String> {
    // Pagefind reads the working directory and panics without one (a
    // folder deleted under a running `serve`): say so instead.
    std::env::current_dir().map_err(fail)?;
    let language = language(model);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(fail)?;
    let config = PagefindServiceConfig::builder()
        .force_language(language.clone())
        .build();
    let mut index = PagefindIndex::new(Some(config)).map_err(fail)?;
    let mut pages = pages.0.into_inner().unwrap_or_default();
    pages.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let lang_attr = format!("<!DOCTYPE html><html lang=\"{language}\"><body>");
    runtime.block_on(async {
        for (url, main) in pages {
            let html = format!("{lang_attr}{main}</body></html>");
            index
                .add_html_file(None, Some(url), html)
                .await
                .map_err(fail)?;
        }
        for r in records(model) {
            let meta = BTreeMap::from([
                ("title".to_string(), r.title.to_string()),
                ("label".to_string(), r.label.to_string()),
            ]);
            let mut filters = BTreeMap::from([("kind".to_string(), vec![r.kind.to_string()])]);
            if !r.years.is_empty() && model.program.years > 1 {
                filters.insert(
                    "year".to_string(),
                    r.years.iter().map(ToString::to_string).collect(),
                );
            }
            index
                .add_custom_record(
                    r.url,
                    r.text,
                    language.clone(),
                    Some(meta),
                    Some(filters),
                    None,
                )
                .await
                .map_err(fail)?;
        }
        let files = index.get_files().await.map_err(fail)?;
        Ok(files
            .into_iter()
            .filter_map(|f| {
                let name = f.filename.to_string_lossy().replace('\\', "/");
                (!UNUSED.iter().any(|u| name.starts_with(u))).then(|| OutputFile {
                    path: format!("{FOLDER}{name}"),
                    bytes: f.contents,
                })
            })
            .collect())
    })
}

/// Pagefind's errors, by their message.
fn fail(e: impl std::fmt::Display) -> String {
    format!("the search index could not be built: {e}")
}

/// Pagefind joins the text of adjacent elements, so `<dt>Date</dt><dd>Wed`
/// read `DateWed` in a result's excerpt: a space after each block's end
/// keeps the words apart (Pagefind collapses spaces; the page is unchanged).
fn spaced(html: &str) -> String {
    const ENDS: [&str; 10] = [
        "</dt>", "</dd>", "</li>", "</td>", "</th>", "</p>", "</div>", "</h2>", "</h3>", "</h4>",
    ];
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(i) = rest.find("</") {
        let step = ENDS
            .iter()
            .find(|e| rest[i..].starts_with(**e))
            .map_or(i + 2, |e| i + e.len());
        out.push_str(&rest[..step]);
        if step > i + 2 {
            out.push(' ');
        }
        rest = &rest[step..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_blocks_end_is_followed_by_a_space() {
        assert_eq!(
            super::spaced("<dl><div><dt>Date</dt><dd>Wed</dd></div></dl><p>a</p><b>b</b>"),
            "<dl><div><dt>Date</dt> <dd>Wed</dd> </div> </dl><p>a</p> <b>b</b>"
        );
        assert_eq!(super::spaced("no tags </"), "no tags </");
    }
}
