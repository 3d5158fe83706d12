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
//!
//! # How it is computed
//!
//! An actor not yet decided sets off no rule, so each decision reads only
//! actors decided before it. Each actor keeps a count of the rules that hold
//! against it ("blockers"); when an actor comes or leaves, only the counts of
//! the later actors that read it change, and only those whose count reaches
//! or leaves zero are decided again. Removing a let-down actor, or changing
//! one invitation in a search ([`Sweep`]), costs what it reaches, not a new
//! pass over everyone. Why an actor is absent is worked out once, at the end.
//! A test checks every answer against the plain reading above.

use std::collections::BTreeMap;

use crate::model::{RuleKind, Scenario};

/// Whether condition `id` is true: as `set` gives it, else as the scenario
/// does; an unknown condition is false (validation reports it).
pub fn condition_holds(scenario: &Scenario, id: &str, set: &BTreeMap<String, bool>) -> bool {
    set.get(id)
        .copied()
        .unwrap_or_else(|| scenario.condition(id).is_some_and(|c| c.default))
}

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

/// Reusable buffers, so a search over a million lists does not allocate.
#[derive(Clone, Debug, Default)]
struct Scratch {
    /// Per actor: attends, as decided so far.
    attends: Vec<bool>,
    /// Per actor: how many of the rules read when it is decided hold against
    /// it (its own rules that apply, objectors who attend). It may attend
    /// only at zero.
    blockers: Vec<u32>,
    /// For an actor removed after being let down: the rule and its partner.
    let_down: Vec<Option<(usize, usize)>>,
    /// By position in the order: to be decided again.
    dirty: Bits,
    /// By index into the engine's `conditions`: the actor attends, its partner does not.
    let_down_now: Bits,
}

impl Scratch {
    /// Whether actor `x` attends, given its blockers.
    fn may_attend(&self, x: usize, invited: &[bool]) -> bool {
        invited.get(x).copied().unwrap_or(false)
            && self.let_down[x].is_none()
            && self.blockers[x] == 0
    }

    /// Becomes a copy of `other`, reusing its own buffers.
    fn copy_from(&mut self, other: &Self) {
        self.attends.clone_from(&other.attends);
        self.blockers.clone_from(&other.blockers);
        self.let_down.clone_from(&other.let_down);
        self.dirty.0.clone_from(&other.dirty.0);
        self.let_down_now.0.clone_from(&other.let_down_now.0);
    }
}

/// Evaluates one invitation list after another, for searches: when the next
/// list differs in a few actors, only what those changes reach is decided
/// again. The answers are [`Engine::evaluate`]'s.
#[derive(Clone, Debug)]
pub struct Sweep<'a> {
    engine: &'a Engine,
    invited: Vec<bool>,
    /// The first pass for `invited`, before anyone is let down.
    first: Scratch,
    work: Scratch,
}

impl<'a> Sweep<'a> {
    /// Starts at `invited` (missing entries are not invited).
    pub fn new(engine: &'a Engine, invited: &[bool]) -> Self {
        let mut invited = invited.to_vec();
        invited.resize(engine.actor_count, false);
        let mut first = Scratch::default();
        engine.first_pass(&invited, &mut first);
        Self {
            engine,
            invited,
            work: first.clone(),
            first,
        }
    }

    /// Invites `actor` or takes its invitation back.
    pub fn set_invited(&mut self, actor: usize, invited: bool) {
        let Some(slot) = self.invited.get_mut(actor) else {
            return;
        };
        if *slot != invited {
            *slot = invited;
            self.engine
                .decide_again_from(actor, &self.invited, &mut self.first);
        }
    }

    /// Who attends with the current list: one flag per actor, into `attending`.
    pub fn attending_into(&mut self, attending: &mut Vec<bool>) {
        self.work.copy_from(&self.first);
        self.engine.settle(&self.invited, &mut self.work);
        attending.clone_from(&self.work.attends);
    }
}

/// A set of small numbers, for finding the first member fast.
#[derive(Clone, Debug, Default)]
struct Bits(Vec<u64>);

impl Bits {
    fn reset(&mut self, len: usize) {
        self.0.clear();
        self.0.resize(len.div_ceil(64), 0);
    }

    fn put(&mut self, i: usize, member: bool) {
        let bit = 1 << (i % 64);
        if member {
            self.0[i / 64] |= bit;
        } else {
            self.0[i / 64] &= !bit;
        }
    }

    /// The first member at or after `from`.
    fn first_from(&self, from: usize) -> Option<usize> {
        let mut word = from / 64;
        let mut bits = *self.0.get(word)? & (u64::MAX << (from % 64));
        loop {
            if bits != 0 {
                return Some(word * 64 + bits.trailing_zeros() as usize);
            }
            word += 1;
            bits = *self.0.get(word)?;
        }
    }
}

/// The rules of one scenario, compiled for fast evaluation.
///
/// Actors are decided one at a time in `order`, and an actor not yet decided
/// sets off no rule. So each decision reads only actors decided before it,
/// and when one actor's state changes, only the later actors that read it
/// are decided again.
#[derive(Clone, Debug)]
pub struct Engine {
    actor_count: usize,
    /// Evaluation order: dependencies first, the hosts' order inside a cycle.
    order: Vec<usize>,
    /// Per actor: its place in `order`.
    position: Vec<usize>,
    /// Per actor: where its component starts in `order`. A let-down actor is
    /// looked for from there on; earlier components do not depend on it.
    component_start: Vec<usize>,
    /// The cycle (strongly connected component) each actor belongs to, and
    /// whether that component really is a cycle.
    component: Vec<usize>,
    cyclic: Vec<bool>,
    /// Per actor: its own rules that name an actor decided before it, as
    /// (rule index, kind, other actor). Rules naming a later actor never apply
    /// while it is decided.
    own_rules: Vec<Vec<(usize, RuleKind, usize)>>,
    /// Per actor: `will_not_attend_if` rules that name it, set by an actor
    /// decided before it, as (rule index, objector).
    objectors: Vec<Vec<(usize, usize)>>,
    /// Per actor: the rules of later actors that read its state, as (later
    /// actor, whether the rule holds against it when this actor attends).
    /// One entry per rule.
    dependents: Vec<Vec<(usize, bool)>>,
    /// Per actor: the entries of `conditions` it is the actor or the partner of.
    conditions_of: Vec<Vec<usize>>,
    /// Every `attends_only_if` rule as (actor, rule index, partner), by the
    /// actor's place in `order`, then in the actor's own rule order.
    conditions: Vec<(usize, usize, usize)>,
    /// Per position in `order` (and one past the end): the first entry of
    /// `conditions` whose actor is at or after it.
    conditions_from: Vec<usize>,
}

impl Engine {
    /// Compiles the scenario's conference rules, each condition as the
    /// scenario gives it. Rules that name unknown actors are skipped
    /// (validation reports them).
    pub fn new(scenario: &Scenario) -> Self {
        Self::with_conditions(scenario, &BTreeMap::new())
    }

    /// Compiles the scenario's conference rules with the conditions in
    /// `conditions` set as given there (the rest as the scenario gives
    /// them). A rule does not hold while its `unless` condition is true.
    pub fn with_conditions(scenario: &Scenario, conditions: &BTreeMap<String, bool>) -> Self {
        let n = scenario.actors.len();
        // (rule index, kind, actor, other), in the file's order.
        let mut rules = Vec::new();
        let indices = scenario.actor_indices();
        if let Some(conference) = &scenario.conference {
            for (r, rule) in conference.rules.iter().enumerate() {
                if rule
                    .unless
                    .as_deref()
                    .is_some_and(|c| condition_holds(scenario, c, conditions))
                {
                    continue;
                }
                let (Some(&x), Some(&y)) = (
                    indices.get(rule.actor.as_str()),
                    indices.get(rule.other.as_str()),
                ) else {
                    continue;
                };
                if x != y {
                    rules.push((r, rule.kind, x, y));
                }
            }
        }
        let mut successors = vec![Vec::new(); n];
        for &(_, _, x, y) in &rules {
            successors[x].push(y);
        }
        let priority = priority_order(scenario);
        let mut priority_rank = vec![0; n];
        for (rank, &actor) in priority.iter().enumerate() {
            priority_rank[actor] = rank;
        }
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
        let mut position = vec![0; n];
        for (p, &actor) in order.iter().enumerate() {
            position[actor] = p;
        }

        let mut own_rules = vec![Vec::new(); n];
        let mut objectors = vec![Vec::new(); n];
        let mut dependents = vec![Vec::new(); n];
        let mut conditions: Vec<(usize, usize, usize)> = rules
            .iter()
            .filter(|&&(_, kind, _, _)| kind == RuleKind::AttendsOnlyIf)
            .map(|&(rule, _, x, y)| (x, rule, y))
            .collect();
        // Stable: an actor's own conditions keep the file's order.
        conditions.sort_by_key(|&(x, _, _)| position[x]);
        let conditions_from = (0..=n)
            .map(|p| conditions.partition_point(|&(x, _, _)| position[x] < p))
            .collect();
        let mut conditions_of = vec![Vec::new(); n];
        for (c, &(x, _, y)) in conditions.iter().enumerate() {
            conditions_of[x].push(c);
            conditions_of[y].push(c);
        }
        for &(rule, kind, x, y) in &rules {
            if position[y] < position[x] {
                own_rules[x].push((rule, kind, y));
                dependents[y].push((x, kind == RuleKind::WillNotAttendIf));
            } else if kind == RuleKind::WillNotAttendIf {
                objectors[y].push((rule, x));
                dependents[x].push((y, true));
            }
        }
        Self {
            actor_count: n,
            order,
            position,
            component_start,
            component,
            cyclic,
            own_rules,
            objectors,
            dependents,
            conditions_of,
            conditions,
            conditions_from,
        }
    }

    /// The number of actors the engine was built for.
    pub fn actor_count(&self) -> usize {
        self.actor_count
    }

    /// Who attends when exactly the actors marked in `invited` are invited.
    pub fn evaluate(&self, invited: &[bool]) -> Outcome {
        let mut scratch = Scratch::default();
        self.first_pass(invited, &mut scratch);
        self.settle(invited, &mut scratch);
        let mut outcome = Outcome {
            attending: scratch.attends.clone(),
            absent: Vec::new(),
            conflicts: Vec::new(),
        };
        for actor in 0..self.actor_count {
            let Some(absence) = self.why_absent(actor, invited, &scratch) else {
                continue;
            };
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
        outcome
    }

    /// Decides every actor in order, nobody let down yet.
    fn first_pass(&self, invited: &[bool], scratch: &mut Scratch) {
        let n = self.actor_count;
        scratch.attends.clear();
        scratch.attends.resize(n, false);
        scratch.blockers.clear();
        scratch.blockers.resize(n, 0);
        scratch.let_down.clear();
        scratch.let_down.resize(n, None);
        scratch.dirty.reset(n);
        scratch.let_down_now.reset(self.conditions.len());
        for &x in &self.order {
            let attends = &scratch.attends;
            let own = self.own_rules[x]
                .iter()
                .filter(|&&(_, kind, y)| applies(kind, attends[y]))
                .count();
            let objecting = self.objectors[x]
                .iter()
                .filter(|&&(_, objector)| attends[objector])
                .count();
            scratch.blockers[x] = u32::try_from(own + objecting).unwrap_or(u32::MAX);
            scratch.attends[x] = scratch.may_attend(x, invited);
        }
        for c in 0..self.conditions.len() {
            self.check_condition(c, scratch);
        }
    }

    /// After a first pass: removes let-down actors until none is left.
    fn settle(&self, invited: &[bool], scratch: &mut Scratch) {
        // Each round removes one more let-down actor (the first in the order)
        // and decides again the actors that depend on it, so at most n rounds.
        let mut from = 0;
        for _ in 0..self.actor_count {
            let Some(c) = scratch.let_down_now.first_from(self.conditions_from[from]) else {
                break;
            };
            let (x, rule, y) = self.conditions[c];
            scratch.let_down[x] = Some((rule, y));
            from = self.component_start[x];
            self.decide_again_from(x, invited, scratch);
        }
    }

    /// Decides `changed` again, then, in order, every later actor whose
    /// decision reads an actor that came or left.
    fn decide_again_from(&self, changed: usize, invited: &[bool], scratch: &mut Scratch) {
        scratch.dirty.put(self.position[changed], true);
        while let Some(p) = scratch.dirty.first_from(0) {
            scratch.dirty.put(p, false);
            let x = self.order[p];
            let attends = scratch.may_attend(x, invited);
            if attends == scratch.attends[x] {
                continue;
            }
            scratch.attends[x] = attends;
            for &(d, holds_if_attends) in &self.dependents[x] {
                let blockers = &mut scratch.blockers[d];
                let before = *blockers;
                if holds_if_attends == attends {
                    *blockers += 1;
                } else {
                    *blockers -= 1;
                }
                if (before == 0) != (*blockers == 0) {
                    scratch.dirty.put(self.position[d], true);
                }
            }
            for &c in &self.conditions_of[x] {
                self.check_condition(c, scratch);
            }
        }
    }

    /// Whether condition `c`'s actor attends while its partner does not.
    fn check_condition(&self, c: usize, scratch: &mut Scratch) {
        let (x, _, y) = self.conditions[c];
        let let_down = scratch.attends[x] && !scratch.attends[y];
        scratch.let_down_now.put(c, let_down);
    }

    /// Why actor `x` is absent once everyone is decided, or `None` if it
    /// attends. Only actors decided before `x` are read, so their final
    /// states are the ones `x` was decided by.
    fn why_absent(&self, x: usize, invited: &[bool], scratch: &Scratch) -> Option<Absence> {
        let attends = &scratch.attends;
        if !invited.get(x).copied().unwrap_or(false) {
            return Some(Absence::NotInvited);
        }
        if let Some((rule, trigger)) = scratch.let_down[x] {
            // A let-down actor whose partner came after all is a paradox.
            return Some(if attends[trigger] {
                Absence::Paradox { rule, trigger }
            } else {
                Absence::Rule { rule, trigger }
            });
        }
        let own = self.own_rules[x]
            .iter()
            .find(|&&(_, kind, y)| applies(kind, attends[y]))
            .map(|&(rule, _, trigger)| Absence::Rule { rule, trigger });
        own.or_else(|| {
            self.objectors[x]
                .iter()
                .find(|&&(_, objector)| attends[objector])
                .map(|&(rule, trigger)| Absence::Priority { rule, trigger })
        })
    }
}

/// Whether a rule of `kind` holds against its actor, given whether the other
/// actor (decided earlier) attends.
fn applies(kind: RuleKind, other_attends: bool) -> bool {
    match kind {
        RuleKind::WillNotAttendIf => other_attends,
        RuleKind::AttendsOnlyIf => !other_attends,
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
        let indices = scenario.actor_indices();
        for id in conference.hosts.iter().chain(&conference.invited) {
            if let Some(&i) = indices.get(id.as_str()) {
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
mod tests;
