//! The scenario's named invitation lists, each evaluated: who attends, and
//! the measures the plot shows.

use super::measures::{Measures, measures};
use super::whatif::{base_invitations, invitations};
use super::{Engine, Outcome};
use crate::model::Scenario;

/// One named scenario, evaluated: what the plot shows.
#[derive(Clone, Debug)]
pub struct ScenarioResult {
    pub invited: Vec<bool>,
    pub outcome: Outcome,
    pub measures: Measures,
}

/// Evaluates every named scenario (or the base list when there are none).
pub fn evaluate_named(scenario: &Scenario, engine: &Engine) -> Vec<ScenarioResult> {
    let lists: Vec<Vec<bool>> = if scenario.attendance_scenarios().is_empty() {
        vec![base_invitations(scenario)]
    } else {
        scenario
            .attendance_scenarios()
            .iter()
            .map(|named| invitations(scenario, named))
            .collect()
    };
    lists
        .into_iter()
        .map(|invited| {
            let outcome = engine.evaluate(&invited);
            let measures = measures(scenario, &outcome);
            ScenarioResult {
                invited,
                outcome,
                measures,
            }
        })
        .collect()
}
