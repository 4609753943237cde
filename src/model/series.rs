//! Repeating meetings (SPEC 9.2): a `repeats` rule expanded once into its
//! dates, so every page, count and calendar sees occurrences rather than a
//! rule. The rule is kept beside the dates for the calendars' `RRULE`.

use crate::content::repeats::{DayHours, Every, Repeats, Week};
use crate::content::values::Date;
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::fields::Located;
use jiff::civil;

/// A series: its rule as the calendars write it, and what it skips.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// How often.
    pub every: Every,
    /// On which weekday.
    pub weekday: civil::Weekday,
    /// Which week of the month (monthly series).
    pub week: Week,
    /// The first date the rule gives (the calendars' `DTSTART`), which may
    /// itself be skipped.
    pub first: Date,
    /// The last day it may fall on: `until`, or the academic year's last day.
    pub until: Date,
    /// The dates the rule gives that are skipped (blackouts and `except`):
    /// the calendars' `EXDATE`.
    pub skipped: Vec<Date>,
    /// Where the rule is written (E0313).
    pub pos: Pos,
    /// `until` as written, when it is.
    pub until_written: Option<Located<Date>>,
    /// The `week` value as written, when it is.
    pub week_written: Option<Pos>,
    /// The date the rule starts from (a session's `date`, a group's `from`).
    pub from: Located<Date>,
}

/// The week of the month `d` is in: 1 to 4, or the last for a fifth.
fn week_of(d: civil::Date) -> Week {
    match (d.day() - 1) / 7 + 1 {
        5 => Week::Last,
        n => Week::Nth(n),
    }
}

/// The `week`th `weekday` of the month of `month`.
fn in_month(month: civil::Date, weekday: civil::Weekday, week: Week) -> Option<civil::Date> {
    match week {
        Week::Nth(n) => month.first_of_month().nth_weekday_of_month(n, weekday).ok(),
        Week::Last => month.last_of_month().nth_weekday_of_month(-1, weekday).ok(),
    }
}

/// Expands `rule` from `from` up to its `until` (at most `year_end`),
/// skipping `blackout` and the rule's `except` dates. Returns the series
/// and its dates in order (empty when every date is skipped: E0313).
pub fn expand(
    rule: &Located<Repeats>,
    from: &Located<Date>,
    year_end: Date,
    blackout: &[Located<Date>],
) -> (Series, Vec<Date>) {
    let r = &rule.value;
    let start = from.value.0;
    let weekday = r
        .weekday
        .as_ref()
        .map_or(start.weekday(), |w| w.value.civil());
    let week = r.week.as_ref().map_or_else(|| week_of(start), |w| w.value);
    let until = r.until.as_ref().map_or(year_end, |u| u.value.min(year_end));
    let mut raw: Vec<civil::Date> = Vec::new();
    match r.every.value {
        Every::Week | Every::TwoWeeks => {
            let step = if r.every.value == Every::Week { 7 } else { 14 };
            let mut day = start.nth_weekday(1, weekday).ok();
            if start.weekday() == weekday {
                day = Some(start);
            }
            while let Some(d) = day.filter(|d| *d <= until.0) {
                raw.push(d);
                day = d.checked_add(jiff::Span::new().days(step)).ok();
            }
        }
        Every::Month => {
            let mut month = Some(start.first_of_month());
            while let Some(m) = month.filter(|m| *m <= until.0) {
                if let Some(d) = in_month(m, weekday, week).filter(|d| *d >= start && *d <= until.0)
                {
                    raw.push(d);
                }
                month = m.checked_add(jiff::Span::new().months(1)).ok();
            }
        }
    }
    let except: Vec<Date> = r.except.iter().flatten().map(|d| d.value).collect();
    let (mut dates, mut skipped) = (Vec::new(), Vec::new());
    for d in raw.iter().map(|&d| Date(d)) {
        if except.contains(&d) || blackout.iter().any(|b| b.value == d) {
            skipped.push(d);
        } else {
            dates.push(d);
        }
    }
    let series = Series {
        every: r.every.value,
        weekday,
        week,
        first: raw.first().map_or(from.value, |&d| Date(d)),
        until,
        skipped,
        pos: rule.pos,
        until_written: r.until.clone(),
        week_written: r.week.as_ref().map(|w| w.pos),
        from: from.clone(),
    };
    (series, dates)
}

/// The academic year's last day: a series' `until` by default.
pub fn year_last_day(program: &super::program::Program) -> Date {
    let ends = program.ends().0;
    Date(ends.yesterday().unwrap_or(ends))
}

/// A multi-day session's `hours`, checked against its `days` (E0104 at an
/// item for a day outside the session, at `end` for an end not after its
/// start), by day.
pub(super) fn hours(
    b: &mut super::build::Builder<'_>,
    file: &str,
    hours: Option<&[Located<DayHours>]>,
    days: i32,
) -> Vec<DayHours> {
    let mut out: Vec<DayHours> = Vec::new();
    for item in hours.unwrap_or_default() {
        let h = &item.value;
        if h.day.value == 0 || i64::from(h.day.value) > i64::from(days) {
            b.push(
                Diagnostic::new(
                    Code::E0104,
                    file,
                    item.pos,
                    format!(
                        "hours for day {}, outside the session, which has {days} day{}",
                        h.day.value,
                        if days == 1 { "" } else { "s" }
                    ),
                )
                .help(if days == 1 {
                    "`hours` are for sessions over several days (with `end_date`): use `start` and `end`".to_string()
                } else {
                    format!("use a day from 1 to {days}")
                }),
            );
            continue;
        }
        if h.end.value <= h.start.value {
            b.push(
                Diagnostic::new(
                    Code::E0104,
                    file,
                    h.end.pos,
                    format!(
                        "day {} ends ({}) before it starts ({})",
                        h.day.value, h.end.value, h.start.value
                    ),
                )
                .help("each day's `end` must be after its `start`"),
            );
            continue;
        }
        out.push(h.clone());
    }
    out.sort_by_key(|h| h.day.value);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::repeats::Every;

    fn at<T>(value: T) -> Located<T> {
        Located {
            value,
            pos: Pos::START,
        }
    }

    fn d(s: &str) -> Date {
        crate::content::values::parse_date(s).unwrap()
    }

    fn rule(every: Every, week: Option<Week>, until: Option<&str>) -> Located<Repeats> {
        at(Repeats {
            every: at(every),
            weekday: None,
            week: week.map(at),
            until: until.map(|u| at(d(u))),
            except: None,
        })
    }

    #[test]
    fn monthly_from_a_second_thursday_skips_a_blackout() {
        let (s, dates) = expand(
            &rule(Every::Month, None, None),
            &at(d("2025-09-11")),
            d("2026-06-30"),
            &[at(d("2025-12-11"))],
        );
        assert_eq!(dates.len(), 9, "{dates:?}");
        assert_eq!(dates[0], d("2025-09-11"));
        assert_eq!(dates[8], d("2026-06-11"));
        assert_eq!(s.skipped, vec![d("2025-12-11")]);
        assert_eq!(s.week, Week::Nth(2));
    }

    #[test]
    fn a_fifth_weekday_means_the_last_and_two_weeks_step_fourteen_days() {
        let (s, dates) = expand(
            &rule(Every::Month, None, Some("2025-12-31")),
            &at(d("2025-10-30")),
            d("2026-06-30"),
            &[],
        );
        assert_eq!(s.week, Week::Last);
        assert_eq!(
            dates,
            vec![d("2025-10-30"), d("2025-11-27"), d("2025-12-25")]
        );
        let (_, dates) = expand(
            &rule(Every::TwoWeeks, None, Some("2025-10-01")),
            &at(d("2025-09-03")),
            d("2026-06-30"),
            &[],
        );
        assert_eq!(
            dates,
            vec![d("2025-09-03"), d("2025-09-17"), d("2025-10-01")]
        );
    }

    #[test]
    fn an_until_before_the_first_date_yields_nothing() {
        let (_, dates) = expand(
            &rule(Every::Week, None, Some("2025-09-01")),
            &at(d("2025-09-03")),
            d("2026-06-30"),
            &[],
        );
        assert!(dates.is_empty());
    }
}
