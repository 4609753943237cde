//! `cairn roll [--to DATE] [--dry-run] [--force]`: moves the site to its next
//! academic year. Prints every change as `file:line old -> new` and what needs
//! a person; unless `--dry-run`, keeps the current year under
//! `archive/YYYY-YY/`, then writes the changes and renames the files.

use super::{FAILED, Global, OK, fail};
use crate::cli::RollArgs;
use crate::roll::{self, Plan, archive, edits};
use jiff::ToSpan;
use jiff::civil::Date;
use std::path::Path;

/// Rolls the site; returns the exit status.
pub fn run(global: &Global, args: &RollArgs) -> u8 {
    let root = match global.site_root() {
        Ok(root) => root,
        Err(e) => return fail(&e),
    };
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
    if let Err(e) = archive::keep(&root, &label, &trees) {
        return fail(&e);
    }
    if let Err(e) = write(&root, &plan) {
        eprintln!("error: {e}");
        eprintln!("the year before the roll is kept in archive/{label}/");
        return FAILED;
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

/// Writes the plan's changes, then renames the files. Every new text is
/// worked out before the first file is written.
pub fn write(root: &Path, plan: &Plan) -> Result<(), String> {
    let mut paths: Vec<&str> = plan.changes.iter().map(|c| c.path.as_str()).collect();
    paths.dedup();
    let mut texts = Vec::with_capacity(paths.len());
    for path in paths {
        let full = root.join(path);
        let raw = std::fs::read_to_string(&full).map_err(|e| format!("cannot read {path}: {e}"))?;
        let changes: Vec<_> = plan.changes.iter().filter(|c| c.path == path).collect();
        texts.push((full, edits::apply(&raw, &changes)?));
    }
    for (full, text) in texts {
        std::fs::write(&full, text).map_err(|e| format!("cannot write {}: {e}", full.display()))?;
    }
    for r in &plan.renames {
        std::fs::rename(root.join(&r.from), root.join(&r.to))
            .map_err(|e| format!("cannot rename {} to {}: {e}", r.from, r.to))?;
    }
    Ok(())
}
