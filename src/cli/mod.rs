//! The command line, parsed by clap (derive): which file to open, or a
//! headless command. One file per subcommand; each `run` returns an
//! [`Exit`], which [`Exit::code`] turns into the process's exit code in one
//! place. clap itself answers `--help`, `--version`, `help COMMAND` and
//! `COMMAND --help`, and refuses an unknown flag with its usage and exit
//! code 2.
//!
//! To add a subcommand: a file here with its `Args` struct and `run`, and a
//! variant of [`Command`] that names it.

pub mod attendance;
pub mod check;
pub mod completions;
pub mod decide;
pub mod desktop;
pub mod export;
pub mod generate;
pub mod manpage;
pub mod timeline;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

/// Coalition Map: who stands where in a coalition, and why.
///
/// Without a command, opens the app on FILE (or on the built-in Paris 2014
/// scenario).
#[derive(Clone, Debug, PartialEq, Eq, Parser)]
#[command(
    name = "coalition-map",
    version,
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  coalition-map                                  open the app on Paris 2014\n  coalition-map attendance --invite IRN --json   who stays away if Iran is invited\n  coalition-map decide --decision unsc-2178 --set RUS=against\n                                                 does the resolution pass if Russia votes no\n  coalition-map export --step 3 --out slide.png  a story step as a slide"
)]
pub struct Cli {
    /// A scenario file (.coalition) to open in the window.
    pub file: Option<PathBuf>,
    /// Add the menu entry, the icon and the *.coalition file type to your
    /// desktop (Linux), so file managers open scenarios with this program.
    #[arg(long, conflicts_with_all = ["uninstall_desktop", "file"])]
    pub install_desktop: bool,
    /// Remove what --install-desktop added.
    #[arg(long, conflicts_with = "file")]
    pub uninstall_desktop: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A command that runs without a window.
#[derive(Clone, Debug, PartialEq, Eq, Subcommand)]
pub enum Command {
    Check(check::CheckArgs),
    Attendance(attendance::AttendanceArgs),
    Decide(decide::DecideArgs),
    Export(export::ExportArgs),
    Generate(generate::GenerateArgs),
    Timeline(timeline::TimelineArgs),
    Completions(completions::CompletionsArgs),
    Manpage(manpage::ManpageArgs),
}

/// What the command line asks for: the window, or a headless command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invocation {
    /// Open the window, on a file or on the built-in scenario.
    Gui {
        file: Option<PathBuf>,
    },
    InstallDesktop,
    UninstallDesktop,
    Headless(Command),
}

impl Cli {
    /// What was asked for.
    pub fn invocation(self) -> Invocation {
        match self {
            Self {
                command: Some(command),
                ..
            } => Invocation::Headless(command),
            Self {
                install_desktop: true,
                ..
            } => Invocation::InstallDesktop,
            Self {
                uninstall_desktop: true,
                ..
            } => Invocation::UninstallDesktop,
            Self { file, .. } => Invocation::Gui { file },
        }
    }
}

impl Command {
    /// Runs the command, writing its report to `out` and problems to `err`.
    pub fn run(&self, out: &mut dyn Write, err: &mut dyn Write) -> Exit {
        match self {
            Self::Check(args) => check::run(args, out, err),
            Self::Attendance(args) => attendance::run(args, out, err),
            Self::Decide(args) => decide::run(args, out, err),
            Self::Export(args) => export::run(args, out, err),
            Self::Generate(args) => generate::run(args, out, err),
            Self::Timeline(args) => timeline::run(args, out, err),
            Self::Completions(args) => completions::run(args, out),
            Self::Manpage(args) => manpage::run(args, out, err),
        }
    }
}

/// How a headless command ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Done (for `check`: the scenario is sound). Exit code 0.
    Done,
    /// Done, but something is wrong: `check` found problems, or a file could
    /// not be written (or, for `export`, read). Exit code 1.
    Failed,
    /// Refused: the input could not be read (`check`, `attendance`) or the
    /// request names what does not exist. Exit code 2, as clap's own errors.
    Refused,
}

impl Exit {
    /// The process's exit code: the one place it is decided.
    pub fn code(self) -> u8 {
        match self {
            Self::Done => 0,
            Self::Failed => 1,
            Self::Refused => 2,
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        Self::from(exit.code())
    }
}

/// What messages call the scenario built into the binary.
const BUILT_IN: &str = "built-in Paris 2014 scenario";

/// The text of `file`, or of the built-in scenario; and the name to report
/// it by.
fn text_of(file: Option<&Path>) -> (Result<String, coalition_core::io::LoadError>, String) {
    match file {
        Some(path) => (
            coalition_core::io::read_text(path),
            path.display().to_string(),
        ),
        None => (
            Ok(coalition_core::io::PARIS_2014.to_owned()),
            BUILT_IN.to_owned(),
        ),
    }
}

/// Reads `file`, or the built-in scenario; and the name to report it by.
fn load(
    file: Option<&Path>,
) -> (
    Result<coalition_core::io::Loaded, coalition_core::io::LoadError>,
    String,
) {
    let (text, name) = text_of(file);
    (text.and_then(|text| coalition_core::io::parse(&text)), name)
}

/// Reads `file` (or the built-in scenario), or says why it cannot be read.
fn read(file: Option<&Path>, err: &mut dyn Write) -> Option<(coalition_core::io::Loaded, String)> {
    let (loaded, name) = load(file);
    match loaded {
        Ok(loaded) => Some((loaded, name)),
        Err(e) => {
            say(err, format_args!("{name}: {e}"));
            None
        }
    }
}

/// Writes `line` to `to`: a report nobody can read (a closed pipe) is not a
/// reason to fail the command.
fn say(to: &mut dyn Write, line: std::fmt::Arguments<'_>) {
    let _ = writeln!(to, "{line}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(list: &[&str]) -> Result<Invocation, clap::Error> {
        Cli::try_parse_from(std::iter::once("coalition-map").chain(list.iter().copied()))
            .map(Cli::invocation)
    }

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn arguments_map_to_invocations() {
        assert_eq!(parse(&[]).ok(), Some(Invocation::Gui { file: None }));
        assert_eq!(
            parse(&["a.coalition"]).ok(),
            Some(Invocation::Gui {
                file: Some("a.coalition".into())
            })
        );
        assert_eq!(
            parse(&["check"]).ok(),
            Some(Invocation::Headless(Command::Check(check::CheckArgs {
                file: None
            })))
        );
        assert_eq!(
            parse(&["check", "b.coalition"]).ok(),
            Some(Invocation::Headless(Command::Check(check::CheckArgs {
                file: Some("b.coalition".into())
            })))
        );
        assert_eq!(
            parse(&["--install-desktop"]).ok(),
            Some(Invocation::InstallDesktop)
        );
        assert_eq!(
            parse(&[
                "attendance",
                "f.coalition",
                "--invite",
                "IRN,SYR",
                "--json",
                "--scenario",
                "Iran invited"
            ])
            .ok(),
            Some(Invocation::Headless(Command::Attendance(
                attendance::AttendanceArgs {
                    file: Some("f.coalition".into()),
                    scenario: Some("Iran invited".into()),
                    invite: vec!["IRN".into(), "SYR".into()],
                    uninvite: vec![],
                    condition: vec![],
                    json: true,
                }
            )))
        );
        assert_eq!(
            parse(&[
                "decide",
                "--decision",
                "unsc-2178",
                "--set",
                "RUS=against,CHN=abstain",
                "--condition",
                "accepts=true",
            ])
            .ok(),
            Some(Invocation::Headless(Command::Decide(decide::DecideArgs {
                decision: Some("unsc-2178".into()),
                set: vec![
                    ("RUS".into(), coalition_core::model::Position::Against),
                    ("CHN".into(), coalition_core::model::Position::Abstain),
                ],
                common: attendance::AttendanceArgs {
                    condition: vec![("accepts".into(), true)],
                    ..attendance::AttendanceArgs::default()
                },
            })))
        );
        assert!(
            parse(&["decide", "--set", "RUS=maybe"]).is_err(),
            "a position that is not one is refused"
        );
    }

    #[test]
    fn bad_arguments_are_clap_errors_with_exit_code_2() {
        for bad in [
            &["--bogus"][..],
            &["check", "a", "b"],
            &["attendance", "--invite"],
            &["attendance", "--frobnicate"],
            &["export", "--step", "0", "--out", "x.svg"],
            &["export"],
            &["a.coalition", "check"],
            &["--install-desktop", "--uninstall-desktop"],
        ] {
            let err = parse(bad).expect_err(&format!("{bad:?} is refused"));
            assert_eq!(err.exit_code(), 2, "{bad:?}: {err}");
        }
    }

    #[test]
    fn help_and_version_are_answered_by_clap_with_exit_code_0() {
        let version = parse(&["--version"]).expect_err("clap answers");
        assert_eq!(version.exit_code(), 0);
        assert!(version.to_string().contains(env!("CARGO_PKG_VERSION")));
        for asked in [
            &["--help"][..],
            &["help", "check"],
            &["check", "--help"],
            &["export", "--help"],
            &["completions", "--help"],
        ] {
            let answer = parse(asked).expect_err("clap answers instead of parsing");
            assert_eq!(answer.exit_code(), 0, "{asked:?}");
            assert!(
                answer.to_string().contains("Usage: coalition-map"),
                "{asked:?}: {answer}"
            );
        }
    }

    #[test]
    fn exits_map_to_their_codes_in_one_place() {
        assert_eq!(
            [Exit::Done, Exit::Failed, Exit::Refused].map(Exit::code),
            [0, 1, 2]
        );
    }
}
