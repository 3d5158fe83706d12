//! `attendance [FILE] …`: who attends the conference, and why the others
//! stay away, as text or JSON. Kept beside `decide`, which it is the
//! meetings' part of.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::decide::ids;
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
    /// Set a named condition true or false (comma-separated).
    #[arg(long, value_name = "NAME=true|false,...", value_delimiter = ',', value_parser = super::decide::parse_condition)]
    pub condition: Vec<(String, bool)>,
    /// Print JSON: who attends, who stays away with the reason and its source.
    #[arg(long)]
    pub json: bool,
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
        conditions: args.condition.iter().cloned().collect(),
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
