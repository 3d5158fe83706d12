//! `timeline [FILE] [--json]`: the scenario's dated events, with their
//! sources and what each changes, and every actor's stance changes.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::{Exit, read, say};
use coalition_core::model::{Change, Scenario};
use coalition_core::time::ordered_events;

/// List the timeline's events in order, with their sources and what each
/// changes, then each actor's stance over time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Args)]
pub struct TimelineArgs {
    /// The scenario file; without it, the built-in Paris 2014 scenario.
    pub file: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// One event, as reported.
#[derive(Debug, Serialize)]
struct EventEntry {
    id: String,
    date: String,
    title: String,
    excerpt: String,
    sources: Vec<String>,
    changes: Vec<String>,
}

/// One stance an actor took, as reported.
#[derive(Debug, Serialize)]
struct StanceEntry {
    date: String,
    stance: String,
    reason: String,
}

/// The whole report.
#[derive(Debug, Serialize)]
struct Report {
    start: String,
    end: String,
    opens_on: String,
    events: Vec<EventEntry>,
    /// Actor id to its stances in order: the first is its base stance.
    stances: std::collections::BTreeMap<String, Vec<StanceEntry>>,
}

fn stance_label(scenario: &Scenario, id: &str) -> String {
    scenario
        .stance(id)
        .map_or_else(|| id.to_owned(), |(_, s)| s.label.clone())
}

fn describe(scenario: &Scenario, change: &Change) -> String {
    let name = |id: &str| {
        scenario
            .actor(id)
            .map_or(id, |a| a.name.as_str())
            .to_owned()
    };
    match change {
        Change::Stance {
            actor,
            stance,
            reason,
        } => format!(
            "{}: {} ({reason})",
            name(actor),
            stance_label(scenario, stance)
        ),
        Change::ActorEnters { actor } => format!("{} enters the picture", name(actor)),
        Change::RelationStarts { relation } => format!(
            "{} relation from {} to {} starts",
            relation.kind,
            name(&relation.from),
            name(&relation.to)
        ),
        Change::RelationEnds { relation } => format!(
            "{} relation from {} to {} ends",
            relation.kind,
            name(&relation.from),
            name(&relation.to)
        ),
    }
}

fn report(scenario: &Scenario) -> Option<Report> {
    let timeline = scenario.timeline.as_ref()?;
    let events = ordered_events(scenario);
    let cite = |id: &String| {
        scenario
            .source(id)
            .map_or_else(|| id.clone(), coalition_core::model::Source::full_citation)
    };
    let mut stances = std::collections::BTreeMap::new();
    for actor in &scenario.actors {
        let mut entries = vec![StanceEntry {
            date: String::new(),
            stance: actor.stance.clone(),
            reason: actor.stance_reason.clone(),
        }];
        for event in &events {
            for change in &event.changes {
                if let Change::Stance {
                    actor: who,
                    stance,
                    reason,
                } = change
                    && *who == actor.id
                {
                    entries.push(StanceEntry {
                        date: event.date.to_string(),
                        stance: stance.clone(),
                        reason: reason.clone(),
                    });
                }
            }
        }
        stances.insert(actor.id.clone(), entries);
    }
    Some(Report {
        start: timeline.start.to_string(),
        end: timeline.end.to_string(),
        opens_on: timeline.opens_on.to_string(),
        events: events
            .iter()
            .map(|e| EventEntry {
                id: e.id.clone(),
                date: e.date.to_string(),
                title: e.title.clone(),
                excerpt: e.excerpt.clone(),
                sources: e.sources.iter().map(cite).collect(),
                changes: e.changes.iter().map(|c| describe(scenario, c)).collect(),
            })
            .collect(),
        stances,
    })
}

/// Runs `timeline`: exit 0 done, 2 for an unreadable file or a scenario
/// without a timeline.
pub fn run(args: &TimelineArgs, out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    let Some((loaded, name)) = read(args.file.as_deref(), err) else {
        return Exit::Refused;
    };
    let scenario = loaded.scenario;
    let Some(report) = report(&scenario) else {
        say(err, format_args!("{name}: this scenario has no timeline"));
        return Exit::Refused;
    };
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => say(out, format_args!("{json}")),
            Err(e) => {
                say(err, format_args!("{e}"));
                return Exit::Failed;
            }
        }
        return Exit::Done;
    }
    say(
        out,
        format_args!(
            "{}: {} to {}, opens on {} ({} events)",
            scenario.title,
            report.start,
            report.end,
            report.opens_on,
            report.events.len()
        ),
    );
    for event in &report.events {
        say(out, format_args!("\n{}  {}", event.date, event.title));
        if !event.excerpt.is_empty() {
            say(
                out,
                format_args!("            \u{201C}{}\u{201D}", event.excerpt),
            );
        }
        for source in &event.sources {
            say(out, format_args!("            source: {source}"));
        }
        for change in &event.changes {
            say(out, format_args!("            -> {change}"));
        }
    }
    say(out, format_args!("\nStances over time:"));
    for actor in &scenario.actors {
        let Some(entries) = report.stances.get(&actor.id) else {
            continue;
        };
        let enters = ordered_events(&scenario).into_iter().find(|e| {
            e.changes
                .iter()
                .any(|c| matches!(c, Change::ActorEnters { actor: who } if *who == actor.id))
        });
        let mut path: Vec<String> = Vec::new();
        let mut last = None;
        for e in entries {
            // A new reason for the same stance is in the events above.
            if last == Some(e.stance.as_str()) {
                continue;
            }
            last = Some(e.stance.as_str());
            let label = stance_label(&scenario, &e.stance);
            path.push(match (e.date.is_empty(), enters) {
                (false, _) => format!("{label} from {}", e.date),
                (true, Some(enters)) => format!("{label} from {}", enters.date),
                (true, None) => label,
            });
        }
        say(
            out,
            format_args!("  {}: {}", actor.name, path.join(", then ")),
        );
    }
    Exit::Done
}
