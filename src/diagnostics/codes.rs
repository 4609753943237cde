//! The table of diagnostic codes: severity and the long explanation that
//! `cairn explain CODE` prints (kept as Markdown files in `src/explain/`).
//! A reader looking for a rule finds it by grepping its code under `src/`.

use super::Severity;

macro_rules! codes {
    ($($code:literal),* $(,)?) => {
        /// Every code of SPEC 5 with its explanation text.
        pub const ALL: &[(&str, &str)] = &[
            $(($code, include_str!(concat!("../explain/", $code, ".md")))),*
        ];
    };
}

codes!(
    "E0101", "E0102", "E0103", "E0104", "E0105", "E0106", "E0107", "W0108", "E0109", "E0110",
    "E0201", "E0202", "W0203", "W0204", "E0301", "E0302", "E0303", "E0304", "W0305", "E0306",
    "W0307", "E0308", "E0309", "W0310", "E0311", "E0312", "E0401", "W0402", "E0403",
);

/// The severity a code always has: `W` codes are warnings, the rest errors.
pub fn severity(code: &str) -> Severity {
    if code.starts_with('W') {
        Severity::Warning
    } else {
        Severity::Error
    }
}

/// The explanation of `code` (case-insensitive), if it is one of ours.
pub fn explain(code: &str) -> Option<&'static str> {
    let code = code.to_ascii_uppercase();
    ALL.iter().find(|(c, _)| *c == code).map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_explanation_starts_with_its_code() {
        for (code, text) in ALL {
            assert!(text.starts_with(&format!("{code}: ")), "{code}");
        }
    }

    #[test]
    fn lookup_ignores_case() {
        assert!(explain("e0201").is_some());
        assert!(explain("E9999").is_none());
    }
}
