//! Rolling a site to its next academic year (`cairn roll`, and `cairn init`'s
//! starter): the plan of every date and id that moves, worked out from the
//! located front matter alone, and what needs a person. [`dates`] holds the
//! calendar rules, [`edits`] writes a plan into the files byte for byte,
//! [`archive`] keeps the past years, [`commit`] writes a roll all or
//! nothing; `plan` holds the plan's types.

pub mod archive;
pub mod commit;
pub mod dates;
pub mod edits;
mod plan;
pub mod tree;

use crate::front_matter::Node;
use crate::layout::{Collection, FileKind};
use crate::site::SourceFile;
use dates::Shortfall;
pub use dates::rolled_id;
use jiff::ToSpan;
use jiff::civil::Date;
pub use plan::{Change, Plan, Rename, SessionMove};
use std::collections::{BTreeMap, HashMap, HashSet};
use tree::Tree;

/// The academic year label of a year starting on `starts`, e.g. `2025-26`.
pub fn year_label(starts: Date) -> String {
    format!(
        "{:04}-{:02}",
        starts.year(),
        (i32::from(starts.year()) + 1).rem_euclid(100)
    )
}

/// The `starts` date of a site's files.
pub fn starts_of(trees: &[Tree]) -> Option<(Date, &Tree)> {
    let program = trees.iter().find(|t| t.kind == FileKind::Program)?;
    tree::date(tree::get(&program.front, "starts")).map(|d| (d, program))
}

/// Works out the roll of `files` to the academic year starting `to`.
pub fn plan(files: &[SourceFile], to: Date) -> Result<Plan, String> {
    let trees = tree::read(files);
    let (old_starts, _) = starts_of(&trees).ok_or(
        "content/_program.md has no readable `starts` date: fix it (cairn check) before rolling",
    )?;
    let mut p = Planner::new(&trees, old_starts, to);
    p.sessions();
    p.renames();
    for t in trees.iter().filter(|t| t.readable) {
        p.file(t);
    }
    p.conflicts();
    p.name_one_way_ids();
    let mut changes = p.changes;
    changes.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    changes.dedup();
    for t in trees.iter().filter(|t| !t.readable) {
        p.review.push(format!(
            "{}:1 could not be read, so its dates were not moved: fix it and move them by hand",
            t.path
        ));
    }
    // What needs a person is named where it will be after the roll.
    let review = p
        .review
        .into_iter()
        .map(|line| {
            let renamed = p.renames.iter().find(|r| {
                line.strip_prefix(r.from.as_str())
                    .is_some_and(|rest| rest.starts_with(':'))
            });
            match renamed {
                Some(r) => format!("{}{} (was {})", r.to, &line[r.from.len()..], r.from),
                None => line,
            }
        })
        .collect();
    Ok(Plan {
        old_starts,
        new_starts: to,
        changes,
        renames: p.renames,
        review,
        sessions: p.moves,
    })
}

/// A placed session: its file, old and new dates, years, days after its first.
type Placed<'t> = (&'t Tree, Date, Date, Option<Vec<i64>>, i64);
struct Planner<'t> {
    trees: &'t [Tree],
    old_starts: Date,
    new_starts: Date,
    old_ends: Date,
    new_ends: Date,
    months: i32,
    /// Session id -> (old date, new date).
    session_dates: HashMap<&'t str, (Date, Date)>,
    /// Old id text -> new id text.
    ids: BTreeMap<String, String>,
    changes: Vec<Change>,
    renames: Vec<Rename>,
    review: Vec<String>,
    moves: Vec<SessionMove>,
    /// Values already handled, by (path, line, column).
    done: HashSet<(String, u32, u32)>,
}

impl<'t> Planner<'t> {
    fn new(trees: &'t [Tree], old_starts: Date, new_starts: Date) -> Self {
        let year = |d: Date| d.checked_add(1.year()).unwrap_or(d);
        Planner {
            trees,
            old_starts,
            new_starts,
            old_ends: year(old_starts),
            new_ends: year(new_starts),
            months: dates::months_between(old_starts, new_starts),
            session_dates: HashMap::new(),
            ids: BTreeMap::new(),
            changes: Vec::new(),
            renames: Vec::new(),
            review: Vec::new(),
            moves: Vec::new(),
            done: HashSet::new(),
        }
    }

    fn of(&self, c: Collection) -> impl Iterator<Item = &'t Tree> + use<'t> {
        self.trees
            .iter()
            .filter(move |t| t.readable && t.kind == FileKind::Item(c))
    }

    /// Each session's counterpart.
    fn sessions(&mut self) {
        for t in self.of(Collection::Sessions) {
            let node = tree::get(&t.front, "date");
            let Some(old) = tree::date(node) else {
                continue;
            };
            let new = self.weekday_rule(&t.path, node, old);
            self.session_dates.insert(&t.id, (old, new));
        }
    }

    /// The weekday rule for `old`, with what needs a person reported at `node`.
    fn weekday_rule(&mut self, path: &str, node: Option<&Node>, old: Date) -> Date {
        let (new, short) = dates::counterpart(old, self.months);
        let line = node.map_or(1, |n| n.pos.line);
        match short {
            Some(Shortfall::NoFifth) => self.review.push(format!(
                "{path}:{line} {old} is a fifth {} and its new month has none: moved to the last, {new}",
                old.strftime("%A")
            )),
            Some(Shortfall::Unmappable) => self.review.push(format!(
                "{path}:{line} {old} could not be mapped to the new year: set it by hand"
            )),
            None => {}
        }
        new
    }

    /// The id each dated file takes in the new year.
    fn renames(&mut self) {
        let mut taken: HashSet<(Collection, String)> = HashSet::new();
        for t in self.trees {
            if let FileKind::Item(c) = t.kind {
                taken.insert((c, t.id.clone()));
            }
        }
        for t in self.trees {
            let FileKind::Item(c) = t.kind else { continue };
            let Some(new_id) = self.rolled_id(&t.id) else {
                continue;
            };
            if taken.contains(&(c, new_id.clone())) {
                self.review.push(format!(
                    "{}:1 cannot be renamed to `{new_id}`: that id is taken; rename it by hand",
                    t.path
                ));
                continue;
            }
            taken.insert((c, new_id.clone()));
            let dir = t.path.rsplit_once('/').map_or("", |(d, _)| d);
            self.ids
                .entry(t.id.clone())
                .or_insert_with(|| new_id.clone());
            self.renames.push(Rename {
                collection: c,
                from: t.path.clone(),
                to: format!("{dir}/{new_id}.md"),
                old_id: t.id.clone(),
                new_id,
            });
        }
    }

    /// An id renamed from a fifth weekday its new month lacks is one-way
    /// too; named when no review line of its file names that date already
    /// (the file could not be read, or its `date` is another day).
    fn name_one_way_ids(&mut self) {
        let mut lines = Vec::new();
        for r in &self.renames {
            let Some((old, _, true)) = dates::id_prefix(&r.old_id) else {
                continue;
            };
            let (new, Some(Shortfall::NoFifth)) = dates::counterpart(old, self.months) else {
                continue;
            };
            let (file, said) = (format!("{}:", r.from), format!("{old} is a fifth "));
            if !self
                .review
                .iter()
                .any(|l| l.starts_with(&file) && l.contains(&said))
            {
                lines.push(format!(
                    "{file}1 its id's date {old} is a fifth {} and its new month has none: moved to the last, {new}",
                    old.strftime("%A")
                ));
            }
        }
        self.review.extend(lines);
    }

    /// Where the file at `path` will be after the roll.
    fn new_path(&self, path: &str) -> String {
        let renamed = self.renames.iter().find(|r| r.from == path);
        renamed.map_or(path, |r| r.to.as_str()).to_string()
    }

    /// `id` renamed for the new year, when it begins with a date or
    /// year-month of the old one.
    fn rolled_id(&self, id: &str) -> Option<String> {
        rolled_id(id, self.old_starts, self.new_starts)
    }

    /// The changes in one file.
    fn file(&mut self, t: &'t Tree) {
        let front = &t.front;
        match t.kind {
            FileKind::Program => {
                self.set(t, tree::get(front, "starts"), self.new_starts);
                let schedule = tree::get(front, "schedule");
                let blackout = schedule.and_then(|s| tree::get(s, "blackout"));
                for b in tree::items(blackout) {
                    self.blackout(t, b);
                }
                // The timeline is the program's history and plans at fixed
                // dates: a founding year does not move with the calendar.
                if let Some(timeline) = tree::get(front, "timeline") {
                    let mut fixed: Vec<(u32, u32)> = Vec::new();
                    tree::each_string(timeline, &mut |n, _| fixed.push((n.pos.line, n.pos.column)));
                    for (line, column) in fixed {
                        self.done.insert((t.path.clone(), line, column));
                    }
                }
            }
            FileKind::Item(Collection::Sessions) => {
                if let Some(&(old, new)) = self.session_dates.get(t.id.as_str()) {
                    self.set(t, tree::get(front, "date"), new);
                    let end = tree::get(front, "end_date");
                    self.offset(t, end, (old, new));
                }
            }
            FileKind::Item(Collection::Prompts) => {
                // A prompt of a session is due at a distance from it; a
                // prompt of a module alone is no session's and keeps its
                // month and day, below.
                let session = tree::text(tree::get(front, "session"));
                if let Some(&anchor) = session.and_then(|s| self.session_dates.get(s)) {
                    self.offset(t, tree::get(front, "due"), anchor);
                }
            }
            FileKind::Item(Collection::Projects) => self.milestones(t),
            FileKind::Item(Collection::Groups) => {
                // A group's meetings repeat like sessions: their dates keep
                // the weekday and week of the month.
                if let Some(meets) = tree::get(front, "meets") {
                    let mut dated: Vec<&Node> = Vec::new();
                    tree::each_string(meets, &mut |n, _| dated.push(n));
                    for node in dated {
                        if let Some(old) = tree::date(Some(node)) {
                            let new = self.weekday_rule(&t.path, Some(node), old);
                            self.set(t, Some(node), new);
                        }
                    }
                }
            }
            _ => {}
        }
        // Every other date of a session's file follows the weekday rule, as
        // the session does; every other date elsewhere is no session's and
        // keeps its month and day (SPEC 9.2), so a deadline stays in its
        // month and a plain roll moves no workload. Every reference to a
        // renamed id follows its file.
        let session_file = t.kind == FileKind::Item(Collection::Sessions);
        let mut others: Vec<(&Node, &str)> = Vec::new();
        tree::each_string(front, &mut |n, s| others.push((n, s)));
        for (node, s) in others {
            if self
                .done
                .contains(&(t.path.clone(), node.pos.line, node.pos.column))
            {
                continue;
            }
            if let Some(old) = tree::date(Some(node)) {
                if session_file {
                    let new = self.weekday_rule(&t.path, Some(node), old);
                    self.set(t, Some(node), new);
                } else {
                    self.same_day(t, node, old);
                }
            } else if let Some(new) = self.ids.get(s) {
                let new = new.clone();
                self.change(t, node, s, &new);
            }
        }
        self.links(t);
    }

    /// A date of a session (a prompt's due date, an end date) that keeps
    /// its offset from the session's `anchor` (old, new).
    fn offset(&mut self, t: &Tree, node: Option<&Node>, (a_old, a_new): (Date, Date)) {
        let (Some(node), Some(old)) = (node, tree::date(node)) else {
            return;
        };
        match dates::keep_offset(old, a_old, a_new) {
            Some(new) => self.set(t, Some(node), new),
            None => self.unmappable(t, node, old),
        }
    }

    /// Milestones' due dates are no session's and keep their month and day
    /// (with every other such date); one with a session alone falls with
    /// it. Milestones in date order that this takes out of it (E0309) need
    /// a person.
    fn milestones(&mut self, t: &Tree) {
        let list = tree::items(tree::get(&t.front, "milestones"));
        let when = |m: &Node, rolled: bool| -> Option<Date> {
            let due = tree::date(tree::get(m, "due"));
            let session = tree::text(tree::get(m, "session"))
                .and_then(|s| self.session_dates.get(s))
                .map(|&(old, new)| if rolled { new } else { old });
            match due {
                Some(d) if rolled => dates::same_day(d, self.months),
                Some(d) => Some(d),
                None => session,
            }
        };
        // The first milestone before the one above it, as E0309 finds it.
        let first_out = |rolled: bool| -> Option<(&Node, Date, Date)> {
            let mut latest: Option<Date> = None;
            for m in list {
                let Some(date) = when(m, rolled) else {
                    continue;
                };
                if let Some(prev) = latest
                    && date < prev
                {
                    return Some((m, date, prev));
                }
                latest = Some(date);
            }
            None
        };
        if first_out(false).is_some() {
            return;
        }
        if let Some((m, date, prev)) = first_out(true) {
            let title = tree::text(tree::get(m, "title")).unwrap_or("a milestone");
            self.review.push(format!(
                "{}:{} the milestone `{title}` falls on {date}, before the one above it ({prev}): put the milestones back in date order",
                t.path, m.pos.line
            ));
        }
    }

    /// A date that is no session's: the same month and day.
    fn same_day(&mut self, t: &Tree, node: &Node, old: Date) {
        match dates::same_day(old, self.months) {
            Some(new) => self.set(t, Some(node), new),
            None => self.unmappable(t, node, old),
        }
    }

    /// A blackout keeps its month and day; one that falls on another
    /// weekday (Thanksgiving, a Thursday, a Friday the next year) needs a
    /// person to say whether the office is still closed that day.
    fn blackout(&mut self, t: &Tree, node: &Node) {
        let Some(old) = tree::date(Some(node)) else {
            return;
        };
        if let Some(new) = dates::same_day(old, self.months)
            && new.weekday() != old.weekday()
        {
            self.review.push(format!(
                "{}:{} blackout {old} -> {new} is a {}, not a {}: check that it is still the day meant",
                t.path,
                node.pos.line,
                new.strftime("%A"),
                old.strftime("%A")
            ));
        }
        self.same_day(t, node, old);
    }

    fn unmappable(&mut self, t: &Tree, node: &Node, old: Date) {
        self.review.push(format!(
            "{}:{} {old} could not be mapped to the new year: set it by hand",
            t.path, node.pos.line
        ));
        self.done
            .insert((t.path.clone(), node.pos.line, node.pos.column));
    }

    /// Records that the date at `node` becomes `new`; reports a date that
    /// falls outside the new academic year.
    fn set(&mut self, t: &Tree, node: Option<&Node>, new: Date) {
        let Some(node) = node else { return };
        let Some(old) = tree::text(Some(node)) else {
            return;
        };
        let is_starts = t.kind == FileKind::Program && new == self.new_starts;
        if !is_starts && (new < self.new_starts || new >= self.new_ends) {
            let was_inside =
                tree::date(Some(node)).is_some_and(|d| d >= self.old_starts && d < self.old_ends);
            if was_inside {
                self.review.push(format!(
                    "{}:{} {old} -> {new} falls outside the new academic year {}: move it by hand",
                    t.path,
                    node.pos.line,
                    year_label(self.new_starts)
                ));
            }
        }
        let new = new.to_string();
        self.change(t, node, old, &new);
    }

    fn change(&mut self, t: &Tree, node: &Node, old: &str, new: &str) {
        self.done
            .insert((t.path.clone(), node.pos.line, node.pos.column));
        if old != new {
            self.changes.push(Change {
                path: t.path.clone(),
                line: node.pos.line,
                column: node.pos.column,
                old: old.to_string(),
                new: new.to_string(),
            });
        }
    }

    /// Links in the body to a renamed file (`@/sessions/OLD.md`, a relative
    /// `../sessions/OLD.md`) follow it.
    fn links(&mut self, t: &Tree) {
        for (n, line) in t.body.split('\n').enumerate() {
            for (column, old, new) in edits::link_ids(line, &self.ids) {
                self.changes.push(Change {
                    path: t.path.clone(),
                    line: t.body_line + n as u32,
                    column,
                    old,
                    new,
                });
            }
        }
    }

    /// Sessions that land on a blackout date or on another session.
    fn conflicts(&mut self) {
        let program = self.trees.iter().find(|t| t.kind == FileKind::Program);
        let blackout: Vec<Date> = program
            .map(|p| {
                let schedule = tree::get(&p.front, "schedule");
                tree::items(schedule.and_then(|s| tree::get(s, "blackout")))
                    .iter()
                    .filter_map(|b| dates::same_day(tree::date(Some(b))?, self.months))
                    .collect()
            })
            .unwrap_or_default();
        let module_years: HashMap<&str, Vec<i64>> = self
            .of(Collection::Modules)
            .filter_map(|m| Some((m.id.as_str(), tree::years(tree::get(&m.front, "year"))?)))
            .collect();
        let mut placed: Vec<Placed> = Vec::new();
        for t in self.of(Collection::Sessions) {
            let Some(&(old, new)) = self.session_dates.get(t.id.as_str()) else {
                continue;
            };
            let line = tree::get(&t.front, "date").map_or(1, |n| n.pos.line);
            // Its days after the first (end_date): one moved onto them clashes.
            let days = tree::date(tree::get(&t.front, "end_date"))
                .and_then(|end| old.until(end).ok())
                .map_or(0, |span| i64::from(span.get_days().max(0)));
            match dates::blackout_met(&blackout, (new, days)) {
                Some(b) if b == new => self.review.push(format!(
                    "{}:{line} {new} is a blackout date of the new year: move the session",
                    t.path
                )),
                Some(b) => self.review.push(format!(
                    "{}:{line} {new}: its day {b} is a blackout date of the new year: move the session",
                    t.path
                )),
                None => {}
            }
            let years = tree::years(tree::get(&t.front, "year")).or_else(|| {
                let module = tree::text(tree::get(&t.front, "module"))?;
                module_years.get(module).cloned()
            });
            for (other, o_old, o_new, o_years, o_days) in &placed {
                let share = match (&years, o_years) {
                    (Some(a), Some(b)) => a.iter().any(|y| b.contains(y)),
                    _ => true,
                };
                if share && dates::clash_made((old, new, days), (*o_old, *o_new, *o_days)) {
                    // Named on the file `check` names (E0308: the later
                    // path after the roll), the other where it will be.
                    let (this, that) = (self.new_path(&t.path), self.new_path(&other.path));
                    let (at, on, date, named) = if this > that {
                        (t, line, new, that)
                    } else {
                        let on = tree::get(&other.front, "date").map_or(1, |n| n.pos.line);
                        (*other, on, *o_new, this)
                    };
                    self.review.push(format!(
                        "{}:{on} {date} is also the day of {named}: check that the two do not clash",
                        at.path
                    ));
                }
            }
            let new_id = self.ids.get(&t.id).cloned().unwrap_or_else(|| t.id.clone());
            self.moves.push(SessionMove {
                old_id: t.id.clone(),
                new_id,
                old_date: old,
                new_date: new,
            });
            placed.push((t, old, new, years, days));
        }
    }
}

#[cfg(test)]
mod tests;
