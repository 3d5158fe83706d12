//! The scenario as of a date. Events are applied in order of date, then of
//! id, so the answer never depends on the order the file lists them in; a
//! date before every event gives the base scenario.

use std::collections::HashSet;

use crate::model::{Change, Date, Event, Relation, RelationRef, Scenario};

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

/// Whether `reference` names `relation`.
fn names(reference: &RelationRef, relation: &Relation) -> bool {
    reference.from == relation.from
        && reference.to == relation.to
        && reference.kind == relation.kind
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
        let mut stance = (base.stance.as_str(), base.stance_reason.as_str());
        for event in ordered_events(self)
            .into_iter()
            .take_while(|e| e.date <= date)
        {
            for change in &event.changes {
                if let Change::Stance {
                    actor: who,
                    stance: to,
                    reason,
                } = change
                    && who == actor
                {
                    stance = (to.as_str(), reason.as_str());
                }
            }
        }
        Some(stance)
    }

    /// Whether `actor` is in the picture on `date`: always, unless an event
    /// makes it enter later.
    pub fn in_picture_at(&self, actor: &str, date: Date) -> bool {
        ordered_events(self)
            .iter()
            .flat_map(|e| e.changes.iter().map(move |c| (e.date, c)))
            .filter_map(|(day, c)| match c {
                Change::ActorEnters { actor: who } if who == actor => Some(day),
                _ => None,
            })
            .min()
            .is_none_or(|enters| enters <= date)
    }

    /// The indices of the relations that hold on `date`, between actors in
    /// the picture. A relation whose own `date` is a full day holds from that
    /// day on, as does one an event starts; one that an event ends holds no
    /// longer from that day; one with neither holds throughout.
    pub fn relations_at(&self, date: Date) -> Vec<usize> {
        let events = ordered_events(self);
        let holds = |relation: &Relation| {
            // Each day the relation starts (true) or ends (false), in order;
            // its own date first on a day an event also names.
            let mut turns: Vec<(Date, bool)> = relation
                .date
                .parse::<Date>()
                .ok()
                .map(|day| (day, true))
                .into_iter()
                .collect();
            for event in &events {
                for change in &event.changes {
                    match change {
                        Change::RelationStarts { relation: r } if names(r, relation) => {
                            turns.push((event.date, true));
                        }
                        Change::RelationEnds { relation: r } if names(r, relation) => {
                            turns.push((event.date, false));
                        }
                        _ => {}
                    }
                }
            }
            turns.sort_by_key(|&(day, _)| day);
            let starts = turns.iter().any(|&(_, starts)| starts);
            turns
                .iter()
                .take_while(|&&(day, _)| day <= date)
                .last()
                .map_or(!starts, |&(_, holds)| holds)
        };
        self.relations
            .iter()
            .enumerate()
            .filter(|(_, r)| holds(r))
            .filter(|(_, r)| self.in_picture_at(&r.from, date) && self.in_picture_at(&r.to, date))
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
    /// marks those said later). Actors not yet in the picture stay in the list (everything is
    /// indexed by actor) and are named by [`Scenario::offstage_at`].
    #[must_use]
    pub fn as_of(&self, date: Date) -> Scenario {
        let mut shown = self.clone();
        for actor in &mut shown.actors {
            if let Some((stance, reason)) = self.stance_at(&actor.id, date) {
                actor.stance = stance.to_owned();
                actor.stance_reason = reason.to_owned();
            }
        }
        let holding: HashSet<usize> = self.relations_at(date).into_iter().collect();
        shown.relations = self
            .relations
            .iter()
            .enumerate()
            .filter(|(i, _)| holding.contains(i))
            .map(|(_, r)| r.clone())
            .collect();
        shown
    }

    /// For each actor, whether it is out of the picture on `date`.
    pub fn offstage_at(&self, date: Date) -> Vec<bool> {
        self.actors
            .iter()
            .map(|a| !self.in_picture_at(&a.id, date))
            .collect()
    }
}

#[cfg(test)]
mod tests;
