//! The scenario as of a date. Events are applied in order of date, then of
//! id, so the answer never depends on the order the file lists them in; a
//! date before every event gives the base scenario.
//!
//! Every question is answered from one pass over the ordered events
//! ([`Replay`]): a move of the timeline's cursor costs a sort of the events
//! and a pass over them, the actors and the relations, not a pass over the
//! events for each actor or relation.

use std::collections::HashMap;

use crate::model::{Change, Date, Event, Relation, Scenario};

/// A scenario's events in the order they apply: by date, then by id.
pub fn ordered_events(scenario: &Scenario) -> Vec<&Event> {
    let mut events: Vec<&Event> = scenario
        .timeline
        .iter()
        .flat_map(|t| t.events.iter())
        .collect();
    events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    events
}

/// A relation's key: its ends and its kind.
type RelationKey<'a> = (&'a str, &'a str, &'a str);

fn key(relation: &Relation) -> RelationKey<'_> {
    (&relation.from, &relation.to, &relation.kind)
}

/// What the events up to a day say, gathered in one pass.
struct Replay<'a> {
    /// Each actor's last stance change up to the day: stance and reason.
    stances: HashMap<&'a str, (&'a str, &'a str)>,
    /// The day each actor enters the picture, for those an event brings in.
    enters: HashMap<&'a str, Date>,
    /// Each relation the events start or end: the days it does so, in order.
    turns: HashMap<RelationKey<'a>, Vec<(Date, bool)>>,
}

impl<'a> Replay<'a> {
    fn new(scenario: &'a Scenario, date: Date) -> Self {
        let mut replay = Self {
            stances: HashMap::new(),
            enters: HashMap::new(),
            turns: HashMap::new(),
        };
        for event in ordered_events(scenario) {
            for change in &event.changes {
                match change {
                    Change::Stance {
                        actor,
                        stance,
                        reason,
                    } if event.date <= date => {
                        replay
                            .stances
                            .insert(actor.as_str(), (stance.as_str(), reason.as_str()));
                    }
                    Change::Stance { .. } => {}
                    Change::ActorEnters { actor } => {
                        replay.enters.entry(actor.as_str()).or_insert(event.date);
                    }
                    Change::RelationStarts { relation } | Change::RelationEnds { relation } => {
                        let starts = matches!(change, Change::RelationStarts { .. });
                        replay
                            .turns
                            .entry((&relation.from, &relation.to, &relation.kind))
                            .or_default()
                            .push((event.date, starts));
                    }
                }
            }
        }
        replay
    }

    fn in_picture(&self, actor: &str, date: Date) -> bool {
        self.enters.get(actor).is_none_or(|enters| *enters <= date)
    }

    /// Whether `relation` holds on `date`: from its own full date, as the
    /// events start and end it, else throughout.
    fn holds(&self, relation: &Relation, date: Date) -> bool {
        let own = relation.date.parse::<Date>().ok().map(|day| (day, true));
        let events = self.turns.get(&key(relation));
        if own.is_none() && events.is_none() {
            return true;
        }
        let mut turns: Vec<(Date, bool)> = own.into_iter().collect();
        turns.extend(events.into_iter().flatten().copied());
        // Stable: on a day an event also names, the relation's own date first.
        turns.sort_by_key(|&(day, _)| day);
        let starts = turns.iter().any(|&(_, starts)| starts);
        turns
            .iter()
            .take_while(|&&(day, _)| day <= date)
            .last()
            .map_or(!starts, |&(_, holds)| holds)
    }
}

impl Scenario {
    /// The day the map opens on: the timeline's, else none.
    pub fn opens_on(&self) -> Option<Date> {
        self.timeline.as_ref().map(|t| t.opens_on)
    }

    /// `actor`'s stance id (and the reason for it) on `date`: its base
    /// stance, changed by every event up to and including `date`.
    pub fn stance_at(&self, actor: &str, date: Date) -> Option<(&str, &str)> {
        let base = self.actor(actor)?;
        let replay = Replay::new(self, date);
        Some(
            replay
                .stances
                .get(actor)
                .copied()
                .unwrap_or((base.stance.as_str(), base.stance_reason.as_str())),
        )
    }

    /// Whether `actor` is in the picture on `date`: always, unless an event
    /// makes it enter later.
    pub fn in_picture_at(&self, actor: &str, date: Date) -> bool {
        Replay::new(self, date).in_picture(actor, date)
    }

    /// The indices of the relations that hold on `date`, between actors in
    /// the picture. A relation whose own `date` is a full day holds from that
    /// day on, as does one an event starts; one that an event ends holds no
    /// longer from that day; one with neither holds throughout.
    pub fn relations_at(&self, date: Date) -> Vec<usize> {
        let replay = Replay::new(self, date);
        self.relations_holding(&replay, date)
    }

    fn relations_holding(&self, replay: &Replay<'_>, date: Date) -> Vec<usize> {
        self.relations
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                replay.holds(r, date)
                    && replay.in_picture(&r.from, date)
                    && replay.in_picture(&r.to, date)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The events after `after` up to and including `until`, in order.
    pub fn events_between(&self, after: Date, until: Date) -> Vec<&Event> {
        ordered_events(self)
            .into_iter()
            .filter(|e| e.date > after && e.date <= until)
            .collect()
    }

    /// This scenario as it stood on `date`: each actor's stance and reason as
    /// of that day, and only the relations that held. Quotes stay (the panel
    /// marks those said later). Actors not yet in the picture stay in the
    /// list (everything is indexed by actor) and are named by
    /// [`Scenario::offstage_at`].
    #[must_use]
    pub fn as_of(&self, date: Date) -> Scenario {
        let mut shown = self.clone_but_relations();
        self.restate_as_of(date, &mut shown);
        shown
    }

    /// Writes this scenario as it stood on `date` over `shown`, a copy that
    /// [`Scenario::as_of`] made of this same scenario, on any day: only what
    /// a day changes is written again (each actor's stance and reason, and
    /// the relations that hold), and the rest of the copy (quotes, sources,
    /// the timeline) is kept. Moving the timeline's cursor this way costs
    /// what the day changes, not a copy of the whole scenario.
    pub fn restate_as_of(&self, date: Date, shown: &mut Scenario) {
        self.restate_as_of_tracked(date, shown, &mut None);
    }

    /// [`Scenario::restate_as_of`], told which of this scenario's relations
    /// `shown` holds (`held`, as the last call left it; `None` when not
    /// known), so that an unchanged list is known by its indices rather
    /// than by comparing every relation. `held` is left as it now is.
    pub fn restate_as_of_tracked(
        &self,
        date: Date,
        shown: &mut Scenario,
        held: &mut Option<Vec<usize>>,
    ) {
        let replay = Replay::new(self, date);
        let holding = self.relations_holding(&replay, date);
        let unchanged = match held.as_ref() {
            Some(held) => *held == holding && shown.relations.len() == holding.len(),
            None => {
                shown.relations.len() == holding.len()
                    && holding
                        .iter()
                        .zip(&shown.relations)
                        .all(|(&i, relation)| self.relations[i] == *relation)
            }
        };
        if !unchanged {
            shown.relations.clear();
            shown
                .relations
                .extend(holding.iter().map(|&i| self.relations[i].clone()));
        }
        *held = Some(holding);
        for (actor, base) in shown.actors.iter_mut().zip(&self.actors) {
            let (stance, reason) = replay
                .stances
                .get(base.id.as_str())
                .copied()
                .unwrap_or((&base.stance, &base.stance_reason));
            stance.clone_into(&mut actor.stance);
            reason.clone_into(&mut actor.stance_reason);
        }
    }

    /// A copy of everything but the relations (which `as_of` filters rather
    /// than copies twice). Every field is named, so a new one is a decision.
    fn clone_but_relations(&self) -> Scenario {
        let Scenario {
            format,
            title,
            date,
            summary,
            map,
            stance_scale,
            relation_kinds,
            weight_kinds,
            groups,
            sources,
            actors,
            relations: _,
            quotes,
            conference,
            disputes,
            story,
            timeline,
            conditions,
            decisions,
        } = self;
        Scenario {
            format: *format,
            title: title.clone(),
            date: date.clone(),
            summary: summary.clone(),
            map: *map,
            stance_scale: stance_scale.clone(),
            relation_kinds: relation_kinds.clone(),
            weight_kinds: weight_kinds.clone(),
            groups: groups.clone(),
            sources: sources.clone(),
            actors: actors.clone(),
            relations: Vec::new(),
            quotes: quotes.clone(),
            conference: conference.clone(),
            disputes: disputes.clone(),
            story: story.clone(),
            timeline: timeline.clone(),
            conditions: conditions.clone(),
            decisions: decisions.clone(),
        }
    }

    /// For each actor, whether it is out of the picture on `date`.
    pub fn offstage_at(&self, date: Date) -> Vec<bool> {
        let replay = Replay::new(self, date);
        self.actors
            .iter()
            .map(|a| !replay.in_picture(&a.id, date))
            .collect()
    }
}

#[cfg(test)]
mod tests;
