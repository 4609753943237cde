//! Any bytes as any kind of content file: split, YAML, every field.
#![no_main]

use cairn::content::parse_file;
use cairn::layout::FileKind;
use cairn::site::{SourceFile, normalize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let kinds: Vec<FileKind> = FileKind::each().collect();
    let kind = kinds[selector as usize % kinds.len()];
    let file = SourceFile {
        path: "content/x.md".into(),
        kind,
        id: "x".into(),
        text: Some(normalize(text.to_string()).into()),
        usable: true,
    };
    let (_, diagnostics) = parse_file(&file);
    for d in diagnostics {
        assert!(d.line >= 1 && d.column >= 1);
    }
});
