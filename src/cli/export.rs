//! `export … --out FILE`: the map (or a handout) as SVG or PNG, without a
//! window, drawn by the same map widget as the screen.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{Exit, load, say};
use crate::export::{handout, map_svg, picture_for, svg_to_png, write};

/// Draw the map (or a handout with quotes and sources) to SVG or PNG without
/// a window; PNG at twice the resolution of the SVG.
#[derive(Clone, Debug, Default, PartialEq, Eq, Args)]
pub struct ExportArgs {
    /// The scenario file; without it, the built-in Paris 2014 scenario.
    pub file: Option<PathBuf>,
    /// Draw this story step (counted from 1): its what-if and its highlight.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub step: Option<u64>,
    /// Draw this named attendance scenario (its id or name).
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// Draw the scenario as it stood on this day (YYYY-MM-DD; a scenario with
    /// a timeline).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<coalition_core::model::Date>,
    /// Small multiples: the map on each of these days (up to four,
    /// comma-separated) side by side, each with its stance counts.
    /// With --handout, they are a section of the handout.
    #[arg(
        long,
        value_name = "YYYY-MM-DD,...",
        value_delimiter = ',',
        conflicts_with = "date"
    )]
    pub dates: Vec<coalition_core::model::Date>,
    /// The handout (map, legend, quotes with their sources, sources) instead
    /// of the map alone.
    #[arg(long)]
    pub handout: bool,
    /// The file to write: `.svg` or `.png`.
    #[arg(long, value_name = "OUT.svg|OUT.png")]
    pub out: PathBuf,
}

/// Runs `export`: exit 0 written, 1 if the file cannot be read or written,
/// 2 for a request it cannot draw.
pub fn run(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    let (loaded, name) = load(args.file.as_deref());
    let scenario = match loaded {
        Ok(loaded) => loaded.scenario,
        Err(e) => {
            say(err, format_args!("could not read {name}: {e}"));
            return Exit::Failed;
        }
    };
    let png = match args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("svg") => false,
        Some("png") => true,
        _ => {
            say(err, format_args!("--out must end in .svg or .png"));
            return Exit::Refused;
        }
    };
    let doc = coalition_core::Document::new(scenario, args.file.clone());
    let step = args.step.and_then(|n| usize::try_from(n).ok());
    let picture = match picture_for(&doc, step, args.scenario.as_deref(), args.date) {
        Ok(picture) => picture,
        Err(message) => {
            say(err, format_args!("{message}"));
            return Exit::Refused;
        }
    };
    let basemap = match coalition_core::geo::basemap::Basemap::embedded() {
        Ok(basemap) => basemap,
        Err(e) => {
            say(
                err,
                format_args!("the country outlines could not be read: {e}"),
            );
            return Exit::Failed;
        }
    };
    if !args.dates.is_empty()
        && let Err(message) = crate::export::multiples::check_days(&doc, &args.dates)
    {
        say(err, format_args!("{message}"));
        return Exit::Refused;
    }
    let svg = if args.handout {
        handout::handout_svg(&doc, &basemap, &picture, &args.dates)
    } else if !args.dates.is_empty() {
        crate::export::multiples::multiples_svg(&doc, &basemap, &args.dates, &picture)
    } else {
        map_svg(&doc, &basemap, &picture)
    };
    let bytes = if png {
        match svg_to_png(&svg, 2.0) {
            Ok(bytes) => bytes,
            Err(e) => {
                say(err, format_args!("{e}"));
                return Exit::Failed;
            }
        }
    } else {
        svg.into_bytes()
    };
    match write(&args.out, &bytes) {
        Ok(()) => {
            say(out, format_args!("wrote {}", args.out.display()));
            Exit::Done
        }
        Err(e) => {
            say(err, format_args!("{e}"));
            Exit::Failed
        }
    }
}
