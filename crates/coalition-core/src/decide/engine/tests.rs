//! The engine against a slow reference that reads the documented semantics
//! plainly (property tests), and the sweep against fresh evaluations.

use super::*;
use crate::model::{Actor, AttendanceRule, Conference};

/// A scenario with actors A, B, C, … (in that priority order) and the given rules.
fn scenario(actors: usize, rules: &[(RuleKind, usize, usize)]) -> Scenario {
    let id = |i: usize| char::from(b'A' + i as u8).to_string();
    Scenario {
        actors: (0..actors)
            .map(|i| Actor {
                id: id(i),
                name: id(i),
                ..Actor::default()
            })
            .collect(),
        conference: Some(Conference {
            invited: (0..actors).map(id).collect(),
            rules: rules
                .iter()
                .map(|&(kind, x, y)| AttendanceRule {
                    kind,
                    actor: id(x),
                    other: id(y),
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

use RuleKind::{AttendsOnlyIf as Only, WillNotAttendIf as Not};

#[test]
fn an_objector_stays_away_when_the_actor_it_objects_to_attends() {
    let engine = Engine::new(&scenario(2, &[(Not, 0, 1)]));
    let out = engine.evaluate(&[true, true]);
    assert_eq!(out.attending, vec![false, true]);
    assert_eq!(
        out.absence(0),
        Some(Absence::Rule {
            rule: 0,
            trigger: 1
        })
    );
    assert!(out.conflicts.is_empty());
    let out = engine.evaluate(&[true, false]);
    assert_eq!(out.attending, vec![true, false]);
    assert_eq!(out.absence(1), Some(Absence::NotInvited));
}

#[test]
fn a_chain_is_followed_to_its_end() {
    // A stays away if B attends; B attends only if C attends; C is not invited.
    let engine = Engine::new(&scenario(3, &[(Not, 0, 1), (Only, 1, 2)]));
    let out = engine.evaluate(&[true, true, false]);
    assert_eq!(out.attending, vec![true, false, false]);
    assert_eq!(
        out.absence(1),
        Some(Absence::Rule {
            rule: 1,
            trigger: 2
        })
    );
    // With C invited, B comes and A stays away.
    let out = engine.evaluate(&[true, true, true]);
    assert_eq!(out.attending, vec![false, true, true]);
}

#[test]
fn a_mutual_exclusion_is_settled_by_the_hosts_order_and_reported() {
    let engine = Engine::new(&scenario(2, &[(Not, 1, 0), (Not, 0, 1)]));
    let out = engine.evaluate(&[true, true]);
    assert_eq!(
        out.attending,
        vec![true, false],
        "A comes first in the order"
    );
    assert_eq!(out.conflicts.len(), 1);
    assert_eq!((out.conflicts[0].absent, out.conflicts[0].kept), (1, 0));
}

#[test]
fn a_one_sided_cycle_keeps_the_earlier_actor() {
    // A will not come if B does; B comes only if A does.
    let engine = Engine::new(&scenario(2, &[(Not, 0, 1), (Only, 1, 0)]));
    let out = engine.evaluate(&[true, true]);
    assert_eq!(out.attending, vec![true, false]);
    assert_eq!(
        out.absence(1),
        Some(Absence::Priority {
            rule: 0,
            trigger: 0
        })
    );
    assert_eq!(out.conflicts.len(), 1);
}

#[test]
fn a_paradox_is_reported_not_looped_on() {
    // A attends only if B attends; B will not attend if A attends.
    let engine = Engine::new(&scenario(2, &[(Only, 0, 1), (Not, 1, 0)]));
    let out = engine.evaluate(&[true, true]);
    assert_eq!(out.attending, vec![false, true]);
    assert_eq!(
        out.absence(0),
        Some(Absence::Paradox {
            rule: 0,
            trigger: 1
        })
    );
    assert_eq!(out.conflicts.len(), 1);
}

#[test]
fn mutual_dependence_lets_both_come_or_neither() {
    let engine = Engine::new(&scenario(2, &[(Only, 0, 1), (Only, 1, 0)]));
    assert_eq!(engine.evaluate(&[true, true]).attending, vec![true, true]);
    let out = engine.evaluate(&[true, false]);
    assert_eq!(out.attending, vec![false, false]);
    assert_eq!(
        out.absence(0),
        Some(Absence::Rule {
            rule: 0,
            trigger: 1
        })
    );
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Undecided,
    Attending,
    Absent(Absence),
}

/// The semantics read plainly, as the module's documentation states them:
/// decide everyone in order from scratch (an undecided actor sets off no
/// rule), remove the first attending actor in order whose partner did not
/// come, and start again; at the end, a removed actor whose partner came
/// is a paradox. Slow, and written to be obviously right.
fn plain_reading(engine: &Engine, s: &Scenario, invited: &[bool]) -> Vec<State> {
    let n = s.actors.len();
    let rules: Vec<(usize, RuleKind, usize, usize)> = s
        .conference
        .iter()
        .flat_map(|c| c.rules.iter().enumerate())
        .filter_map(|(r, rule)| {
            let x = s.actor_index(&rule.actor)?;
            let y = s.actor_index(&rule.other)?;
            (x != y).then_some((r, rule.kind, x, y))
        })
        .collect();
    let mut let_down: Vec<Option<(usize, usize)>> = vec![None; n];
    loop {
        let mut states = vec![State::Undecided; n];
        for &x in &engine.order {
            let own = rules
                .iter()
                .filter(|r| r.2 == x)
                .find_map(|&(rule, kind, _, y)| {
                    let applies = match kind {
                        RuleKind::WillNotAttendIf => states[y] == State::Attending,
                        RuleKind::AttendsOnlyIf => matches!(states[y], State::Absent(_)),
                    };
                    applies.then_some(Absence::Rule { rule, trigger: y })
                });
            let objected = || {
                rules.iter().find_map(|&(rule, kind, objector, y)| {
                    (kind == RuleKind::WillNotAttendIf
                        && y == x
                        && states[objector] == State::Attending)
                        .then_some(Absence::Priority {
                            rule,
                            trigger: objector,
                        })
                })
            };
            states[x] = if !invited[x] {
                State::Absent(Absence::NotInvited)
            } else if let Some((rule, trigger)) = let_down[x] {
                State::Absent(Absence::Rule { rule, trigger })
            } else if let Some(absence) = own.or_else(objected) {
                State::Absent(absence)
            } else {
                State::Attending
            };
        }
        let removed = engine.order.iter().find_map(|&x| {
            rules.iter().find_map(|&(rule, kind, a, y)| {
                (a == x
                    && kind == RuleKind::AttendsOnlyIf
                    && states[x] == State::Attending
                    && states[y] != State::Attending)
                    .then_some((x, rule, y))
            })
        });
        if let Some((x, rule, y)) = removed {
            let_down[x] = Some((rule, y));
            continue;
        }
        for x in 0..n {
            if let Some((rule, y)) = let_down[x]
                && states[y] == State::Attending
            {
                states[x] = State::Absent(Absence::Paradox { rule, trigger: y });
            }
        }
        return states;
    }
}

/// Rules from proptest's raw draws: (will not attend?, actor, other), taken modulo `actors`.
fn random_rules(actors: usize, raw: &[(bool, usize, usize)]) -> Vec<(RuleKind, usize, usize)> {
    raw.iter()
        .map(|&(not, x, y)| (if not { Not } else { Only }, x % actors, y % actors))
        .collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// The engine decides again only what a change can reach; the answer,
    /// reasons included, must be the plain reading's.
    #[test]
    fn the_engine_gives_the_plain_readings_answer(
        actors in 1usize..14,
        rules in proptest::collection::vec((proptest::bool::ANY, 0usize..14, 0usize..14), 0..40),
        invited_bits in proptest::num::u16::ANY,
    ) {
        let s = scenario(actors, &random_rules(actors, &rules));
        let invited: Vec<bool> = (0..actors).map(|i| invited_bits & (1 << i) != 0).collect();
        let engine = Engine::new(&s);
        let expected = plain_reading(&engine, &s, &invited);
        let out = engine.evaluate(&invited);
        let states: Vec<State> = (0..actors)
            .map(|i| out.absence(i).map_or(State::Attending, State::Absent))
            .collect();
        proptest::prop_assert_eq!(&states, &expected);
        let attending: Vec<bool> = expected.iter().map(|s| *s == State::Attending).collect();
        proptest::prop_assert_eq!(out.attending, attending);
    }

    /// A sweep through changing lists answers as a fresh evaluation does.
    #[test]
    fn a_sweep_answers_as_a_fresh_evaluation_does(
        actors in 1usize..12,
        rules in proptest::collection::vec((proptest::bool::ANY, 0usize..12, 0usize..12), 0..30),
        start_bits in proptest::num::u16::ANY,
        changes in proptest::collection::vec((0usize..12, proptest::bool::ANY), 1..20),
    ) {
        let engine = Engine::new(&scenario(actors, &random_rules(actors, &rules)));
        let mut invited: Vec<bool> = (0..actors).map(|i| start_bits & (1 << i) != 0).collect();
        let mut sweep = Sweep::new(&engine, &invited);
        let mut attending = Vec::new();
        for &(actor, invite) in &changes {
            let actor = actor % actors;
            invited[actor] = invite;
            sweep.set_invited(actor, invite);
            sweep.attending_into(&mut attending);
            proptest::prop_assert_eq!(&attending, &engine.evaluate(&invited).attending);
        }
    }
}

#[test]
fn components_come_out_dependencies_first() {
    // 0 -> 1 -> 2, and 3 <-> 4.
    let components = strongly_connected_components(&[vec![1], vec![2], vec![], vec![4], vec![3]]);
    let position = |x: usize| {
        components
            .iter()
            .position(|c| c.contains(&x))
            .expect("listed")
    };
    assert!(position(2) < position(1) && position(1) < position(0));
    assert_eq!(components[position(3)], vec![3, 4]);
}
