//! `decide [FILE] --decision ID …`: how one of the scenario's decisions
//! comes out. A vote is counted (with a what-if, and positions set by
//! `--set`); a meeting gives the attendance report, as `attendance` does for
//! the conference; a withdrawn draft says when and why. Without
//! `--decision`, the conference.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{Exit, read, say};
use coalition_core::decide::decision_report::{
    VoteRequest, find_decision, vote_report, withdrawn_report,
};
use coalition_core::decide::report::{ReportRequest, attendance_report};
use coalition_core::model::{DecisionKind, Position, Scenario};

/// How a decision comes out: a vote, a meeting, or a withdrawn draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Args)]
pub struct DecideArgs {
    /// The scenario file; without it, the built-in Paris 2014 scenario.
    pub file: Option<PathBuf>,
    /// The decision's id (`check` lists them); without it, the conference.
    #[arg(long, value_name = "ID")]
    pub decision: Option<String>,
    /// Start from this named what-if (its id or name).
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// Meetings: invite these actors too (ids, comma-separated).
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub invite: Vec<String>,
    /// Meetings: take these actors off the list (ids, comma-separated).
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub uninvite: Vec<String>,
    /// Votes: a member's position, for, against, abstain or absent
    /// (comma-separated; may be repeated).
    #[arg(long, value_name = "ID=POSITION,...", value_delimiter = ',', value_parser = parse_set)]
    pub set: Vec<(String, Position)>,
    /// Set a named condition true or false (comma-separated): meetings'
    /// rules and votes' conditional positions `unless` it.
    #[arg(long, value_name = "NAME=true|false,...", value_delimiter = ',', value_parser = parse_condition)]
    pub condition: Vec<(String, bool)>,
    /// Print JSON: the outcome, every reason with its source, and the
    /// positions as changed.
    #[arg(long)]
    pub json: bool,
}

/// `RUS=against`.
fn parse_set(text: &str) -> Result<(String, Position), String> {
    let (id, word) = text
        .split_once('=')
        .ok_or_else(|| format!("\"{text}\": write ID=POSITION, e.g. RUS=against"))?;
    let position = Position::parse(word.trim()).ok_or_else(|| {
        format!("\"{word}\" is not a position; use for, against, abstain or absent")
    })?;
    Ok((id.trim().to_owned(), position))
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

/// Runs `decide`: exit 0 done, 2 for an unreadable file, an unknown name,
/// or an option the decision's kind does not take.
pub fn run(args: &DecideArgs, out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    let Some((loaded, _)) = read(args.file.as_deref(), err) else {
        return Exit::Refused;
    };
    match report(&loaded.scenario, args) {
        Ok(text) => {
            say(out, format_args!("{text}"));
            Exit::Done
        }
        Err(message) => {
            say(err, format_args!("{message}"));
            Exit::Refused
        }
    }
}

/// The report asked for, as text or JSON.
fn report(scenario: &Scenario, args: &DecideArgs) -> Result<String, String> {
    let for_meeting = |what: &str| -> Result<(), String> {
        if args.set.is_empty() {
            Ok(())
        } else {
            Err(format!("--set is for votes; {what} is a meeting"))
        }
    };
    let meeting = |scenario: &Scenario| -> Result<String, String> {
        let request = ReportRequest {
            scenario: args.scenario.clone(),
            invite: ids(&args.invite),
            uninvite: ids(&args.uninvite),
            conditions: args.condition.iter().cloned().collect(),
        };
        let report = attendance_report(scenario, &request)?;
        Ok(if args.json {
            report.to_json()
        } else {
            report.to_text()
        })
    };
    let Some(wanted) = &args.decision else {
        for_meeting("the conference")?;
        return meeting(scenario);
    };
    let decision = find_decision(scenario, wanted)?;
    let not_for = |what: &str, given: bool| -> Result<(), String> {
        if given {
            Err(format!("{what} is not for {}", decision.id))
        } else {
            Ok(())
        }
    };
    match decision.kind() {
        None => Err(format!(
            "{} is neither a meeting, a vote nor a withdrawn draft (`check` says why)",
            decision.id
        )),
        Some(DecisionKind::Meeting(conference)) => {
            for_meeting(&decision.id)?;
            // The meeting, evaluated as the conference is.
            let mut as_conference = scenario.clone();
            as_conference.conference = Some(conference.clone());
            meeting(&as_conference)
        }
        Some(DecisionKind::Vote(_)) => {
            not_for("--invite", !args.invite.is_empty())?;
            not_for("--uninvite", !args.uninvite.is_empty())?;
            let request = VoteRequest {
                what_if: args.scenario.clone(),
                set: args.set.iter().cloned().collect::<BTreeMap<_, _>>(),
                conditions: args.condition.iter().cloned().collect(),
            };
            let report = vote_report(scenario, decision, &request)?;
            Ok(if args.json {
                report.to_json()
            } else {
                report.to_text()
            })
        }
        Some(DecisionKind::Withdrawn(_)) => {
            let changes = args.scenario.is_some()
                || !args.invite.is_empty()
                || !args.uninvite.is_empty()
                || !args.set.is_empty()
                || !args.condition.is_empty();
            not_for("a what-if", changes)?;
            let report = withdrawn_report(scenario, decision)?;
            Ok(if args.json {
                report.to_json()
            } else {
                report.to_text()
            })
        }
    }
}
