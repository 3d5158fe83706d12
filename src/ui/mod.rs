//! Everything drawn in the window, and nothing that owns the document: the
//! app (`src/app/`) owns it and hands each `*_ui` function what it draws.
//! UI code pushes [`command::Command`]s for what the user asked; none changes
//! the scenario directly. Nothing here imports the app (`tests/architecture.rs`).
//!
//! - [`command`]: every user action, with its label, tooltip and shortcut;
//! - [`state`]: the view state (selection, map view, slider, editor, presentation);
//! - [`map`]: the map widget;
//! - [`panels`]: the side panels and bars, one file each;
//! - [`editor`]: the editor's forms, one file per list;
//! - [`widgets`]: small pieces several panels use;
//! - [`dialogs`]: the in-app file dialog and the prompts;
//! - [`presentation`]: presentation mode's slide.

pub mod command;
pub mod dialogs;
pub mod editor;
pub mod map;
pub mod panels;
pub mod presentation;
pub mod state;
pub mod widgets;
