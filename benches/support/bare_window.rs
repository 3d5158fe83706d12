//! The baseline for the startup benchmark: a bare eframe window. Same eframe
//! build and features, same native options (wgpu, 1280×800, the app's id so
//! it persists the same way) and the same first-frame probe as the app, and
//! a single label in a central panel as its whole UI.

use coalition_map::bench_support::{self, Probe};

/// The bare window's title.
pub const TITLE: &str = "Bare eframe window";

struct BareWindow;

impl eframe::App for BareWindow {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.label("A bare eframe window");
        });
    }
}

/// Opens the bare window; `probe` is read at the very start of `main`.
pub fn run(probe: Option<Probe>) -> std::process::ExitCode {
    let mut options = coalition_map::native_options();
    options.viewport = options.viewport.with_title(TITLE);
    let result = eframe::run_native(
        TITLE,
        options,
        Box::new(move |_cc| Ok(bench_support::wrap(probe, || Box::new(BareWindow)))),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("the bare window could not open: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}
