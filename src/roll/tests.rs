//! The plan of a small site: which values move, to what, and what needs a person.

use super::*;
use jiff::civil::date;

fn file(path: &str, kind: FileKind, text: &str) -> SourceFile {
    let id = path
        .rsplit('/')
        .next()
        .and_then(|n| n.strip_suffix(".md"))
        .unwrap_or("")
        .to_string();
    SourceFile {
        path: path.to_string(),
        kind,
        id,
        text: Some(text.into()),
        usable: true,
    }
}

fn site() -> Vec<SourceFile> {
    vec![
        file(
            "content/_program.md",
            FileKind::Program,
            "---\ntitle: T\nstarts: 2025-07-01 # first day\ntimezone: UTC\nschedule:\n  blackout: [2025-12-25, 2025-10-20]\n---\n",
        ),
        file(
            "content/modules/bias.md",
            FileKind::Item(Collection::Modules),
            "---\ntitle: Bias\nyear: 1\nself_paced:\n  - title: IAT\n    due: \"2025-10-14\"\n---\n",
        ),
        file(
            "content/prompts/after.md",
            FileKind::Item(Collection::Prompts),
            "---\ntitle: After\nsession: 2025-10-bias\ndue: 2025-10-28\n---\nSee [the session](@/sessions/2025-10-bias.md).\n",
        ),
        file(
            "content/sessions/y1/2025-10-bias.md",
            FileKind::Item(Collection::Sessions),
            "---\ntitle: Bias\ndate: 2025-10-21\nend_date: 2025-10-22\nmodule: bias\n---\n",
        ),
        file(
            "content/sessions/y1/2026-05-last.md",
            FileKind::Item(Collection::Sessions),
            "---\ntitle: Last\ndate: 2026-05-29\nmodule: bias\n---\n",
        ),
    ]
}

fn changed<'p>(plan: &'p Plan, path: &str) -> Vec<(u32, &'p str, &'p str)> {
    plan.changes
        .iter()
        .filter(|c| c.path == path)
        .map(|c| (c.line, c.old.as_str(), c.new.as_str()))
        .collect()
}

#[test]
fn every_date_moves_by_its_own_rule() {
    let plan = plan(&site(), date(2026, 7, 1)).unwrap();
    assert_eq!(
        changed(&plan, "content/_program.md"),
        [
            (3, "2025-07-01", "2026-07-01"),
            (6, "2025-12-25", "2026-12-25"),
            (6, "2025-10-20", "2026-10-20"),
        ]
    );
    // The third Tuesday of October stays the third; a two-day session stays two days.
    assert_eq!(
        changed(&plan, "content/sessions/y1/2025-10-bias.md"),
        [
            (3, "2025-10-21", "2026-10-20"),
            (4, "2025-10-22", "2026-10-21")
        ]
    );
    // A prompt keeps its week after its session; the link follows the rename.
    assert_eq!(
        changed(&plan, "content/prompts/after.md"),
        [
            (3, "2025-10-bias", "2026-10-bias"),
            (4, "2025-10-28", "2026-10-27"),
            (6, "2025-10-bias", "2026-10-bias"),
        ]
    );
    // Self-paced work keeps its offset from the module's first session.
    assert_eq!(
        changed(&plan, "content/modules/bias.md"),
        [(6, "2025-10-14", "2026-10-13")]
    );
    assert_eq!(plan.renames.len(), 2);
    assert_eq!(plan.renames[0].to, "content/sessions/y1/2026-10-bias.md");
    assert_eq!(
        plan.new_id(Collection::Sessions, "2026-05-last"),
        "2027-05-last"
    );
}

#[test]
fn what_needs_a_person_is_listed() {
    let plan = plan(&site(), date(2026, 7, 1)).unwrap();
    let review = plan.review.join("\n");
    // The session lands on a new blackout date...
    assert!(
        review.contains("2026-10-bias.md:3 2026-10-20 is a blackout date"),
        "{review}"
    );
    // ...and a fifth Friday has no counterpart in May 2027.
    assert!(
        review.contains("2027-05-last.md:3 2026-05-29 is a fifth Friday"),
        "{review}"
    );
    assert!(review.contains("(was content/sessions/y1/2025-10-bias.md)"));
    assert_eq!(plan.review.len(), 2, "{review}");
}

#[test]
fn the_files_change_only_at_the_values() {
    let files = site();
    let plan = plan(&files, date(2026, 7, 1)).unwrap();
    let program: Vec<&Change> = plan
        .changes
        .iter()
        .filter(|c| c.path == "content/_program.md")
        .collect();
    let text = files[0].text.as_deref().unwrap();
    let out = edits::apply(text, &program).unwrap();
    assert_eq!(
        out,
        "---\ntitle: T\nstarts: 2026-07-01 # first day\ntimezone: UTC\nschedule:\n  blackout: [2026-12-25, 2026-10-20]\n---\n"
    );
}

#[test]
fn a_site_without_starts_cannot_roll() {
    let files = vec![file(
        "content/_program.md",
        FileKind::Program,
        "---\ntitle: T\n---\n",
    )];
    assert!(plan(&files, date(2026, 7, 1)).is_err());
    assert_eq!(year_label(date(2099, 7, 1)), "2099-00");
}
