//! `cairn new KIND ID [--title T] [--kind K]` with any kind, id, title and
//! session kind, in a site built from the input: no panic; a refusal
//! writes nothing; a file written is where its kind and id say, and in a
//! site that checked clean leaves it clean.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use cairn::commands::{Global, OK};
use cairn::content::session::SessionKind;
use cairn::layout::Collection;
use cairn_fuzz::{on_disk, sitegen::SiteSpec};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct New {
    collection: u8,
    id: String,
    title: Option<String>,
    session_kind: Option<u8>,
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let (Ok(new), Ok(spec)) = (New::arbitrary(&mut u), SiteSpec::arbitrary_take_rest(u)) else {
        return;
    };
    let dir = on_disk::fresh("new");
    if spec.write_to(&dir).is_err() {
        return;
    }
    let clean = on_disk::errors(&dir).is_empty();
    let before = on_disk::snapshot(&dir);
    let collection = Collection::ALL[new.collection as usize % Collection::ALL.len()];
    let kind = new
        .session_kind
        .map(|k| SessionKind::ALL[k as usize % SessionKind::ALL.len()]);
    let global = Global {
        root: Some(dir.clone()),
        color: false,
        quiet: true,
        verbose: false,
    };
    let status = cairn::commands::new::run(&global, collection, &new.id, new.title.as_deref(), kind);
    let after = on_disk::snapshot(&dir);
    if status == OK {
        let path = format!("{}/{}.md", collection.dir(), new.id);
        assert!(after.contains_key(&path), "{path} not written: {new:?}");
        assert_eq!(after.len(), before.len() + 1, "{new:?}");
        if clean {
            let errors = on_disk::errors(&dir);
            assert!(errors.is_empty(), "{errors:?} after {new:?}\n{spec:?}");
        }
    } else {
        assert_eq!(after, before, "a refused `new` wrote: {new:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
});
