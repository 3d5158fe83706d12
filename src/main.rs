//! The `coalition-map` binary: reads the command line (clap), then opens the
//! window or runs a headless command. Exit codes come from `cli::Exit`.

// No console window behind the app on Windows in release builds.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser as _;
use coalition_map::cli::{self, Cli, Invocation};
use coalition_map::{APP_NAME, CoalitionApp, Startup};

fn main() -> ExitCode {
    // `None` unless a benchmark asked (see `bench_support`); notes the start time.
    let probe = coalition_map::bench_support::Probe::from_env();
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    match Cli::parse().invocation() {
        Invocation::Headless(command) => command.run(&mut out, &mut err).into(),
        Invocation::InstallDesktop => cli::desktop::install(&mut out, &mut err).into(),
        Invocation::UninstallDesktop => cli::desktop::uninstall(&mut out, &mut err).into(),
        Invocation::Gui { file } => {
            let startup = Startup {
                file,
                recovery_dir: eframe::storage_dir(coalition_map::APP_ID),
            };
            let result = eframe::run_native(
                APP_NAME,
                coalition_map::native_options(),
                Box::new(move |cc| {
                    Ok(coalition_map::bench_support::wrap(probe, || {
                        Box::new(CoalitionApp::new(cc, &startup))
                    }))
                }),
            );
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{APP_NAME} could not open its window: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
