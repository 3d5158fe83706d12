//! What the command line prints for one decision that is not a meeting: a
//! vote counted (with a what-if and positions set otherwise), or a draft
//! withdrawn before a vote. Meetings print the attendance report
//! (`report.rs`).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Decision, DecisionKind, Position, Scenario, Vote};

use super::vote::{
    Cause, Tally, VoteResult, count_vote, member_name, position_reason, settlement_text, vote_flips,
};

fn cite(scenario: &Scenario, id: &str) -> String {
    scenario
        .source(id)
        .map_or_else(|| id.to_owned(), crate::model::Source::full_citation)
}

/// One member's position, as counted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PositionEntry {
    pub id: String,
    pub name: String,
    pub position: Position,
    /// Its position in the file, when a what-if or the request changed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub was: Option<Position>,
    pub veto_holder: bool,
    /// The source for its position, cited, when the member has its own.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// When one of its conditional positions gave it: which, in words
    /// ("China votes in favour while Russia abstains").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub because: String,
    /// That rule's source, cited.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub because_source: String,
}

/// One position change that would turn the outcome over.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FlipEntry {
    pub id: String,
    pub to: Position,
}

/// The tally as printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TallyEntry {
    pub in_favour: usize,
    pub against: usize,
    pub abstaining: usize,
    pub absent: usize,
    pub needed: usize,
}

impl From<Tally> for TallyEntry {
    fn from(t: Tally) -> Self {
        Self {
            in_favour: t.in_favour,
            against: t.against,
            abstaining: t.abstaining,
            absent: t.absent,
            needed: t.needed,
        }
    }
}

/// A vote counted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VoteReport {
    pub decision: String,
    pub title: String,
    pub date: String,
    pub body: String,
    /// The named what-if applied, if any.
    pub what_if: Option<String>,
    /// "adopted" or "failed".
    pub outcome: &'static str,
    pub reason: String,
    pub tally: TallyEntry,
    pub vetoed_by: Vec<String>,
    pub positions: Vec<PositionEntry>,
    /// The decision's sources, cited: where the real vote is recorded.
    pub sources: Vec<String>,
    /// The what-if's sources, cited.
    pub what_if_sources: Vec<String>,
    /// The single position changes that would turn the outcome over.
    pub flips: Vec<FlipEntry>,
    /// Conditions the what-if or the request set, by id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub conditions: BTreeMap<String, bool>,
    /// Cycles among conditional positions, and how each was settled.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub settled: Vec<String>,
}

/// A draft withdrawn before a vote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WithdrawnReport {
    pub decision: String,
    pub title: String,
    pub date: String,
    pub body: String,
    pub outcome: &'static str,
    pub tabled: Option<String>,
    pub reason: String,
    pub source: String,
    pub sources: Vec<String>,
}

/// What to count: a named what-if, then positions set by member id and
/// conditions set by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VoteRequest {
    pub what_if: Option<String>,
    pub set: BTreeMap<String, Position>,
    pub conditions: BTreeMap<String, bool>,
}

/// The decision `wanted` (its id), or a message naming the decisions there are.
pub fn find_decision<'a>(scenario: &'a Scenario, wanted: &str) -> Result<&'a Decision, String> {
    scenario
        .decisions
        .iter()
        .find(|d| d.id.eq_ignore_ascii_case(wanted))
        .ok_or_else(|| {
            let known: Vec<&str> = scenario.decisions.iter().map(|d| d.id.as_str()).collect();
            format!(
                "no decision \"{wanted}\"; the file has: {}",
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            )
        })
}

/// Counts the vote `decision` as `request` asks. Unknown what-ifs and
/// members are an error that names the known ones.
pub fn vote_report(
    scenario: &Scenario,
    decision: &Decision,
    request: &VoteRequest,
) -> Result<VoteReport, String> {
    let Some(DecisionKind::Vote(vote)) = decision.kind() else {
        return Err(format!("\"{}\" is not a vote", decision.id));
    };
    let what_if = match &request.what_if {
        None => None,
        Some(wanted) => Some(
            vote.what_ifs
                .iter()
                .find(|w| w.id.eq_ignore_ascii_case(wanted) || w.name.eq_ignore_ascii_case(wanted))
                .ok_or_else(|| {
                    let known: Vec<&str> = vote.what_ifs.iter().map(|w| w.name.as_str()).collect();
                    format!(
                        "no what-if \"{wanted}\" on {}; it has: {}",
                        decision.id,
                        if known.is_empty() {
                            "none".to_owned()
                        } else {
                            known.join("; ")
                        }
                    )
                })?,
        ),
    };
    let mut set = what_if.map(|w| w.set.clone()).unwrap_or_default();
    for (id, position) in &request.set {
        let member = vote
            .members
            .iter()
            .find(|m| m.id.eq_ignore_ascii_case(id))
            .ok_or_else(|| {
                let known: Vec<&str> = vote.members.iter().map(|m| m.id.as_str()).collect();
                format!(
                    "\"{id}\" is not a member of {}; its members are: {}",
                    vote.body,
                    known.join(", ")
                )
            })?;
        set.insert(member.id.clone(), *position);
    }
    let mut conditions = what_if.map(|w| w.conditions.clone()).unwrap_or_default();
    for (id, value) in &request.conditions {
        let condition = scenario
            .condition(id)
            .ok_or_else(|| super::report::unknown_condition(scenario, id))?;
        conditions.insert(condition.id.clone(), *value);
    }
    let result = count_vote(scenario, vote, &set, &conditions);
    let id = |i: usize| vote.members[i].id.clone();
    Ok(VoteReport {
        decision: decision.id.clone(),
        title: decision.title.clone(),
        date: decision.date.to_string(),
        body: vote.body.clone(),
        what_if: what_if.map(|w| w.name.clone()),
        outcome: if result.adopted { "adopted" } else { "failed" },
        reason: result.reason.clone(),
        tally: result.tally.into(),
        vetoed_by: result.vetoed_by.iter().map(|&i| id(i)).collect(),
        positions: positions(scenario, vote, &result),
        sources: decision.sources.iter().map(|s| cite(scenario, s)).collect(),
        what_if_sources: what_if
            .iter()
            .flat_map(|w| &w.sources)
            .map(|s| cite(scenario, s))
            .collect(),
        flips: vote_flips(scenario, vote, &set, &conditions)
            .into_iter()
            .map(|f| FlipEntry {
                id: id(f.member),
                to: f.to,
            })
            .collect(),
        settled: result
            .settlements
            .iter()
            .map(|s| settlement_text(scenario, vote, s))
            .collect(),
        conditions,
    })
}

fn positions(scenario: &Scenario, vote: &Vote, result: &VoteResult) -> Vec<PositionEntry> {
    vote.members
        .iter()
        .zip(&result.positions)
        .enumerate()
        .map(|(i, (m, &position))| PositionEntry {
            id: m.id.clone(),
            name: member_name(scenario, vote, i).to_owned(),
            position,
            was: (position != m.position).then_some(m.position),
            veto_holder: vote.veto_holders.contains(&m.id),
            source: if m.source.is_empty() {
                String::new()
            } else {
                cite(scenario, &m.source)
            },
            because: position_reason(scenario, vote, result, i).unwrap_or_default(),
            because_source: match result.causes[i] {
                Cause::Rule { rule } => vote
                    .rules
                    .get(rule)
                    .map(|r| cite(scenario, &r.source))
                    .unwrap_or_default(),
                Cause::Listed | Cause::Set => String::new(),
            },
        })
        .collect()
}

/// A withdrawn draft, for printing.
pub fn withdrawn_report(
    scenario: &Scenario,
    decision: &Decision,
) -> Result<WithdrawnReport, String> {
    let Some(DecisionKind::Withdrawn(w)) = decision.kind() else {
        return Err(format!("\"{}\" is not a withdrawn draft", decision.id));
    };
    Ok(WithdrawnReport {
        decision: decision.id.clone(),
        title: decision.title.clone(),
        date: decision.date.to_string(),
        body: w.body.clone(),
        outcome: "withdrawn",
        tabled: w.tabled.map(|d| d.to_string()),
        reason: w.reason.clone(),
        source: cite(scenario, &w.source),
        sources: decision.sources.iter().map(|s| cite(scenario, s)).collect(),
    })
}

fn json(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

impl VoteReport {
    /// Pretty-printed JSON.
    pub fn to_json(&self) -> String {
        json(self)
    }

    /// Plain text for a terminal.
    pub fn to_text(&self) -> String {
        let t = self.tally;
        let mut lines = vec![format!("{} ({}, {})", self.title, self.body, self.date)];
        if let Some(name) = &self.what_if {
            lines.push(format!("What-if: {name}"));
        }
        lines.push(format!("Outcome: {}", self.reason));
        lines.push(format!(
            "Tally: {} in favour, {} against, {} abstaining, {} absent; {} needed",
            t.in_favour, t.against, t.abstaining, t.absent, t.needed
        ));
        for p in &self.positions {
            let veto = if p.veto_holder { " (veto)" } else { "" };
            let was = p
                .was
                .map(|w| format!(", was {}", w.label()))
                .unwrap_or_default();
            let because = if p.because.is_empty() {
                String::new()
            } else {
                format!(" ({}; source: {})", p.because, p.because_source)
            };
            lines.push(format!(
                "  {} {}{veto}: {}{was}{because}",
                p.id,
                p.name,
                p.position.label()
            ));
        }
        for (id, value) in &self.conditions {
            lines.push(format!("Condition {id}: {value}"));
        }
        for s in &self.settled {
            lines.push(format!("Settled: {s}"));
        }
        for s in &self.sources {
            lines.push(format!("Source: {s}"));
        }
        for s in &self.what_if_sources {
            lines.push(format!("What-if source: {s}"));
        }
        if !self.flips.is_empty() {
            let flips: Vec<String> = self
                .flips
                .iter()
                .map(|f| format!("{} {}", f.id, f.to.id()))
                .collect();
            lines.push(format!("What flips the outcome: {}", flips.join(", ")));
        }
        lines.join("\n")
    }
}

impl WithdrawnReport {
    /// Pretty-printed JSON.
    pub fn to_json(&self) -> String {
        json(self)
    }

    /// Plain text for a terminal.
    pub fn to_text(&self) -> String {
        let tabled = self
            .tabled
            .as_ref()
            .map(|d| format!(", tabled {d}"))
            .unwrap_or_default();
        format!(
            "{} ({}{tabled})\nWithdrawn on {} before a vote: {}\nSource: {}",
            self.title, self.body, self.date, self.reason, self.source
        )
    }
}
