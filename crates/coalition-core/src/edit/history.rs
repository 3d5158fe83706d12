//! Undo and redo. Each step keeps the sections an edit touched, as they were
//! before and after, so undoing puts back exactly what was there.

use super::{Edit, EditError, Header};
use crate::model::{
    Actor, Conference, Dispute, Group, Quote, Relation, RelationKind, Scenario, Source,
    StanceCategory, StoryStep, WeightKind,
};
use crate::model::{Condition, Decision, Timeline};

/// A part of a scenario an edit may change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Header,
    Stances,
    RelationKinds,
    WeightKinds,
    Groups,
    Sources,
    Actors,
    Relations,
    Quotes,
    Conference,
    Disputes,
    Story,
    Timeline,
    Conditions,
    Decisions,
}

/// A copy of one section.
#[derive(Clone, Debug, PartialEq)]
enum Part {
    Header(Header),
    Stances(Vec<StanceCategory>),
    RelationKinds(Vec<RelationKind>),
    WeightKinds(Vec<WeightKind>),
    Groups(Vec<Group>),
    Sources(Vec<Source>),
    Actors(Vec<Actor>),
    Relations(Vec<Relation>),
    Quotes(Vec<Quote>),
    Conference(Option<Conference>),
    Disputes(Vec<Dispute>),
    Story(Vec<StoryStep>),
    Timeline(Option<Timeline>),
    Conditions(Vec<Condition>),
    Decisions(Vec<Decision>),
}

impl Part {
    fn copy(scenario: &Scenario, section: Section) -> Self {
        match section {
            Section::Header => Self::Header(Header::of(scenario)),
            Section::Stances => Self::Stances(scenario.stance_scale.clone()),
            Section::RelationKinds => Self::RelationKinds(scenario.relation_kinds.clone()),
            Section::WeightKinds => Self::WeightKinds(scenario.weight_kinds.clone()),
            Section::Groups => Self::Groups(scenario.groups.clone()),
            Section::Sources => Self::Sources(scenario.sources.clone()),
            Section::Actors => Self::Actors(scenario.actors.clone()),
            Section::Relations => Self::Relations(scenario.relations.clone()),
            Section::Quotes => Self::Quotes(scenario.quotes.clone()),
            Section::Conference => Self::Conference(scenario.conference.clone()),
            Section::Disputes => Self::Disputes(scenario.disputes.clone()),
            Section::Story => Self::Story(scenario.story.clone()),
            Section::Timeline => Self::Timeline(scenario.timeline.clone()),
            Section::Conditions => Self::Conditions(scenario.conditions.clone()),
            Section::Decisions => Self::Decisions(scenario.decisions.clone()),
        }
    }

    fn put(self, scenario: &mut Scenario) {
        match self {
            Self::Header(h) => {
                scenario.title = h.title;
                scenario.date = h.date;
                scenario.summary = h.summary;
                scenario.map = h.map;
            }
            Self::Stances(v) => scenario.stance_scale = v,
            Self::RelationKinds(v) => scenario.relation_kinds = v,
            Self::WeightKinds(v) => scenario.weight_kinds = v,
            Self::Groups(v) => scenario.groups = v,
            Self::Sources(v) => scenario.sources = v,
            Self::Actors(v) => scenario.actors = v,
            Self::Relations(v) => scenario.relations = v,
            Self::Quotes(v) => scenario.quotes = v,
            Self::Conference(v) => scenario.conference = v,
            Self::Disputes(v) => scenario.disputes = v,
            Self::Story(v) => scenario.story = v,
            Self::Timeline(v) => scenario.timeline = v,
            Self::Conditions(v) => scenario.conditions = v,
            Self::Decisions(v) => scenario.decisions = v,
        }
    }
}

/// One undoable step.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    /// Edits with the same key merge into this step until the history is sealed.
    merge_key: Option<String>,
    sections: Vec<Section>,
    before: Vec<Part>,
    after: Vec<Part>,
}

/// The undo and redo stacks. In memory only.
#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
    /// Set when a gesture ends (a field loses focus, a drag stops): the next
    /// edit starts a new step even if its key matches.
    sealed: bool,
}

impl History {
    /// How many steps are kept; the oldest go first.
    pub const LIMIT: usize = 500;

    /// Applies `edit` to `scenario` and records it. Edits with the same
    /// `merge_key` as the last step, before [`History::seal`], join that step
    /// (one typed field, one drag). An edit that changes nothing records nothing.
    pub fn apply(
        &mut self,
        scenario: &mut Scenario,
        edit: Edit,
        merge_key: Option<String>,
    ) -> Result<(), EditError> {
        let label = edit.label();
        let sections = edit.sections(scenario);
        let before: Vec<Part> = sections.iter().map(|s| Part::copy(scenario, *s)).collect();
        if let Err(err) = edit.apply(scenario) {
            // Edits check before they change anything; put back all the same.
            for part in before {
                part.put(scenario);
            }
            return Err(err);
        }
        let after: Vec<Part> = sections.iter().map(|s| Part::copy(scenario, *s)).collect();
        if before == after {
            return Ok(());
        }
        let merges = !self.sealed
            && merge_key.is_some()
            && self
                .done
                .last()
                .is_some_and(|last| last.merge_key == merge_key && last.sections == sections);
        match self.done.last_mut() {
            Some(last) if merges => last.after = after,
            _ => {
                self.done.push(Step {
                    label,
                    merge_key,
                    sections,
                    before,
                    after,
                });
                if self.done.len() > Self::LIMIT {
                    self.done.remove(0);
                }
            }
        }
        self.undone.clear();
        self.sealed = false;
        Ok(())
    }

    /// Ends the current gesture: the next edit is a step of its own.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    /// Undoes the last step; returns what it was, or `None` if there is nothing to undo.
    pub fn undo(&mut self, scenario: &mut Scenario) -> Option<String> {
        let step = self.done.pop()?;
        for part in step.before.iter().cloned() {
            part.put(scenario);
        }
        let label = step.label.clone();
        self.undone.push(step);
        self.sealed = true;
        Some(label)
    }

    /// Redoes the last undone step; returns what it was.
    pub fn redo(&mut self, scenario: &mut Scenario) -> Option<String> {
        let step = self.undone.pop()?;
        for part in step.after.iter().cloned() {
            part.put(scenario);
        }
        let label = step.label.clone();
        self.done.push(step);
        self.sealed = true;
        Some(label)
    }

    /// What undo would undo: "change actor".
    pub fn undo_label(&self) -> Option<&str> {
        self.done.last().map(|s| s.label.as_str())
    }

    /// What redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.undone.last().map(|s| s.label.as_str())
    }

    /// Forgets every step (a new document).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Item, List};

    fn paris() -> Scenario {
        crate::io::paris_2014().expect("the built-in scenario loads")
    }

    fn rename(scenario: &Scenario, name: &str) -> Edit {
        let mut actor = scenario.actors[0].clone();
        actor.name = name.into();
        Edit::Replace {
            index: 0,
            item: Item::Actor(actor),
        }
    }

    #[test]
    fn typing_in_one_field_is_one_step_until_sealed() {
        let mut s = paris();
        let original = s.clone();
        let mut h = History::default();
        for name in ["F", "Fr", "Fra"] {
            let edit = rename(&s, name);
            h.apply(&mut s, edit, Some("actor 0 name".into()))
                .expect("applies");
        }
        assert_eq!(s.actors[0].name, "Fra");
        h.seal();
        let edit = rename(&s, "Franc");
        h.apply(&mut s, edit, Some("actor 0 name".into()))
            .expect("applies");
        assert_eq!(h.undo(&mut s).as_deref(), Some("change actor"));
        assert_eq!(s.actors[0].name, "Fra");
        h.undo(&mut s);
        assert_eq!(s, original);
        assert!(h.undo(&mut s).is_none());
    }

    #[test]
    fn a_new_edit_drops_the_redo_stack() {
        let mut s = paris();
        let mut h = History::default();
        let edit = rename(&s, "A");
        h.apply(&mut s, edit, None).expect("applies");
        h.undo(&mut s);
        assert!(h.redo_label().is_some());
        let edit = Edit::Remove {
            list: List::Quotes,
            index: 0,
        };
        h.apply(&mut s, edit, None).expect("applies");
        assert!(h.redo_label().is_none());
    }

    #[test]
    fn a_refused_edit_records_nothing_and_changes_nothing() {
        let mut s = paris();
        let original = s.clone();
        let mut h = History::default();
        let edit = Edit::Remove {
            list: List::Relations,
            index: 10_000,
        };
        assert!(h.apply(&mut s, edit, None).is_err());
        assert_eq!(s, original);
        assert!(h.undo_label().is_none());
    }
}
