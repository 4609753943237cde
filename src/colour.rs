//! Colour arithmetic for the brand accent (W0315): `#rrggbb` parsing, WCAG 2.x
//! relative luminance and contrast ratio, and moves along one hue (the
//! nearest passing shade, the dark-scheme shade). Pure functions only: the
//! rule that reports lives in `validate::brand`, the CSS that uses the
//! colours in the theme.

use std::fmt;

/// An sRGB colour with 8 bits per channel, e.g. `#0b57a4`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The contrast WCAG 2.x asks of normal text (success criterion 1.4.3, AA).
pub const AA_TEXT: f64 = 4.5;

/// The light scheme's backgrounds that the theme puts accent-coloured text
/// on (page, header and soft panels, callouts): `--bg`, `--bg-soft`,
/// `--callout-bg` in `cairn.css`. The accent must pass on each of them.
pub const LIGHT_BACKGROUNDS: [Rgb; 3] = [
    Rgb(0xff, 0xff, 0xff),
    Rgb(0xf4, 0xf5, 0xf3),
    Rgb(0xee, 0xf4, 0xfa),
];

/// The dark scheme's counterparts of [`LIGHT_BACKGROUNDS`].
pub const DARK_BACKGROUNDS: [Rgb; 3] = [
    Rgb(0x12, 0x16, 0x19),
    Rgb(0x1b, 0x21, 0x26),
    Rgb(0x17, 0x26, 0x34),
];

impl Rgb {
    /// Reads `#rrggbb` (either case); `None` for anything else.
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// WCAG 2.x relative luminance, 0.0 (black) to 1.0 (white).
    pub fn luminance(self) -> f64 {
        // The sRGB transfer function as WCAG 2.x writes it (0.03928).
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// Hue (degrees), saturation and lightness (0..=1).
    // The letters are the formula's own (CSS Color 4, section 7).
    #[allow(clippy::many_single_char_names)]
    fn to_hsl(self) -> (f64, f64, f64) {
        let [r, g, b] = [self.0, self.1, self.2].map(|c| f64::from(c) / 255.0);
        let max = r.max(g).max(b);
        let min = r.min(g).min(b);
        let l = f64::midpoint(max, min);
        let d = max - min;
        if d == 0.0 {
            return (0.0, 0.0, l);
        }
        let s = d / (1.0 - (2.0 * l - 1.0).abs());
        let h = if (max - r).abs() < f64::EPSILON {
            60.0 * ((g - b) / d).rem_euclid(6.0)
        } else if (max - g).abs() < f64::EPSILON {
            60.0 * ((b - r) / d + 2.0)
        } else {
            60.0 * ((r - g) / d + 4.0)
        };
        (h, s, l)
    }

    #[allow(clippy::many_single_char_names)]
    fn from_hsl(h: f64, s: f64, l: f64) -> Rgb {
        let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
        let x = c * (1.0 - ((h / 60.0).rem_euclid(2.0) - 1.0).abs());
        let m = l - c / 2.0;
        let (r, g, b) = match h {
            h if h < 60.0 => (c, x, 0.0),
            h if h < 120.0 => (x, c, 0.0),
            h if h < 180.0 => (0.0, c, x),
            h if h < 240.0 => (0.0, x, c),
            h if h < 300.0 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        // Clamped to 0..=255 first, so the cast cannot truncate.
        let byte = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
        Rgb(byte(r), byte(g), byte(b))
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The WCAG 2.x contrast ratio of two colours, 1.0 to 21.0.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The lowest contrast of `colour` against any of `backgrounds`.
pub fn worst_contrast(colour: Rgb, backgrounds: &[Rgb]) -> f64 {
    backgrounds
        .iter()
        .map(|&bg| contrast(colour, bg))
        .fold(f64::INFINITY, f64::min)
}

/// Whether `colour` reaches [`AA_TEXT`] on every one of `backgrounds`.
pub fn passes(colour: Rgb, backgrounds: &[Rgb]) -> bool {
    worst_contrast(colour, backgrounds) >= AA_TEXT
}

/// The colour of the same hue and saturation, with the lightness closest to
/// `colour`'s, that passes on every one of `backgrounds`: darker when the
/// backgrounds are light, lighter when they are dark. `colour` itself when it
/// passes. Black or white always pass on the theme's backgrounds, so the
/// search ends there at worst.
pub fn nearest_passing(colour: Rgb, backgrounds: &[Rgb]) -> Rgb {
    if passes(colour, backgrounds) {
        return colour;
    }
    let (h, s, l) = colour.to_hsl();
    let light_backgrounds = backgrounds.iter().all(|b| b.luminance() > 0.18);
    // Luminance grows with lightness at a fixed hue and saturation, so the
    // passing lightnesses form one interval: bisect for its near end.
    let (mut ok, mut bad) = if light_backgrounds {
        (0.0, l)
    } else {
        (1.0, l)
    };
    for _ in 0..40 {
        let mid = f64::midpoint(ok, bad);
        if passes(Rgb::from_hsl(h, s, mid), backgrounds) {
            ok = mid;
        } else {
            bad = mid;
        }
    }
    let found = Rgb::from_hsl(h, s, ok);
    if passes(found, backgrounds) {
        found
    } else if light_backgrounds {
        Rgb(0, 0, 0)
    } else {
        Rgb(0xff, 0xff, 0xff)
    }
}

/// The dark-scheme shade of a light-scheme accent, when the brand gives no
/// `accent_dark`: the same hue with its lightness mirrored (a deep blue
/// becomes a light blue), moved further until it passes on the dark
/// backgrounds.
pub fn dark_shade(accent: Rgb) -> Rgb {
    let (h, s, l) = accent.to_hsl();
    let mirrored = Rgb::from_hsl(h, s, (1.0 - l).max(l.min(0.85)));
    nearest_passing(mirrored, &DARK_BACKGROUNDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Rgb {
        Rgb::parse(s).unwrap()
    }

    #[test]
    fn known_pairs() {
        let white = hex("#ffffff");
        assert!((contrast(hex("#000000"), white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
        // #777 on white is the classic near miss: 4.48:1.
        assert!((contrast(hex("#777777"), white) - 4.478).abs() < 0.01);
        // #767676 is the lightest grey that passes on white: 4.54:1.
        assert!((contrast(hex("#767676"), white) - 4.54).abs() < 0.01);
        // Pure red on white, 4.0:1; blue on white, 8.59:1.
        assert!((contrast(hex("#ff0000"), white) - 3.998).abs() < 0.01);
        assert!((contrast(hex("#0000ff"), white) - 8.59).abs() < 0.01);
        // The order of the pair does not matter.
        assert!((contrast(white, hex("#777777")) - contrast(hex("#777777"), white)).abs() < 1e-12);
    }

    #[test]
    fn parse_takes_only_six_digits() {
        assert_eq!(Rgb::parse("#0B57a4"), Some(Rgb(0x0b, 0x57, 0xa4)));
        assert_eq!(hex("#0b57a4").to_string(), "#0b57a4");
        for bad in [
            "0b57a4",
            "#fff",
            "#0b57a",
            "#0b57a4ff",
            "#gg0000",
            "#ééé",
            "",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn hsl_round_trips() {
        for s in [
            "#0b57a4", "#f5e050", "#777777", "#c2841a", "#ff0000", "#123456",
        ] {
            let c = hex(s);
            let (h, sat, l) = c.to_hsl();
            assert_eq!(Rgb::from_hsl(h, sat, l), c, "{s}");
        }
    }

    #[test]
    fn a_pale_yellow_gets_a_darker_yellow_that_passes() {
        let pale = hex("#f5e050");
        assert!(!passes(pale, &LIGHT_BACKGROUNDS));
        let fix = nearest_passing(pale, &LIGHT_BACKGROUNDS);
        assert!(passes(fix, &LIGHT_BACKGROUNDS));
        let (h0, _, _) = pale.to_hsl();
        let (h1, _, l1) = fix.to_hsl();
        assert!((h0 - h1).abs() < 3.0, "{h0} {h1}");
        // Nearest: a little lighter no longer passes.
        let (h, s, _) = fix.to_hsl();
        assert!(!passes(Rgb::from_hsl(h, s, l1 + 0.02), &LIGHT_BACKGROUNDS));
    }

    #[test]
    fn passing_colours_are_kept_and_dark_shades_pass() {
        let blue = hex("#0b57a4");
        assert_eq!(nearest_passing(blue, &LIGHT_BACKGROUNDS), blue);
        for s in [
            "#0b57a4", "#f5e050", "#000000", "#ffffff", "#7a1f5c", "#006b3c",
        ] {
            let dark = dark_shade(hex(s));
            assert!(passes(dark, &DARK_BACKGROUNDS), "{s} -> {dark}");
        }
        // A light accent's dark shade stays on its hue rather than going white.
        assert_ne!(dark_shade(blue), Rgb(0xff, 0xff, 0xff));
    }
}
