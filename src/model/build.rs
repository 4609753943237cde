//! Builds the [`Model`] from parsed files: applies defaults, resolves every
//! reference to an index (E0201, with did-you-mean), works out each session's
//! track years (E0304's `year` half, E0312), leaves drafts out unless asked,
//! and reports duplicate phase and competency ids (E0107).

use super::items::{self, module, project, session};
use super::{
    Competency, HashMap, Located, Model, Page, Person, PersonRole, Phase, Program, Prompt, Reading,
    Source, Time, Year,
};
use crate::content::program::{Phase as PhaseFront, ProgramFront};
use crate::content::{Collection, Front, Parsed};
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Pos, did_you_mean};
use crate::site::FileKind;
use std::collections::HashSet;

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
                let ids = self.ids.get(&collection).map_or(&[][..], Vec::as_slice);
                let help = did_you_mean(&reference.value, ids.iter().copied()).or_else(|| {
                    (ids.is_empty())
                        .then(|| format!("there is no {noun} yet: add one under content/{dir}/"))
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

    pub(super) fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }
}

/// The A.R.E.A. framework, used when `_program.md` has no `phases`.
fn default_phases() -> Vec<Phase> {
    [
        ("awareness", "Awareness", false),
        ("reflection", "Reflection", true),
        ("empowerment", "Empowerment", false),
        ("action", "Action", false),
    ]
    .into_iter()
    .map(|(id, title, continuous)| Phase {
        id: id.into(),
        title: title.into(),
        summary: None,
        continuous,
    })
    .collect()
}

/// A required text field's value (already known to be present for items in the model).
pub(super) fn text(field: &Option<Located<String>>) -> String {
    field.as_ref().map(|t| t.value.clone()).unwrap_or_default()
}

pub(super) fn source(p: &Parsed, draft: Option<bool>) -> Source {
    Source {
        id: p.id.clone(),
        path: p.path.clone(),
        body: std::sync::Arc::clone(&p.body),
        body_line: p.body_line,
        draft: draft.unwrap_or(false),
    }
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
    let Some(program) = program(program_file, front, &mut diagnostics) else {
        return (None, diagnostics);
    };
    let publish = program.publish_participants;
    let mut b = Builder {
        status: HashMap::new(),
        ids: HashMap::new(),
        diagnostics,
    };

    // Pass 1: which files make it into the model, at which index.
    let mut counts: HashMap<Collection, usize> = HashMap::new();
    let mut unreadable = Vec::new();
    for p in parsed {
        let FileKind::Item(c) = p.kind else { continue };
        if !p.usable {
            continue;
        }
        // `broken` covers a missing required field: when it is false, what
        // every later stage relies on is present.
        let status = if let (Some(front), false) = (&p.front, p.broken) {
            if is_draft(front) && !drafts {
                Status::Draft
            } else if is_private(front) && !publish {
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
    let mut model = Model {
        years: Vec::new(),
        modules: Vec::new(),
        sessions: Vec::new(),
        readings: Vec::new(),
        prompts: Vec::new(),
        people: Vec::new(),
        projects: Vec::new(),
        pages: Vec::new(),
        groups: Vec::new(),
        index: HashMap::new(),
        unreadable,
        program,
    };
    // A one-year program speaks of its syllabus, not of a "Year 1" (SPEC 8).
    let single_title = format!(
        "Syllabus {}–{}",
        model.program.starts.value.0.year(),
        model.program.ends().0.year()
    );
    model.years = (1..=model.program.years)
        .map(|n| Year {
            number: n,
            title: if model.program.years == 1 {
                single_title.clone()
            } else {
                format!("Year {n}")
            },
            summary: None,
            source: None,
        })
        .collect();
    // Modules first: sessions need their years.
    for p in parsed {
        if !included(&b, p) {
            continue;
        }
        if let Some(Front::Module(f)) = &p.front {
            let m = module(&mut b, &model.program, p, f);
            model.modules.push(m);
        }
    }
    for p in parsed {
        if p.kind == FileKind::Program {
            continue;
        }
        if let FileKind::Year(n) = p.kind {
            year_file(&mut b, &mut model, p, n, drafts);
            continue;
        }
        if !included(&b, p) {
            continue;
        }
        let file = p.path.as_str();
        match &p.front {
            Some(Front::Session(f)) => {
                let s = session(&mut b, &model, p, f);
                model.sessions.push(s);
            }
            Some(Front::Reading(f)) => model.readings.push(Reading {
                source: source(p, f.draft),
                title: text(&f.title),
                kind: f.kind.as_ref().map(|k| k.value).unwrap_or_default(),
                authors: f.authors.clone().unwrap_or_default(),
                published: f.published,
                isbn: f.isbn.as_ref().map(|i| i.value.clone()),
                doi: f.doi.as_ref().map(|d| d.value.clone()),
                url: f.url.as_ref().map(|u| u.value.clone()),
                pages: f.pages,
                minutes: f.minutes,
                optional: f.optional.unwrap_or(false),
                sessions: Vec::new(),
            }),
            Some(Front::Prompt(f)) => {
                let session = f
                    .session
                    .as_ref()
                    .and_then(|r| b.resolve(Collection::Sessions, r, file));
                let module = f
                    .module
                    .as_ref()
                    .and_then(|r| b.resolve(Collection::Modules, r, file));
                model.prompts.push(Prompt {
                    source: source(p, f.draft),
                    title: text(&f.title),
                    session,
                    module,
                    due: f.due.clone(),
                });
            }
            Some(Front::Person(f)) => {
                let mut roles: Vec<PersonRole> =
                    f.roles.iter().flatten().map(|r| r.value).collect();
                roles.sort();
                roles.dedup();
                model.people.push(Person {
                    source: source(p, f.draft),
                    name: text(&f.name),
                    role: f.role.clone(),
                    pronouns: f.pronouns.clone(),
                    affiliation: f.affiliation.clone(),
                    roles,
                    photo: f.photo.clone(),
                    email: f.email.clone(),
                    url: f.url.as_ref().map(|u| u.value.clone()),
                });
            }
            Some(Front::Project(f)) => {
                let pr = project(&mut b, &model.program, p, f);
                model.projects.push(pr);
            }
            Some(Front::Group(f)) => {
                let g = items::group(&mut b, p, f);
                model.groups.push(g);
            }
            Some(Front::Page(f)) => model.pages.push(Page {
                source: source(p, f.draft),
                title: text(&f.title),
                weight: f.weight.unwrap_or(0),
                nav: f.nav.unwrap_or(true),
            }),
            _ => {}
        }
    }
    link_back(&mut model);
    for ((c, id), status) in &b.status {
        if let Status::Present(i) = status {
            model.index.insert((*c, id.to_string()), *i);
        }
    }
    (Some(model), b.diagnostics)
}

fn included(b: &Builder<'_>, p: &Parsed) -> bool {
    let FileKind::Item(c) = p.kind else {
        return false;
    };
    matches!(b.status.get(&(c, p.id.as_str())), Some(Status::Present(_)))
}

fn is_draft(front: &Front) -> bool {
    let d = match front {
        Front::Module(f) => f.draft,
        Front::Session(f) => f.draft,
        Front::Reading(f) => f.draft,
        Front::Prompt(f) => f.draft,
        Front::Person(f) => f.draft,
        Front::Project(f) => f.draft,
        Front::Page(f) => f.draft,
        Front::Year(f) => f.draft,
        Front::Group(f) => f.draft,
        Front::Program(_) => None,
    };
    d.unwrap_or(false)
}

/// A person whose roles make them a participant (SPEC 8's privacy guard).
fn is_private(front: &Front) -> bool {
    matches!(front, Front::Person(f)
        if f.roles.iter().flatten().any(|r| r.value.is_participant()))
}

fn program(p: &Parsed, f: &ProgramFront, ds: &mut Vec<Diagnostic>) -> Option<Program> {
    let file = p.path.as_str();
    let (title, starts, timezone) = (f.title.as_ref()?, f.starts.clone()?, f.timezone.as_ref()?);
    let phases = match &f.phases {
        None => default_phases(),
        Some(list) => {
            unique_ids(
                list.iter().map(|p| (&p.value.id.value, p.pos)),
                "phase",
                file,
                ds,
            );
            list.iter().map(|p| phase(&p.value)).collect()
        }
    };
    let competencies: Vec<Competency> = f
        .competencies
        .iter()
        .flatten()
        .map(|c| c.value.clone())
        .collect();
    if let Some(list) = &f.outcomes {
        unique_ids(
            list.iter().map(|o| (&o.value.id.value, o.pos)),
            "outcome",
            file,
            ds,
        );
    }
    if let Some(list) = &f.competencies {
        unique_ids(
            list.iter().map(|c| (&c.value.id.value, c.pos)),
            "competency",
            file,
            ds,
        );
    }
    let schedule = f.schedule.clone().unwrap_or_default();
    Some(Program {
        source: source(p, None),
        title: title.value.clone(),
        institution: f.institution.clone(),
        tagline: f.tagline.clone(),
        language: f
            .language
            .as_ref()
            .map_or_else(|| "en".to_string(), |l| l.value.0.clone()),
        years: f.years.as_ref().map_or(2, |y| y.value.0),
        starts,
        timezone: timezone.value.0.clone(),
        tz: timezone.value.1.clone(),
        start: schedule
            .start
            .map_or(Time(jiff::civil::time(18, 0, 0, 0)), |t| t.value),
        end: schedule
            .end
            .map_or(Time(jiff::civil::time(20, 0, 0, 0)), |t| t.value),
        months: schedule.months.unwrap_or_default(),
        blackout: schedule.blackout.unwrap_or_default(),
        phases,
        sequence: f.sequence.as_ref().map(|s| s.value).unwrap_or_default(),
        attendance_minimum: f.attendance.as_ref().and_then(|a| a.minimum.clone()),
        max_pages_per_month: f
            .workload
            .as_ref()
            .and_then(|w| w.max_pages_per_month.clone()),
        max_minutes_per_month: f
            .workload
            .as_ref()
            .and_then(|w| w.max_minutes_per_month.clone()),
        competencies,
        base_url: f.base_url.as_ref().map(|u| u.value.clone()),
        contact: f.contact.clone(),
        portable: f.portable.unwrap_or(false),
        eligibility: f.eligibility.clone(),
        cohort_size: f.cohort_size,
        application: f.application.clone(),
        endorsement: f.endorsement.clone(),
        audience: f.audience.clone(),
        outcomes: f.outcomes.clone().unwrap_or_default(),
        publish_participants: f.publish_participants.unwrap_or(false),
        brand: super::brand::Brand::from_front(f.brand.as_ref()),
    })
}

fn phase(f: &PhaseFront) -> Phase {
    Phase {
        id: f.id.value.clone(),
        title: f.title.clone(),
        summary: f.summary.clone(),
        continuous: f.continuous.unwrap_or(false),
    }
}

/// E0107 at the second list item that repeats an id.
fn unique_ids<'x>(
    items: impl Iterator<Item = (&'x String, Pos)>,
    noun: &str,
    file: &str,
    ds: &mut Vec<Diagnostic>,
) {
    let mut seen = HashSet::new();
    for (id, pos) in items {
        if !seen.insert(id.as_str()) {
            ds.push(
                Diagnostic::new(
                    Code::E0107,
                    file,
                    pos,
                    format!("the {noun} id `{id}` is used twice"),
                )
                .help(format!(
                    "each {noun} needs its own id; rename or remove this one"
                )),
            );
        }
    }
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
                items::beyond_years(n, &model.program),
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
    year.source = Some(source(p, f.draft));
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
