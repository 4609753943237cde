//! `search-index.json`: for every page its title, URL, kind, years, summary,
//! headings and a short excerpt (never the whole body), kept compact with
//! one-letter keys that `assets/search.js` reads.

use super::OutputFile;
use crate::content::Collection;
use crate::model::Item;
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
    for (i, m) in model.modules.iter().enumerate() {
        entries.push(entry(
            &m.title,
            &routes::item(
                model,
                Item {
                    collection: Collection::Modules,
                    index: i,
                },
            ),
            "Module",
            &[m.year],
            m.summary.as_deref(),
            Some(&m.source),
            outlines,
        ));
    }
    for (i, s) in model.sessions.iter().enumerate() {
        entries.push(entry(
            &s.title,
            &routes::item(
                model,
                Item {
                    collection: Collection::Sessions,
                    index: i,
                },
            ),
            "Session",
            &s.years,
            None,
            Some(&s.source),
            outlines,
        ));
    }
    for (i, r) in model.readings.iter().enumerate() {
        let years: Vec<u8> = r
            .sessions
            .iter()
            .flat_map(|&s| model.sessions[s].years.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        entries.push(entry(
            &r.title,
            &routes::item(
                model,
                Item {
                    collection: Collection::Readings,
                    index: i,
                },
            ),
            "Reading",
            &years,
            None,
            Some(&r.source),
            outlines,
        ));
    }
    for (i, p) in model.prompts.iter().enumerate() {
        entries.push(entry(
            &p.title,
            &routes::item(
                model,
                Item {
                    collection: Collection::Prompts,
                    index: i,
                },
            ),
            "Prompt",
            &[],
            None,
            Some(&p.source),
            outlines,
        ));
    }
    for (i, p) in model.people.iter().enumerate() {
        entries.push(entry(
            &p.name,
            &routes::item(
                model,
                Item {
                    collection: Collection::People,
                    index: i,
                },
            ),
            "Person",
            &[],
            p.role.as_deref(),
            Some(&p.source),
            outlines,
        ));
    }
    for (i, p) in model.projects.iter().enumerate() {
        entries.push(entry(
            &p.title,
            &routes::item(
                model,
                Item {
                    collection: Collection::Projects,
                    index: i,
                },
            ),
            "Project",
            &[p.year],
            None,
            Some(&p.source),
            outlines,
        ));
    }
    for (i, p) in model.pages.iter().enumerate() {
        entries.push(entry(
            &p.title,
            &routes::item(
                model,
                Item {
                    collection: Collection::Pages,
                    index: i,
                },
            ),
            "Page",
            &[],
            None,
            Some(&p.source),
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
