//! Answering requests for `cairn serve`: files of the in-memory site, pages
//! with the reload script (and the overlay) put in, and the reload channel,
//! a long poll (`/__cairn/poll?since=N`). A waiting poll is parked rather
//! than given a thread: the build that passes it answers it, or the sweep
//! after [`POLL_WAIT`]. So a few workers serve any number of open pages; with
//! a thread per request, the load test's 50 clients kept 80 threads and a
//! quarter more memory than the first build (issue 31).

use super::State;
use super::lookup::{Lookup, content_type, lookup};
use std::time::{Duration, Instant};

/// The address pages poll for new builds: `/__cairn/poll?since=N`.
pub(crate) const POLL: &str = "/__cairn/poll";

/// How long a poll waits before answering `wait N`.
const POLL_WAIT: Duration = Duration::from_secs(20);

/// A poll waiting for the build after `since`.
#[derive(Debug)]
struct Parked {
    since: u64,
    until: Instant,
    request: tiny_http::Request,
}

/// The build number and the polls waiting past it, under one lock, so a
/// build never slips between a poll's look at the number and its parking.
#[derive(Debug, Default)]
pub(super) struct Reload {
    /// Raised after every rebuild (good or bad).
    version: u64,
    parked: Vec<Parked>,
}

/// Answers a poll: `reload N` (a build after the page's) or `wait N`.
fn answer(request: tiny_http::Request, text: String) {
    let response = tiny_http::Response::from_string(text)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

impl State {
    fn reload(&self) -> std::sync::MutexGuard<'_, Reload> {
        self.reload
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Tells every waiting page that a new build is there.
    pub(crate) fn broadcast(&self) {
        let (now, woken) = {
            let mut reload = self.reload();
            reload.version += 1;
            let now = reload.version;
            // A page may claim a build from the future: it waits on.
            let (woken, waiting) = std::mem::take(&mut reload.parked)
                .into_iter()
                .partition(|p| p.since < now);
            reload.parked = waiting;
            (now, woken)
        };
        // Answered on a thread of their own: a page that does not read its
        // answers must never hold up the watcher, and with it the rebuilds.
        if !woken.is_empty() {
            std::thread::spawn(move || {
                for poll in woken {
                    answer(poll.request, format!("reload {now}"));
                }
            });
        }
    }

    fn version(&self) -> u64 {
        self.reload().version
    }

    /// Answers a poll at once when a build after `since` is there, else
    /// parks it until one is (or [`POLL_WAIT`] passes).
    fn poll(&self, since: u64, request: tiny_http::Request) {
        let mut reload = self.reload();
        let now = reload.version;
        if now > since {
            drop(reload);
            answer(request, format!("reload {now}"));
        } else {
            reload.parked.push(Parked {
                since,
                until: Instant::now() + POLL_WAIT,
                request,
            });
        }
    }

    /// Answers `wait N` to the polls that have waited [`POLL_WAIT`], so no
    /// browser or proxy gives up on a silent request.
    pub(super) fn sweep(&self) {
        let (now, expired) = {
            let mut reload = self.reload();
            let at = Instant::now();
            let (expired, waiting) = std::mem::take(&mut reload.parked)
                .into_iter()
                .partition(|p| p.until <= at);
            reload.parked = waiting;
            (reload.version, expired)
        };
        for poll in expired {
            answer(poll.request, format!("wait {now}"));
        }
    }
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The overlay's own style. Every colour is set on every element, so no rule
/// of the theme or of a site's templates (a `pre` background, say) can leave
/// light text on a light box; the panel is dark in both colour schemes.
const OVERLAY_CSS: &str = "#cairn-overlay{position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;background:#1d1d1f;color:#f5f5f7;padding:1rem;margin:0;z-index:2147483647;border-top:4px solid #ff6961;box-shadow:0 -2px 12px rgba(0,0,0,.4)}#cairn-overlay:focus{outline:3px solid #ffd60a;outline-offset:-3px}#cairn-overlay p{margin:0 0 .5rem;padding:0;background:transparent;color:#f5f5f7;font:600 1rem/1.4 system-ui,sans-serif}#cairn-overlay pre{margin:0;padding:0;border:0;background:transparent;color:#f5f5f7;white-space:pre-wrap;overflow-wrap:anywhere;font:0.85rem/1.4 ui-monospace,monospace}";

/// The reload script, and the overlay when the last build failed.
fn injection(version: u64, overlay: Option<&str>, title: Option<&str>) -> String {
    let mut s = format!(
        "<script>(function(){{var v={version};function poll(){{fetch(\"{POLL}?since=\"+v,{{cache:\"no-store\"}}).then(function(r){{return r.text();}}).then(function(t){{var p=t.split(\" \");if(p[0]===\"reload\")location.reload();else{{v=+p[1];poll();}}}}).catch(function(){{setTimeout(poll,1000);}});}}poll();}})();</script>"
    );
    if let Some(text) = overlay {
        s.push_str(&format!(
            "<style>{OVERLAY_CSS}</style><section id=\"cairn-overlay\" role=\"alert\" aria-labelledby=\"cairn-overlay-title\" tabindex=\"0\"><p id=\"cairn-overlay-title\">{}</p><pre>{}</pre></section>",
            escape_html(title.unwrap_or_else(|| {
                crate::i18n::english()
                    .get("overlay.title")
                    .map_or("", String::as_str)
            })),
            escape_html(text)
        ));
    }
    s
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

pub(super) fn respond(state: &State, request: tiny_http::Request) {
    let url = request.url().to_string();
    if let Some(query) = url.strip_prefix(POLL) {
        let since = query
            .strip_prefix("?since=")
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        state.poll(since, request);
        return;
    }
    let site = match state.site.read() {
        Ok(site) => site,
        Err(poisoned) => poisoned.into_inner(),
    };
    let found = lookup(&url, |p| site.files.contains_key(p));
    let (status, path) = match found {
        Lookup::File(p) => (200, Some(p)),
        Lookup::Redirect(to) => {
            let r = tiny_http::Response::empty(301).with_header(header("Location", &to));
            drop(site);
            let _ = request.respond(r);
            return;
        }
        Lookup::NotFound => (
            404,
            site.files
                .contains_key("404.html")
                .then(|| "404.html".to_string()),
        ),
    };
    let Some(path) = path else {
        drop(site);
        let _ =
            request.respond(tiny_http::Response::from_string("not found").with_status_code(404));
        return;
    };
    let bytes = site.files.get(&path).cloned().unwrap_or_default();
    // One copy of the page with the script put in before `</body>` (it was
    // copied twice, through a `String`: 8 MiB per request of a 4 MiB page).
    let body = if path.ends_with(".html") {
        let extra = injection(
            state.version(),
            site.overlay.as_deref(),
            site.overlay_title.as_deref(),
        );
        drop(site);
        let at = bytes
            .windows(b"</body>".len())
            .rposition(|w| w == b"</body>")
            .unwrap_or(bytes.len());
        let mut body = Vec::with_capacity(bytes.len() + extra.len());
        body.extend_from_slice(&bytes[..at]);
        body.extend_from_slice(extra.as_bytes());
        body.extend_from_slice(&bytes[at..]);
        body
    } else {
        drop(site);
        bytes.to_vec()
    };
    let response = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type(&path)))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}
