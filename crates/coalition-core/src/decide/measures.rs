//! Measures of one attendance outcome: how many attend, their weights, and
//! how much of each group is in the room.

use crate::model::Scenario;

use super::Outcome;

/// The numbers the plot shows for one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Measures {
    pub attending: usize,
    /// Per weight kind, in the scenario's order: the total over attendees.
    pub weight_totals: Vec<f64>,
    /// Per group, in the scenario's order: (attending members, all members).
    pub group_coverage: Vec<(usize, usize)>,
}

/// The measures of `outcome`.
pub fn measures(scenario: &Scenario, outcome: &Outcome) -> Measures {
    let attendees = || {
        scenario
            .actors
            .iter()
            .zip(&outcome.attending)
            .filter(|(_, attends)| **attends)
            .map(|(a, _)| a)
    };
    Measures {
        attending: outcome.attending_count(),
        weight_totals: scenario
            .weight_kinds
            .iter()
            .map(|k| attendees().filter_map(|a| a.weights.get(&k.id)).sum())
            .collect(),
        group_coverage: scenario
            .groups
            .iter()
            .map(|g| {
                let members = scenario
                    .actors
                    .iter()
                    .filter(|a| a.groups.contains(&g.id))
                    .count();
                let present = attendees().filter(|a| a.groups.contains(&g.id)).count();
                (present, members)
            })
            .collect(),
    }
}
