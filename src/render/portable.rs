//! The portable form of the output (`cairn build --portable`, or
//! `portable: true`): for sites opened from disk (`file://`) or put on hosts
//! that do not answer `folder/` with `folder/index.html` (shared drives, some
//! intranets). Every internal link names its file, and the search index is
//! also written as a script, because a browser will not `fetch` a local file.

use super::OutputFile;
use crate::routes;

/// The search index as a script that sets `window.cairnSearchIndex`; the
/// search page loads it with `<script>` in the portable form.
pub fn search_script(index: &OutputFile) -> OutputFile {
    let mut bytes = b"window.cairnSearchIndex=".to_vec();
    bytes.extend_from_slice(&index.bytes);
    bytes.extend_from_slice(b";\n");
    OutputFile {
        path: routes::SEARCH_SCRIPT.into(),
        bytes,
    }
}

/// `html` with every relative link to a folder (`sessions/`, `../`, `./`,
/// `../#top`) made to name the folder's `index.html`. Links with a scheme,
/// absolute paths and same-page anchors are left alone.
pub fn name_files(html: &str) -> String {
    const ATTR: &str = "href=\"";
    let mut out = String::with_capacity(html.len() + html.len() / 32);
    let mut rest = html;
    while let Some(at) = rest.find(ATTR) {
        let value_start = at + ATTR.len();
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        let end = rest.find('"').unwrap_or(rest.len());
        out.push_str(&routes::portable_link(&rest[..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_links_name_their_index() {
        assert_eq!(routes::portable_link("sessions/"), "sessions/index.html");
        assert_eq!(routes::portable_link("../"), "../index.html");
        assert_eq!(routes::portable_link("./"), "./index.html");
        assert_eq!(routes::portable_link(".."), "../index.html");
        assert_eq!(
            routes::portable_link("../../modules/x/#tools"),
            "../../modules/x/index.html#tools"
        );
        assert_eq!(
            routes::portable_link("year-1/?q=a"),
            "year-1/index.html?q=a"
        );
    }

    #[test]
    fn other_links_stay() {
        for url in [
            "#main",
            "https://example.org/a/",
            "mailto:a@b.org",
            "webcal://example.org/calendar.ics",
            "/abs/",
            "sessions/x/session.ics",
            "../assets/cairn.css",
            "",
        ] {
            assert_eq!(routes::portable_link(url), url);
        }
    }

    #[test]
    fn rewrites_every_href_and_nothing_else() {
        let html = r##"<a href="sessions/">S</a> <p>text</p><link href="../assets/cairn.css"><a href="#a">A</a>"##;
        assert_eq!(
            name_files(html),
            r##"<a href="sessions/index.html">S</a> <p>text</p><link href="../assets/cairn.css"><a href="#a">A</a>"##
        );
    }
}
