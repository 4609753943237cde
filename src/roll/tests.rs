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
    // Self-paced work is no session's: it keeps its month and day.
    assert_eq!(
        changed(&plan, "content/modules/bias.md"),
        [(6, "2025-10-14", "2026-10-14")]
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
    // Both blackouts keep their month and day on another weekday.
    for line in [
        "content/_program.md:6 blackout 2025-12-25 -> 2026-12-25 is a Friday, not a Thursday: check that it is still the day meant",
        "content/_program.md:6 blackout 2025-10-20 -> 2026-10-20 is a Tuesday, not a Monday: check that it is still the day meant",
    ] {
        assert!(plan.review.iter().any(|r| r == line), "{review}");
    }
    assert_eq!(plan.review.len(), 4, "{review}");
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

/// A program with the dates that are no session's (SPEC 9.2), a module
/// whose first session moves six days later in its month, a prompt of a
/// module alone, a project and a group that meets monthly.
fn dated_site() -> Vec<SourceFile> {
    vec![
        file(
            "content/_program.md",
            FileKind::Program,
            "---\ntitle: T\nstarts: 2026-07-01\ntimezone: UTC\nschedule:\n  blackout:\n    - 2026-11-26\n    - 2027-01-01\napplication:\n  opens: 2026-02-28\n  closes: 2027-02-28\noutcomes:\n  - id: o\n    statement: S\n    by: 2027-06-30\n---\n",
        ),
        file(
            "content/modules/change.md",
            FileKind::Item(Collection::Modules),
            "---\ntitle: Change\nyear: 1\nself_paced:\n  - title: Readiness\n    due: 2026-10-31\n---\n",
        ),
        file(
            "content/sessions/kickoff.md",
            FileKind::Item(Collection::Sessions),
            "---\ntitle: Kickoff\ndate: 2026-09-01\nmodule: change\n---\n",
        ),
        file(
            "content/prompts/reflect.md",
            FileKind::Item(Collection::Prompts),
            "---\ntitle: Reflect\nmodule: change\ndue: 2026-10-31\n---\n",
        ),
        file(
            "content/projects/qi.md",
            FileKind::Item(Collection::Projects),
            "---\ntitle: QI\nmilestones:\n  - title: Charter\n    due: 2026-09-01\n  - title: Kickoff\n    session: kickoff\n  - title: Report\n    due: 2027-06-30\n---\n",
        ),
        file(
            "content/groups/pairs.md",
            FileKind::Item(Collection::Groups),
            "---\ntitle: Pairs\nmeets:\n  every: month\n  from: 2026-09-01\n---\n",
        ),
    ]
}

#[test]
fn dates_that_are_no_sessions_keep_month_and_day() {
    let plan = plan(&dated_site(), date(2027, 7, 1)).unwrap();
    // Thanksgiving keeps 26 November (a Friday in 2027); the application
    // (before the year, and into the next) and the outcome keep theirs.
    assert_eq!(
        changed(&plan, "content/_program.md"),
        [
            (3, "2026-07-01", "2027-07-01"),
            (7, "2026-11-26", "2027-11-26"),
            (8, "2027-01-01", "2028-01-01"),
            (10, "2026-02-28", "2027-02-28"),
            (11, "2027-02-28", "2028-02-28"),
            (15, "2027-06-30", "2028-06-30"),
        ]
    );
    // The first Tuesday of September moves to 7 September; the self-paced
    // deadline and the module's prompt stay on 31 October.
    assert_eq!(
        changed(&plan, "content/sessions/kickoff.md"),
        [(3, "2026-09-01", "2027-09-07")]
    );
    assert_eq!(
        changed(&plan, "content/modules/change.md"),
        [(6, "2026-10-31", "2027-10-31")]
    );
    assert_eq!(
        changed(&plan, "content/prompts/reflect.md"),
        [(4, "2026-10-31", "2027-10-31")]
    );
    // A group's meetings keep their weekday and week, as sessions do.
    assert_eq!(
        changed(&plan, "content/groups/pairs.md"),
        [(5, "2026-09-01", "2027-09-07")]
    );
    let review = plan.review.join("\n");
    assert!(
        plan.review.iter().any(|r| r
            == "content/_program.md:7 blackout 2026-11-26 -> 2027-11-26 is a Friday, not a Thursday: check that it is still the day meant"),
        "{review}"
    );
    // The session milestone moved to 7 September, the charter kept 1
    // September: still in order, so nothing to review there.
    assert!(!review.contains("projects/qi.md"), "{review}");
}

#[test]
fn milestones_taken_out_of_order_are_listed() {
    // The first Friday of October 2025 (the 3rd) is 2 October in 2026,
    // before the milestone above it, which keeps 3 October.
    let files = vec![
        file(
            "content/_program.md",
            FileKind::Program,
            "---\ntitle: T\nstarts: 2025-07-01\ntimezone: UTC\n---\n",
        ),
        file(
            "content/sessions/review.md",
            FileKind::Item(Collection::Sessions),
            "---\ntitle: Review\ndate: 2025-10-03\n---\n",
        ),
        file(
            "content/projects/qi.md",
            FileKind::Item(Collection::Projects),
            "---\ntitle: QI\nmilestones:\n  - title: Draft\n    due: 2025-10-03\n  - title: Review\n    session: review\n---\n",
        ),
    ];
    let plan = plan(&files, date(2026, 7, 1)).unwrap();
    assert_eq!(
        plan.review,
        [
            "content/projects/qi.md:6 the milestone `Review` falls on 2026-10-02, before the one above it (2026-10-03): put the milestones back in date order"
        ]
    );
}

#[test]
fn the_timeline_stays_where_it_is() {
    let files = vec![file(
        "content/_program.md",
        FileKind::Program,
        "---\ntitle: T\nstarts: 2025-07-01\ntimezone: UTC\ntimeline:\n  - date: 2019-05-01\n    title: Founded\n  - date: 2026-03-01\n    title: Tenth forum\n---\n",
    )];
    let plan = plan(&files, date(2026, 7, 1)).unwrap();
    assert_eq!(
        changed(&plan, "content/_program.md"),
        [(3, "2025-07-01", "2026-07-01")]
    );
}

#[test]
fn the_29th_of_february_becomes_the_28th() {
    let files = vec![file(
        "content/_program.md",
        FileKind::Program,
        "---\ntitle: T\nstarts: 2027-07-01\ntimezone: UTC\napplication:\n  closes: 2028-02-29\n---\n",
    )];
    let plan = plan(&files, date(2028, 7, 1)).unwrap();
    assert_eq!(
        changed(&plan, "content/_program.md"),
        [
            (3, "2027-07-01", "2028-07-01"),
            (6, "2028-02-29", "2029-02-28")
        ]
    );
}
