//! The command line: which file to open, and headless commands such as `check`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::validate;

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
    Help,
    Version,
}

/// The usage text.
pub const USAGE: &str = "\
Coalition Map: who stands where in a coalition, and why.

Usage:
  coalition-map [FILE]         open the app (on FILE, or on the built-in Paris 2014 scenario)
  coalition-map check [FILE]   validate FILE (or the built-in scenario); exit 0 only if sound
  coalition-map --help | --version
";

/// Reads the arguments (without the program name).
pub fn parse_args(args: &[String]) -> Result<Invocation, String> {
    match args {
        [] => Ok(Invocation::Gui { file: None }),
        [flag] if flag == "--help" || flag == "-h" => Ok(Invocation::Help),
        [flag] if flag == "--version" || flag == "-V" => Ok(Invocation::Version),
        [cmd] if cmd == "check" => Ok(Invocation::Check { file: None }),
        [cmd, file] if cmd == "check" => Ok(Invocation::Check {
            file: Some(PathBuf::from(file)),
        }),
        [file] if !file.starts_with('-') => Ok(Invocation::Gui {
            file: Some(PathBuf::from(file)),
        }),
        _ => Err(format!(
            "unexpected arguments: {}\n\n{USAGE}",
            args.join(" ")
        )),
    }
}

/// Runs `check`: prints each problem on its own line. Returns the exit code:
/// 0 sound, 1 problems found, 2 unreadable.
pub fn run_check(file: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (loaded, name) = match file {
        Some(path) => (crate::io::load_scenario(path), path.display().to_string()),
        None => (
            crate::io::paris_2014(),
            "built-in Paris 2014 scenario".to_owned(),
        ),
    };
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
    }
}
