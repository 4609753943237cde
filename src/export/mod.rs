//! What `cairn export` hands to other systems (SPEC 9.4): the syllabus as
//! an outline of folders and links to the site's pages ([`outline`]),
//! written as an IMS Thin Common Cartridge 1.3 by [`imscc`]. Reads the
//! model and asks `routes` for every address; writes nothing to disk (the
//! command does).

pub mod imscc;

use crate::layout::Collection;
use crate::model::{Item, Model};
use crate::routes;

/// A folder of the outline or a link to one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// e.g. `Year 1`, `October 2026`, a module.
    Folder {
        /// What the LMS shows.
        title: String,
        /// In order.
        children: Vec<Node>,
    },
    /// A page of the site.
    Link {
        /// The page's title.
        title: String,
        /// Its absolute URL under the base URL.
        url: String,
    },
}

/// The syllabus as folders: one per year (only year `only`, when given),
/// inside it one per month with each session of that year on its first day
/// (a program with a calendar), or one per module of that year with the
/// module's page and its resources (a program without one).
pub fn outline(model: &Model, base: &str, only: Option<u8>) -> Vec<Node> {
    let link = |item: Item| Node::Link {
        title: model.title(item).to_string(),
        url: routes::absolute(base, &routes::item(model, item)),
    };
    let mut years = Vec::new();
    for year in model
        .years
        .iter()
        .filter(|y| only.is_none_or(|n| n == y.number))
    {
        let mut children = Vec::new();
        if model.program.calendar {
            let mut months: Vec<((i16, i8), Vec<Node>)> = Vec::new();
            for i in crate::render::rows::calendar_order(model) {
                let s = &model.sessions[i];
                if !s.in_year(year.number) {
                    continue;
                }
                let d = s.date.value.0;
                let key = (d.year(), d.month());
                match months.last_mut() {
                    Some((k, links)) if *k == key => links.push(link(Item::session(i))),
                    _ => months.push((key, vec![link(Item::session(i))])),
                }
            }
            for ((y, m), links) in months {
                children.push(Node::Folder {
                    title: crate::render::labels::month(&model.program.messages, y, m),
                    children: links,
                });
            }
        } else {
            let mut modules: Vec<usize> = (0..model.modules.len())
                .filter(|&m| model.modules[m].year == year.number)
                .collect();
            modules.sort_by_key(|&m| {
                let module = &model.modules[m];
                (module.order, module.source.path.clone())
            });
            for m in modules {
                let item = Item {
                    collection: Collection::Modules,
                    index: m,
                };
                let mut links = vec![link(item)];
                links.extend(model.modules[m].resources.iter().map(|&r| {
                    link(Item {
                        collection: Collection::Readings,
                        index: r,
                    })
                }));
                children.push(Node::Folder {
                    title: model.modules[m].title.clone(),
                    children: links,
                });
            }
        }
        years.push(Node::Folder {
            title: year.title.clone(),
            children,
        });
    }
    years
}
