//! Whether what the program promises can be measured: W0313 (a module
//! objective with a verb no one can observe), W0314 (an outcome that is
//! not SMART: no measure, target or date) and W0317 (a competency of the
//! map that no module covers).

use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::model::Model;

/// Openings of objectives that name a state of mind rather than something a
/// trainee does (SPEC 8, W0313), as words.
const UNMEASURABLE: &[&[&str]] = &[
    &["understand"],
    &["know"],
    &["learn"],
    &["appreciate"],
    &["realize"],
    &["realise"],
    &["believe"],
    &["be", "aware"],
    &["become", "aware"],
    &["be", "familiar"],
    &["become", "familiar"],
    &["gain"],
];

/// The unmeasurable opening `objective` starts with, if any ("To understand"
/// counts as "understand").
pub fn unmeasurable_opening(objective: &str) -> Option<String> {
    let words: Vec<String> = objective
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let words = match words.first().map(String::as_str) {
        Some("to") => &words[1..],
        _ => &words[..],
    };
    UNMEASURABLE
        .iter()
        .find(|phrase| {
            phrase.len() <= words.len() && phrase.iter().zip(words).all(|(p, w)| inflects(p, w))
        })
        .map(|phrase| phrase.join(" "))
}

/// True when `word` is `stem` or one of its forms ("understands",
/// "understanding", "knowledge", "learned"), but not another word that
/// happens to start with it ("learners", "knowledgeably").
fn inflects(stem: &str, word: &str) -> bool {
    word.strip_prefix(stem)
        .is_some_and(|rest| ["", "s", "ing", "ed", "d", "n", "ledge"].contains(&rest))
}

/// The three rules.
pub fn check(model: &Model) -> Vec<Diagnostic> {
    let mut ds = uncovered(model);
    for m in &model.modules {
        for o in &m.objectives {
            if let Some(opening) = unmeasurable_opening(&o.value) {
                ds.push(
                    Diagnostic::new(
                        Code::W0313,
                        &m.source.path,
                        o.pos,
                        format!("the objective starts with `{opening}`, which cannot be observed or measured"),
                    )
                    .help("start with what a trainee will do: describe, explain, identify, compare, apply, demonstrate, analyze, design, evaluate, lead"),
                );
            }
        }
    }
    let program = &model.program;
    for o in &program.outcomes {
        let missing: Vec<&str> = [
            ("measure", o.value.measure.is_none()),
            ("target", o.value.target.is_none()),
            ("by", o.value.by.is_none()),
        ]
        .into_iter()
        .filter_map(|(name, absent)| absent.then_some(name))
        .collect();
        if !missing.is_empty() {
            let fields = missing
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ");
            ds.push(
                Diagnostic::new(
                    Code::W0314,
                    &program.source.path,
                    o.pos,
                    format!("the outcome `{}` has no {fields}", o.value.id.value),
                )
                .help("a SMART outcome says how it is measured (`measure`), what value counts as success (`target`) and by when (`by: YYYY-MM-DD`)"),
            );
        }
    }
    ds
}

/// W0317: each competency no module lists, at its list item; not judged
/// when a module file could not be read.
fn uncovered(model: &Model) -> Vec<Diagnostic> {
    if model
        .unreadable
        .iter()
        .any(|(c, _)| *c == crate::layout::Collection::Modules)
    {
        return Vec::new();
    }
    let program = &model.program;
    program
        .competencies
        .iter()
        .enumerate()
        .filter(|&(i, _)| !crate::model::coverage::covered(model, i))
        .map(|(_, c)| {
            Diagnostic::new(
                Code::W0317,
                &program.source.path,
                c.pos,
                format!(
                    "no module covers the competency `{}` ({})",
                    c.id.value, c.title
                ),
            )
            .help(format!(
                "add `{}` to the `competencies` of the modules that teach it, or remove it from the list",
                c.id.value
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::unmeasurable_opening;

    #[test]
    fn states_of_mind_are_not_measurable() {
        assert_eq!(
            unmeasurable_opening("Understand implicit bias").as_deref(),
            Some("understand")
        );
        assert_eq!(
            unmeasurable_opening("To know the history").as_deref(),
            Some("know")
        );
        assert_eq!(
            unmeasurable_opening("Be aware of microaggressions").as_deref(),
            Some("be aware")
        );
        assert_eq!(
            unmeasurable_opening("become familiar with X").as_deref(),
            Some("become familiar")
        );
        assert_eq!(
            unmeasurable_opening("Gain an understanding of X").as_deref(),
            Some("gain")
        );
        assert_eq!(
            unmeasurable_opening("LEARN about allyship").as_deref(),
            Some("learn")
        );
    }

    #[test]
    fn observable_verbs_pass() {
        for ok in [
            "Describe three forms of bias",
            "Learners will describe X",
            "Knowledgeably explain",
            "Be able to name",
            "Become a mentor",
            "",
        ] {
            assert_eq!(unmeasurable_opening(ok), None, "{ok}");
        }
    }
}
