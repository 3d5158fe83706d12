//! Invitation lists: the named scenarios' lists, and "what flips" — the single
//! invitation changes that change attendance most.

use crate::model::{AttendanceScenario, Scenario};

use super::{Engine, Outcome};

/// The conference's invitation list as it happened, one flag per actor.
pub fn base_invitations(scenario: &Scenario) -> Vec<bool> {
    let mut invited = vec![false; scenario.actors.len()];
    let Some(conference) = &scenario.conference else {
        return invited;
    };
    // By index, in linear time (a list of 100,000 invitations is read once).
    let indices = scenario.actor_indices();
    for id in &conference.invited {
        if let Some(&i) = indices.get(id.as_str()) {
            invited[i] = true;
        }
    }
    for u in &conference.uninvited {
        if let Some(&i) = indices.get(u.actor.as_str()) {
            invited[i] = false;
        }
    }
    invited
}

/// The invitation list of a named scenario: the base list with its additions
/// and removals. Unknown ids are ignored (validation reports them).
pub fn invitations(scenario: &Scenario, named: &AttendanceScenario) -> Vec<bool> {
    let mut invited = base_invitations(scenario);
    let indices = scenario.actor_indices();
    for (ids, value) in [(&named.invite, true), (&named.uninvite, false)] {
        for id in ids {
            if let Some(&i) = indices.get(id.as_str()) {
                invited[i] = value;
            }
        }
    }
    invited
}

/// One single invitation change and what it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flip {
    /// The actor whose invitation is toggled.
    pub actor: usize,
    /// Whether the change invites it (`true`) or takes it off the list.
    pub invite: bool,
    /// Other actors whose attendance changes, in actor order.
    pub changed: Vec<usize>,
}

/// For every actor, toggling its invitation; the ones that change anyone
/// else's attendance, most changes first (ties in actor order).
pub fn what_flips(engine: &Engine, invited: &[bool]) -> Vec<Flip> {
    let now = engine.evaluate(invited);
    let mut flips: Vec<Flip> = (0..invited.len())
        .filter_map(|actor| {
            let mut toggled = invited.to_vec();
            toggled[actor] = !toggled[actor];
            let then: Outcome = engine.evaluate(&toggled);
            let changed: Vec<usize> = (0..invited.len())
                .filter(|&other| other != actor && now.attending[other] != then.attending[other])
                .collect();
            (!changed.is_empty()).then_some(Flip {
                actor,
                invite: toggled[actor],
                changed,
            })
        })
        .collect();
    flips.sort_by_key(|f| (std::cmp::Reverse(f.changed.len()), f.actor));
    flips
}
