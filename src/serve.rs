//! `cairn serve`: build in memory, serve the result on 127.0.0.1 with
//! `tiny_http`, rebuild when `content/`, `static/`, `templates/` or
//! `archive/` change (checking the past years again only for the last), and
//! tell open pages to reload. Pages learn of a new build by long polling (a
//! request that waits until the build after the one they show): `tiny_http`
//! buffers streamed bodies, so server-sent events would arrive late, and
//! long polling needs nothing but ordinary responses; [`respond`] answers
//! requests on a few workers and parks waiting polls. A failed rebuild keeps
//! the last good site and shows its diagnostics in an overlay on every page.
//! What to rebuild is the pipeline's business ([`pipeline::check`], and
//! [`pipeline::update_bodies`] for an edit of Markdown bodies only); this
//! module serves, watches and reloads.
//! Only files of the built site are served: request paths are looked up in
//! the in-memory site, never on disk.

use crate::pipeline::{self, Options};
use crate::render::{self, RenderOptions};
use crate::watch::Changes;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

mod lookup;
mod respond;

/// Threads answering requests: pages are served from memory and waiting
/// polls are parked, so a few serve any number of open pages.
const WORKERS: usize = 8;

/// How often polls that have waited long enough are answered.
const SWEEP: std::time::Duration = std::time::Duration::from_secs(1);

/// The site as the server shows it.
#[derive(Debug, Default)]
pub(crate) struct Served {
    /// Output files by path, e.g. `modules/x/index.html`.
    pub files: HashMap<String, Arc<Vec<u8>>>,
    /// Diagnostics of the last failed build, as text.
    pub overlay: Option<String>,
    /// The overlay's title in the served site's language (`overlay.title`);
    /// English until a build has been served.
    pub overlay_title: Option<String>,
}

/// Shared between the server threads and the watcher.
#[derive(Debug, Default)]
pub(crate) struct State {
    /// What is served.
    pub site: RwLock<Served>,
    /// The build number and the pages waiting for the next.
    reload: Mutex<respond::Reload>,
    /// What the last build saw.
    last: Mutex<Option<Last>>,
    /// The past years' checks when the last build failed before keeping
    /// them in `last`: checked again only when `archive/` changes.
    past: Mutex<Option<Vec<pipeline::PastYear>>>,
}

/// What the last build saw, so an edit that changed only Markdown bodies can
/// be rebuilt by re-reading those bodies and rendering the pages that show
/// them, instead of the whole site.
#[derive(Debug)]
struct Last {
    site: pipeline::Site,
    /// Files whose pages have not been rendered since their last edit
    /// (edits that left errors).
    pending: HashSet<String>,
    /// The templates it compiled: an edit of content alone renders with
    /// them rather than compiling them again.
    templates: render::Templates,
}

/// How a rebuild ended.
enum Outcome {
    /// The current year was rendered and is served.
    Served,
    /// The current year was rendered, but a past year has errors: it is left
    /// out, and its diagnostics stay in the overlay.
    PastYearsFailed,
    /// Nothing was rendered: the last good site is still served.
    Failed,
}

/// Shows the overlay (the diagnostics, or why rendering failed) or clears
/// it; returns whether the rebuild succeeded and what to print.
fn finish(
    state: &State,
    started: Instant,
    outcome: &Outcome,
    overlay: Option<String>,
    text: String,
) -> (bool, String) {
    {
        let mut site = state
            .site
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        site.overlay = overlay;
    }
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let summary = match outcome {
        Outcome::Served => format!("rebuilt in {ms:.0} ms"),
        Outcome::PastYearsFailed => {
            format!("rebuilt in {ms:.0} ms; a past year has errors and is left out")
        }
        Outcome::Failed => format!("build failed in {ms:.0} ms; serving the last good site"),
    };
    (
        matches!(outcome, Outcome::Served),
        if text.is_empty() {
            summary
        } else {
            format!("{text}{summary}")
        },
    )
}

/// Ends a rebuild whose rendering ran: the overlay shows the diagnostics
/// while any year, past ones too, has errors.
fn rendered(
    state: &State,
    started: Instant,
    site: &pipeline::Site,
    text: String,
) -> (bool, String) {
    if site.diagnostics.has_errors() {
        finish(
            state,
            started,
            &Outcome::PastYearsFailed,
            Some(text.clone()),
            text,
        )
    } else {
        finish(state, started, &Outcome::Served, None, text)
    }
}

/// Ends a rebuild that rendered nothing, with `why` in the overlay.
fn failed(state: &State, started: Instant, why: String, text: String) -> (bool, String) {
    finish(state, started, &Outcome::Failed, Some(why), text)
}

/// The diagnostics of every year, as text for the terminal and the overlay.
fn human(site: &pipeline::Site) -> String {
    if site.diagnostics.items().is_empty() {
        return String::new();
    }
    site.human(false)
}

/// Rebuilds after a change: `changes` says whether only files under
/// `content/` changed, which allows the quick path for body edits, and
/// whether anything under `archive/` did.
pub(crate) fn rebuild(
    root: &Path,
    drafts: bool,
    state: &State,
    changes: Changes,
) -> (bool, String) {
    let started = Instant::now();
    let mut last = state
        .last
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut kept = state
        .past
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take();
    if let Some(previous) = last.take() {
        let Last {
            site,
            mut pending,
            templates,
        } = previous;
        if changes.content_only {
            match pipeline::update_bodies(root, site) {
                Ok((site, edited)) => {
                    pending.extend(edited);
                    let next = last.insert(Last {
                        site,
                        pending,
                        templates,
                    });
                    return quick(root, state, next, started);
                }
                Err(past) => kept = Some(past),
            }
        } else {
            kept = Some(site.past);
        }
    }
    let options = Options {
        drafts,
        verbose: false,
        texts: crate::site::Texts::Keep,
    };
    // Past years are served too, each under archive/YYYY-YY/ (those with
    // errors are left out, and named in the overlay); they are checked
    // again only when something under archive/ changed.
    let kept = kept.filter(|_| !changes.archive);
    let site = pipeline::check_site_keeping(root, &options, kept);
    let keep = |past: Vec<pipeline::PastYear>| {
        *state
            .past
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(past);
    };
    let text = human(&site);
    let model = site
        .current
        .model
        .as_ref()
        .filter(|_| !site.current.diagnostics.has_errors());
    let Some(model) = model else {
        keep(site.past);
        return failed(state, started, text.clone(), text);
    };
    let files = Mutex::new(static_files(&site.current.statics));
    let templates = match render::Templates::load(root) {
        Ok(t) => t,
        Err(e) => {
            keep(site.past);
            return failed(state, started, e, text);
        }
    };
    let render_options = RenderOptions {
        past_years: site.past_labels(),
        templates: Some(templates.clone()),
        ..RenderOptions::default()
    };
    let sink = |f: render::OutputFile| {
        files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(f.path, Arc::new(f.bytes));
        Ok(())
    };
    let rendered_all = render::render(
        model,
        &site.current.outlines,
        &site.current.links,
        root,
        &render_options,
        &sink,
    )
    .and_then(|n| {
        let mut n = n;
        for year in &site.past {
            // A past year with errors is left out rather than half shown.
            let Some(past) = year
                .to_render()
                .filter(|_| !year.checked.diagnostics.has_errors())
            else {
                continue;
            };
            n += render::years::render_past(&past, root, None, false, &sink)?;
        }
        Ok(n)
    });
    match rendered_all {
        Ok(_) => {
            let title = model.program.messages.text("overlay.title").to_string();
            let mut served = state
                .site
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            served.files = files
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            served.overlay_title = Some(title);
            drop(served);
            let next = last.insert(Last {
                site,
                pending: HashSet::new(),
                templates,
            });
            rendered(state, started, &next.site, text)
        }
        Err(e) => {
            keep(site.past);
            failed(state, started, e, text)
        }
    }
}

/// Renders, after a body-only edit that [`pipeline::update_bodies`] took,
/// only the pages that show the edited bodies (and those of earlier edits
/// that left errors).
fn quick(root: &Path, state: &State, last: &mut Last, started: Instant) -> (bool, String) {
    let current = &last.site.current;
    let text = human(&last.site);
    let Some(model) = current.model.as_ref() else {
        return failed(state, started, text.clone(), text);
    };
    if current.diagnostics.has_errors() {
        return failed(state, started, text.clone(), text);
    }
    let options = RenderOptions {
        base_url: None,
        only_bodies: Some(std::mem::take(&mut last.pending)),
        portable: false,
        past_years: last.site.past_labels(),
        templates: Some(last.templates.clone()),
        ..RenderOptions::default()
    };
    let done = render::render(
        model,
        &current.outlines,
        &current.links,
        root,
        &options,
        &|f| {
            state
                .site
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .files
                .insert(f.path, Arc::new(f.bytes));
            Ok(())
        },
    );
    match done {
        Ok(_) => rendered(state, started, &last.site, text),
        Err(e) => failed(state, started, e, text),
    }
}

/// The files of `static/` as its check walked them, read into memory.
fn static_files(statics: &crate::site::statics::Statics) -> HashMap<String, Arc<Vec<u8>>> {
    statics
        .files()
        .filter_map(|rel| {
            let bytes = std::fs::read(statics.path(rel)).ok()?;
            Some((rel.to_string(), Arc::new(bytes)))
        })
        .collect()
}

/// Options of `cairn serve`.
#[derive(Debug, Clone)]
pub(crate) struct ServeOptions {
    /// Address to bind, e.g. `127.0.0.1`.
    pub bind: String,
    /// Port, e.g. 1111.
    pub port: u16,
    /// Include drafts.
    pub drafts: bool,
    /// Open a browser.
    pub open: bool,
}

/// The next port after `port` that can be bound, for a helpful message.
fn next_free(bind: &str, port: u16) -> Option<u16> {
    (port.saturating_add(1)..port.saturating_add(50))
        .find(|p| std::net::TcpListener::bind((bind, *p)).is_ok())
}

/// Hands the memory freed by the replaced build back to the system. glibc
/// keeps freed memory in each thread's arena, so a server whose workers
/// and watcher take turns at the heap grew by a quarter within its first
/// edits and stayed there (issue 31's load test).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn give_back_freed_memory() {
    // SAFETY: malloc_trim only returns free pages to the kernel; it takes
    // the allocator's own locks and touches no memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn give_back_freed_memory() {}

/// Keeps the server's threads to one glibc arena. glibc gives up to eight
/// per core, one per thread that finds the others busy; a page client's
/// connection thread, a worker and the watcher each left freed pieces in
/// their own, which no trim returns: resident memory after 200 edits under
/// 50 clients was 14-23% above the first build's, 2-16% with two arenas,
/// 3-12% with one, at the same latency (a server for one designer).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn share_one_heap() {
    // SAFETY: mallopt only sets an allocator parameter, under its own lock;
    // called before the server starts its threads.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn share_one_heap() {}

/// Runs the server until the process is stopped.
pub(crate) fn serve(root: PathBuf, options: ServeOptions) -> Result<(), String> {
    share_one_heap();
    let address = format!("{}:{}", options.bind, options.port);
    let server = match tiny_http::Server::http(&address) {
        Ok(s) => s,
        Err(e) => {
            let hint = next_free(&options.bind, options.port).map_or_else(String::new, |p| {
                format!("; port {p} is free: cairn serve --port {p}")
            });
            return Err(format!("cannot listen on {address}: {e}{hint}"));
        }
    };
    let state = Arc::new(State::default());
    // Watch before the first build and before the first answer, so a file
    // saved at any moment after (or during) either is rebuilt (SPEC 8).
    let watching = crate::watch::start(&root)?;
    let (_, message) = rebuild(&root, options.drafts, &state, Changes::default());
    state.broadcast();
    eprintln!("{message}");
    let url = format!("http://{address}/");
    eprintln!("serving {} at {url} (Ctrl-C to stop)", root.display());
    if options.open {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else if cfg!(windows) {
            "explorer"
        } else {
            "xdg-open"
        };
        let _ = std::process::Command::new(opener).arg(&url).spawn();
    }
    let watcher_state = Arc::clone(&state);
    let watch_root = root.clone();
    let drafts = options.drafts;
    std::thread::spawn(move || {
        let result = watching.run(|changes| {
            let (_, message) = rebuild(&watch_root, drafts, &watcher_state, changes);
            eprintln!("{message}");
            watcher_state.broadcast();
            give_back_freed_memory();
        });
        if let Err(e) = result {
            eprintln!("error: {e}");
        }
    });
    let server = Arc::new(server);
    for _ in 0..WORKERS {
        let (server, state) = (Arc::clone(&server), Arc::clone(&state));
        std::thread::spawn(move || {
            loop {
                match server.recv() {
                    Ok(request) => respond::respond(&state, request),
                    // A failed accept (too many open files, say) must not
                    // end the server: wait a moment and go on.
                    Err(_) => std::thread::sleep(std::time::Duration::from_millis(10)),
                }
            }
        });
    }
    loop {
        std::thread::sleep(SWEEP);
        state.sweep();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The served page at `path`, as text.
    fn page(state: &State, path: &str) -> String {
        let site = state.site.read().expect("lock");
        String::from_utf8_lossy(site.files.get(path).expect("served")).into_owned()
    }

    #[test]
    fn past_years_are_checked_again_only_when_archive_changes() {
        let base = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/check/valid-base/content");
        let root = std::env::temp_dir().join(format!("cairn-serve-past-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for to in ["content", "archive/2024-25/content"] {
            for entry in walkdir::WalkDir::new(&base).into_iter().flatten() {
                let target = root
                    .join(to)
                    .join(entry.path().strip_prefix(&base).expect("in"));
                if entry.file_type().is_dir() {
                    std::fs::create_dir_all(&target).expect("mkdir");
                } else {
                    std::fs::copy(entry.path(), &target).expect("copy");
                }
            }
        }
        let state = State::default();
        let (ok, message) = rebuild(&root, false, &state, Changes::default());
        assert!(ok, "{message}");
        let past = "archive/2024-25/index.html";
        assert!(page(&state, past).contains("Base Leadership Track"));
        let program = root.join("archive/2024-25/content/_program.md");
        let text = std::fs::read_to_string(&program).expect("read");
        std::fs::write(&program, text.replace("Base Leadership", "Renamed")).expect("write");
        // A change elsewhere rebuilds the site with the past year's check kept.
        let elsewhere = Changes {
            content_only: false,
            archive: false,
        };
        assert!(rebuild(&root, false, &state, elsewhere).0);
        assert!(page(&state, past).contains("Base Leadership Track"));
        let archive = Changes {
            content_only: false,
            archive: true,
        };
        assert!(rebuild(&root, false, &state, archive).0);
        assert!(page(&state, past).contains("Renamed Track"));
        let _ = std::fs::remove_dir_all(&root);
    }
}
