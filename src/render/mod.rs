//! Rendering stage: turns the validated [`Model`] into the files of the site
//! (SPEC 7) in memory. Templates are compiled once; the parts every page
//! shares (the site header, the navigation, each session's row) are built once
//! and handed to every page; pages render in parallel. Nothing here writes to
//! disk: [`crate::output`] does.

pub mod body;
pub mod brand;
pub mod calendar;
pub mod chrome;
mod ics;
mod items;
mod jobs;
pub mod jsonld;
pub mod labels;
pub mod map;
pub mod mentoring;
pub mod month_grid;
mod own_calendars;
pub mod pagefind_index;
pub mod pages;
pub mod people;
pub mod portable;
pub mod program;
pub mod readings;
mod recurrence;
pub mod rows;
pub mod search;
pub mod series;
pub mod session;
pub mod syllabus;
mod values;
pub mod years;

use jobs::{Job, NOT_FOUND_JOB, jobs, sitemap};
pub use values::to_tera;

use crate::model::Model;
use crate::routes;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// A file of the output: its path relative to the output root and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// e.g. `modules/allyship/index.html`.
    pub path: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// What every page shares, built once.
#[derive(Debug)]
pub struct Shared {
    /// `site` in the templates: title, navigation... Converted into Tera's
    /// value once: Tera's values share their contents, so each page's copy
    /// costs a reference count, not a conversion.
    pub site: tera::Value,
    /// `t` in the templates: every message of the site's language.
    pub t: tera::Value,
    /// Each session's row and "Next up" entry, by session index
    /// ([`Shared::row`]): made for every session before a whole render, and
    /// only for the sessions the pages ask for after an edit of bodies alone.
    rows: Vec<std::sync::OnceLock<SessionRow>>,
    /// Session indexes in calendar order.
    pub order: Vec<usize>,
    /// Each date of each session (session index, which date) in calendar
    /// order: `order` itself when no session repeats.
    pub dated: Vec<(usize, usize)>,
    /// The framework with its modules.
    pub phases: tera::Value,
    /// Each session's previous and next session within its track year (its
    /// first year, for a session of several), in calendar order: a year-1
    /// trainee paging through sessions never lands on year 2's (SPEC 9.1).
    pub neighbours: Vec<(Option<usize>, Option<usize>)>,
    /// Each session's prompts.
    pub prompts: Vec<Vec<usize>>,
    /// Each person's sessions (as speaker or facilitator) in calendar order.
    pub led: Vec<Vec<usize>>,
    /// Everything due, by date ([`crate::model::due`]).
    pub due: Vec<crate::model::due::Due>,
    /// Each due item's row, in Tera's values and as JSON text safe inside
    /// `<script>`, by the index in `due` ([`Shared::due_rows`]).
    due_rows: std::sync::OnceLock<(Vec<tera::Value>, Vec<String>)>,
}

/// Which schema.org JSON-LD a page's head holds.
#[derive(Debug, Clone, Copy)]
enum JsonLd {
    /// The program as a `Course` (home page).
    Course,
    /// Session `i` as an event.
    Session(usize),
}

/// What the pages show of one session, made once.
#[derive(Debug)]
struct SessionRow {
    /// The row every session list shows, in Tera's values: the year, print,
    /// home and sessions pages share it by reference count instead of each
    /// copying every row.
    row: tera::Value,
    /// Its entry in "Next up", as JSON text safe inside `<script>`.
    schedule: String,
    /// A series' row and "Next up" entry for each of its dates.
    dated: Vec<(tera::Value, String)>,
}

impl Shared {
    /// Session `i`'s row ([`rows::session`]) in Tera's values.
    pub fn row(&self, model: &Model, i: usize) -> &tera::Value {
        &self.session_row(model, i).row
    }

    /// The row of date `n` of session `i` (its row when it is no series).
    pub fn dated_row(&self, model: &Model, (i, n): (usize, usize)) -> &tera::Value {
        let r = self.session_row(model, i);
        r.dated.get(n).map_or(&r.row, |d| &d.0)
    }

    /// The "Next up" entry of date `n` of session `i`.
    pub fn dated_entry(&self, model: &Model, (i, n): (usize, usize)) -> &str {
        let r = self.session_row(model, i);
        r.dated.get(n).map_or(&r.schedule, |d| &d.1)
    }

    /// Session `i`'s entry in "Next up" ([`rows::schedule_entry`]), as JSON
    /// text safe inside `<script>`.
    pub fn schedule_entry(&self, model: &Model, i: usize) -> &str {
        &self.session_row(model, i).schedule
    }

    /// Each due item's row ([`rows::due`]), by the index in `due`: in
    /// Tera's values, and as JSON text safe inside `<script>` for "Next up".
    /// Made when a page first asks (not at all after most edits of bodies).
    pub fn due_rows(&self, model: &Model) -> (&[tera::Value], &[String]) {
        let (rows, texts) = self.due_rows.get_or_init(|| {
            self.due
                .iter()
                .map(|d| {
                    let row = rows::due(model, d);
                    (to_tera(&row), jsonld::script_json(&row))
                })
                .unzip()
        });
        (rows, texts)
    }

    fn session_row(&self, model: &Model, i: usize) -> &SessionRow {
        self.rows[i].get_or_init(|| {
            let row = rows::session(model, i, &self.prompts[i]);
            let schedule = jsonld::script_json(&rows::schedule_entry(&row));
            let dated = series::dated_rows(&model.program.messages, &model.sessions[i], &row)
                .into_iter()
                .map(|r| {
                    let text = jsonld::script_json(&rows::schedule_entry(&r));
                    (to_tera(&r), text)
                })
                .collect();
            SessionRow {
                row: to_tera(&row),
                schedule,
                dated,
            }
        })
    }
}

/// Options of a render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Overrides `base_url` (from `--base-url`).
    pub base_url: Option<String>,
    /// For `serve` after an edit that changed only Markdown bodies: render
    /// just the pages that show these source files, and the search index.
    pub only_bodies: Option<std::collections::HashSet<String>>,
    /// Links name the file (`sessions/index.html`) and search loads its
    /// index by `<script>`, so the site works from `file://` (`--portable`).
    pub portable: bool,
    /// Set when this is a past year (`archive/2025-26/`): its label, for the
    /// banner on every page that links to the current year.
    pub archived: Option<String>,
    /// The labels of the past years, for the current home page's links.
    pub past_years: Vec<String>,
    /// Where `templates/` is read (default: the site root): a past year is
    /// shown with the current site's theme.
    pub templates_root: Option<std::path::PathBuf>,
    /// Templates compiled by an earlier render, to use instead of compiling
    /// them again (`serve` after an edit of content alone).
    pub templates: Option<Templates>,
    /// Print the search index's time (`-v`), as the pipeline's stages do.
    pub verbose: bool,
}

/// Where rendered files go, one at a time and from several threads: to disk
/// for `build`, into memory for `serve`. Pages are handed over as soon as
/// they are rendered, so a big site is never held in memory whole.
pub type Sink<'s> = dyn Fn(OutputFile) -> Result<(), String> + Sync + 's;

/// Renders the whole site into `sink`; returns the number of files. `links`
/// are the bodies' links as validation resolved them.
pub fn render(
    model: &Model,
    outlines: &crate::markdown::Outlines,
    links: &routes::links::Resolved,
    site_root: &Path,
    options: &RenderOptions,
    sink: &Sink<'_>,
) -> Result<usize, String> {
    let tera = match &options.templates {
        Some(templates) => templates.clone(),
        None => Templates::load(options.templates_root.as_deref().unwrap_or(site_root))?,
    };
    let tera = &*tera.0;
    let base = options
        .base_url
        .clone()
        .or_else(|| model.program.base_url.as_ref().map(|u| u.0.clone()));
    // `curriculum.json` first, beside the calendars, before the session rows
    // and the pages: its value of the whole model is the biggest thing a
    // render holds for a while, and made beside them it added to the peak.
    let early = if options.only_bodies.is_none() {
        let (json, calendars) = rayon::join(
            || curriculum_file(model).and_then(sink),
            || calendar_files(model, base.clone(), sink),
        );
        json?;
        calendars? + 1
    } else {
        0
    };
    let shared = shared(model, options);
    let jobs = jobs(model, &shared);
    let count = std::sync::atomic::AtomicUsize::new(0);
    let wanted = |job: &Job<'_>| match &options.only_bodies {
        None => true,
        Some(paths) => job.body.is_some_and(|(path, _)| paths.contains(path)),
    };
    let canonical_base = base.as_deref().map(routes::folder);
    let site = Site {
        tera,
        model,
        shared: &shared,
        outlines,
        links,
        canonical_base: canonical_base.as_deref(),
        portable: options.portable,
    };
    // The pages and the site-wide files (calendars, search index, JSON) are
    // made side by side: the latter are a few long sequential tasks that
    // would otherwise run alone after the pages, on one core.
    // The served form's Pagefind index reads the pages as they pass (SPEC
    // 9.3); after an edit of bodies alone it is left as the last full
    // render made it.
    let served = !options.portable && options.only_bodies.is_none();
    let indexed = pagefind_index::Pages::default();
    let (pages, files) = rayon::join(
        || {
            jobs.par_iter()
                .filter(|job| wanted(job))
                .try_for_each(|job| {
                    count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let file = render_job(&site, job)?;
                    if served {
                        indexed.offer(&file);
                    }
                    sink(file)
                })
        },
        || site_files(model, outlines, &jobs, base, options, sink),
    );
    pages?;
    let mut search_files = 0;
    if served {
        let start = std::time::Instant::now();
        let search = pagefind_index::files(model, indexed)?;
        if options.verbose {
            eprintln!(
                "{:>10}: {:.1} ms",
                "pagefind",
                start.elapsed().as_secs_f64() * 1000.0
            );
        }
        for file in search {
            search_files += 1;
            sink(file)?;
        }
    }
    Ok(count.into_inner() + files? + early + search_files)
}

/// `curriculum.json`.
fn curriculum_file(model: &Model) -> Result<OutputFile, String> {
    Ok(OutputFile {
        path: routes::CURRICULUM.into(),
        bytes: serde_json::to_vec_pretty(&crate::model::json::to_json(model))
            .map_err(|e| e.to_string())?,
    })
}

/// Writes the calendars (the site's, each year's, each session's, each
/// group's and person's that has one) into
/// `sink`, each as soon as it is made; returns their number.
fn calendar_files(model: &Model, base: Option<String>, sink: &Sink<'_>) -> Result<usize, String> {
    if !model.program.calendar {
        return Ok(0); // a program without a calendar has none (SPEC 9.2)
    }
    let order = rows::calendar_order(model);
    let calendar_options = calendar::CalendarOptions::new(model, base);
    let mut count = 0;
    for file in calendar::files(model, &order, &calendar_options) {
        count += 1;
        sink(file)?;
    }
    for i in 0..model.sessions.len() {
        count += 1;
        sink(calendar::session_file(model, i, &calendar_options))?;
    }
    for file in own_calendars::group_files(model, &order, &calendar_options)
        .into_iter()
        .chain(own_calendars::person_files(
            model,
            &order,
            &calendar_options,
        ))
    {
        count += 1;
        sink(file)?;
    }
    Ok(count)
}

/// Writes the files that are not pages and not made before them into
/// `sink`: the search index, the sitemap and the theme's assets (only the
/// search index after an edit of bodies alone). Returns their number.
fn site_files(
    model: &Model,
    outlines: &crate::markdown::Outlines,
    jobs: &[Job<'_>],
    base: Option<String>,
    options: &RenderOptions,
    sink: &Sink<'_>,
) -> Result<usize, String> {
    if options.only_bodies.is_some() {
        sink(search::index(model, outlines))?;
        return Ok(1);
    }
    // Each file goes to the sink as soon as it is made: held together, a big
    // site's indexes would add to the pages' peak memory.
    let mut count = 0;
    let mut put = |file: OutputFile| {
        count += 1;
        sink(file)
    };
    let search_index = search::index(model, outlines);
    if options.portable {
        put(portable::search_script(&search_index))?;
    }
    put(search_index)?;
    if let Some(base) = base {
        put(sitemap(&base, jobs))?;
    }
    for (path, bytes) in crate::theme::assets() {
        put(OutputFile {
            path: format!("{}{path}", routes::ASSETS),
            bytes: bytes.to_vec(),
        })?;
    }
    Ok(count)
}

/// The theme's templates with a site's own, compiled; cheap to clone.
#[derive(Clone)]
pub struct Templates(std::sync::Arc<tera::Tera>);

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Templates")
    }
}

impl Templates {
    /// Compiles the theme's templates and those of `site_root/templates/`.
    pub fn load(site_root: &Path) -> Result<Templates, String> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html"]);
        crate::i18n::register(&mut tera);
        tera.add_raw_templates(crate::theme::templates(site_root)?)
            .map_err(|e| format!("a template does not compile: {e}"))?;
        Ok(Templates(std::sync::Arc::new(tera)))
    }
}

fn shared(model: &Model, options: &RenderOptions) -> Shared {
    let site = chrome::site(model, options);
    let order = rows::calendar_order(model);
    let mut neighbours = vec![(None, None); model.sessions.len()];
    let mut last_of_year: BTreeMap<u8, usize> = BTreeMap::new();
    let mut led = vec![Vec::new(); model.people.len()];
    for &i in &order {
        let s = &model.sessions[i];
        let track = s.years.first().copied().unwrap_or(0);
        if let Some(prev) = last_of_year.insert(track, i) {
            neighbours[i].0 = Some(prev);
            neighbours[prev].1 = Some(i);
        }
        let mut people: Vec<usize> = s.speakers.iter().chain(&s.facilitators).copied().collect();
        people.sort_unstable();
        people.dedup();
        for p in people {
            led[p].push(i);
        }
    }
    let due = crate::model::due::all(model);
    let shared = Shared {
        t: model.program.messages.to_tera(),
        site: to_tera(&site),
        rows: (0..model.sessions.len())
            .map(|_| std::sync::OnceLock::new())
            .collect(),
        prompts: rows::prompts_by_session(model),
        dated: series::occurrences(model, &order),
        order,
        phases: to_tera(&pages::phases(model)),
        neighbours,
        led,
        due,
        due_rows: std::sync::OnceLock::new(),
    };
    // A whole render shows every row (several times): made up front, in
    // parallel.
    if options.only_bodies.is_none() {
        (0..model.sessions.len()).into_par_iter().for_each(|i| {
            shared.session_row(model, i);
        });
    }
    shared
}

/// What every page's render reads.
struct Site<'a> {
    tera: &'a tera::Tera,
    model: &'a Model,
    shared: &'a Shared,
    outlines: &'a crate::markdown::Outlines,
    links: &'a routes::links::Resolved,
    /// The base URL with a trailing `/`, when there is one.
    canonical_base: Option<&'a str>,
    portable: bool,
}

fn render_job(site: &Site<'_>, job: &Job<'_>) -> Result<OutputFile, String> {
    let Site {
        tera,
        model,
        shared,
        outlines,
        links,
        canonical_base,
        portable,
    } = *site;
    let root = routes::root_of(&job.dir);
    let mut ctx = tera::Context::new();
    let data = (job.data)();
    let Some(fields) = data.as_map() else {
        return Err(format!("page data must be a map, not {data}"));
    };
    for (key, value) in fields {
        let key = key.as_str().map_or_else(|| key.to_string(), str::to_string);
        ctx.insert_value(key, value.clone());
    }
    ctx.insert_value("site", shared.site.clone());
    ctx.insert_value("t", shared.t.clone());
    ctx.insert("root", &root);
    ctx.insert("section", &job.section);
    ctx.insert("title", &job.title);
    let crumbs: Vec<chrome::Crumb<'_>> = job
        .breadcrumbs
        .iter()
        .map(|(title, url)| chrome::Crumb {
            title,
            url: url.as_deref(),
        })
        .collect();
    ctx.insert("breadcrumbs", &crumbs);
    let html = job
        .body
        .as_ref()
        .map(|(from, text)| {
            let headings = outlines.get(*from).map(|o| o.headings.as_slice());
            let m = &model.program.messages;
            body::to_html(
                text,
                &root,
                headings,
                links.of(from),
                [m.text("body.done"), m.text("body.not_done")],
            )
        })
        .unwrap_or_default();
    ctx.insert_value("body", tera::Value::from(html));
    let jsonld = job.jsonld.map(|j| match j {
        JsonLd::Course => jsonld::course_jsonld(model),
        JsonLd::Session(i) => jsonld::session_jsonld(model, i),
    });
    ctx.insert("jsonld", &jsonld);
    // The page's address where the site is published (SPEC 3.1 `base_url`).
    let canonical = canonical_base
        .filter(|_| job.dir != NOT_FOUND_JOB)
        .map(|b| format!("{b}{}", job.dir));
    ctx.insert("canonical", &canonical);
    ctx.insert("base_url", &canonical_base);
    // Link previews need absolute addresses: the picture only with a base URL.
    let share_image = canonical_base
        .zip(model.program.brand.share_image())
        .map(|(b, img)| format!("{b}{img}"));
    ctx.insert("share_image", &share_image);
    ctx.insert("portable", &portable);
    // What the served form's search index files this page under (SPEC 9.3).
    ctx.insert("search", &job.search.as_ref().filter(|_| !portable));
    let text = tera
        .render(job.template, &ctx)
        .map_err(|e| format!("template {} failed for {}: {e}", job.template, job.dir))?;
    let text = if portable {
        portable::name_files(&text)
    } else {
        text
    };
    let path = if job.dir == NOT_FOUND_JOB {
        routes::NOT_FOUND.to_string()
    } else {
        routes::file(&job.dir)
    };
    Ok(OutputFile {
        path,
        bytes: text.into_bytes(),
    })
}
