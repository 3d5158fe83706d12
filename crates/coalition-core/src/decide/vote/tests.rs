//! Votes: thresholds met and missed, vetoes, abstentions, absences, shares,
//! and the same outcome whatever order the members are listed in.

use proptest::prelude::*;

use super::*;
use crate::model::{Actor, Member};

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
        what_ifs: Vec::new(),
    };
    (scenario, vote)
}

fn set(pairs: &[(&str, Position)]) -> BTreeMap<String, Position> {
    pairs.iter().map(|(id, p)| ((*id).to_owned(), *p)).collect()
}

#[test]
fn fifteen_in_favour_of_nine_needed_is_adopted_and_says_no_veto_holder_objects() {
    let (s, v) = council();
    let r = count_vote(&s, &v, &BTreeMap::new());
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
    let r = count_vote(&s, &v, &changes);
    assert!(!r.adopted);
    assert_eq!((r.tally.in_favour, r.tally.against), (8, 7));
    assert_eq!(r.reason, "fails: 8 in favour, 9 needed");
    assert!(r.vetoed_by.is_empty());
}

#[test]
fn one_veto_holder_against_blocks_fourteen_in_favour_and_is_named() {
    let (s, v) = council();
    let r = count_vote(&s, &v, &set(&[("P1", Position::Against)]));
    assert!(!r.adopted);
    assert_eq!(r.vetoed_by, [0]);
    assert_eq!(r.reason, "fails: Russia, a veto holder, votes against");
    assert_eq!(r.changed.iter().filter(|c| **c).count(), 1);
}

#[test]
fn an_elected_member_against_blocks_nothing() {
    let (s, v) = council();
    let r = count_vote(&s, &v, &set(&[("E6", Position::Against)]));
    assert!(r.adopted, "{}", r.reason);
}

#[test]
fn a_veto_holder_who_abstains_or_is_absent_does_not_block() {
    let (s, v) = council();
    for position in [Position::Abstain, Position::Absent] {
        let r = count_vote(&s, &v, &set(&[("P1", position)]));
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
    assert_eq!(count_vote(&s, &v, &BTreeMap::new()).tally.needed, 10);
    let mut changes: BTreeMap<String, Position> = (10..=15)
        .map(|i| (format!("E{i}"), Position::Absent))
        .collect();
    let r = count_vote(&s, &v, &changes);
    assert_eq!(
        (r.tally.absent, r.tally.needed, r.tally.in_favour),
        (6, 6, 9)
    );
    assert!(r.adopted);
    // Four of the nine present against: 5 in favour of 6 needed.
    for i in 6..=9 {
        changes.insert(format!("E{i}"), Position::Against);
    }
    let r = count_vote(&s, &v, &changes);
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
    let r = count_vote(&s, &v, &changes);
    assert_eq!(r.tally.needed, 4);
    assert!(r.adopted, "{}", r.reason);
    assert_eq!(r.reason, "adopted: 4 in favour, 4 needed");
    v.threshold = Threshold::Majority {
        of: Counted::Voting,
    };
    // 6 voting: more than half is 4. With 3 for and 3 against, it fails.
    changes.insert(v.members[3].id.clone(), Position::Against);
    let r = count_vote(&s, &v, &changes);
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
    let r = count_vote(&s, &v, &changes);
    assert_eq!(
        r.reason,
        "fails: Russia and Member 2, veto holders, vote against; and 3 in favour, 9 needed"
    );
}

#[test]
fn what_flips_a_unanimous_council_is_each_veto_holder_voting_against() {
    let (s, v) = council();
    let flips = vote_flips(&s, &v, &BTreeMap::new());
    assert_eq!(flips.len(), 5);
    assert!(
        flips
            .iter()
            .all(|f| f.member < 5 && f.to == Position::Against)
    );
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
        let (a, b) = (count_vote(&s, &v, &BTreeMap::new()), count_vote(&s, &shuffled, &BTreeMap::new()));
        prop_assert_eq!(a.adopted, b.adopted);
        prop_assert_eq!(a.tally, b.tally);
        let ids = |r: &VoteResult, v: &Vote| {
            let mut ids: Vec<String> = r.vetoed_by.iter().map(|&i| v.members[i].id.clone()).collect();
            ids.sort();
            ids
        };
        prop_assert_eq!(ids(&a, &v), ids(&b, &shuffled));
    }
}
