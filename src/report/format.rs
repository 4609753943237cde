//! The report's three forms: Markdown (headings and tables, for the
//! evaluation's minutes), CSV (one table per section, through the `csv`
//! crate: one text with the tables separated by a blank line, or one file
//! per section) and JSON (the [`Report`] as it is; its schema is
//! `cairn schema report`).

use super::{OutcomeRow, Report, RoleCount, Tally};
use crate::diff::format as diff_format;

/// One table of the CSV: its section name, header and rows.
pub struct Table {
    /// e.g. `sessions`; the file is `sessions.csv`.
    pub name: &'static str,
    /// Column names.
    pub header: Vec<&'static str>,
    /// One row per record, as many cells as the header.
    pub rows: Vec<Vec<String>>,
}

fn opt<T: ToString>(v: Option<&T>) -> String {
    v.map(ToString::to_string).unwrap_or_default()
}

fn tally_row(year: u8, t: &Tally) -> Vec<String> {
    vec![
        year.to_string(),
        t.name.clone(),
        t.sessions.to_string(),
        t.meetings.to_string(),
        t.contact_minutes.to_string(),
        t.hours.to_string(),
    ]
}

/// An outcome's cells, its modules joined by `separator`.
fn outcome_row(o: &OutcomeRow, separator: &str) -> Vec<String> {
    vec![
        o.id.clone(),
        o.statement.clone(),
        opt(o.measure.as_ref()),
        opt(o.target.as_ref()),
        opt(o.by.as_ref()),
        o.modules.join(separator),
    ]
}

fn role_row(p: &RoleCount) -> Vec<String> {
    vec![
        p.role.clone(),
        p.people.to_string(),
        p.unpublished.to_string(),
    ]
}

const TALLY: [&str; 6] = [
    "year",
    "name",
    "sessions",
    "meetings",
    "contact_minutes",
    "hours",
];

/// Every section as a table, in the report's order.
pub fn tables(r: &Report) -> Vec<Table> {
    let mut sessions = Vec::new();
    let mut by_kind = Vec::new();
    let mut by_phase = Vec::new();
    let mut attendance = Vec::new();
    let mut competencies = Vec::new();
    let mut workload = Vec::new();
    for y in &r.years {
        sessions.push(tally_row(y.year, &y.sessions));
        by_kind.extend(y.by_kind.iter().map(|t| tally_row(y.year, t)));
        by_phase.extend(y.by_phase.iter().map(|t| tally_row(y.year, t)));
        attendance.push(vec![
            y.year.to_string(),
            opt(y.attendance.minimum.as_ref()),
            y.attendance.counting.to_string(),
            y.attendance.required.to_string(),
            opt(y.attendance.met.as_ref()),
        ]);
        competencies.extend(y.competencies.iter().map(|c| {
            vec![
                y.year.to_string(),
                c.id.clone(),
                c.title.clone(),
                opt(c.group.as_ref()),
                c.modules.to_string(),
                c.sessions.to_string(),
                c.contact_minutes.to_string(),
                c.hours.to_string(),
                c.self_paced_minutes.to_string(),
                c.pages.to_string(),
                c.covered.to_string(),
            ]
        }));
        workload.extend(y.workload.iter().map(|m| {
            vec![
                y.year.to_string(),
                m.month.clone(),
                m.pages.to_string(),
                m.minutes.to_string(),
                m.over_cap.to_string(),
            ]
        }));
    }
    let changes = match &r.changes {
        None => Vec::new(),
        Some(d) => {
            let mut rows: Vec<Vec<String>> = diff_format::sections(d)
                .into_iter()
                .flat_map(|(section, lines)| {
                    lines
                        .into_iter()
                        .map(move |l| vec![d.from.clone(), section.to_string(), l])
                })
                .collect();
            rows.extend(d.workload.iter().map(|w| {
                vec![
                    d.from.clone(),
                    "Workload by month".to_string(),
                    format!(
                        "year {} {}: pages {} -> {}, minutes {} -> {}",
                        w.year,
                        w.month,
                        w.pages_before,
                        w.pages_after,
                        w.minutes_before,
                        w.minutes_after
                    ),
                ]
            }));
            rows
        }
    };
    vec![
        Table {
            name: "sessions",
            header: TALLY.to_vec(),
            rows: sessions,
        },
        Table {
            name: "sessions_by_kind",
            header: TALLY.to_vec(),
            rows: by_kind,
        },
        Table {
            name: "sessions_by_phase",
            header: TALLY.to_vec(),
            rows: by_phase,
        },
        Table {
            name: "attendance",
            header: vec!["year", "minimum", "counting", "required", "met"],
            rows: attendance,
        },
        Table {
            name: "competencies",
            header: vec![
                "year",
                "id",
                "title",
                "group",
                "modules",
                "sessions",
                "contact_minutes",
                "hours",
                "self_paced_minutes",
                "pages",
                "covered",
            ],
            rows: competencies,
        },
        Table {
            name: "workload",
            header: vec!["year", "month", "pages", "minutes", "over_cap"],
            rows: workload,
        },
        Table {
            name: "outcomes",
            header: vec!["id", "statement", "measure", "target", "by", "modules"],
            rows: r.outcomes.iter().map(|o| outcome_row(o, " ")).collect(),
        },
        Table {
            name: "people",
            header: vec!["role", "people", "unpublished"],
            rows: r.people.iter().map(role_row).collect(),
        },
        Table {
            name: "changes",
            header: vec!["since", "section", "change"],
            rows: changes,
        },
    ]
}

/// One table as CSV text (header, then rows; RFC 4180 quoting).
pub fn table_csv(t: &Table) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing into memory cannot fail but for a row of the wrong length,
    // which `tables` never makes.
    let _ = w.write_record(&t.header);
    for row in &t.rows {
        let _ = w.write_record(row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Every table in one text: each section's name alone on a line, its
/// table, then a blank line.
pub fn csv(r: &Report) -> String {
    tables(r)
        .iter()
        .map(|t| format!("{}\n{}", t.name, table_csv(t)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One JSON object.
pub fn json(r: &Report) -> String {
    serde_json::to_string_pretty(r).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}")) + "\n"
}

/// A Markdown table cell: no line breaks, `|` escaped.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn md_table(out: &mut String, header: &[&str], right_from: usize, rows: &[Vec<String>]) {
    out.push_str(&format!("| {} |\n|", header.join(" | ")));
    for i in 0..header.len() {
        out.push_str(if i >= right_from { " ---: |" } else { " --- |" });
    }
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
}

fn tally_md(out: &mut String, first: &str, list: &[Tally]) {
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|t| {
            vec![
                t.name.clone(),
                t.sessions.to_string(),
                t.meetings.to_string(),
                t.hours.to_string(),
            ]
        })
        .collect();
    md_table(
        out,
        &[first, "sessions", "meetings", "contact hours"],
        1,
        &rows,
    );
}

/// Markdown, for the evaluation's minutes.
pub fn markdown(r: &Report) -> String {
    let mut out = format!("# Annual Program Evaluation: {}\n\n", r.program);
    if let Some(i) = &r.institution {
        out.push_str(&format!("{i}. "));
    }
    out.push_str(&format!(
        "Academic year {} ({} to {}).\n",
        r.academic_year, r.starts, r.ends
    ));
    for y in &r.years {
        out.push_str(&format!("\n## {}\n\n### Sessions\n\n", y.title));
        tally_md(&mut out, "", std::slice::from_ref(&y.sessions));
        out.push_str("\nBy kind:\n\n");
        tally_md(&mut out, "kind", &y.by_kind);
        out.push_str("\nBy phase:\n\n");
        tally_md(&mut out, "phase", &y.by_phase);
        let a = &y.attendance;
        out.push_str("\n### Attendance\n\n");
        out.push_str(&match (a.minimum, a.met) {
            (Some(m), Some(met)) => format!(
                "Minimum {m}; {} meetings of required sessions count toward it ({} required in all): {}.\n",
                a.counting,
                a.required,
                if met { "met" } else { "not met" }
            ),
            _ => format!(
                "No minimum set; {} meetings of required sessions count toward attendance ({} required in all).\n",
                a.counting, a.required
            ),
        });
        out.push_str("\n### Competencies\n\n");
        if y.competencies.is_empty() {
            out.push_str("No competencies are listed in `_program.md`.\n");
        } else {
            let rows: Vec<Vec<String>> = y
                .competencies
                .iter()
                .map(|c| {
                    let title = match &c.group {
                        Some(g) => format!("{g}: {}", c.title),
                        None => c.title.clone(),
                    };
                    if c.covered {
                        vec![
                            title,
                            c.modules.to_string(),
                            c.sessions.to_string(),
                            c.hours.to_string(),
                            c.self_paced_minutes.to_string(),
                            c.pages.to_string(),
                        ]
                    } else {
                        let mut row = vec![format!("{title} (nothing this year)")];
                        row.extend(std::iter::repeat_n("0".to_string(), 5));
                        row
                    }
                })
                .collect();
            md_table(
                &mut out,
                &[
                    "competency",
                    "modules",
                    "sessions",
                    "contact hours",
                    "self-paced minutes",
                    "reading pages",
                ],
                1,
                &rows,
            );
        }
        out.push_str("\n### Workload by month\n\n");
        let rows: Vec<Vec<String>> = y
            .workload
            .iter()
            .map(|m| {
                vec![
                    m.month.clone(),
                    m.pages.to_string(),
                    m.minutes.to_string(),
                    if m.over_cap { "over a cap" } else { "" }.to_string(),
                ]
            })
            .collect();
        md_table(&mut out, &["month", "pages", "minutes", "note"], 1, &rows);
    }
    out.push_str("\n## Outcomes\n\n");
    if r.outcomes.is_empty() {
        out.push_str("No outcomes are listed in `_program.md`.\n");
    } else {
        let rows: Vec<Vec<String>> = r.outcomes.iter().map(|o| outcome_row(o, ", ")).collect();
        md_table(
            &mut out,
            &["outcome", "statement", "measure", "target", "by", "modules"],
            6,
            &rows,
        );
    }
    out.push_str("\n## People by role\n\n");
    let rows: Vec<Vec<String>> = r.people.iter().map(role_row).collect();
    md_table(&mut out, &["role", "people", "not published"], 1, &rows);
    match &r.changes {
        None => {
            out.push_str("\n## What changed\n\nNo past year under `archive/` to compare with.\n");
        }
        Some(d) => {
            // The diff's own Markdown, its headings one level down.
            for line in diff_format::markdown(d).lines() {
                out.push_str(if line.starts_with('#') { "\n#" } else { "\n" });
                out.push_str(line);
            }
            out.push('\n');
        }
    }
    out
}
