//! `search-index.json`: for every page its title, URL, kind, years, summary,
//! headings and a short excerpt (never the whole body), kept compact with
//! one-letter keys that `assets/search.js` reads.

use super::OutputFile;
use crate::content::Collection;
use crate::model::{Item, Model, Source};
use crate::routes;
use rayon::prelude::*;
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

/// The index of every page. Each entry is made and written out on its own,
/// in parallel, and the text joined: `{"pages":[...],"v":1}` as serde would
/// write the whole, without holding every entry as a value at once.
pub fn index(model: &Model, outlines: &crate::markdown::Outlines) -> OutputFile {
    // A one-year program has no years to tell apart (SPEC 8).
    let one_year = model.program.years == 1;
    let text = |mut e: Value| {
        if one_year && let Some(map) = e.as_object_mut() {
            map.remove("y");
        }
        e.to_string()
    };
    let mut entries: Vec<String> = model
        .years
        .iter()
        .map(|y| {
            text(entry(
                &y.title,
                &routes::year(y.number),
                "Syllabus",
                &[y.number],
                y.summary.as_deref(),
                y.source.as_ref(),
                outlines,
            ))
        })
        .collect();
    let items: Vec<Item> = model.all_items().collect();
    entries.par_extend(items.par_iter().map(|&item| {
        let summary = match item.collection {
            Collection::Modules => model.modules[item.index].summary.as_deref(),
            Collection::People => model.people[item.index].role.as_deref(),
            _ => None,
        };
        text(entry(
            model.title(item),
            &routes::item(model, item),
            item.collection.label(),
            &model.years_of(item),
            summary,
            Some(model.source(item)),
            outlines,
        ))
    }));
    let mut out = String::with_capacity(entries.iter().map(|e| e.len() + 1).sum::<usize>() + 20);
    out.push_str("{\"pages\":[");
    for (n, e) in entries.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(e);
    }
    out.push_str("],\"v\":1}");
    OutputFile {
        path: routes::SEARCH_INDEX.into(),
        bytes: out.into_bytes(),
    }
}
