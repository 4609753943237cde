//! The curriculum map's data (`map/`): which modules address which
//! competencies, and per track year what each competency gets (its
//! sessions, contact hours, self-paced minutes and reading pages, from
//! `model::coverage`), a competency with nothing that year marked.

use super::rows::{FrameworkModule, Link, link, module_url};
use crate::layout::Collection;
use crate::model::{Model, coverage};
use serde::Serialize;

/// A competency as the map's columns show it.
#[derive(Debug, Serialize)]
pub struct MapCompetency<'a> {
    id: &'a str,
    title: &'a str,
    group: Option<&'a str>,
}

/// A module and the competencies it addresses.
#[derive(Debug, Serialize)]
pub struct MapRow<'a> {
    module: FrameworkModule<'a>,
    cells: Vec<bool>,
}

/// One competency in one year.
#[derive(Debug, Serialize)]
pub struct YearCell<'a> {
    competency: MapCompetency<'a>,
    /// True when nothing covers it that year.
    empty: bool,
    sessions: Vec<Link<'a>>,
    /// e.g. `7.5`.
    hours: String,
    self_paced_minutes: u64,
    pages: u64,
}

/// One track year's table.
#[derive(Debug, Serialize)]
pub struct MapYear<'a> {
    number: u8,
    title: &'a str,
    rows: Vec<YearCell<'a>>,
}

/// The curriculum map.
#[derive(Debug, Serialize)]
pub struct MapPage<'a> {
    competencies: Vec<MapCompetency<'a>>,
    rows: Vec<MapRow<'a>>,
    years: Vec<MapYear<'a>>,
}

/// Minutes as hours, e.g. `90` as `1.5`, `120` as `2`, `20` as `0.33`.
pub fn hours(minutes: u64) -> String {
    if minutes % 60 == 0 {
        return (minutes / 60).to_string();
    }
    let hundredths = (minutes * 100 + 30) / 60;
    let s = format!("{}.{:02}", hundredths / 100, hundredths % 100);
    s.trim_end_matches('0').to_string()
}

fn competency(c: &crate::content::program::Competency) -> MapCompetency<'_> {
    MapCompetency {
        id: &c.id.value,
        title: &c.title,
        group: c.group.as_deref(),
    }
}

/// The curriculum map: modules x competencies, then each year's figures.
pub fn map(model: &Model) -> MapPage<'_> {
    let comps = &model.program.competencies;
    MapPage {
        competencies: comps.iter().map(|c| competency(c)).collect(),
        rows: model
            .modules_in_order()
            .into_iter()
            .map(|i| {
                let m = &model.modules[i];
                MapRow {
                    module: FrameworkModule {
                        title: &m.title,
                        url: module_url(model, i),
                        year: m.year,
                    },
                    cells: (0..comps.len())
                        .map(|c| m.competencies.contains(&c))
                        .collect(),
                }
            })
            .collect(),
        years: model
            .years
            .iter()
            .map(|y| MapYear {
                number: y.number,
                title: &y.title,
                rows: comps
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let cov = coverage::of(model, i, y.number);
                        YearCell {
                            competency: competency(c),
                            empty: cov.is_empty(),
                            sessions: cov
                                .sessions
                                .iter()
                                .map(|&s| {
                                    link(model, Collection::Sessions, s, &model.sessions[s].title)
                                })
                                .collect(),
                            hours: hours(cov.contact_minutes),
                            self_paced_minutes: cov.self_paced_minutes,
                            pages: cov.pages,
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hours_are_written_short() {
        assert_eq!(super::hours(120), "2");
        assert_eq!(super::hours(90), "1.5");
        assert_eq!(super::hours(20), "0.33");
        assert_eq!(super::hours(0), "0");
    }
}
