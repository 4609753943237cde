//! The interface language (SPEC 9.3): the kitchen-sink built in Spanish and
//! in French leaves none of the English table's texts on its pages and
//! calendars, and a site's `i18n/es.toml` overrides a message.

use crate::support::{build_into, copy_dir, fixture, temp};
use std::path::Path;

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
    let mut content = String::new();
    for e in walkdir::WalkDir::new(site.join("content"))
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() {
            content.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
        }
    }
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
        // The search page is Pagefind's (issue 29, point 4), rewritten there.
        if rel.starts_with("search/") || !(rel.ends_with(".html") || rel.ends_with(".ics")) {
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
