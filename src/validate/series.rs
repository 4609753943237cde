//! Repeating meetings (SPEC 9.2): E0313 (a rule that yields no date), an
//! `until` before the first date, `week` on a series that is not monthly,
//! and E0304 for `until` and `except` dates outside the academic year. The
//! series themselves are expanded by the model (`model::series`).

use crate::content::repeats::Every;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Model;
use crate::model::series::Series;

/// Every rule of every session's and group's series.
pub fn check(model: &Model) -> Vec<Diagnostic> {
    let mut ds = Vec::new();
    for s in &model.sessions {
        if let Some(series) = &s.series {
            one(model, &s.source.path, series, &s.dates, &mut ds);
        }
    }
    for g in &model.groups {
        if let Some(m) = &g.meetings {
            one(model, &g.source.path, &m.series, &m.dates, &mut ds);
        }
    }
    ds
}

fn one(
    model: &Model,
    file: &str,
    series: &Series,
    dates: &[crate::content::values::Date],
    ds: &mut Vec<Diagnostic>,
) {
    let p = &model.program;
    if let Some(pos) = series.week_written
        && series.every != Every::Month
    {
        ds.push(
            Diagnostic::new(
                Code::E0104,
                file,
                pos,
                "`week` is for a series that meets every month",
            )
            .help("remove `week`, or use `every: month`"),
        );
    }
    if let Some(d) = &series.until_written {
        if !p.in_academic_year(d.value) {
            ds.push(
                Diagnostic::new(Code::E0304, file, d.pos, format!("`until` {} is outside the academic year", d.value))
                    .help(format!(
                        "a series ends within its year (from {} to {}): remove `until` to meet until the year's last day",
                        p.starts.value,
                        crate::model::series::year_last_day(p)
                    )),
            );
        }
        if d.value < series.from.value {
            ds.push(
                Diagnostic::new(
                    Code::E0104,
                    file,
                    d.pos,
                    format!(
                        "`until` {} is before the first date {}",
                        d.value, series.from.value
                    ),
                )
                .help(format!(
                    "`until` is the last day the series may meet: on or after {}",
                    series.from.value
                )),
            );
            return;
        }
    }
    if dates.is_empty() {
        let why = if series.skipped.is_empty() {
            format!(
                "no {} falls between {} and {}",
                describe(series),
                series.from.value,
                series.until
            )
        } else {
            format!(
                "every date it gives is skipped (blackout or `except`): {}",
                series
                    .skipped
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        ds.push(
            Diagnostic::new(
                Code::E0313,
                file,
                series.pos,
                format!("this `repeats` rule yields no date: {why}"),
            )
            .help("move `until` later, remove exceptions, or check `weekday` and `week`"),
        );
    }
}

/// e.g. `second Thursday of a month`, `Tuesday`.
fn describe(series: &Series) -> String {
    let day = format!("{:?}", series.weekday);
    match (series.every, series.week) {
        (Every::Month, crate::content::repeats::Week::Last) => format!("last {day} of a month"),
        (Every::Month, crate::content::repeats::Week::Nth(n)) => {
            let nth = ["first", "second", "third", "fourth"];
            format!(
                "{} {day} of a month",
                nth.get(n as usize - 1).unwrap_or(&"nth")
            )
        }
        _ => day,
    }
}
