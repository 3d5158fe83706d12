//! Who attends the conference: the engine that applies the conditional
//! attendance rules, the measures per scenario, and the search for the best
//! invitation list. No egui here.

pub mod engine;
pub mod explain;
pub mod measures;
pub mod report;
pub mod search;
pub mod whatif;

pub use engine::{Absence, Conflict, Engine, Outcome};
