//! The pages of a site as jobs: each page's folder, template, title,
//! breadcrumbs, body and data (made only when the page renders), and the
//! sitemap made from them.

use super::{JsonLd, OutputFile, Shared, items, pages, to_tera};
use crate::layout::Collection;
use crate::model::Model;
use crate::routes;

/// One page to render; its data is built only when it is rendered.
pub(super) struct Job<'a> {
    /// Output folder relative to the root, e.g. `modules/allyship/` (empty for home).
    pub(super) dir: String,
    pub(super) template: &'static str,
    pub(super) section: String,
    pub(super) title: String,
    pub(super) breadcrumbs: Vec<(String, Option<String>)>,
    /// Source file and body shown, if any.
    pub(super) body: Option<(&'a str, &'a str)>,
    /// schema.org JSON-LD for the head, if any: made when the page renders.
    pub(super) jsonld: Option<JsonLd>,
    pub(super) data: Lazy<'a>,
    /// How the served form's search files the page, if it is searched.
    pub(super) search: Option<Search<'a>>,
}

/// A searched page's filters (`kind`, `year`) and the label its results
/// show, which `base.html` marks on `<main>` for Pagefind.
#[derive(serde::Serialize)]
pub(super) struct Search<'a> {
    kind: &'static str,
    /// In the interface language (`script.kinds`).
    label: &'a str,
    years: Vec<u8>,
}

/// The 404 page's job: not a folder; written as [`routes::NOT_FOUND`].
pub(super) const NOT_FOUND_JOB: &str = "404";

fn crumb(title: &str, url: &str) -> (String, Option<String>) {
    (title.to_string(), Some(url.to_string()))
}

fn here(title: &str) -> (String, Option<String>) {
    (title.to_string(), None)
}

/// Every page of the site, in the order the sitemap and the build list them.
pub(super) fn jobs<'a>(model: &'a Model, shared: &'a Shared) -> Vec<Job<'a>> {
    let p = &model.program;
    // A one-year program has no years to tell apart (SPEC 8).
    let one_year = p.years == 1;
    let m = &*p.messages;
    let home = crumb(m.text("nav.home"), routes::HOME);
    let body = |s: &'a crate::model::Source| Some((s.path.as_str(), &*s.body));
    let mut jobs = vec![Job {
        dir: routes::HOME.to_string(),
        template: "home.html",
        section: "home".into(),
        title: p.title.clone(),
        breadcrumbs: Vec::new(),
        body: body(&p.source),
        jsonld: Some(JsonLd::Course),
        data: Box::new(move || to_tera(&pages::home(model, shared))),
        search: None,
    }];
    for y in &model.years {
        let n = y.number;
        jobs.push(Job {
            dir: routes::year(n),
            template: "year.html",
            section: routes::year_key(n),
            title: y.title.clone(),
            breadcrumbs: vec![home.clone(), here(&y.title)],
            body: y.source.as_ref().and_then(body),
            jsonld: None,
            data: Box::new(move || to_tera(&pages::year_page(model, shared, n))),
            search: Some(Search {
                kind: "page",
                label: m.text("script.kinds.syllabus"),
                years: if one_year { Vec::new() } else { vec![n] },
            }),
        });
    }
    for page in routes::LIST_PAGES.into_iter().filter(|l| l.wanted(model)) {
        let key = page.key;
        let data: Lazy<'a> = Box::new(move || pages::list(model, shared, key));
        jobs.push(Job {
            dir: page.url(),
            template: page.template,
            section: page.key.name().to_string(),
            title: m.text(&format!("pages.{}", page.key.name())).to_string(),
            breadcrumbs: vec![
                home.clone(),
                here(m.text(&format!("pages.{}", page.key.name()))),
            ],
            body: None,
            jsonld: None,
            data,
            search: None,
        });
    }
    for item in model.all_items() {
        let i = item.index;
        let data: Lazy<'a> = Box::new(move || items::page(model, shared, item));
        let source = model.source(item);
        let title = model.title(item);
        let list = routes::ListPage::of(item.collection);
        let mut breadcrumbs = vec![home.clone()];
        breadcrumbs
            .extend(list.map(|l| crumb(m.text(&format!("pages.{}", l.key.name())), &l.url())));
        breadcrumbs.push(here(title));
        jobs.push(Job {
            dir: routes::item(model, item),
            template: item.collection.template(),
            section: list.map_or_else(|| source.id.clone(), |l| l.key.name().to_string()),
            title: title.to_string(),
            breadcrumbs,
            body: body(source),
            jsonld: (item.collection == Collection::Sessions).then_some(JsonLd::Session(i)),
            data,
            search: Some(Search {
                kind: item.collection.singular(),
                label: m.text(&format!("script.kinds.{}", item.collection.singular())),
                years: if one_year {
                    Vec::new()
                } else {
                    model.years_of(item)
                },
            }),
        });
    }
    jobs.push(Job {
        dir: NOT_FOUND_JOB.into(),
        template: "404.html",
        section: String::new(),
        title: m.text("pages.not_found").into(),
        breadcrumbs: Vec::new(),
        body: None,
        jsonld: None,
        data: Box::new(|| to_tera(&pages::NoData {})),
        search: None,
    });
    jobs
}

/// A page's data, built only when the page is rendered: a map, in Tera's
/// values.
pub(super) type Lazy<'d> = Box<dyn Fn() -> tera::Value + Send + Sync + 'd>;

/// `sitemap.xml`: every page but the 404, by address, under `base`.
pub(super) fn sitemap(base: &str, jobs: &[Job<'_>]) -> OutputFile {
    let mut urls: Vec<&str> = jobs
        .iter()
        .filter(|j| j.dir != NOT_FOUND_JOB)
        .map(|j| j.dir.as_str())
        .collect();
    urls.sort_unstable();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for u in urls {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape_xml(&routes::absolute(base, u))
        ));
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: routes::SITEMAP.into(),
        bytes: xml.into_bytes(),
    }
}

fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
