//! The curriculum: every file's front matter with references resolved to the
//! items they name ([`Item`]: a collection and an index into its list).
//! Validation checks it; render reads it and never re-checks references,
//! though it resolves a body's links again (`routes::links`, which looks at
//! `static/` on disk) rather than reading validation's results. Built by [`build`]; serialised as
//! `curriculum.json` by [`json`]; each year's workload by [`workload`].
//!
//! Each collection's model type, builder and part of `curriculum.json` live
//! in its own file (`module.rs`, `session.rs`...); this file makes every
//! collection's list (the [`Model`]'s fields, [`Model::add`] and
//! [`Model::list`]) from the registry's rows (`layout::collections!`).

/// The part of an [`Entry`] impl that every item type writes alike: its
/// `source` field, and the field that is its title.
macro_rules! entry_fields {
    ($title:ident) => {
        fn source(&self) -> &Source {
            &self.source
        }
        fn source_mut(&mut self) -> &mut Source {
            &mut self.source
        }
        fn title(&self) -> &str {
            &self.$title
        }
    };
}

pub mod brand;
pub mod build;
pub mod calendars;
pub mod coverage;
pub mod due;
pub mod json;
pub mod program;
pub mod series;
pub mod workload;

pub use program::{Phase, Program, Year};
pub use project::Milestone;

use crate::content::values::{Date, Time};
use crate::content::{Front, Parsed};
use crate::fields::Located;
use crate::layout::Collection;
use build::Builder;
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

/// Each collection's module, model type and list, from the registry's rows
/// (`layout::collections!`): [`Model`]'s fields, [`Model::add`] and
/// [`Model::list`].
macro_rules! lists {
    ($($variant:ident: $dir:ident, $kind:ident, $Type:ident, $Front:ident;)*) => {
        $(
            pub mod $kind;
            pub use $kind::$Type;
        )*

        /// The whole curriculum of one academic year.
        #[derive(Debug, Clone)]
        pub struct Model {
            /// `_program.md`.
            pub program: Program,
            /// Years 1..=program.years, each with its optional intro file.
            pub years: Vec<Year>,
            $(
                #[doc = concat!("`", stringify!($dir), "/` in path order.")]
                pub $dir: Vec<$Type>,
            )*
            /// Index of every item by collection and id, e.g. `(Modules, "allyship")`.
            pub index: HashMap<(Collection, String), usize>,
            /// Item files that could not be read (a YAML error, a required field
            /// missing...): their ids answer references, but nothing else of them is
            /// known, so rules that count across files must not blame their absence.
            pub unreadable: Vec<(Collection, String)>,
            /// Collections some reference failed to name an item of (E0201, or a
            /// seminar without `module`): which item was meant is unknown, so "no
            /// session uses it" (W0305, W0204) cannot be told of any item of them.
            pub unresolved: Vec<Collection>,
            /// How many people the site does not publish (participants,
            /// see `publish_participants`) hold each role: counted, never named.
            pub unpublished_roles: std::collections::BTreeMap<crate::content::person::PersonRole, usize>,
        }

        impl Model {
            /// A model of `program` with no items yet.
            fn new(program: Program, unreadable: Vec<(Collection, String)>) -> Model {
                Model {
                    program,
                    years: Vec::new(),
                    $($dir: Vec::new(),)*
                    index: HashMap::new(),
                    unreadable,
                    unresolved: Vec::new(),
                    unpublished_roles: std::collections::BTreeMap::new(),
                }
            }

            /// Builds the item of one parsed file into its collection's list
            /// (modules first: see [`build::build`]).
            fn add(&mut self, b: &mut Builder<'_>, p: &Parsed) {
                match &p.front {
                    $(Some(Front::$Type(f)) => self.$dir.push($kind::build(b, self, p, f)),)*
                    Some(Front::Program(_) | Front::Year(_)) | None => {}
                }
            }

            /// The list of `collection`.
            pub fn list(&self, collection: Collection) -> &dyn List {
                match collection {
                    $(Collection::$variant => &self.$dir,)*
                }
            }

            fn list_mut(&mut self, collection: Collection) -> &mut dyn List {
                match collection {
                    $(Collection::$variant => &mut self.$dir,)*
                }
            }
        }
    };
}
crate::layout::collections!(lists);

impl Model {
    /// True when a session file could not be read: counts of sessions
    /// (attendance, cadence, what no session uses) would be wrong.
    pub fn sessions_incomplete(&self) -> bool {
        self.unreadable
            .iter()
            .any(|(c, _)| *c == crate::layout::Collection::Sessions)
    }

    /// True when some reference to an item of `collection` names none.
    pub fn references_lost(&self, collection: crate::layout::Collection) -> bool {
        self.unresolved.contains(&collection)
    }

    /// True when "no session uses it" was not judged for some collection
    /// because a reference to it was lost ([`Model::references_lost`]).
    pub fn unused_unjudged(&self) -> bool {
        use crate::layout::Collection::{Modules, People, Readings};
        !self.sessions_incomplete()
            && [Modules, Readings, People]
                .into_iter()
                .any(|c| self.references_lost(c))
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
    pub body: crate::text::Body,
    /// File line where the body starts.
    pub body_line: u32,
    /// `draft: true` (only present in the model with `--drafts`).
    pub draft: bool,
}

impl Source {
    /// Where the parsed file `p` came from, with its body; a draft when its
    /// front matter says so.
    pub(crate) fn of(p: &Parsed, draft: Option<bool>) -> Source {
        Source {
            id: p.id.clone(),
            path: p.path.clone(),
            body: p.body.clone(),
            body_line: p.body_line,
            draft: draft.unwrap_or(false),
        }
    }
}

/// What the model asks of every collection's item type; each collection's
/// file implements it.
pub trait Entry {
    /// Where it came from: id, file, body.
    fn source(&self) -> &Source;
    /// The same, to replace the body after an edit (`serve`).
    fn source_mut(&mut self) -> &mut Source;
    /// Its title (a person's name).
    fn title(&self) -> &str;
    /// The track years it belongs to; none unless the collection has years.
    fn years(&self, _model: &Model) -> Vec<u8> {
        Vec::new()
    }
    /// Its entry in `curriculum.json`.
    fn to_json(&self, model: &Model) -> serde_json::Value;
}

/// One collection's list in the model, whatever its item type.
pub trait List {
    /// How many items.
    fn len(&self) -> usize;
    /// True when it has none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The item at `index`.
    fn entry(&self, index: usize) -> &dyn Entry;
    /// The item at `index`, to change.
    fn entry_mut(&mut self, index: usize) -> &mut dyn Entry;
}

impl<T: Entry> List for Vec<T> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }
    fn entry(&self, index: usize) -> &dyn Entry {
        &self[index]
    }
    fn entry_mut(&mut self, index: usize) -> &mut dyn Entry {
        &mut self[index]
    }
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
    /// In a program without a calendar the modules are its steps: by year,
    /// then `order` (modules without one last), then path.
    pub fn modules_in_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.modules.len()).collect();
        if !self.program.calendar {
            order.sort_by_key(|&i| {
                let m = &self.modules[i];
                (m.year, m.order.is_none(), m.order, i)
            });
            return order;
        }
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
        self.list(collection).len()
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
        self.list(item.collection).entry(item.index).source()
    }

    /// The track years an item belongs to: a module's or project's year, a
    /// session's years, the years of the sessions that list a reading; none
    /// for the rest.
    pub fn years_of(&self, item: Item) -> Vec<u8> {
        self.list(item.collection).entry(item.index).years(self)
    }

    /// An item's title (a person's name).
    pub fn title(&self, item: Item) -> &str {
        self.list(item.collection).entry(item.index).title()
    }

    /// Every source file of the model with its body: the program, the year
    /// files, then every item.
    pub fn sources(&self) -> impl Iterator<Item = &Source> + '_ {
        std::iter::once(&self.program.source)
            .chain(self.years.iter().filter_map(|y| y.source.as_ref()))
            .chain(self.all_items().map(|item| self.source(item)))
    }

    /// The model with a new Markdown body for the item read from `path` (for
    /// `serve` after an edit that left the front matter as it was), and
    /// whether any item of the model comes from `path` (false: unchanged).
    pub fn with_body(mut self, path: &str, body: &crate::text::Body) -> (Model, bool) {
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
                None => return (self, false),
            },
        };
        source.body = body.clone();
        (self, true)
    }

    fn source_mut(&mut self, item: Item) -> &mut Source {
        self.list_mut(item.collection)
            .entry_mut(item.index)
            .source_mut()
    }

    /// The track years 1..=N.
    pub fn year_numbers(&self) -> impl Iterator<Item = u8> + use<> {
        1..=self.program.years
    }
}
