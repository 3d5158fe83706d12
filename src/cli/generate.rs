//! `generate`: a world-sized scenario of synthetic test data.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{Exit, say};
use coalition_core::generate::{WorldSize, world_scenario};

/// Write a world-sized scenario of synthetic test data (every country at its
/// capital, organisations, relations, quotes), clearly labelled as such.
#[derive(Clone, Debug, PartialEq, Eq, Args)]
pub struct GenerateArgs {
    /// Where to write it.
    #[arg(long, default_value = "world.coalition")]
    pub out: PathBuf,
    /// The same seed gives the same scenario.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// How many relations.
    #[arg(long, default_value_t = WorldSize::default().relations)]
    pub relations: usize,
    /// How many quotes.
    #[arg(long, default_value_t = WorldSize::default().quotes)]
    pub quotes: usize,
}

/// Runs `generate`: exit 0 written, 1 not.
pub fn run(args: &GenerateArgs, out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    let size = WorldSize {
        relations: args.relations,
        quotes: args.quotes,
        ..WorldSize::default()
    };
    let scenario = world_scenario(args.seed, size);
    match coalition_core::io::save_scenario(&args.out, &scenario) {
        Ok(()) => {
            say(
                out,
                format_args!(
                    "wrote {}: {} actors, {} relations, {} quotes, {} named scenarios",
                    args.out.display(),
                    scenario.actors.len(),
                    scenario.relations.len(),
                    scenario.quotes.len(),
                    scenario.attendance_scenarios().len()
                ),
            );
            Exit::Done
        }
        Err(e) => {
            say(err, format_args!("{e}"));
            Exit::Failed
        }
    }
}
