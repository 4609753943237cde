//! What the theme needs to show the brand: the accent as CSS custom
//! properties for both schemes, the favicon (the logo, else the program's
//! initials drawn as SVG), the `theme-color`, and the initials avatars of
//! people without a photo. Values only; the templates place them.

use crate::colour::Rgb;
use crate::model::Model;
use serde::Serialize;

/// The theme's own accent, for `theme-color` when the brand gives none.
const THEME_LIGHT: &str = "#0b57a4";

/// `site.brand` in the templates.
#[derive(Debug, Serialize)]
pub struct SiteBrand<'a> {
    logo: Option<&'a str>,
    logo_type: Option<&'static str>,
    css: Option<String>,
    /// The favicon without a logo, and in the portable form (Chromium
    /// drops favicon files from `file://`): a `data:` URL, the same at
    /// every depth.
    initials_icon: String,
    /// One colour: the Nu checker refuses `media` on `theme-color`.
    theme_color: String,
    image: Option<&'a str>,
    image_is_logo: bool,
}

/// `site.brand` for every page.
pub fn site(model: &Model) -> SiteBrand<'_> {
    let p = &model.program;
    let b = &p.brand;
    let logo = b.logo.as_ref().map(|l| l.value.trim_start_matches('/'));
    let accent = b.accent.as_ref().map(|c| c.value);
    let dark = b.dark();
    SiteBrand {
        logo,
        logo_type: logo.map(image_type),
        css: css(accent, dark),
        initials_icon: initials_icon(&initials(&p.title), accent),
        theme_color: accent.map_or_else(|| THEME_LIGHT.to_string(), |c| c.to_string()),
        image: b.share_image(),
        image_is_logo: b.image.is_none(),
    }
}

/// The `<style>` text that sets the accent's custom properties, or `None`
/// to keep the theme's. Only `#rrggbb` values reach it, so it needs no escaping.
fn css(accent: Option<Rgb>, dark: Option<Rgb>) -> Option<String> {
    let (accent, dark) = (accent?, dark?);
    let vars = |c: Rgb| {
        format!(
            "--accent:{c};--link:{c};--focus:{c};--callout-border:{c};--link-hover:color-mix(in srgb,{c} 80%,var(--text));"
        )
    };
    Some(format!(
        ":root{{{}}}@media (prefers-color-scheme: dark){{:root{{{}}}}}@media print{{:root{{--accent:#000000;--link:#000000;--link-hover:#000000;--callout-border:#000000;}}}}",
        vars(accent),
        vars(dark)
    ))
}

/// The MIME type of an image file by its extension.
fn image_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "svg" => "image/svg+xml",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "avif" => "image/avif",
        // PNG, and the guess for anything else.
        _ => "image/png",
    }
}

/// Up to two initials of a name or title, skipping small words, honorifics
/// and the degrees after a comma: `Leading for Equity` -> `LE`,
/// `Dr. Ana Ruiz, MD` -> `AR`.
pub fn initials(name: &str) -> String {
    const SKIP: [&str; 14] = [
        "a", "an", "and", "the", "of", "for", "in", "on", "to", "at", "dr", "dr.", "prof.", "mx.",
    ];
    let name = name.split(',').next().unwrap_or(name);
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !SKIP.contains(&w.to_lowercase().as_str()))
        .filter(|w| w.chars().next().is_some_and(char::is_alphanumeric))
        .collect();
    let first = |w: &&str| {
        w.chars()
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
    };
    match words.as_slice() {
        [] => name
            .trim()
            .chars()
            .take(1)
            .collect::<String>()
            .to_uppercase(),
        [one] => first(one).unwrap_or_default(),
        [a, .., b] => format!(
            "{}{}",
            first(a).unwrap_or_default(),
            first(b).unwrap_or_default()
        ),
    }
}

/// The favicon without a logo: the initials, white on the accent, as a
/// `data:` URL (no file to fetch, no clash with a file under `static/`).
fn initials_icon(text: &str, accent: Option<Rgb>) -> String {
    let fill = accent.map_or_else(|| THEME_LIGHT.to_string(), |c| c.to_string());
    // Only letters and digits, so nothing here needs XML escaping.
    let text: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
    let svg = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 64'><rect width='64' height='64' rx='12' fill='{fill}'/><text x='32' y='42' font-family='system-ui,sans-serif' font-size='28' font-weight='700' text-anchor='middle' fill='white'>{text}</text></svg>"
    );
    format!("data:image/svg+xml,{}", percent_encode(&svg))
}

/// Percent-encodes what a `data:` URL inside an HTML attribute cannot hold.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b':'
            | b'='
            | b','
            | b'\'' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A person's initials avatar: the initials and a tone (one of the phase
/// palettes, whose text and background pass 4.5:1 in both schemes), picked
/// from the id so a person keeps theirs from build to build.
pub fn avatar(name: &str, id: &str) -> Avatar {
    const TONES: [&str; 4] = ["awareness", "reflection", "empowerment", "action"];
    let sum: usize = id.bytes().map(usize::from).sum();
    Avatar {
        initials: initials(name),
        tone: TONES[sum % TONES.len()],
    }
}

/// A person's initials avatar, as the templates read it.
#[derive(Debug, Clone, Serialize)]
pub struct Avatar {
    initials: String,
    tone: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_skip_small_words() {
        assert_eq!(initials("Leading for Equity"), "LE");
        assert_eq!(initials("Dr. Ana Ruiz"), "AR");
        assert_eq!(initials("Amara Okafor, MD, MPH"), "AO");
        assert_eq!(initials("Ana María de la Cruz Ruiz"), "AR");
        assert_eq!(initials("Cher"), "C");
        assert_eq!(initials("élan vital"), "ÉV");
        assert_eq!(initials("   "), "");
        assert_eq!(initials("— —"), "—");
    }

    #[test]
    fn the_icon_is_a_data_url_with_no_raw_markup() {
        let icon = initials_icon("LE", None);
        assert!(icon.starts_with("data:image/svg+xml,"));
        assert!(!icon.contains('<') && !icon.contains('"') && !icon.contains('#'));
    }

    #[test]
    fn the_accent_reaches_both_schemes() {
        let text = css(Rgb::parse("#1f6f5c"), Rgb::parse("#7fd1bd")).unwrap();
        assert!(text.contains("--link:#1f6f5c") && text.contains("--link:#7fd1bd"));
        assert!(css(None, None).is_none());
    }
}
