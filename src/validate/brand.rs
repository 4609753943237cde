//! The brand's rules: W0315 (the accent, or its dark-scheme shade, under
//! WCAG AA contrast on the theme's backgrounds) and E0401 for a `logo` or
//! `image` that is no file under `static/`. The colour arithmetic is
//! [`crate::colour`]'s.

use crate::colour::{self, AA_TEXT, DARK_BACKGROUNDS, LIGHT_BACKGROUNDS, Rgb};
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::model::Model;
use crate::site::statics::Statics;

/// W0315 and the brand's E0401.
pub fn check(model: &Model, statics: &Statics) -> Vec<Diagnostic> {
    let brand = &model.program.brand;
    let file = &model.program.source.path;
    let mut ds = Vec::new();
    for (field, path) in [("logo", &brand.logo), ("image", &brand.image)] {
        if let Some(path) = path
            && !statics.has_file(path.value.trim_start_matches('/'))
        {
            ds.push(
                Diagnostic::new(Code::E0401, file, path.pos, format!("the brand's {field} `{}` is not a file under static/", path.value))
                    .help("give a path relative to static/, e.g. images/logo.svg for static/images/logo.svg"),
            );
        }
    }
    if let Some(accent) = &brand.accent {
        ds.extend(low_contrast(
            file,
            accent.pos,
            accent.value,
            "accent",
            "light",
            &LIGHT_BACKGROUNDS,
        ));
        // The theme derives the dark shade from a passing accent; checked the
        // same way so no shade the theme shows goes unchecked.
        if brand.accent_dark.is_none() {
            let dark = colour::dark_shade(accent.value);
            ds.extend(low_contrast(
                file,
                accent.pos,
                dark,
                "accent's dark-scheme shade",
                "dark",
                &DARK_BACKGROUNDS,
            ));
        }
    }
    if let Some(dark) = &brand.accent_dark {
        // SPEC 8 places W0315 at the `accent` value, for the dark shade too;
        // `accent_dark` alone is where it can be.
        let pos = brand.accent.as_ref().map_or(dark.pos, |a| a.pos);
        ds.extend(low_contrast(
            file,
            pos,
            dark.value,
            "accent_dark",
            "dark",
            &DARK_BACKGROUNDS,
        ));
    }
    ds
}

/// W0315 when `colour` falls under 4.5:1 on one of `backgrounds`.
fn low_contrast(
    file: &str,
    pos: Pos,
    colour: Rgb,
    what: &str,
    scheme: &str,
    backgrounds: &[Rgb],
) -> Option<Diagnostic> {
    let ratio = colour::worst_contrast(colour, backgrounds);
    if ratio >= AA_TEXT {
        return None;
    }
    // The page's own background first: the ratio people measure by hand;
    // the worst of the theme's panels beside it when it differs.
    let page = backgrounds
        .first()
        .map_or(ratio, |&bg| colour::contrast(colour, bg));
    let measured = if ratio_text(page) == ratio_text(ratio) {
        ratio_text(page)
    } else {
        format!(
            "{} ({} on its shaded panels)",
            ratio_text(page),
            ratio_text(ratio)
        )
    };
    let fix = colour::nearest_passing(colour, backgrounds);
    let fixed = colour::worst_contrast(fix, backgrounds);
    Some(
        Diagnostic::new(
            Code::W0315,
            file,
            pos,
            format!(
                "the {what} {colour} has a contrast of {measured} against the {scheme} scheme's background; text needs {AA_TEXT}:1"
            ),
        )
        .help(format!(
            "{measured} is under 4.5:1; the nearest colour of the same hue that passes is \"{fix}\" ({})",
            ratio_text(fixed)
        )),
    )
}

/// A ratio as people write it, rounded down so a failing 4.499 never reads
/// as 4.50: `1.23:1`.
fn ratio_text(ratio: f64) -> String {
    format!("{:.2}:1", (ratio * 100.0).floor() / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_round_down() {
        assert_eq!(ratio_text(4.4999), "4.49:1");
        assert_eq!(ratio_text(21.0), "21.00:1");
    }

    #[test]
    fn a_pale_accent_warns_with_a_passing_suggestion() {
        let pale = Rgb::parse("#f5e050").unwrap();
        let d = low_contrast(
            "p.md",
            Pos::START,
            pale,
            "accent",
            "light",
            &LIGHT_BACKGROUNDS,
        )
        .unwrap();
        assert_eq!(d.code, Code::W0315);
        let help = d.help.unwrap();
        assert!(help.contains(":1"), "{help}");
        let fix = help.split('"').nth(1).and_then(Rgb::parse).unwrap();
        assert!(colour::passes(fix, &LIGHT_BACKGROUNDS));
        let blue = Rgb::parse("#0b57a4").unwrap();
        assert!(
            low_contrast(
                "p.md",
                Pos::START,
                blue,
                "accent",
                "light",
                &LIGHT_BACKGROUNDS
            )
            .is_none()
        );
    }
}
