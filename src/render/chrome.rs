//! What every page shows around its own content: the templates' `site`
//! (the program's names, the navigation, the header's entries, the brand,
//! the past years) and the breadcrumbs' shape.

use super::{RenderOptions, brand, years};
use crate::model::{Item, Model};
use crate::routes;
use serde::Serialize;

/// One entry of the navigation: Home, a year, a list page or a free page.
#[derive(Debug, Clone, Serialize)]
pub struct NavEntry<'a> {
    key: String,
    title: &'a str,
    url: String,
}

/// A top-level entry of the header: a link, or a menu of links.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum HeaderEntry<'a> {
    /// A link to one page.
    Link(NavEntry<'a>),
    /// A menu ("Years", "More") of several.
    Menu {
        /// `years` or `more`.
        key: &'static str,
        /// What the menu's button says.
        title: &'a str,
        /// Its links.
        items: Vec<NavEntry<'a>>,
    },
}

/// `site` in the templates.
#[derive(Debug, Serialize)]
pub struct SiteData<'a> {
    title: &'a str,
    tagline: Option<&'a str>,
    institution: Option<&'a str>,
    contact: Option<&'a str>,
    language: &'a str,
    academic_year: String,
    nav: Vec<NavEntry<'a>>,
    header: Vec<HeaderEntry<'a>>,
    multi_year: bool,
    /// False for a program without a calendar (SPEC 9.2).
    calendar: bool,
    audience: &'a str,
    year_numbers: Vec<u8>,
    brand: brand::SiteBrand<'a>,
    #[serde(flatten)]
    years: years::Marks<'a>,
    urls: Urls,
    /// The trainee script's texts in the site's language, as JSON safe in
    /// `<script>` (none for English: the script's own).
    script_texts: Option<String>,
}

/// The addresses the theme's templates link to besides the pages' own
/// (`site.urls`), relative to the root, from [`routes`]: templates write
/// none themselves.
#[derive(Debug, Serialize)]
pub struct Urls {
    css: String,
    trainee_js: String,
    search_js: String,
    search_index: &'static str,
    search_script: &'static str,
    /// The file a link to a folder names in the portable form, for the
    /// theme's scripts (`data-portable`), which build links in the browser.
    index: &'static str,
    /// From a past year's root back to the current year's.
    current_year: String,
    /// The first year's syllabus (a program of one year links it).
    first_year: String,
    /// Each list page by its key (`site.urls.sessions`), whether or not
    /// this site has it.
    #[serde(flatten)]
    lists: std::collections::BTreeMap<&'static str, String>,
}

fn urls() -> Urls {
    Urls {
        css: format!("{}cairn.css", routes::ASSETS),
        trainee_js: format!("{}trainee.js", routes::ASSETS),
        search_js: format!("{}search.js", routes::ASSETS),
        search_index: routes::SEARCH_INDEX,
        search_script: routes::SEARCH_SCRIPT,
        index: routes::INDEX,
        current_year: routes::current_from_archive(),
        first_year: routes::year(1),
        lists: routes::LIST_PAGES
            .iter()
            .map(|l| (l.key.name(), l.url()))
            .collect(),
    }
}

/// A breadcrumb: the current page's has no URL.
#[derive(Debug, Serialize)]
pub struct Crumb<'a> {
    /// The page's title.
    pub title: &'a str,
    /// Its address relative to the root; none for the current page.
    pub url: Option<&'a str>,
}

/// The templates' `site` for every page of `model`.
pub fn site<'a>(model: &'a Model, options: &'a RenderOptions) -> SiteData<'a> {
    let p = &model.program;
    let m = &*p.messages;
    let mut nav = vec![NavEntry {
        key: "home".to_string(),
        title: p.messages.text("nav.home"),
        url: routes::HOME.to_string(),
    }];
    for y in &model.years {
        nav.push(NavEntry {
            key: routes::year_key(y.number),
            title: &y.title,
            url: routes::year(y.number),
        });
    }
    for page in routes::LIST_PAGES.into_iter().filter(|l| l.in_nav(model)) {
        nav.push(NavEntry {
            key: page.key.name().to_string(),
            title: m.text(&format!("nav.{}", page.key.name())),
            url: page.url(),
        });
    }
    let mut pages: Vec<usize> = (0..model.pages.len())
        .filter(|&i| model.pages[i].nav)
        .collect();
    pages.sort_by_key(|&i| (model.pages[i].weight, model.pages[i].title.clone()));
    for i in pages {
        let pg = &model.pages[i];
        nav.push(NavEntry {
            key: pg.source.id.clone(),
            title: &pg.title,
            url: routes::item(model, Item::page(i)),
        });
    }
    let header = header(
        &nav,
        model.years.len(),
        (m.text("nav.years"), m.text("nav.more")),
    );
    let starts = p.starts.value.0;
    SiteData {
        title: &p.title,
        tagline: p.tagline.as_deref(),
        institution: p.institution.as_deref(),
        contact: p.contact.as_deref(),
        language: &p.language,
        academic_year: format!("{}–{}", starts.year(), p.ends().0.year()),
        nav,
        header,
        multi_year: p.years > 1,
        calendar: p.calendar,
        audience: p
            .audience
            .as_deref()
            .unwrap_or_else(|| m.text("labels.audience.trainees")),
        year_numbers: model.year_numbers().collect(),
        brand: brand::site(model),
        years: years::marks(options),
        urls: urls(),
        script_texts: p
            .messages
            .script_texts()
            .map(|v| super::jsonld::script_json(&v)),
    }
}

/// The header's top-level entries at wide widths, from the navigation `nav`
/// (Home, then `years` years, then the rest): Home, the years (a "Years"
/// menu when there are several), the list pages of
/// [`routes::HEADER_LINKS`], and a "More" menu for the rest (a link when it
/// would hold one). The phone menu and the footer's site index list `nav`
/// whole.
pub fn header<'a>(
    nav: &[NavEntry<'a>],
    years: usize,
    (years_title, more_title): (&'a str, &'a str),
) -> Vec<HeaderEntry<'a>> {
    let (home, rest) = nav.split_at(1.min(nav.len()));
    let (years_nav, rest) = rest.split_at(years.min(rest.len()));
    let (links, more): (Vec<&NavEntry<'a>>, Vec<&NavEntry<'a>>) = rest
        .iter()
        .partition(|e| routes::HEADER_LINKS.iter().any(|k| e.key == k.name()));
    let mut top: Vec<HeaderEntry<'a>> = home.iter().cloned().map(HeaderEntry::Link).collect();
    menu(&mut top, "years", years_title, years_nav.iter().collect());
    top.extend(links.into_iter().cloned().map(HeaderEntry::Link));
    menu(&mut top, "more", more_title, more);
    top
}

/// Adds `items` to the header `top` as one menu, or as a link when alone.
fn menu<'a>(
    top: &mut Vec<HeaderEntry<'a>>,
    key: &'static str,
    title: &'a str,
    items: Vec<&NavEntry<'a>>,
) {
    match items[..] {
        [] => {}
        [one] => top.push(HeaderEntry::Link(one.clone())),
        _ => top.push(HeaderEntry::Menu {
            key,
            title,
            items: items.into_iter().cloned().collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::{HeaderEntry, NavEntry, header};
    use crate::routes::{HEADER_MAX, LIST_PAGES};

    fn entry(key: &str) -> NavEntry<'static> {
        NavEntry {
            key: key.to_string(),
            title: "",
            url: format!("{key}/"),
        }
    }

    /// Home, `years` years, every list page with a navigation title and
    /// `pages` free pages: the largest navigation a site can have.
    fn nav(years: usize, pages: usize) -> Vec<NavEntry<'static>> {
        let mut nav = vec![entry("home")];
        nav.extend((1..=years).map(|y| entry(&format!("year-{y}"))));
        nav.extend(
            LIST_PAGES
                .iter()
                .filter(|l| l.nav.is_some())
                .map(|l| entry(l.key.name())),
        );
        nav.extend((0..pages).map(|p| entry(&format!("page-{p}"))));
        nav
    }

    fn keys(top: &[HeaderEntry<'_>]) -> Vec<String> {
        top.iter()
            .flat_map(|e| match e {
                HeaderEntry::Link(l) => vec![l.key.clone()],
                HeaderEntry::Menu { items, .. } => items.iter().map(|l| l.key.clone()).collect(),
            })
            .collect()
    }

    #[test]
    fn the_header_holds_at_most_eight_entries_and_every_page() {
        for (years, pages) in [(1, 0), (2, 5), (4, 20), (9, 0)] {
            let nav = nav(years, pages);
            let top = header(&nav, years, ("Years", "More"));
            assert!(
                top.len() <= HEADER_MAX,
                "{years} years, {pages} pages: {} entries",
                top.len()
            );
            let mut listed = keys(&top);
            let mut wanted: Vec<String> = nav.iter().map(|e| e.key.clone()).collect();
            listed.sort();
            wanted.sort();
            assert_eq!(listed, wanted, "every navigation entry once");
        }
    }

    #[test]
    fn a_lone_year_or_a_lone_extra_page_is_a_link_not_a_menu() {
        let mut nav = nav(1, 0);
        nav.retain(|e| ["home", "year-1", "sessions", "people"].contains(&e.key.as_str()));
        let top = header(&nav, 1, ("Years", "More"));
        assert!(
            top.iter().all(|e| matches!(e, HeaderEntry::Link(_))),
            "{top:?}"
        );
        assert_eq!(top.len(), 4);
    }
}
