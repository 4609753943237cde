//! `search-index.json`: for every page its title, URL, kind, years, summary,
//! headings and a short excerpt (never the whole body), kept compact with
//! one-letter keys that `assets/search.js` reads. Things without a page of
//! their own have entries too (SPEC 9.1): each module's self-paced items
//! (at their module's page) and the program's outcomes (at their place on
//! the outcomes page).

use super::OutputFile;
use crate::layout::Collection;
use crate::model::{Item, Model, Source};
use crate::routes;
use rayon::prelude::*;

/// One page's entry; its fields in the order of their keys, as the index
/// has always listed them (`serde_json`'s maps are sorted).
#[derive(serde::Serialize)]
struct Entry<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    e: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    h: Vec<&'a str>,
    k: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    s: Option<&'a str>,
    t: &'a str,
    u: &'a str,
    #[serde(skip_serializing_if = "<[u8]>::is_empty")]
    y: &'a [u8],
}

/// An entry's JSON text; `years` left out when empty or when `one_year`.
#[allow(clippy::too_many_arguments)]
fn entry(
    title: &str,
    url: &str,
    kind: &str,
    years: &[u8],
    summary: Option<&str>,
    source: Option<&Source>,
    outlines: &crate::markdown::Outlines,
    one_year: bool,
) -> String {
    let outline = source.and_then(|s| outlines.get(&s.path));
    let entry = Entry {
        e: outline
            .map(|o| o.excerpt.as_str())
            .filter(|e| !e.is_empty()),
        h: outline
            .map(|o| o.headings.iter().map(|h| h.text.as_str()).collect())
            .unwrap_or_default(),
        k: kind,
        s: summary,
        t: title,
        u: url,
        y: if one_year { &[] } else { years },
    };
    serde_json::to_string(&entry).unwrap_or_default()
}

/// The index of every page. Each entry is made and written out on its own,
/// in parallel, and the text joined: `{"pages":[...],"v":1}` as serde would
/// write the whole, without holding every entry as a value at once.
pub fn index(model: &Model, outlines: &crate::markdown::Outlines) -> OutputFile {
    // A one-year program has no years to tell apart (SPEC 8).
    let one_year = model.program.years == 1;
    let mut entries: Vec<String> = model
        .years
        .iter()
        .map(|y| {
            entry(
                &y.title,
                &routes::year(y.number),
                "Syllabus",
                &[y.number],
                y.summary.as_deref(),
                y.source.as_ref(),
                outlines,
                one_year,
            )
        })
        .collect();
    let items: Vec<Item> = model.all_items().collect();
    entries.par_extend(items.par_iter().map(|&item| {
        let summary = match item.collection {
            Collection::Modules => model.modules[item.index].summary.as_deref(),
            Collection::People => model.people[item.index].role.as_deref(),
            _ => None,
        };
        entry(
            model.title(item),
            &routes::item(model, item),
            item.collection.label(),
            &model.years_of(item),
            summary,
            Some(model.source(item)),
            outlines,
            one_year,
        )
    }));
    for (i, m) in model.modules.iter().enumerate() {
        let url = routes::item(model, Item::module(i));
        for sp in &m.self_paced {
            entries.push(entry(
                &sp.title,
                &url,
                "Self-paced",
                &[m.year],
                Some(sp.provider.as_deref().unwrap_or(&m.title)),
                None,
                outlines,
                one_year,
            ));
        }
    }
    for o in &model.program.outcomes {
        let o = &o.value;
        entries.push(entry(
            &o.statement,
            &routes::outcome(&o.id.value),
            "Outcome",
            &[],
            o.measure.as_deref(),
            None,
            outlines,
            one_year,
        ));
    }
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
