//! Votes: thresholds met and missed, vetoes, abstentions, absences, shares,
//! and the same outcome whatever order the members are listed in.

use proptest::prelude::*;

use super::*;
use crate::model::{Actor, Condition, Member, PositionRule};

/// A council of fifteen, five of them veto holders (P1..P5), all in favour.
fn council() -> (Scenario, Vote) {
    let scenario = Scenario {
        actors: vec![Actor {
            id: "P1".into(),
            name: "Russia".into(),
            ..Actor::default()
        }],
        ..Scenario::default()
    };
    let members = (1..=15)
        .map(|i| {
            let id = if i <= 5 {
                format!("P{i}")
            } else {
                format!("E{i}")
            };
            Member {
                name: format!("Member {i}"),
                id,
                position: Position::For,
                source: String::new(),
            }
        })
        .collect();
    let vote = Vote {
        body: "Council".into(),
        members,
        threshold: Threshold::Count { count: 9 },
        veto_holders: (1..=5).map(|i| format!("P{i}")).collect(),
        rules: Vec::new(),
        what_ifs: Vec::new(),
    };
    (scenario, vote)
}

/// Counts with no condition set.
fn count(s: &Scenario, v: &Vote, set: &BTreeMap<String, Position>) -> VoteResult {
    count_vote(s, v, set, &BTreeMap::new())
}

fn flips(s: &Scenario, v: &Vote, set: &BTreeMap<String, Position>) -> Vec<VoteFlip> {
    vote_flips(s, v, set, &BTreeMap::new())
}

fn set(pairs: &[(&str, Position)]) -> BTreeMap<String, Position> {
    pairs.iter().map(|(id, p)| ((*id).to_owned(), *p)).collect()
}

#[test]
fn fifteen_in_favour_of_nine_needed_is_adopted_and_says_no_veto_holder_objects() {
    let (s, v) = council();
    let r = count(&s, &v, &BTreeMap::new());
    assert!(r.adopted);
    assert_eq!(r.tally.in_favour, 15);
    assert_eq!(
        r.reason,
        "adopted: 15 in favour, 9 needed; no veto holder votes against"
    );
}

#[test]
fn eight_in_favour_of_nine_needed_fails_and_says_so() {
    let (s, v) = council();
    let against: Vec<(String, Position)> = (6..=12)
        .map(|i| (format!("E{i}"), Position::Against))
        .collect();
    let changes: BTreeMap<_, _> = against.into_iter().collect();
    let r = count(&s, &v, &changes);
    assert!(!r.adopted);
    assert_eq!((r.tally.in_favour, r.tally.against), (8, 7));
    assert_eq!(r.reason, "fails: 8 in favour, 9 needed");
    assert!(r.vetoed_by.is_empty());
}

#[test]
fn one_veto_holder_against_blocks_fourteen_in_favour_and_is_named() {
    let (s, v) = council();
    let r = count(&s, &v, &set(&[("P1", Position::Against)]));
    assert!(!r.adopted);
    assert_eq!(r.vetoed_by, [0]);
    assert_eq!(r.reason, "fails: Russia, a veto holder, votes against");
    assert_eq!(r.changed.iter().filter(|c| **c).count(), 1);
}

#[test]
fn an_elected_member_against_blocks_nothing() {
    let (s, v) = council();
    let r = count(&s, &v, &set(&[("E6", Position::Against)]));
    assert!(r.adopted, "{}", r.reason);
}

#[test]
fn a_veto_holder_who_abstains_or_is_absent_does_not_block() {
    let (s, v) = council();
    for position in [Position::Abstain, Position::Absent] {
        let r = count(&s, &v, &set(&[("P1", position)]));
        assert!(r.adopted, "{position:?}: {}", r.reason);
        assert!(
            r.reason
                .contains("Russia abstaining or absent, which does not block it"),
            "{}",
            r.reason
        );
    }
}

#[test]
fn absent_members_are_not_counted_in_a_share_of_those_present() {
    let (s, mut v) = council();
    // Two thirds of those present: 15 present need 10; 6 absent leave 9,
    // who need 6.
    v.threshold = Threshold::Share {
        numerator: 2,
        denominator: 3,
        of: Counted::Present,
    };
    assert_eq!(count(&s, &v, &BTreeMap::new()).tally.needed, 10);
    let mut changes: BTreeMap<String, Position> = (10..=15)
        .map(|i| (format!("E{i}"), Position::Absent))
        .collect();
    let r = count(&s, &v, &changes);
    assert_eq!(
        (r.tally.absent, r.tally.needed, r.tally.in_favour),
        (6, 6, 9)
    );
    assert!(r.adopted);
    // Four of the nine present against: 5 in favour of 6 needed.
    for i in 6..=9 {
        changes.insert(format!("E{i}"), Position::Against);
    }
    let r = count(&s, &v, &changes);
    assert_eq!(r.reason, "fails: 5 in favour, 6 needed");
}

#[test]
fn a_share_of_those_voting_leaves_abstentions_out_and_a_majority_needs_more_than_half() {
    let (s, mut v) = council();
    v.veto_holders.clear();
    v.threshold = Threshold::Share {
        numerator: 2,
        denominator: 3,
        of: Counted::Voting,
    };
    // 4 for, 2 against, 9 abstain: two thirds of 6 voting is 4.
    let mut changes: BTreeMap<String, Position> = BTreeMap::new();
    for (i, member) in v.members.iter().enumerate() {
        let p = match i {
            0..4 => Position::For,
            4..6 => Position::Against,
            _ => Position::Abstain,
        };
        changes.insert(member.id.clone(), p);
    }
    let r = count(&s, &v, &changes);
    assert_eq!(r.tally.needed, 4);
    assert!(r.adopted, "{}", r.reason);
    assert_eq!(r.reason, "adopted: 4 in favour, 4 needed");
    v.threshold = Threshold::Majority {
        of: Counted::Voting,
    };
    // 6 voting: more than half is 4. With 3 for and 3 against, it fails.
    changes.insert(v.members[3].id.clone(), Position::Against);
    let r = count(&s, &v, &changes);
    assert_eq!(
        (r.tally.in_favour, r.tally.against, r.tally.needed),
        (3, 3, 4)
    );
    assert!(!r.adopted);
}

#[test]
fn a_veto_and_too_few_votes_are_both_given_as_reasons() {
    let (s, v) = council();
    let mut changes: BTreeMap<String, Position> = (6..=15)
        .map(|i| (format!("E{i}"), Position::Abstain))
        .collect();
    changes.insert("P1".into(), Position::Against);
    changes.insert("P2".into(), Position::Against);
    let r = count(&s, &v, &changes);
    assert_eq!(
        r.reason,
        "fails: Russia and Member 2, veto holders, vote against; and 3 in favour, 9 needed"
    );
}

#[test]
fn what_flips_a_unanimous_council_is_each_veto_holder_voting_against() {
    let (s, v) = council();
    let flips = flips(&s, &v, &BTreeMap::new());
    assert_eq!(flips.len(), 5);
    assert!(
        flips
            .iter()
            .all(|f| f.member < 5 && f.to == Position::Against)
    );
}

/// `member` takes `position` while `other` takes `is`.
fn rule(member: &str, position: Position, other: &str, is: Position) -> PositionRule {
    PositionRule {
        member: member.into(),
        position,
        other: other.into(),
        is,
        source: "src".into(),
        ..PositionRule::default()
    }
}

/// The council with Member 2 (a veto holder) against unless Russia
/// abstains, when it votes in favour.
fn conditional_council() -> (Scenario, Vote) {
    let (s, mut v) = council();
    v.members[1].position = Position::Against;
    v.rules = vec![rule("P2", Position::For, "P1", Position::Abstain)];
    (s, v)
}

#[test]
fn a_conditional_position_holds_only_while_the_other_member_takes_its_position() {
    let (s, v) = conditional_council();
    let r = count(&s, &v, &BTreeMap::new());
    assert_eq!(r.positions[1], Position::Against);
    assert_eq!(r.causes[1], Cause::Listed);
    assert_eq!(r.reason, "fails: Member 2, a veto holder, votes against");

    let r = count(&s, &v, &set(&[("P1", Position::Abstain)]));
    assert_eq!(r.positions[1], Position::For);
    assert_eq!(r.causes[1], Cause::Rule { rule: 0 });
    assert!(r.adopted, "{}", r.reason);
    assert_eq!(
        position_reason(&s, &v, &r, 1).as_deref(),
        Some("Member 2 votes in favour while Russia abstains")
    );
    assert!(r.settlements.is_empty());
}

#[test]
fn a_member_set_by_hand_keeps_its_position_whatever_its_rules_say() {
    let (s, v) = conditional_council();
    let r = count(
        &s,
        &v,
        &set(&[("P1", Position::Abstain), ("P2", Position::Abstain)]),
    );
    assert_eq!(r.positions[1], Position::Abstain);
    assert_eq!(r.causes[1], Cause::Set);
    assert_eq!(position_reason(&s, &v, &r, 1), None);
}

#[test]
fn rules_follow_the_chain_whatever_order_the_rules_are_listed_in() {
    let (s, mut v) = conditional_council();
    // P3 waits for P2, which waits for P1; the list gives P3's rule first.
    v.members[2].position = Position::Abstain;
    v.rules
        .insert(0, rule("P3", Position::For, "P2", Position::For));
    let r = count(&s, &v, &set(&[("P1", Position::Abstain)]));
    assert_eq!(r.positions[1..3], [Position::For, Position::For]);
    assert!(r.settlements.is_empty(), "{:?}", r.settlements);
    let r = count(&s, &v, &BTreeMap::new());
    assert_eq!(r.positions[1..3], [Position::Against, Position::Abstain]);
}

#[test]
fn a_rule_unless_a_true_condition_does_not_hold_and_a_what_if_can_set_it_false() {
    let (mut s, mut v) = conditional_council();
    s.conditions.push(Condition {
        id: "talks-fail".into(),
        label: "The talks fail".into(),
        default: true,
        source: "src".into(),
        note: String::new(),
    });
    v.rules[0].unless = Some("talks-fail".into());
    let abstains = set(&[("P1", Position::Abstain)]);
    let r = count(&s, &v, &abstains);
    assert_eq!(r.positions[1], Position::Against, "the condition is true");
    let off: BTreeMap<String, bool> = [("talks-fail".to_owned(), false)].into();
    let r = count_vote(&s, &v, &abstains, &off);
    assert_eq!(r.positions[1], Position::For);
}

#[test]
fn members_waiting_for_each_other_are_settled_in_the_rules_order_and_reported() {
    let (s, mut v) = council();
    // P1 votes for while P2 abstains; P2 votes against while P1 votes for.
    v.members[0].position = Position::Against;
    v.members[1].position = Position::Abstain;
    v.rules = vec![
        rule("P1", Position::For, "P2", Position::Abstain),
        rule("P2", Position::Against, "P1", Position::For),
    ];
    let r = count(&s, &v, &BTreeMap::new());
    // P1 first, reading P2 as listed (abstains): P1 for; then P2 against.
    assert_eq!(r.positions[..2], [Position::For, Position::Against]);
    assert_eq!(
        r.settlements,
        vec![Settlement {
            member: 0,
            read_early: vec![1],
            consistent: false,
        }]
    );
    let text = settlement_text(&s, &v, &r.settlements[0]);
    assert!(text.starts_with("Russia's position waits for"), "{text}");
    assert!(text.contains("Member 2 as listed (abstains)"), "{text}");
    assert!(text.contains("no positions satisfy every rule"), "{text}");

    // Listed the other way round, P2 is decided first, reading P1 as
    // listed (against): it keeps abstaining, and P1 then votes for. No
    // answer satisfies both rules either way.
    v.rules.reverse();
    let r = count(&s, &v, &BTreeMap::new());
    assert_eq!(r.settlements[0].member, 1);
    assert_eq!(r.positions[..2], [Position::For, Position::Abstain]);
    assert!(!r.settlements[0].consistent);
}

#[test]
fn a_cycle_with_an_answer_is_reported_as_settled_and_consistent() {
    let (s, mut v) = council();
    // Each votes for only while the other does; both listed against.
    v.members[0].position = Position::Against;
    v.members[1].position = Position::Against;
    v.rules = vec![
        rule("P1", Position::For, "P2", Position::For),
        rule("P2", Position::For, "P1", Position::For),
    ];
    let r = count(&s, &v, &BTreeMap::new());
    assert_eq!(r.positions[..2], [Position::Against, Position::Against]);
    assert_eq!(r.settlements.len(), 1);
    assert!(r.settlements[0].consistent);
    let text = settlement_text(&s, &v, &r.settlements[0]);
    assert!(!text.contains("no positions satisfy"), "{text}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever order the file lists the members in, the outcome, the tally
    /// and the vetoing members are the same.
    #[test]
    fn the_outcome_does_not_depend_on_the_order_of_the_members(
        positions in proptest::collection::vec(0usize..4, 15),
        threshold in 0usize..4,
        order in Just((0..15).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let (s, mut v) = council();
        for (member, p) in v.members.iter_mut().zip(&positions) {
            member.position = Position::ALL[*p];
        }
        v.threshold = match threshold {
            0 => Threshold::Count { count: 9 },
            1 => Threshold::Share { numerator: 2, denominator: 3, of: Counted::Present },
            2 => Threshold::Share { numerator: 1, denominator: 2, of: Counted::Voting },
            _ => Threshold::Majority { of: Counted::Members },
        };
        let mut shuffled = v.clone();
        shuffled.members = order.iter().map(|&i| v.members[i].clone()).collect();
        let (a, b) = (count(&s, &v, &BTreeMap::new()), count(&s, &shuffled, &BTreeMap::new()));
        prop_assert_eq!(a.adopted, b.adopted);
        prop_assert_eq!(a.tally, b.tally);
        let ids = |r: &VoteResult, v: &Vote| {
            let mut ids: Vec<String> = r.vetoed_by.iter().map(|&i| v.members[i].id.clone()).collect();
            ids.sort();
            ids
        };
        prop_assert_eq!(ids(&a, &v), ids(&b, &shuffled));
    }

    /// With conditional positions too, the members' order changes nothing;
    /// and every member outside a settlement that found no answer has the
    /// position its rules give with the final positions.
    #[test]
    fn conditional_positions_do_not_depend_on_the_members_order_and_hold_in_the_answer(
        positions in proptest::collection::vec(0usize..4, 15),
        rules in proptest::collection::vec((0usize..15, 0usize..4, 0usize..15, 0usize..4), 0..12),
        order in Just((0..15).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let (s, mut v) = council();
        for (member, p) in v.members.iter_mut().zip(&positions) {
            member.position = Position::ALL[*p];
        }
        let ids: Vec<String> = v.members.iter().map(|m| m.id.clone()).collect();
        v.rules = rules
            .iter()
            .filter(|(m, _, o, _)| m != o)
            .map(|&(m, p, o, q)| rule(&ids[m], Position::ALL[p], &ids[o], Position::ALL[q]))
            .collect();
        let mut shuffled = v.clone();
        shuffled.members = order.iter().map(|&i| v.members[i].clone()).collect();
        let (a, b) = (count(&s, &v, &BTreeMap::new()), count(&s, &shuffled, &BTreeMap::new()));
        prop_assert_eq!(a.adopted, b.adopted);
        prop_assert_eq!(a.tally, b.tally);
        for (j, &i) in order.iter().enumerate() {
            prop_assert_eq!(a.positions[i], b.positions[j]);
        }
        let unsettled: Vec<usize> = a.settlements.iter().filter(|s| !s.consistent).map(|s| s.member).collect();
        for (i, member) in v.members.iter().enumerate() {
            if unsettled.contains(&i) {
                continue;
            }
            let expected = v.rules.iter()
                .find(|r| r.member == member.id && a.positions[ids.iter().position(|id| *id == r.other).unwrap_or(0)] == r.is)
                .map_or(member.position, |r| r.position);
            prop_assert_eq!(a.positions[i], expected, "member {}", member.id);
        }
    }
}
