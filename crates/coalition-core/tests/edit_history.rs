//! Undo and redo, by property: over random sequences of edits to the Paris
//! 2014 scenario (renames that cascade, into the story too; removals with and
//! without their dependents; moves, imports, typed fields that merge; story
//! steps added, changed, removed and moved), undoing every step
//! gives back the original scenario exactly, and redoing every step gives back
//! the edited one.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use coalition_core::edit::{ConferenceInfo, Dependents, Edit, Header, History, Item, List};
use coalition_core::model::{
    Actor, GeoPos, Quote, Relation, RelationRef, Scenario, StoryStep, validate,
};
use proptest::prelude::*;

/// One random edit, described by numbers that are fitted to the scenario's
/// current lists when it is made.
#[derive(Clone, Debug)]
struct Seed {
    kind: u8,
    a: usize,
    b: usize,
    text: String,
    /// Merge with the previous edit of the same kind (a typed field).
    merge: bool,
    /// End the gesture after this edit.
    seal: bool,
}

fn seed() -> impl Strategy<Value = Seed> {
    (
        0u8..21,
        any::<usize>(),
        any::<usize>(),
        "[A-Za-z ]{0,6}",
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(kind, a, b, text, merge, seal)| Seed {
            kind,
            a,
            b,
            text,
            merge,
            seal,
        })
}

fn pick(len: usize, n: usize) -> usize {
    if len == 0 { 0 } else { n % len }
}

const LISTS: [List; 11] = [
    List::Stances,
    List::RelationKinds,
    List::WeightKinds,
    List::Groups,
    List::Sources,
    List::Relations,
    List::Quotes,
    List::Rules,
    List::NamedScenarios,
    List::Disputes,
    List::StorySteps,
];

/// The edit a seed makes on `s`.
fn make(s: &Scenario, seed: &Seed) -> Edit {
    let actor_index = pick(s.actors.len(), seed.a);
    let actor_id = s
        .actors
        .get(actor_index)
        .map_or_else(String::new, |a| a.id.clone());
    match seed.kind {
        0 => Edit::SetHeader(Header {
            title: seed.text.clone(),
            ..Header::of(s)
        }),
        1 => Edit::SetConferenceInfo(ConferenceInfo {
            name: seed.text.clone(),
            ..ConferenceInfo::default()
        }),
        2 => Edit::Add(Item::Actor(Actor {
            id: format!("N{}", seed.b % 50),
            name: seed.text.clone(),
            ..Actor::default()
        })),
        3 | 4 => {
            let mut actor = s.actors.get(actor_index).cloned().unwrap_or_default();
            if seed.kind == 3 {
                actor.name.push_str(&seed.text);
            } else {
                actor.id = format!("R{}", seed.b % 40);
            }
            Edit::Replace {
                index: actor_index,
                item: Item::Actor(actor),
            }
        }
        5 => {
            let list = LISTS[seed.a % LISTS.len()];
            Edit::Remove {
                list,
                index: pick(list.len(s), seed.b),
            }
        }
        6 => {
            let list = LISTS[seed.a % LISTS.len()];
            let len = list.len(s);
            Edit::Move {
                list,
                from: pick(len, seed.b),
                to: pick(len, seed.b / 7),
            }
        }
        7 => Edit::RemoveActor {
            id: actor_id,
            dependents: if seed.b.is_multiple_of(2) {
                Dependents::RemoveToo
            } else {
                Dependents::KeepAndFlag
            },
        },
        8 => Edit::MoveActor {
            id: actor_id,
            to: (!seed.b.is_multiple_of(3)).then_some(GeoPos {
                lat: (seed.b % 120) as f64 - 60.0,
                lon: (seed.b % 300) as f64 - 150.0,
            }),
        },
        9 => Edit::SetInvited {
            id: actor_id,
            invited: seed.b.is_multiple_of(2),
        },
        10 => Edit::SetHost {
            id: actor_id,
            host: seed.b.is_multiple_of(2),
        },
        11 => match s.quotes.get(pick(s.quotes.len(), seed.b)) {
            Some(quote) if seed.b.is_multiple_of(2) => Edit::Replace {
                index: pick(s.quotes.len(), seed.b),
                item: Item::Quote(Quote {
                    text: format!("{}{}", quote.text, seed.text),
                    ..quote.clone()
                }),
            },
            _ => Edit::Add(Item::Quote(Quote {
                id: format!("q{}", seed.b % 30),
                speaker: seed.text.clone(),
                actor: Some(actor_id),
                ..Quote::default()
            })),
        },
        12 | 13 => {
            let (list, len) = if seed.kind == 12 {
                (List::Stances, s.stance_scale.len())
            } else {
                (List::Sources, s.sources.len())
            };
            let index = pick(len, seed.b);
            let new_id = format!("x{}", seed.a % 20);
            let item = if seed.kind == 12 {
                s.stance_scale.get(index).cloned().map(|mut x| {
                    x.id = new_id;
                    Item::Stance(x)
                })
            } else {
                s.sources.get(index).cloned().map(|mut x| {
                    x.id = new_id;
                    Item::Source(x)
                })
            };
            match item {
                Some(item) => Edit::Replace { index, item },
                None => Edit::Remove { list, index },
            }
        }
        14 => {
            let mut actors = s.actors.clone();
            let by = pick(actors.len(), seed.b);
            actors.rotate_left(by);
            Edit::SetActors(actors)
        }
        16 => Edit::Add(Item::StoryStep(story_step(s, seed, &actor_id))),
        17 => {
            let index = pick(s.story.len(), seed.b);
            match s.story.get(index) {
                Some(step) => {
                    let mut step = step.clone();
                    step.title.push_str(&seed.text);
                    step.notes.push_str(&seed.text);
                    step.predict = if seed.a.is_multiple_of(2) {
                        None
                    } else {
                        Some(seed.text.clone())
                    };
                    if seed.a.is_multiple_of(3) {
                        step.highlight.push(actor_id);
                    }
                    Edit::Replace {
                        index,
                        item: Item::StoryStep(step),
                    }
                }
                None => Edit::Add(Item::StoryStep(story_step(s, seed, &actor_id))),
            }
        }
        18..=20 => rename(s, seed),
        _ => Edit::Add(Item::Relation(Relation {
            from: actor_id,
            to: s
                .actors
                .get(pick(s.actors.len(), seed.b))
                .map_or_else(String::new, |a| a.id.clone()),
            kind: s
                .relation_kinds
                .first()
                .map_or_else(String::new, |k| k.id.clone()),
            ..Relation::default()
        })),
    }
}

/// A story step naming what the scenario has now: an actor, a relation, a
/// quote, a named what-if and a source, picked by the seed's numbers.
fn story_step(s: &Scenario, seed: &Seed, actor_id: &str) -> StoryStep {
    let named = s.attendance_scenarios();
    StoryStep {
        title: seed.text.clone(),
        date: None,
        text: seed.text.clone(),
        scenario: named
            .get(pick(named.len(), seed.b))
            .filter(|_| seed.a.is_multiple_of(2))
            .map(|n| n.id.clone()),
        highlight: vec![actor_id.to_owned()],
        highlight_relations: s
            .relations
            .get(pick(s.relations.len(), seed.b / 3))
            .map(|r| RelationRef {
                from: r.from.clone(),
                to: r.to.clone(),
                kind: r.kind.clone(),
            })
            .into_iter()
            .collect(),
        quote: s
            .quotes
            .get(pick(s.quotes.len(), seed.b / 5))
            .map(|q| q.id.clone()),
        predict: seed.merge.then(|| seed.text.clone()),
        notes: String::new(),
        sources: s
            .sources
            .get(pick(s.sources.len(), seed.b / 7))
            .map(|x| x.id.clone())
            .into_iter()
            .collect(),
    }
}

/// A new id for a quote, a named what-if or a relation kind: renames the
/// story refers to.
fn rename(s: &Scenario, seed: &Seed) -> Edit {
    let new_id = format!("y{}", seed.a % 20);
    let (list, item) = match seed.kind {
        18 => {
            let index = pick(s.quotes.len(), seed.b);
            let item = s.quotes.get(index).cloned().map(|mut x| {
                x.id = new_id;
                Item::Quote(x)
            });
            (List::Quotes, item.map(|item| (index, item)))
        }
        19 => {
            let named = s.attendance_scenarios();
            let index = pick(named.len(), seed.b);
            let item = named.get(index).cloned().map(|mut x| {
                x.id = new_id;
                Item::NamedScenario(x)
            });
            (List::NamedScenarios, item.map(|item| (index, item)))
        }
        _ => {
            let index = pick(s.relation_kinds.len(), seed.b);
            let item = s.relation_kinds.get(index).cloned().map(|mut x| {
                x.id = new_id;
                Item::RelationKind(x)
            });
            (List::RelationKinds, item.map(|item| (index, item)))
        }
    };
    match item {
        Some((index, item)) => Edit::Replace { index, item },
        None => Edit::Remove { list, index: 0 },
    }
}

/// The seed kinds that rename an id.
const RENAMES: [u8; 6] = [4, 12, 13, 18, 19, 20];

/// How many problems validation finds in the story.
fn story_problems(s: &Scenario) -> usize {
    validate(s)
        .iter()
        .filter(|p| p.path.starts_with("story["))
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn undo_all_gives_back_the_original_and_redo_all_the_edited(
        seeds in prop::collection::vec(seed(), 1..40)
    ) {
        let original = coalition_core::io::paris_2014().expect("the built-in scenario loads");
        let mut scenario = original.clone();
        let mut history = History::default();
        let mut applied = 0;
        for seed in &seeds {
            let edit = make(&scenario, seed);
            let key = seed.merge.then(|| format!("kind {}", seed.kind));
            // Refused edits (a taken id, an empty list) must change nothing.
            let before = scenario.clone();
            if history.apply(&mut scenario, edit, key).is_ok() {
                applied += 1;
                // A rename carries the id into the story: no step is left
                // pointing at the old one.
                if RENAMES.contains(&seed.kind) {
                    prop_assert!(
                        story_problems(&scenario) <= story_problems(&before),
                        "{:?} left the story dangling: {:?}",
                        seed,
                        story_problems(&scenario)
                    );
                }
            } else {
                prop_assert_eq!(&scenario, &before);
            }
            if seed.seal {
                history.seal();
            }
        }
        let edited = scenario.clone();

        let mut undone = 0;
        while history.undo(&mut scenario).is_some() {
            undone += 1;
        }
        prop_assert!(undone <= applied);
        prop_assert_eq!(&scenario, &original);

        let mut redone = 0;
        while history.redo(&mut scenario).is_some() {
            redone += 1;
        }
        prop_assert_eq!(redone, undone);
        prop_assert_eq!(&scenario, &edited);
    }
}
