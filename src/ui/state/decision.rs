//! What the decision controls remember: which decision the panel and the map
//! show (the conference, or one of the scenario's decisions), and for a vote
//! its what-if, the positions changed by hand, the count, and the scenario
//! with each member drawn by its position.

use std::collections::BTreeMap;

use coalition_core::decide::report::{AttendanceReport, ReportRequest, attendance_report};
use coalition_core::decide::vote::{VoteFlip, VoteResult, count_vote, vote_flips};
use coalition_core::model::{
    Date, Decision, DecisionKind, Position, Scenario, StanceCategory, Vote,
};

/// The stance a member takes on the map while a vote is shown: by position,
/// in this order (most supportive first, so "against" is drawn as the last
/// stance is, a cross), with "not a member" for the other actors.
const BY_POSITION: [(&str, &str, &str); 5] = [
    ("for", "Votes in favour", "Voted for the decision."),
    ("abstain", "Abstains", "Present, neither for nor against."),
    ("absent", "Absent", "A member who did not vote."),
    (
        "not_member",
        "Not a member",
        "Not a member of the body that voted.",
    ),
    ("against", "Votes against", "Voted against the decision."),
];

/// The grey of "not a member": drawn, but quieter than every position.
const NOT_A_MEMBER_COLOUR: &str = "#D9D9D9";

/// The decision shown, and a vote's state.
#[derive(Debug, Default)]
pub struct DecisionView {
    /// The decision the panel shows: `None` for the conference, else an index
    /// into the scenario's decisions.
    pub selected: Option<usize>,
    /// The decision's what-if (a vote's `what_ifs`, a meeting's
    /// `scenarios`): `None` for the decision as it happened.
    pub what_if: Option<usize>,
    /// Positions changed by hand, by member id, on top of the what-if's.
    pub set: BTreeMap<String, Position>,
    /// The vote counted, when a vote is shown on or after its day.
    pub count: Option<VoteResult>,
    /// The single position changes that would turn its outcome over.
    pub flips: Vec<VoteFlip>,
    /// Each member's position as the vote happened (no what-if): a position
    /// that differs is a what-if's.
    pub history: Vec<Position>,
    /// The day's scenario with each actor's stance its position in the vote,
    /// while a vote is counted: what the map and the legend draw.
    pub by_position: Option<Scenario>,
    /// A meeting's attendance as it happened, when a meeting is shown on or
    /// after its day.
    pub meeting: Option<AttendanceReport>,
}

impl DecisionView {
    /// The selected decision, if it is one of the scenario's.
    pub fn decision<'a>(&self, scenario: &'a Scenario) -> Option<&'a Decision> {
        scenario.decisions.get(self.selected?)
    }

    /// The selected decision and its vote, if it is a vote.
    pub fn vote<'a>(&self, scenario: &'a Scenario) -> Option<(&'a Decision, &'a Vote)> {
        let decision = self.decision(scenario)?;
        match decision.kind()? {
            DecisionKind::Vote(vote) => Some((decision, vote)),
            _ => None,
        }
    }

    /// The selected decision and the names of its what-ifs, when it is a
    /// vote or a meeting (what the top bar's slider steps through).
    pub fn what_ifs<'a>(&self, scenario: &'a Scenario) -> Option<(&'a Decision, Vec<&'a str>)> {
        let decision = self.decision(scenario)?;
        let names = match decision.kind()? {
            DecisionKind::Vote(vote) => vote.what_ifs.iter().map(|w| w.name.as_str()).collect(),
            DecisionKind::Meeting(meeting) => {
                meeting.scenarios.iter().map(|w| w.name.as_str()).collect()
            }
            DecisionKind::Withdrawn(_) => return None,
        };
        Some((decision, names))
    }

    /// The conditions the what-if sets (rules `unless` them).
    pub fn conditions(&self, vote: &Vote) -> BTreeMap<String, bool> {
        self.what_if
            .and_then(|i| vote.what_ifs.get(i))
            .map(|w| w.conditions.clone())
            .unwrap_or_default()
    }

    /// The positions changed: the what-if's, then those set by hand.
    pub fn changes(&self, vote: &Vote) -> BTreeMap<String, Position> {
        let mut set = self
            .what_if
            .and_then(|i| vote.what_ifs.get(i))
            .map(|w| w.set.clone())
            .unwrap_or_default();
        set.extend(self.set.iter().map(|(k, v)| (k.clone(), *v)));
        set
    }

    /// Counts the vote again for the scenario (`doc`'s) as of `date` (`dated`):
    /// nothing before the vote's day, which is not shown before it happened.
    pub fn refresh(&mut self, scenario: &Scenario, dated: &Scenario, date: Option<Date>) {
        if self.selected.is_some_and(|i| i >= scenario.decisions.len()) {
            *self = Self::default();
        }
        if let Some(i) = self.what_if
            && self
                .what_ifs(scenario)
                .is_none_or(|(_, names)| i >= names.len())
        {
            self.what_if = None;
        }
        self.count = None;
        self.flips.clear();
        self.history.clear();
        self.by_position = None;
        self.meeting = None;
        if let Some(decision) = self.decision(scenario)
            && let Some(DecisionKind::Meeting(meeting)) = decision.kind()
            && date.is_none_or(|d| d >= decision.date)
        {
            // Evaluated as the conference is (`decide --decision` does the same).
            let mut as_conference = scenario.clone();
            as_conference.conference = Some(meeting.clone());
            let request = ReportRequest {
                scenario: self
                    .what_if
                    .and_then(|i| meeting.scenarios.get(i))
                    .map(|w| w.id.clone()),
                ..ReportRequest::default()
            };
            self.meeting = attendance_report(&as_conference, &request).ok();
        }
        let Some((decision, vote)) = self.vote(scenario) else {
            return;
        };
        if date.is_some_and(|d| d < decision.date) {
            return;
        }
        let changes = self.changes(vote);
        let conditions = self.conditions(vote);
        let count = count_vote(scenario, vote, &changes, &conditions);
        self.flips = vote_flips(scenario, vote, &changes, &conditions);
        // What the vote was: a position that differs from it is a what-if's.
        let history = if changes.is_empty() && conditions.is_empty() {
            count.positions.clone()
        } else {
            count_vote(scenario, vote, &BTreeMap::new(), &BTreeMap::new()).positions
        };
        self.by_position = Some(by_position(dated, decision, vote, &count, &history));
        self.history = history;
        self.count = Some(count);
    }

    /// Changes whenever what the map draws from the vote does.
    pub fn key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.selected.hash(&mut h);
        self.count.as_ref().map(|c| &c.positions).hash(&mut h);
        h.finish()
    }
}

/// `dated` with each actor's stance its position in `vote` as counted, and
/// "not a member" for the rest.
fn by_position(
    dated: &Scenario,
    decision: &Decision,
    vote: &Vote,
    count: &VoteResult,
    history: &[Position],
) -> Scenario {
    let mut shown = dated.clone();
    shown.stance_scale = BY_POSITION
        .iter()
        .map(|&(id, label, meaning)| StanceCategory {
            id: id.to_owned(),
            label: label.to_owned(),
            meaning: meaning.to_owned(),
            color: (id == "not_member").then(|| NOT_A_MEMBER_COLOUR.to_owned()),
        })
        .collect();
    for actor in &mut shown.actors {
        if actor.stance.is_empty() {
            // Not in the picture yet on this day: stays out.
            continue;
        }
        let member = vote.members.iter().position(|m| m.id == actor.id);
        let (stance, reason) = match member {
            Some(i) => {
                let position = count.positions[i];
                let what_if = if history.get(i) == Some(&position) {
                    ""
                } else {
                    " (a what-if, not history)"
                };
                (
                    position.id(),
                    format!(
                        "{}: {}{what_if}, {}.",
                        decision.title,
                        position.label(),
                        decision.date
                    ),
                )
            }
            None => ("not_member", format!("Not a member of the {}.", vote.body)),
        };
        stance.clone_into(&mut actor.stance);
        actor.stance_reason = reason;
    }
    shown
}
