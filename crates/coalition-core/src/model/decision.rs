//! Decisions beside the scenario's conference: dated meetings, votes with a
//! threshold and veto holders, drafts withdrawn before a vote; and the named
//! conditions that rules may depend on ("unless Iran accepts the Geneva I
//! communiqué"). How a vote comes out is `decide::vote`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Conference, Date};

/// A named fact that rules may depend on: a label, its value as it was
/// (`default`), and the source for that. What-ifs may set it otherwise.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    /// Says what is true when the condition is: "Iran accepts the Geneva I
    /// communiqué".
    pub label: String,
    /// Whether it was true, as the source says.
    #[serde(default)]
    pub default: bool,
    pub source: String,
    #[serde(default)]
    pub note: String,
}

/// One dated decision: a meeting, a vote, or a draft withdrawn before a
/// vote. Exactly one of `meeting`, `vote` and `withdrawn` is given
/// (validation says so otherwise); [`Decision::kind`] tells which.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub id: String,
    pub title: String,
    /// The day it was taken (or the draft withdrawn).
    pub date: Date,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub sources: Vec<String>,
    /// A meeting: hosts, invitation list, rules, what-ifs, as the
    /// scenario's conference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Conference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<Vote>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawn>,
}

/// What a decision is.
#[derive(Clone, Copy, Debug)]
pub enum DecisionKind<'a> {
    Meeting(&'a Conference),
    Vote(&'a Vote),
    Withdrawn(&'a Withdrawn),
}

impl Decision {
    /// What it is, if it says exactly one thing.
    pub fn kind(&self) -> Option<DecisionKind<'_>> {
        match (&self.meeting, &self.vote, &self.withdrawn) {
            (Some(meeting), None, None) => Some(DecisionKind::Meeting(meeting)),
            (None, Some(vote), None) => Some(DecisionKind::Vote(vote)),
            (None, None, Some(withdrawn)) => Some(DecisionKind::Withdrawn(withdrawn)),
            _ => None,
        }
    }
}

/// A vote: the body, its members and how each voted, what it takes to
/// pass, and who can block it alone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// "UN Security Council".
    pub body: String,
    pub members: Vec<Member>,
    pub threshold: Threshold,
    /// Member ids whose vote against blocks the decision whatever the count.
    /// One who abstains or is absent does not block it.
    #[serde(default)]
    pub veto_holders: Vec<String>,
    /// Conditional positions: a member takes another position while
    /// another member takes a given one ("China votes for only if Russia
    /// abstains"). How they are settled is `decide::vote`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<PositionRule>,
    /// Named what-ifs: positions changed.
    #[serde(default)]
    pub what_ifs: Vec<VoteWhatIf>,
}

/// A conditional position: `member` takes `position` while `other` takes
/// `is`; while it does not, `member` keeps the position its entry in
/// `members` gives. "China votes for only if Russia abstains" is China
/// listed as voting against, with the rule (CHN, for, RUS, abstain).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PositionRule {
    pub member: String,
    /// The position it takes while the rule holds.
    pub position: Position,
    /// The member whose position it waits for.
    pub other: String,
    /// That member's position that makes the rule hold.
    pub is: Position,
    pub source: String,
    #[serde(default)]
    pub note: String,
    /// A condition's id: the rule does not hold while the condition is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unless: Option<String>,
}

/// A member of the voting body and its position.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// An actor's id, or, for a member not on the map, an id of its own
    /// with its `name`.
    pub id: String,
    /// The member's name when it is not an actor of the scenario.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub position: Position,
    /// The source for its position, when the decision's own do not say it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// How a member voted.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    #[default]
    For,
    Against,
    Abstain,
    Absent,
}

impl Position {
    pub const ALL: [Self; 4] = [Self::For, Self::Against, Self::Abstain, Self::Absent];

    /// As the file and the command line write it.
    pub fn id(self) -> &'static str {
        match self {
            Self::For => "for",
            Self::Against => "against",
            Self::Abstain => "abstain",
            Self::Absent => "absent",
        }
    }

    /// In words: "in favour", "against", "abstains", "absent".
    pub fn label(self) -> &'static str {
        match self {
            Self::For => "in favour",
            Self::Against => "against",
            Self::Abstain => "abstains",
            Self::Absent => "absent",
        }
    }

    /// As a verb: "votes in favour", "votes against", "abstains", "is
    /// absent".
    pub fn verb(self) -> &'static str {
        match self {
            Self::For => "votes in favour",
            Self::Against => "votes against",
            Self::Abstain => "abstains",
            Self::Absent => "is absent",
        }
    }

    /// From the file's or the command line's word.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.id() == text)
    }
}

/// What it takes to pass: votes in favour against a number or a share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Threshold {
    /// At least `count` votes in favour ("9 of 15").
    Count { count: u32 },
    /// At least `numerator`/`denominator` of the members counted, in favour
    /// ("two thirds of those present and voting").
    Share {
        numerator: u32,
        denominator: u32,
        #[serde(default)]
        of: Counted,
    },
    /// More votes in favour than half of the members counted.
    Majority {
        #[serde(default)]
        of: Counted,
    },
}

impl Default for Threshold {
    fn default() -> Self {
        Self::Majority {
            of: Counted::default(),
        }
    }
}

/// Which members a share is taken of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Counted {
    /// Every member but the absent.
    #[default]
    Present,
    /// Those voting for or against (abstentions do not count).
    Voting,
    /// Every member.
    Members,
}

/// A named what-if on a vote: members' positions set otherwise.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteWhatIf {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Member id to the position it takes in this what-if.
    #[serde(default)]
    pub set: BTreeMap<String, Position>,
    /// Condition id to its value in this what-if (rules `unless` it).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conditions: BTreeMap<String, bool>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A draft tabled and withdrawn before it was put to a vote.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Withdrawn {
    /// Where it was tabled: "UN Security Council".
    pub body: String,
    /// The day it was tabled, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tabled: Option<Date>,
    /// Why it was withdrawn, as the source gives it.
    pub reason: String,
    pub source: String,
}

/// An invitation withdrawn: who, when, why, and the source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Uninvitation {
    pub actor: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    pub reason: String,
    pub source: String,
}
