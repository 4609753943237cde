//! W0310: per track year and calendar month, the reading pages and the video,
//! course and self-paced minutes may not exceed the program's caps. A reading
//! counts in the month of the earliest session of that year that lists it; a
//! self-paced item in the month of its `due`, else of its module's first session.

use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::fields::Located;
use crate::model::Model;
use crate::model::workload::by_month;

/// The W0310 rule.
pub fn check(model: &Model) -> Vec<Diagnostic> {
    let p = &model.program;
    let mut ds = Vec::new();
    if p.max_pages_per_month.is_none() && p.max_minutes_per_month.is_none() {
        return ds;
    }
    for year in model.year_numbers() {
        for ((y, m), load) in by_month(model, year) {
            let mut over = |cap: &Option<Located<u32>>,
                            total: u64,
                            unit: &str,
                            pick: fn(&(String, u64, u64)) -> u64| {
                let Some(cap) = cap else { return };
                if total <= u64::from(cap.value) {
                    return;
                }
                let items: Vec<String> = load
                    .items
                    .iter()
                    .filter(|i| pick(i) > 0)
                    .map(|i| format!("{} ({} {unit})", i.0, pick(i)))
                    .collect();
                ds.push(
                    Diagnostic::new(
                        Code::W0310,
                        &p.source.path,
                        cap.pos,
                        format!("year {year}, {y:04}-{m:02}: {total} {unit}, over the cap of {}", cap.value),
                    )
                    .help(format!("{y:04}-{m:02} holds {}; spread them over other months or mark some optional", items.join(", "))),
                );
            };
            over(&p.max_pages_per_month, load.pages, "pages", |i| i.1);
            over(&p.max_minutes_per_month, load.minutes, "minutes", |i| i.2);
        }
    }
    ds
}
