//! The scenario document: plain data, no egui. What a `.coalition` file holds.
//!
//! Field names here are the JSON field names. Optional fields default, so a
//! hand-written file may leave them out.

mod decision;
pub mod item_path;
mod templates;
pub mod text;
mod validate;
mod warnings;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use decision::{
    Condition, Counted, Decision, DecisionKind, Member, Position, PositionRule, Threshold,
    Uninvitation, Vote, VoteWhatIf, Withdrawn,
};
pub use templates::{blank_scenario, new_actor_at, template_from};
pub use validate::{Problem, is_web_url, parse_hex_colour, validate};
pub use warnings::warnings;

/// The file format version this build writes.
pub const FORMAT_VERSION: u32 = 3;

/// A calendar day, `YYYY-MM-DD` in files; a date that does not exist
/// (`2014-02-30`) is refused when the file is read.
pub type Date = chrono::NaiveDate;

/// One scenario: who stands where in a coalition on a given day, and why.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub format: u32,
    pub title: String,
    /// The day the scenario describes, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    pub date: String,
    #[serde(default)]
    pub summary: String,
    /// The region the map shows.
    pub map: MapRegion,
    /// Ordered from most supportive to most opposed.
    pub stance_scale: Vec<StanceCategory>,
    #[serde(default)]
    pub relation_kinds: Vec<RelationKind>,
    #[serde(default)]
    pub weight_kinds: Vec<WeightKind>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub sources: Vec<Source>,
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub conference: Option<Conference>,
    /// Where the sources disagree: each account with its source.
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    /// A classroom walk-through of the scenario, one step at a time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub story: Vec<StoryStep>,
    /// How the scenario unfolds over dates; none for a scenario of one day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Timeline>,
    /// Named facts that rules depend on (`unless`), with their sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// Dated decisions beside the conference: meetings, votes, drafts
    /// withdrawn before a vote.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
}

/// The scenario over time: its dates, and the dated events that change it.
/// What an actor's stance is on a day follows from its base stance (the
/// actor's `stance`, before every event) and the events up to that day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// The first day the timeline covers.
    pub start: Date,
    /// The last day it covers.
    pub end: Date,
    /// The day the map opens on.
    pub opens_on: Date,
    /// In any order: they are applied by date, then by id.
    #[serde(default)]
    pub events: Vec<Event>,
}

/// Something that happened on a day, with its sources, and what it changes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub date: Date,
    pub title: String,
    /// What happened, in a sentence or two.
    #[serde(default)]
    pub text: String,
    /// Words from the first source, verbatim.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub excerpt: String,
    /// Source ids.
    pub sources: Vec<String>,
    /// Who the event is about (ringed on the map while it is the current event).
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
}

/// What an event changes from its day on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "change", rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    /// The actor takes this stance, for this reason.
    Stance {
        actor: String,
        stance: String,
        #[serde(default)]
        reason: String,
    },
    /// The relation holds from this day (it is not shown before).
    RelationStarts { relation: RelationRef },
    /// The relation holds no longer from this day.
    RelationEnds { relation: RelationRef },
    /// The actor enters the picture: it is not shown before this day.
    ActorEnters { actor: String },
}

/// A geographic box in degrees.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MapRegion {
    pub west: f64,
    pub east: f64,
    pub south: f64,
    pub north: f64,
}

impl MapRegion {
    /// The middle of the box.
    pub fn centre(&self) -> GeoPos {
        GeoPos {
            lat: f64::midpoint(self.south, self.north),
            lon: f64::midpoint(self.west, self.east),
        }
    }

    /// Whether `pos` lies inside the box (edges included).
    pub fn contains(&self, pos: GeoPos) -> bool {
        (self.south..=self.north).contains(&pos.lat) && (self.west..=self.east).contains(&pos.lon)
    }
}

/// Latitude and longitude in degrees.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GeoPos {
    pub lat: f64,
    pub lon: f64,
}

/// One step of the scenario's stance scale.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StanceCategory {
    pub id: String,
    pub label: String,
    /// One line saying what the category means.
    #[serde(default)]
    pub meaning: String,
    /// `#rrggbb`; when absent the app's colour-blind-safe palette decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// How an edge of one kind is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LineStyle {
    #[default]
    Solid,
    Dashed,
    Dotted,
}

impl LineStyle {
    /// Every style, in the order the map's shader numbers them. How each is
    /// drawn lives in one place, the app's `ui/map/line_style.rs`.
    pub const ALL: [Self; 3] = [Self::Solid, Self::Dashed, Self::Dotted];

    /// The style's place in [`Self::ALL`].
    pub fn index(self) -> usize {
        match self {
            Self::Solid => 0,
            Self::Dashed => 1,
            Self::Dotted => 2,
        }
    }
}

/// A kind of relation the scenario uses (alliance, overture, hostility…).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RelationKind {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub meaning: String,
    #[serde(default)]
    pub line: LineStyle,
    #[serde(default = "yes")]
    pub shown_by_default: bool,
}

fn yes() -> bool {
    true
}

/// A numeric measure the actors carry (military contribution, influence…).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeightKind {
    pub id: String,
    pub label: String,
    /// How the number is derived, and from what.
    #[serde(default)]
    pub meaning: String,
}

/// A group actors can belong to (P5, Arab League…).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub label: String,
}

/// Where a fact or a quote comes from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    /// The headline, or an editorial description in square brackets.
    pub title: String,
    #[serde(default)]
    pub date: String,
    /// A complete http(s) address, when one is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where to find it when there is no complete address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}

impl Source {
    /// "Publisher: Title, date", as every citation starts.
    pub fn citation(&self) -> String {
        if self.date.is_empty() {
            format!("{}: {}", self.publisher, self.title)
        } else {
            format!("{}: {}, {}", self.publisher, self.title, self.date)
        }
    }

    /// The citation with where to find it: the address, or the locator.
    pub fn full_citation(&self) -> String {
        match self.url.as_ref().or(self.locator.as_ref()) {
            Some(place) => format!("{} ({place})", self.citation()),
            None => self.citation(),
        }
    }
}

/// What sort of actor a node is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    #[default]
    State,
    Organisation,
    ArmedGroup,
    /// An opposition council, a parliament, a party.
    PoliticalBody,
}

impl ActorKind {
    pub const ALL: [Self; 4] = [
        Self::State,
        Self::Organisation,
        Self::ArmedGroup,
        Self::PoliticalBody,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::State => "State",
            Self::Organisation => "International organisation",
            Self::ArmedGroup => "Non-state armed group",
            Self::PoliticalBody => "Political body",
        }
    }
}

/// A country, organisation or armed group.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// ISO 3166-1 alpha-3 for states; short upper-case ids for the rest.
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// Its capital or seat.
    pub position: GeoPos,
    /// Where to draw it instead, when set by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_position: Option<GeoPos>,
    /// A stance id from the scenario's scale.
    pub stance: String,
    /// One line: why it stands there.
    #[serde(default)]
    pub stance_reason: String,
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
    #[serde(default)]
    pub groups: Vec<String>,
    #[serde(default)]
    pub notes: String,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
}

impl Actor {
    /// The name as labels, tooltips and exports show it: cut with an
    /// ellipsis past [`text::NAME_CHARS`] characters.
    pub fn shown_name(&self) -> std::borrow::Cow<'_, str> {
        text::name(&self.name)
    }

    /// The id as labels show it: cut past [`text::ID_CHARS`] characters.
    pub fn shown_id(&self) -> std::borrow::Cow<'_, str> {
        text::id(&self.id)
    }

    /// Where the node goes: the hand-set position, else its capital or seat.
    pub fn map_anchor(&self) -> GeoPos {
        self.map_position.unwrap_or(self.position)
    }
}

/// An edge between two actors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub from: String,
    pub to: String,
    /// A relation kind id.
    pub kind: String,
    /// `false` for a relation that runs both ways (hostility, alliance).
    #[serde(default = "yes")]
    pub directed: bool,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Whether a quote is the speaker's words or a report of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    #[default]
    Verbatim,
    Paraphrase,
}

/// Something a leader or body said, with its source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub id: String,
    pub speaker: String,
    #[serde(default)]
    pub role: String,
    /// The actor the speaker spoke for; none for e.g. a joint statement.
    #[serde(default)]
    pub actor: Option<String>,
    pub text: String,
    #[serde(default)]
    pub kind: QuoteKind,
    #[serde(default)]
    pub date: String,
    /// A source id.
    pub source: String,
    #[serde(default)]
    pub context: String,
    /// Another quote that renders the same statement differently.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_of: Option<String>,
}

/// The conference the scenario turns on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conference {
    pub name: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub hosts: Vec<String>,
    /// Actor ids invited, as it happened.
    #[serde(default)]
    pub invited: Vec<String>,
    /// Invitations withdrawn, each with its reason and source: these actors
    /// are not invited.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uninvited: Vec<Uninvitation>,
    #[serde(default)]
    pub rules: Vec<AttendanceRule>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// Named what-ifs over the invitation list, in slider order.
    #[serde(default)]
    pub scenarios: Vec<AttendanceScenario>,
}

/// A named what-if: the conference's invitation list with additions and
/// removals, and optional stance changes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceScenario {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Actor ids invited on top of the conference's list.
    #[serde(default)]
    pub invite: Vec<String>,
    /// Actor ids taken off the conference's list.
    #[serde(default)]
    pub uninvite: Vec<String>,
    /// Actor id to stance id, for this scenario only.
    #[serde(default)]
    pub stance_overrides: BTreeMap<String, String>,
    /// Condition id to its value, for this scenario only.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conditions: BTreeMap<String, bool>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// The kinds of conditional attendance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// `actor` stays away if `other` attends.
    WillNotAttendIf,
    /// `actor` attends only if `other` attends.
    AttendsOnlyIf,
}

/// "X will not attend if Y attends", with its source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceRule {
    pub kind: RuleKind,
    pub actor: String,
    pub other: String,
    pub source: String,
    #[serde(default)]
    pub note: String,
    /// A condition's id: the rule does not hold while the condition is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unless: Option<String>,
}

/// A point on which the sources disagree.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    pub topic: String,
    pub accounts: Vec<Account>,
}

/// One source's account of a disputed point.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub claim: String,
    pub source: String,
}

/// One step of a classroom walk-through of the scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StoryStep {
    pub title: String,
    /// The day the step shows, on a scenario with a timeline; none = the
    /// day the timeline opens on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// A few sentences the class reads; each fact in it from the step's sources.
    #[serde(default)]
    pub text: String,
    /// The id of the named attendance scenario (`conference.scenarios[].id`)
    /// the step shows; none = the first one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// Actor ids the step highlights (the rest are faded); empty = nothing faded.
    #[serde(default)]
    pub highlight: Vec<String>,
    /// Relations the step highlights, matched by from, to and kind.
    #[serde(default)]
    pub highlight_relations: Vec<RelationRef>,
    /// A quote id shown large, with its speaker and source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Predict, then reveal: the question the class answers before the
    /// outcome (who stays away) is shown. None = the outcome is shown at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predict: Option<String>,
    /// Speaker notes, shown only on the presenter's screen.
    #[serde(default)]
    pub notes: String,
    /// Source ids for what the text says.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A relation named by its ends and its kind, as a story step highlights it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RelationRef {
    /// An actor id.
    pub from: String,
    /// An actor id.
    pub to: String,
    /// A relation kind id.
    pub kind: String,
}

impl RelationRef {
    /// Whether `relation` is one this names: same kind, same ends. A relation
    /// that runs both ways (`directed: false`) matches with its ends swapped too.
    pub fn matches(&self, relation: &Relation) -> bool {
        self.kind == relation.kind
            && ((self.from == relation.from && self.to == relation.to)
                || (!relation.directed && self.from == relation.to && self.to == relation.from))
    }

    /// Whether either end is the actor `id`.
    pub fn names(&self, id: &str) -> bool {
        self.from == id || self.to == id
    }
}

impl Scenario {
    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The index of an actor by id.
    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actors.iter().position(|a| a.id == id)
    }

    /// Every actor's index by id (the first, should an id repeat): for
    /// looking up many ids at once in linear time, where
    /// [`Scenario::actor_index`] would scan the list for each.
    pub fn actor_indices(&self) -> std::collections::HashMap<&str, usize> {
        let mut indices = std::collections::HashMap::with_capacity(self.actors.len());
        for (i, actor) in self.actors.iter().enumerate() {
            indices.entry(actor.id.as_str()).or_insert(i);
        }
        indices
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The stance category with this id, and its rank on the scale (0 = most supportive).
    pub fn stance(&self, id: &str) -> Option<(usize, &StanceCategory)> {
        self.stance_scale
            .iter()
            .enumerate()
            .find(|(_, s)| s.id == id)
    }

    /// The relation kind with this id.
    pub fn relation_kind(&self, id: &str) -> Option<&RelationKind> {
        self.relation_kinds.iter().find(|k| k.id == id)
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The quote with this id.
    pub fn quote(&self, id: &str) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.id == id)
    }

    /// The named attendance scenarios, in slider order (none without a conference).
    pub fn attendance_scenarios(&self) -> &[AttendanceScenario] {
        self.conference
            .as_ref()
            .map_or(&[], |c| c.scenarios.as_slice())
    }

    /// The named attendance scenario a story step shows, as an index into
    /// [`Scenario::attendance_scenarios`]: the one its `scenario` names, or
    /// the first when it names none. `None` when there is no such scenario.
    pub fn story_scenario_index(&self, step: &StoryStep) -> Option<usize> {
        let named = self.attendance_scenarios();
        match &step.scenario {
            Some(id) => named.iter().position(|n| &n.id == id),
            None => (!named.is_empty()).then_some(0),
        }
    }

    /// Whether the actor took part in the conference as it happened.
    pub fn is_invited(&self, id: &str) -> bool {
        self.conference.as_ref().is_some_and(|c| {
            c.invited.iter().any(|i| i == id) && !c.uninvited.iter().any(|u| u.actor == id)
        })
    }

    /// The condition `id`, if there is one.
    pub fn condition(&self, id: &str) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.id == id)
    }

    /// The decision `id`, if there is one.
    pub fn decision(&self, id: &str) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_style_all_lists_every_style_the_file_format_has_in_index_order() {
        let schema = schemars::schema_for!(LineStyle);
        let names: Vec<String> = schema
            .as_value()
            .get("enum")
            .and_then(serde_json::Value::as_array)
            .expect("an enum of names")
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        let all: Vec<String> = LineStyle::ALL
            .iter()
            .map(|s| {
                serde_json::to_value(s)
                    .expect("a name")
                    .as_str()
                    .expect("text")
                    .to_owned()
            })
            .collect();
        assert_eq!(all, names);
        for (i, style) in LineStyle::ALL.iter().enumerate() {
            assert_eq!(style.index(), i);
        }
    }
}
