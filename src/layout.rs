//! The site's layout: what its input folders are called, what each file
//! under `content/` is ([`FileKind`], [`Collection`]), and which ids a free
//! page may not take because the output uses them. A leaf: it imports no
//! other module of the crate, so every stage can name these things without
//! importing a stage.

/// The folder of the curriculum's Markdown files.
pub const CONTENT: &str = "content";
/// The folder of files published as they are.
pub const STATIC: &str = "static";
/// The folder of a site's own templates, overriding the theme's.
pub const TEMPLATES: &str = "templates";
/// The folders of the root that hold the site's input.
pub const INPUT_FOLDERS: [&str; 3] = [CONTENT, STATIC, TEMPLATES];
/// The folder of the year files (`content/years/N.md`).
pub const YEARS: &str = "years";
/// The program file, relative to the root.
pub const PROGRAM_FILE: &str = "content/_program.md";

/// What a file under `content/` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    /// `content/_program.md`
    Program,
    /// `content/years/N.md`, with N.
    Year(u32),
    /// A file of a collection.
    Item(Collection),
}

impl FileKind {
    /// One of each kind of file (year 1 for years), for fuzzing and tests.
    pub fn each() -> impl Iterator<Item = FileKind> {
        [FileKind::Program, FileKind::Year(1)]
            .into_iter()
            .chain(Collection::ALL.map(FileKind::Item))
    }
}

/// The registry of collections: one row each, the one place a collection
/// is named. A row is `Variant: folder, kind, Type, FrontType;`: the
/// [`Collection`] variant, its folder under `content/` (also its list in the
/// model, its key in `curriculum.json` and its list page's key), its kind in
/// the singular (`cairn new`, `cairn schema`; also the name of its modules
/// `content/<kind>.rs`, `model/<kind>.rs` and `render/items/<kind>.rs`, and
/// of its page's template `<kind>.html`), its model type (also its label in
/// lists and search results, and its variant of `content::Front`) and its
/// front matter type in `content/<kind>.rs`.
///
/// `collections!(then)` hands the rows to the macro `then`, which makes what
/// its stage needs of every collection: [`Collection`] here, the parser's
/// dispatch (`content`), the model's lists (`model`), each item page's data
/// (`render::items`). The rows' order is [`Collection::ALL`]'s.
macro_rules! collections {
    ($then:ident) => {
        $then! {
            Modules: modules, module, Module, ModuleFront;
            Sessions: sessions, session, Session, SessionFront;
            Readings: readings, reading, Reading, ReadingFront;
            Prompts: prompts, prompt, Prompt, PromptFront;
            People: people, person, Person, PersonFront;
            Projects: projects, project, Project, ProjectFront;
            Pages: pages, page, Page, PageFront;
            Groups: groups, group, Group, GroupFront;
        }
    };
}
pub(crate) use collections;

/// [`Collection`] from the registry's rows.
macro_rules! collection_enum {
    ($($variant:ident: $dir:ident, $kind:ident, $Type:ident, $Front:ident;)*) => {
        /// The collections of `content/`, one folder each (see the registry,
        /// `collections!`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Collection {
            $(
                #[doc = concat!("`", stringify!($dir), "/`")]
                $variant,
            )*
        }

        impl Collection {
            /// Every collection, in the registry's order.
            pub const ALL: [Collection; [$(Collection::$variant),*].len()] =
                [$(Collection::$variant),*];

            /// The folder name, e.g. `sessions`.
            pub fn dir(self) -> &'static str {
                match self {
                    $(Collection::$variant => stringify!($dir),)*
                }
            }

            /// What one item is called in lists and search results, e.g. `Session`.
            pub fn label(self) -> &'static str {
                match self {
                    $(Collection::$variant => stringify!($Type),)*
                }
            }

            /// The kind's name in the singular, as `cairn new` and `schema` take it.
            pub fn singular(self) -> &'static str {
                match self {
                    $(Collection::$variant => stringify!($kind),)*
                }
            }

            /// The template of an item's page, e.g. `session.html`.
            pub fn template(self) -> &'static str {
                match self {
                    $(Collection::$variant => concat!(stringify!($kind), ".html"),)*
                }
            }
        }
    };
}
collections!(collection_enum);

impl Collection {
    /// The collection a folder name names.
    pub fn from_dir(name: &str) -> Option<Collection> {
        Collection::ALL.into_iter().find(|c| c.dir() == name)
    }

    /// The collection whose kind is written `kind` (`module`, `person`...),
    /// as `cairn new` and `cairn schema` take it.
    pub fn from_singular(kind: &str) -> Result<Collection, String> {
        Collection::ALL
            .into_iter()
            .find(|c| c.singular() == kind)
            .ok_or_else(|| {
                let kinds: Vec<&str> = Collection::ALL.iter().map(|c| c.singular()).collect();
                format!("unknown kind `{kind}`; the kinds are: {}", kinds.join(", "))
            })
    }
}

/// The output's top folders that are no collection's: the list and overview
/// pages besides the collections' own (each a row of `routes::LIST_PAGES`,
/// whose test holds the two together), the theme's assets, the 404 page and
/// the past years.
const RESERVED_FOLDERS: [&str; 10] = [
    "framework",
    "map",
    "outcomes",
    "timeline",
    "calendar",
    "search",
    "print",
    "assets",
    "404",
    "archive",
];

/// True when a free page may not take `id` (E0109): the output has a folder
/// of that name at its top.
pub fn is_reserved_page_id(id: &str) -> bool {
    // Items live under their collection's folder, free pages at the top.
    Collection::ALL
        .iter()
        .any(|&c| c != Collection::Pages && c.dir() == id)
        || RESERVED_FOLDERS.contains(&id)
        || id
            .strip_prefix("year-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The kinds of front matter, in the order `cairn schema` prints them: the
/// program and year files, then each collection (`cairn new` takes all but
/// the first two).
pub fn front_matter_kinds() -> Vec<&'static str> {
    let mut kinds = vec!["program", "year"];
    kinds.extend(Collection::ALL.iter().map(|c| c.singular()));
    kinds
}

#[cfg(test)]
mod tests {
    use super::is_reserved_page_id;

    #[test]
    fn reserved_page_ids() {
        let taken = [
            "modules",
            "sessions",
            "readings",
            "prompts",
            "people",
            "projects",
            "framework",
            "map",
            "calendar",
            "print",
            "search",
            "assets",
            "404",
            "groups",
            "outcomes",
            "timeline",
            "archive",
            "year-1",
            "year-12",
        ];
        for id in taken {
            assert!(is_reserved_page_id(id), "{id}");
        }
        for id in ["about", "year-one", "year-", "pages"] {
            assert!(!is_reserved_page_id(id), "{id}");
        }
    }

    #[test]
    fn the_layout_is_a_leaf_and_loading_imports_no_stage_above_it() {
        let own = include_str!("layout.rs");
        let code = own.split("#[cfg(test)]").next().unwrap_or(own);
        assert!(
            !code.contains("crate::"),
            "layout.rs imports from the crate"
        );
        let site = include_str!("site/mod.rs");
        for above in ["crate::content", "crate::routes", "crate::model"] {
            assert!(!site.contains(above), "site/mod.rs imports {above}");
        }
    }
}
