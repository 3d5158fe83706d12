//! The `coalition-map` binary: reads the command line, then opens the window
//! or runs a headless command.

// No console window behind the app on Windows in release builds.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use coalition_map::cli::{self, Invocation};
use coalition_map::{APP_NAME, CoalitionApp, Startup};

fn main() -> std::process::ExitCode {
    // `None` unless a benchmark asked (see `bench_support`); notes the start time.
    let probe = coalition_map::bench_support::Probe::from_env();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let invocation = match cli::parse_args(&args) {
        Ok(invocation) => invocation,
        Err(message) => {
            eprintln!("{message}");
            return std::process::ExitCode::from(2);
        }
    };
    match invocation {
        Invocation::Help => {
            print!("{}", cli::USAGE);
            std::process::ExitCode::SUCCESS
        }
        Invocation::Version => {
            println!("coalition-map {}", env!("CARGO_PKG_VERSION"));
            std::process::ExitCode::SUCCESS
        }
        Invocation::Check { file } => {
            let code = cli::run_check(
                file.as_deref(),
                &mut std::io::stdout(),
                &mut std::io::stderr(),
            );
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        Invocation::Generate(args) => {
            let code = cli::run_generate(&args, &mut std::io::stdout(), &mut std::io::stderr());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        Invocation::Export(args) => {
            let code = cli::run_export(&args, &mut std::io::stdout(), &mut std::io::stderr());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        Invocation::InstallDesktop => {
            let code = cli::run_install_desktop(&mut std::io::stdout(), &mut std::io::stderr());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        Invocation::UninstallDesktop => {
            let code = cli::run_uninstall_desktop(&mut std::io::stdout(), &mut std::io::stderr());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        Invocation::Attendance(args) => {
            let code = cli::run_attendance(&args, &mut std::io::stdout(), &mut std::io::stderr());
            std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
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
                Ok(()) => std::process::ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("{APP_NAME} could not open its window: {err}");
                    std::process::ExitCode::FAILURE
                }
            }
        }
    }
}
