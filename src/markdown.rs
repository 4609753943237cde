//! Markdown bodies: the options cairn uses (SPEC 4), heading ids by GitHub's
//! rule, and the links and images a body holds with their file positions.
//! Bodies are scanned once here; validation and rendering share the result.

use crate::diagnostics::Pos;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;

/// The `CommonMark` extensions of SPEC 4.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A heading of a body.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// Its text, e.g. `Implicit & Structural Bias`.
    pub text: String,
    /// Its id, e.g. `implicit--structural-bias`.
    pub id: String,
}

/// A link or image destination written in a body.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// As written, e.g. `@/modules/allyship.md#tools`.
    pub dest: String,
    /// True for `![alt](src)`.
    pub image: bool,
    /// For images: true when the alt text is empty.
    pub empty_alt: bool,
    /// Where the destination is written in the file.
    pub pos: Pos,
    /// Where the whole link or image starts (the `[` or `!`).
    pub start: Pos,
}

/// What validation and rendering need to know of a body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    /// Headings in order, ids made unique.
    pub headings: Vec<Heading>,
    /// Links and images in order.
    pub links: Vec<Link>,
    /// The first words of the body's text, for the search index.
    pub excerpt: String,
}

/// Every body's outline by file path, scanned once and shared by validation
/// and rendering.
pub type Outlines = HashMap<String, Outline>;

/// Words of body text kept in [`Outline::excerpt`].
pub const EXCERPT_WORDS: usize = 30;

/// GitHub's heading id: lowercase; keep letters, digits, spaces, hyphens and
/// underscores; spaces become hyphens.
pub fn slug(text: &str) -> String {
    let keep = |c: char| c.is_alphanumeric() || c == ' ' || c == '-' || c == '_';
    let dash = |c: char| if c == ' ' { '-' } else { c };
    // Most headings are ASCII, whose lowercase is one byte each.
    if text.is_ascii() {
        return text
            .chars()
            .map(|c| c.to_ascii_lowercase())
            .filter(|&c| keep(c))
            .map(dash)
            .collect();
    }
    text.chars()
        .flat_map(char::to_lowercase)
        .filter(|&c| keep(c))
        .map(dash)
        .collect()
}

/// The ids the default theme gives its own elements on a page that may show
/// a body (`themes/default/templates`; a test holds this list to them). A
/// heading that would take one is renamed, so that no page holds an id twice
/// (SPEC 9.1).
pub const THEME_IDS: &[&str] = &[
    "main",
    "home-link",
    "next-up",
    "next-up-heading",
    "sessions-heading",
    "sessions-note",
    "session-list",
    "session-agenda",
    "subscribe",
    "download",
    "how",
    "months",
    "map-caption",
    "sections",
    "search-input",
    "search-status",
    "search-results",
    "search-year",
    "search-kind",
    "cairn-texts",
];

/// The ids the theme makes from data, by their shape: months (`2025-09`),
/// outcomes (`outcome-ID`), agenda days (`session-agenda-N`), the map's
/// years (`map-year-N`, `map-year-N-caption`), a module's self-paced items
/// (`self-paced-N`, what search links to) and the
/// footnotes of a body (`fn-LABEL`, see [`footnote_id`]).
fn theme_owns(id: &str) -> bool {
    let b = id.as_bytes();
    let month = b.len() == 7
        && b[4] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit());
    month
        || THEME_IDS.contains(&id)
        || [
            "outcome-",
            "session-agenda-",
            "map-year-",
            "self-paced-",
            "fn-",
        ]
        .iter()
        .any(|p| id.starts_with(p))
}

/// A footnote's id from its label: `fn-` and the label's slug, a prefix no
/// heading id takes.
pub fn footnote_id(label: &str) -> String {
    format!("fn-{}", slug(label))
}

/// Makes heading ids unique the way GitHub does: `-1`, `-2`... on repeats.
/// An empty id becomes `section`, and one the theme owns (see
/// [`THEME_IDS`]) is prefixed `section-`, explicit `{#id}`s too.
#[derive(Debug, Default)]
pub struct Slugs {
    seen: HashMap<String, usize>,
}

impl Slugs {
    /// The id for the next heading with base id `base`.
    pub fn unique(&mut self, base: String) -> String {
        let base = if base.is_empty() {
            "section".to_string()
        } else if theme_owns(&base) {
            format!("section-{base}")
        } else {
            base
        };
        let Some(&count) = self.seen.get(&base) else {
            self.seen.insert(base.clone(), 0);
            return base;
        };
        let mut n = count;
        loop {
            n += 1;
            let candidate = format!("{base}-{n}");
            if !self.seen.contains_key(&candidate) && !theme_owns(&candidate) {
                self.seen.insert(base, n);
                self.seen.insert(candidate.clone(), 0);
                return candidate;
            }
        }
    }
}

/// Scans `body` (whose first line is line `body_line` of its file).
pub fn outline(body: &str, body_line: u32) -> Outline {
    scan(body, body_line, true)
}

/// [`outline`] without the excerpt, which only the search index shows
/// (`check` renders nothing).
pub fn outline_for_check(body: &str, body_line: u32) -> Outline {
    scan(body, body_line, false)
}

fn scan(body: &str, body_line: u32, excerpt: bool) -> Outline {
    let mut out = Outline::default();
    let mut slugs = Slugs::default();
    let mut heading: Option<(u8, Option<String>, String)> = None;
    let mut image: Option<(String, usize, usize, String)> = None;
    let mut lines = LineIndex::new(body);
    // The body's text as one string: pulldown-cmark splits a word's text at
    // smart quotes and emphasis (`person`, `’`, `s`), so pieces are joined as
    // they come and a space goes only where the Markdown has one (a line
    // break, the end of a block).
    let mut prose = String::new();
    // Without an excerpt, as if its words were already there.
    let mut spaces = if excerpt { 0 } else { EXCERPT_WORDS + 1 };
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        if spaces > EXCERPT_WORDS {
            // Enough words for the excerpt: only headings and links remain.
        } else {
            match &event {
                Event::Text(t) | Event::Code(t) => {
                    spaces += t.matches(char::is_whitespace).count();
                    prose.push_str(t);
                }
                Event::SoftBreak | Event::HardBreak | Event::End(_) | Event::Start(_)
                    if !prose.is_empty() && !prose.ends_with(' ') && is_break(&event) =>
                {
                    prose.push(' ');
                    spaces += 1;
                }
                _ => {}
            }
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((
                    level_number(level),
                    id.map(|i| i.to_string()),
                    String::new(),
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, text)) = heading.take() {
                    let id = match explicit {
                        Some(id) => slugs.unique(id),
                        None => slugs.unique(slug(text.trim())),
                    };
                    out.headings.push(Heading {
                        level,
                        text: text.trim().to_string(),
                        id,
                    });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
                if let Some((_, _, _, alt)) = image.as_mut() {
                    alt.push_str(&t);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let at = find_dest(body, range.clone(), &dest_url);
                // The start first: `lines` moves forward through the body.
                let start = lines.pos(range.start, body_line, 1);
                out.links.push(Link {
                    dest: dest_url.to_string(),
                    image: false,
                    empty_alt: false,
                    pos: lines.pos(at, body_line, dest_url.chars().count()),
                    start,
                });
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let at = find_dest(body, range.clone(), &dest_url);
                image = Some((dest_url.to_string(), at, range.start, String::new()));
            }
            Event::End(TagEnd::Image) => {
                if let Some((dest, at, start, alt)) = image.take() {
                    let len = dest.chars().count();
                    let start = lines.pos(start, body_line, 1);
                    out.links.push(Link {
                        empty_alt: alt.trim().is_empty(),
                        dest,
                        image: true,
                        pos: lines.pos(at, body_line, len),
                        start,
                    });
                }
            }
            _ => {}
        }
    }
    let mut words = prose.split_whitespace();
    out.excerpt = words
        .by_ref()
        .take(EXCERPT_WORDS)
        .collect::<Vec<_>>()
        .join(" ");
    if words.next().is_some() {
        out.excerpt.push('…');
    }
    out
}

/// True for the events between which text is not joined: line breaks and
/// the bounds of blocks (a paragraph, a heading, a list item, a table cell).
fn is_break(event: &Event<'_>) -> bool {
    let block = |tag: &TagEnd| {
        !matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript
        )
    };
    match event {
        Event::SoftBreak | Event::HardBreak => true,
        Event::End(tag) => block(tag),
        Event::Start(tag) => block(&tag.to_end()),
        _ => false,
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Byte offset of a destination inside the link's source text: after `](`
/// for inline links, else anywhere (reference links), else the link's start.
fn find_dest(body: &str, range: std::ops::Range<usize>, dest: &str) -> usize {
    let text = body.get(range.clone()).unwrap_or("");
    if dest.is_empty() {
        return range.start;
    }
    let after = text.find("](").map_or(0, |i| i + 2);
    text[after..]
        .find(dest)
        .map(|i| range.start + after + i)
        .or_else(|| body.find(&format!("]: {dest}")).map(|i| i + 3))
        .unwrap_or(range.start)
}

/// Turns byte offsets into (line, column) with columns in characters. It
/// counts lines forward from the last offset asked (links come in order), so
/// a body is read only up to its last link, not indexed whole: on a big site
/// the index of every line of every body was a tenth of the scan.
struct LineIndex<'a> {
    text: &'a str,
    /// Lines (0-based) before `start`.
    line: usize,
    /// Where line `line` starts.
    start: usize,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            line: 0,
            start: 0,
        }
    }

    fn pos(&mut self, offset: usize, first_line: u32, len: usize) -> Pos {
        if offset < self.start {
            // Backwards (a reference link's definition): count from the top.
            self.line = 0;
            self.start = 0;
        }
        let passed = &self.text.as_bytes()[self.start..offset.min(self.text.len())];
        if let Some(last) = memchr::memrchr(b'\n', passed) {
            // memchr's count: the compiler's own loop widened each byte to
            // a 64-bit counter, four bytes a step, and was a twentieth of
            // `check`.
            let lines = memchr::memchr_iter(b'\n', &passed[..=last]).count();
            self.line += lines;
            self.start += last + 1;
        }
        let (line, start) = (self.line, self.start);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        Pos {
            line: first_line + line as u32,
            column: column as u32,
            len: len as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ids_never_take_the_themes_ids_nor_each_others() {
        let o = outline(
            "# Main\n\n## Next up\n\n## 2025-09\n\n## ???\n\n## !!\n\n\
             ## X {#how}\n\n## Y {#fn-1}\n\n## Outcome lead\n\n## outcome-lead {#outcome-lead}\n\n\
             ## 2025 {#2025}\n\n## 2025\n",
            1,
        );
        let ids: Vec<_> = o.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "section-main",
                "section-next-up",
                "section-2025-09",
                "section",
                "section-1",
                "section-how",
                "section-fn-1",
                "section-outcome-lead",
                "section-outcome-lead-1",
                "2025",
                "2025-1",
            ]
        );
        assert_eq!(footnote_id("My Note"), "fn-my-note");
    }

    #[test]
    fn the_theme_ids_list_holds_every_fixed_id_of_the_templates() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        for entry in std::fs::read_dir(dir).expect("templates") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("template");
            for part in text.split(" id=\"").skip(1) {
                let id = &part[..part.find('"').expect("closing quote")];
                if id.contains("{{") {
                    // Made from data: each shape is in `theme_owns`.
                    let stem = id.split("{{").next().unwrap_or_default();
                    assert!(
                        stem.is_empty() || theme_owns(&format!("{stem}1")),
                        "{}: the id shape {id} is not in theme_owns",
                        path.display()
                    );
                } else {
                    assert!(
                        theme_owns(id),
                        "{}: the id {id} is not in THEME_IDS",
                        path.display()
                    );
                }
            }
        }
    }

    #[test]
    fn github_heading_ids() {
        assert_eq!(
            slug("Implicit & Structural Bias"),
            "implicit--structural-bias"
        );
        assert_eq!(slug("Q&A: What's next?"), "qa-whats-next");
        let o = outline("# Intro\n\n## Intro\n\n## Intro\n\n## Custom {#mine}\n", 1);
        let ids: Vec<_> = o.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["intro", "intro-1", "intro-2", "mine"]);
    }

    #[test]
    fn excerpts_are_short_plain_text() {
        let body = "# Head\n\nSome *emphasised* words. ".to_string() + &"word ".repeat(100);
        let e = outline(&body, 1).excerpt;
        assert!(e.starts_with("Head Some emphasised words."));
        assert_eq!(e.split_whitespace().count(), EXCERPT_WORDS);
        assert!(e.ends_with('…'));
    }

    #[test]
    fn excerpts_keep_words_whole_at_quotes_and_emphasis() {
        let e = outline(
            "It's one person's head, \"quoted\" and **bold**ly *split*.\nNext line.\n\n- item\n",
            1,
        )
        .excerpt;
        assert_eq!(
            e,
            "It’s one person’s head, “quoted” and boldly split. Next line. item"
        );
    }

    #[test]
    fn check_scans_all_but_the_excerpt() {
        let body = "# Été à l'Hôpital\n\nSee [x](@/modules/a.md#b) and ![](/y.png).\n\n## Été à l'Hôpital\n";
        let full = outline(body, 3);
        let lean = outline_for_check(body, 3);
        assert_eq!((&lean.headings, &lean.links), (&full.headings, &full.links));
        assert_eq!(lean.headings[1].id, "été-à-lhôpital-1");
        assert!(lean.excerpt.is_empty() && !full.excerpt.is_empty());
    }

    #[test]
    fn links_carry_file_positions() {
        let o = outline(
            "Intro.\n\nSee [the module](@/modules/allyship.md#tools) and ![](/x.png).\n",
            5,
        );
        assert_eq!(o.links[0].dest, "@/modules/allyship.md#tools");
        assert_eq!((o.links[0].pos.line, o.links[0].pos.column), (7, 18));
        assert!(o.links[1].image && o.links[1].empty_alt);
        assert_eq!((o.links[1].pos.line, o.links[1].pos.column), (7, 55));
        assert_eq!(o.links[1].start.column, 51);
    }
}
