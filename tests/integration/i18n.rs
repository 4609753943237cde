//! The interface language (SPEC 9.3): the kitchen-sink built in Spanish and
//! in French leaves none of the English table's texts on its pages and
//! calendars, a site's `i18n/es.toml` overrides a message, and one that
//! gives every message as `⟦key⟧` leaves no English word of the theme.

use crate::support::{build_into, copy_dir, fixture, temp};
use std::path::Path;

/// Every content file of `site`, one after another: the words a page may
/// show that are the site's own.
fn content_of(site: &Path) -> String {
    let mut content = String::new();
    for e in walkdir::WalkDir::new(site.join("content"))
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() {
            content.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
            content.push('\n');
        }
    }
    content
}

/// The kitchen-sink with `language: LANG` (and `extra` files), built.
fn build_in(lang: &str, extra: &[(&str, &str)]) -> (std::path::PathBuf, String) {
    let site = temp(&format!("i18n-site-{lang}"));
    copy_dir(&fixture("kitchen-sink"), &site);
    let program = site.join("content/_program.md");
    let text = std::fs::read_to_string(&program).expect("read");
    assert!(
        text.contains("language: en-US"),
        "the kitchen-sink names its language"
    );
    std::fs::write(
        &program,
        text.replace("language: en-US", &format!("language: {lang}")),
    )
    .expect("write");
    for (path, text) in extra {
        let path = site.join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    let content = content_of(&site);
    let out = temp(&format!("i18n-out-{lang}"));
    let o = build_into(&site, &out, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (out, content)
}

/// The parts of a message between its placeholders and tags, trimmed.
fn fragments(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut skip: Option<char> = None;
    for c in text.chars() {
        match (skip, c) {
            (None, '{') => (skip = Some('}'), parts.push(std::mem::take(&mut cur))).1,
            (None, '<') => (skip = Some('>'), parts.push(std::mem::take(&mut cur))).1,
            (Some(end), c) if c == end => skip = None,
            (Some(_), _) => {}
            (None, c) => cur.push(c),
        }
    }
    parts.push(cur);
    parts
        .into_iter()
        .map(|p| p.trim_matches(|c: char| " .,:;()".contains(c)).to_string())
        .filter(|p| p.chars().count() >= 3)
        .collect()
}

/// The texts a page shows: its text nodes and attribute values (HTML), or
/// its unfolded lines without their property name (iCalendar).
fn texts(path: &Path, file: &str) -> Vec<String> {
    if path.extension().is_some_and(|e| e == "ics") {
        let unfolded = file
            .replace("\r\n ", "")
            .replace("\\,", ",")
            .replace("\\;", ";");
        return unfolded
            .replace("\\n", "\n")
            .lines()
            .map(|l| l.split_once(':').map_or(l, |(_, v)| v).trim().to_string())
            .chain(unfolded.lines().map(|l| l.replace("\\n", " ")))
            .collect();
    }
    // Scripts' JSON (the schedule, JSON-LD, the script's texts) holds keys,
    // not texts shown as such.
    let mut no_scripts = String::new();
    let mut rest = file;
    while let Some(start) = rest.find("<script") {
        no_scripts.push_str(&rest[..start]);
        rest = rest[start..]
            .split_once("</script>")
            .map_or("", |(_, after)| after);
    }
    no_scripts.push_str(rest);
    let unescaped = no_scripts
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    unescaped
        .split(['<', '>', '"'])
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

fn assert_no_english_left(lang: &str, out: &Path, content: &str) {
    let table = cairn::i18n::Messages::built_in(lang);
    let own: std::collections::HashMap<&str, &str> = table.entries().collect();
    let own_fragments: std::collections::HashSet<String> =
        own.values().flat_map(|v| fragments(v)).collect();
    let mut english: Vec<(String, &str)> = Vec::new();
    for (key, text) in cairn::i18n::english() {
        if own.get(key.as_str()) == Some(&text.as_str()) {
            continue; // the same word in both languages
        }
        for f in fragments(text) {
            // A word the language shares ("Modules", "Mentor"), or one the
            // site's own content uses, cannot be told apart on the page.
            if !own_fragments.contains(&f) && !content.contains(&f) {
                english.push((f, key));
            }
        }
    }
    let mut left = Vec::new();
    for e in walkdir::WalkDir::new(out).into_iter().flatten() {
        let path = e.path();
        let rel = path
            .strip_prefix(out)
            .expect("inside")
            .to_string_lossy()
            .to_string();
        if !(rel.ends_with(".html") || rel.ends_with(".ics")) {
            continue;
        }
        let file = std::fs::read_to_string(path).expect("utf-8");
        for t in texts(path, &file) {
            for (f, key) in &english {
                if t == *f || t.starts_with(&format!("{f}:")) || t.starts_with(&format!("{f} (")) {
                    left.push(format!("{rel}: `{t}` ({key})"));
                }
            }
        }
    }
    left.sort();
    left.dedup();
    assert!(
        left.is_empty(),
        "English left in the {lang} build:\n{}",
        left.join("\n")
    );
}

#[test]
fn the_kitchen_sink_in_spanish_and_french_has_no_english_interface_text() {
    let (out, content) = build_in(
        "es",
        &[(
            "i18n/es.toml",
            "[home]\nresources = \"Recursos del programa\"\n",
        )],
    );
    assert_no_english_left("es", &out, &content);
    let home = std::fs::read_to_string(out.join("index.html")).expect("home");
    assert!(
        home.contains("<h2>Recursos del programa</h2>"),
        "the override shows"
    );
    assert!(
        home.contains("martes, 15 de septiembre de 2026"),
        "dates read in Spanish"
    );
    assert!(
        home.contains("id=\"cairn-texts\""),
        "the script's texts are on the page"
    );
    let (out, content) = build_in("fr", &[]);
    assert_no_english_left("fr", &out, &content);
    let home = std::fs::read_to_string(out.join("index.html")).expect("home");
    assert!(
        home.contains("mardi 15 septembre 2026"),
        "dates read in French"
    );
}

/// The attributes a browser shows or reads out.
const SHOWN: [&str; 6] = [
    "alt",
    "title",
    "aria-label",
    "placeholder",
    "data-option",
    "content",
];

/// What a reader meets on a page: its text nodes and the attributes a
/// browser shows or reads out (scripts, styles, tag and class names and
/// addresses left out); for a calendar, the values of its texts' lines.
fn shown(path: &Path, file: &str) -> Vec<String> {
    if path.extension().is_some_and(|e| e == "ics") {
        let unfolded = file.replace("\r\n ", "");
        return unfolded
            .lines()
            .filter_map(|l| l.split_once(':'))
            .filter(|(name, _)| {
                let name = name.split(';').next().unwrap_or("");
                [
                    "SUMMARY",
                    "DESCRIPTION",
                    "LOCATION",
                    "X-WR-CALNAME",
                    "X-WR-CALDESC",
                ]
                .contains(&name)
            })
            .map(|(_, v)| v.replace("\\n", " "))
            .collect();
    }
    let mut out = Vec::new();
    let mut rest = file;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            out.push(rest.to_string());
            break;
        };
        out.push(rest[..open].to_string());
        rest = &rest[open..];
        for (start, end) in [
            ("<script", "</script>"),
            ("<style", "</style>"),
            ("<!--", "-->"),
        ] {
            if rest.starts_with(start) {
                rest = rest.split_once(end).map_or("", |(_, after)| after);
            }
        }
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[..close];
        rest = &rest[close + 1..];
        // A meta's `content` is shown only as the page's description.
        let described = !tag.starts_with("<meta") || tag.contains("description");
        let mut attrs = tag;
        while let Some(eq) = attrs.find("=\"") {
            let name = attrs[..eq].rsplit(' ').next().unwrap_or("");
            let value_and_rest = &attrs[eq + 2..];
            let Some(q) = value_and_rest.find('"') else {
                break;
            };
            if SHOWN.contains(&name) && (name != "content" || described) {
                out.push(value_and_rest[..q].to_string());
            }
            attrs = &value_and_rest[q + 1..];
        }
    }
    out.into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// Every `{name}` of a message, in order, so a replacement keeps them.
fn placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push_str(&rest[start..=start + len]);
        rest = &rest[start + len + 1..];
    }
    out
}

/// The words of a text, lowercased: letters only, three or more.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
}

/// Issue 29's acceptance: every string a page shows comes from the table.
/// The kitchen-sink in `de` (a language cairn has no table for) with an
/// `i18n/de.toml` that gives every message as `⟦key⟧` shows no word of the
/// English table on any page, calendar or search text, but for words its own
/// content uses. German dates come from CLDR. Giving every message also
/// silences W0316.
#[test]
fn every_text_a_page_shows_comes_from_the_message_table() {
    let english = cairn::i18n::english();
    let mut keys: Vec<&String> = english.keys().collect();
    keys.sort();
    let mut table = String::new();
    for key in keys {
        let text = &english[key];
        table.push_str(&format!("{key} = \"⟦{key}⟧{}\"\n", placeholders(text)));
    }
    let site = temp("i18n-keys-site");
    copy_dir(&fixture("kitchen-sink"), &site);
    let program = site.join("content/_program.md");
    let text = std::fs::read_to_string(&program).expect("read");
    std::fs::write(&program, text.replace("language: en-US", "language: de")).expect("write");
    std::fs::create_dir_all(site.join("i18n")).expect("mkdir");
    std::fs::write(site.join("i18n/de.toml"), table).expect("write");
    let content = content_of(&site);
    let out = temp("i18n-keys-out");
    let o = build_into(&site, &out, &[]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        !stderr.contains("W0316") && !stderr.contains("W0112") && !stderr.contains("W0113"),
        "a table that gives every message is taken whole:\n{stderr}"
    );
    let own: std::collections::HashSet<String> = words(&content).collect();
    // The tool's own name is no English word.
    let english_words: std::collections::HashSet<String> = english
        .values()
        .flat_map(|v| fragments(v))
        .flat_map(|f| words(&f).collect::<Vec<_>>())
        .filter(|w| !own.contains(w) && w != "cairn")
        .collect();
    assert!(
        english_words.len() > 100,
        "the test looks for {} words only",
        english_words.len()
    );
    let mut left = Vec::new();
    let mut pages = 0;
    for e in walkdir::WalkDir::new(&out).into_iter().flatten() {
        let path = e.path();
        let rel = path
            .strip_prefix(&out)
            .expect("inside")
            .to_string_lossy()
            .to_string();
        if !(rel.ends_with(".html") || rel.ends_with(".ics")) {
            continue;
        }
        pages += 1;
        let file = std::fs::read_to_string(path).expect("utf-8");
        // An address shown to be copied is no text to translate.
        for t in shown(path, &file)
            .into_iter()
            .filter(|t| !t.contains("://"))
        {
            // What the table gave, `⟦key⟧`, is not English.
            let mut shown = String::new();
            let mut rest = t.as_str();
            while let Some(start) = rest.find('⟦') {
                shown.push_str(&rest[..start]);
                rest = rest[start..].split_once('⟧').map_or("", |(_, after)| after);
            }
            shown.push_str(rest);
            for w in words(&shown) {
                if english_words.contains(&w) {
                    left.push(format!("{rel}: `{w}` in `{t}`"));
                }
            }
        }
    }
    assert!(pages > 50, "{pages} pages and calendars");
    left.sort();
    left.dedup();
    assert!(
        left.is_empty(),
        "English words outside the content ({}):\n{}",
        left.len(),
        left.iter().take(80).cloned().collect::<Vec<_>>().join("\n")
    );
    // The search page's script texts come from the table too.
    let search = std::fs::read_to_string(out.join("search/index.html")).expect("search");
    assert!(
        search.contains("⟦script.search.results.other⟧{n}")
            && search.contains("⟦script.kinds.session⟧"),
        "the search script's texts are on its page"
    );
}
