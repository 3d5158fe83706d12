//! Coalition Map, the app: a schematic map of who stands where in a
//! coalition, what their leaders said, and why. The document and everything
//! computed from it live in the `coalition_core` crate (no egui); this crate
//! draws it and lets the user change it. Layers, top down (docs/ARCHITECTURE.md):
//! - [`app`]: the eframe app: owns the document and the view, applies commands;
//! - [`cli`]: the command line (clap) and the headless commands;
//! - [`export`]: SVG, PNG and the handout, painted by the real map widget;
//! - [`ui`]: panels, the map widget, commands and view state (never imports `app`);
//! - [`theme`]: design tokens, and the colour science that checks the palettes;
//! - [`platform`]: desktop integration;
//! - [`bench_support`]: hooks the start-up benchmark switches on.

pub mod app;
pub mod bench_support;
pub mod cli;
pub mod export;
pub mod platform;
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
