//! `content/readings/*.md`: books, chapters, articles, videos, courses.

use super::values::{Doi, Isbn, Url};
use crate::fields::Located;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The front matter of a reading.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadingFront {
    /// e.g. `The Body Keeps the Score` (required).
    #[schemars(required)]
    pub title: Option<Located<String>>,
    /// Default `book`.
    pub kind: Option<Located<ReadingKind>>,
    /// e.g. `["Ibram X. Kendi"]`.
    pub authors: Option<Vec<String>>,
    /// Year of publication, e.g. `2019`.
    pub published: Option<i32>,
    /// ISBN-10 or ISBN-13, hyphens allowed.
    pub isbn: Option<Located<Isbn>>,
    /// e.g. `10.1056/NEJMp1606181`.
    pub doi: Option<Located<Doi>>,
    /// Where to find it.
    pub url: Option<Located<Url>>,
    /// Pages to read (workload).
    pub pages: Option<u32>,
    /// Minutes to watch or listen (workload).
    pub minutes: Option<u32>,
    /// Optional readings do not count in the workload.
    pub optional: Option<bool>,
    /// Left out unless `--drafts`.
    pub draft: Option<bool>,
}

/// What kind of reading it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReadingKind {
    /// A book.
    #[default]
    Book,
    /// A chapter of a book.
    Chapter,
    /// A journal article.
    Article,
    /// A report.
    Report,
    /// A video.
    Video,
    /// A podcast episode.
    Podcast,
    /// An online course.
    Course,
    /// A web site.
    Website,
    /// A tool to use, e.g. an inclusion culture inventory.
    Tool,
    /// A survey instrument.
    Survey,
    /// A toolkit.
    Toolkit,
    /// A webinar (often one of a series).
    Webinar,
    /// A guide.
    Guide,
}

impl ReadingKind {
    /// How the kind is written, e.g. `article`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReadingKind::Book => "book",
            ReadingKind::Chapter => "chapter",
            ReadingKind::Article => "article",
            ReadingKind::Report => "report",
            ReadingKind::Video => "video",
            ReadingKind::Podcast => "podcast",
            ReadingKind::Course => "course",
            ReadingKind::Website => "website",
            ReadingKind::Tool => "tool",
            ReadingKind::Survey => "survey",
            ReadingKind::Toolkit => "toolkit",
            ReadingKind::Webinar => "webinar",
            ReadingKind::Guide => "guide",
        }
    }
}

/// The front matter `cairn new reading` writes: required fields filled, the
/// others as comments.
pub fn starter(s: &super::Starter<'_>) -> String {
    format!(
        "title: {}\nkind: book\n# authors: [...]\n# published: 2020\n# isbn: 978-...\n# doi: 10....\n# url: https://...\n# pages: 100\n# minutes: 30\n# optional: false\n# draft: true\n",
        s.title
    )
}
