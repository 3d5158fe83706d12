//! What the attendance controls remember: the slider's position, a custom
//! invitation list, the outcome shown, and the best-list search running in
//! the background. Plain state; the panels in `ui/` draw it.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use coalition_core::Document;
use coalition_core::decide::measures::Measures;
use coalition_core::decide::named::ScenarioResult;
use coalition_core::decide::search::{
    Candidate, SearchControl, SearchError, SearchRequest, best_lists, list_count,
};
use coalition_core::decide::whatif::{Flip, base_invitations, what_flips};
use coalition_core::decide::{Engine, Outcome};
use coalition_core::model::Scenario;

/// What a finished search gives: the Pareto front, or why there is none.
pub type SearchAnswer = Result<Vec<Candidate>, SearchError>;

/// A best-list search under way or finished.
#[derive(Debug)]
pub struct SearchJob {
    pub request: SearchRequest,
    pub control: Arc<SearchControl>,
    pub total: u64,
    pub result: Arc<Mutex<Option<SearchAnswer>>>,
    pub started: std::time::Instant,
}

impl SearchJob {
    /// Starts the search on background threads; `on_done` is called when it ends
    /// (the app passes a repaint request).
    pub fn start(
        engine: Engine,
        request: SearchRequest,
        on_done: impl FnOnce() + Send + 'static,
    ) -> Self {
        let control = Arc::new(SearchControl::default());
        let result = Arc::new(Mutex::new(None));
        let total = list_count(&request);
        let (c, r, req) = (control.clone(), result.clone(), request.clone());
        std::thread::spawn(move || {
            let threads = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
            let answer = best_lists(&engine, &req, &c, threads);
            if let Ok(mut slot) = r.lock() {
                *slot = Some(answer);
            }
            on_done();
        });
        Self {
            request,
            control,
            total,
            result,
            started: std::time::Instant::now(),
        }
    }

    /// Fraction done, 0..1.
    pub fn progress(&self) -> f32 {
        let done = self.control.done.load(std::sync::atomic::Ordering::Relaxed);
        (done as f64 / self.total.max(1) as f64).min(1.0) as f32
    }

    /// The answer, once there is one (taken out: the job is over).
    pub fn take_result(&self) -> Option<SearchAnswer> {
        self.result.lock().ok().and_then(|mut slot| slot.take())
    }
}

/// The best-list search's form and results.
#[derive(Debug, Default)]
pub struct SearchView {
    /// Actor ids whose invitation the search varies.
    pub swing: BTreeSet<String>,
    /// The weight kind summed as "support"; `None` = the first one.
    pub weight_kind: Option<String>,
    pub job: Option<SearchJob>,
    /// The last finished search: its request and front.
    pub front: Option<(SearchRequest, Vec<Candidate>)>,
    pub message: Option<String>,
}

/// The slider's position and the outcome it shows.
#[derive(Debug)]
pub struct AttendanceView {
    /// The named scenario the slider is on.
    pub position: usize,
    /// An invitation list the user changed by hand ("custom" on the slider).
    pub custom: Option<Vec<bool>>,
    /// The list shown now: the named one, or the custom one.
    pub invited: Vec<bool>,
    pub outcome: Outcome,
    pub flips: Vec<Flip>,
    pub search: SearchView,
    /// The scenario with the named scenario's stance overrides applied, when it has any.
    pub overridden: Option<Scenario>,
    /// Plot series the user showed or hid, by name; the rest follow
    /// [`PlotSeries::shown_by_default`].
    pub series_visibility: std::collections::BTreeMap<String, bool>,
    /// The name typed for keeping a custom list as a named scenario.
    pub new_scenario_name: String,
    /// What `invited`, `outcome` and `flips` were worked out for: the
    /// document's revision, the slider's position and the custom list. They
    /// do not depend on the timeline's day (the rules are the document's), so
    /// moving the cursor does not work them out again.
    evaluated_for: Option<(u64, usize, Option<Vec<bool>>)>,
}

impl AttendanceView {
    /// The view on the first named scenario.
    pub fn new(scenario: &Scenario, doc: &Document) -> Self {
        let mut view = Self {
            position: 0,
            custom: None,
            invited: Vec::new(),
            outcome: Outcome {
                attending: Vec::new(),
                absent: Vec::new(),
                conflicts: Vec::new(),
            },
            flips: Vec::new(),
            search: SearchView::default(),
            overridden: None,
            series_visibility: std::collections::BTreeMap::new(),
            new_scenario_name: String::new(),
            evaluated_for: None,
        };
        view.refresh(scenario, doc);
        view
    }

    /// Recomputes the outcome after the position or the custom list changed.
    pub fn refresh(&mut self, scenario: &Scenario, doc: &Document) {
        let named = &doc.named;
        self.position = self.position.min(named.len().saturating_sub(1));
        let inputs = (doc.revision, self.position, self.custom.clone());
        if self.evaluated_for.as_ref() != Some(&inputs) {
            self.invited = match &self.custom {
                Some(list) => list.clone(),
                None => named
                    .get(self.position)
                    .map_or_else(|| base_invitations(scenario), |r| r.invited.clone()),
            };
            self.outcome = match (&self.custom, named.get(self.position)) {
                (None, Some(result)) => result.outcome.clone(),
                _ => doc.engine.evaluate(&self.invited),
            };
            self.flips = what_flips(&doc.engine, &self.invited);
            self.evaluated_for = Some(inputs);
        }
        self.overridden = scenario
            .attendance_scenarios()
            .get(self.position)
            .filter(|named| !named.stance_overrides.is_empty())
            .map(|named| {
                let mut changed = scenario.clone();
                for actor in &mut changed.actors {
                    if let Some(stance) = named.stance_overrides.get(&actor.id) {
                        actor.stance.clone_from(stance);
                    }
                }
                changed
            });
    }

    /// The scenario as the slider shows it: stance overrides applied.
    /// Changes when the named scenario or the hand-made list does.
    pub fn key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.position.hash(&mut h);
        self.custom.hash(&mut h);
        h.finish()
    }

    /// Whether the list was changed by hand.
    pub fn is_custom(&self) -> bool {
        self.custom.is_some()
    }
}

/// One line of the measures plot: a name and a point per named scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct PlotSeries {
    pub name: String,
    /// (scenario index, value) for every named scenario.
    pub points: Vec<[f64; 2]>,
}

impl PlotSeries {
    /// Attendance and weight totals are shown at first; a group's line only
    /// when it changes across the scenarios (a flat line says little).
    pub fn shown_by_default(&self) -> bool {
        let varies = self
            .points
            .windows(2)
            .any(|w| (w[0][1] - w[1][1]).abs() > f64::EPSILON);
        self.name == "Attending" || self.name.starts_with("Total: ") || varies
    }
}

/// The measures plot's data: attendance, each weight total, and each group's
/// attending members, across the named scenarios.
pub fn plot_series(scenario: &Scenario, named: &[ScenarioResult]) -> Vec<PlotSeries> {
    let series = |name: String, value: &dyn Fn(&Measures) -> f64| PlotSeries {
        name,
        points: named
            .iter()
            .enumerate()
            .map(|(i, r)| [i as f64, value(&r.measures)])
            .collect(),
    };
    let mut all = vec![series("Attending".into(), &|m| m.attending as f64)];
    for (k, kind) in scenario.weight_kinds.iter().enumerate() {
        all.push(series(format!("Total: {}", kind.label), &|m| {
            m.weight_totals.get(k).copied().unwrap_or(0.0)
        }));
    }
    for (g, group) in scenario.groups.iter().enumerate() {
        let members = named
            .first()
            .and_then(|r| r.measures.group_coverage.get(g))
            .map_or(0, |c| c.1);
        all.push(series(
            format!("{} attending (of {members})", group.id.replace('_', " ")),
            &|m| m.group_coverage.get(g).map_or(0.0, |c| c.0 as f64),
        ));
    }
    all
}
