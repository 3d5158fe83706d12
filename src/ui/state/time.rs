//! What the timeline remembers: the day the map shows, the scenario as it
//! stood that day, who is not in the picture yet, the events of that day,
//! and whether it is playing.

use coalition_core::Document;
use coalition_core::model::{Change, Date, Scenario};
use coalition_core::time::Chronology;

/// The default pace of Play: seconds per event.
pub const SECONDS_PER_EVENT: f32 = 1.5;

/// The timeline's cursor and what follows from it.
#[derive(Debug)]
pub struct TimeView {
    /// The day the map shows; `None` for a scenario without a timeline.
    pub date: Option<Date>,
    /// The scenario as it stood on `date` (stances, relations); `None`
    /// without a timeline.
    pub dated: Option<Scenario>,
    /// The document revision `dated` was copied from: while it holds,
    /// moving the cursor restates the copy rather than copying again.
    dated_from: u64,
    /// Which of the document's relations `dated` holds (by index).
    held: Option<Vec<usize>>,
    /// The document's events sorted and filed, as of revision `dated_from`.
    pub chronology: Chronology,
    /// For each actor, whether it is not in the picture yet on `date`.
    pub offstage: Vec<bool>,
    /// The ids of the events on `date`, in the order they apply.
    pub current: Vec<String>,
    /// The actors those events change (ringed on the map), sorted.
    pub ringed: Vec<String>,
    /// Change only when what the map draws from the day does: the stances
    /// (and who is in the picture), and the relations that hold. Moving
    /// between days that differ in neither draws no layer again.
    pub stances_key: u64,
    pub relations_key: u64,
    /// Play walks from event to event.
    pub playing: bool,
    /// How long Play shows each event.
    pub seconds_per_event: f32,
    /// When Play last moved (egui time, seconds).
    pub last_step: f64,
}

impl Default for TimeView {
    fn default() -> Self {
        Self {
            date: None,
            dated: None,
            dated_from: 0,
            held: None,
            chronology: Chronology::default(),
            offstage: Vec::new(),
            current: Vec::new(),
            ringed: Vec::new(),
            stances_key: 0,
            relations_key: 0,
            playing: false,
            seconds_per_event: SECONDS_PER_EVENT,
            last_step: 0.0,
        }
    }
}

impl TimeView {
    /// The view of `doc` on the day its timeline opens on.
    pub fn for_document(doc: &Document) -> Self {
        let mut time = Self::default();
        time.go_to(doc, doc.scenario.opens_on());
        time
    }

    /// Moves the cursor to `date` (kept within the timeline), or, with no
    /// date, to the day the timeline opens on.
    pub fn go_to(&mut self, doc: &Document, date: Option<Date>) {
        let scenario = &doc.scenario;
        let Some(timeline) = &scenario.timeline else {
            *self = Self {
                seconds_per_event: self.seconds_per_event,
                ..Self::default()
            };
            return;
        };
        let date = date
            .unwrap_or(timeline.opens_on)
            .clamp(timeline.start, timeline.end.max(timeline.start));
        self.date = Some(date);
        let mut dated = match self.dated.take() {
            Some(mut dated) if self.dated_from == doc.revision => {
                self.chronology
                    .restate(scenario, date, &mut dated, &mut self.held);
                dated
            }
            _ => {
                self.chronology = Chronology::new(scenario);
                self.chronology.as_of(scenario, date, &mut self.held)
            }
        };
        self.offstage = self.chronology.offstage_at(scenario, date);
        self.dated_from = doc.revision;
        for (actor, offstage) in dated.actors.iter_mut().zip(&self.offstage) {
            if *offstage {
                // Not in the picture yet: no stance, so no tint and no count.
                actor.stance.clear();
                actor.stance_reason = format!("Not in the picture yet on {date}.");
            }
        }
        {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            for actor in &dated.actors {
                actor.stance.hash(&mut h);
            }
            self.stances_key = h.finish();
            // The relations shown are the document's (its revision) that
            // hold on the day (their indices).
            let mut h = std::collections::hash_map::DefaultHasher::new();
            doc.revision.hash(&mut h);
            self.held.hash(&mut h);
            self.relations_key = h.finish();
        }
        self.dated = Some(dated);
        let today: Vec<_> = self.chronology.events_on(scenario, date).collect();
        self.current = today.iter().map(|e| e.id.clone()).collect();
        // Ringed: the actors the day's events change (not every actor they
        // mention: the Paris conference names all 29 participants).
        self.ringed = today
            .iter()
            .flat_map(|e| &e.changes)
            .filter_map(|c| match c {
                Change::Stance { actor, .. } | Change::ActorEnters { actor } => Some(actor.clone()),
                Change::RelationStarts { .. } | Change::RelationEnds { .. } => None,
            })
            .collect();
        self.ringed.sort();
        self.ringed.dedup();
    }

    /// Brings the view in step with an edited document, on the same day.
    pub fn refresh(&mut self, doc: &Document) {
        self.go_to(doc, self.date);
    }

    /// The day of the next event after the cursor (`step` 1) or of the last
    /// one before it (`step` -1), if there is one.
    pub fn neighbour(&self, step: i32) -> Option<Date> {
        self.chronology.neighbour(self.date?, step)
    }
}
