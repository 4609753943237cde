//! Builds the [`Model`] from parsed files: applies defaults, resolves every
//! reference to an index (E0201, with did-you-mean), works out each session's
//! track years (E0304's `year` half, E0312), leaves drafts out unless asked,
//! and reports duplicate phase and competency ids (E0107).

use super::{HashMap, Located, Model, Program, Source, Year};
use crate::content::values::TrackYear;
use crate::content::{Front, Parsed};
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Pos, did_you_mean};
use crate::layout::{Collection, FileKind};

/// Why an id is not in the model although a file has it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Status {
    /// In the model at this index.
    Present(usize),
    /// A draft, left out.
    Draft,
    /// Unusable (already reported); references to it stay silent.
    Broken,
    /// A participant the program does not publish (`publish_participants`):
    /// references to them are valid but lead nowhere.
    Private,
}

pub(super) struct Builder<'a> {
    status: HashMap<(Collection, &'a str), Status>,
    ids: HashMap<Collection, Vec<&'a str>>,
    diagnostics: Vec<Diagnostic>,
    /// Collections a reference failed to name an item of ([`Model::unresolved`]).
    unresolved: Vec<Collection>,
}

impl Builder<'_> {
    /// Resolves a reference written in `file` to an item of `collection`.
    pub(super) fn resolve(
        &mut self,
        collection: Collection,
        reference: &Located<String>,
        file: &str,
    ) -> Option<usize> {
        let dir = collection.dir();
        let noun = collection.singular();
        match self.status.get(&(collection, reference.value.as_str())) {
            Some(Status::Present(i)) => Some(*i),
            Some(Status::Broken | Status::Private) => None,
            Some(Status::Draft) => {
                self.diagnostics.push(
                    Diagnostic::new(Code::E0201, file, reference.pos, format!("the {noun} `{}` is a draft", reference.value))
                        .help("remove `draft: true` from it, or remove this reference (drafts are left out of the site)"),
                );
                None
            }
            None => {
                self.lost(collection);
                let ids = self.ids.get(&collection).map_or(&[][..], Vec::as_slice);
                let help = not_an_id(&reference.value, dir)
                    .or_else(|| did_you_mean(&reference.value, ids.iter().copied()))
                    .or_else(|| {
                        (ids.is_empty()).then(|| {
                            format!("there is no {noun} yet: add one under content/{dir}/")
                        })
                    });
                self.diagnostics.push(
                    Diagnostic::new(
                        Code::E0201,
                        file,
                        reference.pos,
                        format!("unknown {noun} `{}`", reference.value),
                    )
                    .maybe_help(help),
                );
                None
            }
        }
    }

    pub(super) fn resolve_all(
        &mut self,
        collection: Collection,
        refs: &Option<Vec<Located<String>>>,
        file: &str,
    ) -> Vec<usize> {
        refs.iter()
            .flatten()
            .filter_map(|r| self.resolve(collection, r, file))
            .collect()
    }

    /// Resolves person references, counting the participants the site does
    /// not name instead of listing them.
    pub(super) fn resolve_people(
        &mut self,
        refs: &Option<Vec<Located<String>>>,
        file: &str,
    ) -> (Vec<usize>, usize) {
        let mut named = Vec::new();
        let mut unnamed = 0;
        for r in refs.iter().flatten() {
            if self.status.get(&(Collection::People, r.value.as_str())) == Some(&Status::Private) {
                unnamed += 1;
            } else if let Some(i) = self.resolve(Collection::People, r, file) {
                named.push(i);
            }
        }
        (named, unnamed)
    }

    /// True when the program has any file of `collection` (drafts and
    /// unreadable files included).
    pub(super) fn has_any(&self, collection: Collection) -> bool {
        self.status.keys().any(|(c, _)| *c == collection)
    }

    /// Notes that a reference to an item of `collection` names none.
    pub(super) fn lost(&mut self, collection: Collection) {
        if !self.unresolved.contains(&collection) {
            self.unresolved.push(collection);
        }
    }

    pub(super) fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }
}

/// The help for a reference that cannot be an id (accents, capitals,
/// spaces): the id it should be, transliterated to ASCII, and the file name
/// that goes with it.
fn not_an_id(reference: &str, dir: &str) -> Option<String> {
    (!crate::site::is_valid_id(reference)).then(|| {
        let id = crate::site::suggest_id(reference);
        format!(
            "ids use lowercase ASCII letters, digits and hyphens: write `{id}`, the id of content/{dir}/{id}.md"
        )
    })
}

/// A required text field's value (already known to be present for items in the model).
pub(super) fn text(field: &Option<Located<String>>) -> String {
    field.as_ref().map(|t| t.value.clone()).unwrap_or_default()
}

/// Builds the model; `None` when `_program.md` is missing or unusable (its
/// problems are already reported).
pub fn build(parsed: &[Parsed], drafts: bool) -> (Option<Model>, Vec<Diagnostic>) {
    let Some(program_file) = parsed.iter().find(|p| p.kind == FileKind::Program) else {
        return (None, Vec::new());
    };
    let Some(Front::Program(front)) = &program_file.front else {
        return (None, Vec::new());
    };
    if program_file.broken {
        return (None, Vec::new());
    }
    let mut diagnostics = Vec::new();
    let Some(program) = super::program::build(program_file, front, &mut diagnostics) else {
        return (None, diagnostics);
    };
    let publish = program.publish_participants;
    let mut b = Builder {
        status: HashMap::new(),
        ids: HashMap::new(),
        diagnostics,
        unresolved: Vec::new(),
    };

    // Pass 1: which files make it into the model, at which index.
    let mut counts: HashMap<Collection, usize> = HashMap::new();
    let mut unreadable = Vec::new();
    let mut unpublished_roles = std::collections::BTreeMap::new();
    for p in parsed {
        let FileKind::Item(c) = p.kind else { continue };
        if !p.usable {
            continue;
        }
        // `broken` covers a missing required field: when it is false, what
        // every later stage relies on is present.
        let status = if let (Some(front), false) = (&p.front, p.broken) {
            if c == Collection::Sessions && !program.calendar {
                // Left out, and references to it stay silent: the one
                // diagnostic is this file's.
                b.push(session_without_calendar(&p.path));
                Status::Broken
            } else if front.draft() && !drafts {
                Status::Draft
            } else if is_private(front) && !publish {
                if let Front::Person(f) = front {
                    let mut roles: Vec<_> = f.roles.iter().flatten().map(|r| r.value).collect();
                    roles.sort_unstable();
                    roles.dedup();
                    for r in roles {
                        *unpublished_roles.entry(r).or_insert(0) += 1;
                    }
                }
                Status::Private
            } else {
                let n = counts.entry(c).or_default();
                *n += 1;
                b.ids.entry(c).or_default().push(&p.id);
                Status::Present(*n - 1)
            }
        } else {
            unreadable.push((c, p.path.clone()));
            Status::Broken
        };
        b.status.insert((c, p.id.as_str()), status);
    }

    // Pass 2: build the items, resolving references.
    let mut program = program;
    program.resources = b.resolve_all(
        Collection::Readings,
        &front.resources,
        program_file.path.as_str(),
    );
    let mut model = Model::new(program, unreadable);
    model.unpublished_roles = unpublished_roles;
    // A one-year program speaks of its syllabus, not of a "Year 1" (SPEC 8).
    let single_title = model.program.messages.fill(
        "labels.syllabus_years",
        &[
            ("from", &model.program.starts.value.0.year().to_string()),
            ("to", &model.program.ends().0.year().to_string()),
        ],
    );
    model.years = (1..=model.program.years)
        .map(|n| Year {
            number: n,
            title: if model.program.years == 1 {
                single_title.clone()
            } else {
                model
                    .program
                    .messages
                    .fill("labels.year", &[("n", &n.to_string())])
            },
            summary: None,
            source: None,
        })
        .collect();
    // Modules first: sessions need their years.
    let is_module = |p: &Parsed| p.kind == FileKind::Item(Collection::Modules);
    for p in parsed.iter().filter(|p| is_module(p)) {
        if included(&b, p) {
            model.add(&mut b, p);
        }
    }
    for p in parsed.iter().filter(|p| !is_module(p)) {
        if let FileKind::Year(n) = p.kind {
            year_file(&mut b, &mut model, p, n, drafts);
        } else if included(&b, p) {
            model.add(&mut b, p);
        }
    }
    link_back(&mut model);
    model.unresolved = std::mem::take(&mut b.unresolved);
    for ((c, id), status) in &b.status {
        if let Status::Present(i) = status {
            model.index.insert((*c, id.to_string()), *i);
        }
    }
    (Some(model), b.diagnostics)
}

/// E0313 for a session of a program without a calendar, at the file.
fn session_without_calendar(file: &str) -> Diagnostic {
    Diagnostic::new(
        Code::E0313,
        file,
        Pos::START,
        "a session in a program without a calendar (`calendar: false`)",
    )
    .help("remove this session, or drop `calendar: false` from _program.md")
}

fn included(b: &Builder<'_>, p: &Parsed) -> bool {
    let FileKind::Item(c) = p.kind else {
        return false;
    };
    matches!(b.status.get(&(c, p.id.as_str())), Some(Status::Present(_)))
}

/// A person whose roles make them a participant (SPEC 8's privacy guard).
fn is_private(front: &Front) -> bool {
    matches!(front, Front::Person(f)
        if f.roles.iter().flatten().any(|r| r.value.is_participant()))
}

fn year_file(b: &mut Builder<'_>, model: &mut Model, p: &Parsed, n: u32, drafts: bool) {
    let Some(Front::Year(f)) = &p.front else {
        return;
    };
    if !p.usable || p.broken {
        return;
    }
    if n == 0 || n > u32::from(model.program.years) {
        b.push(
            Diagnostic::new(
                Code::E0312,
                &p.path,
                Pos::START,
                beyond_years(n, &model.program),
            )
            .help("raise `years` in _program.md, or remove this file"),
        );
        return;
    }
    if f.draft.unwrap_or(false) && !drafts {
        return;
    }
    let year = &mut model.years[n as usize - 1];
    if let Some(t) = &f.title {
        year.title.clone_from(&t.value);
    }
    year.summary.clone_from(&f.summary);
    year.source = Some(Source::of(p, f.draft));
}

/// Fills the back references: each module's and reading's sessions, in
/// curriculum order.
fn link_back(model: &mut Model) {
    let mut order: Vec<usize> = (0..model.sessions.len()).collect();
    order.sort_by_key(|&i| {
        let s = &model.sessions[i];
        (
            s.years.first().copied().unwrap_or(0),
            s.date.value,
            s.start,
            s.source.path.clone(),
        )
    });
    for &i in &order {
        let s = &model.sessions[i];
        if let Some(m) = s.module {
            model.modules[m].sessions.push(i);
        }
        for &r in &s.readings.clone() {
            model.readings[r].sessions.push(i);
        }
    }
}

/// E0312's message, for a year value and for a year file alike.
pub(super) fn beyond_years(year: u32, program: &Program) -> String {
    format!(
        "year {year} is beyond the program's {} years",
        program.years
    )
}

/// E0312 when a module's or project's `year` is beyond the program's years.
pub(super) fn year_in_range(
    b: &mut Builder<'_>,
    program: &Program,
    year: &Located<TrackYear>,
    file: &str,
) {
    if year.value.0 > program.years {
        b.push(
            Diagnostic::new(
                Code::E0312,
                file,
                year.pos,
                beyond_years(u32::from(year.value.0), program),
            )
            .help(format!(
                "use a year from 1 to {}, or raise `years` in _program.md",
                program.years
            )),
        );
    }
}
