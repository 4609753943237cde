//! The brand in the built site (issue 19): the accent in both schemes, the
//! logo on every page, sharing cards only with a base URL, the framework as
//! text, initials avatars for people without a photo.

use crate::support::{assert_success, build_into, copy_dir, fixture, repo, temp};
use std::path::Path;

fn page(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_brand_reaches_every_page_in_both_schemes() {
    let out = temp("brand-kitchen-sink");
    let o = build_into(&fixture("kitchen-sink"), &out, &[]);
    assert_success(&o);
    let home = page(&out, "index.html");
    assert!(home.contains("--accent:#8a1538") && home.contains("--accent:#f4a3b8"));
    assert!(home.contains(r#"class="site-logo" src="images/northgate-logo.svg""#));
    assert!(
        home.contains(r#"<link rel="icon" href="images/northgate-logo.svg" type="image/svg+xml">"#)
    );
    assert!(home.contains(
        r#"<meta property="og:image" content="https://leadership.example.edu/clinical-teams/images/retreat-banner.png">"#
    ));
    let people = page(&out, "people/index.html");
    assert!(people.contains(r#"src="../images/northgate-logo.svg""#));
}

#[test]
fn no_preview_picture_without_a_base_url_and_initials_without_a_logo() {
    let site = temp("brand-no-base");
    copy_dir(&fixture("check/valid-base"), &site);
    let program = site.join("content/_program.md");
    let text = std::fs::read_to_string(&program).unwrap();
    let text = text.replacen("---\n", "---\nbrand:\n  accent: \"#1f6f5c\"\n", 1);
    std::fs::write(&program, text).unwrap();
    let out = temp("brand-no-base-out");
    let o = build_into(&site, &out, &[]);
    assert_success(&o);
    let home = page(&out, "index.html");
    assert!(!home.contains("og:image") && !home.contains("og:url"));
    assert!(home.contains(r##"<meta name="theme-color" content="#1f6f5c">"##));
    // "Base Leadership Track": its initials, on the accent.
    assert!(home.contains("data:image/svg+xml,"));
    assert!(home.contains("%3EBT%3C"), "{home}");
    assert!(!home.contains("site-logo"));
}

#[test]
fn the_demo_draws_its_framework_with_text_and_gives_people_initials() {
    let out = temp("brand-demo");
    let o = build_into(&repo(), &out, &[]);
    assert_success(&o);
    let home = page(&out, "index.html");
    let graphic = home
        .split(r#"<figure class="framework-graphic">"#)
        .nth(1)
        .and_then(|rest| rest.split("</figure>").next())
        .expect("the framework graphic");
    for title in ["Awareness", "Reflection", "Empowerment", "Action"] {
        assert!(
            graphic.contains(&format!(r#"<span class="fw-title">{title}</span>"#)),
            "{title}"
        );
    }
    assert!(!home.contains(".png\" alt"), "no picture on the home page");
    let people = page(&out, "people/index.html");
    assert!(people.contains(r#"role="img" aria-label="Grace Lin, PhD""#));
    assert!(
        people
            .contains(r#"<text x="32" y="41" text-anchor="middle" class="avatar-text">GL</text>"#)
    );
}
