//! `cairn build`: check, render, write. Writes nothing when there are errors.

use super::{Global, check::exit_status, fail};
use crate::cli::BuildArgs;
use crate::pipeline::{self, Options, timed};
use crate::render::{self, RenderOptions};

/// Builds the site into `-o DIR` (default `public/` under the root).
pub fn run(global: &Global, args: &BuildArgs) -> u8 {
    let root = match global.site_root() {
        Ok(root) => root,
        Err(e) => return fail(&e),
    };
    let out = args.output.clone().unwrap_or_else(|| root.join("public"));
    if let Err(e) = crate::output::check_target(&root, &out, args.force) {
        return fail(&e);
    }
    if let Some(url) = &args.base_url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        return fail(&format!(
            "--base-url must be an absolute http(s) URL, not `{url}`"
        ));
    }
    let options = Options {
        drafts: args.drafts,
        verbose: global.verbose,
        texts: crate::site::Texts::Keep,
    };
    let site = pipeline::check_site(&root, &options);
    let ds = &site.diagnostics;
    if !ds.items().is_empty() {
        eprint!("{}", site.human(global.color));
    }
    let status = exit_status(ds, args.deny_warnings);
    // Rendering needs the model and the outlines only: the files' texts go
    // before it starts, so a big site does not hold its sources twice.
    let past_years = site.past_labels();
    let pipeline::Site {
        current,
        past,
        diagnostics,
        ..
    } = site;
    let pipeline::Checked {
        loaded,
        parsed,
        model,
        outlines,
        links,
        statics,
        ..
    } = current;
    drop((loaded, parsed));
    let owned = (model, outlines, links);
    let (model, outlines, links) = &owned;
    let Some(model) = model.as_ref().filter(|_| status == 0) else {
        eprintln!("nothing written: fix the errors above (the previous output is untouched)");
        return super::INVALID;
    };
    let render_options = RenderOptions {
        base_url: args.base_url.clone(),
        only_bodies: None,
        portable: args.portable || model.program.portable,
        past_years,
        verbose: options.verbose,
        ..RenderOptions::default()
    };
    let base = args
        .base_url
        .clone()
        .or_else(|| model.program.base_url.as_ref().map(|u| u.0.clone()));
    let written = timed(&options, "render", || {
        let output = crate::output::Output::begin(&out, &statics)?;
        let sink = |f| output.write(f);
        let mut count = render::render(model, outlines, links, &root, &render_options, &sink)?;
        for year in &past {
            let Some(past) = year.to_render() else {
                continue;
            };
            count += render::years::render_past(
                &past,
                &root,
                base.as_deref(),
                render_options.portable,
                &sink,
            )?;
        }
        output.finish().map(|()| count)
    });
    // The process ends next: the system takes the memory back at once,
    // faster than freeing a big site's model value by value.
    std::mem::forget((owned, past, diagnostics));
    match written {
        Ok(count) => {
            if !global.quiet {
                eprintln!("built {count} files into {}", out.display());
            }
            super::OK
        }
        Err(e) => fail(&e),
    }
}
