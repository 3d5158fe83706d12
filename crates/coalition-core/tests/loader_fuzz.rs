//! The loader and everything after it, fed random and mutated files: nothing
//! panics. A file that loads is validated, its conference evaluated, its
//! what-flips computed and its report written, as the app would.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use coalition_core::decide::Engine;
use coalition_core::decide::report::ReportRequest;
use coalition_core::decide::report::attendance_report;
use coalition_core::decide::whatif::{base_invitations, invitations, what_flips};
use coalition_core::io::{PARIS_2014, scenario_from_bytes};
use coalition_core::model::validate;
use proptest::prelude::*;

/// Runs what the app runs on a freshly loaded file.
fn exercise(bytes: &[u8]) {
    let Ok(scenario) = scenario_from_bytes(bytes) else {
        return;
    };
    let _ = validate(&scenario);
    let engine = Engine::new(&scenario);
    let base = base_invitations(&scenario);
    let _ = engine.evaluate(&base);
    let _ = what_flips(&engine, &base);
    for named in scenario.attendance_scenarios() {
        let _ = engine.evaluate(&invitations(&scenario, named));
    }
    let _ = attendance_report(&scenario, &ReportRequest::default());
}

#[derive(Clone, Debug)]
enum Mutation {
    Truncate(usize),
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    /// Replace the n-th occurrence of a quoted id with another id.
    SwapId(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1usize..200).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapId(a, b)),
    ]
}

const IDS: [&str; 8] = [
    "\"IRN\"",
    "\"SAU\"",
    "\"USA\"",
    "\"NOPE\"",
    "\"\"",
    "\"ISIL\"",
    "\"support\"",
    "\"agencies-2014-09-15\"",
];

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len().max(1);
    match m {
        Mutation::Truncate(i) => bytes.truncate(i % len),
        Mutation::Flip(i, b) => {
            if let Some(slot) = bytes.get_mut(i % len) {
                *slot = *b;
            }
        }
        Mutation::Insert(i, b) => {
            let at = (i % len).min(bytes.len());
            bytes.splice(at..at, b.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let at = (i % len).min(bytes.len());
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Mutation::SwapId(a, b) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let from = IDS[a % IDS.len()];
            let to = IDS[b % IDS.len()];
            *bytes = text.replace(from, to).into_bytes();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        exercise(&bytes);
    }

    #[test]
    fn mutated_scenarios_never_panic(mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut bytes = PARIS_2014.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        exercise(&bytes);
    }
}
