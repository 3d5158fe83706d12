//! The attendance engine, by property: over random invitation lists and rules
//! it is deterministic, terminates, explains every absence, seats only the
//! invited, and the people it seats keep all their own conditions.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use coalition_core::decide::search::{SearchControl, SearchRequest, best_lists};
use coalition_core::decide::{Absence, Engine, Outcome};
use coalition_core::model::{Actor, AttendanceRule, Conference, RuleKind, Scenario};
use proptest::prelude::*;

fn id(i: usize) -> String {
    format!("A{i}")
}

fn scenario(actors: usize, rules: &[(bool, usize, usize)]) -> Scenario {
    Scenario {
        actors: (0..actors)
            .map(|i| Actor {
                id: id(i),
                name: id(i),
                ..Actor::default()
            })
            .collect(),
        conference: Some(Conference {
            invited: (0..actors).rev().map(id).collect(),
            rules: rules
                .iter()
                .map(|&(not, x, y)| AttendanceRule {
                    kind: if not {
                        RuleKind::WillNotAttendIf
                    } else {
                        RuleKind::AttendsOnlyIf
                    },
                    actor: id(x % actors),
                    other: id(y % actors),
                    source: "s".into(),
                    note: String::new(),
                    unless: None,
                })
                .collect(),
            ..Conference::default()
        }),
        ..Scenario::default()
    }
}

fn rule_of(s: &Scenario, rule: usize) -> (RuleKind, usize, usize) {
    let r = &s.conference.as_ref().expect("conference").rules[rule];
    (
        r.kind,
        s.actor_index(&r.actor).expect("actor"),
        s.actor_index(&r.other).expect("other"),
    )
}

/// Every absence's reason holds in the final outcome, or is a reported conflict.
fn check_explanations(s: &Scenario, invited: &[bool], out: &Outcome) -> Result<(), TestCaseError> {
    for (i, attends) in out.attending.iter().enumerate() {
        let absence = out.absence(i);
        prop_assert_eq!(
            *attends,
            absence.is_none(),
            "actor {} is both or neither",
            i
        );
        prop_assert!(!attends || invited[i], "actor {} attends uninvited", i);
        let Some(absence) = absence else { continue };
        prop_assert_eq!(
            absence == Absence::NotInvited,
            !invited[i],
            "actor {}: {:?}",
            i,
            absence
        );
        match absence {
            Absence::NotInvited => {}
            Absence::Rule { rule, trigger } => {
                let (kind, x, y) = rule_of(s, rule);
                prop_assert_eq!((x, y), (i, trigger));
                match kind {
                    RuleKind::WillNotAttendIf => {
                        prop_assert!(out.attending[trigger], "{i}'s trigger is away");
                    }
                    RuleKind::AttendsOnlyIf => {
                        prop_assert!(!out.attending[trigger], "{i}'s partner came");
                    }
                }
            }
            Absence::Priority { rule, trigger } => {
                let (kind, x, y) = rule_of(s, rule);
                prop_assert_eq!((kind, x, y), (RuleKind::WillNotAttendIf, trigger, i));
                prop_assert!(out.attending[trigger]);
                prop_assert!(
                    out.conflicts.iter().any(|c| c.absent == i),
                    "priority not reported"
                );
            }
            Absence::Paradox { rule, trigger } => {
                let (kind, x, y) = rule_of(s, rule);
                prop_assert_eq!((kind, x, y), (RuleKind::AttendsOnlyIf, i, trigger));
                prop_assert!(
                    out.conflicts.iter().any(|c| c.absent == i),
                    "paradox not reported"
                );
            }
        }
    }
    Ok(())
}

/// Everyone seated keeps every condition they set.
fn check_consistency(s: &Scenario, out: &Outcome) -> Result<(), TestCaseError> {
    for rule in 0..s.conference.as_ref().map_or(0, |c| c.rules.len()) {
        let (kind, x, y) = rule_of(s, rule);
        if x == y || !out.attending[x] {
            continue;
        }
        match kind {
            RuleKind::WillNotAttendIf => {
                prop_assert!(!out.attending[y], "{x} sits with {y} against rule {rule}");
            }
            RuleKind::AttendsOnlyIf => {
                prop_assert!(out.attending[y], "{x} came without {y} against rule {rule}");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_engine_is_deterministic_sound_and_explains_every_absence(
        actors in 1usize..10,
        rules in prop::collection::vec((any::<bool>(), 0usize..10, 0usize..10), 0..20),
        invited_bits in any::<u16>(),
    ) {
        let s = scenario(actors, &rules);
        let invited: Vec<bool> = (0..actors).map(|i| invited_bits & (1 << i) != 0).collect();
        let engine = Engine::new(&s);
        let out = engine.evaluate(&invited);
        prop_assert_eq!(&out, &Engine::new(&s).evaluate(&invited), "not deterministic");
        check_explanations(&s, &invited, &out)?;
        check_consistency(&s, &out)?;
    }

    #[test]
    fn the_search_front_matches_brute_force(
        actors in 2usize..8,
        rules in prop::collection::vec((any::<bool>(), 0usize..8, 0usize..8), 0..12),
        weights in prop::collection::vec(0u8..4, 8),
        swing_bits in 1u8..=255,
    ) {
        let s = scenario(actors, &rules);
        let engine = Engine::new(&s);
        let swing: Vec<usize> = (0..actors).filter(|i| swing_bits & (1 << i) != 0).collect();
        prop_assume!(!swing.is_empty());
        let request = SearchRequest {
            base_invited: vec![true; actors],
            swing: swing.clone(),
            weights: weights.iter().take(actors).map(|w| f64::from(*w)).collect(),
        };
        let one = best_lists(&engine, &request, &SearchControl::default(), 1).expect("runs");
        let three = best_lists(&engine, &request, &SearchControl::default(), 3).expect("runs");
        prop_assert_eq!(&one, &three, "the answer depends on the thread count");
        // Brute force: every point of the front is reachable, and none is beaten.
        let all: Vec<(usize, f64)> = (0..1u32 << swing.len())
            .map(|mask| {
                let mut invited = vec![true; actors];
                for (k, &a) in swing.iter().enumerate() {
                    invited[a] = mask & (1 << k) != 0;
                }
                let out = engine.evaluate(&invited);
                let support = (0..actors).filter(|&i| out.attending[i]).map(|i| request.weights[i]).sum();
                (out.attending_count(), support)
            })
            .collect();
        for c in &one {
            prop_assert!(all.contains(&(c.attending, c.support)));
            let out = engine.evaluate(&c.invited(&request));
            prop_assert_eq!(out.attending_count(), c.attending);
            prop_assert!(!all.iter().any(|&(n, w)| n >= c.attending && w >= c.support && (n > c.attending || w > c.support)));
        }
        for &(n, w) in &all {
            let dominated_or_on = one.iter().any(|c| c.attending >= n && c.support >= w);
            prop_assert!(dominated_or_on, "({n}, {w}) is neither on nor under the front");
        }
    }
}

#[test]
fn a_cancelled_search_says_so() {
    let s = scenario(6, &[(true, 0, 1)]);
    let engine = Engine::new(&s);
    let control = SearchControl::default();
    control
        .cancel
        .store(true, std::sync::atomic::Ordering::Relaxed);
    let request = SearchRequest {
        base_invited: vec![true; 6],
        swing: (0..6).collect(),
        weights: vec![1.0; 6],
    };
    assert_eq!(
        best_lists(&engine, &request, &control, 2),
        Err(coalition_core::decide::search::SearchError::Cancelled)
    );
}

#[test]
fn more_than_twenty_swing_actors_are_refused() {
    let s = scenario(22, &[]);
    let request = SearchRequest {
        base_invited: vec![true; 22],
        swing: (0..21).collect(),
        weights: vec![1.0; 22],
    };
    assert!(best_lists(&Engine::new(&s), &request, &SearchControl::default(), 2).is_err());
}

#[test]
fn a_swing_actor_the_scenario_lacks_changes_nothing() {
    let s = scenario(4, &[(true, 0, 1), (false, 2, 3)]);
    let engine = Engine::new(&s);
    let request = |swing: Vec<usize>| SearchRequest {
        base_invited: vec![true; 4],
        swing,
        weights: vec![1.0, 2.0, 3.0, 4.0],
    };
    let known =
        best_lists(&engine, &request(vec![1, 3]), &SearchControl::default(), 2).expect("a search");
    let with_unknown = best_lists(
        &engine,
        &request(vec![1, 3, 9]),
        &SearchControl::default(),
        2,
    )
    .expect("a search");
    let points = |front: &[coalition_core::decide::search::Candidate]| {
        front
            .iter()
            .map(|c| (c.attending, c.support))
            .collect::<Vec<_>>()
    };
    assert!(!known.is_empty());
    assert_eq!(points(&known), points(&with_unknown));
}
