//! Presenting to a class: the steps (the scenario's story, or without one
//! its named attendance scenarios), which step is shown, and whether its
//! held-back outcome has been revealed. Plain state; `ui/presentation.rs`
//! draws it.

use std::collections::HashSet;

use crate::ui::command::Move;
use crate::ui::map::Highlight;
use coalition_core::model::{Quote, Scenario, Source};

/// One step as the presenter shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Step<'a> {
    pub title: String,
    pub text: &'a str,
    /// The named attendance scenario it shows, as a slider position.
    pub position: usize,
    /// The day it shows, on a scenario with a timeline (none: the day the
    /// timeline opens on).
    pub date: Option<coalition_core::model::Date>,
    /// What it puts in focus; `None` fades nothing.
    pub highlight: Option<Highlight>,
    pub quote: Option<&'a Quote>,
    /// The question the class answers before the outcome is revealed.
    pub predict: Option<&'a str>,
    pub notes: &'a str,
    pub sources: Vec<&'a Source>,
}

/// The steps of `scenario`: its story, or one step per named attendance
/// scenario when it has no story.
pub fn steps(scenario: &Scenario) -> Vec<Step<'_>> {
    if scenario.story.is_empty() {
        return scenario
            .attendance_scenarios()
            .iter()
            .enumerate()
            .map(|(position, named)| Step {
                title: named.name.clone(),
                text: &named.description,
                position,
                date: None,
                highlight: None,
                quote: None,
                predict: None,
                notes: "",
                sources: named
                    .sources
                    .iter()
                    .filter_map(|id| scenario.source(id))
                    .collect(),
            })
            .collect();
    }
    scenario
        .story
        .iter()
        .map(|step| {
            let focused = !step.highlight.is_empty() || !step.highlight_relations.is_empty();
            let highlight = focused.then(|| Highlight {
                actors: step.highlight.iter().cloned().collect(),
                relations: scenario
                    .relations
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| step.highlight_relations.iter().any(|h| h.matches(r)))
                    .map(|(i, _)| i)
                    .collect::<HashSet<usize>>(),
            });
            Step {
                title: step.title.clone(),
                text: &step.text,
                position: scenario.story_scenario_index(step).unwrap_or(0),
                date: step.date,
                highlight,
                quote: step.quote.as_deref().and_then(|id| scenario.quote(id)),
                predict: step.predict.as_deref(),
                notes: &step.notes,
                sources: step
                    .sources
                    .iter()
                    .filter_map(|id| scenario.source(id))
                    .collect(),
            }
        })
        .collect()
}

/// Where the presentation is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Presentation {
    /// The step shown, counted from 0.
    pub step: usize,
    /// The step's held-back outcome has been revealed.
    pub revealed: bool,
    /// The speaker notes window is open.
    pub notes_open: bool,
    /// The screen is blacked out (`B` or `.`); a step key brings it back.
    pub blacked: bool,
    /// Where the explorer was (slider, hand-made list, selection): Esc goes back there.
    pub return_to: Option<ReturnTo>,
}

/// The explorer's view before the presentation started.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReturnTo {
    pub position: usize,
    pub custom: Option<Vec<bool>>,
    pub selected: Option<String>,
    /// The timeline's day.
    pub date: Option<coalition_core::model::Date>,
}

impl Presentation {
    /// Moves through `steps`. Next first reveals what a step holds back, so a
    /// clicker's one button walks a class through predict, then reveal.
    pub fn go(&mut self, movement: Move, steps: &[Step<'_>]) {
        let last = steps.len().saturating_sub(1);
        let holds_back = |step: usize| steps.get(step).is_some_and(|s| s.predict.is_some());
        match movement {
            Move::Next if holds_back(self.step) && !self.revealed => self.revealed = true,
            Move::Reveal => self.revealed = true,
            Move::Next if self.step < last => {
                self.step += 1;
                self.revealed = false;
            }
            Move::Next => {}
            Move::Previous => {
                // Going back shows a step as it was left: revealed.
                if self.step > 0 {
                    self.step -= 1;
                    self.revealed = true;
                }
            }
            Move::First => {
                self.step = 0;
                self.revealed = false;
            }
            Move::Last => {
                self.step = last;
                self.revealed = false;
            }
        }
        self.step = self.step.min(last);
    }

    /// Whether the current step's outcome is hidden now.
    pub fn hides_outcome(&self, steps: &[Step<'_>]) -> bool {
        !self.revealed && steps.get(self.step).is_some_and(|s| s.predict.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(predict: Option<&'static str>) -> Step<'static> {
        Step {
            title: String::new(),
            text: "",
            position: 0,
            date: None,
            highlight: None,
            quote: None,
            predict,
            notes: "",
            sources: Vec::new(),
        }
    }

    #[test]
    fn next_reveals_a_held_back_outcome_before_moving_on() {
        let steps = [step(None), step(Some("Who stays away?")), step(None)];
        let mut p = Presentation::default();
        p.go(Move::Next, &steps);
        assert_eq!((p.step, p.hides_outcome(&steps)), (1, true));
        p.go(Move::Next, &steps);
        assert_eq!((p.step, p.hides_outcome(&steps)), (1, false));
        p.go(Move::Next, &steps);
        assert_eq!(p.step, 2);
        p.go(Move::Next, &steps);
        assert_eq!(p.step, 2, "the last step stays");
        p.go(Move::Previous, &steps);
        assert_eq!((p.step, p.hides_outcome(&steps)), (1, false));
        p.go(Move::First, &steps);
        assert_eq!(p.step, 0);
        p.go(Move::Last, &steps);
        assert_eq!(p.step, 2);
    }

    #[test]
    fn without_a_story_each_named_scenario_is_a_step() {
        let mut scenario = coalition_core::io::paris_2014().expect("loads");
        scenario.story.clear();
        let steps = steps(&scenario);
        assert_eq!(steps.len(), scenario.attendance_scenarios().len());
        assert!(steps.iter().enumerate().all(|(i, s)| s.position == i));
    }

    #[test]
    fn no_steps_is_not_a_panic() {
        let mut p = Presentation::default();
        p.go(Move::Next, &[]);
        p.go(Move::Last, &[]);
        assert_eq!(p.step, 0);
    }
}
