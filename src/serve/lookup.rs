//! What a request path names in the served site ([`lookup`], pure and
//! unit-tested): the path decoded, never climbing out of the site, a folder
//! asked without its slash redirected; and the type of what is sent.

/// Decodes `%XX` escapes; `None` for malformed ones or invalid UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// What a request path names in the served site.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Lookup {
    /// This file.
    File(String),
    /// A folder asked without its slash: redirect here.
    Redirect(String),
    /// Nothing (including any path that tries to climb out).
    NotFound,
}

/// Maps a request URL to a file of the site. Pure, so it is unit-tested.
pub(crate) fn lookup(url: &str, exists: impl Fn(&str) -> bool) -> Lookup {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let Some(decoded) = percent_decode(path) else {
        return Lookup::NotFound;
    };
    let mut parts = Vec::new();
    for seg in decoded.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => return Lookup::NotFound,
            s if s.contains('\0') => return Lookup::NotFound,
            s => parts.push(s),
        }
    }
    let rel = parts.join("/");
    if rel.is_empty() {
        return if exists("index.html") {
            Lookup::File("index.html".into())
        } else {
            Lookup::NotFound
        };
    }
    if decoded.ends_with('/') {
        let index = format!("{rel}/index.html");
        return if exists(&index) {
            Lookup::File(index)
        } else {
            Lookup::NotFound
        };
    }
    if exists(&rel) {
        Lookup::File(rel)
    } else if exists(&format!("{rel}/index.html")) {
        Lookup::Redirect(format!("/{rel}/"))
    } else {
        Lookup::NotFound
    }
}

/// The `Content-Type` of a file of the site, by its extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "ics" => "text/calendar; charset=utf-8",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_never_leaves_the_site() {
        let exists = |p: &str| ["index.html", "modules/index.html", "a b.txt"].contains(&p);
        assert_eq!(lookup("/", exists), Lookup::File("index.html".into()));
        assert_eq!(
            lookup("/modules/", exists),
            Lookup::File("modules/index.html".into())
        );
        assert_eq!(
            lookup("/modules", exists),
            Lookup::Redirect("/modules/".into())
        );
        assert_eq!(lookup("/a%20b.txt", exists), Lookup::File("a b.txt".into()));
        assert_eq!(lookup("/../Cargo.toml", exists), Lookup::NotFound);
        assert_eq!(lookup("/%2e%2e/Cargo.toml", exists), Lookup::NotFound);
        assert_eq!(
            lookup("/modules/..%2f..%2fCargo.toml", exists),
            Lookup::NotFound
        );
        assert_eq!(lookup("/%zz", exists), Lookup::NotFound);
    }
}
