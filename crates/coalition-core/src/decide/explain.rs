//! Outcomes in words, for the panels and the command line.

use crate::model::{RuleKind, Scenario};

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
    match r.kind {
        RuleKind::WillNotAttendIf => format!("{who} will not attend if {other} attends"),
        RuleKind::AttendsOnlyIf => format!("{who} attends only if {other} attends"),
    }
}

/// Why actor `index` is absent, in one sentence.
pub fn absence_reason(scenario: &Scenario, index: usize, absence: Absence) -> String {
    match absence {
        Absence::NotInvited => format!("{} is not invited.", name(scenario, index)),
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
            format!(
                "{}, and {} {state}.",
                rule_sentence(scenario, rule),
                name(scenario, trigger)
            )
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

/// The source id of the rule behind an absence, if any.
pub fn absence_source(scenario: &Scenario, absence: Absence) -> Option<&str> {
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
