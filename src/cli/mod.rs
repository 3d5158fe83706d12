//! The command line: which file to open, and headless commands such as `check`.

use std::io::Write;
use std::path::{Path, PathBuf};

use coalition_core::model::validate;

/// What the command line asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invocation {
    /// Open the window, on a file or on the built-in scenario.
    Gui {
        file: Option<PathBuf>,
    },
    /// Validate a file (or the built-in scenario) and print its problems.
    Check {
        file: Option<PathBuf>,
    },
    /// Print who attends the conference, and why the others do not.
    Attendance(AttendanceArgs),
    /// Write a generated world-sized scenario (synthetic test data).
    Generate(GenerateArgs),
    /// Draw the map (or a handout) to an SVG or PNG file, without a window.
    Export(ExportArgs),
    /// Add the menu entry, the `*.coalition` file type and the icon.
    InstallDesktop,
    /// Remove what `--install-desktop` added.
    UninstallDesktop,
    Help,
    Version,
}

/// The arguments of `generate`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenerateArgs {
    pub out: PathBuf,
    pub seed: u64,
    pub relations: usize,
    pub quotes: usize,
}

/// The arguments of `export`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportArgs {
    pub file: Option<PathBuf>,
    /// A story step, counted from 1.
    pub step: Option<usize>,
    /// A named attendance scenario's id or name.
    pub scenario: Option<String>,
    /// The handout (map, legend, quotes, sources) instead of the map alone.
    pub handout: bool,
    /// `.svg` or `.png`.
    pub out: PathBuf,
}

/// The arguments of `attendance`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttendanceArgs {
    pub file: Option<PathBuf>,
    /// A named scenario's id or name.
    pub scenario: Option<String>,
    pub invite: Vec<String>,
    pub uninvite: Vec<String>,
    pub json: bool,
}

/// The usage text.
pub const USAGE: &str = "\
Coalition Map: who stands where in a coalition, and why.

Usage:
  coalition-map [FILE]         open the app (on FILE, or on the built-in Paris 2014 scenario)
  coalition-map check [FILE]   validate FILE (or the built-in scenario); exit 0 only if sound
  coalition-map attendance [FILE] [--scenario NAME] [--invite ID,...] [--uninvite ID,...] [--json]
                               who attends the conference, and why the others stay away
  coalition-map export [FILE] [--step N] [--scenario NAME] [--handout] --out OUT.svg|OUT.png
                               draw the map (or a handout with quotes and sources) without a window;
                               PNG at twice the resolution of the SVG
  coalition-map generate [--out FILE] [--seed N] [--relations N] [--quotes N]
                               write a world-sized scenario of synthetic test data (default world.coalition)
  coalition-map --install-desktop     add to the menu and open *.coalition files with it (Linux)
  coalition-map --uninstall-desktop   remove that again
  coalition-map --help | --version
";

/// Reads the arguments (without the program name).
pub fn parse_args(args: &[String]) -> Result<Invocation, String> {
    match args {
        [] => Ok(Invocation::Gui { file: None }),
        [flag] if flag == "--help" || flag == "-h" => Ok(Invocation::Help),
        [flag] if flag == "--version" || flag == "-V" => Ok(Invocation::Version),
        [flag] if flag == "--install-desktop" => Ok(Invocation::InstallDesktop),
        [flag] if flag == "--uninstall-desktop" => Ok(Invocation::UninstallDesktop),
        [cmd] if cmd == "check" => Ok(Invocation::Check { file: None }),
        [cmd, file] if cmd == "check" => Ok(Invocation::Check {
            file: Some(PathBuf::from(file)),
        }),
        [cmd, rest @ ..] if cmd == "generate" => parse_generate(rest).map(Invocation::Generate),
        [cmd, rest @ ..] if cmd == "export" => parse_export(rest).map(Invocation::Export),
        [cmd, rest @ ..] if cmd == "attendance" => {
            parse_attendance(rest).map(Invocation::Attendance)
        }
        [file] if !file.starts_with('-') => Ok(Invocation::Gui {
            file: Some(PathBuf::from(file)),
        }),
        _ => Err(format!(
            "unexpected arguments: {}\n\n{USAGE}",
            args.join(" ")
        )),
    }
}

fn parse_export(args: &[String]) -> Result<ExportArgs, String> {
    let mut parsed = ExportArgs::default();
    let mut out = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(rest.next().ok_or("--out needs a file name")?)),
            "--step" => {
                let step = rest
                    .next()
                    .and_then(|v| v.parse::<usize>().ok())
                    .filter(|n| *n >= 1)
                    .ok_or("--step needs a step number, counted from 1")?;
                parsed.step = Some(step);
            }
            "--scenario" => {
                parsed.scenario = Some(rest.next().ok_or("--scenario needs a name or id")?.clone());
            }
            "--handout" => parsed.handout = true,
            file if !file.starts_with('-') && parsed.file.is_none() => {
                parsed.file = Some(PathBuf::from(file));
            }
            other => return Err(format!("unexpected argument {other}\n\n{USAGE}")),
        }
    }
    parsed.out = out.ok_or("export needs --out OUT.svg or --out OUT.png")?;
    Ok(parsed)
}

fn parse_generate(args: &[String]) -> Result<GenerateArgs, String> {
    let defaults = coalition_core::generate::WorldSize::default();
    let mut parsed = GenerateArgs {
        out: PathBuf::from("world.coalition"),
        seed: 1,
        relations: defaults.relations,
        quotes: defaults.quotes,
    };
    let mut rest = args.iter();
    let number = |value: Option<&String>, flag: &str| -> Result<u64, String> {
        value
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("{flag} needs a whole number"))
    };
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--out" => parsed.out = PathBuf::from(rest.next().ok_or("--out needs a file name")?),
            "--seed" => parsed.seed = number(rest.next(), "--seed")?,
            "--relations" => {
                parsed.relations = usize::try_from(number(rest.next(), "--relations")?)
                    .map_err(|e| e.to_string())?;
            }
            "--quotes" => {
                parsed.quotes =
                    usize::try_from(number(rest.next(), "--quotes")?).map_err(|e| e.to_string())?;
            }
            other => return Err(format!("unexpected argument {other}\n\n{USAGE}")),
        }
    }
    Ok(parsed)
}

/// Runs `generate`. Returns the exit code: 0 written, 1 not.
pub fn run_generate(args: &GenerateArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let size = coalition_core::generate::WorldSize {
        relations: args.relations,
        quotes: args.quotes,
        ..coalition_core::generate::WorldSize::default()
    };
    let scenario = coalition_core::generate::world_scenario(args.seed, size);
    match coalition_core::io::save_scenario(&args.out, &scenario) {
        Ok(()) => {
            let _ = writeln!(
                out,
                "wrote {}: {} actors, {} relations, {} quotes, {} named scenarios",
                args.out.display(),
                scenario.actors.len(),
                scenario.relations.len(),
                scenario.quotes.len(),
                scenario.attendance_scenarios().len()
            );
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

fn parse_attendance(args: &[String]) -> Result<AttendanceArgs, String> {
    let mut parsed = AttendanceArgs::default();
    let mut rest = args.iter();
    let ids = |value: Option<&String>, flag: &str| -> Result<Vec<String>, String> {
        let value =
            value.ok_or_else(|| format!("{flag} needs a comma-separated list of actor ids"))?;
        Ok(value
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect())
    };
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--json" => parsed.json = true,
            "--scenario" => {
                parsed.scenario = Some(rest.next().ok_or("--scenario needs a name or id")?.clone());
            }
            "--invite" => parsed.invite.extend(ids(rest.next(), "--invite")?),
            "--uninvite" => parsed.uninvite.extend(ids(rest.next(), "--uninvite")?),
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option {flag}\n\n{USAGE}"));
            }
            file if parsed.file.is_none() => parsed.file = Some(PathBuf::from(file)),
            extra => return Err(format!("unexpected argument {extra}\n\n{USAGE}")),
        }
    }
    Ok(parsed)
}

fn load(
    file: Option<&Path>,
) -> (
    Result<coalition_core::model::Scenario, coalition_core::io::LoadError>,
    String,
) {
    match file {
        Some(path) => (
            coalition_core::io::load_scenario(path),
            path.display().to_string(),
        ),
        None => (
            coalition_core::io::paris_2014(),
            "built-in Paris 2014 scenario".to_owned(),
        ),
    }
}

/// Runs `attendance`. Returns the exit code: 0 done, 2 unreadable file or unknown name.
pub fn run_attendance(args: &AttendanceArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (loaded, name) = load(args.file.as_deref());
    let scenario = match loaded {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "{name}: {e}");
            return 2;
        }
    };
    let request = coalition_core::decide::report::ReportRequest {
        scenario: args.scenario.clone(),
        invite: args.invite.clone(),
        uninvite: args.uninvite.clone(),
    };
    match coalition_core::decide::report::attendance_report(&scenario, &request) {
        Ok(report) => {
            let text = if args.json {
                report.to_json()
            } else {
                report.to_text()
            };
            let _ = writeln!(out, "{text}");
            0
        }
        Err(message) => {
            let _ = writeln!(err, "{message}");
            2
        }
    }
}

/// Runs `--install-desktop`: prints each file written. Returns the exit code:
/// 0 installed, 1 failed.
/// `export`: draws the map or the handout to SVG or PNG. Exit 0 on success,
/// 1 if the file cannot be read or written, 2 for a bad request.
pub fn run_export(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (loaded, name) = load(args.file.as_deref());
    let scenario = match loaded {
        Ok(scenario) => scenario,
        Err(e) => {
            let _ = writeln!(err, "could not read {name}: {e}");
            return 1;
        }
    };
    let png = match args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("svg") => false,
        Some("png") => true,
        _ => {
            let _ = writeln!(err, "--out must end in .svg or .png");
            return 2;
        }
    };
    let doc = coalition_core::Document::new(scenario, args.file.clone());
    let picture = match crate::export::picture_for(&doc, args.step, args.scenario.as_deref()) {
        Ok(picture) => picture,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            return 2;
        }
    };
    let basemap = match coalition_core::geo::basemap::Basemap::embedded() {
        Ok(basemap) => basemap,
        Err(e) => {
            let _ = writeln!(err, "the country outlines could not be read: {e}");
            return 1;
        }
    };
    let svg = if args.handout {
        crate::export::handout::handout_svg(&doc, &basemap, &picture)
    } else {
        crate::export::map_svg(&doc, &basemap, &picture)
    };
    let bytes = if png {
        match crate::export::svg_to_png(&svg, 2.0) {
            Ok(bytes) => bytes,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return 1;
            }
        }
    } else {
        svg.into_bytes()
    };
    match crate::export::write(&args.out, &bytes) {
        Ok(()) => {
            let _ = writeln!(out, "wrote {}", args.out.display());
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

pub fn run_install_desktop(out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            let _ = writeln!(err, "cannot find this program's own path: {e}");
            return 1;
        }
    };
    let installed = crate::platform::desktop::DesktopPaths::from_env()
        .and_then(|paths| crate::platform::desktop::install_reporting(&paths, &exe, err));
    match installed {
        Ok(files) => {
            for file in files {
                let _ = writeln!(out, "installed {}", file.display());
            }
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

/// Runs `--uninstall-desktop`: prints each file removed. Returns the exit
/// code: 0 removed (or nothing to remove), 1 failed.
pub fn run_uninstall_desktop(out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let removed = crate::platform::desktop::DesktopPaths::from_env()
        .and_then(|paths| crate::platform::desktop::uninstall_reporting(&paths, err));
    match removed {
        Ok(files) if files.is_empty() => {
            let _ = writeln!(
                out,
                "nothing to remove: the desktop integration was not installed"
            );
            0
        }
        Ok(files) => {
            for file in files {
                let _ = writeln!(out, "removed {}", file.display());
            }
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

/// Runs `check`: prints each problem on its own line. Returns the exit code:
/// 0 sound, 1 problems found, 2 unreadable.
pub fn run_check(file: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (loaded, name) = load(file);
    let scenario = match loaded {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "{name}: {e}");
            return 2;
        }
    };
    let problems = validate(&scenario);
    for problem in &problems {
        let _ = writeln!(out, "{problem}");
    }
    if problems.is_empty() {
        let _ = writeln!(
            out,
            "{name}: no problems ({} actors, {} relations, {} quotes, {} sources)",
            scenario.actors.len(),
            scenario.relations.len(),
            scenario.quotes.len(),
            scenario.sources.len()
        );
        0
    } else {
        let _ = writeln!(err, "{name}: {} problem(s)", problems.len());
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn arguments_map_to_invocations() {
        assert_eq!(parse_args(&args(&[])), Ok(Invocation::Gui { file: None }));
        assert_eq!(
            parse_args(&args(&["a.coalition"])),
            Ok(Invocation::Gui {
                file: Some("a.coalition".into())
            })
        );
        assert_eq!(
            parse_args(&args(&["check"])),
            Ok(Invocation::Check { file: None })
        );
        assert_eq!(
            parse_args(&args(&["check", "b.coalition"])),
            Ok(Invocation::Check {
                file: Some("b.coalition".into())
            })
        );
        assert_eq!(parse_args(&args(&["--help"])), Ok(Invocation::Help));
        assert!(parse_args(&args(&["--bogus"])).is_err());
        assert!(parse_args(&args(&["check", "a", "b"])).is_err());
        assert_eq!(
            parse_args(&args(&[
                "attendance",
                "f.coalition",
                "--invite",
                "IRN,SYR",
                "--json",
                "--scenario",
                "Iran invited"
            ])),
            Ok(Invocation::Attendance(AttendanceArgs {
                file: Some("f.coalition".into()),
                scenario: Some("Iran invited".into()),
                invite: vec!["IRN".into(), "SYR".into()],
                uninvite: vec![],
                json: true,
            }))
        );
        assert!(parse_args(&args(&["attendance", "--invite"])).is_err());
        assert!(parse_args(&args(&["attendance", "--frobnicate"])).is_err());
    }
}
