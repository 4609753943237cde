//! cairn turns a folder of Markdown files with YAML front matter into a
//! validated static website for a multi-year leadership curriculum.
//!
//! Each stage is a module, run in this order (ARCHITECTURE.md draws them and
//! says what each must never do, and where imports still point back):
//!
//! 1. [`site`] finds the root and loads every file under `content/`;
//! 2. [`front_matter`] and [`content`] parse each file into typed front matter;
//! 3. [`model`] resolves references into one curriculum;
//! 4. [`validate`] checks the curriculum's rules;
//! 5. [`render`] turns the model into the site's files in memory, asking
//!    [`routes`] for every address;
//! 6. [`output`] writes them to disk (or [`serve`] keeps them in memory).
//!
//! [`pipeline`] strings stages 1-4 together; [`diagnostics`] carries what they
//! find; [`commands`] are the command line's verbs. ARCHITECTURE.md has the
//! module map and where to add a field, a rule, a collection or a page.

#![warn(missing_docs)]

pub mod cli;
pub mod colour;
pub mod commands;
pub mod content;
pub mod dates;
pub mod diagnostics;
pub mod diff;
pub mod export;
pub(crate) mod fields;
pub mod front_matter;
pub mod highlight;
pub mod i18n;
pub mod layout;
pub mod markdown;
pub mod model;
pub(crate) mod output;
pub mod paths;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod roll;
pub mod routes;
pub(crate) mod serve;
pub mod site;
pub mod symlinks;
pub mod text;
pub(crate) mod theme;
pub mod user_files;
pub mod validate;
pub(crate) mod watch;
