//! What the editor remembers: its tab, the item chosen in each list, the
//! prompts waiting for an answer, a spreadsheet import being previewed.
//! Plain state; the panels in `ui/edit/` draw it.

use std::collections::HashMap;

use crate::ui::command::EditTab;
use coalition_core::edit::{ActorUse, List, uses_of};
use coalition_core::io::csv::ActorImport;
use coalition_core::model::Scenario;

/// An actor the user asked to remove, waiting for what to do with what names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingRemoval {
    pub id: String,
    pub name: String,
    pub uses: ActorUse,
}

/// A spreadsheet of actors read and checked, waiting to be accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    pub path: std::path::PathBuf,
    pub import: ActorImport,
}

/// The editor's state.
#[derive(Clone, Debug, Default)]
pub struct EditView {
    pub tab: EditTab,
    /// The item chosen in each list (actors use the app's selection).
    pub chosen: HashMap<List, usize>,
    pub removal: Option<PendingRemoval>,
    /// A relation drawn on the map from one actor to another, waiting for its kind.
    pub drawn_relation: Option<(String, String)>,
    /// The actor a relation is being drawn from (Shift+drag on the map).
    pub drawing_from: Option<String>,
    pub import: Option<PendingImport>,
    /// Why the last edit was refused, shown beside the editor until the next edit.
    pub message: Option<String>,
    /// How many references name the chosen item of each list whose items
    /// others refer to: (document revision, index) → count. Counted when the
    /// document or the choice changes, not every frame.
    uses: HashMap<List, (u64, usize, usize)>,
}

impl EditView {
    /// The item chosen in `list`, if it still exists.
    pub fn chosen(&self, list: List, len: usize) -> Option<usize> {
        self.chosen.get(&list).copied().filter(|i| *i < len)
    }

    /// The lists whose chosen item cannot go while something refers to it.
    const GUARDED: [List; 5] = [
        List::Sources,
        List::Stances,
        List::RelationKinds,
        List::WeightKinds,
        List::Groups,
    ];

    /// Counts the references to each guarded list's chosen item, if the
    /// document or the choice changed since they were last counted.
    pub fn count_uses(&mut self, scenario: &Scenario, revision: u64) {
        for list in Self::GUARDED {
            let Some(index) = self.chosen(list, list.len(scenario)) else {
                self.uses.remove(&list);
                continue;
            };
            if self
                .uses
                .get(&list)
                .is_some_and(|&(r, i, _)| r == revision && i == index)
            {
                continue;
            }
            let count = item_id(scenario, list, index).map_or(0, |id| uses_of(scenario, list, id));
            self.uses.insert(list, (revision, index, count));
        }
    }

    /// How many references name item `index` of `list`, as last counted.
    pub fn uses(&self, list: List, index: usize) -> usize {
        self.uses
            .get(&list)
            .filter(|&&(_, i, _)| i == index)
            .map_or(0, |&(_, _, count)| count)
    }

    /// Choose item `index` of `list` (or none).
    pub fn choose(&mut self, list: List, index: Option<usize>) {
        match index {
            Some(i) => self.chosen.insert(list, i),
            None => self.chosen.remove(&list),
        };
    }
}

/// The id of item `index` of one of the guarded lists.
fn item_id(scenario: &Scenario, list: List, index: usize) -> Option<&str> {
    match list {
        List::Sources => scenario.sources.get(index).map(|x| x.id.as_str()),
        List::Stances => scenario.stance_scale.get(index).map(|x| x.id.as_str()),
        List::RelationKinds => scenario.relation_kinds.get(index).map(|x| x.id.as_str()),
        List::WeightKinds => scenario.weight_kinds.get(index).map(|x| x.id.as_str()),
        List::Groups => scenario.groups.get(index).map(|x| x.id.as_str()),
        _ => None,
    }
}
