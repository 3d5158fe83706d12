//! Who refers to whom: counting the references to an id, carrying a renamed
//! id into them, and removing an actor with its dependents.

use super::{Dependents, EditError, List, Section};
use crate::model::{Change, Conference, Event, Scenario};

/// The sections that may hold references to the ids of `list`.
pub(super) fn referring_sections(list: List) -> &'static [Section] {
    match list {
        List::Actors => &[
            Section::Relations,
            Section::Quotes,
            Section::Conference,
            Section::Story,
            Section::Timeline,
            Section::Decisions,
        ],
        List::Stances => &[
            Section::Actors,
            Section::Conference,
            Section::Timeline,
            Section::Decisions,
        ],
        List::RelationKinds => &[Section::Relations, Section::Story, Section::Timeline],
        List::WeightKinds | List::Groups => &[Section::Actors],
        List::Sources => &[
            Section::Actors,
            Section::Relations,
            Section::Quotes,
            Section::Conference,
            Section::Disputes,
            Section::Story,
            Section::Timeline,
            Section::Conditions,
            Section::Decisions,
        ],
        List::Quotes => &[Section::Quotes, Section::Story],
        List::NamedScenarios => &[Section::Story],
        List::Relations | List::Rules | List::Disputes | List::StorySteps => &[],
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
            for c in meetings(scenario) {
                each(&mut c.hosts, &mut f);
                each(&mut c.invited, &mut f);
                for u in &mut c.uninvited {
                    f(&mut u.actor);
                }
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
            // A vote's member is an actor unless it has a name of its own.
            for vote in scenario
                .decisions
                .iter_mut()
                .filter_map(|d| d.vote.as_mut())
            {
                let actors: Vec<String> = vote
                    .members
                    .iter()
                    .filter(|m| m.name.is_empty())
                    .map(|m| m.id.clone())
                    .collect();
                let renamed = |id: &mut String, f: &mut dyn FnMut(&mut String)| {
                    if actors.contains(id) {
                        f(id);
                    }
                };
                for m in &mut vote.members {
                    renamed(&mut m.id, &mut f);
                }
                vote.veto_holders
                    .iter_mut()
                    .for_each(|id| renamed(id, &mut f));
                for w in &mut vote.what_ifs {
                    w.set = std::mem::take(&mut w.set)
                        .into_iter()
                        .map(|(mut k, v)| {
                            renamed(&mut k, &mut f);
                            (k, v)
                        })
                        .collect();
                }
            }
            for step in &mut scenario.story {
                each(&mut step.highlight, &mut f);
                for r in &mut step.highlight_relations {
                    f(&mut r.from);
                    f(&mut r.to);
                }
            }
            for event in events(scenario) {
                each(&mut event.actors, &mut f);
                for change in &mut event.changes {
                    match change {
                        Change::Stance { actor, .. } | Change::ActorEnters { actor } => f(actor),
                        Change::RelationStarts { relation } | Change::RelationEnds { relation } => {
                            f(&mut relation.from);
                            f(&mut relation.to);
                        }
                    }
                }
            }
        }
        List::Stances => {
            for a in &mut scenario.actors {
                f(&mut a.stance);
            }
            for event in events(scenario) {
                for change in &mut event.changes {
                    if let Change::Stance { stance, .. } = change {
                        f(stance);
                    }
                }
            }
            for c in meetings(scenario) {
                for named in &mut c.scenarios {
                    named.stance_overrides.values_mut().for_each(&mut f);
                }
            }
        }
        List::RelationKinds => {
            scenario.relations.iter_mut().for_each(|r| f(&mut r.kind));
            for step in &mut scenario.story {
                step.highlight_relations
                    .iter_mut()
                    .for_each(|r| f(&mut r.kind));
            }
            for event in events(scenario) {
                for change in &mut event.changes {
                    if let Change::RelationStarts { relation } | Change::RelationEnds { relation } =
                        change
                    {
                        f(&mut relation.kind);
                    }
                }
            }
        }
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
            for c in meetings(scenario) {
                each(&mut c.sources, &mut f);
                c.rules.iter_mut().for_each(|r| f(&mut r.source));
                c.uninvited.iter_mut().for_each(|u| f(&mut u.source));
                c.scenarios
                    .iter_mut()
                    .for_each(|n| each(&mut n.sources, &mut f));
            }
            scenario
                .conditions
                .iter_mut()
                .for_each(|c| f(&mut c.source));
            for d in &mut scenario.decisions {
                each(&mut d.sources, &mut f);
                if let Some(vote) = &mut d.vote {
                    for m in &mut vote.members {
                        if !m.source.is_empty() {
                            f(&mut m.source);
                        }
                    }
                    for w in &mut vote.what_ifs {
                        each(&mut w.sources, &mut f);
                    }
                }
                if let Some(w) = &mut d.withdrawn {
                    f(&mut w.source);
                }
            }
            for d in &mut scenario.disputes {
                d.accounts.iter_mut().for_each(|a| f(&mut a.source));
            }
            scenario
                .story
                .iter_mut()
                .for_each(|step| each(&mut step.sources, &mut f));
            for event in events(scenario) {
                each(&mut event.sources, &mut f);
            }
        }
        List::Quotes => {
            for q in &mut scenario.quotes {
                if let Some(v) = &mut q.variant_of {
                    f(v);
                }
            }
            for step in &mut scenario.story {
                if let Some(q) = &mut step.quote {
                    f(q);
                }
            }
        }
        List::NamedScenarios => {
            for step in &mut scenario.story {
                if let Some(id) = &mut step.scenario {
                    f(id);
                }
            }
        }
        List::Relations | List::Rules | List::Disputes | List::StorySteps => {}
    }
}

/// Every meeting: the conference, then the decisions that are meetings.
fn meetings(scenario: &mut Scenario) -> impl Iterator<Item = &mut Conference> {
    scenario.conference.iter_mut().chain(
        scenario
            .decisions
            .iter_mut()
            .filter_map(|d| d.meeting.as_mut()),
    )
}

/// The timeline's events, if there is a timeline.
fn events(scenario: &mut Scenario) -> impl Iterator<Item = &mut Event> {
    scenario
        .timeline
        .iter_mut()
        .flat_map(|t| t.events.iter_mut())
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
    /// Story steps that highlight the actor or a relation of it, or show a
    /// quote of it.
    pub story: usize,
    /// Timeline events that name the actor or change it.
    pub timeline: usize,
    /// Hosts, invitations and what-ifs: these always drop the actor.
    pub lists: usize,
}

impl ActorUse {
    /// Whether relations, quotes, rules or story steps name the actor (the
    /// removal prompt asks).
    pub fn has_dependents(&self) -> bool {
        self.relations + self.quotes + self.rules + self.story + self.timeline > 0
    }
}

/// What names the actor `id`.
pub fn actor_use(scenario: &Scenario, id: &str) -> ActorUse {
    let meetings = || {
        scenario
            .conference
            .iter()
            .chain(scenario.decisions.iter().filter_map(|d| d.meeting.as_ref()))
    };
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
        rules: meetings()
            .map(|c| {
                c.rules
                    .iter()
                    .filter(|r| r.actor == id || r.other == id)
                    .count()
            })
            .sum(),
        story: scenario
            .story
            .iter()
            .filter(|step| {
                step.highlight.iter().any(|x| x == id)
                    || step.highlight_relations.iter().any(|r| r.names(id))
                    || step
                        .quote
                        .as_deref()
                        .and_then(|q| scenario.quote(q))
                        .is_some_and(|q| q.actor.as_deref() == Some(id))
            })
            .count(),
        timeline: scenario
            .timeline
            .iter()
            .flat_map(|t| &t.events)
            .filter(|e| event_names(e, id))
            .count(),
        lists: meetings()
            .map(|c| {
                let named = c.scenarios.iter().filter(|n| {
                    n.invite.iter().chain(&n.uninvite).any(|x| x == id)
                        || n.stance_overrides.contains_key(id)
                });
                c.hosts
                    .iter()
                    .chain(&c.invited)
                    .filter(|x| *x == id)
                    .count()
                    + c.uninvited.iter().filter(|u| u.actor == id).count()
                    + named.count()
            })
            .sum(),
    }
}

/// Whether `event` names the actor `id`: among its actors, or in a change.
fn event_names(event: &Event, id: &str) -> bool {
    event.actors.iter().any(|x| x == id) || event.changes.iter().any(|c| change_names(c, id))
}

/// Whether `change` is about the actor `id`.
fn change_names(change: &Change, id: &str) -> bool {
    match change {
        Change::Stance { actor, .. } | Change::ActorEnters { actor } => actor == id,
        Change::RelationStarts { relation } | Change::RelationEnds { relation } => {
            relation.names(id)
        }
    }
}

/// Removes an actor: hosts, invitations and what-ifs drop it; relations,
/// quotes, rules, story highlights and what timeline events say of it go too
/// or stay (and are flagged) as `dependents` says.
pub(super) fn remove_actor(
    scenario: &mut Scenario,
    id: &str,
    dependents: Dependents,
) -> Result<(), EditError> {
    let index = scenario
        .actor_index(id)
        .ok_or_else(|| EditError::NoSuchActor(id.to_owned()))?;
    let removed = scenario.actors.remove(index);
    // A vote it took part in keeps it as a member by its name: it voted.
    for vote in scenario
        .decisions
        .iter_mut()
        .filter_map(|d| d.vote.as_mut())
    {
        for m in &mut vote.members {
            if m.id == id && m.name.is_empty() {
                m.name.clone_from(&removed.name);
            }
        }
    }
    for c in meetings(scenario) {
        c.hosts.retain(|x| x != id);
        c.invited.retain(|x| x != id);
        c.uninvited.retain(|u| u.actor != id);
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
        let (gone, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut scenario.quotes)
            .into_iter()
            .partition(|q| q.actor.as_deref() == Some(id));
        scenario.quotes = kept;
        let gone = |quote: &Option<String>| {
            quote
                .as_ref()
                .is_some_and(|q| gone.iter().any(|g| &g.id == q))
        };
        for q in &mut scenario.quotes {
            if gone(&q.variant_of) {
                q.variant_of = None;
            }
        }
        for step in &mut scenario.story {
            step.highlight.retain(|x| x != id);
            step.highlight_relations.retain(|r| !r.names(id));
            if gone(&step.quote) {
                step.quote = None;
            }
        }
        // Events stay (what happened still happened); they stop naming the
        // actor, and what they changed about it goes.
        for event in events(scenario) {
            event.actors.retain(|x| x != id);
            event.changes.retain(|c| !change_names(c, id));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RelationRef, StoryStep, validate};

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
        // Each relation names Iran once (from or to); quotes and rules once
        // each; so does each story highlight of Iran. A highlighted relation
        // still matches its kept relation, which is flagged already.
        let highlights = s
            .story
            .iter()
            .flat_map(|step| &step.highlight)
            .filter(|x| *x == "IRN")
            .count();
        // Each timeline event names it among its actors, and in each change
        // about it, once.
        let in_timeline: usize = s
            .timeline
            .iter()
            .flat_map(|t| &t.events)
            .map(|e| {
                e.actors.iter().filter(|x| *x == "IRN").count()
                    + e.changes.iter().filter(|c| change_names(c, "IRN")).count()
            })
            .sum();
        assert!(uses.timeline > 0 && in_timeline >= uses.timeline);
        assert_eq!(
            about_iran,
            uses.relations + uses.quotes + uses.rules + highlights + in_timeline
        );
        let c = s.conference.as_ref().expect("Paris has a conference");
        assert!(!c.invited.iter().chain(&c.hosts).any(|x| x == "IRN"));
    }

    /// A story step that names one thing of every kind a step refers to.
    fn step_naming_everything() -> StoryStep {
        StoryStep {
            title: "Every reference".into(),
            scenario: Some("iran-invited".into()),
            highlight: vec!["IRN".into(), "USA".into()],
            highlight_relations: vec![RelationRef {
                from: "USA".into(),
                to: "IRN".into(),
                kind: "overture".into(),
            }],
            quote: Some("kerry-not-coordinating".into()),
            sources: vec!["agencies-2014-09-15".into()],
            ..StoryStep::default()
        }
    }

    #[test]
    fn renames_carry_into_the_story_and_are_counted() {
        let mut s = paris();
        s.story = vec![step_naming_everything()];
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));
        let cases = [
            (List::Actors, "IRN", "IRAN"),
            (List::RelationKinds, "overture", "approach"),
            (List::NamedScenarios, "iran-invited", "with-iran"),
            (List::Quotes, "kerry-not-coordinating", "kerry-period"),
            (List::Sources, "agencies-2014-09-15", "agencies"),
        ];
        for (list, old, new) in cases {
            let mut renamed = s.clone();
            let before = uses_of(&renamed, list, old);
            rename(&mut renamed, list, old, new);
            assert_eq!(uses_of(&renamed, list, new), before, "{list:?}");
            assert_eq!(uses_of(&renamed, list, old), 0, "{list:?}");
            assert_ne!(renamed.story, s.story, "{list:?} reaches the story");
            assert!(
                referring_sections(list).contains(&Section::Story),
                "{list:?} lists the story among its referring sections"
            );
        }
        let mut story_only = s.clone();
        story_only.story = Vec::new();
        assert_eq!(
            uses_of(&s, List::NamedScenarios, "iran-invited"),
            uses_of(&story_only, List::NamedScenarios, "iran-invited") + 1
        );
        assert_eq!(
            uses_of(&s, List::Actors, "IRN"),
            uses_of(&story_only, List::Actors, "IRN") + 2,
            "the highlight and the relation's end"
        );
    }

    #[test]
    fn removing_an_actor_with_its_dependents_takes_it_out_of_the_story() {
        let mut s = paris();
        s.story = vec![step_naming_everything()];
        assert_eq!(actor_use(&s, "IRN").story, 1);
        assert_eq!(actor_use(&s, "AUS").story, 0);
        remove_actor(&mut s, "IRN", Dependents::RemoveToo).expect("Iran exists");
        assert_eq!(s.story[0].highlight, ["USA"]);
        assert!(s.story[0].highlight_relations.is_empty());
        assert_eq!(s.story[0].quote.as_deref(), Some("kerry-not-coordinating"));
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    }

    #[test]
    fn removing_an_actor_with_its_dependents_clears_the_story_quotes_that_go() {
        let mut s = paris();
        let mut step = step_naming_everything();
        step.highlight.clear();
        step.highlight_relations.clear();
        step.quote = Some("kerry-not-coordinating".into());
        s.story = vec![step];
        assert_eq!(actor_use(&s, "USA").story, 1, "a step showing its quote");
        remove_actor(&mut s, "USA", Dependents::RemoveToo).expect("the US exists");
        assert_eq!(s.story[0].quote, None);
        assert!(
            s.quotes
                .iter()
                .all(|q| q.variant_of.as_deref() != Some("kerry-not-coordinating"))
        );
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    }

    #[test]
    fn keeping_the_dependents_leaves_the_story_to_be_flagged() {
        let mut s = paris();
        s.story = vec![step_naming_everything()];
        let story = s.story.clone();
        remove_actor(&mut s, "IRN", Dependents::KeepAndFlag).expect("Iran exists");
        assert_eq!(s.story, story);
        assert!(
            validate(&s)
                .iter()
                .any(|p| p.path == "story[0].highlight[0]" && p.message == "no actor \"IRN\"")
        );
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
