//! `cairn serve`: serves the built site, reloads on edits, overlays the
//! diagnostics of a broken edit and clears them, never serves outside the site.

use crate::support::fixture;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// A raw HTTP/1.0 GET; returns (status line, body).
fn get(port: u16, path: &str) -> (String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        s,
        "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut text = String::new();
    let _ = s.read_to_string(&mut text);
    let status = text.lines().next().unwrap_or("").to_string();
    let body = text
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string());
    (status, body)
}

/// `cairn serve` on `site` at a free port, once it answers.
fn start(site: &std::path::Path) -> (Server, u16) {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_cairn"))
        .args([
            "--root",
            site.to_str().expect("utf-8"),
            "serve",
            "--port",
            &port.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let server = Server(child);
    wait_until("the server", || {
        TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    (server, port)
}

fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_reloads_overlays_and_stays_inside_the_site() {
    let site = std::env::temp_dir().join(format!("cairn-serve-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    crate::support::copy_dir(&fixture("check/valid-base"), &site);
    let (_server, port) = start(&site);
    let (status, home) = get(port, "/");
    assert!(status.contains("200"), "{status}");
    assert!(home.contains("/__cairn/poll"));
    // The first build is number 1; a poll since 0 answers at once.
    assert_eq!(get(port, "/__cairn/poll?since=0").1, "reload 1");
    let mut version = 1u64;
    // Waits for the build after `version`, as the page's script does.
    let mut next_build = move || {
        let (_, answer) = get(port, &format!("/__cairn/poll?since={version}"));
        let (word, n) = answer.split_once(' ').expect("an answer");
        version = n.parse().expect("a number");
        word.to_string()
    };

    let program = site.join("content/_program.md");
    let text = std::fs::read_to_string(&program).expect("read");
    std::fs::write(
        &program,
        format!("{text}\nA sentence added while serving.\n"),
    )
    .expect("write");
    assert_eq!(next_build(), "reload");
    wait_until("the new text", || {
        get(port, "/").1.contains("A sentence added while serving.")
    });

    std::fs::write(&program, text.replacen("title:", "titel:", 1)).expect("write");
    assert_eq!(next_build(), "reload");
    wait_until("the overlay", || {
        let body = get(port, "/").1;
        body.contains("cairn-overlay") && body.contains("E0103")
    });
    // The last good site is still served under the overlay.
    assert!(get(port, "/").1.contains("A sentence added while serving."));

    std::fs::write(&program, &text).expect("write");
    assert_eq!(next_build(), "reload");
    wait_until("the overlay to clear", || {
        !get(port, "/").1.contains("cairn-overlay")
    });

    // A body-only edit that breaks a link, then its fix (the quick path).
    std::fs::write(
        &program,
        format!("{text}\nSee [a module](@/modules/nope.md).\n"),
    )
    .expect("write");
    assert_eq!(next_build(), "reload");
    wait_until("the link overlay", || get(port, "/").1.contains("E0202"));
    std::fs::write(
        &program,
        format!("{text}\nSee [the module](@/modules/listening-first.md).\n"),
    )
    .expect("write");
    assert_eq!(next_build(), "reload");
    wait_until("the fixed link", || {
        let body = get(port, "/").1;
        !body.contains("cairn-overlay") && body.contains("modules/listening-first/")
    });

    for attack in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/..%2f..%2fetc%2fpasswd",
        "/content/_program.md",
    ] {
        let (status, body) = get(port, attack);
        assert!(status.contains("404"), "{attack}: {status}");
        assert!(
            !body.contains("[package]") && !body.contains("root:"),
            "{attack}"
        );
    }
    let _ = std::fs::remove_dir_all(site);
}

#[test]
fn a_taken_port_is_reported_with_a_free_one() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let out = Command::new(env!("CARGO_BIN_EXE_cairn"))
        .args([
            "--root",
            fixture("check/valid-base").to_str().expect("utf-8"),
            "serve",
            "--port",
            &port.to_string(),
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot listen") && err.contains("--port"),
        "{err}"
    );
}

#[test]
fn serve_sees_edits_after_content_is_deleted_and_created_again() {
    let site = std::env::temp_dir().join(format!("cairn-serve-recreate-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    crate::support::copy_dir(&fixture("check/valid-base"), &site);
    let (_server, port) = start(&site);
    // The watcher runs before the first answer: an edit right after it counts.
    let program = site.join("content/_program.md");
    let text = std::fs::read_to_string(&program).expect("read");
    assert!(get(port, "/").0.contains("200"));
    std::fs::write(&program, format!("{text}\nFirst edit.\n")).expect("write");
    wait_until("the first edit", || {
        get(port, "/").1.contains("First edit.")
    });

    // A checkout or an editor replaces the whole folder.
    let saved = std::env::temp_dir().join(format!("cairn-serve-saved-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&saved);
    std::fs::rename(site.join("content"), &saved).expect("move content away");
    std::thread::sleep(Duration::from_millis(300));
    crate::support::copy_dir(&saved, &site.join("content"));
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(&program, format!("{text}\nAfter the folder came back.\n")).expect("write");
    wait_until("an edit inside the recreated folder", || {
        let body = get(port, "/").1;
        body.contains("After the folder came back.") && !body.contains("cairn-overlay")
    });
    let _ = std::fs::remove_dir_all(site);
    let _ = std::fs::remove_dir_all(saved);
}

#[test]
fn serve_serves_past_years_too() {
    let site = crate::support::temp("serve-past");
    crate::support::copy_dir(
        &crate::support::repo().join("content"),
        &site.join("content"),
    );
    crate::support::copy_dir(&crate::support::repo().join("static"), &site.join("static"));
    let rolled = crate::support::cairn(&site, &["--root", site.to_str().expect("utf-8"), "roll"]);
    assert_eq!(rolled.status.code(), Some(0));
    let (_server, port) = start(&site);
    // The year the roll archived: the demo's own, whatever it is.
    let past = crate::support::demo_academic_year();
    let (status, body) = get(port, &format!("/archive/{past}/sessions/"));
    assert!(status.contains("200"), "{status}");
    assert!(body.contains(&format!("Archived academic year {past}")));
    let (_, home) = get(port, "/");
    assert!(home.contains(&format!("href=\"archive/{past}/\"")));
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn serve_overlays_a_past_years_problems_too() {
    let site = crate::support::temp("serve-past-problem");
    crate::support::copy_dir(&fixture("check/valid-base"), &site);
    // A past year kept under archive/ whose program has an unknown field.
    let past = site.join("archive/2024-25");
    crate::support::copy_dir(&fixture("check/valid-base/content"), &past.join("content"));
    let program = past.join("content/_program.md");
    let text = std::fs::read_to_string(&program).expect("read");
    std::fs::write(&program, text.replacen("title:", "titel:", 1)).expect("write");
    let (_server, port) = start(&site);
    // The current year is served, with the past year's error over it.
    let (status, home) = get(port, "/");
    assert!(status.contains("200"), "{status}");
    assert!(home.contains("cairn-overlay"), "{home}");
    assert!(
        home.contains("archive/2024-25/content/_program.md"),
        "{home}"
    );
    assert!(home.contains("E0103"), "{home}");
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn serve_rebuilds_when_a_past_year_changes() {
    let site = crate::support::temp("serve-past-edit");
    crate::support::copy_dir(&fixture("check/valid-base"), &site);
    let past = site.join("archive/2024-25");
    crate::support::copy_dir(&fixture("check/valid-base/content"), &past.join("content"));
    let (_server, port) = start(&site);
    let (status, page) = get(port, "/archive/2024-25/");
    assert!(status.contains("200"), "{status}");
    assert!(page.contains("Base Leadership Track"), "{page}");
    // archive/ is watched: a past year's edit is served without another change.
    let program = past.join("content/_program.md");
    let text = std::fs::read_to_string(&program).expect("read");
    std::fs::write(&program, text.replace("Base Leadership", "Renamed")).expect("write");
    wait_until("the past year's edit", || {
        get(port, "/archive/2024-25/").1.contains("Renamed Track")
    });
    let _ = std::fs::remove_dir_all(&site);
}

#[cfg(unix)]
#[test]
fn serve_publishes_static_files_as_build_does() {
    let site = crate::support::temp("serve-static-link");
    crate::support::copy_dir(&fixture("check/valid-base"), &site);
    let images = site.join("static/images");
    std::fs::create_dir_all(&images).expect("static/");
    std::fs::write(images.join("logo.svg"), "<svg/>").expect("write");
    // A link that stays inside static/: build publishes what it leads to.
    std::os::unix::fs::symlink("images", site.join("static/pictures")).expect("symlink");
    let built = crate::support::cairn(&site, &["--root", site.to_str().expect("utf-8"), "build"]);
    assert_eq!(built.status.code(), Some(0));
    assert!(site.join("public/pictures/logo.svg").is_file());
    let (_server, port) = start(&site);
    let (status, body) = get(port, "/pictures/logo.svg");
    assert!(status.contains("200"), "{status}");
    assert_eq!(body, "<svg/>");
    let _ = std::fs::remove_dir_all(&site);
}

/// The overlay speaks the served site's language (SPEC 9.3): its title is
/// `overlay.title` of the last good build's table.
#[test]
fn the_overlay_speaks_the_sites_language() {
    let site = std::env::temp_dir().join(format!("cairn-serve-es-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    crate::support::copy_dir(&fixture("check/valid-base"), &site);
    let program = site.join("content/_program.md");
    let text = std::fs::read_to_string(&program).expect("read");
    let spanish = text.replacen("title:", "language: es\ntitle:", 1);
    std::fs::write(&program, &spanish).expect("write");
    let (_server, port) = start(&site);
    assert!(get(port, "/").1.contains("lang=\"es\""), "a Spanish site");
    std::fs::write(&program, spanish.replacen("title:", "titel:", 1)).expect("write");
    wait_until("the overlay in Spanish", || {
        let body = get(port, "/").1;
        body.contains("cairn-overlay")
            && body.contains("el último cambio no se pudo compilar")
            && !body.contains("the last change did not build")
    });
    let _ = std::fs::remove_dir_all(&site);
}
