//! The attendance report the command line prints, as text or JSON.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Scenario;

use super::engine::condition_holds;
use super::explain::{absence_reason, absence_source, conflict_settlement};
use super::whatif::{base_invitations, invitations};
use super::{Absence, Engine};

/// One invited actor who stays away.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AbsentEntry {
    pub id: String,
    pub reason: String,
    pub because_of: Vec<String>,
    /// The rule's source, cited; empty when the rule has none.
    pub source: String,
}

/// One cycle the hosts' order settled.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConflictEntry {
    pub absent: String,
    pub kept: String,
    pub settlement: String,
}

/// A condition as the evaluation took it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConditionEntry {
    pub id: String,
    pub label: String,
    pub value: bool,
    /// Whether the request or the named scenario set it otherwise than the file.
    pub changed: bool,
    /// Its source, cited.
    pub source: String,
}

/// An actor's stance as a named scenario changes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StanceChange {
    pub id: String,
    pub from: String,
    pub to: String,
}

/// Who attends and who does not, ids sorted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttendanceReport {
    /// The named scenario, if one was chosen.
    pub scenario: Option<String>,
    pub attending: Vec<String>,
    pub absent: Vec<AbsentEntry>,
    pub not_invited: Vec<String>,
    /// Invitations withdrawn, each with its reason and source.
    pub withdrawn: Vec<AbsentEntry>,
    pub conflicts: Vec<ConflictEntry>,
    /// Every condition the rules depend on, as taken.
    pub conditions: Vec<ConditionEntry>,
    /// Stances the named scenario changes.
    pub stance_changes: Vec<StanceChange>,
}

fn cite(scenario: &Scenario, id: &str) -> String {
    scenario
        .source(id)
        .map_or_else(|| id.to_owned(), crate::model::Source::full_citation)
}

/// What to evaluate: a named scenario (or the base list), then invitations
/// added and taken away.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportRequest {
    /// A named scenario's id or name; `None` for the base list.
    pub scenario: Option<String>,
    pub invite: Vec<String>,
    pub uninvite: Vec<String>,
    /// Conditions set otherwise, by id (on top of the named scenario's).
    pub conditions: BTreeMap<String, bool>,
}

/// "no condition \"x\"; the file has: a, b" (or "none"): what a request
/// naming an unknown condition is told, for meetings and votes alike.
pub(crate) fn unknown_condition(scenario: &Scenario, id: &str) -> String {
    let known: Vec<&str> = scenario.conditions.iter().map(|c| c.id.as_str()).collect();
    format!(
        "no condition \"{id}\"; the file has: {}",
        if known.is_empty() {
            "none".to_owned()
        } else {
            known.join(", ")
        }
    )
}

/// Evaluates the requested scenario and changes. Unknown names are an error.
pub fn attendance_report(
    scenario: &Scenario,
    args: &ReportRequest,
) -> Result<AttendanceReport, String> {
    if scenario.conference.is_none() {
        let decisions: Vec<&str> = scenario.decisions.iter().map(|d| d.id.as_str()).collect();
        return Err(if decisions.is_empty() {
            "this scenario has no conference, so there is no attendance to work out".to_owned()
        } else {
            format!(
                "this scenario has no conference; its decisions are: {} (decide --decision ID)",
                decisions.join(", ")
            )
        });
    }
    let named = match &args.scenario {
        None => None,
        Some(wanted) => Some(
            scenario
                .attendance_scenarios()
                .iter()
                .find(|n| n.id.eq_ignore_ascii_case(wanted) || n.name.eq_ignore_ascii_case(wanted))
                .ok_or_else(|| {
                    let known: Vec<&str> = scenario
                        .attendance_scenarios()
                        .iter()
                        .map(|n| n.name.as_str())
                        .collect();
                    format!(
                        "no attendance scenario \"{wanted}\"; the file has: {}",
                        known.join("; ")
                    )
                })?,
        ),
    };
    let mut invited =
        named.map_or_else(|| base_invitations(scenario), |n| invitations(scenario, n));
    let indices = scenario.actor_indices();
    for (ids, value) in [(&args.invite, true), (&args.uninvite, false)] {
        for id in ids {
            let index = *indices
                .get(id.as_str())
                .ok_or_else(|| format!("no actor \"{id}\""))?;
            invited[index] = value;
        }
    }
    let mut conditions = named.map(|n| n.conditions.clone()).unwrap_or_default();
    for (id, value) in &args.conditions {
        if scenario.condition(id).is_none() {
            return Err(unknown_condition(scenario, id));
        }
        conditions.insert(id.clone(), *value);
    }
    let outcome = Engine::with_conditions(scenario, &conditions).evaluate(&invited);
    let id = |i: usize| scenario.actors[i].id.clone();
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let mut absent: Vec<AbsentEntry> = outcome
        .absent
        .iter()
        .filter(|(_, a)| *a != Absence::NotInvited)
        .map(|&(i, a)| AbsentEntry {
            id: id(i),
            reason: absence_reason(scenario, i, a),
            because_of: a.trigger().map(id).into_iter().collect(),
            source: absence_source(scenario, i, a)
                .map(|s| cite(scenario, s))
                .unwrap_or_default(),
        })
        .collect();
    absent.sort_by(|a, b| a.id.cmp(&b.id));
    let withdrawn = scenario
        .conference
        .iter()
        .flat_map(|c| &c.uninvited)
        .filter_map(|u| {
            let i = *indices.get(u.actor.as_str())?;
            (!invited[i]).then(|| AbsentEntry {
                id: u.actor.clone(),
                reason: absence_reason(scenario, i, Absence::NotInvited),
                because_of: Vec::new(),
                source: cite(scenario, &u.source),
            })
        })
        .collect();
    let conditions = scenario
        .conditions
        .iter()
        .map(|c| {
            let value = condition_holds(scenario, &c.id, &conditions);
            ConditionEntry {
                id: c.id.clone(),
                label: c.label.clone(),
                value,
                changed: value != c.default,
                source: cite(scenario, &c.source),
            }
        })
        .collect();
    let stance_changes = named
        .iter()
        .flat_map(|n| &n.stance_overrides)
        .filter_map(|(id, to)| {
            let actor = &scenario.actors[*indices.get(id.as_str())?];
            Some(StanceChange {
                id: id.clone(),
                from: actor.stance.clone(),
                to: to.clone(),
            })
        })
        .collect();
    let mut conflicts: Vec<ConflictEntry> = outcome
        .conflicts
        .iter()
        .map(|c| ConflictEntry {
            absent: id(c.absent),
            kept: id(c.kept),
            settlement: conflict_settlement(scenario, c),
        })
        .collect();
    conflicts.sort_by(|a, b| (&a.absent, &a.kept).cmp(&(&b.absent, &b.kept)));
    Ok(AttendanceReport {
        scenario: named.map(|n| n.name.clone()),
        attending: sorted(
            (0..invited.len())
                .filter(|&i| outcome.attending[i])
                .map(id)
                .collect(),
        ),
        absent,
        not_invited: sorted(
            (0..invited.len())
                .filter(|&i| !invited[i])
                .map(id)
                .collect(),
        ),
        withdrawn,
        conflicts,
        conditions,
        stance_changes,
    })
}

impl AttendanceReport {
    /// Pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// Plain text for a terminal.
    pub fn to_text(&self) -> String {
        let mut lines = Vec::new();
        if let Some(name) = &self.scenario {
            lines.push(format!("Scenario: {name}"));
        }
        lines.push(format!(
            "Attending ({}): {}",
            self.attending.len(),
            self.attending.join(", ")
        ));
        lines.push(format!("Invited but absent ({}):", self.absent.len()));
        for a in &self.absent {
            lines.push(format!("  {}: {}", a.id, a.reason));
            if !a.source.is_empty() {
                lines.push(format!("    source: {}", a.source));
            }
        }
        lines.push(format!(
            "Not invited ({}): {}",
            self.not_invited.len(),
            self.not_invited.join(", ")
        ));
        if !self.withdrawn.is_empty() {
            lines.push(format!("Invitations withdrawn ({}):", self.withdrawn.len()));
        }
        for w in &self.withdrawn {
            lines.push(format!("  {}: {}", w.id, w.reason));
            lines.push(format!("    source: {}", w.source));
        }
        if !self.conflicts.is_empty() {
            lines.push(format!("Conflicts ({}):", self.conflicts.len()));
            for c in &self.conflicts {
                lines.push(format!("  {}", c.settlement));
            }
        }
        if !self.conditions.is_empty() {
            lines.push("Conditions:".to_owned());
            for c in &self.conditions {
                let set = if c.changed {
                    " (set for this what-if)"
                } else {
                    ""
                };
                lines.push(format!(
                    "  {}: {}{set}",
                    c.label,
                    if c.value { "yes" } else { "no" }
                ));
                lines.push(format!("    source: {}", c.source));
            }
        }
        if !self.stance_changes.is_empty() {
            lines.push("Stances changed in this scenario:".to_owned());
            for c in &self.stance_changes {
                lines.push(format!("  {}: {} -> {}", c.id, c.from, c.to));
            }
        }
        lines.join("\n")
    }
}
