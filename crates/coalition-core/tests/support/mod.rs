//! What more than one test file of the core needs.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use coalition_core::model::Scenario;

/// `problem` (`path: message`), written with indices only, with the ids of
/// the items its path passes through, as validation writes it.
pub fn with_ids(s: &Scenario, problem: &str) -> String {
    let (path, message) = problem.split_once(": ").unwrap_or((problem, ""));
    let value = serde_json::to_value(s).expect("a scenario writes as JSON");
    format!(
        "{}: {message}",
        coalition_core::model::item_path::name_items(&value, path)
    )
}
