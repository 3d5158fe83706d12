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
/// A named scenario that sets conditions is evaluated under them.
pub fn evaluate_named(scenario: &Scenario, engine: &Engine) -> Vec<ScenarioResult> {
    let lists: Vec<(Vec<bool>, Option<Engine>)> = if scenario.attendance_scenarios().is_empty() {
        vec![(base_invitations(scenario), None)]
    } else {
        scenario
            .attendance_scenarios()
            .iter()
            .map(|named| {
                let own = (!named.conditions.is_empty())
                    .then(|| Engine::with_conditions(scenario, &named.conditions));
                (invitations(scenario, named), own)
            })
            .collect()
    };
    lists
        .into_iter()
        .map(|(invited, own)| {
            let outcome = own.as_ref().unwrap_or(engine).evaluate(&invited);
            let measures = measures(scenario, &outcome);
            ScenarioResult {
                invited,
                outcome,
                measures,
            }
        })
        .collect()
}
