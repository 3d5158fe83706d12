//! Conditional positions: which member takes which position once every
//! member's rules (`Vote::rules`) are settled.
//!
//! # Semantics
//!
//! A rule (M, P, O, Q) says M takes P while O takes Q; while no rule of M
//! holds, M keeps its listed position. A member whose position is set (by a
//! what-if or by hand) keeps it, and its rules are not read. A rule `unless`
//! a condition that is true does not hold.
//!
//! As attendance does, each member is decided after the members its rules
//! read, so the answer follows the chain. Rules can form cycles (M waits for
//! O and O for M): inside a cycle the **order of the vote's `rules` list**
//! settles it: the member whose first rule comes first is decided first and
//! reads the others as listed. Every such settlement is reported, with
//! whether the member's rule still agrees with the final positions (when it
//! does not, no answer satisfies every rule, and the one decided first keeps
//! its position).
//!
//! Each member is decided once, so it always terminates; the order depends
//! on the rules list and the positions, never on the order of `members`, and
//! there is no hashing or randomness, so the answer is deterministic.

use std::collections::BTreeMap;

use crate::decide::engine::condition_holds;
use crate::model::{Position, Scenario, Vote};

/// Why a member has its position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// As the file lists it.
    Listed,
    /// Set by a what-if or by hand.
    Set,
    /// Its rule `rule` (an index into `Vote::rules`) holds.
    Rule { rule: usize },
}

/// A member decided before members its rules read (a cycle), by member
/// index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settlement {
    pub member: usize,
    /// The members it read as listed, because they were not yet decided.
    pub read_early: Vec<usize>,
    /// Whether its position still follows from its rules and the final
    /// positions. When not, no answer satisfies every rule.
    pub consistent: bool,
}

/// Positions after the rules, why each, and the cycles settled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settled {
    pub positions: Vec<Position>,
    pub causes: Vec<Cause>,
    pub settlements: Vec<Settlement>,
}

/// Settles `vote`'s positions: `set` (member id to position) first, then
/// the rules, with `conditions` overriding the scenario's defaults.
pub fn settle(
    scenario: &Scenario,
    vote: &Vote,
    set: &BTreeMap<String, Position>,
    conditions: &BTreeMap<String, bool>,
) -> Settled {
    let members = &vote.members;
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, m) in members.iter().enumerate() {
        index.entry(m.id.as_str()).or_insert(i);
    }
    let mut positions: Vec<Position> = Vec::with_capacity(members.len());
    let mut causes: Vec<Cause> = Vec::with_capacity(members.len());
    for m in members {
        if let Some(&p) = set.get(&m.id) {
            positions.push(p);
            causes.push(Cause::Set);
        } else {
            positions.push(m.position);
            causes.push(Cause::Listed);
        }
    }
    // The rules that can hold, per member, in the list's order, each with
    // the member it reads.
    let mut rules_of: Vec<Vec<(usize, usize)>> = vec![Vec::new(); members.len()];
    for (r, rule) in vote.rules.iter().enumerate() {
        let (Some(&m), Some(&o)) = (
            index.get(rule.member.as_str()),
            index.get(rule.other.as_str()),
        ) else {
            continue; // validation reports it
        };
        let excused = rule
            .unless
            .as_deref()
            .is_some_and(|c| condition_holds(scenario, c, conditions));
        if m != o && causes[m] != Cause::Set && !excused {
            rules_of[m].push((r, o));
        }
    }
    // Members with rules, in the order of their first rule.
    let mut ruled: Vec<usize> = (0..members.len())
        .filter(|&m| !rules_of[m].is_empty())
        .collect();
    ruled.sort_by_key(|&m| rules_of[m][0].0);
    let mut decided = vec![true; members.len()];
    for &m in &ruled {
        decided[m] = false;
    }
    let decide = |m: usize, positions: &[Position]| -> (Position, Cause) {
        rules_of[m]
            .iter()
            .find(|&&(r, o)| positions[o] == vote.rules[r].is)
            .map_or((members[m].position, Cause::Listed), |&(r, _)| {
                (vote.rules[r].position, Cause::Rule { rule: r })
            })
    };
    let mut early: Vec<(usize, Vec<usize>)> = Vec::new();
    for _ in 0..ruled.len() {
        let undecided = || ruled.iter().copied().filter(|&m| !decided[m]);
        let ready = undecided().find(|&m| rules_of[m].iter().all(|&(_, o)| decided[o]));
        let Some(m) = ready.or_else(|| undecided().next()) else {
            break;
        };
        let mut read: Vec<usize> = rules_of[m]
            .iter()
            .map(|&(_, o)| o)
            .filter(|&o| !decided[o])
            .collect();
        read.sort_unstable();
        read.dedup();
        if !read.is_empty() {
            early.push((m, read));
        }
        (positions[m], causes[m]) = decide(m, &positions);
        decided[m] = true;
    }
    let settlements = early
        .into_iter()
        .map(|(member, read_early)| Settlement {
            member,
            consistent: decide(member, &positions).0 == positions[member],
            read_early,
        })
        .collect();
    Settled {
        positions,
        causes,
        settlements,
    }
}
