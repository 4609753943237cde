//! Markdown bodies to HTML: SPEC 4's extensions, heading ids by GitHub's
//! rule, and internal links (`@/...`, relative `.md`, `/static`) rewritten to
//! relative URLs from the page that shows them, as validation resolved them
//! ([`PageLinks`]): nothing here resolves a link or reads the disk.
//!
//! A page has one `<h1>`, its title. A body that uses `#` headings has them
//! shown as `<h2>`, and its deeper headings one level down with them
//! (`######` stays `<h6>`); a body that starts at `##` is shown as written.
//! Task-list checkboxes are named ("Done", "Not done") for screen readers.

use crate::markdown::{Heading, options};
use crate::routes::links::{PageLinks, Target};
use pulldown_cmark::HeadingLevel;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd, html};
use std::collections::{HashMap, HashSet};

/// Renders `body` for a page whose root prefix is `root`. `headings` are
/// the body's headings from its outline (their ids follow the one rule in
/// [`crate::markdown`]); `None` scans the body for them. `links` are its
/// links as validation resolved them; a destination not among them is
/// written as it is. `tasks` name a task list's checkboxes for screen
/// readers, done and not done (`Done`, `Not done` in English).
pub fn to_html(
    body: &str,
    root: &str,
    headings: Option<&[Heading]>,
    links: Option<&PageLinks>,
    tasks: [&str; 2],
) -> String {
    let scanned;
    let headings = if let Some(h) = headings {
        h
    } else {
        scanned = crate::markdown::outline(body, 1).headings;
        &scanned
    };
    let mut next_heading = headings.iter();
    let events: Vec<Event<'_>> = Parser::new_ext(body, options()).collect();
    let mut out_events = Vec::with_capacity(events.len());
    let demote = events.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    });
    // Footnotes take `fn-` ids, which no heading takes; two labels with one
    // slug are told apart (`fn-a`, `fn-a-1`).
    let mut footnotes: HashMap<String, String> = HashMap::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut footnote = |label: &str| -> CowStr<'static> {
        // Labels match without regard to case, as pulldown-cmark matches them.
        let id = footnotes.entry(label.to_lowercase()).or_insert_with(|| {
            let base = crate::markdown::footnote_id(label);
            let mut id = base.clone();
            let mut n = 0;
            while taken.contains(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            taken.insert(id.clone());
            id
        });
        CowStr::from(id.clone())
    };
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::FootnoteReference(label) => {
                out_events.push(Event::FootnoteReference(footnote(label)));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                out_events.push(Event::Start(Tag::FootnoteDefinition(footnote(label))));
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                // Headings come in the same order as in the outline.
                let id = next_heading
                    .next()
                    .map(|h| h.id.clone())
                    .or_else(|| id.as_ref().map(ToString::to_string))
                    .unwrap_or_default();
                out_events.push(Event::Start(Tag::Heading {
                    level: if demote { lower(*level) } else { *level },
                    id: Some(CowStr::from(id)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                out_events.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: rewrite(links, dest_url, root).into(),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                out_events.push(Event::Start(Tag::Image {
                    link_type: *link_type,
                    dest_url: rewrite(links, dest_url, root).into(),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let mut code = String::new();
                while let Some(Event::Text(t)) = events.get(i + 1) {
                    code.push_str(t);
                    i += 1;
                }
                // Skip the end tag; the block is emitted whole.
                i += 1;
                out_events.push(Event::Html(
                    crate::highlight::code_block(&code, &lang).into(),
                ));
            }
            // Wide tables scroll inside a focusable, labelled region on phones.
            Event::Start(Tag::Table(_)) => {
                out_events.push(Event::Html(
                    "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table\">".into(),
                ));
                out_events.push(events[i].clone());
            }
            Event::End(TagEnd::Table) => {
                out_events.push(events[i].clone());
                out_events.push(Event::Html("</div>".into()));
            }
            Event::End(TagEnd::Heading(level)) if demote => {
                out_events.push(Event::End(TagEnd::Heading(lower(*level))));
            }
            Event::TaskListMarker(done) => {
                let (checked, name) = if *done {
                    (" checked", tasks[0])
                } else {
                    ("", tasks[1])
                };
                out_events.push(Event::InlineHtml(
                    format!("<input type=\"checkbox\" disabled{checked} aria-label=\"{name}\"> ")
                        .into(),
                ));
            }
            other => out_events.push(other.clone()),
        }
        i += 1;
    }
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, out_events.into_iter());
    out
}

/// One heading level further down, for bodies that use `#` (the page's
/// title is the only `<h1>`).
fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// A destination as the page at `root` must write it.
fn rewrite(links: Option<&PageLinks>, dest: &str, root: &str) -> String {
    match links.and_then(|l| l.get(dest)) {
        Some((Target::Page { url, .. }, anchor)) => {
            let base = crate::routes::link(root, url, false);
            match anchor {
                Some(a) if !a.is_empty() => format!("{base}#{a}"),
                _ => base,
            }
        }
        Some((Target::Static(file), _)) => format!("{root}{file}"),
        Some((Target::External, _)) | None => dest.to_string(),
    }
}
