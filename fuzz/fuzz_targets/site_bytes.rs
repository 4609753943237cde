//! A whole site from one input as noise (`site` builds one from its
//! structure): the bytes are cut into files at `\0` and
//! written under a temporary `content/`; the check must finish and never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "content/_program.md",
    "content/modules/a.md",
    "content/modules/b.md",
    "content/sessions/s1.md",
    "content/sessions/y2/s2.md",
    "content/readings/r.md",
    "content/prompts/p.md",
    "content/people/x.md",
    "content/projects/q.md",
    "content/pages/about.md",
    "content/years/1.md",
];

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("cairn-fuzz-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, bytes) in NAMES.iter().zip(data.split(|b| *b == 0)) {
        let path = dir.join(name);
        let _ = std::fs::create_dir_all(path.parent().expect("parent"));
        let _ = std::fs::write(path, bytes);
    }
    let checked = cairn::pipeline::check(&dir, &cairn::pipeline::Options::default());
    for d in checked.diagnostics.items() {
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
    }
});
