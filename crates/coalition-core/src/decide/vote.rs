//! How a vote comes out: the tally, the threshold, the vetoes, and the
//! reason in words.
//!
//! # Semantics
//!
//! - Members who are absent are not present; those who abstain are present
//!   but not voting.
//! - The votes needed: a `count`; or at least a `share` of the members
//!   counted (present, voting, or every member), rounded up; or a
//!   `majority`, more than half of them. At least one vote is always needed.
//! - A veto holder who votes against blocks the decision whatever the count;
//!   one who abstains or is absent does not.
//! - Adopted when the votes in favour reach the votes needed and no veto
//!   holder votes against.
//! - Each member's position is first settled: set by a what-if or by hand,
//!   else by its conditional positions (`rules`), else as listed
//!   ([`rules`] says how cycles are settled).
//!
//! The answer depends on each member's position, never on the order the
//! file lists the members in (a property test checks this); the reason
//! names the vetoing members in the file's order.

use std::collections::BTreeMap;

use crate::model::{Counted, Position, Scenario, Threshold, Vote};

pub mod rules;

pub use rules::{Cause, Settlement};

/// The count of a vote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub in_favour: usize,
    pub against: usize,
    pub abstaining: usize,
    pub absent: usize,
    /// Votes in favour needed to pass.
    pub needed: usize,
}

/// A vote as counted: each member's position (with the changes applied),
/// the tally, the outcome and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteResult {
    /// Per member, in the file's order.
    pub positions: Vec<Position>,
    /// Per member: whether its position differs from the file's.
    pub changed: Vec<bool>,
    /// Per member: why it has its position.
    pub causes: Vec<Cause>,
    /// Cycles among the members' rules, and how each was settled.
    pub settlements: Vec<Settlement>,
    pub tally: Tally,
    /// Veto holders voting against, by member index, in the file's order.
    pub vetoed_by: Vec<usize>,
    pub adopted: bool,
    /// "fails: Russia, a veto holder, votes against".
    pub reason: String,
}

/// A member's name: its actor's, else the one the vote gives.
pub fn member_name<'a>(scenario: &'a Scenario, vote: &'a Vote, member: usize) -> &'a str {
    let Some(m) = vote.members.get(member) else {
        return "?";
    };
    scenario
        .actor(&m.id)
        .map_or(m.name.as_str(), |a| a.name.as_str())
}

/// Counts `vote` with each member of `set` (by id) taking the position given
/// there instead of its own, the others settled by their rules with
/// `conditions` set as given (the rest as the scenario gives them). Ids that
/// are not members are ignored (validation and the command line report
/// them).
pub fn count_vote(
    scenario: &Scenario,
    vote: &Vote,
    set: &BTreeMap<String, Position>,
    conditions: &BTreeMap<String, bool>,
) -> VoteResult {
    let rules::Settled {
        positions,
        causes,
        settlements,
    } = rules::settle(scenario, vote, set, conditions);
    let changed = vote
        .members
        .iter()
        .zip(&positions)
        .map(|(m, p)| *p != m.position)
        .collect();
    let of = |p: Position| positions.iter().filter(|&&q| q == p).count();
    let mut tally = Tally {
        in_favour: of(Position::For),
        against: of(Position::Against),
        abstaining: of(Position::Abstain),
        absent: of(Position::Absent),
        needed: 0,
    };
    tally.needed = needed(vote.threshold, &tally, positions.len()).max(1);
    let vetoed_by: Vec<usize> = vote
        .members
        .iter()
        .enumerate()
        .filter(|(i, m)| positions[*i] == Position::Against && vote.veto_holders.contains(&m.id))
        .map(|(i, _)| i)
        .collect();
    let enough = tally.in_favour >= tally.needed;
    let adopted = enough && vetoed_by.is_empty();
    let count = format!("{} in favour, {} needed", tally.in_favour, tally.needed);
    let names = |members: &[usize]| {
        let names: Vec<&str> = members
            .iter()
            .map(|&i| member_name(scenario, vote, i))
            .collect();
        join_names(&names)
    };
    let veto = match vetoed_by.len() {
        0 => String::new(),
        1 => format!("{}, a veto holder, votes against", names(&vetoed_by)),
        _ => format!("{}, veto holders, vote against", names(&vetoed_by)),
    };
    let reason = if adopted {
        let holders: Vec<usize> = (0..vote.members.len())
            .filter(|&i| vote.veto_holders.contains(&vote.members[i].id))
            .collect();
        let not_blocking: Vec<usize> = holders
            .iter()
            .copied()
            .filter(|&i| positions[i] != Position::For)
            .collect();
        if holders.is_empty() {
            format!("adopted: {count}")
        } else if not_blocking.is_empty() {
            format!("adopted: {count}; no veto holder votes against")
        } else {
            format!(
                "adopted: {count}; no veto holder votes against ({} abstaining or absent, which does not block it)",
                names(&not_blocking)
            )
        }
    } else if !vetoed_by.is_empty() && !enough {
        format!("fails: {veto}; and {count}")
    } else if !vetoed_by.is_empty() {
        format!("fails: {veto}")
    } else {
        format!("fails: {count}")
    };
    VoteResult {
        positions,
        changed,
        causes,
        settlements,
        tally,
        vetoed_by,
        adopted,
        reason,
    }
}

/// Votes in favour needed under `threshold`, before the minimum of one.
fn needed(threshold: Threshold, tally: &Tally, members: usize) -> usize {
    let counted = |of: Counted| match of {
        Counted::Present => members - tally.absent,
        Counted::Voting => tally.in_favour + tally.against,
        Counted::Members => members,
    };
    match threshold {
        Threshold::Count { count } => usize::try_from(count).unwrap_or(usize::MAX),
        Threshold::Share {
            numerator,
            denominator,
            of,
        } => {
            let (n, d) = (numerator as usize, (denominator as usize).max(1));
            (n * counted(of)).div_ceil(d)
        }
        Threshold::Majority { of } => counted(of) / 2 + 1,
    }
}

/// "Russia", "Russia and China", "Russia, China and France".
fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// One position change that changes the outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VoteFlip {
    pub member: usize,
    pub to: Position,
}

/// The single position changes (from the positions `set` leaves) that turn
/// the outcome over, member by member in the file's order.
pub fn vote_flips(
    scenario: &Scenario,
    vote: &Vote,
    set: &BTreeMap<String, Position>,
    conditions: &BTreeMap<String, bool>,
) -> Vec<VoteFlip> {
    let base = count_vote(scenario, vote, set, conditions);
    let mut flips = Vec::new();
    for (i, member) in vote.members.iter().enumerate() {
        for to in Position::ALL {
            if to == base.positions[i] {
                continue;
            }
            let mut changed = set.clone();
            changed.insert(member.id.clone(), to);
            if count_vote(scenario, vote, &changed, conditions).adopted != base.adopted {
                flips.push(VoteFlip { member: i, to });
            }
        }
    }
    flips
}

/// Why `member` has its position, in words, when a rule gave it: "votes in
/// favour: China votes in favour while Russia abstains". None when it is
/// as listed or set.
pub fn position_reason(
    scenario: &Scenario,
    vote: &Vote,
    result: &VoteResult,
    member: usize,
) -> Option<String> {
    let Some(Cause::Rule { rule }) = result.causes.get(member).copied() else {
        return None;
    };
    let rule = vote.rules.get(rule)?;
    let other = vote.members.iter().position(|m| m.id == rule.other)?;
    Some(format!(
        "{} {} while {} {}",
        member_name(scenario, vote, member),
        rule.position.verb(),
        member_name(scenario, vote, other),
        rule.is.verb(),
    ))
}

/// A cycle's settlement in words: "China's and Russia's positions wait
/// for each other: China's rule comes first, so it is decided first, with
/// Russia as listed (abstains)".
pub fn settlement_text(scenario: &Scenario, vote: &Vote, settlement: &Settlement) -> String {
    let name = |i: usize| member_name(scenario, vote, i);
    let read: Vec<String> = settlement
        .read_early
        .iter()
        .map(|&o| {
            let listed = vote.members.get(o).map_or(Position::For, |m| m.position);
            format!("{} as listed ({})", name(o), listed.label())
        })
        .collect();
    let mut text = format!(
        "{}'s position waits for members whose positions wait for it: its rule comes first in the vote's rules, so it is decided first, reading {}",
        name(settlement.member),
        join_names(&read.iter().map(String::as_str).collect::<Vec<_>>()),
    );
    if !settlement.consistent {
        text.push_str("; with their final positions its rule would give another answer, so no positions satisfy every rule and it keeps the one decided first");
    }
    text
}

#[cfg(test)]
mod tests;
