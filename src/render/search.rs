//! `search-index.json`: for every page its title, URL, kind, years, summary,
//! headings and a short excerpt (never the whole body), kept compact with
//! one-letter keys that `assets/search.js` reads.

use super::OutputFile;
use crate::content::Collection;
use crate::model::{Model, Source};
use crate::routes;
use serde_json::{Value, json};

fn entry(
    title: &str,
    url: &str,
    kind: &str,
    years: &[u8],
    summary: Option<&str>,
    source: Option<&Source>,
    outlines: &crate::markdown::Outlines,
) -> Value {
    let headings: Vec<&str> = source
        .and_then(|s| outlines.get(&s.path))
        .map(|o| o.headings.iter().map(|h| h.text.as_str()).collect())
        .unwrap_or_default();
    let mut v = json!({ "t": title, "u": url, "k": kind });
    if !years.is_empty() {
        v["y"] = json!(years);
    }
    if let Some(s) = summary {
        v["s"] = json!(s);
    }
    if !headings.is_empty() {
        v["h"] = json!(headings);
    }
    if let Some(outline) = source.and_then(|s| outlines.get(&s.path))
        && !outline.excerpt.is_empty()
    {
        v["e"] = json!(outline.excerpt);
    }
    v
}

/// The index of every page.
pub fn index(model: &Model, outlines: &crate::markdown::Outlines) -> OutputFile {
    let mut entries = Vec::new();
    for y in &model.years {
        entries.push(entry(
            &y.title,
            &routes::year(y.number),
            "Syllabus",
            &[y.number],
            y.summary.as_deref(),
            y.source.as_ref(),
            outlines,
        ));
    }
    for item in model.all_items() {
        let summary = match item.collection {
            Collection::Modules => model.modules[item.index].summary.as_deref(),
            Collection::People => model.people[item.index].role.as_deref(),
            _ => None,
        };
        entries.push(entry(
            model.title(item),
            &routes::item(model, item),
            item.collection.label(),
            &model.years_of(item),
            summary,
            Some(model.source(item)),
            outlines,
        ));
    }
    // A one-year program has no years to tell apart (SPEC 8).
    if model.program.years == 1 {
        for e in &mut entries {
            if let Some(map) = e.as_object_mut() {
                map.remove("y");
            }
        }
    }
    let bytes = serde_json::to_vec(&json!({ "v": 1, "pages": entries })).unwrap_or_default();
    OutputFile {
        path: routes::SEARCH_INDEX.into(),
        bytes,
    }
}
