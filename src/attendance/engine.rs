//! The attendance engine.
//!
//! # Semantics
//!
//! Each rule is a condition an actor sets on its own attendance:
//! - `will_not_attend_if` (X, Y): X stays away if Y attends;
//! - `attends_only_if` (X, Y): X stays away unless Y attends.
//!
//! An actor that sets a condition is decided after the actors its condition
//! names, so the answer follows the chain: if Iran is invited it attends (it set
//! no condition), and Saudi Arabia, which will not sit with Iran, stays away.
//!
//! Conditions can form cycles: two actors that will not sit with each other, or
//! X attends only if Y attends while Y will not attend if X attends. Inside a
//! cycle the **hosts' priority order** settles it: the hosts first, then the
//! conference's invitation list in its order, then every other actor in file
//! order. Actors earlier in that order are decided first; a later actor whose
//! attendance would break an earlier one's condition stays away. An actor that
//! attended only on the hope that someone later in its cycle would come, and
//! was let down, is removed and the cycle decided again; if that removal
//! would have let its partner come after all (a paradox with no consistent
//! answer), it stays away and the paradox is reported. Every such settlement
//! is reported as a [`Conflict`].
//!
//! The engine always terminates (each re-run removes one more actor, so at
//! most one run per actor plus one) and is deterministic (no hashing, no
//! randomness). The actors who attend always satisfy every condition they set.

use crate::model::{RuleKind, Scenario};

/// Why an invited-or-not actor is absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Absence {
    /// Not on the invitation list.
    NotInvited,
    /// Its own rule `rule` applies because of `trigger`: it will not attend if
    /// `trigger` attends (and `trigger` does), or attends only if `trigger`
    /// attends (and `trigger` does not).
    Rule { rule: usize, trigger: usize },
    /// `trigger`'s rule `rule` says `trigger` will not attend if this actor
    /// attends; `trigger` comes first in the hosts' order, so this actor stays away.
    Priority { rule: usize, trigger: usize },
    /// Its rule `rule` says it attends only if `trigger` attends; `trigger`
    /// attends only when it is absent. No answer satisfies both, so it stays away.
    Paradox { rule: usize, trigger: usize },
}

impl Absence {
    /// The rule behind the absence, if any.
    pub fn rule(self) -> Option<usize> {
        match self {
            Self::NotInvited => None,
            Self::Rule { rule, .. } | Self::Priority { rule, .. } | Self::Paradox { rule, .. } => {
                Some(rule)
            }
        }
    }

    /// The actor whose attendance (or absence) triggered it, if any.
    pub fn trigger(self) -> Option<usize> {
        match self {
            Self::NotInvited => None,
            Self::Rule { trigger, .. }
            | Self::Priority { trigger, .. }
            | Self::Paradox { trigger, .. } => Some(trigger),
        }
    }
}

/// A cycle of conditions the hosts' order had to settle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The actor who stays away because of the settlement.
    pub absent: usize,
    /// The actor it was settled in favour of.
    pub kept: usize,
    pub rule: usize,
    pub absence: Absence,
}

/// Who attends, and why everyone else does not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// One entry per actor, in the scenario's order.
    pub attending: Vec<bool>,
    /// Every absent actor (invited or not) with its reason, in actor order.
    pub absent: Vec<(usize, Absence)>,
    pub conflicts: Vec<Conflict>,
}

impl Outcome {
    pub fn attending_count(&self) -> usize {
        self.attending.iter().filter(|a| **a).count()
    }

    /// The reason actor `index` is absent, if it is.
    pub fn absence(&self, index: usize) -> Option<Absence> {
        self.absent
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, a)| *a)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Undecided,
    Attending,
    Absent(Absence),
}

/// Reusable buffers, so a search over a million lists does not allocate.
#[derive(Clone, Debug, Default)]
pub struct Scratch {
    states: Vec<State>,
    /// For an actor removed after being let down: the rule and its partner.
    let_down: Vec<Option<(usize, usize)>>,
}

/// The rules of one scenario, compiled for fast evaluation.
#[derive(Clone, Debug)]
pub struct Engine {
    actor_count: usize,
    /// Evaluation order: dependencies first, the hosts' order inside a cycle.
    order: Vec<usize>,
    /// Per actor: where its component starts in `order`. A removal re-decides
    /// from there on; earlier components do not depend on it.
    component_start: Vec<usize>,
    /// The cycle (strongly connected component) each actor belongs to, and
    /// whether that component really is a cycle.
    component: Vec<usize>,
    cyclic: Vec<bool>,
    /// Per actor: its own rules as (rule index, kind, other actor).
    own_rules: Vec<Vec<(usize, RuleKind, usize)>>,
    /// Per actor: `will_not_attend_if` rules that name it, as (rule index, objector).
    objectors: Vec<Vec<(usize, usize)>>,
}

impl Engine {
    /// Compiles the scenario's conference rules. Rules that name unknown
    /// actors are skipped (validation reports them).
    pub fn new(scenario: &Scenario) -> Self {
        let n = scenario.actors.len();
        let mut own_rules = vec![Vec::new(); n];
        let mut objectors = vec![Vec::new(); n];
        if let Some(conference) = &scenario.conference {
            for (r, rule) in conference.rules.iter().enumerate() {
                let (Some(x), Some(y)) = (
                    scenario.actor_index(&rule.actor),
                    scenario.actor_index(&rule.other),
                ) else {
                    continue;
                };
                if x == y {
                    continue;
                }
                own_rules[x].push((r, rule.kind, y));
                if rule.kind == RuleKind::WillNotAttendIf {
                    objectors[y].push((r, x));
                }
            }
        }
        let priority = priority_order(scenario);
        let mut priority_rank = vec![0; n];
        for (rank, &actor) in priority.iter().enumerate() {
            priority_rank[actor] = rank;
        }
        let successors: Vec<Vec<usize>> = own_rules
            .iter()
            .map(|rules| rules.iter().map(|&(_, _, y)| y).collect())
            .collect();
        let components = strongly_connected_components(&successors);
        let mut component = vec![0; n];
        let mut cyclic = Vec::with_capacity(components.len());
        let mut order = Vec::with_capacity(n);
        let mut component_start = vec![0; n];
        for (c, members) in components.iter().enumerate() {
            for &m in members {
                component[m] = c;
                component_start[m] = order.len();
            }
            cyclic.push(members.len() > 1);
            let mut sorted = members.clone();
            sorted.sort_by_key(|&m| priority_rank[m]);
            order.extend(sorted);
        }
        Self {
            actor_count: n,
            order,
            component_start,
            component,
            cyclic,
            own_rules,
            objectors,
        }
    }

    /// The number of actors the engine was built for.
    pub fn actor_count(&self) -> usize {
        self.actor_count
    }

    /// Who attends when exactly the actors marked in `invited` are invited.
    pub fn evaluate(&self, invited: &[bool]) -> Outcome {
        let mut scratch = Scratch::default();
        self.run(invited, &mut scratch);
        let mut outcome = Outcome {
            attending: vec![false; self.actor_count],
            absent: Vec::new(),
            conflicts: Vec::new(),
        };
        for (actor, state) in scratch.states.iter().enumerate() {
            match *state {
                State::Attending => outcome.attending[actor] = true,
                State::Absent(absence) => {
                    outcome.absent.push((actor, absence));
                    let settled_by_order = match absence {
                        Absence::NotInvited => false,
                        Absence::Priority { .. } | Absence::Paradox { .. } => true,
                        Absence::Rule { trigger, .. } => {
                            self.component[actor] == self.component[trigger]
                                && self.cyclic[self.component[actor]]
                        }
                    };
                    if let (true, Some(rule), Some(kept)) =
                        (settled_by_order, absence.rule(), absence.trigger())
                    {
                        outcome.conflicts.push(Conflict {
                            absent: actor,
                            kept,
                            rule,
                            absence,
                        });
                    }
                }
                State::Undecided => {}
            }
        }
        outcome
    }

    /// The attending flags only, into `attending`, reusing `scratch`. For searches.
    pub fn attending_into(
        &self,
        invited: &[bool],
        scratch: &mut Scratch,
        attending: &mut Vec<bool>,
    ) {
        self.run(invited, scratch);
        attending.clear();
        attending.extend(scratch.states.iter().map(|s| *s == State::Attending));
    }

    fn run(&self, invited: &[bool], scratch: &mut Scratch) {
        let n = self.actor_count;
        scratch.let_down.clear();
        scratch.let_down.resize(n, None);
        scratch.states.clear();
        scratch.states.resize(n, State::Undecided);
        // Each pass either settles or removes one more let-down actor, and the
        // next pass re-decides only from that actor's component on.
        let mut from = 0;
        for _ in 0..=n {
            self.pass(invited, scratch, from);
            let removed = self.order[from..].iter().find_map(|&x| {
                if scratch.states[x] != State::Attending {
                    return None;
                }
                self.own_rules[x].iter().find_map(|&(rule, kind, y)| {
                    (kind == RuleKind::AttendsOnlyIf && scratch.states[y] != State::Attending)
                        .then_some((x, rule, y))
                })
            });
            let Some((x, rule, y)) = removed else {
                break;
            };
            scratch.let_down[x] = Some((rule, y));
            from = self.component_start[x];
        }
        // A let-down actor whose partner came after all is a paradox.
        for x in 0..n {
            if let (Some((rule, y)), State::Absent(Absence::Rule { .. })) =
                (scratch.let_down[x], scratch.states[x])
            {
                let absence = if scratch.states[y] == State::Attending {
                    Absence::Paradox { rule, trigger: y }
                } else {
                    Absence::Rule { rule, trigger: y }
                };
                scratch.states[x] = State::Absent(absence);
            }
        }
    }

    /// Decides every actor from position `from` of the order on.
    fn pass(&self, invited: &[bool], scratch: &mut Scratch, from: usize) {
        let states = &mut scratch.states;
        for &x in &self.order[from..] {
            states[x] = State::Undecided;
        }
        for &x in &self.order[from..] {
            states[x] = if !invited.get(x).copied().unwrap_or(false) {
                State::Absent(Absence::NotInvited)
            } else if let Some((rule, trigger)) = scratch.let_down[x] {
                State::Absent(Absence::Rule { rule, trigger })
            } else {
                self.decide(x, states)
            };
        }
    }

    fn decide(&self, x: usize, states: &[State]) -> State {
        for &(rule, kind, y) in &self.own_rules[x] {
            let applies = match kind {
                RuleKind::WillNotAttendIf => states[y] == State::Attending,
                RuleKind::AttendsOnlyIf => matches!(states[y], State::Absent(_)),
            };
            if applies {
                return State::Absent(Absence::Rule { rule, trigger: y });
            }
        }
        for &(rule, objector) in &self.objectors[x] {
            if states[objector] == State::Attending {
                return State::Absent(Absence::Priority {
                    rule,
                    trigger: objector,
                });
            }
        }
        State::Attending
    }
}

/// The hosts' priority order: hosts, then the invitation list, then the rest in file order.
pub fn priority_order(scenario: &Scenario) -> Vec<usize> {
    let mut order = Vec::with_capacity(scenario.actors.len());
    let mut placed = vec![false; scenario.actors.len()];
    let mut place = |i: usize, order: &mut Vec<usize>| {
        if !placed[i] {
            placed[i] = true;
            order.push(i);
        }
    };
    if let Some(conference) = &scenario.conference {
        for id in conference.hosts.iter().chain(&conference.invited) {
            if let Some(i) = scenario.actor_index(id) {
                place(i, &mut order);
            }
        }
    }
    for i in 0..scenario.actors.len() {
        place(i, &mut order);
    }
    order
}

/// Tarjan's algorithm, iterative. Components come out dependencies first:
/// a component is listed after every component it can reach.
fn strongly_connected_components(successors: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = successors.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut components = Vec::new();
    let mut next = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        // (node, next successor to visit)
        let mut work = vec![(root, 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut child)) = work.last_mut() {
            if let Some(&w) = successors[v].get(*child) {
                *child += 1;
                if index[w] == usize::MAX {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                work.pop();
                if let Some(&(parent, _)) = work.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    let mut component = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        component.push(w);
                        if w == v {
                            break;
                        }
                    }
                    component.sort_unstable();
                    components.push(component);
                }
            }
        }
    }
    components
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, AttendanceRule, Conference};

    /// A scenario with actors A, B, C, … (in that priority order) and the given rules.
    fn scenario(actors: usize, rules: &[(RuleKind, usize, usize)]) -> Scenario {
        let id = |i: usize| char::from(b'A' + i as u8).to_string();
        Scenario {
            actors: (0..actors)
                .map(|i| Actor {
                    id: id(i),
                    name: id(i),
                    ..Actor::default()
                })
                .collect(),
            conference: Some(Conference {
                invited: (0..actors).map(id).collect(),
                rules: rules
                    .iter()
                    .map(|&(kind, x, y)| AttendanceRule {
                        kind,
                        actor: id(x),
                        other: id(y),
                        source: "s".into(),
                        note: String::new(),
                    })
                    .collect(),
                ..Conference::default()
            }),
            ..Scenario::default()
        }
    }

    use RuleKind::{AttendsOnlyIf as Only, WillNotAttendIf as Not};

    #[test]
    fn an_objector_stays_away_when_the_actor_it_objects_to_attends() {
        let engine = Engine::new(&scenario(2, &[(Not, 0, 1)]));
        let out = engine.evaluate(&[true, true]);
        assert_eq!(out.attending, vec![false, true]);
        assert_eq!(
            out.absence(0),
            Some(Absence::Rule {
                rule: 0,
                trigger: 1
            })
        );
        assert!(out.conflicts.is_empty());
        let out = engine.evaluate(&[true, false]);
        assert_eq!(out.attending, vec![true, false]);
        assert_eq!(out.absence(1), Some(Absence::NotInvited));
    }

    #[test]
    fn a_chain_is_followed_to_its_end() {
        // A stays away if B attends; B attends only if C attends; C is not invited.
        let engine = Engine::new(&scenario(3, &[(Not, 0, 1), (Only, 1, 2)]));
        let out = engine.evaluate(&[true, true, false]);
        assert_eq!(out.attending, vec![true, false, false]);
        assert_eq!(
            out.absence(1),
            Some(Absence::Rule {
                rule: 1,
                trigger: 2
            })
        );
        // With C invited, B comes and A stays away.
        let out = engine.evaluate(&[true, true, true]);
        assert_eq!(out.attending, vec![false, true, true]);
    }

    #[test]
    fn a_mutual_exclusion_is_settled_by_the_hosts_order_and_reported() {
        let engine = Engine::new(&scenario(2, &[(Not, 1, 0), (Not, 0, 1)]));
        let out = engine.evaluate(&[true, true]);
        assert_eq!(
            out.attending,
            vec![true, false],
            "A comes first in the order"
        );
        assert_eq!(out.conflicts.len(), 1);
        assert_eq!((out.conflicts[0].absent, out.conflicts[0].kept), (1, 0));
    }

    #[test]
    fn a_one_sided_cycle_keeps_the_earlier_actor() {
        // A will not come if B does; B comes only if A does.
        let engine = Engine::new(&scenario(2, &[(Not, 0, 1), (Only, 1, 0)]));
        let out = engine.evaluate(&[true, true]);
        assert_eq!(out.attending, vec![true, false]);
        assert_eq!(
            out.absence(1),
            Some(Absence::Priority {
                rule: 0,
                trigger: 0
            })
        );
        assert_eq!(out.conflicts.len(), 1);
    }

    #[test]
    fn a_paradox_is_reported_not_looped_on() {
        // A attends only if B attends; B will not attend if A attends.
        let engine = Engine::new(&scenario(2, &[(Only, 0, 1), (Not, 1, 0)]));
        let out = engine.evaluate(&[true, true]);
        assert_eq!(out.attending, vec![false, true]);
        assert_eq!(
            out.absence(0),
            Some(Absence::Paradox {
                rule: 0,
                trigger: 1
            })
        );
        assert_eq!(out.conflicts.len(), 1);
    }

    #[test]
    fn mutual_dependence_lets_both_come_or_neither() {
        let engine = Engine::new(&scenario(2, &[(Only, 0, 1), (Only, 1, 0)]));
        assert_eq!(engine.evaluate(&[true, true]).attending, vec![true, true]);
        let out = engine.evaluate(&[true, false]);
        assert_eq!(out.attending, vec![false, false]);
        assert_eq!(
            out.absence(0),
            Some(Absence::Rule {
                rule: 0,
                trigger: 1
            })
        );
    }

    #[test]
    fn components_come_out_dependencies_first() {
        // 0 -> 1 -> 2, and 3 <-> 4.
        let components =
            strongly_connected_components(&[vec![1], vec![2], vec![], vec![4], vec![3]]);
        let position = |x: usize| {
            components
                .iter()
                .position(|c| c.contains(&x))
                .expect("listed")
        };
        assert!(position(2) < position(1) && position(1) < position(0));
        assert_eq!(components[position(3)], vec![3, 4]);
    }
}
