//! The best-list search, run off the UI thread: started from the attendance
//! panel, polled every frame until it answers.

use coalition_core::decide::search::{MAX_SWING, SearchRequest};

use super::CoalitionApp;
use crate::ui::state::attendance::SearchJob;

impl CoalitionApp {
    /// Starts the best-list search over the chosen swing actors, off the UI thread.
    pub(crate) fn start_search(&mut self, ctx: &egui::Context) {
        let scenario = &self.doc.scenario;
        let search = &mut self.view.attendance.search;
        if search.job.is_some() {
            return;
        }
        let swing: Vec<usize> = search
            .swing
            .iter()
            .filter_map(|id| scenario.actor_index(id))
            .collect();
        if swing.is_empty() || swing.len() > MAX_SWING {
            search.message = Some(format!("Choose between 1 and {MAX_SWING} swing actors."));
            return;
        }
        let weight_id = search
            .weight_kind
            .clone()
            .or_else(|| scenario.weight_kinds.first().map(|k| k.id.clone()));
        let weights = scenario
            .actors
            .iter()
            .map(|a| {
                weight_id
                    .as_ref()
                    .and_then(|w| a.weights.get(w))
                    .copied()
                    .unwrap_or(0.0)
            })
            .collect();
        let request = SearchRequest {
            base_invited: self.view.attendance.invited.clone(),
            swing,
            weights,
        };
        let repaint = ctx.clone();
        search.message = None;
        search.job = Some(SearchJob::start(
            self.doc.engine.clone(),
            request,
            move || repaint.request_repaint(),
        ));
    }

    /// Collects a finished search's answer; keeps the window repainting while one runs.
    pub(crate) fn poll_search(&mut self, ctx: &egui::Context) {
        let search = &mut self.view.attendance.search;
        let Some(job) = &search.job else {
            return;
        };
        match job.take_result() {
            Some(Ok(front)) => {
                let elapsed = job.started.elapsed();
                search.message = Some(format!(
                    "Tried {} lists in {:.2} s.",
                    job.total,
                    elapsed.as_secs_f64()
                ));
                search.front = Some((job.request.clone(), front));
                search.job = None;
            }
            Some(Err(err)) => {
                search.message = Some(err.to_string());
                search.job = None;
            }
            None => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
        }
    }
}
