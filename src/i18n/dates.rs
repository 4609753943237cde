//! Dates in the interface language: weekday and month names and date
//! patterns from CLDR, through ICU4X's compiled data. English keeps
//! cairn's own short form (`Thu 18 Sep 2025`, `September 2025`); Spanish
//! and French take CLDR's long patterns (`jueves, 18 de septiembre de
//! 2025`, `jeudi 18 septembre 2025`). Times are already 24-hour
//! (`18:00–20:00`) in every language.

use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{E, MDE, YM, YMDE};

/// The formatters of one language other than English, made once per build.
pub struct Dates {
    day: FixedCalendarDateTimeFormatter<Gregorian, YMDE>,
    day_in_month: FixedCalendarDateTimeFormatter<Gregorian, MDE>,
    month: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    weekday: FixedCalendarDateTimeFormatter<Gregorian, E>,
    weekday_short: FixedCalendarDateTimeFormatter<Gregorian, E>,
}

impl Dates {
    /// CLDR's formatters for `language` (e.g. `es-US`, falling back to
    /// `es`); `None` when its data cannot be loaded.
    pub fn new(language: &str, table: &str) -> Option<Dates> {
        let locale = icu_locale_core::Locale::try_from_str(language)
            .or_else(|_| icu_locale_core::Locale::try_from_str(table))
            .ok()?;
        let prefs = (&locale).into();
        let dates = Dates {
            day: FixedCalendarDateTimeFormatter::try_new(prefs, YMDE::long()).ok()?,
            day_in_month: FixedCalendarDateTimeFormatter::try_new(prefs, MDE::long()).ok()?,
            month: FixedCalendarDateTimeFormatter::try_new(prefs, YM::long()).ok()?,
            weekday: FixedCalendarDateTimeFormatter::try_new(prefs, E::long()).ok()?,
            weekday_short: FixedCalendarDateTimeFormatter::try_new(prefs, E::short()).ok()?,
        };
        // A language CLDR lacks falls back to its root locale, whose months
        // are `M01`...`M12`: cairn's English reads better than that.
        let september = gregorian(jiff::civil::date(2026, 9, 1))?;
        let root = dates.month.format(&september).to_string().contains("M09");
        (!root).then_some(dates)
    }

    /// e.g. `jueves, 18 de septiembre de 2025`.
    pub fn date(&self, d: jiff::civil::Date) -> String {
        gregorian(d).map_or_else(|| d.to_string(), |g| self.day.format(&g).to_string())
    }

    /// e.g. `jueves, 18 de septiembre` (a calendar grid's day).
    pub fn day_in_month(&self, d: jiff::civil::Date) -> String {
        gregorian(d).map_or_else(
            || d.to_string(),
            |g| self.day_in_month.format(&g).to_string(),
        )
    }

    /// e.g. `Septiembre de 2025` (a heading: its first letter capitalised).
    pub fn month(&self, year: i16, month: i8) -> String {
        let d = jiff::civil::Date::new(year, month, 1).unwrap_or_default();
        gregorian(d).map_or_else(String::new, |g| {
            capitalised(&self.month.format(&g).to_string())
        })
    }

    /// The weekday of `d`, long (`jueves`) or short (`jue`).
    pub fn weekday(&self, d: jiff::civil::Date, long: bool) -> String {
        let f = if long {
            &self.weekday
        } else {
            &self.weekday_short
        };
        gregorian(d).map_or_else(String::new, |g| f.format(&g).to_string())
    }
}

fn gregorian(d: jiff::civil::Date) -> Option<Date<Gregorian>> {
    let month = u8::try_from(d.month()).ok()?;
    let day = u8::try_from(d.day()).ok()?;
    Date::try_new_gregorian(i32::from(d.year()), month, day).ok()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_and_french_dates_read_as_their_readers_write_them() {
        let es = Dates::new("es", "es").expect("Spanish data");
        let d = jiff::civil::date(2026, 9, 15);
        assert_eq!(es.date(d), "martes, 15 de septiembre de 2026");
        assert_eq!(es.month(2026, 9), "Septiembre de 2026");
        assert_eq!(es.weekday(d, true), "martes");
        let fr = Dates::new("fr-CA", "fr").expect("French data");
        assert_eq!(fr.date(d), "mardi 15 septembre 2026");
        assert_eq!(fr.month(2026, 9), "Septembre 2026");
        let de = Dates::new("de", "en").expect("German data");
        assert_eq!(de.date(d), "Dienstag, 15. September 2026");
        assert!(
            Dates::new("qaa", "en").is_none(),
            "a language CLDR lacks keeps English dates"
        );
    }
}
