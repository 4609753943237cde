//! The calendar arithmetic of rolling to a new academic year, free of files:
//! a session's counterpart (same weekday, same week of the month), a
//! blackout's counterpart (same month and day), offsets kept from an anchor,
//! and an id renamed for its new date (the date or year-month an id begins
//! with is [`crate::dates`]', which `cairn new` shares).

pub use crate::dates::id_prefix;
use jiff::ToSpan;
use jiff::civil::Date;

/// Why a counterpart is not the exact one and needs a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortfall {
    /// A fifth weekday whose new month has only four: it went to the last (fourth).
    NoFifth,
    /// The arithmetic left the calendar (a year past 9999).
    Unmappable,
}

/// Whole months from the first of `from`'s month to the first of `to`'s,
/// e.g. 12 from 2025-07-01 to 2026-07-01.
pub fn months_between(from: Date, to: Date) -> i32 {
    (i32::from(to.year()) * 12 + i32::from(to.month()))
        - (i32::from(from.year()) * 12 + i32::from(from.month()))
}

/// The first day of the month `months` after `d`'s month.
fn shifted_month(d: Date, months: i32) -> Option<Date> {
    d.first_of_month().checked_add(months.months()).ok()
}

/// The counterpart of `d` `months` later: the same weekday in the same week
/// of the month (the third Tuesday of October stays the third Tuesday of
/// October). A fifth weekday is the last of its month and stays the last:
/// the fifth when the new month has one, else the fourth, reported.
pub fn counterpart(d: Date, months: i32) -> (Date, Option<Shortfall>) {
    let Some(first) = shifted_month(d, months) else {
        return (d, Some(Shortfall::Unmappable));
    };
    let nth = i64::from((d.day() - 1) / 7);
    let wanted = i64::from(d.weekday().to_monday_zero_offset());
    let have = i64::from(first.weekday().to_monday_zero_offset());
    let first_match = (wanted - have).rem_euclid(7);
    let Ok(candidate) = first.checked_add((first_match + 7 * nth).days()) else {
        return (d, Some(Shortfall::Unmappable));
    };
    if candidate.month() == first.month() {
        return (candidate, None);
    }
    match candidate.checked_sub(7.days()) {
        Ok(last) => (last, Some(Shortfall::NoFifth)),
        Err(_) => (d, Some(Shortfall::Unmappable)),
    }
}

/// The same month and day `months` later (a holiday stays on its date); the
/// 29th of February becomes the 28th in a common year.
pub fn same_day(d: Date, months: i32) -> Option<Date> {
    let first = shifted_month(d, months)?;
    let day = d.day().min(first.days_in_month());
    Date::new(first.year(), first.month(), day).ok()
}

/// `new_anchor` plus the days from `old_anchor` to `d`: a due date keeps its
/// distance from the session or module it belongs to.
pub fn keep_offset(d: Date, old_anchor: Date, new_anchor: Date) -> Option<Date> {
    let days = old_anchor.until(d).ok()?.get_days();
    new_anchor.checked_add(i64::from(days).days()).ok()
}

/// True when two sessions share a day: each is its first day and the
/// days after it (a multi-day session's `end_date`).
fn spans_meet((a, a_days): (Date, i64), (b, b_days): (Date, i64)) -> bool {
    let last = |d: Date, n: i64| d.checked_add(n.days()).unwrap_or(d);
    a <= last(b, b_days) && b <= last(a, a_days)
}

/// The first blackout date among a session's days, `(first, days after
/// the first)`: E0311 counts every day of a multi-day session.
pub fn blackout_met(blackout: &[Date], session: (Date, i64)) -> Option<Date> {
    blackout
        .iter()
        .filter(|b| spans_meet((**b, 0), session))
        .min()
        .copied()
}

/// True when two sessions, each `(old, new, days after the first)`, share
/// a day after the roll and did not before it.
pub fn clash_made(
    (old, new, days): (Date, Date, i64),
    (o_old, o_new, o_days): (Date, Date, i64),
) -> bool {
    spans_meet((new, days), (o_new, o_days)) && !spans_meet((old, days), (o_old, o_days))
}

/// True when `d` falls in the academic year that starts on `starts`.
pub fn in_year(d: Date, starts: Date) -> bool {
    d >= starts && starts.checked_add(1.year()).is_ok_and(|ends| d < ends)
}

/// True when a year-month touches the academic year [`starts`, `ends`).
pub fn month_in_year(month_first: Date, starts: Date, ends: Date) -> bool {
    month_first < ends && starts.first_of_month() <= month_first
}

/// `id` with its prefix (of `len` bytes) written for `date`: the whole date
/// when `full`, else the year-month.
pub fn renamed(id: &str, len: usize, full: bool, date: Date) -> String {
    let prefix = if full {
        date.to_string()
    } else {
        crate::dates::year_month(date)
    };
    format!("{prefix}{}", &id[len..])
}

/// The first day of the academic year that contains `today`, for a program
/// whose years start on `starts`' month and day; and the next year's, when
/// it starts within two months of `today` (a new program plans ahead).
pub fn year_for(today: Date, starts: Date) -> Option<Date> {
    let this = same_day(starts, dates_months(starts, today))?;
    let containing = if this > today {
        this.checked_sub(1.year()).ok()?
    } else {
        this
    };
    let next = containing.checked_add(1.year()).ok()?;
    let soon = today.checked_add(2.months()).ok()?;
    Some(if next <= soon { next } else { containing })
}

/// Months from `starts`' month to the same month in `today`'s year.
fn dates_months(starts: Date, today: Date) -> i32 {
    (i32::from(today.year()) - i32::from(starts.year())) * 12
}

/// `id` renamed for the year starting `new_starts`, when it begins with a
/// date or year-month of the year starting `old_starts`.
pub fn rolled_id(id: &str, old_starts: Date, new_starts: Date) -> Option<String> {
    let (prefix, len, full) = id_prefix(id)?;
    let old_ends = old_starts.checked_add(1.year()).ok()?;
    let months = months_between(old_starts, new_starts);
    let inside = if full {
        prefix >= old_starts && prefix < old_ends
    } else {
        month_in_year(prefix, old_starts, old_ends)
    };
    if !inside {
        return None;
    }
    let date = if full {
        counterpart(prefix, months).0
    } else {
        prefix.first_of_month().checked_add(months.months()).ok()?
    };
    // A day out of the new year keeps its name: the way back renames only ids of its year.
    if full && !in_year(date, new_starts) {
        return None;
    }
    let new = renamed(id, len, full, date);
    (new != id && crate::site::is_valid_id(&new)).then_some(new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{Weekday, date};

    #[test]
    fn nth_weekday_of_the_month_is_kept() {
        // 2025-10-21 is the third Tuesday of October 2025.
        let (d, short) = counterpart(date(2025, 10, 21), 12);
        assert_eq!(d, date(2026, 10, 20));
        assert_eq!(d.weekday(), Weekday::Tuesday);
        assert_eq!(short, None);
        // The first Monday stays the first.
        assert_eq!(counterpart(date(2025, 9, 1), 12).0, date(2026, 9, 7));
    }

    #[test]
    fn the_last_weekday_stays_last() {
        // 2025-10-31 is the fifth (last) Friday; October 2026 has a fifth too.
        assert_eq!(
            counterpart(date(2025, 10, 31), 12),
            (date(2026, 10, 30), None)
        );
    }

    #[test]
    fn a_fifth_weekday_without_counterpart_is_reported() {
        // 2026-05-29 is the fifth Friday; May 2027 has four.
        let (d, short) = counterpart(date(2026, 5, 29), 12);
        assert_eq!(d, date(2027, 5, 28));
        assert_eq!(short, Some(Shortfall::NoFifth));
    }

    #[test]
    fn rolling_back_and_across_years() {
        assert_eq!(counterpart(date(2026, 10, 20), -12).0, date(2025, 10, 21));
        assert_eq!(counterpart(date(2026, 2, 3), 24).0, date(2028, 2, 1));
        assert_eq!(
            counterpart(date(9999, 12, 1), 12).1,
            Some(Shortfall::Unmappable)
        );
    }

    #[test]
    fn blackout_dates_keep_month_and_day() {
        assert_eq!(same_day(date(2025, 12, 25), 12), Some(date(2026, 12, 25)));
        assert_eq!(same_day(date(2028, 2, 29), 12), Some(date(2029, 2, 28)));
    }

    #[test]
    fn due_dates_keep_their_offset() {
        let due = keep_offset(date(2025, 9, 25), date(2025, 9, 18), date(2026, 9, 17));
        assert_eq!(due, Some(date(2026, 9, 24)));
        let before = keep_offset(date(2025, 9, 10), date(2025, 9, 18), date(2026, 9, 17));
        assert_eq!(before, Some(date(2026, 9, 9)));
    }

    #[test]
    fn renamed_ids() {
        assert_eq!(
            renamed("2025-09-naming-bias", 7, false, date(2026, 9, 15)),
            "2026-09-naming-bias"
        );
        assert_eq!(
            renamed("2025-09-18-x", 10, true, date(2026, 9, 17)),
            "2026-09-17-x"
        );
    }

    #[test]
    fn a_new_program_starts_in_the_year_of_today() {
        let starts = date(2025, 7, 1);
        assert_eq!(year_for(date(2026, 12, 2), starts), Some(date(2026, 7, 1)));
        assert_eq!(year_for(date(2027, 3, 1), starts), Some(date(2026, 7, 1)));
        // Within two months of the next year's start: that year.
        assert_eq!(year_for(date(2027, 5, 15), starts), Some(date(2027, 7, 1)));
        assert_eq!(year_for(date(2027, 7, 1), starts), Some(date(2027, 7, 1)));
        assert_eq!(year_for(date(2024, 1, 10), starts), Some(date(2023, 7, 1)));
    }

    #[test]
    fn months_of_the_academic_year() {
        let (s, e) = (date(2025, 7, 1), date(2026, 7, 1));
        assert!(month_in_year(date(2025, 7, 1), s, e));
        assert!(month_in_year(date(2026, 6, 1), s, e));
        assert!(!month_in_year(date(2026, 7, 1), s, e));
        assert!(!month_in_year(date(2025, 6, 1), s, e));
        assert_eq!(months_between(s, e), 12);
        assert_eq!(months_between(e, s), -12);
    }
}
