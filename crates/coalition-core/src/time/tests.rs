//! Stances, relations and actors as of a date, and that the order events are
//! listed in changes nothing.

use proptest::prelude::*;

use super::*;
use crate::model::{Actor, Relation, RelationRef, Timeline};

fn day(text: &str) -> Date {
    text.parse().expect("a test date")
}

fn actor(id: &str, stance: &str) -> Actor {
    Actor {
        id: id.into(),
        name: id.into(),
        stance: stance.into(),
        stance_reason: format!("{id} at the start"),
        ..Actor::default()
    }
}

/// An event on `date` that makes one change.
fn event(id: &str, date: &str, change: Change) -> Event {
    Event {
        id: id.into(),
        date: day(date),
        title: id.into(),
        sources: vec!["s".into()],
        changes: vec![change],
        ..Event::default()
    }
}

fn stance(id: &str, date: &str, actor: &str, to: &str) -> Event {
    event(
        id,
        date,
        Change::Stance {
            actor: actor.into(),
            stance: to.into(),
            reason: format!("{id} says so"),
        },
    )
}

fn scenario(events: Vec<Event>) -> Scenario {
    Scenario {
        actors: vec![
            actor("USA", "support"),
            actor("FRA", "support"),
            actor("HEZ", "opposed"),
        ],
        relations: vec![
            Relation {
                from: "USA".into(),
                to: "FRA".into(),
                kind: "ally".into(),
                ..Relation::default()
            },
            Relation {
                from: "HEZ".into(),
                to: "USA".into(),
                kind: "hostility".into(),
                ..Relation::default()
            },
        ],
        timeline: Some(Timeline {
            start: day("2014-08-08"),
            end: day("2015-03-30"),
            opens_on: day("2014-09-15"),
            events,
        }),
        ..Scenario::default()
    }
}

#[test]
fn a_stance_holds_from_its_event_s_day_on_and_not_before() {
    let s = scenario(vec![
        stance("us-iraq", "2014-08-08", "USA", "strikes_iraq"),
        stance("us-syria", "2014-09-23", "USA", "strikes_syria"),
    ]);
    assert_eq!(
        s.stance_at("USA", day("2014-08-07")).map(|s| s.0),
        Some("support")
    );
    assert_eq!(
        s.stance_at("USA", day("2014-08-08")).map(|s| s.0),
        Some("strikes_iraq")
    );
    assert_eq!(
        s.stance_at("USA", day("2014-09-22")).map(|s| s.0),
        Some("strikes_iraq")
    );
    assert_eq!(
        s.stance_at("USA", day("2014-09-23")),
        Some(("strikes_syria", "us-syria says so"))
    );
    assert_eq!(
        s.stance_at("FRA", day("2015-01-01")).map(|s| s.0),
        Some("support")
    );
    assert_eq!(s.stance_at("NOBODY", day("2015-01-01")), None);
    let then = s.as_of(day("2014-09-01"));
    assert_eq!(then.actors[0].stance, "strikes_iraq");
    assert_eq!(then.actors[0].stance_reason, "us-iraq says so");
    assert_eq!(then.actors[1].stance_reason, "FRA at the start");
}

#[test]
fn an_actor_that_enters_later_is_offstage_before_and_so_are_its_relations() {
    let enters = Event {
        id: "nasrallah".into(),
        date: day("2014-09-23"),
        title: "Nasrallah".into(),
        sources: vec!["s".into()],
        changes: vec![Change::ActorEnters {
            actor: "HEZ".into(),
        }],
        ..Event::default()
    };
    let s = scenario(vec![enters]);
    assert_eq!(s.offstage_at(day("2014-09-15")), [false, false, true]);
    assert_eq!(s.relations_at(day("2014-09-15")), [0]);
    assert_eq!(s.offstage_at(day("2014-09-23")), [false, false, false]);
    assert_eq!(s.relations_at(day("2014-09-23")), [0, 1]);
}

#[test]
fn a_relation_holds_between_the_events_that_start_and_end_it() {
    let ally = RelationRef {
        from: "USA".into(),
        to: "FRA".into(),
        kind: "ally".into(),
    };
    let s = scenario(vec![
        event(
            "ends",
            "2014-12-01",
            Change::RelationEnds {
                relation: ally.clone(),
            },
        ),
        event(
            "starts",
            "2014-09-19",
            Change::RelationStarts { relation: ally },
        ),
    ]);
    assert_eq!(s.relations_at(day("2014-09-18")), [1]);
    assert_eq!(s.relations_at(day("2014-09-19")), [0, 1]);
    assert_eq!(s.relations_at(day("2014-11-30")), [0, 1]);
    assert_eq!(s.relations_at(day("2014-12-01")), [1]);
    assert_eq!(s.as_of(day("2014-12-01")).relations.len(), 1);
}

#[test]
fn an_event_naming_a_two_way_relation_s_ends_swapped_ends_it_but_not_a_one_way_one() {
    let swapped = RelationRef {
        from: "FRA".into(),
        to: "USA".into(),
        kind: "ally".into(),
    };
    let mut s = scenario(vec![event(
        "ally ends",
        "2014-12-01",
        Change::RelationEnds { relation: swapped },
    )]);
    s.relations[0].directed = false;
    assert_eq!(s.relations_at(day("2014-11-30")), [0, 1]);
    assert_eq!(s.relations_at(day("2014-12-01")), [1]);

    s.relations[0].directed = true;
    assert_eq!(
        s.relations_at(day("2014-12-01")),
        [0, 1],
        "a one-way relation from the United States is not one from France"
    );
}

#[test]
fn a_chronology_steps_between_event_days_and_lists_each_day_s_events_in_order() {
    let s = scenario(vec![
        stance("b", "2014-09-23", "FRA", "strikes"),
        stance("c", "2014-10-02", "USA", "strikes"),
        stance("a", "2014-09-23", "HEZ", "support"),
    ]);
    let chronology = Chronology::new(&s);
    let ids = |date: &str| -> Vec<&str> {
        chronology
            .events_on(&s, day(date))
            .map(|e| e.id.as_str())
            .collect()
    };
    assert_eq!(ids("2014-09-23"), ["a", "b"]);
    assert!(ids("2014-09-24").is_empty());
    assert_eq!(
        chronology.neighbour(day("2014-09-15"), 1),
        Some(day("2014-09-23"))
    );
    assert_eq!(
        chronology.neighbour(day("2014-09-23"), 1),
        Some(day("2014-10-02"))
    );
    assert_eq!(chronology.neighbour(day("2014-10-02"), 1), None);
    assert_eq!(
        chronology.neighbour(day("2014-10-01"), -1),
        Some(day("2014-09-23"))
    );
    assert_eq!(chronology.neighbour(day("2014-09-23"), -1), None);
    assert_eq!(
        chronology
            .events(&s)
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>(),
        ["a", "b", "c"]
    );
}

#[test]
fn a_copy_restated_for_another_day_is_the_scenario_as_of_that_day() {
    let ally = RelationRef {
        from: "USA".into(),
        to: "FRA".into(),
        kind: "ally".into(),
    };
    let mut events = vec![
        stance("strikes", "2014-09-19", "FRA", "strikes_iraq"),
        stance("back", "2014-11-02", "FRA", "support"),
        Event {
            id: "ends".into(),
            date: day("2014-10-01"),
            title: "ends".into(),
            sources: vec!["s".into()],
            changes: vec![Change::RelationEnds { relation: ally }],
            ..Event::default()
        },
    ];
    events.push(Event {
        id: "enters".into(),
        date: day("2014-09-23"),
        title: "enters".into(),
        sources: vec!["s".into()],
        changes: vec![Change::ActorEnters {
            actor: "HEZ".into(),
        }],
        ..Event::default()
    });
    let s = scenario(events);
    let days = [
        "2014-08-08",
        "2014-09-19",
        "2014-09-23",
        "2014-10-01",
        "2014-11-02",
        "2015-03-30",
    ];
    for from in days {
        for to in days {
            let mut shown = s.as_of(day(from));
            s.restate_as_of(day(to), &mut shown);
            assert_eq!(shown, s.as_of(day(to)), "restated from {from} to {to}");
        }
    }
    // Told which relations it holds, a walk over every pair of days in turn
    // (forwards and back) gives the same.
    let mut shown = s.as_of(day(days[0]));
    let mut held = None;
    for from in days {
        for to in days {
            s.restate_as_of_tracked(day(from), &mut shown, &mut held);
            s.restate_as_of_tracked(day(to), &mut shown, &mut held);
            assert_eq!(shown, s.as_of(day(to)), "tracked from {from} to {to}");
        }
    }
    // The days differ, so the check above compares something.
    assert_ne!(s.as_of(day("2014-08-08")), s.as_of(day("2014-10-01")));
}

#[test]
fn a_relation_with_a_full_date_holds_from_that_day_and_one_with_a_year_throughout() {
    let mut s = scenario(Vec::new());
    s.relations[0].date = "2014-09-19".into();
    s.relations[1].date = "1979".into();
    assert_eq!(s.relations_at(day("2014-09-18")), [1]);
    assert_eq!(s.relations_at(day("2014-09-19")), [0, 1]);
}

#[test]
fn events_between_two_days_are_those_after_the_first_up_to_the_second() {
    let s = scenario(vec![
        stance("b", "2014-09-23", "USA", "x"),
        stance("a", "2014-09-23", "FRA", "y"),
        stance("c", "2014-08-08", "USA", "z"),
    ]);
    let ids = |events: Vec<&Event>| events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(s.events_between(day("2014-08-08"), day("2014-09-23"))),
        ["a", "b"]
    );
    assert_eq!(
        ids(s.events_between(day("2014-01-01"), day("2014-08-08"))),
        ["c"]
    );
    assert!(
        s.events_between(day("2014-09-23"), day("2015-01-01"))
            .is_empty()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever order the file lists the events in, every actor's stance on
    /// every day is the same; before every event it is the base stance.
    #[test]
    fn stances_do_not_depend_on_the_order_events_are_listed_in(
        raw in proptest::collection::vec((0u32..60, 0usize..3, 0usize..4), 0..12),
        shuffle in proptest::collection::vec(any::<u32>(), 12),
    ) {
        let start = day("2014-08-08");
        let actors = ["USA", "FRA", "HEZ"];
        let stances = ["support", "strikes_iraq", "strikes_syria", "opposed"];
        let events: Vec<Event> = raw
            .iter()
            .enumerate()
            .map(|(i, &(offset, who, to))| {
                let date = start + chrono::Days::new(u64::from(offset));
                stance(&format!("e{i}"), &date.to_string(), actors[who], stances[to])
            })
            .collect();
        let mut shuffled = events.clone();
        let mut keys: Vec<(u32, usize)> = shuffle.iter().copied().zip(0..).take(shuffled.len()).collect();
        keys.sort_unstable();
        shuffled = keys.iter().map(|&(_, i)| shuffled[i].clone()).collect();
        let (listed, reordered) = (scenario(events), scenario(shuffled));
        for offset in 0..62u64 {
            let date = start + chrono::Days::new(offset);
            for who in actors {
                prop_assert_eq!(listed.stance_at(who, date), reordered.stance_at(who, date));
            }
        }
        let before = start - chrono::Days::new(1);
        for (i, who) in actors.iter().enumerate() {
            prop_assert_eq!(
                listed.stance_at(who, before).map(|s| s.0),
                Some(listed.actors[i].stance.as_str())
            );
        }
    }
}

#[test]
fn validation_names_each_bad_part_of_a_timeline_by_its_path() {
    use crate::model::{Source, StanceCategory, StoryStep, validate};
    let mut s = scenario(vec![
        stance("ok", "2014-09-23", "USA", "support"),
        stance("bad-stance", "2014-09-23", "USA", "nowhere"),
        stance("too-late", "2016-01-01", "FRA", "support"),
    ]);
    s.title = "t".into();
    s.stance_scale = ["support", "opposed"]
        .map(|id| StanceCategory {
            id: id.into(),
            label: id.into(),
            ..StanceCategory::default()
        })
        .to_vec();
    s.sources = vec![Source {
        id: "s".into(),
        publisher: "p".into(),
        title: "t".into(),
        ..Source::default()
    }];
    s.timeline.as_mut().expect("timeline").events[0]
        .sources
        .clear();
    s.story.push(StoryStep {
        title: "later".into(),
        date: Some(day("2015-06-01")),
        ..StoryStep::default()
    });
    let problems: Vec<String> = validate(&s)
        .iter()
        .map(ToString::to_string)
        .filter(|p| p.contains("timeline") || p.contains("story"))
        .collect();
    assert_eq!(
        problems,
        [
            "timeline.events[0] (ok).sources: an event needs a source",
            "timeline.events[1] (bad-stance).changes[0].stance: no stance \"nowhere\" on the scale",
            "timeline.events[2] (too-late).date: 2016-01-01 is outside the timeline (2014-08-08 to 2015-03-30)",
            "story[0].date: 2015-06-01 is outside the timeline (2014-08-08 to 2015-03-30)",
        ]
    );
    s.timeline = None;
    assert!(
        validate(&s)
            .iter()
            .any(|p| p.to_string() == "story[0].date: a dated step needs a timeline")
    );
}

#[test]
fn a_date_that_does_not_exist_is_refused_when_the_file_is_read() {
    let text = |date: &str| {
        format!(
            r#"{{"format": {}, "title": "x", "date": "", "map": {{"west": 0, "east": 1, "south": 0, "north": 1}},
            "stance_scale": [], "actors": [],
            "timeline": {{"start": "2014-01-01", "end": "2014-12-31", "opens_on": "{date}", "events": []}}}}"#,
            crate::model::FORMAT_VERSION
        )
    };
    assert!(crate::io::scenario_from_str(&text("2014-02-28")).is_ok());
    let err = crate::io::scenario_from_str(&text("2014-02-30")).expect_err("no such day");
    assert!(err.to_string().contains("line 3"), "{err}");
    assert!(crate::io::scenario_from_str(&text("15 Sept 2014")).is_err());
}
