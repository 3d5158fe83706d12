//! How decisions come out. Today: who attends the conference, by the engine
//! that applies the conditional attendance rules; the measures per scenario;
//! the named lists evaluated; the search for the best invitation list; the
//! report the command line prints.

pub mod decision_report;
pub mod engine;
pub mod explain;
pub mod measures;
pub mod named;
pub mod report;
pub mod search;
pub mod vote;
pub mod whatif;

pub use engine::{Absence, Conflict, Engine, Outcome};
