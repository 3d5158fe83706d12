//! `check [FILE]`: validate a scenario and print each problem on its line,
//! then each warning (what it allows but is probably a mistake).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{Exit, read, say};
use coalition_core::model::{FORMAT_VERSION, validate, warnings};

/// Validate FILE (or the built-in scenario) and print its problems; exit 0
/// only if it is sound, 1 if it has problems, 2 if it cannot be read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Args)]
pub struct CheckArgs {
    /// The scenario file; without it, the built-in Paris 2014 scenario.
    pub file: Option<PathBuf>,
}

/// Runs `check`.
pub fn run(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    let Some((loaded, name)) = read(args.file.as_deref(), err) else {
        return Exit::Refused;
    };
    if let Some(from) = loaded.migrated_from {
        say(
            out,
            format_args!(
                "{name}: format {from}, migrated to format {FORMAT_VERSION} (saving it writes format {FORMAT_VERSION})"
            ),
        );
    }
    let scenario = loaded.scenario;
    let problems = validate(&scenario);
    for problem in &problems {
        say(out, format_args!("{problem}"));
    }
    // Warnings do not make a file unsound: the exit status stays as the
    // problems say. The outlines are built in; without them, fewer checks.
    let basemap = coalition_core::geo::basemap::Basemap::embedded().ok();
    for warning in warnings(&scenario, basemap.as_ref()) {
        say(out, format_args!("warning: {warning}"));
    }
    if problems.is_empty() {
        say(
            out,
            format_args!(
                "{name}: no problems ({} actors, {} relations, {} quotes, {} sources)",
                scenario.actors.len(),
                scenario.relations.len(),
                scenario.quotes.len(),
                scenario.sources.len()
            ),
        );
        for d in &scenario.decisions {
            let kind = match d.kind() {
                Some(coalition_core::model::DecisionKind::Meeting(_)) => "meeting",
                Some(coalition_core::model::DecisionKind::Vote(_)) => "vote",
                Some(coalition_core::model::DecisionKind::Withdrawn(_)) => "withdrawn draft",
                None => "?",
            };
            say(
                out,
                format_args!("  decision {}: {} ({kind}, {})", d.id, d.title, d.date),
            );
        }
        Exit::Done
    } else {
        say(err, format_args!("{name}: {} problem(s)", problems.len()));
        Exit::Failed
    }
}
