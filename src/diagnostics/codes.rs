//! The diagnostic codes of SPEC 5 (and 8): one [`Code`] each, with its
//! severity, one-line title and the long explanation that `cairn explain CODE`
//! prints (kept as Markdown files in `src/explain/`). A reader looking for a
//! rule finds it by grepping its code (`Code::E0201`) under `src/`.

use super::Severity;

macro_rules! codes {
    ($($code:ident),* $(,)?) => {
        /// A diagnostic code, e.g. [`Code::E0201`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = concat!("`", stringify!($code), "`: see `src/explain/", stringify!($code), ".md` or `cairn explain ", stringify!($code), "`.")]
                $code,
            )*
        }

        impl Code {
            /// Every code, in the order of SPEC 5's table.
            pub const ALL: &'static [Code] = &[$(Code::$code),*];

            /// As written, e.g. `E0201`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code)),*
                }
            }

            /// What `cairn explain` prints: `E0201: title`, then the text.
            pub fn explanation(self) -> &'static str {
                match self {
                    $(Code::$code => include_str!(concat!("../explain/", stringify!($code), ".md"))),*
                }
            }
        }
    };
}

codes!(
    E0101, E0102, E0103, E0104, E0105, E0106, E0107, W0108, E0109, E0110, E0111, W0112, W0113,
    E0201, E0202, W0203, W0204, E0301, E0302, E0303, E0304, W0305, E0306, W0307, E0308, E0309,
    W0310, E0311, E0312, E0313, W0313, W0314, W0315, W0316, W0317, E0401, W0402, E0403, W0404,
);

impl Code {
    /// Its severity: `W` codes are warnings, the rest errors.
    pub fn severity(self) -> Severity {
        if self.as_str().starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }

    /// The one-line title, e.g. `unknown reference` (the explanation's first
    /// line without its code).
    pub fn title(self) -> &'static str {
        let first = self.explanation().lines().next().unwrap_or("");
        first.split_once(": ").map_or(first, |(_, t)| t)
    }

    /// The code written `code` (case-insensitive), if it is one of ours.
    pub fn parse(code: &str) -> Option<Code> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(code))
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_explanation_starts_with_its_code_and_a_title() {
        for code in Code::ALL {
            let text = code.explanation();
            assert!(text.starts_with(&format!("{code}: ")), "{code}");
            assert!(!code.title().is_empty(), "{code}");
        }
    }

    #[test]
    fn lookup_ignores_case() {
        assert_eq!(Code::parse("e0201"), Some(Code::E0201));
        assert!(Code::parse("E9999").is_none());
        assert_eq!(Code::W0204.severity(), Severity::Warning);
        assert_eq!(Code::E0201.severity(), Severity::Error);
    }
}
