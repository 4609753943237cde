//! Strings the stages together: load -> parse -> model -> validate (render and
//! write follow in `build` and `serve`). [`check_site`] is the one front door:
//! the current year ([`check`]) and each past year under `archive/`, with
//! every diagnostic and, on demand, the source lines they name
//! ([`Site::sources`]). It sequences the stages, times them under `-v`
//! (printing each time), and takes an edit of bodies alone into an earlier
//! `Site`, returning a new one ([`update_bodies`], for `serve`).

use crate::content::{self, Parsed};
use crate::diagnostics::Diagnostics;
use crate::markdown;
use crate::markdown::Outlines;
use crate::model::{self, Model};
use crate::routes::links::Resolved;
use crate::site::statics::Statics;
use crate::site::{self, Loaded, Texts};
use crate::text::Text;
use crate::validate;
use std::path::Path;
use std::time::Instant;

/// Options that change what the stages see.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Include drafts (`--drafts`).
    pub drafts: bool,
    /// Print each stage's time on stderr (`-v`).
    pub verbose: bool,
    /// Keep the files' texts (bodies to render, source lines to show), or
    /// drop each once it is parsed and scanned (`check`).
    pub texts: Texts,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            drafts: false,
            verbose: false,
            texts: Texts::Keep,
        }
    }
}

/// The outcome of checking a site.
#[derive(Debug)]
pub struct Checked {
    /// The files as loaded: with their texts (for rendering and source
    /// lines) unless [`Options::texts`] dropped them.
    pub loaded: Loaded,
    /// The parsed files.
    pub parsed: Vec<Parsed>,
    /// The curriculum, when `_program.md` could be read.
    pub model: Option<Model>,
    /// Every body's headings and links, by file path.
    pub outlines: Outlines,
    /// Every body's links as validation resolved them, for rendering
    /// (empty when there is no model).
    pub links: Resolved,
    /// The files of `static/`, walked once for validation and publishing.
    pub statics: Statics,
    /// Every diagnostic, sorted.
    pub diagnostics: Diagnostics,
    /// The diagnostics of the stages before validation (load, parse, model),
    /// kept apart so [`update_bodies`] can re-run validation alone.
    pub before_validation: Vec<crate::diagnostics::Diagnostic>,
}

/// Said once when a session file could not be read (see
/// [`Model::sessions_incomplete`]).
pub const INCOMPLETE_NOTE: &str = "a session file could not be read, so attendance (E0306), cadence (W0307), modules without sessions (W0305) and readings or speakers no session lists (W0204) were not checked: fix the errors above and check again";

/// Said once when `_program.md` could not be read (SPEC 9.1), in the human
/// report and in JSON's `notes`.
pub const NO_PROGRAM_NOTE: &str = "content/_program.md could not be read, so the other files were checked without it (fields, references, links, ids) and the rules that need the program were skipped: dates and years (E0304, E0312), phases, competencies and outcomes, sessions' times, schedule and attendance (E0306-E0311, W0305, W0307, W0204), sequencing (E0301-E0303), workload (W0310), outcomes' measures (W0314), the brand (W0315) and static files the build would overwrite (E0403): fix _program.md and check again";

/// The note when a reference named no module, reading or person (see
/// [`Model::unused_unjudged`]).
pub const UNRESOLVED_NOTE: &str = "a reference names no module, reading or person, so what no session uses (W0305, W0204) was not checked for that kind: fix the errors above and check again";

/// The program that stands in for an unreadable `_program.md`, so that the
/// other files can be built and checked: its values decide nothing that
/// [`without_program`] keeps.
const STAND_IN_PROGRAM: &str =
    "---\ntitle: Stand-in\nyears: 6\nstarts: 2000-07-01\ntimezone: UTC\nphases: []\n---\n";

/// The diagnostics of the other files when `_program.md` could not be read:
/// the model built with a stand-in program, and the rules that need no
/// program (references, links, files, objectives); whatever the stand-in's
/// values could decide (phases, years, dates, times) is left out.
fn without_program(
    root: &Path,
    parsed: &[Parsed],
    scanned: Vec<Option<markdown::Outline>>,
    statics: &Statics,
    drafts: bool,
) -> Vec<crate::diagnostics::Diagnostic> {
    use crate::diagnostics::Code;
    let stand_in = site::SourceFile {
        path: crate::layout::PROGRAM_FILE.to_string(),
        kind: crate::layout::FileKind::Program,
        id: "_program".to_string(),
        text: Some(STAND_IN_PROGRAM.into()),
        usable: true,
    };
    let (program, _) = content::parse_file(&stand_in);
    let files: Vec<Parsed> = parsed
        .iter()
        .map(|p| {
            if p.kind == crate::layout::FileKind::Program {
                program.clone()
            } else {
                p.clone()
            }
        })
        .collect();
    let (Some(model), built) = model::build::build(&files, drafts) else {
        return Vec::new();
    };
    let outlines = outlines_of(Some(&model), &files, scanned);
    let mut ds = built;
    ds.extend(validate::links::check(&model, &outlines, root, statics).0);
    ds.extend(validate::outcomes::check(&model));
    let by_program = ["unknown phase", "unknown competency", "unknown outcome"];
    // The stand-in has no body: an anchor into the home page is not judged.
    let into_program = |d: &crate::diagnostics::Diagnostic| {
        outlines.get(&d.file).is_some_and(|o| {
            o.links.iter().any(|l| {
                (l.pos.line, l.pos.column) == (d.line, d.column)
                    && l.dest
                        .split('#')
                        .next()
                        .unwrap_or_default()
                        .ends_with("_program.md")
            })
        })
    };
    ds.retain(|d| {
        d.file != crate::layout::PROGRAM_FILE
            && match d.code {
                Code::E0201 => !by_program.iter().any(|m| d.message.starts_with(m)),
                Code::W0203 => !into_program(d),
                Code::E0105
                | Code::E0202
                | Code::E0401
                | Code::W0402
                | Code::W0404
                | Code::W0313 => true,
                _ => false,
            }
    });
    ds
}

/// Runs every stage up to validation.
pub fn check(root: &Path, options: &Options) -> Checked {
    let mut diagnostics = Diagnostics::new();
    // Each file is parsed and its body scanned as soon as it is read, on the
    // core that read it: one pass over each text while it is in the cache,
    // and `check` need not keep 10,000 texts in memory at once.
    let (loaded, ds, each) = timed(options, "load, parse, outline", || {
        site::load_each(root, options.texts, |file| {
            let (mut parsed, ds) = content::parse_file(file);
            let scan = match options.texts {
                Texts::Keep => markdown::outline,
                Texts::Drop => markdown::outline_for_check,
            };
            let outline = (!parsed.broken).then(|| scan(&parsed.body, parsed.body_line));
            if options.texts == Texts::Drop {
                parsed.body = crate::text::Body::default();
            }
            (parsed, ds, outline)
        })
    });
    diagnostics.extend(ds);
    let mut parsed = Vec::with_capacity(each.len());
    let mut scanned = Vec::with_capacity(each.len());
    for (p, ds, outline) in each {
        parsed.push(p);
        diagnostics.extend(ds);
        scanned.push(outline);
    }
    let (mut model, mut ds) = timed(options, "model", || {
        model::build::build(&parsed, options.drafts)
    });
    if let Some(model) = &mut model {
        let (overrides, override_ds) = crate::i18n::overrides::load(root, &model.program.language);
        // A site that gives every message in its own `i18n/LANG.toml` has
        // nothing left in English: W0316 no longer applies.
        if crate::i18n::english()
            .keys()
            .all(|k| overrides.contains_key(k))
        {
            ds.retain(|d| d.code != crate::diagnostics::Code::W0316);
        }
        ds.extend(override_ds);
        if !overrides.is_empty() {
            let messages = crate::i18n::Messages::built_in(&model.program.language).with(overrides);
            model.program.messages = std::sync::Arc::new(messages);
        }
    }
    diagnostics.extend(ds);
    let statics = Statics::walk(&root.join(crate::layout::STATIC));
    let program_unreadable = model.is_none() && !parsed.is_empty();
    if program_unreadable {
        // SPEC 9.1: one error in _program.md hides nothing else.
        diagnostics.extend(without_program(
            root,
            &parsed,
            scanned.clone(),
            &statics,
            options.drafts,
        ));
        diagnostics.note(NO_PROGRAM_NOTE);
    }
    let before_validation = diagnostics.items().to_vec();
    let outlines = outlines_of(model.as_ref(), &parsed, scanned);
    let mut links = Resolved::default();
    if let Some(model) = &model {
        let validated = timed(options, "validate", || {
            validate::validate(model, &outlines, root, &statics)
        });
        diagnostics.extend(validated.diagnostics);
        links = validated.links;
        if model.sessions_incomplete() {
            diagnostics.note(INCOMPLETE_NOTE);
        }
        if model.unused_unjudged() {
            diagnostics.note(UNRESOLVED_NOTE);
        }
    }
    diagnostics.sort();
    Checked {
        loaded,
        parsed,
        model,
        outlines,
        links,
        statics,
        diagnostics,
        before_validation,
    }
}

/// Takes an edit that changed only Markdown bodies (same files, same front
/// matter) into the current year of `previous`: a new site with the new
/// bodies and outlines, validated again, and the edited files, whose pages
/// need rendering again. When the edit is more than that and needs
/// [`check_site`] from the start: the past years, handed back unchanged.
pub fn update_bodies(root: &Path, previous: Site) -> Result<(Site, Vec<String>), Vec<PastYear>> {
    let Site { current, past, .. } = previous;
    let Checked {
        loaded: before,
        mut parsed,
        model,
        mut outlines,
        statics,
        before_validation,
        ..
    } = current;
    let Some(mut model) = model else {
        return Err(past);
    };
    let (loaded, _) = site::reload(root, &before);
    let Some(changed) = body_edits(&before, &loaded) else {
        return Err(past);
    };
    let mut edited = Vec::with_capacity(changed.len());
    for i in changed {
        let (file, _) = content::parse_file(&loaded.files[i]);
        let in_model;
        (model, in_model) = model.with_body(&file.path, &file.body);
        if in_model {
            outlines.insert(
                file.path.clone(),
                markdown::outline(&file.body, file.body_line),
            );
        }
        edited.push(file.path.clone());
        parsed[i] = file;
    }
    let mut diagnostics = Diagnostics::new();
    diagnostics.extend(before_validation.iter().cloned());
    let validated = validate::validate(&model, &outlines, root, &statics);
    diagnostics.extend(validated.diagnostics);
    if model.sessions_incomplete() {
        diagnostics.note(INCOMPLETE_NOTE);
    }
    if model.unused_unjudged() {
        diagnostics.note(UNRESOLVED_NOTE);
    }
    diagnostics.sort();
    let current = Checked {
        loaded,
        parsed,
        model: Some(model),
        outlines,
        links: validated.links,
        statics,
        diagnostics,
        before_validation,
    };
    Ok((Site::new(current, past), edited))
}

/// The indexes of the files whose text changed from `before` to `after`, if
/// every change is to a body only; `None` otherwise.
fn body_edits(before: &Loaded, after: &Loaded) -> Option<Vec<usize>> {
    if after.files.len() != before.files.len() {
        return None;
    }
    let mut changed = Vec::new();
    for (i, (new, old)) in after.files.iter().zip(&before.files).enumerate() {
        if new.path != old.path || new.kind != old.kind || new.usable != old.usable {
            return None;
        }
        if new.text == old.text {
            continue;
        }
        let (Some(a), Some(b)) = (&new.text, &old.text) else {
            return None;
        };
        let (Ok(a), Ok(b)) = (crate::front_matter::split(a), crate::front_matter::split(b)) else {
            return None;
        };
        if a.yaml != b.yaml {
            return None;
        }
        changed.push(i);
    }
    Some(changed)
}

/// The outlines of the bodies that made it into the model, by path: taken
/// from `scanned` (the outlines of `parsed`, by index) when the model holds
/// that very body, else scanned here.
fn outlines_of(
    model: Option<&Model>,
    parsed: &[Parsed],
    mut scanned: Vec<Option<markdown::Outline>>,
) -> Outlines {
    let Some(model) = model else {
        return Outlines::new();
    };
    let mut out = Outlines::with_capacity(parsed.len());
    for source in model.sources() {
        let known = parsed
            .binary_search_by(|p| p.path.as_str().cmp(&source.path))
            .ok()
            .filter(|&i| {
                parsed[i].body.same(&source.body) && parsed[i].body_line == source.body_line
            })
            .and_then(|i| scanned[i].take());
        let outline = known.unwrap_or_else(|| markdown::outline(&source.body, source.body_line));
        out.insert(source.path.clone(), outline);
    }
    out
}

/// Runs `stage`, printing its time under `-v`.
pub fn timed<T>(options: &Options, name: &str, stage: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = stage();
    if options.verbose {
        eprintln!(
            "{name:>10}: {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
    out
}

/// A past academic year kept under `archive/YYYY-YY/`, checked on its own.
#[derive(Debug)]
pub struct PastYear {
    /// Where it is kept.
    pub archived: crate::roll::archive::Archived,
    /// Its check, with paths relative to its own root (`content/...`).
    pub checked: Checked,
}

impl PastYear {
    /// What rendering this year needs, when it has a model.
    pub fn to_render(&self) -> Option<crate::render::years::Past<'_>> {
        Some(crate::render::years::Past {
            label: &self.archived.label,
            model: self.checked.model.as_ref()?,
            outlines: &self.checked.outlines,
            links: &self.checked.links,
            statics: &self.checked.statics,
            root: &self.archived.root,
        })
    }
}

/// A site checked whole: its current year, its past years and their
/// diagnostics together. What `check`, `build` and `serve` all start from.
#[derive(Debug)]
pub struct Site {
    /// The year under `content/`.
    pub current: Checked,
    /// Each past year under `archive/YYYY-YY/`, checked on its own.
    pub past: Vec<PastYear>,
    /// The current year's diagnostics with every past year's, whose paths are
    /// relative to the site root (`archive/2025-26/content/...`), sorted.
    pub diagnostics: Diagnostics,
}

impl Site {
    fn new(current: Checked, past: Vec<PastYear>) -> Site {
        let diagnostics = all_diagnostics(&current, &past);
        Site {
            current,
            past,
            diagnostics,
        }
    }

    /// The text of every file the diagnostics name, by its path relative to
    /// the site root (past years' under `archive/YYYY-YY/`), for showing
    /// source lines: as loaded, or read again when `check` dropped it.
    pub fn sources(&self) -> std::collections::HashMap<String, Text> {
        let named: std::collections::HashSet<&str> = self
            .diagnostics
            .items()
            .iter()
            .map(|d| d.file.as_str())
            .collect();
        let mut map = std::collections::HashMap::new();
        if named.is_empty() {
            return map;
        }
        let mut add = |prefix: &str, loaded: &Loaded| {
            for f in &loaded.files {
                let key = format!("{prefix}{}", f.path);
                if !named.contains(key.as_str()) {
                    continue;
                }
                // An unreadable file is as unreadable the second time.
                let text = f
                    .text
                    .clone()
                    .or_else(|| site::read_source(&loaded.root, &f.path));
                if let Some(text) = text {
                    map.insert(key, text);
                }
            }
        };
        add("", &self.current.loaded);
        for year in &self.past {
            add(&year.archived.prefix(), &year.checked.loaded);
        }
        map
    }

    /// The labels of the past years (`2025-26`), oldest first, for the
    /// current year's links to them.
    pub fn past_labels(&self) -> Vec<String> {
        self.past.iter().map(|p| p.archived.label.clone()).collect()
    }

    /// The diagnostics for people, with their source lines.
    pub fn human(&self, color: bool) -> String {
        let sources = self.sources();
        crate::diagnostics::render::human(
            &self.diagnostics,
            |f| sources.get(f).map(Text::as_str),
            color,
        )
    }
}

/// Checks the site at `root`: the current year, then every past year, each
/// on its own.
pub fn check_site(root: &Path, options: &Options) -> Site {
    let current = check(root, options);
    let past = crate::roll::archive::list(root)
        .into_iter()
        .map(|archived| {
            let checked = timed(options, &archived.label, || check(&archived.root, options));
            PastYear { archived, checked }
        })
        .collect();
    Site::new(current, past)
}

/// [`check_site`] with the past years of an earlier check when they are
/// known to be unchanged (`serve` when nothing under `archive/` changed):
/// only the current year is checked again. `None` checks every year.
pub fn check_site_keeping(root: &Path, options: &Options, past: Option<Vec<PastYear>>) -> Site {
    match past {
        Some(past) => Site::new(check(root, options), past),
        None => check_site(root, options),
    }
}

/// The current year's diagnostics with every past year's, whose paths are
/// relative to the site root (`archive/2025-26/content/...`), sorted.
fn all_diagnostics(current: &Checked, past: &[PastYear]) -> Diagnostics {
    let mut all = current.diagnostics.clone();
    for year in past {
        let prefix = year.archived.prefix();
        all.extend(year.checked.diagnostics.items().iter().map(|d| {
            let mut d = d.clone();
            d.file = format!("{prefix}{}", d.file);
            d
        }));
        for note in year.checked.diagnostics.notes() {
            all.note(format!("{prefix}: {note}"));
        }
    }
    all.sort();
    all
}
