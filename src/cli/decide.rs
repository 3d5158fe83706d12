//! `decide [FILE] --decision ID …`: how one of the scenario's decisions
//! comes out. A vote is counted (with a what-if, and positions set by
//! `--set`); a meeting gives the attendance report, as `attendance` does for
//! the conference; a withdrawn draft says when and why. Without
//! `--decision`, the conference.

use std::collections::BTreeMap;
use std::io::Write;

use clap::Args;

use super::attendance::AttendanceArgs;
use super::{Exit, read, say};
use coalition_core::decide::decision_report::{
    VoteRequest, find_decision, vote_report, withdrawn_report,
};
use coalition_core::decide::report::attendance_report;
use coalition_core::model::{DecisionKind, Position, Scenario};

/// How a decision comes out: a vote, a meeting, or a withdrawn draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Args)]
pub struct DecideArgs {
    /// The file, a what-if, invitations, conditions and JSON, as `attendance`
    /// takes them.
    #[command(flatten)]
    pub common: AttendanceArgs,
    /// The decision's id (`check` lists them); without it, the conference.
    #[arg(long, value_name = "ID")]
    pub decision: Option<String>,
    /// Votes: a member's position, for, against, abstain or absent
    /// (comma-separated; may be repeated).
    #[arg(long, value_name = "ID=POSITION,...", value_delimiter = ',', value_parser = parse_set)]
    pub set: Vec<(String, Position)>,
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

/// Runs `decide`: exit 0 done, 2 for an unreadable file, an unknown name,
/// or an option the decision's kind does not take.
pub fn run(args: &DecideArgs, out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    let Some((loaded, _)) = read(args.common.file.as_deref(), err) else {
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
    let common = &args.common;
    let meeting = |scenario: &Scenario| -> Result<String, String> {
        let report = attendance_report(scenario, &common.request())?;
        Ok(if common.json {
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
            not_for("--invite", !common.invite.is_empty())?;
            not_for("--uninvite", !common.uninvite.is_empty())?;
            let request = VoteRequest {
                what_if: common.scenario.clone(),
                set: args.set.iter().cloned().collect::<BTreeMap<_, _>>(),
                conditions: common.condition.iter().cloned().collect(),
            };
            let report = vote_report(scenario, decision, &request)?;
            Ok(if common.json {
                report.to_json()
            } else {
                report.to_text()
            })
        }
        Some(DecisionKind::Withdrawn(_)) => {
            let changes = common.scenario.is_some()
                || !common.invite.is_empty()
                || !common.uninvite.is_empty()
                || !args.set.is_empty()
                || !common.condition.is_empty();
            not_for("a what-if", changes)?;
            let report = withdrawn_report(scenario, decision)?;
            Ok(if common.json {
                report.to_json()
            } else {
                report.to_text()
            })
        }
    }
}
