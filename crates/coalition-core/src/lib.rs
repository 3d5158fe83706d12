//! The core of Coalition Map: the scenario document and everything computed
//! from it, with no user interface. Its `Cargo.toml` has no egui, eframe,
//! wgpu or winit, so cargo keeps the layer honest; `.ci/run` checks the tree.
//!
//! - [`model`]: the scenario's types, validation, templates;
//! - [`io`]: bytes to model and back: scenario files (load, migrate, save
//!   atomically) and CSV tables;
//! - [`edit`]: edits to a scenario, the undo history, who refers to what;
//! - [`decide`]: the attendance engine, what-ifs, measures, the best-list
//!   search, the command line's report;
//! - [`geo`]: projection, country outlines, node and label layout (emath only);
//! - [`document`]: the open [`Document`] — scenario, problems, compiled engine,
//!   history;
//! - [`time`]: the scenario as of a date: stances, relations, events;
//! - [`generate`]: a world-sized synthetic scenario for benchmarks and scale tests.

pub mod decide;
pub mod document;
pub mod edit;
pub mod generate;
pub mod geo;
pub mod io;
pub mod model;
pub mod time;

pub use document::Document;
