//! Authoring: every change to a scenario is one [`Edit`], and the
//! [`History`] keeps what each edit replaced so it can be undone. No egui.
//!
//! An edit names the parts of the scenario it touches ([`Edit::sections`]);
//! the history copies those parts before and after, so undo and redo put
//! back exactly what was there. Renaming an id carries the new id into every
//! reference; removing an actor says what becomes of the items that name it
//! ([`Dependents`]).

mod history;
mod refs;

pub use history::{History, Section};
pub use refs::{ActorUse, actor_use, uses_of};

use crate::model::{
    Actor, AttendanceRule, AttendanceScenario, Conference, Dispute, GeoPos, Group, MapRegion,
    Quote, Relation, RelationKind, Scenario, Source, StanceCategory, StoryStep, WeightKind,
};

/// The lists a scenario holds, each edited the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum List {
    Stances,
    RelationKinds,
    WeightKinds,
    Groups,
    Sources,
    Actors,
    Relations,
    Quotes,
    Rules,
    NamedScenarios,
    Disputes,
    StorySteps,
}

impl List {
    /// Every list, in the order the editor shows them.
    pub const ALL: [Self; 12] = [
        Self::Actors,
        Self::Relations,
        Self::Quotes,
        Self::Sources,
        Self::Stances,
        Self::RelationKinds,
        Self::WeightKinds,
        Self::Groups,
        Self::Rules,
        Self::NamedScenarios,
        Self::Disputes,
        Self::StorySteps,
    ];

    /// What one item of the list is called, for undo labels: "actor".
    pub fn noun(self) -> &'static str {
        match self {
            Self::Stances => "stance",
            Self::RelationKinds => "relation kind",
            Self::WeightKinds => "weight kind",
            Self::Groups => "group",
            Self::Sources => "source",
            Self::Actors => "actor",
            Self::Relations => "relation",
            Self::Quotes => "quote",
            Self::Rules => "attendance rule",
            Self::NamedScenarios => "attendance scenario",
            Self::Disputes => "dispute",
            Self::StorySteps => "story step",
        }
    }

    /// The part of the scenario the list lives in.
    fn section(self) -> Section {
        match self {
            Self::Stances => Section::Stances,
            Self::RelationKinds => Section::RelationKinds,
            Self::WeightKinds => Section::WeightKinds,
            Self::Groups => Section::Groups,
            Self::Sources => Section::Sources,
            Self::Actors => Section::Actors,
            Self::Relations => Section::Relations,
            Self::Quotes => Section::Quotes,
            Self::Rules | Self::NamedScenarios => Section::Conference,
            Self::Disputes => Section::Disputes,
            Self::StorySteps => Section::Story,
        }
    }

    /// How many items the list has now.
    pub fn len(self, scenario: &Scenario) -> usize {
        let conference = scenario.conference.as_ref();
        match self {
            Self::Stances => scenario.stance_scale.len(),
            Self::RelationKinds => scenario.relation_kinds.len(),
            Self::WeightKinds => scenario.weight_kinds.len(),
            Self::Groups => scenario.groups.len(),
            Self::Sources => scenario.sources.len(),
            Self::Actors => scenario.actors.len(),
            Self::Relations => scenario.relations.len(),
            Self::Quotes => scenario.quotes.len(),
            Self::Rules => conference.map_or(0, |c| c.rules.len()),
            Self::NamedScenarios => conference.map_or(0, |c| c.scenarios.len()),
            Self::Disputes => scenario.disputes.len(),
            Self::StorySteps => scenario.story.len(),
        }
    }
}

/// One item of one of the lists.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Stance(StanceCategory),
    RelationKind(RelationKind),
    WeightKind(WeightKind),
    Group(Group),
    Source(Source),
    Actor(Actor),
    Relation(Relation),
    Quote(Quote),
    Rule(AttendanceRule),
    NamedScenario(AttendanceScenario),
    Dispute(Dispute),
    StoryStep(StoryStep),
}

impl Item {
    /// The list the item belongs to.
    pub fn list(&self) -> List {
        match self {
            Self::Stance(_) => List::Stances,
            Self::RelationKind(_) => List::RelationKinds,
            Self::WeightKind(_) => List::WeightKinds,
            Self::Group(_) => List::Groups,
            Self::Source(_) => List::Sources,
            Self::Actor(_) => List::Actors,
            Self::Relation(_) => List::Relations,
            Self::Quote(_) => List::Quotes,
            Self::Rule(_) => List::Rules,
            Self::NamedScenario(_) => List::NamedScenarios,
            Self::Dispute(_) => List::Disputes,
            Self::StoryStep(_) => List::StorySteps,
        }
    }

    /// The item's id, for the lists whose items have one that others refer to.
    fn id(&self) -> Option<&str> {
        match self {
            Self::Stance(s) => Some(&s.id),
            Self::RelationKind(k) => Some(&k.id),
            Self::WeightKind(k) => Some(&k.id),
            Self::Group(g) => Some(&g.id),
            Self::Source(s) => Some(&s.id),
            Self::Actor(a) => Some(&a.id),
            Self::Quote(q) => Some(&q.id),
            Self::NamedScenario(n) => Some(&n.id),
            Self::Relation(_) | Self::Rule(_) | Self::Dispute(_) | Self::StoryStep(_) => None,
        }
    }
}

/// The scenario's own fields: what the file is about.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub title: String,
    pub date: String,
    pub summary: String,
    pub map: MapRegion,
}

impl Header {
    /// The header of `scenario`.
    pub fn of(scenario: &Scenario) -> Self {
        Self {
            title: scenario.title.clone(),
            date: scenario.date.clone(),
            summary: scenario.summary.clone(),
            map: scenario.map,
        }
    }
}

/// The conference's own fields (its lists are edited as items).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConferenceInfo {
    pub name: String,
    pub date: String,
    pub place: String,
}

/// What becomes of the relations, quotes, rules and story highlights that
/// name a removed actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dependents {
    /// Remove them with the actor.
    RemoveToo,
    /// Keep them; validation lists each as a problem until it is fixed.
    KeepAndFlag,
}

/// One change to a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetHeader(Header),
    /// Name, date and place of the conference; creates the conference if there is none.
    SetConferenceInfo(ConferenceInfo),
    /// Add an item at the end of its list.
    Add(Item),
    /// Put `item` in place of item `index` of its list. A changed id is
    /// carried into every reference (refused when another item has it).
    Replace {
        index: usize,
        item: Item,
    },
    /// Remove item `index` of a list. Actors are removed with [`Edit::RemoveActor`].
    Remove {
        list: List,
        index: usize,
    },
    /// Move item `from` of a list to `to` (the stance scale's order, the slider's order).
    Move {
        list: List,
        from: usize,
        to: usize,
    },
    /// Remove an actor; invitations, hosts and what-ifs drop it, and the
    /// relations, quotes, rules and story highlights that name it go as
    /// `dependents` says.
    RemoveActor {
        id: String,
        dependents: Dependents,
    },
    /// Draw an actor at `to` (a hand-set map position; `None` puts it back on its capital).
    MoveActor {
        id: String,
        to: Option<GeoPos>,
    },
    /// Put an actor on the conference's invitation list, or take it off.
    SetInvited {
        id: String,
        invited: bool,
    },
    /// Make an actor a host of the conference, or not.
    SetHost {
        id: String,
        host: bool,
    },
    /// Replace the whole actor list (a spreadsheet import).
    SetActors(Vec<Actor>),
}

/// Why an edit was refused. The scenario is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no {noun} number {index}")]
    NoSuchItem { noun: &'static str, index: usize },
    #[error("there is no actor \"{0}\"")]
    NoSuchActor(String),
    #[error("another {noun} already has the id \"{id}\"")]
    IdTaken { noun: &'static str, id: String },
    #[error("a {noun} cannot be put in the {list} list")]
    WrongList {
        noun: &'static str,
        list: &'static str,
    },
    #[error("actors are removed with their references decided")]
    ActorNeedsDependents,
}

impl Edit {
    /// A short description for the Edit menu: "Undo change actor".
    pub fn label(&self) -> String {
        match self {
            Self::SetHeader(_) => "change the scenario's details".into(),
            Self::SetConferenceInfo(_) => "change the conference".into(),
            Self::Add(item) => format!("add {}", item.list().noun()),
            Self::Replace { item, .. } => format!("change {}", item.list().noun()),
            Self::Remove { list, .. } => format!("remove {}", list.noun()),
            Self::Move { list, .. } => format!("reorder {}s", list.noun()),
            Self::RemoveActor { id, .. } => format!("remove {id}"),
            Self::MoveActor { id, .. } => format!("move {id}"),
            Self::SetInvited { id, .. } => format!("change {id}'s invitation"),
            Self::SetHost { id, .. } => format!("change {id} as host"),
            Self::SetActors(_) => "import actors".into(),
        }
    }

    /// The parts of `scenario` this edit may change.
    pub fn sections(&self, scenario: &Scenario) -> Vec<Section> {
        match self {
            Self::SetHeader(_) => vec![Section::Header],
            Self::SetConferenceInfo(_) | Self::SetInvited { .. } | Self::SetHost { .. } => {
                vec![Section::Conference]
            }
            Self::Add(item) => vec![item.list().section()],
            Self::Remove { list, .. } | Self::Move { list, .. } => vec![list.section()],
            Self::Replace { index, item } => {
                let list = item.list();
                let renamed = item.id().is_some_and(|new| {
                    old_id(scenario, list, *index).is_some_and(|old| old != new)
                });
                let mut sections = vec![list.section()];
                if renamed {
                    for section in refs::referring_sections(list) {
                        if !sections.contains(section) {
                            sections.push(*section);
                        }
                    }
                }
                sections
            }
            Self::RemoveActor { dependents, .. } => match dependents {
                Dependents::RemoveToo => vec![
                    Section::Actors,
                    Section::Conference,
                    Section::Decisions,
                    Section::Relations,
                    Section::Quotes,
                    Section::Story,
                    Section::Timeline,
                ],
                Dependents::KeepAndFlag => {
                    vec![Section::Actors, Section::Conference, Section::Decisions]
                }
            },
            Self::MoveActor { .. } | Self::SetActors(_) => vec![Section::Actors],
        }
    }

    /// Applies the edit to `scenario`. On an error nothing has changed.
    pub fn apply(self, scenario: &mut Scenario) -> Result<(), EditError> {
        match self {
            Self::SetHeader(header) => {
                scenario.title = header.title;
                scenario.date = header.date;
                scenario.summary = header.summary;
                scenario.map = header.map;
            }
            Self::SetConferenceInfo(info) => {
                let conference = conference_mut(scenario);
                conference.name = info.name;
                conference.date = info.date;
                conference.place = info.place;
            }
            Self::Add(item) => add(scenario, item),
            Self::Replace { index, item } => replace(scenario, index, item)?,
            Self::Remove { list, index } => remove(scenario, list, index)?,
            Self::Move { list, from, to } => move_item(scenario, list, from, to)?,
            Self::RemoveActor { id, dependents } => refs::remove_actor(scenario, &id, dependents)?,
            Self::MoveActor { id, to } => {
                let actor = scenario
                    .actors
                    .iter_mut()
                    .find(|a| a.id == id)
                    .ok_or(EditError::NoSuchActor(id))?;
                actor.map_position = to;
            }
            Self::SetInvited { id, invited } => {
                set_member(&mut conference_mut(scenario).invited, id, invited);
            }
            Self::SetHost { id, host } => {
                set_member(&mut conference_mut(scenario).hosts, id, host);
            }
            Self::SetActors(actors) => scenario.actors = actors,
        }
        Ok(())
    }
}

/// The conference, created empty if the scenario has none.
fn conference_mut(scenario: &mut Scenario) -> &mut Conference {
    scenario.conference.get_or_insert_with(Conference::default)
}

/// Adds `id` to a list of ids or takes it out.
fn set_member(list: &mut Vec<String>, id: String, member: bool) {
    let present = list.contains(&id);
    if member && !present {
        list.push(id);
    } else if !member {
        list.retain(|x| *x != id);
    }
}

/// The id item `index` of `list` has now.
fn old_id(scenario: &Scenario, list: List, index: usize) -> Option<&str> {
    let conference = scenario.conference.as_ref();
    match list {
        List::Stances => scenario.stance_scale.get(index).map(|s| s.id.as_str()),
        List::RelationKinds => scenario.relation_kinds.get(index).map(|k| k.id.as_str()),
        List::WeightKinds => scenario.weight_kinds.get(index).map(|k| k.id.as_str()),
        List::Groups => scenario.groups.get(index).map(|g| g.id.as_str()),
        List::Sources => scenario.sources.get(index).map(|s| s.id.as_str()),
        List::Actors => scenario.actors.get(index).map(|a| a.id.as_str()),
        List::Quotes => scenario.quotes.get(index).map(|q| q.id.as_str()),
        List::NamedScenarios => conference
            .and_then(|c| c.scenarios.get(index))
            .map(|n| n.id.as_str()),
        List::Relations | List::Rules | List::Disputes | List::StorySteps => None,
    }
}

/// Calls `f` with the vector behind `list`, typed as `Item`s go in and out.
macro_rules! with_list {
    ($scenario:expr, $list:expr, |$v:ident| $body:expr) => {
        match $list {
            List::Stances => {
                let $v = &mut $scenario.stance_scale;
                $body
            }
            List::RelationKinds => {
                let $v = &mut $scenario.relation_kinds;
                $body
            }
            List::WeightKinds => {
                let $v = &mut $scenario.weight_kinds;
                $body
            }
            List::Groups => {
                let $v = &mut $scenario.groups;
                $body
            }
            List::Sources => {
                let $v = &mut $scenario.sources;
                $body
            }
            List::Actors => {
                let $v = &mut $scenario.actors;
                $body
            }
            List::Relations => {
                let $v = &mut $scenario.relations;
                $body
            }
            List::Quotes => {
                let $v = &mut $scenario.quotes;
                $body
            }
            List::Rules => {
                let $v = &mut conference_mut($scenario).rules;
                $body
            }
            List::NamedScenarios => {
                let $v = &mut conference_mut($scenario).scenarios;
                $body
            }
            List::Disputes => {
                let $v = &mut $scenario.disputes;
                $body
            }
            List::StorySteps => {
                let $v = &mut $scenario.story;
                $body
            }
        }
    };
}

fn add(scenario: &mut Scenario, item: Item) {
    match item {
        Item::Stance(x) => scenario.stance_scale.push(x),
        Item::RelationKind(x) => scenario.relation_kinds.push(x),
        Item::WeightKind(x) => scenario.weight_kinds.push(x),
        Item::Group(x) => scenario.groups.push(x),
        Item::Source(x) => scenario.sources.push(x),
        Item::Actor(x) => scenario.actors.push(x),
        Item::Relation(x) => scenario.relations.push(x),
        Item::Quote(x) => scenario.quotes.push(x),
        Item::Rule(x) => conference_mut(scenario).rules.push(x),
        Item::NamedScenario(x) => conference_mut(scenario).scenarios.push(x),
        Item::Dispute(x) => scenario.disputes.push(x),
        Item::StoryStep(x) => scenario.story.push(x),
    }
}

fn replace(scenario: &mut Scenario, index: usize, item: Item) -> Result<(), EditError> {
    let list = item.list();
    let noun = list.noun();
    if index >= list.len(scenario) {
        return Err(EditError::NoSuchItem { noun, index });
    }
    if let (Some(new), Some(old)) = (item.id(), old_id(scenario, list, index))
        && new != old
    {
        let taken =
            (0..list.len(scenario)).any(|i| i != index && old_id(scenario, list, i) == Some(new));
        if taken {
            return Err(EditError::IdTaken {
                noun,
                id: new.to_owned(),
            });
        }
        let (old, new) = (old.to_owned(), new.to_owned());
        refs::rename(scenario, list, &old, &new);
    }
    match item {
        Item::Stance(x) => scenario.stance_scale[index] = x,
        Item::RelationKind(x) => scenario.relation_kinds[index] = x,
        Item::WeightKind(x) => scenario.weight_kinds[index] = x,
        Item::Group(x) => scenario.groups[index] = x,
        Item::Source(x) => scenario.sources[index] = x,
        Item::Actor(x) => scenario.actors[index] = x,
        Item::Relation(x) => scenario.relations[index] = x,
        Item::Quote(x) => scenario.quotes[index] = x,
        Item::Rule(x) => conference_mut(scenario).rules[index] = x,
        Item::NamedScenario(x) => conference_mut(scenario).scenarios[index] = x,
        Item::Dispute(x) => scenario.disputes[index] = x,
        Item::StoryStep(x) => scenario.story[index] = x,
    }
    Ok(())
}

fn remove(scenario: &mut Scenario, list: List, index: usize) -> Result<(), EditError> {
    if list == List::Actors {
        return Err(EditError::ActorNeedsDependents);
    }
    if index >= list.len(scenario) {
        return Err(EditError::NoSuchItem {
            noun: list.noun(),
            index,
        });
    }
    with_list!(scenario, list, |v| {
        v.remove(index);
    });
    Ok(())
}

fn move_item(scenario: &mut Scenario, list: List, from: usize, to: usize) -> Result<(), EditError> {
    let len = list.len(scenario);
    for index in [from, to] {
        if index >= len {
            return Err(EditError::NoSuchItem {
                noun: list.noun(),
                index,
            });
        }
    }
    with_list!(scenario, list, |v| {
        let item = v.remove(from);
        v.insert(to, item);
    });
    Ok(())
}

/// An id not yet used: `base1`, `base2`…
pub fn fresh_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..=usize::MAX)
        .map(|n| format!("{base}{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_skip_the_taken_ones() {
        assert_eq!(fresh_id("NEW", |id| id == "NEW1" || id == "NEW2"), "NEW3");
    }

    fn paris() -> Scenario {
        crate::io::paris_2014().expect("the built-in scenario loads")
    }

    #[test]
    fn renaming_an_actor_carries_the_id_into_every_reference() {
        let mut s = paris();
        let index = s.actor_index("IRN").expect("Iran is in Paris 2014");
        let mut iran = s.actors[index].clone();
        iran.id = "IRAN".into();
        let before_refs = uses_of(&s, List::Actors, "IRN");
        assert!(
            before_refs > 0,
            "Iran is named by relations, quotes or rules"
        );
        Edit::Replace {
            index,
            item: Item::Actor(iran),
        }
        .apply(&mut s)
        .expect("the rename applies");
        assert_eq!(uses_of(&s, List::Actors, "IRN"), 0);
        assert_eq!(uses_of(&s, List::Actors, "IRAN"), before_refs);
        assert!(
            crate::model::validate(&s).is_empty(),
            "no dangling reference"
        );
    }

    #[test]
    fn an_id_another_item_has_is_refused_and_nothing_changes() {
        let mut s = paris();
        let original = s.clone();
        let mut first = s.actors[0].clone();
        first.id.clone_from(&s.actors[1].id);
        let err = Edit::Replace {
            index: 0,
            item: Item::Actor(first),
        }
        .apply(&mut s);
        assert!(matches!(err, Err(EditError::IdTaken { .. })), "{err:?}");
        assert_eq!(s, original);
    }

    #[test]
    fn a_stale_index_is_an_error_not_a_panic() {
        let mut s = paris();
        let n = s.quotes.len();
        let err = Edit::Remove {
            list: List::Quotes,
            index: n,
        }
        .apply(&mut s);
        assert_eq!(
            err,
            Err(EditError::NoSuchItem {
                noun: "quote",
                index: n
            })
        );
        let err = Edit::Move {
            list: List::Stances,
            from: 0,
            to: 99,
        }
        .apply(&mut s);
        assert!(err.is_err());
    }

    #[test]
    fn moving_an_item_reorders_the_list() {
        let mut s = paris();
        let ids: Vec<String> = s.stance_scale.iter().map(|x| x.id.clone()).collect();
        Edit::Move {
            list: List::Stances,
            from: 0,
            to: 2,
        }
        .apply(&mut s)
        .expect("in range");
        let moved: Vec<String> = s.stance_scale.iter().map(|x| x.id.clone()).collect();
        assert_eq!(moved[2], ids[0]);
        assert_eq!(moved[0], ids[1]);
        assert_eq!(moved[1], ids[2]);
    }
}
