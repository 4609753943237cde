//! `cairn new KIND ID [--title T]`: a new content file with its kind's front
//! matter: required fields filled, optional ones as comments. Nothing depends
//! on today's date: a new session takes the first month of the academic year
//! (of `schedule.months` when set) that has no session yet.

use super::{Global, OK, fail};
use crate::content::Collection;
use crate::content::page;
use crate::model::Model;
use crate::pipeline::{self, Options};
use crate::site::{FileKind, is_valid_id};

/// Creates `content/<collection>/<ID>.md`.
pub fn run(global: &Global, kind: &str, id: &str, title: Option<&str>) -> u8 {
    let Some(collection) = Collection::ALL.into_iter().find(|c| c.singular() == kind) else {
        let kinds: Vec<&str> = Collection::ALL.iter().map(|c| c.singular()).collect();
        return fail(&format!(
            "unknown kind `{kind}`; the kinds are: {}",
            kinds.join(", ")
        ));
    };
    if !is_valid_id(id) {
        return fail(&format!(
            "`{id}` is not a valid id: use lowercase letters, digits and hyphens, e.g. `listening-first`"
        ));
    }
    if collection == Collection::Pages && page::is_reserved(id) {
        return fail(&format!(
            "`{id}` is a page id the site uses for itself; choose another"
        ));
    }
    let root = match global.site_root() {
        Ok(root) => root,
        Err(e) => return fail(&e),
    };
    let checked = pipeline::check(&root, &Options::default());
    if checked
        .parsed
        .iter()
        .any(|p| p.kind == FileKind::Item(collection) && p.id == id)
    {
        return fail(&format!("a {kind} with the id `{id}` already exists"));
    }
    let title = title.map_or_else(|| default_title(id), str::to_string);
    let text = front_matter(collection, &title, checked.model.as_ref());
    let path = root
        .join("content")
        .join(collection.dir())
        .join(format!("{id}.md"));
    if let Some(dir) = path.parent()
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        return fail(&format!("cannot create {}: {e}", dir.display()));
    }
    if let Err(e) = std::fs::write(&path, text) {
        return fail(&format!("cannot write {}: {e}", path.display()));
    }
    if !global.quiet {
        eprintln!("created content/{}/{id}.md", collection.dir());
    }
    OK
}

/// `listening-first` -> `Listening first`.
fn default_title(id: &str) -> String {
    crate::render::labels::kind(id)
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The file's text for a new item of `collection`.
pub fn front_matter(collection: Collection, title: &str, model: Option<&Model>) -> String {
    let t = quote(title);
    let first_module = model
        .and_then(|m| m.modules.first())
        .map(|m| m.source.id.clone());
    let first_session = model
        .and_then(|m| m.sessions.first())
        .map(|s| s.source.id.clone());
    let phase = model
        .and_then(|m| m.program.phases.iter().find(|p| !p.continuous))
        .map(|p| p.id.clone());
    let body = match collection {
        Collection::Modules => format!(
            "title: {t}\n{}year: 1\n# summary: One paragraph for lists.\n# objectives:\n#   - Describe ...\n# competencies: []\n# prerequisites: []\n# self_paced:\n#   - {{ title: ..., provider: ..., url: https://..., minutes: 30, due: YYYY-MM-DD }}\n# draft: true\n",
            phase.map_or_else(String::new, |p| format!("phase: {p}\n"))
        ),
        Collection::Sessions => format!(
            "title: {t}\nkind: workshop\ndate: {}\n# end_date: YYYY-MM-DD\n# start: \"18:00\"\n# end: \"20:00\"\n# year: 1\n# module: {}\n# location: ...\n# online: https://...\n# speakers: []\n# facilitators: []\n# readings: []\n# required: false\n# agenda:\n#   - {{ time: \"18:00\", title: ..., detail: ... }}\n# draft: true\n",
            model.map_or_else(|| "2025-09-01".to_string(), free_date),
            first_module.as_deref().unwrap_or("MODULE-ID")
        ),
        Collection::Readings => format!(
            "title: {t}\nkind: book\n# authors: [...]\n# published: 2020\n# isbn: 978-...\n# doi: 10....\n# url: https://...\n# pages: 100\n# minutes: 30\n# optional: false\n# draft: true\n"
        ),
        Collection::Prompts => {
            let anchor = match (&first_session, &first_module) {
                (Some(s), _) => format!("session: {s}\n"),
                (None, Some(m)) => format!("module: {m}\n"),
                _ => "# session: SESSION-ID   (a prompt needs a session or a module)\n".to_string(),
            };
            format!("title: {t}\n{anchor}# due: YYYY-MM-DD\n# draft: true\n")
        }
        Collection::People => format!(
            "name: {t}\n# role: Associate Professor of ...\n# pronouns: she/her\n# affiliation: ...\n# roles: [mentor]\n# photo: images/people/NAME.png\n# email: ...\n# url: https://...\n# draft: true\n"
        ),
        Collection::Projects => format!(
            "title: {t}\n# kind: quality-improvement\n# year: 2\n# milestones:\n#   - {{ title: ..., due: YYYY-MM-DD }}\n# draft: true\n"
        ),
        Collection::Pages => format!("title: {t}\n# weight: 10\n# nav: true\n# draft: true\n"),
    };
    format!("---\n{body}---\n\nWrite the text here, in Markdown.\n")
}

/// The first day of the first month (of `schedule.months`, else any) in the
/// academic year that has no session yet, avoiding blackout dates.
fn free_date(model: &Model) -> String {
    let p = &model.program;
    let first = p.starts.value.0;
    let months: Vec<jiff::civil::Date> = (0..12)
        .filter_map(|k| {
            first
                .first_of_month()
                .checked_add(jiff::Span::new().months(k))
                .ok()
        })
        .collect();
    let wanted: Vec<&jiff::civil::Date> = months
        .iter()
        .filter(|d| p.months.is_empty() || p.months.iter().any(|m| m.value.0 == d.month()))
        .collect();
    let busy = |d: &jiff::civil::Date| {
        model
            .sessions
            .iter()
            .any(|s| s.date.value.0.year() == d.year() && s.date.value.0.month() == d.month())
    };
    let month = wanted
        .iter()
        .find(|d| !busy(d))
        .or(wanted.first())
        .map_or(first, |d| **d);
    let mut day = month.max(first);
    while p.blackout.iter().any(|b| b.value.0 == day) {
        day = day.tomorrow().unwrap_or(day);
    }
    day.to_string()
}
