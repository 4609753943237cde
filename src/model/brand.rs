//! The program's brand in the model: logo, accent (and its dark-scheme
//! shade), sharing image. Built from `brand:` in `_program.md`; checked by
//! `validate::brand` (W0315, E0401) and shown by the theme.

use crate::colour::{self, Rgb};
use crate::content::program::Brand as BrandFront;
use crate::fields::Located;

/// The brand of the site; every part optional (the theme's own look then).
#[derive(Debug, Clone, Default)]
pub struct Brand {
    /// Path under `static/`, as written, e.g. `images/logo.svg`.
    pub logo: Option<Located<String>>,
    /// Light-scheme accent, e.g. `#0b57a4`.
    pub accent: Option<Located<Rgb>>,
    /// Dark-scheme accent as written, e.g. `#8cc4ff`.
    pub accent_dark: Option<Located<Rgb>>,
    /// Path under `static/` of the link-preview picture, e.g. `images/share.png`.
    pub image: Option<Located<String>>,
}

impl Brand {
    /// From the front matter (absent: the theme's defaults).
    pub fn from_front(f: Option<&BrandFront>) -> Brand {
        let Some(f) = f else {
            return Brand::default();
        };
        let colour = |c: &Located<crate::content::values::HexColour>| Located {
            value: c.value.0,
            pos: c.pos,
        };
        Brand {
            logo: f.logo.clone(),
            accent: f.accent.as_ref().map(colour),
            accent_dark: f.accent_dark.as_ref().map(colour),
            image: f.image.clone(),
        }
    }

    /// The dark-scheme accent: `accent_dark`, else derived from `accent`.
    pub fn dark(&self) -> Option<Rgb> {
        self.accent_dark
            .as_ref()
            .map(|c| c.value)
            .or_else(|| self.accent.as_ref().map(|c| colour::dark_shade(c.value)))
    }

    /// The picture for link previews: `image`, else the logo (a path under `static/`).
    pub fn share_image(&self) -> Option<&str> {
        self.image
            .as_ref()
            .or(self.logo.as_ref())
            .map(|p| p.value.trim_start_matches('/'))
    }
}
