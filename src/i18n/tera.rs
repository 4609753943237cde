//! The messages in the templates: `t` (every message as `t.GROUP.KEY`, a
//! safe string: messages are HTML, trusted like the templates) and two
//! filters, `fill` (`{{ t.base.contact | fill(contact=site.contact) }}`:
//! each `{name}` replaced by its value, escaped as any value is) and
//! `plural` (`{{ t.home.modules | plural(n=y.module_count) }}`: the form of
//! the language's plural category for `n`).

use super::{Messages, substitute};
use std::collections::BTreeMap;
use tera::{Kwargs, State, TeraResult, Value};

/// The key a plural message's map carries its table's language under, for
/// the `plural` filter's rules.
const LANG: &str = "_lang";

impl Messages {
    /// Every message as Tera's `t`: groups of keys, a plural message a map
    /// of its forms.
    pub fn to_tera(&self) -> Value {
        let mut root = Node::default();
        for (key, text) in self.entries() {
            let mut node = &mut root;
            for part in key.split('.') {
                node = node.children.entry(part.to_string()).or_default();
            }
            node.text = Some(text.to_string());
        }
        root.value(self.table)
    }
}

#[derive(Default)]
struct Node {
    text: Option<String>,
    children: BTreeMap<String, Node>,
}

impl Node {
    fn value(self, table: &str) -> Value {
        if self.children.is_empty() {
            return Value::safe_string(self.text.as_deref().unwrap_or(""));
        }
        let plural = self
            .children
            .keys()
            .all(|k| super::CATEGORIES.contains(&k.as_str()));
        let mut map: BTreeMap<String, Value> = self
            .children
            .into_iter()
            .map(|(k, n)| (k, n.value(table)))
            .collect();
        if plural {
            map.insert(LANG.to_string(), Value::from(table));
        }
        Value::from(map)
    }
}

/// Registers `fill` and `plural` in a Tera instance.
pub fn register(tera: &mut tera::Tera) {
    tera.register_filter("fill", |text: &str, kwargs: Kwargs, state: &State| {
        fill(text, &kwargs, state)
    });
    tera.register_filter(
        "plural",
        |forms: &tera::Map, kwargs: Kwargs, state: &State| -> TeraResult<Value> {
            let n: u64 = kwargs.must_get("n")?;
            let table = forms
                .get(&LANG.into())
                .and_then(Value::as_str)
                .unwrap_or("en");
            let category = rules(table).category(n);
            let form = forms
                .get(&category.into())
                .or_else(|| forms.get(&"other".into()))
                .and_then(Value::as_str)
                .unwrap_or("");
            fill(form, &kwargs, state)
        },
    );
}

/// The built-in messages of a table, for its plural rules (made once).
fn rules(table: &str) -> &'static Messages {
    static RULES: std::sync::OnceLock<[Messages; 3]> = std::sync::OnceLock::new();
    let all = RULES.get_or_init(|| super::LANGUAGES.map(Messages::built_in));
    super::LANGUAGES
        .iter()
        .position(|l| *l == table)
        .map_or(&all[0], |i| &all[i])
}

fn fill(text: &str, kwargs: &Kwargs, state: &State) -> TeraResult<Value> {
    let mut args = Vec::new();
    for (key, value) in kwargs.iter() {
        let Some(name) = key.as_str() else { continue };
        args.push((name.to_string(), state.escape_if_needed(value)?));
    }
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    Ok(Value::safe_string(&substitute(text, &args)))
}
