//! Where every page and file of the output lives (SPEC 7, 8): one home for
//! output paths and URLs. Rendering asks here for every address it writes,
//! validation for the files E0403 protects and the page ids E0109 refuses,
//! the sitemap and the navigation for their targets. Nothing else in the
//! Rust code formats an output path; the templates still write some URLs
//! themselves (`{{ root }}calendar/`, `{{ root }}print/`).
//!
//! A URL here is relative to the output root and names a folder: `""` for
//! home, `sessions/`, `modules/allyship/`. [`file`] turns it into the file
//! written there, [`link`] into the link a page writes (with `index.html` in
//! the portable form).

pub mod links;

use crate::layout::Collection;
use crate::model::{Item, Model};
use Collection::{Groups, Modules, People, Projects, Prompts, Readings, Sessions};
use PageKey::{Calendar, Framework, Items, Map, Outcomes, Print, Search, Timeline};
use std::collections::HashSet;

/// The home page.
pub const HOME: &str = "";
/// The theme's CSS, scripts and images.
pub const ASSETS: &str = "assets/";
/// The whole validated model, for other tools.
pub const CURRICULUM: &str = "curriculum.json";
/// The search index.
pub const SEARCH_INDEX: &str = "search-index.json";
/// The search index as a script, for the portable form.
pub const SEARCH_SCRIPT: &str = "search-index.js";
/// Every session of every year.
pub const CALENDAR: &str = "calendar.ics";
/// Only with a base URL.
pub const SITEMAP: &str = "sitemap.xml";
/// Served for any missing address.
pub const NOT_FOUND: &str = "404.html";
/// Marks a folder as a cairn build (see [`crate::output`]).
pub const MARKER: &str = ".cairn-build";
/// Where past academic years are built, each in its own folder.
pub const ARCHIVE: &str = "archive/";

/// A past year's home, e.g. `archive/2025-26/`.
pub fn archive(label: &str) -> String {
    format!("{ARCHIVE}{label}/")
}

/// A page that is not one item's: a collection's list, or an overview.
/// Its name is the navigation's and the templates' `section`, and its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageKey {
    /// A collection's list, e.g. `sessions/`.
    Items(Collection),
    /// The framework's phases and their modules.
    Framework,
    /// The curriculum map: modules by competency.
    Map,
    /// The outcomes and their evaluation.
    Outcomes,
    /// The program's dated history and plans.
    Timeline,
    /// The calendar.
    Calendar,
    /// Search.
    Search,
    /// The printable syllabus.
    Print,
}

impl PageKey {
    /// Its name and folder, e.g. `sessions`, `framework`.
    pub fn name(self) -> &'static str {
        match self {
            PageKey::Items(c) => c.dir(),
            PageKey::Framework => "framework",
            PageKey::Map => "map",
            PageKey::Outcomes => "outcomes",
            PageKey::Timeline => "timeline",
            PageKey::Calendar => "calendar",
            PageKey::Search => "search",
            PageKey::Print => "print",
        }
    }
}

/// The pages that are not one item's: their key, template, title and
/// navigation title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListPage {
    /// e.g. [`PageKey::Items`] of sessions; its name is also its folder.
    pub key: PageKey,
    /// e.g. `sessions.html`.
    pub template: &'static str,
    /// e.g. `Sessions`.
    pub title: &'static str,
    /// Its title in the site's navigation, if it is listed there.
    pub nav: Option<&'static str>,
}

const fn page(
    key: PageKey,
    template: &'static str,
    title: &'static str,
    nav: Option<&'static str>,
) -> ListPage {
    ListPage {
        key,
        template,
        title,
        nav,
    }
}

/// The list and overview pages, in navigation order.
pub const LIST_PAGES: [ListPage; 14] = [
    page(Items(Modules), "modules.html", "Modules", Some("Modules")),
    page(
        Items(Sessions),
        "sessions.html",
        "Sessions",
        Some("Sessions"),
    ),
    page(
        Items(Readings),
        "readings.html",
        "Readings",
        Some("Readings"),
    ),
    page(Items(Prompts), "prompts.html", "Reflection prompts", None),
    page(Items(People), "people.html", "People", Some("People")),
    page(Items(Groups), "groups.html", "Groups", Some("Groups")),
    page(
        Items(Projects),
        "projects.html",
        "Capstone projects",
        Some("Projects"),
    ),
    page(Framework, "framework.html", "Framework", Some("Framework")),
    page(Map, "map.html", "Curriculum map", Some("Curriculum map")),
    page(
        Outcomes,
        "outcomes.html",
        "Outcomes and evaluation",
        Some("Outcomes"),
    ),
    page(Timeline, "timeline.html", "Timeline", Some("Timeline")),
    page(Calendar, "calendar.html", "Calendar", Some("Calendar")),
    page(Search, "search.html", "Search", Some("Search")),
    page(Print, "print.html", "Printable syllabus", None),
];

/// The list pages the header shows as links of their own, beside Home and the
/// years; the other pages of the navigation go into its "More" menu, so the
/// header never holds more than [`HEADER_MAX`] top-level entries (SPEC 9.1).
pub const HEADER_LINKS: [PageKey; 5] = [
    Items(Modules),
    Items(Sessions),
    Items(Readings),
    Calendar,
    Search,
];

/// The most top-level entries (links or menus) the header holds (SPEC 9.1):
/// Home, the years, [`HEADER_LINKS`] and "More".
pub const HEADER_MAX: usize = 8;

impl ListPage {
    /// Its folder, e.g. `sessions/`.
    pub fn url(self) -> String {
        format!("{}/", self.key.name())
    }

    /// Listed in the navigation of this program: not when it is not
    /// [`wanted`](Self::wanted).
    pub fn in_nav(self, model: &Model) -> bool {
        self.nav.is_some() && self.wanted(model)
    }

    /// The list page of a collection's items (none for free pages).
    pub fn of(c: Collection) -> Option<ListPage> {
        LIST_PAGES.into_iter().find(|l| l.key == Items(c))
    }

    /// False for a page about a concept the program does not use (SPEC 8):
    /// the framework without phases, the map without competencies, groups
    /// without groups, outcomes without outcomes, the timeline without
    /// one, sessions and calendar without a calendar, and the modules or
    /// projects list of a program without any (a mentoring program): a page
    /// nothing links to would break SPEC 9.1's two clicks from home.
    pub fn wanted(self, model: &Model) -> bool {
        match self.key {
            Items(c @ (Modules | Projects | Groups)) => model.count(c) > 0,
            Framework => !model.program.phases.is_empty(),
            Map => !model.program.competencies.is_empty(),
            Outcomes => !model.program.outcomes.is_empty(),
            Timeline => !model.program.timeline.is_empty(),
            // A program without a calendar has neither (SPEC 9.2).
            Items(Sessions) | Calendar => model.program.calendar,
            Items(_) | Search | Print => true,
        }
    }
}

/// An item's page, e.g. `modules/allyship/`; a free page sits at the top.
pub fn item(model: &Model, item: Item) -> String {
    let id = &model.source(item).id;
    match item.collection {
        Collection::Pages => format!("{id}/"),
        c => format!("{}/{id}/", c.dir()),
    }
}

/// An outcome's place on the outcomes page, e.g. `outcomes/#outcome-mentor-pool`.
pub fn outcome(id: &str) -> String {
    format!("outcomes/#{}", outcome_anchor(id))
}

/// The id of an outcome's entry on the outcomes page.
pub fn outcome_anchor(id: &str) -> String {
    format!("outcome-{id}")
}

/// Year `n`'s syllabus, e.g. `year-1/`.
pub fn year(n: u8) -> String {
    format!("year-{n}/")
}

/// The navigation key of year `n`'s syllabus, e.g. `year-1`.
pub fn year_key(n: u8) -> String {
    format!("year-{n}")
}

/// Year `n`'s calendar.
pub fn year_calendar(n: u8) -> String {
    format!("{}{CALENDAR}", year(n))
}

/// The file name of a session's own calendar, beside its page.
pub const SESSION_CALENDAR: &str = "session.ics";

/// A session's own calendar, e.g. `sessions/x/session.ics`.
pub fn session_calendar(model: &Model, session: usize) -> String {
    format!("{}{SESSION_CALENDAR}", item(model, Item::session(session)))
}

/// The file a page's folder holds: what a server answers for `folder/`, and
/// what a link names in the portable form.
pub const INDEX: &str = "index.html";

/// A group's calendar of its sessions and meetings, e.g.
/// `groups/x/calendar.ics` (who has one: [`crate::model::calendars`]).
pub fn group_calendar(model: &Model, group: usize) -> String {
    format!(
        "{}{CALENDAR}",
        item(
            model,
            Item {
                collection: crate::layout::Collection::Groups,
                index: group
            }
        )
    )
}

/// A person's calendar of the sessions they lead and their groups'
/// meetings, e.g. `people/x/calendar.ics`.
pub fn person_calendar(model: &Model, person: usize) -> String {
    format!(
        "{}{CALENDAR}",
        item(
            model,
            Item {
                collection: People,
                index: person
            }
        )
    )
}

/// The file written for the page at `url`, e.g. `sessions/index.html`.
pub fn file(url: &str) -> String {
    format!("{url}{INDEX}")
}

/// How a page whose root prefix is `root` (`../../`) links to `url`: to the
/// folder, or in the portable form ([`portable_link`]) to its [`INDEX`].
pub fn link(root: &str, url: &str, portable: bool) -> String {
    let plain = if root.is_empty() && url.is_empty() {
        "./".to_string()
    } else {
        format!("{root}{url}")
    };
    if portable {
        portable_link(&plain)
    } else {
        plain
    }
}

/// The portable-link rule, the one place it is written: a relative link to
/// a folder (`sessions/`, `../`, `./`, `../#top`) names the folder's
/// [`INDEX`]; links with a scheme, absolute paths, same-page anchors and
/// links to files are returned as they are. The pages' links get it from
/// [`crate::render::portable::name_files`]; the theme's scripts, which
/// build links in the browser, read [`INDEX`] from the page
/// (`data-portable` on their `<script>`) rather than knowing it.
pub fn portable_link(url: &str) -> String {
    let split = url.find(['#', '?']).unwrap_or(url.len());
    let (path, tail) = url.split_at(split);
    let has_scheme = path.find(':').is_some_and(|c| !path[..c].contains('/'));
    if path.is_empty() || has_scheme || path.starts_with('/') {
        return url.to_string();
    }
    if path.ends_with('/') {
        format!("{path}{INDEX}{tail}")
    } else if path == "." || path == ".." || path.ends_with("/..") || path.ends_with("/.") {
        format!("{path}/{INDEX}{tail}")
    } else {
        url.to_string()
    }
}

/// The absolute address of the page at `url` under a base URL (with or
/// without its trailing `/`).
pub fn absolute(base: &str, url: &str) -> String {
    format!("{}{url}", folder(base))
}

/// A base URL as a folder: with one trailing `/`.
pub fn folder(base: &str) -> String {
    format!("{}/", base.trim_end_matches('/'))
}

/// `../` once per folder level of `url`: the way back to the output root.
pub fn root_of(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

/// From a past year's root (`archive/2025-26/`) back to the current
/// year's: `../../`.
pub fn current_from_archive() -> String {
    root_of(&archive("past"))
}

/// Every file the build writes, relative to the output root (E0403), but
/// the theme's `assets/`, which is protected whole.
pub fn output_files(model: &Model) -> HashSet<String> {
    let mut out: HashSet<String> = [
        file(HOME),
        NOT_FOUND.to_string(),
        MARKER.to_string(),
        CURRICULUM.to_string(),
        SEARCH_INDEX.to_string(),
        SEARCH_SCRIPT.to_string(),
    ]
    .into_iter()
    .collect();
    if model.program.calendar {
        out.insert(CALENDAR.to_string());
    }
    for page in LIST_PAGES.into_iter().filter(|p| p.wanted(model)) {
        out.insert(file(&page.url()));
    }
    if model.program.base_url.is_some() {
        out.insert(SITEMAP.into());
    }
    for n in model.year_numbers() {
        out.insert(file(&year(n)));
        if model.program.calendar {
            out.insert(year_calendar(n));
        }
    }
    for i in model.all_items() {
        out.insert(file(&item(model, i)));
    }
    for s in 0..model.sessions.len() {
        out.insert(session_calendar(model, s));
    }
    for g in (0..model.groups.len()).filter(|&g| {
        model.groups[g].meetings.is_some() || crate::model::calendars::group_has_calendar(model, g)
    }) {
        out.insert(group_calendar(model, g));
    }
    for p in
        (0..model.people.len()).filter(|&p| crate::model::calendars::person_has_calendar(model, p))
    {
        out.insert(person_calendar(model, p));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_folders_or_files() {
        assert_eq!(link("", HOME, false), "./");
        assert_eq!(link("../", HOME, false), "../");
        assert_eq!(link("../", "sessions/", false), "../sessions/");
        assert_eq!(link("", HOME, true), "./index.html");
        assert_eq!(
            link("../../", "sessions/", true),
            "../../sessions/index.html"
        );
        assert_eq!(root_of("modules/allyship/"), "../../");
        assert_eq!(root_of(HOME), "");
    }

    #[test]
    fn every_list_page_is_a_reserved_page_id() {
        for page in LIST_PAGES {
            let key = page.key.name();
            assert!(crate::layout::is_reserved_page_id(key), "{key}");
        }
    }
}
