//! Who refers to whom: counting the references to an id, carrying a renamed
//! id into them, and removing an actor with its dependents.

use super::{Dependents, EditError, List, Section};
use crate::model::Scenario;

/// The sections that may hold references to the ids of `list`.
pub(super) fn referring_sections(list: List) -> &'static [Section] {
    match list {
        List::Actors => &[Section::Relations, Section::Quotes, Section::Conference],
        List::Stances => &[Section::Actors, Section::Conference],
        List::RelationKinds => &[Section::Relations],
        List::WeightKinds | List::Groups => &[Section::Actors],
        List::Sources => &[
            Section::Actors,
            Section::Relations,
            Section::Quotes,
            Section::Conference,
            Section::Disputes,
        ],
        List::Quotes => &[Section::Quotes],
        List::NamedScenarios | List::Relations | List::Rules | List::Disputes => &[],
    }
}

/// Visits every reference to an id of `list`, mutably.
fn for_each_ref(scenario: &mut Scenario, list: List, mut f: impl FnMut(&mut String)) {
    let each = |ids: &mut Vec<String>, f: &mut dyn FnMut(&mut String)| ids.iter_mut().for_each(f);
    match list {
        List::Actors => {
            for r in &mut scenario.relations {
                f(&mut r.from);
                f(&mut r.to);
            }
            for q in &mut scenario.quotes {
                if let Some(actor) = &mut q.actor {
                    f(actor);
                }
            }
            if let Some(c) = &mut scenario.conference {
                each(&mut c.hosts, &mut f);
                each(&mut c.invited, &mut f);
                for rule in &mut c.rules {
                    f(&mut rule.actor);
                    f(&mut rule.other);
                }
                for named in &mut c.scenarios {
                    each(&mut named.invite, &mut f);
                    each(&mut named.uninvite, &mut f);
                    named.stance_overrides = std::mem::take(&mut named.stance_overrides)
                        .into_iter()
                        .map(|(mut k, v)| {
                            f(&mut k);
                            (k, v)
                        })
                        .collect();
                }
            }
        }
        List::Stances => {
            for a in &mut scenario.actors {
                f(&mut a.stance);
            }
            if let Some(c) = &mut scenario.conference {
                for named in &mut c.scenarios {
                    named.stance_overrides.values_mut().for_each(&mut f);
                }
            }
        }
        List::RelationKinds => scenario.relations.iter_mut().for_each(|r| f(&mut r.kind)),
        List::WeightKinds => {
            for a in &mut scenario.actors {
                a.weights = std::mem::take(&mut a.weights)
                    .into_iter()
                    .map(|(mut k, v)| {
                        f(&mut k);
                        (k, v)
                    })
                    .collect();
            }
        }
        List::Groups => scenario
            .actors
            .iter_mut()
            .for_each(|a| each(&mut a.groups, &mut f)),
        List::Sources => {
            scenario
                .actors
                .iter_mut()
                .for_each(|a| each(&mut a.sources, &mut f));
            scenario
                .relations
                .iter_mut()
                .for_each(|r| each(&mut r.sources, &mut f));
            scenario.quotes.iter_mut().for_each(|q| f(&mut q.source));
            if let Some(c) = &mut scenario.conference {
                each(&mut c.sources, &mut f);
                c.rules.iter_mut().for_each(|r| f(&mut r.source));
                c.scenarios
                    .iter_mut()
                    .for_each(|n| each(&mut n.sources, &mut f));
            }
            for d in &mut scenario.disputes {
                d.accounts.iter_mut().for_each(|a| f(&mut a.source));
            }
        }
        List::Quotes => {
            for q in &mut scenario.quotes {
                if let Some(v) = &mut q.variant_of {
                    f(v);
                }
            }
        }
        List::NamedScenarios | List::Relations | List::Rules | List::Disputes => {}
    }
}

/// Renames every reference to `old` (an id of `list`) to `new`.
pub(super) fn rename(scenario: &mut Scenario, list: List, old: &str, new: &str) {
    for_each_ref(scenario, list, |id| {
        if id == old {
            new.clone_into(id);
        }
    });
}

/// How many references name `id` of `list`.
pub fn uses_of(scenario: &Scenario, list: List, id: &str) -> usize {
    let mut copy = scenario.clone();
    let mut count = 0;
    for_each_ref(&mut copy, list, |x| count += usize::from(x == id));
    count
}

/// What names an actor, as the removal prompt lists it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorUse {
    pub relations: usize,
    pub quotes: usize,
    pub rules: usize,
    /// Hosts, invitations and what-ifs: these always drop the actor.
    pub lists: usize,
}

impl ActorUse {
    /// Whether relations, quotes or rules name the actor (the removal prompt asks).
    pub fn has_dependents(&self) -> bool {
        self.relations + self.quotes + self.rules > 0
    }
}

/// What names the actor `id`.
pub fn actor_use(scenario: &Scenario, id: &str) -> ActorUse {
    let conference = scenario.conference.as_ref();
    ActorUse {
        relations: scenario
            .relations
            .iter()
            .filter(|r| r.from == id || r.to == id)
            .count(),
        quotes: scenario
            .quotes
            .iter()
            .filter(|q| q.actor.as_deref() == Some(id))
            .count(),
        rules: conference.map_or(0, |c| {
            c.rules
                .iter()
                .filter(|r| r.actor == id || r.other == id)
                .count()
        }),
        lists: conference.map_or(0, |c| {
            let named = c.scenarios.iter().filter(|n| {
                n.invite.iter().chain(&n.uninvite).any(|x| x == id)
                    || n.stance_overrides.contains_key(id)
            });
            c.hosts
                .iter()
                .chain(&c.invited)
                .filter(|x| *x == id)
                .count()
                + named.count()
        }),
    }
}

/// Removes an actor: hosts, invitations and what-ifs drop it; relations,
/// quotes and rules go too or stay (and are flagged) as `dependents` says.
pub(super) fn remove_actor(
    scenario: &mut Scenario,
    id: &str,
    dependents: Dependents,
) -> Result<(), EditError> {
    let index = scenario
        .actor_index(id)
        .ok_or_else(|| EditError::NoSuchActor(id.to_owned()))?;
    scenario.actors.remove(index);
    if let Some(c) = &mut scenario.conference {
        c.hosts.retain(|x| x != id);
        c.invited.retain(|x| x != id);
        for named in &mut c.scenarios {
            named.invite.retain(|x| x != id);
            named.uninvite.retain(|x| x != id);
            named.stance_overrides.remove(id);
        }
        if dependents == Dependents::RemoveToo {
            c.rules.retain(|r| r.actor != id && r.other != id);
        }
    }
    if dependents == Dependents::RemoveToo {
        scenario.relations.retain(|r| r.from != id && r.to != id);
        scenario.quotes.retain(|q| q.actor.as_deref() != Some(id));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    fn paris() -> Scenario {
        crate::io::paris_2014().expect("the built-in scenario loads")
    }

    #[test]
    fn removing_an_actor_with_its_dependents_leaves_no_dangling_reference() {
        let mut s = paris();
        let uses = actor_use(&s, "IRN");
        assert!(uses.has_dependents());
        remove_actor(&mut s, "IRN", Dependents::RemoveToo).expect("Iran exists");
        assert!(s.actor("IRN").is_none());
        assert_eq!(uses_of(&s, List::Actors, "IRN"), 0);
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    }

    #[test]
    fn keeping_the_dependents_flags_each_of_them() {
        let mut s = paris();
        let uses = actor_use(&s, "IRN");
        remove_actor(&mut s, "IRN", Dependents::KeepAndFlag).expect("Iran exists");
        let problems = validate(&s);
        let about_iran = problems
            .iter()
            .filter(|p| p.message.contains("\"IRN\""))
            .count();
        // Each relation names Iran once (from or to); quotes and rules once each.
        assert_eq!(about_iran, uses.relations + uses.quotes + uses.rules);
        let c = s.conference.as_ref().expect("Paris has a conference");
        assert!(!c.invited.iter().chain(&c.hosts).any(|x| x == "IRN"));
    }

    #[test]
    fn a_missing_actor_is_an_error() {
        let mut s = paris();
        assert_eq!(
            remove_actor(&mut s, "NOPE", Dependents::RemoveToo),
            Err(EditError::NoSuchActor("NOPE".into()))
        );
    }
}
