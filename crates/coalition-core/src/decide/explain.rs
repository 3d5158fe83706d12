//! Outcomes in words, for the panels and the command line.

use crate::model::{RuleKind, Scenario, Uninvitation};

use super::{Absence, Conflict};

fn name(scenario: &Scenario, index: usize) -> &str {
    scenario.actors.get(index).map_or("?", |a| a.name.as_str())
}

/// Rule `rule` in words: "Saudi Arabia will not attend if Iran attends".
pub fn rule_sentence(scenario: &Scenario, rule: usize) -> String {
    let Some(r) = scenario.conference.as_ref().and_then(|c| c.rules.get(rule)) else {
        return "a rule".into();
    };
    let who = scenario
        .actor(&r.actor)
        .map_or(r.actor.as_str(), |a| a.name.as_str());
    let other = scenario
        .actor(&r.other)
        .map_or(r.other.as_str(), |a| a.name.as_str());
    let sentence = match r.kind {
        RuleKind::WillNotAttendIf => format!("{who} will not attend if {other} attends"),
        RuleKind::AttendsOnlyIf => format!("{who} attends only if {other} attends"),
    };
    match &r.unless {
        Some(id) => {
            let label = scenario
                .condition(id)
                .map_or(id.as_str(), |c| c.label.as_str());
            format!("{sentence}, unless {label}")
        }
        None => sentence,
    }
}

/// For a rule that holds unless a condition is true, the condition's label.
fn unless_label(scenario: &Scenario, rule: usize) -> Option<&str> {
    let id = scenario
        .conference
        .as_ref()
        .and_then(|c| c.rules.get(rule))
        .and_then(|r| r.unless.as_deref())?;
    Some(scenario.condition(id).map_or(id, |c| c.label.as_str()))
}

/// Why actor `index` is absent, in one sentence.
pub fn absence_reason(scenario: &Scenario, index: usize, absence: Absence) -> String {
    match absence {
        Absence::NotInvited => match uninvitation(scenario, index) {
            Some(u) => match u.date {
                Some(date) => format!(
                    "{}'s invitation was withdrawn on {date}: {}",
                    name(scenario, index),
                    u.reason
                ),
                None => format!(
                    "{}'s invitation was withdrawn: {}",
                    name(scenario, index),
                    u.reason
                ),
            },
            None => format!("{} is not invited.", name(scenario, index)),
        },
        Absence::Rule { rule, trigger } => {
            let kind = scenario
                .conference
                .as_ref()
                .and_then(|c| c.rules.get(rule))
                .map(|r| r.kind);
            let state = match kind {
                Some(RuleKind::AttendsOnlyIf) => "does not",
                _ => "does",
            };
            match unless_label(scenario, rule) {
                None => format!(
                    "{}, and {} {state}.",
                    rule_sentence(scenario, rule),
                    name(scenario, trigger)
                ),
                Some(label) => format!(
                    "{}; {} {}, and the condition \"{label}\" is false.",
                    rule_sentence(scenario, rule),
                    name(scenario, trigger),
                    if state == "does" {
                        "attends"
                    } else {
                        "does not attend"
                    }
                ),
            }
        }
        Absence::Priority { rule, trigger } => format!(
            "{}; {} comes first in the hosts' order, so {} stays away.",
            rule_sentence(scenario, rule),
            name(scenario, trigger),
            name(scenario, index)
        ),
        Absence::Paradox { rule, trigger } => format!(
            "{}, but {} attends only while {} is away: no answer satisfies both, so {} stays away.",
            rule_sentence(scenario, rule),
            name(scenario, trigger),
            name(scenario, index),
            name(scenario, index)
        ),
    }
}

/// The withdrawn invitation of actor `index`, if its invitation was withdrawn.
fn uninvitation(scenario: &Scenario, index: usize) -> Option<&Uninvitation> {
    let id = &scenario.actors.get(index)?.id;
    scenario
        .conference
        .as_ref()?
        .uninvited
        .iter()
        .find(|u| u.actor == *id)
}

/// The source id behind actor `index`'s absence, if any: its rule's, or its
/// withdrawn invitation's.
pub fn absence_source(scenario: &Scenario, index: usize, absence: Absence) -> Option<&str> {
    if absence == Absence::NotInvited {
        return uninvitation(scenario, index).map(|u| u.source.as_str());
    }
    let rule = absence.rule()?;
    scenario
        .conference
        .as_ref()
        .and_then(|c| c.rules.get(rule))
        .map(|r| r.source.as_str())
}

/// How a conflict was settled, in one sentence.
pub fn conflict_settlement(scenario: &Scenario, conflict: &Conflict) -> String {
    format!(
        "Conditions between {} and {} form a cycle; settled by the hosts' order: {}",
        name(scenario, conflict.absent),
        name(scenario, conflict.kept),
        absence_reason(scenario, conflict.absent, conflict.absence)
    )
}
