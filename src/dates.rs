//! Dates as ids and messages write them: the date or year-month an id
//! begins with (`2025-09-18-orientation`, `2025-09-naming-bias`), the
//! year-month form (`2025-09`) and a weekday's name. One rule for `cairn
//! new` (which dates a session by its id) and `cairn roll` (which renames
//! the id for the new year). A leaf: it imports nothing of the crate.

use jiff::civil::Date;

/// The date or year-month an id begins with: `2025-09-18-orientation` is a
/// date, `2025-09-naming-bias` a year-month (its first day), with the length
/// of the prefix and whether it is a whole date; `None` for other ids (an
/// impossible date such as `2025-02-30` included).
pub fn id_prefix(id: &str) -> Option<(Date, usize, bool)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ends_at = |n: usize| id.len() == n || id.as_bytes().get(n) == Some(&b'-');
    let b = id.as_bytes();
    if id.len() >= 10 && b[4] == b'-' && b[7] == b'-' && ends_at(10) {
        let (y, m, d) = (&id[0..4], &id[5..7], &id[8..10]);
        if digits(y) && digits(m) && digits(d) {
            let date = Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()?;
            return Some((date, 10, true));
        }
    }
    if id.len() >= 7 && b[4] == b'-' && ends_at(7) {
        let (y, m) = (&id[0..4], &id[5..7]);
        if digits(y) && digits(m) {
            let date = Date::new(y.parse().ok()?, m.parse().ok()?, 1).ok()?;
            return Some((date, 7, false));
        }
    }
    None
}

/// `date`'s year and month as an id writes them, e.g. `2025-09`.
pub fn year_month(date: Date) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// `date`'s weekday in English, e.g. `Tuesday`.
pub fn weekday_name(date: Date) -> String {
    date.strftime("%A").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn id_prefixes() {
        assert_eq!(
            id_prefix("2025-09-18-orientation"),
            Some((date(2025, 9, 18), 10, true))
        );
        assert_eq!(
            id_prefix("2025-09-naming-bias"),
            Some((date(2025, 9, 1), 7, false))
        );
        assert_eq!(id_prefix("2025-09"), Some((date(2025, 9, 1), 7, false)));
        assert_eq!(id_prefix("2025-13-x"), None);
        assert_eq!(id_prefix("2025-9-x"), None);
        assert_eq!(id_prefix("naming-bias"), None);
        assert_eq!(id_prefix("2025-094"), None);
        assert_eq!(id_prefix("2025-02-30-x"), None);
        assert_eq!(year_month(date(2025, 9, 18)), "2025-09");
        assert_eq!(weekday_name(date(2025, 9, 16)), "Tuesday");
    }
}
