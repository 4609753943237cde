//! `cairn diff`'s three forms: plain text, Markdown (headings, lists and a
//! workload table, for a report) and JSON (the [`YearDiff`] as it is).

use super::{ListChange, Named, YearDiff};

/// Every section with its lines, in the order a report reads (`cairn
/// report`'s CSV lists them too).
pub fn sections(d: &YearDiff) -> Vec<(&'static str, Vec<String>)> {
    let named = |verb: &str, list: &[Named]| -> Vec<String> {
        list.iter()
            .map(|n| format!("{verb} `{}`: {}", n.id, n.title))
            .collect()
    };
    let lists = |what: &str, list: &[ListChange]| -> Vec<String> {
        list.iter()
            .map(|c| {
                let mut parts: Vec<String> = c.added.iter().map(|a| format!("+{a}")).collect();
                parts.extend(c.removed.iter().map(|r| format!("-{r}")));
                format!("{what} of `{}` ({}): {}", c.id, c.title, parts.join(", "))
            })
            .collect()
    };
    let mut modules = named("added", &d.modules_added);
    modules.extend(named("removed", &d.modules_removed));
    modules.extend(
        d.modules_retitled
            .iter()
            .map(|r| format!("retitled `{}`: {} -> {}", r.id, r.before, r.after)),
    );
    let mut sessions = named("added", &d.sessions_added);
    sessions.extend(named("removed", &d.sessions_removed));
    sessions.extend(d.sessions_moved.iter().map(|m| {
        format!(
            "moved `{}` ({}): {} (roll put it on {}, last year {})",
            m.id, m.title, m.now, m.expected, m.was
        )
    }));
    sessions.extend(lists("speakers", &d.session_speakers));
    sessions.extend(lists("readings", &d.session_readings));
    let mut readings = named("added", &d.readings_added);
    readings.extend(named("removed", &d.readings_removed));
    let settings = d
        .settings
        .iter()
        .map(|s| format!("{}: {} -> {}", s.name, s.before, s.after))
        .collect();
    vec![
        ("Modules", modules),
        ("Sessions", sessions),
        (
            "Competencies by module",
            lists("competencies", &d.module_competencies),
        ),
        ("Readings", readings),
        ("Program", settings),
    ]
}

/// Plain text for a terminal.
pub fn human(d: &YearDiff) -> String {
    let mut out = format!("What changed from {} to {}\n", d.from, d.to);
    for (title, lines) in sections(d) {
        if lines.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{title}\n"));
        for l in lines {
            out.push_str(&format!("  {l}\n"));
        }
    }
    if d.is_empty() {
        out.push_str("\nNothing changed but the dates roll moves.\n");
    }
    if !d.workload.is_empty() {
        out.push_str(&format!(
            "\nWorkload by month (pages / minutes, {} -> {})\n",
            d.from, d.to
        ));
        for w in &d.workload {
            out.push_str(&format!(
                "  Year {} {:<9} {} / {} -> {} / {}\n",
                w.year, w.month, w.pages_before, w.minutes_before, w.pages_after, w.minutes_after
            ));
        }
    }
    out
}

/// Markdown, for the annual program evaluation.
pub fn markdown(d: &YearDiff) -> String {
    let mut out = format!("# What changed from {} to {}\n", d.from, d.to);
    for (title, lines) in sections(d) {
        if lines.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {title}\n\n"));
        for l in lines {
            out.push_str(&format!("- {l}\n"));
        }
    }
    if d.is_empty() {
        out.push_str("\nNothing changed but the dates roll moves.\n");
    }
    if !d.workload.is_empty() {
        out.push_str(&format!(
            "\n## Workload by month\n\n| year | month | pages {0} | pages {1} | minutes {0} | minutes {1} |\n| --- | --- | ---: | ---: | ---: | ---: |\n",
            d.from, d.to
        ));
        for w in &d.workload {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                w.year, w.month, w.pages_before, w.pages_after, w.minutes_before, w.minutes_after
            ));
        }
    }
    out
}

/// One JSON object.
pub fn json(d: &YearDiff) -> String {
    serde_json::to_string_pretty(d).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
