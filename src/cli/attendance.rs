//! `attendance [FILE] …`: who attends the conference, and why the others
//! stay away, as text or JSON.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{Exit, read, say};
use coalition_core::decide::report::{ReportRequest, attendance_report};

/// Who attends the conference, and why the others stay away.
#[derive(Clone, Debug, Default, PartialEq, Eq, Args)]
pub struct AttendanceArgs {
    /// The scenario file; without it, the built-in Paris 2014 scenario.
    pub file: Option<PathBuf>,
    /// Start from this named scenario (its id or name) instead of the base list.
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// Invite these actors too (ids, comma-separated; may be repeated).
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub invite: Vec<String>,
    /// Take these actors off the list (ids, comma-separated; may be repeated).
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub uninvite: Vec<String>,
    /// Print JSON: who attends, who stays away with the reason and its source.
    #[arg(long)]
    pub json: bool,
}

/// The ids given, trimmed, empty ones (`IRN,`) left out.
fn ids(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|id| id.trim())
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Runs `attendance`: exit 0 done, 2 for an unreadable file or an unknown name.
pub fn run(args: &AttendanceArgs, out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    let Some((loaded, _)) = read(args.file.as_deref(), err) else {
        return Exit::Refused;
    };
    let scenario = loaded.scenario;
    let request = ReportRequest {
        scenario: args.scenario.clone(),
        invite: ids(&args.invite),
        uninvite: ids(&args.uninvite),
    };
    match attendance_report(&scenario, &request) {
        Ok(report) => {
            let text = if args.json {
                report.to_json()
            } else {
                report.to_text()
            };
            say(out, format_args!("{text}"));
            Exit::Done
        }
        Err(message) => {
            say(err, format_args!("{message}"));
            Exit::Refused
        }
    }
}
