//! Coalition Map: a schematic map of who stands where in a coalition, what
//! their leaders said, and why.
//!
//! Layers, bottom up (see README's Architecture section):
//! - [`model`]: the scenario document and its validation (no egui);
//! - [`io`]: reading scenarios from bytes and files (no egui);
//! - [`edit`]: edits to a scenario and the undo history (no egui);
//! - [`geo`]: projection, outlines, node and label layout (no egui);
//! - [`colour`]: simulated colour blindness and colour difference, to check
//!   the stance palettes (no egui);
//! - [`theme`], [`command`]: design tokens and the user's actions;
//! - [`ui`] and [`app`]: the panels and the app that ties them together;
//! - [`cli`]: the command line and headless commands;
//! - [`bench_support`]: hooks the startup benchmark switches on.

pub mod app;
pub mod app_edit;
pub mod app_files;
pub mod app_present;
pub mod attendance;
pub mod attendance_view;
pub mod bench_support;
pub mod cli;
pub mod colour;
pub mod command;
pub mod desktop;
pub mod edit;
pub mod edit_view;
pub mod export;
pub mod files;
pub mod generate;
pub mod geo;
pub mod io;
pub mod model;
pub mod presentation;
pub mod tables;
pub mod theme;
pub mod ui;

pub use app::{CoalitionApp, Startup};

/// The window's title.
pub const APP_NAME: &str = "Coalition Map";

/// The app's id: its data folder's name, and its window class on Linux.
pub const APP_ID: &str = "coalition-map";

/// Native window options: a window that fits a 1280×800 screen.
pub fn native_options() -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(APP_NAME)
            .with_app_id(APP_ID)
            .with_drag_and_drop(true)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    }
}
