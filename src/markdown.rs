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

/// Makes heading ids unique the way GitHub does: `-1`, `-2`... on repeats.
#[derive(Debug, Default)]
pub struct Slugs {
    seen: HashMap<String, usize>,
}

impl Slugs {
    /// The id for the next heading with base id `base`.
    pub fn unique(&mut self, base: String) -> String {
        let Some(&count) = self.seen.get(&base) else {
            self.seen.insert(base.clone(), 0);
            return base;
        };
        let mut n = count;
        loop {
            n += 1;
            let candidate = format!("{base}-{n}");
            if !self.seen.contains_key(&candidate) {
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
