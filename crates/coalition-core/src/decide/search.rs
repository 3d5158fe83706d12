//! The best invitation list: for a set of swing actors, try every subset of
//! them on top of a base list and keep the Pareto front of (people in the
//! room, weighted support). Runs on worker threads, reports progress, and
//! can be cancelled.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::Engine;
use super::engine::Sweep;

/// At most this many swing actors (2^20, about a million lists).
pub const MAX_SWING: usize = 20;

/// What to search.
#[derive(Clone, Debug)]
pub struct SearchRequest {
    /// The invitation list the swing actors are varied on.
    pub base_invited: Vec<bool>,
    /// Actor indices whose invitation is varied; at most [`MAX_SWING`].
    pub swing: Vec<usize>,
    /// Each actor's weight; an outcome's support is the sum over attendees.
    pub weights: Vec<f64>,
}

/// One invitation list on the front.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Bit `k` set: swing actor `k` is invited.
    pub swing_mask: u32,
    pub attending: usize,
    pub support: f64,
}

impl Candidate {
    /// The full invitation list this candidate stands for.
    pub fn invited(&self, request: &SearchRequest) -> Vec<bool> {
        let mut invited = request.base_invited.clone();
        for (k, &actor) in request.swing.iter().enumerate() {
            if let Some(slot) = invited.get_mut(actor) {
                *slot = self.swing_mask & (1 << k) != 0;
            }
        }
        invited
    }
}

/// Progress and cancellation shared with the UI.
#[derive(Debug, Default)]
pub struct SearchControl {
    pub done: AtomicU64,
    pub cancel: AtomicBool,
}

/// Why a search gave no answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    #[error("choose at most {MAX_SWING} swing actors (you chose {0})")]
    TooManySwing(usize),
    #[error("the search was cancelled")]
    Cancelled,
}

/// The number of lists a request tries.
pub fn list_count(request: &SearchRequest) -> u64 {
    1u64 << request.swing.len().min(MAX_SWING)
}

/// Tries every subset of the swing actors, on `threads` threads. Returns the
/// Pareto front sorted by attendance, fewest first; ties go to the smaller mask,
/// so the answer does not depend on the number of threads.
pub fn best_lists(
    engine: &Engine,
    request: &SearchRequest,
    control: &SearchControl,
    threads: usize,
) -> Result<Vec<Candidate>, SearchError> {
    if request.swing.len() > MAX_SWING {
        return Err(SearchError::TooManySwing(request.swing.len()));
    }
    let total = list_count(request);
    let threads = threads.clamp(1, 64) as u64;
    let chunk = total.div_ceil(threads);
    let partials: Vec<Option<Vec<Option<Candidate>>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let range = (t * chunk).min(total)..((t + 1) * chunk).min(total);
                scope.spawn(move || search_range(engine, request, control, range))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    let mut best: Vec<Option<Candidate>> = vec![None; engine.actor_count() + 1];
    for partial in partials {
        let partial = partial.ok_or(SearchError::Cancelled)?;
        for candidate in partial.into_iter().flatten() {
            keep_better(&mut best, candidate);
        }
    }
    if control.cancel.load(Ordering::Relaxed) {
        return Err(SearchError::Cancelled);
    }
    Ok(pareto(best))
}

fn keep_better(best: &mut [Option<Candidate>], candidate: Candidate) {
    let slot = &mut best[candidate.attending];
    let better = match slot {
        None => true,
        Some(current) => {
            candidate.support > current.support
                || (candidate.support.total_cmp(&current.support).is_eq()
                    && candidate.swing_mask < current.swing_mask)
        }
    };
    if better {
        *slot = Some(candidate);
    }
}

/// For each attendance count, the best candidate; `None` when cancelled.
fn search_range(
    engine: &Engine,
    request: &SearchRequest,
    control: &SearchControl,
    range: std::ops::Range<u64>,
) -> Option<Vec<Option<Candidate>>> {
    let mut best: Vec<Option<Candidate>> = vec![None; engine.actor_count() + 1];
    let mut sweep = Sweep::new(engine, &request.base_invited);
    let mut attending = Vec::new();
    let mut since_report = 0;
    for step in range {
        // Gray code: the next list differs from this one in one swing actor.
        let mask = (step ^ (step >> 1)) as u32;
        for (k, &actor) in request.swing.iter().enumerate() {
            sweep.set_invited(actor, mask & (1 << k) != 0);
        }
        sweep.attending_into(&mut attending);
        let mut count = 0;
        let mut support = 0.0;
        for (actor, attends) in attending.iter().enumerate() {
            if *attends {
                count += 1;
                support += request.weights.get(actor).copied().unwrap_or(0.0);
            }
        }
        keep_better(
            &mut best,
            Candidate {
                swing_mask: mask,
                attending: count,
                support,
            },
        );
        since_report += 1;
        if since_report == 4096 {
            control.done.fetch_add(since_report, Ordering::Relaxed);
            since_report = 0;
            if control.cancel.load(Ordering::Relaxed) {
                return None;
            }
        }
    }
    control.done.fetch_add(since_report, Ordering::Relaxed);
    Some(best)
}

/// Keeps the candidates no other beats on both counts.
fn pareto(best: Vec<Option<Candidate>>) -> Vec<Candidate> {
    let candidates: Vec<Candidate> = best.into_iter().flatten().collect();
    let mut front = Vec::new();
    // Walk from most attendees down; keep a point only if its support beats
    // every point with more attendees.
    let mut best_support = f64::NEG_INFINITY;
    for c in candidates.into_iter().rev() {
        if c.support > best_support {
            best_support = c.support;
            front.push(c);
        }
    }
    front.reverse();
    front
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_front_keeps_only_undominated_points() {
        let c = |attending, support| {
            Some(Candidate {
                swing_mask: 0,
                attending,
                support,
            })
        };
        let front = pareto(vec![None, c(1, 5.0), c(2, 3.0), c(3, 4.0), c(4, 1.0)]);
        let points: Vec<(usize, f64)> = front.iter().map(|c| (c.attending, c.support)).collect();
        assert_eq!(points, vec![(1, 5.0), (3, 4.0), (4, 1.0)]);
    }
}
