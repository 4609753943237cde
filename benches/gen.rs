//! Generates a large, valid, deterministic cairn site for benchmarks:
//! `cargo run --release --example gen -- --pages N DIR`.
//!
//! Half the files are sessions (15-minute slots, so none overlap), the rest
//! modules, readings, prompts, people and pages, all cross-referenced; bodies
//! are 600-900 words with headings, a list, a table, internal links and now
//! and then a code block.

use std::fmt::Write as _;
use std::path::Path;

const WORDS: &[&str] = &[
    "equity",
    "leadership",
    "resident",
    "fellow",
    "mentor",
    "community",
    "bias",
    "structural",
    "care",
    "quality",
    "improvement",
    "patient",
    "listening",
    "advocacy",
    "policy",
    "health",
    "disparity",
    "data",
    "reflection",
    "action",
    "awareness",
    "empowerment",
    "team",
    "trust",
    "clinic",
    "hospital",
    "access",
    "language",
    "culture",
    "safety",
    "learning",
    "practice",
    "evidence",
    "measure",
    "outcome",
    "voice",
    "the",
    "and",
    "of",
    "to",
    "in",
    "with",
    "for",
    "on",
    "we",
    "our",
    "their",
    "a",
    "is",
    "are",
];

/// A small deterministic generator (xorshift), so two runs give the same site.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len() as u64) as usize]
    }
    fn sentence(&mut self, n: usize) -> String {
        let mut s: Vec<&str> = (0..n).map(|_| self.word()).collect();
        let first = s[0].to_string();
        let cap = first[..1].to_uppercase() + &first[1..];
        s[0] = Box::leak(cap.into_boxed_str());
        s.join(" ") + "."
    }
}

struct Counts {
    modules: usize,
    sessions: usize,
    readings: usize,
    prompts: usize,
    people: usize,
    pages: usize,
}

fn body(rng: &mut Rng, c: &Counts, i: usize) -> String {
    let mut out = String::new();
    let words = 600 + rng.below(300) as usize;
    let mut written = 0;
    let mut section = 0;
    while written < words {
        section += 1;
        let _ = writeln!(
            out,
            "## Part {section}: {}\n",
            rng.sentence(3).trim_end_matches('.')
        );
        for _ in 0..3 {
            let n = 12 + rng.below(10) as usize;
            let _ = writeln!(out, "{} {}\n", rng.sentence(n), rng.sentence(8));
            written += n + 8;
        }
        match section % 4 {
            1 => {
                for _ in 0..4 {
                    let _ = writeln!(out, "- {}", rng.sentence(6));
                    written += 6;
                }
                out.push('\n');
            }
            2 => {
                out.push_str("| Measure | Baseline | Goal |\n| --- | --- | --- |\n");
                for _ in 0..3 {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} |",
                        rng.word(),
                        rng.below(100),
                        rng.below(100)
                    );
                }
                out.push('\n');
                written += 12;
            }
            3 => {
                let m = rng.below(c.modules as u64);
                let r = rng.below(c.readings as u64);
                let _ = writeln!(
                    out,
                    "See [module {m}](@/modules/m{m}.md) and [reading {r}](@/readings/r{r}.md).\n"
                );
                written += 6;
            }
            _ => {
                if i % 7 == 0 {
                    out.push_str(
                        "```sql\nSELECT unit, count(*) FROM visits GROUP BY unit;\n```\n\n",
                    );
                }
            }
        }
    }
    out
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create folder");
    }
    std::fs::write(path, text).expect("write file");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let pages: usize = args
        .iter()
        .position(|a| a == "--pages")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let dir = args
        .last()
        .filter(|a| !a.starts_with("--") && a.parse::<usize>().is_err())
        .cloned()
        .unwrap_or_else(|| "synthetic".into());
    let root = Path::new(&dir);
    let c = Counts {
        modules: (pages / 20).max(2) & !1,
        sessions: (pages / 2).max(2),
        readings: (pages / 5).max(1),
        prompts: (pages * 15 / 100).max(1),
        people: (pages / 20).max(1),
        pages: 5,
    };
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    write(
        &root.join("content/_program.md"),
        "---\ntitle: Synthetic Leadership Track\nyears: 2\nstarts: 2025-07-01\ntimezone: America/New_York\nphases: []\nsequence: off\n---\nA generated program for benchmarks.\n",
    );
    for m in 0..c.modules {
        let text = format!(
            "---\ntitle: Module {m}\nyear: {}\nsummary: {}\n---\n{}",
            m % 2 + 1,
            rng.sentence(10),
            body(&mut rng, &c, m)
        );
        write(&root.join(format!("content/modules/m{m}.md")), &text);
    }
    let start = jiff::civil::date(2025, 7, 1);
    let half = c.modules / 2;
    for k in 0..c.sessions {
        let year = k % 2 + 1;
        let slot = k / 2;
        let day = start
            .checked_add(jiff::Span::new().days((slot / 96) as i64))
            .expect("a date in the year");
        let minutes = (slot % 96) * 15;
        let module = ((k / 2) % half) * 2 + (k % 2);
        let end = minutes + 15;
        let (sh, sm, eh, em) = (minutes / 60, minutes % 60, end / 60, end % 60);
        let end_field = if end >= 24 * 60 {
            String::new()
        } else {
            format!("end: \"{eh:02}:{em:02}\"\n")
        };
        let start_field = if end_field.is_empty() {
            "start: \"23:45\"\n".to_string()
        } else {
            format!("start: \"{sh:02}:{sm:02}\"\n")
        };
        let end_field = if end_field.is_empty() {
            "end: \"23:59\"\n".to_string()
        } else {
            end_field
        };
        let text = format!(
            "---\ntitle: Session {k}\ndate: {day}\n{start_field}{end_field}module: m{module}\nspeakers: [p{}]\nreadings: [r{}]\n---\n{}",
            k % c.people,
            k % c.readings,
            body(&mut rng, &c, k)
        );
        let _ = year;
        write(
            &root.join(format!("content/sessions/y{year}/s{k}.md")),
            &text,
        );
    }
    for r in 0..c.readings {
        let text = format!(
            "---\ntitle: Reading {r}\nkind: article\nauthors: [A. Author]\npages: {}\n---\n{}",
            5 + r % 20,
            body(&mut rng, &c, r)
        );
        write(&root.join(format!("content/readings/r{r}.md")), &text);
    }
    for p in 0..c.prompts {
        let text = format!(
            "---\ntitle: Prompt {p}\nsession: s{}\n---\n{}",
            p % c.sessions,
            body(&mut rng, &c, p)
        );
        write(&root.join(format!("content/prompts/q{p}.md")), &text);
    }
    for p in 0..c.people {
        let text = format!(
            "---\nname: Person {p}\nroles: [speaker]\n---\n{}",
            body(&mut rng, &c, p)
        );
        write(&root.join(format!("content/people/p{p}.md")), &text);
    }
    for p in 0..c.pages {
        let text = format!(
            "---\ntitle: Page {p}\nweight: {p}\n---\n{}",
            body(&mut rng, &c, p)
        );
        write(&root.join(format!("content/pages/page-{p}.md")), &text);
    }
    let total = 1 + c.modules + c.sessions + c.readings + c.prompts + c.people + c.pages;
    println!("wrote {total} content files into {}", root.display());
}
