//! `attendance [FILE] …`: who attends the conference, and why the others
//! stay away, as text or JSON. Kept beside `decide`, which it is the
//! meetings' part of.

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
    /// Start from this named what-if (its id or name) instead of the list as it was.
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// Invite these actors too (ids, comma-separated; may be repeated). Meetings only.
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub invite: Vec<String>,
    /// Take these actors off the list (ids, comma-separated; may be repeated).
    /// Meetings only.
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub uninvite: Vec<String>,
    /// Set a named condition true or false (comma-separated): rules and
    /// conditional positions `unless` it.
    #[arg(long, value_name = "NAME=true|false,...", value_delimiter = ',', value_parser = parse_condition)]
    pub condition: Vec<(String, bool)>,
    /// Print JSON: the outcome, every reason with its source, and what was
    /// changed.
    #[arg(long)]
    pub json: bool,
}

impl AttendanceArgs {
    /// What the attendance report is asked for.
    pub fn request(&self) -> ReportRequest {
        ReportRequest {
            scenario: self.scenario.clone(),
            invite: ids(&self.invite),
            uninvite: ids(&self.uninvite),
            conditions: self.condition.iter().cloned().collect(),
        }
    }
}

/// `iran-accepts-geneva=true`.
pub(super) fn parse_condition(text: &str) -> Result<(String, bool), String> {
    let (id, word) = text
        .split_once('=')
        .ok_or_else(|| format!("\"{text}\": write NAME=true or NAME=false"))?;
    let value = match word.trim() {
        "true" | "yes" => true,
        "false" | "no" => false,
        other => return Err(format!("\"{other}\" is not true or false")),
    };
    Ok((id.trim().to_owned(), value))
}

/// The ids given, trimmed, empty ones (`IRN,`) left out.
pub(super) fn ids(list: &[String]) -> Vec<String> {
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
    match attendance_report(&scenario, &args.request()) {
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
