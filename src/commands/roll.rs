//! `cairn roll [--to DATE] [--dry-run] [--force]`: moves the site to its next
//! academic year. Prints every change as `file:line old -> new` and what needs
//! a person; unless `--dry-run`, keeps the current year under
//! `archive/YYYY-YY/`, writes the changes and renames the files, all or
//! nothing ([`roll::commit`]). It first finishes or removes what a killed
//! roll left.

use super::{Global, OK, fail};
use crate::cli::RollArgs;
use crate::roll::{self, Plan, archive, commit};
use jiff::ToSpan;
use jiff::civil::Date;

/// Rolls the site; returns the exit status.
pub fn run(global: &Global, args: &RollArgs) -> u8 {
    let root = match global.site_root() {
        Ok(root) => root,
        Err(e) => return fail(&e),
    };
    // A dry run changes nothing, what a stopped roll left included.
    let notes = if args.dry_run {
        commit::pending(&root)
    } else {
        commit::recover(&root)
    };
    for note in notes {
        eprintln!("note: {note}");
    }
    let (loaded, _) = crate::site::load(&root);
    let trees = roll::tree::read(&loaded.files);
    let Some((starts, _)) = roll::starts_of(&trees) else {
        return fail(
            "content/_program.md has no readable `starts` date: fix it (cairn check) before rolling",
        );
    };
    let to = match args.to {
        Some(to) => to,
        None => match starts.checked_add(1.year()) {
            Ok(to) => to,
            Err(e) => return fail(&format!("cannot add a year to {starts}: {e}")),
        },
    };
    if let Err(e) = allowed(starts, to, args.force) {
        return fail(&e);
    }
    let plan = match roll::plan(&loaded.files, to) {
        Ok(plan) => plan,
        Err(e) => return fail(&e),
    };
    super::print_out(&report(&plan));
    let label = roll::year_label(starts);
    if args.dry_run {
        if root.join(archive::DIR).join(&label).exists() {
            eprintln!(
                "note: archive/{label}/ already exists, so `cairn roll` would refuse to archive this year again"
            );
        }
        if !global.quiet {
            eprintln!(
                "dry run: {} changes, {} renamed files, {} to review; nothing written",
                plan.changes.len(),
                plan.renames.len(),
                plan.review.len()
            );
        }
        return OK;
    }
    if let Err(e) = commit::write(&root, &plan, Some((&label, &trees))) {
        return fail(&e);
    }
    if !global.quiet {
        eprintln!(
            "rolled to the academic year {} ({} changes, {} renamed files); {label} is kept in archive/{label}/",
            roll::year_label(to),
            plan.changes.len(),
            plan.renames.len()
        );
        if !plan.review.is_empty() {
            eprintln!(
                "{} to review (above): then run cairn check",
                plan.review.len()
            );
        }
    }
    OK
}

/// Refuses a roll to the same year, and to an earlier one without `--force`.
pub fn allowed(starts: Date, to: Date, force: bool) -> Result<(), String> {
    if to == starts {
        return Err(format!("the site already starts on {starts}"));
    }
    if to < starts && !force {
        return Err(format!(
            "{to} is before the current year's start ({starts}): rolling back to an earlier year needs --force"
        ));
    }
    Ok(())
}

/// Every change as `file:line old -> new`, each renamed file as `rename:
/// OLD -> NEW`, then what needs a person (`review: ...`).
pub fn report(plan: &Plan) -> String {
    let mut out = String::new();
    for c in &plan.changes {
        out.push_str(&format!("{}:{} {} -> {}\n", c.path, c.line, c.old, c.new));
    }
    for r in &plan.renames {
        out.push_str(&format!("rename: {} -> {}\n", r.from, r.to));
    }
    for r in &plan.review {
        out.push_str(&format!("review: {r}\n"));
    }
    out
}
