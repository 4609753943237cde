//! The curriculum: every file's front matter with references resolved to the
//! items they name ([`Item`]: a collection and an index into its list).
//! Validation checks it; later stages read only this and never re-read files
//! or re-check references. Built by [`build`]; serialised as
//! `curriculum.json` by [`json`]; each year's workload by [`workload`].

pub mod brand;
pub mod build;
pub mod due;
mod items;
pub mod json;
pub mod workload;

use crate::content::Collection;
use crate::content::group::GroupKind;
use crate::content::module::SelfPaced;
use crate::content::person::PersonRole;
use crate::content::program::{Competency, Outcome, Sequence};
use crate::content::project::ProjectKind;
use crate::content::reading::ReadingKind;
use crate::content::session::{AgendaItem, SessionKind};
use crate::content::values::{Date, Doi, Isbn, Month, Time, TrackYear, Url};
use crate::fields::Located;
use std::collections::HashMap;

/// A typed reference to one item of the model: its collection and its index
/// in that collection's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Item {
    /// Which list.
    pub collection: Collection,
    /// Index in [`Model`]'s list of that collection.
    pub index: usize,
}

impl Item {
    /// A module.
    pub fn module(index: usize) -> Item {
        Item {
            collection: Collection::Modules,
            index,
        }
    }
    /// A session.
    pub fn session(index: usize) -> Item {
        Item {
            collection: Collection::Sessions,
            index,
        }
    }
    /// A reading.
    pub fn reading(index: usize) -> Item {
        Item {
            collection: Collection::Readings,
            index,
        }
    }
    /// A prompt.
    pub fn prompt(index: usize) -> Item {
        Item {
            collection: Collection::Prompts,
            index,
        }
    }
    /// A person.
    pub fn person(index: usize) -> Item {
        Item {
            collection: Collection::People,
            index,
        }
    }
    /// A project.
    pub fn project(index: usize) -> Item {
        Item {
            collection: Collection::Projects,
            index,
        }
    }
    /// A free page.
    pub fn page(index: usize) -> Item {
        Item {
            collection: Collection::Pages,
            index,
        }
    }
    /// A group.
    pub fn group(index: usize) -> Item {
        Item {
            collection: Collection::Groups,
            index,
        }
    }
}

/// The whole curriculum of one academic year.
#[derive(Debug, Clone)]
pub struct Model {
    /// `_program.md`.
    pub program: Program,
    /// Years 1..=program.years, each with its optional intro file.
    pub years: Vec<Year>,
    /// Modules in path order.
    pub modules: Vec<Module>,
    /// Sessions in path order.
    pub sessions: Vec<Session>,
    /// Readings in path order.
    pub readings: Vec<Reading>,
    /// Prompts in path order.
    pub prompts: Vec<Prompt>,
    /// People in path order.
    pub people: Vec<Person>,
    /// Projects in path order.
    pub projects: Vec<Project>,
    /// Free pages in path order.
    pub pages: Vec<Page>,
    /// Groups in path order.
    pub groups: Vec<Group>,
    /// Index of every item by collection and id, e.g. `(Modules, "allyship")`.
    pub index: HashMap<(Collection, String), usize>,
    /// Item files that could not be read (a YAML error, a required field
    /// missing...): their ids answer references, but nothing else of them is
    /// known, so rules that count across files must not blame their absence.
    pub unreadable: Vec<(crate::content::Collection, String)>,
}

impl Model {
    /// True when a session file could not be read: counts of sessions
    /// (attendance, cadence, what no session uses) would be wrong.
    pub fn sessions_incomplete(&self) -> bool {
        self.unreadable
            .iter()
            .any(|(c, _)| *c == crate::content::Collection::Sessions)
    }
}

/// What every item has: where it came from and its Markdown.
#[derive(Debug, Clone)]
pub struct Source {
    /// Its id, e.g. `2025-09-orientation`.
    pub id: String,
    /// Its file relative to the root, e.g. `content/sessions/year-1/2025-09-orientation.md`.
    pub path: String,
    /// The Markdown body (shared with the parsed file's).
    pub body: std::sync::Arc<str>,
    /// File line where the body starts.
    pub body_line: u32,
    /// `draft: true` (only present in the model with `--drafts`).
    pub draft: bool,
}

/// The program and its policies, defaults applied.
#[derive(Debug, Clone)]
pub struct Program {
    /// Body and place of `_program.md`.
    pub source: Source,
    /// e.g. `DEI Leadership Track`.
    pub title: String,
    /// e.g. `Riverside University Health System`.
    pub institution: Option<String>,
    /// One line under the title.
    pub tagline: Option<String>,
    /// `<html lang>`, e.g. `en`.
    pub language: String,
    /// Length of the track, e.g. `2`.
    pub years: u8,
    /// First day of the academic year, e.g. 2025-07-01.
    pub starts: Located<Date>,
    /// IANA name, e.g. `America/New_York`.
    pub timezone: String,
    /// The zone's rules, from the built-in database.
    pub tz: jiff::tz::TimeZone,
    /// Default session start, e.g. 18:00.
    pub start: Time,
    /// Default session end, e.g. 20:00.
    pub end: Time,
    /// Months that should each hold a required session.
    pub months: Vec<Located<Month>>,
    /// Dates without sessions.
    pub blackout: Vec<Located<Date>>,
    /// The framework, in order; empty for `phases: []`.
    pub phases: Vec<Phase>,
    /// How phase order is checked.
    pub sequence: Sequence,
    /// Required sessions per year, with the place of the value.
    pub attendance_minimum: Option<Located<u32>>,
    /// Reading pages per month, with the place of the value.
    pub max_pages_per_month: Option<Located<u32>>,
    /// Minutes per month, with the place of the value.
    pub max_minutes_per_month: Option<Located<u32>>,
    /// The curriculum map's vocabulary.
    pub competencies: Vec<Competency>,
    /// e.g. `https://example.org/dei/`.
    pub base_url: Option<Url>,
    /// Footer contact.
    pub contact: Option<String>,
    /// Build the portable form (links name `index.html`) whatever the flag.
    pub portable: bool,
    /// Who may take part.
    pub eligibility: Option<String>,
    /// Participants per cohort.
    pub cohort_size: Option<u32>,
    /// How and when to apply.
    pub application: Option<crate::content::program::Application>,
    /// Who endorses the program.
    pub endorsement: Option<String>,
    /// The word for participants, e.g. `residents and fellows`, written by
    /// the program; `None` means the theme's default word.
    pub audience: Option<String>,
    /// SMART outcomes, in the order written.
    pub outcomes: Vec<Located<Outcome>>,
    /// People whose roles include `mentee` or `trainee` are in the model.
    pub publish_participants: bool,
    /// Logo, accent colours and sharing image.
    pub brand: brand::Brand,
}

impl Program {
    /// The first day after the academic year: `starts` + 1 year.
    pub fn ends(&self) -> Date {
        Date(
            self.starts
                .value
                .0
                .saturating_add(jiff::Span::new().years(1)),
        )
    }

    /// True when `date` falls in [starts, starts + 1 year).
    pub fn in_academic_year(&self, date: Date) -> bool {
        date >= self.starts.value && date < self.ends()
    }

    /// Index of a phase by id.
    pub fn phase(&self, id: &str) -> Option<usize> {
        self.phases.iter().position(|p| p.id == id)
    }
}

/// One phase of the framework.
#[derive(Debug, Clone)]
pub struct Phase {
    /// e.g. `awareness`.
    pub id: String,
    /// e.g. `Awareness`.
    pub title: String,
    /// One paragraph.
    pub summary: Option<String>,
    /// Runs alongside the others (exempt from E0303).
    pub continuous: bool,
}

/// A track year.
#[derive(Debug, Clone)]
pub struct Year {
    /// 1, 2, ...
    pub number: u8,
    /// e.g. `Year 1` or the year file's title.
    pub title: String,
    /// One paragraph.
    pub summary: Option<String>,
    /// `years/N.md`, if there is one.
    pub source: Option<Source>,
}

/// An A.R.E.A. module.
#[derive(Debug, Clone)]
pub struct Module {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `Implicit & Structural Bias`.
    pub title: String,
    /// Index into `program.phases`; `None` with `phases: []`.
    pub phase: Option<usize>,
    /// The `phase` value's place.
    pub phase_pos: Option<crate::diagnostics::Pos>,
    /// Track year, e.g. 1.
    pub year: u8,
    /// One paragraph.
    pub summary: Option<String>,
    /// Learning objectives, with the place of each list item.
    pub objectives: Vec<Located<String>>,
    /// Indexes into `program.competencies`.
    pub competencies: Vec<usize>,
    /// Prerequisite modules, with the place of each list item.
    pub prerequisites: Vec<Located<usize>>,
    /// Online work.
    pub self_paced: Vec<SelfPaced>,
    /// Indexes into `program.outcomes`.
    pub outcomes: Vec<usize>,
    /// Reading indexes to use at any time.
    pub resources: Vec<usize>,
    /// Feedback survey.
    pub feedback: Option<Url>,
    /// Its sessions in curriculum order (filled by the builder).
    pub sessions: Vec<usize>,
}

/// A dated session.
#[derive(Debug, Clone)]
pub struct Session {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `Listening Across Difference`.
    pub title: String,
    /// e.g. seminar.
    pub kind: SessionKind,
    /// The (first) day.
    pub date: Located<Date>,
    /// The last day of a multi-day session.
    pub end_date: Option<Located<Date>>,
    /// Start time (its own or the program's default).
    pub start: Time,
    /// End time.
    pub end: Time,
    /// The `end` value's place, when written.
    pub end_pos: Option<crate::diagnostics::Pos>,
    /// Track years attending, sorted, e.g. `[1, 2]`.
    pub years: Vec<u8>,
    /// Index of its module.
    pub module: Option<usize>,
    /// e.g. `Education Center, Room 204`.
    pub location: Option<String>,
    /// Video link.
    pub online: Option<Url>,
    /// People indexes.
    pub speakers: Vec<usize>,
    /// People indexes.
    pub facilitators: Vec<usize>,
    /// Reading indexes.
    pub readings: Vec<usize>,
    /// Expected of its years (else "optional").
    pub required: bool,
    /// Counts toward the attendance minimum.
    pub counts: bool,
    /// Feedback survey.
    pub feedback: Option<Url>,
    /// The evening's plan.
    pub agenda: Vec<Located<AgendaItem>>,
}

impl Session {
    /// The last day (`end_date` or date).
    pub fn last_day(&self) -> Date {
        self.end_date.as_ref().map_or(self.date.value, |d| d.value)
    }

    /// True when the session is attended by year `year`.
    pub fn in_year(&self, year: u8) -> bool {
        self.years.contains(&year)
    }
}

/// A book, article, video...
#[derive(Debug, Clone)]
pub struct Reading {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `So You Want to Talk About Race`.
    pub title: String,
    /// e.g. book.
    pub kind: ReadingKind,
    /// e.g. `["Ijeoma Oluo"]`.
    pub authors: Vec<String>,
    /// e.g. 2018.
    pub published: Option<i32>,
    /// As written.
    pub isbn: Option<Isbn>,
    /// e.g. `10.1056/...`.
    pub doi: Option<Doi>,
    /// Where to find it.
    pub url: Option<Url>,
    /// Pages to read.
    pub pages: Option<u32>,
    /// Minutes to watch.
    pub minutes: Option<u32>,
    /// Optional readings are not counted in the workload.
    pub optional: bool,
    /// Sessions that list it, in curriculum order (filled by the builder).
    pub sessions: Vec<usize>,
}

/// A reflection prompt.
#[derive(Debug, Clone)]
pub struct Prompt {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `A moment you stayed silent`.
    pub title: String,
    /// Its session.
    pub session: Option<usize>,
    /// Its module.
    pub module: Option<usize>,
    /// Due date.
    pub due: Option<Located<Date>>,
}

/// A person.
#[derive(Debug, Clone)]
pub struct Person {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `Dr. Ana Ruiz`.
    pub name: String,
    /// e.g. `Associate Professor of Pediatrics`.
    pub role: Option<String>,
    /// e.g. `she/her`.
    pub pronouns: Option<String>,
    /// e.g. a hospital.
    pub affiliation: Option<String>,
    /// Parts they play.
    pub roles: Vec<PersonRole>,
    /// Path under `static/`, with its place.
    pub photo: Option<Located<String>>,
    /// e-mail.
    pub email: Option<String>,
    /// Web page.
    pub url: Option<Url>,
}

/// A capstone project track.
#[derive(Debug, Clone)]
pub struct Project {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `Equity-minded quality improvement`.
    pub title: String,
    /// Its kind.
    pub kind: Option<ProjectKind>,
    /// Track year (default the last).
    pub year: u8,
    /// Steps in the order written.
    pub milestones: Vec<Milestone>,
}

/// A project milestone, its session resolved.
#[derive(Debug, Clone)]
pub struct Milestone {
    /// e.g. `Charter approved`.
    pub title: String,
    /// Due date, if written, with its place.
    pub due: Option<Located<Date>>,
    /// Session index, if written.
    pub session: Option<usize>,
    /// The list item's place.
    pub pos: crate::diagnostics::Pos,
}

impl Milestone {
    /// Its date: `due`, else its session's date.
    pub fn date(&self, model: &Model) -> Option<Date> {
        self.due
            .as_ref()
            .map(|d| d.value)
            .or_else(|| self.session.map(|s| model.sessions[s].date.value))
    }
}

/// A mentored small group, a pair, a committee.
#[derive(Debug, Clone)]
pub struct Group {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `Small group A`.
    pub title: String,
    /// e.g. small-group.
    pub kind: GroupKind,
    /// People indexes of its published mentors.
    pub mentors: Vec<usize>,
    /// People indexes of its published members.
    pub members: Vec<usize>,
    /// Mentors and members the site does not name (participants, see
    /// `publish_participants`): only counted.
    pub unnamed: usize,
    /// Session indexes where it meets.
    pub sessions: Vec<usize>,
    /// When it meets, in words.
    pub meets: Option<String>,
    /// Project index.
    pub project: Option<usize>,
}

/// A free page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Id, path, body.
    pub source: Source,
    /// e.g. `Apply`.
    pub title: String,
    /// Navigation order.
    pub weight: i64,
    /// Shown in the navigation.
    pub nav: bool,
}

/// A point in curriculum order: (year, date, time).
pub type Moment = (u8, Date, Time);

impl Model {
    /// Where a module starts and finishes in curriculum order, if it has sessions.
    pub fn module_span(&self, module: usize) -> Option<(Moment, Moment)> {
        let m = &self.modules[module];
        let first = &self.sessions[*m.sessions.first()?];
        let last = &self.sessions[*m.sessions.last()?];
        Some((
            (m.year, first.date.value, first.start),
            (m.year, last.last_day(), last.end),
        ))
    }

    /// Module indexes in the order every page lists them: by year, then
    /// phase (modules without one last), then first session (modules
    /// without sessions last), then id.
    pub fn modules_in_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.modules.len()).collect();
        order.sort_by_key(|&i| {
            let m = &self.modules[i];
            (
                m.year,
                m.phase.unwrap_or(usize::MAX),
                self.module_span(i).map(|(start, _)| start).is_none(),
                self.module_span(i).map(|(start, _)| start),
                m.source.id.as_str(),
            )
        });
        order
    }

    /// The item of `collection` with the id `id`, if the model has it.
    pub fn find(&self, collection: Collection, id: &str) -> Option<Item> {
        self.index
            .get(&(collection, id.to_string()))
            .map(|&index| Item { collection, index })
    }

    /// How many items `collection` holds.
    pub fn count(&self, collection: Collection) -> usize {
        match collection {
            Collection::Modules => self.modules.len(),
            Collection::Sessions => self.sessions.len(),
            Collection::Readings => self.readings.len(),
            Collection::Prompts => self.prompts.len(),
            Collection::People => self.people.len(),
            Collection::Projects => self.projects.len(),
            Collection::Pages => self.pages.len(),
            Collection::Groups => self.groups.len(),
        }
    }

    /// Every item of `collection`, in path order.
    pub fn items(&self, collection: Collection) -> impl Iterator<Item = Item> + use<> {
        (0..self.count(collection)).map(move |index| Item { collection, index })
    }

    /// Every item of every collection, collection by collection.
    pub fn all_items(&self) -> impl Iterator<Item = Item> + '_ {
        Collection::ALL.into_iter().flat_map(|c| self.items(c))
    }

    /// Where an item came from: its id, file and body.
    pub fn source(&self, item: Item) -> &Source {
        let i = item.index;
        match item.collection {
            Collection::Modules => &self.modules[i].source,
            Collection::Sessions => &self.sessions[i].source,
            Collection::Readings => &self.readings[i].source,
            Collection::Prompts => &self.prompts[i].source,
            Collection::People => &self.people[i].source,
            Collection::Projects => &self.projects[i].source,
            Collection::Pages => &self.pages[i].source,
            Collection::Groups => &self.groups[i].source,
        }
    }

    /// The track years an item belongs to: a module's or project's year, a
    /// session's years, the years of the sessions that list a reading; none
    /// for the rest.
    pub fn years_of(&self, item: Item) -> Vec<u8> {
        let i = item.index;
        match item.collection {
            Collection::Modules => vec![self.modules[i].year],
            Collection::Sessions => self.sessions[i].years.clone(),
            Collection::Readings => self.readings[i]
                .sessions
                .iter()
                .flat_map(|&s| self.sessions[s].years.iter().copied())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect(),
            Collection::Projects => vec![self.projects[i].year],
            Collection::Prompts | Collection::People | Collection::Pages | Collection::Groups => {
                Vec::new()
            }
        }
    }

    /// An item's title (a person's name).
    pub fn title(&self, item: Item) -> &str {
        let i = item.index;
        match item.collection {
            Collection::Modules => &self.modules[i].title,
            Collection::Sessions => &self.sessions[i].title,
            Collection::Readings => &self.readings[i].title,
            Collection::Prompts => &self.prompts[i].title,
            Collection::People => &self.people[i].name,
            Collection::Projects => &self.projects[i].title,
            Collection::Pages => &self.pages[i].title,
            Collection::Groups => &self.groups[i].title,
        }
    }

    /// Every source file of the model with its body: the program, the year
    /// files, then every item.
    pub fn sources(&self) -> impl Iterator<Item = &Source> + '_ {
        std::iter::once(&self.program.source)
            .chain(self.years.iter().filter_map(|y| y.source.as_ref()))
            .chain(self.all_items().map(|item| self.source(item)))
    }

    /// Replaces the Markdown body of the item read from `path` (for `serve`
    /// after an edit that left the front matter as it was). False when no
    /// item of the model comes from `path`.
    pub fn set_body(&mut self, path: &str, body: &str) -> bool {
        let item = self
            .all_items()
            .find(|&item| self.source(item).path == path);
        let source = match item {
            Some(item) => self.source_mut(item),
            None if self.program.source.path == path => &mut self.program.source,
            None => match self
                .years
                .iter_mut()
                .filter_map(|y| y.source.as_mut())
                .find(|s| s.path == path)
            {
                Some(source) => source,
                None => return false,
            },
        };
        source.body = body.into();
        true
    }

    fn source_mut(&mut self, item: Item) -> &mut Source {
        let i = item.index;
        match item.collection {
            Collection::Modules => &mut self.modules[i].source,
            Collection::Sessions => &mut self.sessions[i].source,
            Collection::Readings => &mut self.readings[i].source,
            Collection::Prompts => &mut self.prompts[i].source,
            Collection::People => &mut self.people[i].source,
            Collection::Projects => &mut self.projects[i].source,
            Collection::Pages => &mut self.pages[i].source,
            Collection::Groups => &mut self.groups[i].source,
        }
    }

    /// The track years 1..=N.
    pub fn year_numbers(&self) -> impl Iterator<Item = u8> + use<> {
        1..=self.program.years
    }
}
