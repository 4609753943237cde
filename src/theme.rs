//! The default theme, embedded in the binary from `themes/default/`, and the
//! layered lookup: a site's `templates/NAME` wins over the theme's
//! `templates/NAME`, file by file. One table (the embedded folder) names every
//! theme file once.

use include_dir::{Dir, include_dir};
use std::path::Path;

/// The embedded `themes/default/` folder.
pub(crate) static THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Every template as `(name, text)`: the theme's, each replaced by the site's
/// `templates/NAME` when there is one, plus the site's own extra templates.
pub(crate) fn templates(root: &Path) -> Result<Vec<(String, String)>, String> {
    let mut out: Vec<(String, String)> = Vec::new();
    if let Some(dir) = THEME.get_dir("templates") {
        for file in dir.files() {
            let name = file
                .path()
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            let text = file.contents_utf8().unwrap_or_default().to_string();
            out.push((name, text));
        }
    }
    let site = root.join("templates");
    if site.is_dir() {
        let entries =
            std::fs::read_dir(&site).map_err(|e| format!("cannot read {}: {e}", site.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if !path.is_file() {
                continue;
            }
            let name = entry.file_name().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            match out.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = text,
                None => out.push((name, text)),
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The theme's static files (CSS, JS, images) as `(path under assets/, bytes)`.
pub(crate) fn assets() -> Vec<(String, &'static [u8])> {
    let mut out = Vec::new();
    if let Some(dir) = THEME.get_dir("static") {
        collect(dir, &mut out);
    }
    out.sort();
    out
}

fn collect(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
    for file in dir.files() {
        let rel = file.path().strip_prefix("static").unwrap_or(file.path());
        out.push((crate::paths::slashed(rel), file.contents()));
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_matches_the_folder_on_disk() {
        let disk = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        let mut on_disk: Vec<String> = std::fs::read_dir(disk)
            .expect("theme folder")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        on_disk.sort();
        let embedded: Vec<String> = templates(Path::new("/nonexistent"))
            .expect("theme")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(embedded, on_disk);
        assert!(embedded.contains(&"base.html".to_string()));
    }
}
