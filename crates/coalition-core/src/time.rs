//! The scenario as of a date. Events are applied in order of date, then of
//! id, so the answer never depends on the order the file lists them in; a
//! date before every event gives the base scenario.
//!
//! Every question is answered from a [`Chronology`]: the events sorted once
//! and filed under the actor or relation each one changes. The window keeps
//! one per document revision, so that a move of the timeline's cursor costs a
//! binary search per actor and per relation, not a sort or a pass over the
//! events.

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

/// When a relation holds: the days it starts (`true`) or ends (`false`),
/// in order, and whether it holds before the first of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Turns {
    days: Vec<(Date, bool)>,
    before: bool,
}

impl Turns {
    fn holds(&self, date: Date) -> bool {
        match self.days.partition_point(|&(day, _)| day <= date) {
            0 => self.before,
            n => self.days[n - 1].1,
        }
    }
}

/// A scenario's timeline made ready for questions about days: its events in
/// the order they apply, each actor's stance changes and the day it enters,
/// and the days each relation starts and ends, all sorted once. Answering
/// for a day then costs a binary search per actor and per relation: no
/// sort, no parsing and no lookup by name. Built again when the scenario
/// changes (the window keeps one per document revision).
#[derive(Clone, Debug, Default)]
pub struct Chronology {
    /// Indices into the timeline's events, in the order they apply.
    order: Vec<usize>,
    /// The day of each event in `order` (so, sorted).
    days: Vec<Date>,
    /// For each actor (by index), its stance changes in the order they
    /// apply: the day, the event (index into the timeline's events) and
    /// the change (index into the event's changes).
    stances: Vec<Vec<(Date, usize, usize)>>,
    /// For each actor, the day an event brings it into the picture.
    enters: Vec<Option<Date>>,
    /// For each relation, when it holds; `None` for throughout.
    turns: Vec<Option<Turns>>,
    /// For each relation, the day both its ends are in the picture, if an
    /// event brings one of them in.
    ends_enter: Vec<Option<Date>>,
}

impl Chronology {
    /// Sorts `scenario`'s events once, and files what each one changes
    /// under the actor or relation it changes.
    pub fn new(scenario: &Scenario) -> Self {
        let events: &[Event] = scenario.timeline.as_ref().map_or(&[], |t| &t.events);
        let mut order: Vec<usize> = (0..events.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&events[a], &events[b]);
            a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
        });
        let actors = scenario.actor_indices();
        let mut relations: HashMap<RelationKey<'_>, Vec<usize>> = HashMap::new();
        for (i, relation) in scenario.relations.iter().enumerate() {
            relations.entry(key(relation)).or_default().push(i);
        }
        let mut stances = vec![Vec::new(); scenario.actors.len()];
        let mut enters = vec![None; scenario.actors.len()];
        let mut turns: Vec<Vec<(Date, bool)>> = scenario
            .relations
            .iter()
            .map(|r| {
                r.date
                    .parse::<Date>()
                    .ok()
                    .map(|day| (day, true))
                    .into_iter()
                    .collect()
            })
            .collect();
        for &e in &order {
            let event = &events[e];
            for (c, change) in event.changes.iter().enumerate() {
                match change {
                    Change::Stance { actor, .. } => {
                        if let Some(&a) = actors.get(actor.as_str()) {
                            stances[a].push((event.date, e, c));
                        }
                    }
                    Change::ActorEnters { actor } => {
                        if let Some(&a) = actors.get(actor.as_str()) {
                            enters[a].get_or_insert(event.date);
                        }
                    }
                    Change::RelationStarts { relation } | Change::RelationEnds { relation } => {
                        let starts = matches!(change, Change::RelationStarts { .. });
                        // The relations it names: same ends, or swapped
                        // for one that runs both ways.
                        let ways = [
                            (relation.from.as_str(), relation.to.as_str()),
                            (relation.to.as_str(), relation.from.as_str()),
                        ];
                        let ways = if relation.from == relation.to {
                            &ways[..1]
                        } else {
                            &ways[..]
                        };
                        for &(from, to) in ways {
                            for &r in relations
                                .get(&(from, to, relation.kind.as_str()))
                                .into_iter()
                                .flatten()
                            {
                                if relation.matches(&scenario.relations[r]) {
                                    turns[r].push((event.date, starts));
                                }
                            }
                        }
                    }
                }
            }
        }
        let turns = turns
            .into_iter()
            .map(|mut days| {
                if days.is_empty() {
                    return None;
                }
                // Stable: on a day an event also names, the relation's own
                // date first.
                days.sort_by_key(|&(day, _)| day);
                let before = !days.iter().any(|&(_, starts)| starts);
                Some(Turns { days, before })
            })
            .collect();
        let enters_on = |id: &str| actors.get(id).and_then(|&a| enters[a]);
        let ends_enter = scenario
            .relations
            .iter()
            .map(|r| enters_on(&r.from).max(enters_on(&r.to)))
            .collect();
        Self {
            ends_enter,
            days: order.iter().map(|&e| events[e].date).collect(),
            order,
            stances,
            enters,
            turns,
        }
    }

    /// The scenario's events in the order they apply (`scenario` is the one
    /// this was built from).
    pub fn events<'a>(
        &self,
        scenario: &'a Scenario,
    ) -> impl Iterator<Item = &'a Event> + use<'a, '_> {
        let events: &[Event] = scenario.timeline.as_ref().map_or(&[], |t| &t.events);
        self.order.iter().filter_map(move |&e| events.get(e))
    }

    /// The events on `date`, in the order they apply.
    pub fn events_on<'a>(
        &self,
        scenario: &'a Scenario,
        date: Date,
    ) -> impl Iterator<Item = &'a Event> + use<'a, '_> {
        let from = self.days.partition_point(|&d| d < date);
        let to = self.days.partition_point(|&d| d <= date);
        let events: &[Event] = scenario.timeline.as_ref().map_or(&[], |t| &t.events);
        self.order[from..to]
            .iter()
            .filter_map(move |&e| events.get(e))
    }

    /// The day of the next event after `date` (`step` ≥ 0) or of the last
    /// one before it.
    pub fn neighbour(&self, date: Date, step: i32) -> Option<Date> {
        if step >= 0 {
            let next = self.days.partition_point(|&d| d <= date);
            self.days.get(next).copied()
        } else {
            let before = self.days.partition_point(|&d| d < date);
            before.checked_sub(1).map(|i| self.days[i])
        }
    }

    /// The actor at `index`'s stance id and reason on `date`.
    pub fn stance_of<'a>(
        &self,
        scenario: &'a Scenario,
        index: usize,
        date: Date,
    ) -> Option<(&'a str, &'a str)> {
        let base = scenario.actors.get(index)?;
        let changes = self.stances.get(index).map_or(&[][..], Vec::as_slice);
        let applied = changes.partition_point(|&(day, _, _)| day <= date);
        let events: &[Event] = scenario.timeline.as_ref().map_or(&[], |t| &t.events);
        let latest = applied
            .checked_sub(1)
            .and_then(|last| changes.get(last))
            .and_then(|&(_, e, c)| match events.get(e)?.changes.get(c)? {
                Change::Stance { stance, reason, .. } => Some((stance.as_str(), reason.as_str())),
                _ => None,
            });
        Some(latest.unwrap_or((base.stance.as_str(), base.stance_reason.as_str())))
    }

    /// Whether the actor at `index` is in the picture on `date`.
    pub fn in_picture(&self, index: usize, date: Date) -> bool {
        self.enters
            .get(index)
            .copied()
            .flatten()
            .is_none_or(|enters| enters <= date)
    }

    /// For each actor, whether it is out of the picture on `date`.
    pub fn offstage_at(&self, scenario: &Scenario, date: Date) -> Vec<bool> {
        (0..scenario.actors.len())
            .map(|a| !self.in_picture(a, date))
            .collect()
    }

    /// The indices of the relations that hold on `date`, between actors in
    /// the picture (see [`Scenario::relations_at`]).
    pub fn relations_at(&self, scenario: &Scenario, date: Date) -> Vec<usize> {
        (0..scenario.relations.len())
            .filter(|&i| {
                self.ends_enter
                    .get(i)
                    .copied()
                    .flatten()
                    .is_none_or(|enters| enters <= date)
                    && self
                        .turns
                        .get(i)
                        .and_then(Option::as_ref)
                        .is_none_or(|turns| turns.holds(date))
            })
            .collect()
    }

    /// [`Scenario::as_of`], with this chronology of `scenario`; `held` is
    /// left naming the relations the copy holds, for [`Chronology::restate`].
    pub fn as_of(
        &self,
        scenario: &Scenario,
        date: Date,
        held: &mut Option<Vec<usize>>,
    ) -> Scenario {
        let mut shown = scenario.clone_but_relations();
        *held = None;
        self.restate(scenario, date, &mut shown, held);
        shown
    }

    /// [`Scenario::restate_as_of_tracked`], with this chronology of
    /// `scenario`.
    pub fn restate(
        &self,
        scenario: &Scenario,
        date: Date,
        shown: &mut Scenario,
        held: &mut Option<Vec<usize>>,
    ) {
        let holding = self.relations_at(scenario, date);
        let unchanged = match held.as_ref() {
            Some(held) => *held == holding && shown.relations.len() == holding.len(),
            None => {
                shown.relations.len() == holding.len()
                    && holding
                        .iter()
                        .zip(&shown.relations)
                        .all(|(&i, relation)| scenario.relations[i] == *relation)
            }
        };
        if !unchanged {
            shown.relations.clear();
            shown
                .relations
                .extend(holding.iter().map(|&i| scenario.relations[i].clone()));
        }
        *held = Some(holding);
        for (i, actor) in shown.actors.iter_mut().enumerate() {
            if let Some((stance, reason)) = self.stance_of(scenario, i, date) {
                if actor.stance != stance {
                    stance.clone_into(&mut actor.stance);
                }
                if actor.stance_reason != reason {
                    reason.clone_into(&mut actor.stance_reason);
                }
            }
        }
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
        let index = self.actors.iter().position(|a| a.id == actor)?;
        Chronology::new(self).stance_of(self, index, date)
    }

    /// Whether `actor` is in the picture on `date`: always, unless an event
    /// makes it enter later.
    pub fn in_picture_at(&self, actor: &str, date: Date) -> bool {
        self.actors
            .iter()
            .position(|a| a.id == actor)
            .is_none_or(|index| Chronology::new(self).in_picture(index, date))
    }

    /// The indices of the relations that hold on `date`, between actors in
    /// the picture. A relation whose own `date` is a full day holds from that
    /// day on, as does one an event starts; one that an event ends holds no
    /// longer from that day; one with neither holds throughout.
    pub fn relations_at(&self, date: Date) -> Vec<usize> {
        Chronology::new(self).relations_at(self, date)
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
        Chronology::new(self).as_of(self, date, &mut None)
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
        Chronology::new(self).restate(self, date, shown, held);
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
        Chronology::new(self).offstage_at(self, date)
    }
}

#[cfg(test)]
mod tests;
