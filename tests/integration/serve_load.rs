//! `cairn serve` under load (issue 31): 50 clients poll pages and the reload
//! channel while 200 edits, valid and broken in turn, are saved one after the
//! other. Every edit is served within 1 s of its save, the overlay comes and
//! goes with the errors, resident memory and the thread count stay flat, and
//! nothing panics; then a 4 MiB save, `templates/` deleted while serving and
//! a file renamed over another. Loopback only; every socket has a timeout and
//! a watchdog kills the server at a hard deadline, so a hang fails the test
//! instead of hanging CI. Its figures are written in `benches/README.md`.

use crate::support::fixture;
use http::{Client, page_version};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod http;

/// Clients polling pages (half of them on kept-alive connections).
const PAGE_CLIENTS: usize = 25;
/// Clients behaving as open pages do: wait on the reload channel, reload.
const RELOAD_CLIENTS: usize = 25;
/// Edits saved in a row, broken and valid in turn (the last one valid).
const EDITS: usize = 200;
/// The bound from a save to the page serving it.
const BOUND: Duration = Duration::from_secs(1);
/// A save served later than [`BOUND`] is saved again (a new edit of the same
/// kind, timed afresh) at most this many times in the whole run: a shared
/// 2-core CI machine can stall any process for a moment, but a missed or
/// slow rebuild fails every time.
const RETRIES: usize = 3;
/// The whole test, server included, ends by then.
const DEADLINE: Duration = Duration::from_secs(300);

const SESSION: &str = "content/sessions/2025-09-listening.md";
const SESSION_PAGE: &str = "/sessions/2025-09-listening/";
const OTHER: &str = "content/sessions/2025-10-feedback.md";
const OTHER_PAGE: &str = "/sessions/2025-10-feedback/";
/// What the site's own `templates/session.html` adds to session pages.
const TEMPLATE_MARK: &str = "Served with the site's own session template.";
const PAGES: [&str; 6] = [
    "/",
    SESSION_PAGE,
    OTHER_PAGE,
    "/modules/listening-first/",
    "/sessions/",
    "/assets/cairn.css",
];

/// The server, killed when dropped; its stderr goes to `log`.
struct Server {
    child: Child,
    log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// A field of `/proc/PID/status` (`VmRSS` in kB, `Threads`).
    fn status(&self, field: &str) -> u64 {
        let text = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("the server runs");
        text.lines()
            .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or_else(|| panic!("{field} in /proc status"))
    }

    fn stderr(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The end of what the server printed, for a failure's message.
    fn said(&self) -> String {
        let text = self.stderr();
        let mut from = text.len().saturating_sub(3000);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        text[from..].to_string()
    }
}

/// What the clients saw, shared.
#[derive(Default)]
struct Seen {
    requests: AtomicU64,
    reloads: AtomicU64,
    errors: Mutex<Vec<String>>,
}

impl Seen {
    fn error(&self, e: String) {
        let mut errors = self.errors.lock().expect("lock");
        if errors.len() < 20 {
            errors.push(e);
        }
    }
}

/// Polls the pages in turn until `stop`.
fn page_client(port: u16, n: usize, stop: &AtomicBool, seen: &Seen) {
    let mut client = Client::new(port, n % 2 == 0);
    let mut i = n;
    while !stop.load(Ordering::Relaxed) {
        let path = PAGES[i % PAGES.len()];
        i += 1;
        match client.get(path) {
            Ok((200, body)) if path.ends_with('/') && !body.contains("</html>") => {
                seen.error(format!("{path}: a cut page"));
            }
            Ok((200, _)) => {}
            // The other session is renamed away near the end.
            Ok((404, _)) if path == OTHER_PAGE => {}
            Ok((code, _)) => seen.error(format!("{path}: status {code}")),
            Err(e) => seen.error(format!("{path}: {e}")),
        }
        seen.requests.fetch_add(1, Ordering::Relaxed);
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// As an open page does: wait on the reload channel; on `reload`, load the
/// page again and wait from its build number.
fn reload_client(port: u16, n: usize, stop: &AtomicBool, seen: &Seen) {
    let path = PAGES[n % 3];
    let mut pages = Client::new(port, n % 2 == 0);
    let mut polls = Client::new(port, n % 2 == 0);
    let load = |pages: &mut Client| match pages.get(path) {
        // The other session is renamed away near the end: its 404 page
        // reloads as well.
        Ok((200 | 404, body)) => page_version(&body).ok_or_else(|| format!("{path}: no script")),
        Ok((code, _)) => Err(format!("{path}: status {code}")),
        Err(e) => Err(format!("{path}: {e}")),
    };
    let mut version = match load(&mut pages) {
        Ok(v) => v,
        Err(e) => return seen.error(e),
    };
    while !stop.load(Ordering::Relaxed) {
        let answer = polls.get(&format!("/__cairn/poll?since={version}"));
        seen.requests.fetch_add(1, Ordering::Relaxed);
        let next = match answer {
            Ok((200, ref text)) => text
                .split_once(' ')
                .and_then(|(word, n)| Some((word == "reload", n.parse::<u64>().ok()?))),
            _ => None,
        };
        match next {
            Some((true, _)) => {
                seen.reloads.fetch_add(1, Ordering::Relaxed);
                match load(&mut pages) {
                    Ok(v) => version = v,
                    Err(e) => return seen.error(e),
                }
            }
            Some((false, n)) => version = n,
            None => return seen.error(format!("poll since {version}: {answer:?}")),
        }
    }
}

/// Saves `text` to `file` then polls `page` until `served` holds; returns the
/// time from the save to the first answer that showed it (at most `give_up`).
fn save_and_time(
    port: u16,
    file: &Path,
    text: &str,
    page: &str,
    served: impl Fn(u16, &str) -> bool,
    give_up: Duration,
) -> Option<Duration> {
    let mut client = Client::new(port, true);
    let started = Instant::now();
    std::fs::write(file, text).expect("save");
    while started.elapsed() < give_up {
        if let Ok((code, body)) = client.get(page)
            && served(code, &body)
        {
            return Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    None
}

fn session(title: &str, date: &str, body: &str) -> String {
    format!("---\n{title}\ndate: {date}\nmodule: listening-first\n---\n{body}\n")
}

/// Edit `i`: even ones break the front matter, odd ones are valid and say
/// their number in the body.
fn edit(i: usize) -> (String, bool) {
    let broken = i % 2 == 0;
    let title = if broken {
        "titel: Listening Across Difference"
    } else {
        "title: Listening Across Difference"
    };
    let body = format!("The first evening of the year.\n\nLoad edit {i}.");
    (session(title, "2025-09-18", &body), broken)
}

/// A valid session file of exactly `size` bytes.
fn big_session(size: usize) -> String {
    let head = session("title: Listening Across Difference", "2025-09-18", "");
    let end = "The big save ends here.\n";
    let paragraph = "A long paragraph of the big session, written to weigh four mebibytes. ";
    let mut body = (paragraph.repeat(10) + "\n\n").repeat(size / (paragraph.len() * 10) + 1);
    body.truncate(size - head.len() - end.len());
    let text = format!("{head}{body}{end}");
    assert_eq!(text.len(), size);
    text
}

fn is_overlaid(body: &str) -> bool {
    body.contains("id=\"cairn-overlay\"") && body.contains("E0103")
}

/// The site: the base fixture, a second session and a `templates/` of its own.
fn make_site() -> PathBuf {
    let site = crate::support::temp("serve-load");
    crate::support::copy_dir(&fixture("check/valid-base"), &site);
    std::fs::write(
        site.join(OTHER),
        session(
            "title: Feedback That Lands",
            "2025-10-16",
            "The second evening.",
        ),
    )
    .expect("write");
    let theme = crate::support::repo().join("themes/default/templates/session.html");
    let template = std::fs::read_to_string(theme).expect("theme template");
    let at = template.rfind("{% endblock").expect("a block");
    let own = format!(
        "{}<p>{TEMPLATE_MARK}</p>{}",
        &template[..at],
        &template[at..]
    );
    std::fs::create_dir_all(site.join("templates")).expect("templates/");
    std::fs::write(site.join("templates/session.html"), own).expect("write");
    site
}

fn start(site: &Path) -> (Server, u16) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let log = site.with_extension("stderr");
    let child = Command::new(env!("CARGO_BIN_EXE_cairn"))
        .args(["--root", site.to_str().expect("utf-8"), "serve"])
        .args(["--bind", "127.0.0.1", "--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("serve starts");
    let server = Server { child, log };
    let started = Instant::now();
    // The first answer comes after the first build.
    while Client::new(port, false).get("/").map(|r| r.0) != Ok(200) {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no first build: {}",
            server.said()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    (server, port)
}

/// Kills `pid` at the deadline unless `done` is set first.
fn watchdog(pid: u32, done: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        let started = Instant::now();
        while !done.load(Ordering::Relaxed) {
            if started.elapsed() > DEADLINE {
                let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    });
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[cfg(target_os = "linux")]
#[test]
fn serve_under_load_serves_every_edit_within_a_second() {
    let began = Instant::now();
    let site = make_site();
    let (server, port) = start(&site);
    let done = Arc::new(AtomicBool::new(false));
    watchdog(server.child.id(), Arc::clone(&done));
    let (rss_first, threads_first) = (server.status("VmRSS"), server.status("Threads"));
    let session_page = Client::new(port, false).get(SESSION_PAGE).expect("get").1;
    assert!(session_page.contains(TEMPLATE_MARK), "{session_page}");

    let stop = Arc::new(AtomicBool::new(false));
    let seen = Arc::new(Seen::default());
    let clients: Vec<_> = (0..PAGE_CLIENTS + RELOAD_CLIENTS)
        .map(|n| {
            let (stop, seen) = (Arc::clone(&stop), Arc::clone(&seen));
            std::thread::spawn(move || {
                if n < PAGE_CLIENTS {
                    page_client(port, n, &stop, &seen);
                } else {
                    reload_client(port, n, &stop, &seen);
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(1));
    let rss_warm = server.status("VmRSS");

    let file = site.join(SESSION);
    let mut latencies = Vec::new();
    let mut retried = Vec::new();
    let mut threads = Vec::new();
    let mut rss = Vec::new();
    let mut i = 0;
    while latencies.len() < EDITS {
        let (text, broken) = edit(i);
        let marker = format!("Load edit {i}.");
        let served = |code: u16, body: &str| {
            code == 200
                && if broken {
                    is_overlaid(body)
                } else {
                    body.contains(&marker) && !body.contains("cairn-overlay")
                }
        };
        let took = save_and_time(port, &file, &text, SESSION_PAGE, served, BOUND * 10);
        let took = took.unwrap_or_else(|| {
            panic!(
                "edit {i} (broken: {broken}) not served in 10 s; stderr:\n{}",
                server.said()
            )
        });
        if took > BOUND && retried.len() < RETRIES {
            // Saved again as a new edit of the same kind (see RETRIES).
            retried.push((i, took));
            i += 2;
            continue;
        }
        assert!(
            took <= BOUND,
            "edit {i} (broken: {broken}) served after {took:?}; already retried: {retried:?}"
        );
        latencies.push(took);
        if latencies.len() % 10 == 0 {
            threads.push(server.status("Threads"));
            rss.push(server.status("VmRSS"));
        }
        i += 1;
        // Past the watcher's debounce, so the next save is a burst of its own.
        std::thread::sleep(Duration::from_millis(40));
    }
    // Stop the clients: a last valid save wakes every long poll, and each
    // client sees `stop` before its next poll.
    stop.store(true, Ordering::Relaxed);
    let (text, _) = edit(i + 1);
    let marker = format!("Load edit {}.", i + 1);
    save_and_time(
        port,
        &file,
        &text,
        SESSION_PAGE,
        |code, body| code == 200 && body.contains(&marker),
        BOUND * 10,
    )
    .expect("the last edit served");
    for c in clients {
        c.join().expect("a client panicked");
    }
    // The server's idle connection threads end 5 s after their last use.
    let settled = Instant::now();
    let mut threads_end = server.status("Threads");
    while threads_end > threads_first && settled.elapsed() < Duration::from_secs(15) {
        std::thread::sleep(Duration::from_millis(250));
        threads_end = server.status("Threads");
    }
    let rss_after = server.status("VmRSS");
    let worst = *latencies.iter().max().expect("edits");
    let middle = median(latencies.clone());

    // While serving, without the clients: a 4 MiB save, the most a content file may hold, is served; a byte
    // more is refused (E0110) in the overlay, the last good site under it.
    let big = big_session(4 * 1024 * 1024 + 1);
    let over_took = save_and_time(
        port,
        &file,
        &big,
        SESSION_PAGE,
        |code, body| code == 200 && body.contains("E0110") && body.contains("Load edit"),
        BOUND * 10,
    )
    .unwrap_or_else(|| panic!("a save over 4 MiB not refused; stderr:\n{}", server.said()));
    let big = big_session(4 * 1024 * 1024);
    let big_took = save_and_time(
        port,
        &file,
        &big,
        SESSION_PAGE,
        |code, body| {
            code == 200
                && body.contains("The big save ends here.")
                && !body.contains("cairn-overlay")
        },
        Duration::from_secs(90),
    )
    .unwrap_or_else(|| panic!("the 4 MiB save not served; stderr:\n{}", server.said()));
    let (text, _) = edit(i + 3);
    let marker = format!("Load edit {}.", i + 3);
    save_and_time(
        port,
        &file,
        &text,
        SESSION_PAGE,
        |code, body| code == 200 && body.contains(&marker),
        BOUND * 10,
    )
    .expect("the small session back");

    // templates/ deleted while serving: the theme's own template takes over.
    let started = Instant::now();
    std::fs::remove_dir_all(site.join("templates")).expect("delete templates/");
    let mut client = Client::new(port, false);
    let unthemed_took = loop {
        let (code, body) = client.get(SESSION_PAGE).expect("get");
        if code == 200 && !body.contains(TEMPLATE_MARK) && !body.contains("cairn-overlay") {
            break started.elapsed();
        }
        assert!(
            started.elapsed() < BOUND * 10,
            "templates/ deleted, still served with it: {}",
            server.said()
        );
        std::thread::sleep(Duration::from_millis(5));
    };

    // A file renamed over another: the other session's text takes the first
    // one's place, and its own page goes.
    let started = Instant::now();
    std::fs::rename(site.join(OTHER), &file).expect("rename");
    let renamed_took = loop {
        let (code, body) = client.get(SESSION_PAGE).expect("get");
        let gone = client.get(OTHER_PAGE).expect("get").0 == 404;
        if code == 200 && body.contains("The second evening.") && gone {
            assert!(!body.contains("cairn-overlay"), "{body}");
            break started.elapsed();
        }
        assert!(
            started.elapsed() < BOUND * 10,
            "the rename not served: {}",
            server.said()
        );
        std::thread::sleep(Duration::from_millis(5));
    };

    let rss_end = server.status("VmRSS");
    done.store(true, Ordering::Relaxed);
    let stderr = server.stderr();
    let seen = Arc::try_unwrap(seen).ok().expect("clients done");
    let errors = seen.errors.into_inner().expect("lock");
    eprintln!(
        "serve under load: {EDITS} edits, latency median {middle:?}, max {worst:?}, retried {retried:?}; \
         over 4 MiB refused {over_took:?}, 4 MiB save {big_took:?}; templates/ deleted {unthemed_took:?}; renamed over {renamed_took:?}; \
         VmRSS first build {rss_first} kB, with the clients {rss_warm} kB, every 10 edits {rss:?}, after the edits {rss_after} kB, at the end {rss_end} kB; \
         threads first {threads_first}, every 10 edits {threads:?}, at the end {threads_end}; \
         {} requests, {} reloads; {:?} in all",
        seen.requests.load(Ordering::Relaxed),
        seen.reloads.load(Ordering::Relaxed),
        began.elapsed()
    );
    assert!(errors.is_empty(), "clients saw: {errors:#?}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Without serve's malloc_trim after each build, glibc kept what the
    // replaced builds freed in its per-thread arenas: 41 MiB became 52;
    // with it, still 14-23% more (each connection thread's own arena)
    // until serve kept to one arena.
    assert!(
        rss_after * 10 <= rss_first * 12,
        "VmRSS grew from {rss_first} kB to {rss_after} kB"
    );
    // Flat under load too: nothing kept per edit.
    let (early, late) = (rss[0], *rss.last().expect("samples"));
    assert!(
        late * 10 <= early * 12,
        "VmRSS under load grew from {early} kB to {late} kB"
    );
    // At most one of tiny_http's threads per open connection (a page
    // client holds one, a reload client two) besides the server's own, and
    // a few to answer woken polls: bounded by the clients, never by the
    // edits (a thread per request held 80-86); and back to the start once
    // the clients are gone.
    let most = threads_first + (PAGE_CLIENTS + 2 * RELOAD_CLIENTS) as u64 + 4;
    assert!(
        threads.iter().all(|t| *t <= most),
        "threads every 10 edits: {threads:?} (at most {most})"
    );
    // Back to the start, give or take the one or two threads a full
    // rebuild's search index leaves winding down (Pagefind's blocking
    // pool keeps an idle thread for a few seconds): never one per edit.
    assert!(
        threads_end <= threads_first + 2,
        "threads: {threads_first} after the first build, {threads_end} at the end"
    );
    let _ = std::fs::remove_dir_all(&site);
    let _ = std::fs::remove_file(&server.log);
}
