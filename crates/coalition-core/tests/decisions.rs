//! Decisions beside the conference: rules that hold unless a condition is
//! true, withdrawn invitations, votes in the file and what validation and
//! editing do with them.
#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

mod support;
use std::collections::BTreeMap;
use support::with_ids;

use coalition_core::decide::Engine;
use coalition_core::decide::explain::{absence_reason, absence_source};
use coalition_core::decide::named::evaluate_named;
use coalition_core::decide::whatif::base_invitations;
use coalition_core::edit::{Dependents, Edit, History, Item};
use coalition_core::model::{DecisionKind, Position, Scenario, validate};

fn example(name: &str) -> Scenario {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../assets/scenarios/examples")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("the example exists");
    coalition_core::io::scenario_from_str(&text).expect("the example loads")
}

fn geneva() -> Scenario {
    example("geneva-ii-2014.coalition")
}

fn paris() -> Scenario {
    coalition_core::io::paris_2014().expect("Paris loads")
}

#[test]
fn an_unless_rule_holds_while_its_condition_is_false_and_the_reason_names_the_condition() {
    let s = geneva();
    let soc = s.actor_index("SOC").expect("the Coalition");
    let iran = s.actor_index("IRN").expect("Iran");
    let mut invited = base_invitations(&s);
    invited[iran] = true;
    // False, as the source says: the Coalition stays away if Iran comes.
    let out = Engine::new(&s).evaluate(&invited);
    assert!(!out.attending[soc]);
    let absence = out.absence(soc).expect("absent");
    let reason = absence_reason(&s, soc, absence);
    assert!(
        reason.contains("unless Iran accepts the Geneva I communiqué")
            && reason.contains("the condition \"Iran accepts the Geneva I communiqué\" is false"),
        "{reason}"
    );
    assert_eq!(
        absence_source(&s, soc, absence),
        Some("xinhua-indiatalkies-2014-01-21")
    );
    // True in a what-if: the rule does not hold, and both attend.
    let set = BTreeMap::from([("iran-accepts-geneva-1".to_owned(), true)]);
    let out = Engine::with_conditions(&s, &set).evaluate(&invited);
    assert!(out.attending[soc] && out.attending[iran]);
    // The same through the file's named what-ifs.
    let named = evaluate_named(&s, &Engine::new(&s));
    let attends = |i: usize| named[i].outcome.attending[soc];
    assert_eq!([attends(0), attends(1), attends(2)], [true, false, true]);
}

#[test]
fn a_withdrawn_invitation_is_not_an_invitation_and_says_why_with_its_source() {
    let s = geneva();
    let iran = s.actor_index("IRN").expect("Iran");
    assert!(!s.is_invited("IRN"));
    let out = Engine::new(&s).evaluate(&base_invitations(&s));
    let absence = out.absence(iran).expect("absent");
    assert_eq!(
        absence_reason(&s, iran, absence),
        "Iran's invitation was withdrawn on 2014-01-20: Iran had chosen to remain outside the \
         Geneva communiqué, so the Montreux gathering would proceed without it."
    );
    assert_eq!(
        absence_source(&s, iran, absence),
        Some("hurriyet-2014-01-20")
    );
}

#[test]
fn the_paris_conference_gives_the_same_answers_with_its_resolution_2178_beside_it() {
    let with = paris();
    let mut without = with.clone();
    without.decisions.clear();
    let (a, b) = (Engine::new(&with), Engine::new(&without));
    for list in [base_invitations(&with), vec![true; with.actors.len()]] {
        assert_eq!(a.evaluate(&list), b.evaluate(&list));
    }
    let Some(DecisionKind::Vote(vote)) = with
        .decision("unsc-2178")
        .and_then(coalition_core::model::Decision::kind)
    else {
        panic!("Paris has resolution 2178 as a vote");
    };
    assert_eq!(vote.members.len(), 15);
    assert_eq!(vote.veto_holders.len(), 5);
    assert!(vote.members.iter().all(|m| m.position == Position::For));
}

#[test]
fn validation_names_each_bad_part_of_a_decision_by_its_path() {
    let mut s = paris();
    let decision = &mut s.decisions[0];
    decision.withdrawn = Some(coalition_core::model::Withdrawn::default());
    let vote = decision.vote.as_mut().expect("a vote");
    vote.veto_holders.push("DEU".into());
    vote.members.push(coalition_core::model::Member {
        id: "XXX".into(),
        ..Default::default()
    });
    vote.what_ifs[0].set.insert("ZZZ".into(), Position::Against);
    let conference = s.conference.as_mut().expect("a conference");
    conference.rules[0].unless = Some("nowhere".into());
    let problems: Vec<String> = validate(&s).iter().map(ToString::to_string).collect();
    for expected in [
        "decisions[0]: a decision is a meeting, a vote or a withdrawn draft",
        "conference.rules[0].unless: no condition \"nowhere\"",
    ] {
        let expected = with_ids(&s, expected);
        assert!(
            problems.iter().any(|p| p.starts_with(&expected)),
            "{expected}: {problems:?}"
        );
    }
    // Once it is a vote again, the vote's own problems show.
    s.decisions[0].withdrawn = None;
    let vote = s.decisions[0].vote.as_mut().expect("a vote");
    vote.rules = vec![
        coalition_core::model::PositionRule {
            member: "CHN".into(),
            position: Position::For,
            other: "QQQ".into(),
            is: Position::Abstain,
            source: "nowhere".into(),
            note: String::new(),
            unless: Some("never".into()),
        },
        coalition_core::model::PositionRule {
            member: "RUS".into(),
            other: "RUS".into(),
            source: "nowhere".into(),
            ..Default::default()
        },
    ];
    vote.what_ifs[0].conditions.insert("maybe".into(), true);
    let problems: Vec<String> = validate(&s).iter().map(ToString::to_string).collect();
    for expected in [
        "decisions[0].vote.veto_holders[5]: \"DEU\" is not a member",
        "decisions[0].vote.members[15]: \"XXX\" is not an actor: give the member's name",
        "decisions[0].vote.what_ifs[0].set.ZZZ: \"ZZZ\" is not a member",
        "decisions[0].vote.rules[0].other: \"QQQ\" is not a member",
        "decisions[0].vote.rules[0].source: ",
        "decisions[0].vote.rules[0].unless: no condition \"never\"",
        "decisions[0].vote.rules[1].other: a member's position cannot wait for its own",
        "decisions[0].vote.what_ifs[0].conditions.maybe: no condition \"maybe\"",
    ] {
        let expected = with_ids(&s, expected);
        assert!(
            problems.iter().any(|p| p.starts_with(&expected)),
            "{expected}: {problems:?}"
        );
    }
}

#[test]
fn a_renamed_actor_is_renamed_in_the_vote_and_a_removed_one_stays_a_member_by_its_name() {
    let mut s = paris();
    let mut history = History::default();
    let index = s.actor_index("RUS").expect("Russia");
    let mut russia = s.actors[index].clone();
    russia.id = "RUSSIA".into();
    history
        .apply(
            &mut s,
            Edit::Replace {
                index,
                item: Item::Actor(russia),
            },
            None,
        )
        .expect("renamed");
    let vote = s.decisions[0].vote.as_ref().expect("a vote");
    assert!(vote.members.iter().any(|m| m.id == "RUSSIA"));
    assert!(vote.veto_holders.iter().any(|v| v == "RUSSIA"));
    assert!(vote.what_ifs[0].set.contains_key("RUSSIA"));
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));

    history
        .apply(
            &mut s,
            Edit::RemoveActor {
                id: "RUSSIA".into(),
                dependents: Dependents::RemoveToo,
            },
            None,
        )
        .expect("removed");
    let vote = s.decisions[0].vote.as_ref().expect("a vote");
    let member = vote
        .members
        .iter()
        .find(|m| m.id == "RUSSIA")
        .expect("still a member");
    assert_eq!(member.name, "Russia");
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    // Undone, it is as it was.
    history.undo(&mut s).expect("undo the removal");
    history.undo(&mut s).expect("undo the rename");
    assert_eq!(s, paris());
}
