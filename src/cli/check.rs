//! `check [FILE]`: validate a scenario and print each problem on its line,
//! then each warning (what it allows but is probably a mistake).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{Exit, say, text_of};
use coalition_core::io;
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
    let (text, name) = text_of(args.file.as_deref());
    let read = text.and_then(|text| io::parse(&text).map(|loaded| (text, loaded)));
    let (text, loaded) = match read {
        Ok(read) => read,
        Err(e) => {
            say(err, format_args!("{name}: {e}"));
            return Exit::Refused;
        }
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
    // Warnings do not make a file unsound: the exit status stays as the
    // problems say. The outlines are built in; without them, fewer checks.
    let basemap = coalition_core::geo::basemap::Basemap::embedded().ok();
    let warnings = warnings(&scenario, basemap.as_ref());
    if !problems.is_empty() || !warnings.is_empty() {
        // Each at its line in the file, where one was read and migration
        // has not moved the item.
        let locator = io::Locator::new(&text);
        let at = |path: &str| match locator.find(path) {
            Some(at) => format!("line {}, column {}: ", at.line, at.column),
            None => String::new(),
        };
        for problem in &problems {
            say(out, format_args!("{}{problem}", at(&problem.path)));
        }
        for warning in &warnings {
            say(out, format_args!("warning: {}{warning}", at(&warning.path)));
        }
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
