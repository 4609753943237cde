//! Order across modules: E0301 (prerequisite cycles, once per cycle), E0302
//! (a module starting before its prerequisite finishes) and E0303 (phase order
//! under `sequence: program | year`). All comparisons are in curriculum order:
//! (year, date, time).

use crate::content::program::Sequence;
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::model::{Model, Moment};
use std::collections::{HashSet, VecDeque};

/// All ordering rules.
pub fn check(model: &Model) -> Vec<Diagnostic> {
    let mut ds = Vec::new();
    let in_cycle = cycles(model, &mut ds);
    prerequisites(model, &in_cycle, &mut ds);
    phases(model, &mut ds);
    ds
}

fn show(m: Moment) -> String {
    format!("year {}, {} {}", m.0, m.1, m.2)
}

/// E0301: one diagnostic per strongly connected group of prerequisites,
/// reported at the module first in path order. Returns every module on a cycle.
fn cycles(model: &Model, ds: &mut Vec<Diagnostic>) -> HashSet<usize> {
    let n = model.modules.len();
    let edges: Vec<Vec<usize>> = model
        .modules
        .iter()
        .map(|m| m.prerequisites.iter().map(|p| p.value).collect())
        .collect();
    let components = strongly_connected(&edges);
    let mut on_cycle = HashSet::new();
    for comp in components {
        let cyclic = comp.len() > 1 || edges[comp[0]].contains(&comp[0]);
        if !cyclic {
            continue;
        }
        on_cycle.extend(comp.iter().copied());
        let members: HashSet<usize> = comp.iter().copied().collect();
        // Modules are in path order, so the smallest index is first in path order.
        let start = *comp.iter().min().unwrap_or(&0);
        let path = shortest_cycle(start, &edges, &members, n);
        let Some(&next) = path.get(1) else { continue };
        let module = &model.modules[start];
        let Some(item) = module.prerequisites.iter().find(|p| p.value == next) else {
            continue;
        };
        let names: Vec<&str> = path
            .iter()
            .map(|&i| model.modules[i].source.id.as_str())
            .collect();
        ds.push(
            Diagnostic::new(
                Code::E0301,
                &module.source.path,
                item.pos,
                format!("the prerequisites of `{}` form a cycle", module.source.id),
            )
            .help(names.join(" -> ")),
        );
    }
    on_cycle
}

/// Breadth-first search from `start` back to itself inside one component.
fn shortest_cycle(
    start: usize,
    edges: &[Vec<usize>],
    members: &HashSet<usize>,
    n: usize,
) -> Vec<usize> {
    let mut parent = vec![usize::MAX; n];
    let mut queue = VecDeque::from([start]);
    let mut seen = vec![false; n];
    seen[start] = true;
    while let Some(at) = queue.pop_front() {
        for &next in &edges[at] {
            if !members.contains(&next) {
                continue;
            }
            if next == start {
                let mut chain = vec![at];
                let mut cur = at;
                while cur != start {
                    cur = parent[cur];
                    chain.push(cur);
                }
                chain.reverse();
                chain.push(start);
                return chain;
            }
            if !seen[next] {
                seen[next] = true;
                parent[next] = at;
                queue.push_back(next);
            }
        }
    }
    vec![start]
}

/// Tarjan's algorithm, iterative so deep chains cannot overflow the stack.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut out = Vec::new();
    let mut counter = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (v, ref mut next)) = work.last_mut() {
            if *next == 0 && index[v] == usize::MAX {
                index[v] = counter;
                low[v] = counter;
                counter += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*next) {
                *next += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut comp = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp.push(w);
                    if w == v {
                        break;
                    }
                }
                out.push(comp);
            }
        }
    }
    out
}

/// E0302: a module must start after each prerequisite finishes.
fn prerequisites(model: &Model, in_cycle: &HashSet<usize>, ds: &mut Vec<Diagnostic>) {
    for (i, m) in model.modules.iter().enumerate() {
        if in_cycle.contains(&i) {
            continue;
        }
        let Some((start, _)) = model.module_span(i) else {
            continue;
        };
        for pre in &m.prerequisites {
            let Some((_, finish)) = model.module_span(pre.value) else {
                continue;
            };
            if start <= finish {
                let p = &model.modules[pre.value];
                ds.push(
                    Diagnostic::new(
                        Code::E0302,
                        &m.source.path,
                        pre.pos,
                        format!("`{}` starts before its prerequisite `{}` finishes", m.source.id, p.source.id),
                    )
                    .help(format!(
                        "`{}` starts {}; `{}` finishes {}; move the sessions or drop the prerequisite",
                        m.source.id, show(start), p.source.id, show(finish)
                    )),
                );
            }
        }
    }
}

/// E0303: an earlier phase's module may not start after a later phase's
/// module has started (per program or per year); continuous phases exempt.
fn phases(model: &Model, ds: &mut Vec<Diagnostic>) {
    let p = &model.program;
    if p.sequence == Sequence::Off {
        return;
    }
    let mut starts: Vec<(usize, usize, Moment)> = model
        .modules
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let phase = m.phase?;
            if p.phases[phase].continuous {
                return None;
            }
            Some((i, phase, model.module_span(i)?.0))
        })
        .collect();
    starts.sort_by_key(|&(i, _, start)| (start, i));
    for &(a, phase_a, start_a) in &starts {
        // The first-started module of a later phase that began before `a`.
        let clash = starts.iter().find(|&&(_, phase_b, start_b)| {
            phase_b > phase_a
                && start_b < start_a
                && (p.sequence == Sequence::Program || start_b.0 == start_a.0)
        });
        if let Some(&(b, phase_b, start_b)) = clash {
            let (ma, mb) = (&model.modules[a], &model.modules[b]);
            ds.push(
                Diagnostic::new(
                    Code::E0303,
                    &ma.source.path,
                    ma.phase_pos.unwrap_or(crate::diagnostics::Pos::START),
                    format!(
                        "`{}` ({}) starts after `{}` ({}) has started",
                        ma.source.id, p.phases[phase_a].title, mb.source.id, p.phases[phase_b].title
                    ),
                )
                .help(format!(
                    "`{}` of phase {} starts {}; `{}` of phase {} starts {}; phases run in the order {}",
                    ma.source.id, p.phases[phase_a].id, show(start_a),
                    mb.source.id, p.phases[phase_b].id, show(start_b),
                    p.phases.iter().filter(|ph| !ph.continuous).map(|ph| ph.id.as_str()).collect::<Vec<_>>().join(" -> ")
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_cycle_once() {
        // 0 -> 1 -> 2 -> 0, and 3 -> 3, and 4 alone.
        let edges = vec![vec![1], vec![2], vec![0], vec![3], vec![]];
        let mut comps = strongly_connected(&edges);
        for c in &mut comps {
            c.sort_unstable();
        }
        comps.sort();
        assert_eq!(comps, vec![vec![0, 1, 2], vec![3], vec![4]]);
        let members: HashSet<usize> = [0, 1, 2].into();
        assert_eq!(shortest_cycle(0, &edges, &members, 5), vec![0, 1, 2, 0]);
        let me: HashSet<usize> = [3].into();
        assert_eq!(shortest_cycle(3, &edges, &me, 5), vec![3, 3]);
    }
}
