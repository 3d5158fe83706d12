//! Export for slides, print and handouts: the map as SVG (vector) or PNG,
//! and a one-page handout with the map, its legend, the quotes with their
//! sources and the list of sources.
//!
//! Nothing is drawn twice: the real map widget paints into a headless egui
//! context, and [`svg`] turns the shapes it painted into SVG elements (the
//! country fills, which egui paints as triangles, come straight from the
//! outlines). PNG is that SVG rasterised with resvg, so a slide's PNG and SVG
//! agree, and neither needs a window or a GPU.

pub mod handout;
pub mod multiples;
pub mod svg;

use std::collections::BTreeSet;

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use coalition_core::Document;

use crate::theme::{self, Glyph};
use crate::ui::command::Picture;
use crate::ui::map::{MapOptions, line_style, map_ui};
use crate::ui::state::ViewState;
use crate::ui::widgets::glyph::paint_glyph;
pub use crate::ui::widgets::presence::PresenceCounts;
use crate::ui::widgets::presence::paint_sample;
use coalition_core::geo::basemap::Basemap;
use coalition_core::geo::projection::MapTransform;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the drawing could not be read back as SVG: {0}")]
    Svg(String),
    #[error("the image is too large to draw ({0} by {1} pixels)")]
    TooLarge(u32, u32),
    #[error("the PNG could not be encoded: {0}")]
    Png(String),
    #[error("could not write {path}: {message}")]
    Write { path: String, message: String },
    #[error("{0}")]
    Days(String),
}

/// What to draw: the view's attendance scenario, filters, selection and
/// map position, at a size.
#[derive(Clone, Debug)]
pub struct MapPicture {
    /// The picture's size in points (SVG user units).
    pub size: Vec2,
    /// The map's view; `None` shows the scenario's whole region.
    pub transform: Option<MapTransform>,
    /// The slider's named scenario, and a hand-made invitation list if any.
    pub position: usize,
    pub custom: Option<Vec<bool>>,
    pub hidden_relation_kinds: BTreeSet<String>,
    pub selected: Option<String>,
    pub options: MapOptions,
    /// Draw the legend in the picture's corner.
    pub legend: bool,
    /// The timeline's day the map shows (none: the day it opens on).
    pub date: Option<coalition_core::model::Date>,
}

impl MapPicture {
    /// The picture of what `view` shows now, at the size the map has on screen.
    pub fn of_view(view: &ViewState, options: &MapOptions) -> Self {
        let transform = view.map.transform;
        Self {
            size: transform.map_or(vec2(1280.0, 800.0), |t| t.screen_rect.size()),
            transform,
            position: view.attendance.position,
            custom: view.attendance.custom.clone(),
            hidden_relation_kinds: view.hidden_relation_kinds.clone(),
            selected: view.selected.clone(),
            options: options.clone(),
            legend: true,
            date: view.time.date,
        }
    }

    /// The whole region of `doc`'s first attendance scenario at `size`, with
    /// the relation kinds the file shows by default.
    pub fn whole_region(doc: &Document, size: Vec2) -> Self {
        Self {
            size,
            transform: None,
            position: 0,
            custom: None,
            hidden_relation_kinds: doc
                .scenario
                .relation_kinds
                .iter()
                .filter(|k| !k.shown_by_default)
                .map(|k| k.id.clone())
                .collect(),
            selected: None,
            options: MapOptions::default(),
            legend: true,
            date: None,
        }
    }

    /// A view state set up as the picture says, for the headless pass.
    fn view_state(&self, doc: &Document, rect: Rect) -> ViewState {
        let mut view = ViewState::for_document(doc);
        view.time.go_to(doc, self.date);
        view.attendance.position = self.position;
        view.attendance.custom = self
            .custom
            .clone()
            .filter(|c| c.len() == doc.scenario.actors.len());
        view.refresh_attendance(doc);
        view.hidden_relation_kinds
            .clone_from(&self.hidden_relation_kinds);
        view.selected.clone_from(&self.selected);
        view.map.transform = self.transform.map(|t| t.with_screen_rect(rect));
        view
    }
}

/// Draws `picture`: SVG text or PNG bytes.
pub fn render(
    picture: Picture,
    doc: &Document,
    basemap: &Basemap,
    map: &MapPicture,
) -> Result<Vec<u8>, ExportError> {
    match picture {
        Picture::MapSvg => Ok(map_svg(doc, basemap, map).into_bytes()),
        Picture::MapPng => svg_to_png(&map_svg(doc, basemap, map), 2.0),
        Picture::HandoutSvg => Ok(handout::handout_svg(doc, basemap, map, &[]).into_bytes()),
        Picture::DaysSvg | Picture::DaysPng => {
            let days = multiples::default_days(doc, map.date);
            multiples::check_days(doc, &days).map_err(ExportError::Days)?;
            let svg = multiples::multiples_svg(doc, basemap, &days, map);
            if picture == Picture::DaysPng {
                svg_to_png(&svg, 2.0)
            } else {
                Ok(svg.into_bytes())
            }
        }
    }
}

/// The size of exported maps, in points: a 16:10 slide.
pub const EXPORT_SIZE: Vec2 = vec2(1600.0, 1000.0);

/// The picture the `export` command draws: the whole region, on the named
/// attendance scenario `scenario` (id or name) or the first one; `step`
/// (from 1) draws a story step: its what-if and its highlight.
pub fn picture_for(
    doc: &Document,
    step: Option<usize>,
    scenario: Option<&str>,
    date: Option<coalition_core::model::Date>,
) -> Result<MapPicture, String> {
    let mut picture = MapPicture::whole_region(doc, EXPORT_SIZE);
    if let Some(date) = date {
        let timeline = doc
            .scenario
            .timeline
            .as_ref()
            .ok_or("--date needs a scenario with a timeline; this one has none")?;
        if !(timeline.start..=timeline.end).contains(&date) {
            return Err(format!(
                "{date} is outside the timeline ({} to {})",
                timeline.start, timeline.end
            ));
        }
        picture.date = Some(date);
    }
    if let Some(wanted) = scenario {
        let named = doc.scenario.attendance_scenarios();
        picture.position = named
            .iter()
            .position(|n| n.id.eq_ignore_ascii_case(wanted) || n.name.eq_ignore_ascii_case(wanted))
            .ok_or_else(|| {
                let known: Vec<&str> = named.iter().map(|n| n.name.as_str()).collect();
                format!(
                    "no attendance scenario \"{wanted}\"; this file has: {}",
                    known.join(", ")
                )
            })?;
    }
    if let Some(n) = step {
        let steps = crate::ui::state::presentation::steps(&doc.scenario);
        let chosen = n.checked_sub(1).and_then(|i| steps.get(i)).ok_or_else(|| {
            format!(
                "no step {n}: this scenario has {} step(s), counted from 1",
                steps.len()
            )
        })?;
        // A slide of the step as presented, its outcome revealed.
        if scenario.is_none() {
            picture.position = chosen.position;
        }
        picture.options.highlight.clone_from(&chosen.highlight);
        if date.is_none() {
            picture.date = chosen.date;
        }
    }
    Ok(picture)
}

/// The shapes one headless pass painted, and where the map was.
pub struct Captured {
    pub shapes: Vec<egui::epaint::ClippedShape>,
    pub size: Vec2,
    /// Each map painted in the pass, with its view: the country fills are
    /// drawn from the outlines through it.
    pub maps: Vec<(MapTransform, crate::ui::map::countries::CountryFills)>,
}

/// Runs `paint` in a headless egui context of `size` (light theme) and
/// returns what it painted. Two passes: the first lets layouts settle.
pub fn capture(size: Vec2, mut paint: impl FnMut(&mut egui::Ui, &mut Vec<MapRecord>)) -> Captured {
    let ctx = egui::Context::default();
    theme::apply_style(&ctx, false);
    let input = || egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
        ..egui::RawInput::default()
    };
    let mut maps = Vec::new();
    let mut first = ctx.run_ui(input(), |ui| {
        maps.clear();
        paint(ui, &mut maps);
    });
    // No GPU takes the font atlas: say it is handled.
    first.textures_delta.clear();
    let mut output = ctx.run_ui(input(), |ui| {
        maps.clear();
        paint(ui, &mut maps);
    });
    output.textures_delta.clear();
    Captured {
        shapes: output.shapes,
        size,
        maps: maps.into_iter().map(|m| (m.transform, m.fills)).collect(),
    }
}

/// A map painted during a capture: its view and its countries' colours.
pub struct MapRecord {
    pub transform: MapTransform,
    pub fills: crate::ui::map::countries::CountryFills,
}

/// What a painted map leaves for its legend to explain.
#[derive(Clone, Debug, Default)]
pub struct MapDrawn {
    /// The actors labelled by their id or not at all (crowded), with their
    /// names: a printed map cannot be hovered, so the legend spells them out.
    pub short: Vec<(String, String)>,
    /// How many actors are in each state toward the meeting, as drawn.
    pub presence: PresenceCounts,
    /// Which invitation list it shows, in words ("Invitations: Iran invited").
    pub what_if: Option<String>,
}

/// Paints the map of `picture` into `rect` of `ui`, and its legend if asked.
pub fn paint_map(
    ui: &mut egui::Ui,
    rect: Rect,
    doc: &Document,
    basemap: &Basemap,
    picture: &MapPicture,
    maps: &mut Vec<MapRecord>,
) -> MapDrawn {
    let mut view = picture.view_state(doc, rect);
    let mut ignored = Vec::new();
    let options = MapOptions {
        vector: true,
        ..picture.options.clone()
    };
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        map_ui(
            ui,
            doc,
            basemap,
            &mut view.map_view(doc),
            &options,
            &mut ignored,
        );
    });
    if let Some(transform) = view.map.transform {
        maps.push(MapRecord {
            transform,
            fills: crate::ui::map::countries::country_fills(view.shown(doc), picture.options.look),
        });
    }
    // Those in the picture on the day shown, that is.
    let in_picture = |index: usize| !view.time.offstage.get(index).copied().unwrap_or(false);
    let short: Vec<(String, String)> = view
        .map
        .placements
        .iter()
        .zip(&doc.scenario.actors)
        .enumerate()
        .filter(|&(index, _)| in_picture(index))
        .filter(|(_, ((_, p), actor))| {
            p.label
                .as_ref()
                .is_none_or(|l| l.text != actor.shown_name())
        })
        .map(|(_, (_, actor))| {
            (
                actor.shown_id().into_owned(),
                actor.shown_name().into_owned(),
            )
        })
        .collect();
    // As the map draws them: who stays away is not told while the outcome
    // is hidden (predict first).
    let presence = PresenceCounts::of(
        view.shown(doc),
        &view.attendance.invited,
        &view.attendance.outcome.attending,
        picture.options.hide_outcome,
    );
    // Which invitation list it shows, by name: a picture on a slide must
    // say which what-if it is.
    let what_if = if view.attendance.is_custom() {
        Some("Invitations: a list changed by hand".to_owned())
    } else if doc.scenario.conference.is_some() {
        doc.scenario
            .attendance_scenarios()
            .get(view.attendance.position)
            .map(|named| format!("Invitations: {}", named.name))
    } else {
        None
    };
    if picture.legend {
        let shown = view.shown(doc);
        let origin = rect.min + vec2(10.0, 10.0);
        let sources = source_line(&doc.scenario);
        let key = Legend {
            sources: sources.as_deref(),
            title: Some(doc.scenario.title.as_str()),
            what_if: what_if.as_deref(),
            scenario: shown,
            hidden: &view.hidden_relation_kinds,
            short: &short,
            look: picture.options.look,
            date: view.time.date,
            presence,
        };
        paint_legend(ui.painter(), origin, &key);
    }
    MapDrawn {
        short,
        presence,
        what_if,
    }
}

/// Most publishers a source line names before "and N more".
const MAX_PUBLISHERS: usize = 3;

/// "Sources: Reuters, BBC News, US Department of Defense and 9 more": the
/// scenario's publishers, in the order its sources list them, for a picture
/// that leaves the app without its list of sources. `None` without sources.
pub fn source_line(scenario: &coalition_core::model::Scenario) -> Option<String> {
    let mut publishers: Vec<&str> = Vec::new();
    for source in &scenario.sources {
        let publisher = source.publisher.trim();
        if !publisher.is_empty() && !publishers.contains(&publisher) {
            publishers.push(publisher);
        }
    }
    if publishers.is_empty() {
        return None;
    }
    let named = publishers[..publishers.len().min(MAX_PUBLISHERS)].join(", ");
    Some(if publishers.len() > MAX_PUBLISHERS {
        format!(
            "Sources: {named} and {} more",
            publishers.len() - MAX_PUBLISHERS
        )
    } else {
        format!("Sources: {named}")
    })
}

/// How many short labels the legend spells out before "and N more".
const MAX_SHORT_LABELS: usize = 24;

/// What the legend explains.
pub struct Legend<'a> {
    pub scenario: &'a coalition_core::model::Scenario,
    /// Relation kinds not drawn, so not explained.
    pub hidden: &'a BTreeSet<String>,
    /// Actors shown by their id (or unlabelled), with their names.
    pub short: &'a [(String, String)],
    /// The map's look, whose colours the legend shows.
    pub look: crate::theme::MapLook,
    /// The timeline's day the map shows, if it has one.
    pub date: Option<coalition_core::model::Date>,
    /// How many actors are in each state toward the meeting: a row for
    /// each state in use.
    pub presence: PresenceCounts,
    /// The scenario's title, first, for a picture that stands alone.
    pub title: Option<&'a str>,
    /// Which invitation list the picture shows, in words.
    pub what_if: Option<&'a str>,
    /// Where it comes from ([`source_line`]), last.
    pub sources: Option<&'a str>,
}

/// The map of `picture` as an SVG document.
pub fn map_svg(doc: &Document, basemap: &Basemap, picture: &MapPicture) -> String {
    let captured = capture(picture.size, |ui, maps| {
        let rect = Rect::from_min_size(Pos2::ZERO, picture.size);
        paint_map(ui, rect, doc, basemap, picture, maps);
    });
    svg::to_svg(&captured, basemap, &doc.scenario.title)
}

/// The legend box at `origin`: each stance's glyph and label, then the
/// relation kinds shown. Returns the box.
pub fn paint_legend(painter: &egui::Painter, origin: Pos2, legend: &Legend<'_>) -> Rect {
    let Legend {
        scenario,
        hidden,
        short,
        look: _,
        date,
        presence,
        title,
        what_if,
        sources,
    } = *legend;
    let presence_rows = presence.rows();
    let heading = date.map_or_else(
        || "Stance".to_owned(),
        |d| format!("Stance on {}", crate::ui::panels::timeline::long_date(d)),
    );
    let with_count = |stance: &coalition_core::model::StanceCategory| {
        let n = scenario
            .actors
            .iter()
            .filter(|a| a.stance == stance.id)
            .count();
        format!("{} ({n})", stance.label)
    };
    let font = egui::FontId::proportional(13.0);
    let row = 20.0;
    let kinds: Vec<(usize, &coalition_core::model::RelationKind)> = scenario
        .relation_kinds
        .iter()
        .enumerate()
        .filter(|(_, k)| !hidden.contains(&k.id))
        .collect();
    let width = scenario
        .stance_scale
        .iter()
        .map(with_count)
        .chain(kinds.iter().map(|(_, k)| k.label.clone()))
        .chain(std::iter::once(heading.clone()))
        .chain(what_if.map(str::to_owned))
        .chain(presence_rows.iter().map(|(_, _, text)| text.clone()))
        .chain(sources.map(str::to_owned))
        .chain(short.iter().map(|(id, name)| format!("{id}: {name}")))
        .map(|text| {
            painter
                .layout_no_wrap(text, font.clone(), egui::Color32::BLACK)
                .size()
                .x
        })
        .fold(80.0_f32, f32::max)
        .max(title.map_or(0.0, |t| {
            painter
                .layout_no_wrap(
                    t.to_owned(),
                    egui::FontId::proportional(14.0),
                    egui::Color32::BLACK,
                )
                .size()
                .x
                - 36.0
        }))
        + 52.0;
    let rows = scenario.stance_scale.len()
        + 1
        + usize::from(title.is_some())
        + usize::from(what_if.is_some())
        + presence_rows.len()
        + usize::from(sources.is_some())
        + kinds.len()
        + usize::from(!kinds.is_empty())
        + short.len().min(MAX_SHORT_LABELS + 1)
        + usize::from(!short.is_empty());
    let height = row * rows as f32 + 8.0;
    let boxed = Rect::from_min_size(origin, vec2(width, height));
    painter.rect(
        boxed,
        4.0,
        theme::map::LEGEND_BACKGROUND,
        egui::Stroke::new(1.0, theme::map::BORDER),
        egui::StrokeKind::Inside,
    );
    let mut y = origin.y + 6.0 + row / 2.0;
    let text = |y: f32, x: f32, s: &str, strong: bool| {
        let colour = theme::map::LABEL_TEXT;
        let font = if strong {
            egui::FontId::proportional(14.0)
        } else {
            font.clone()
        };
        painter.text(pos2(x, y), egui::Align2::LEFT_CENTER, s, font, colour);
    };
    if let Some(title) = title {
        text(y, origin.x + 8.0, title, true);
        y += row;
    }
    if let Some(what_if) = what_if {
        text(y, origin.x + 8.0, what_if, false);
        y += row;
    }
    text(y, origin.x + 8.0, &heading, true);
    y += row;
    let count = scenario.stance_scale.len();
    for (rank, stance) in scenario.stance_scale.iter().enumerate() {
        paint_glyph(
            painter,
            pos2(origin.x + 18.0, y),
            6.5,
            Glyph::for_rank(rank, count),
            theme::stance_colour_for(legend.look.palette(), scenario, rank),
            theme::node_stroke(),
        );
        text(y, origin.x + 34.0, &with_count(stance), false);
        y += row;
    }
    for (state, hosts, words) in &presence_rows {
        // Drawn as the map draws it.
        let lift = if *hosts { 3.0 } else { 0.0 };
        paint_sample(
            painter,
            pos2(origin.x + 18.0, y - lift),
            6.5,
            *state,
            *hosts,
        );
        text(y, origin.x + 34.0, words, false);
        y += row;
    }
    if !kinds.is_empty() {
        text(y, origin.x + 8.0, "Relations", true);
        y += row;
    }
    for (index, kind) in kinds {
        let colour = theme::relation_colour(index);
        let a = pos2(origin.x + 8.0, y);
        let b = pos2(origin.x + 28.0, y);
        // Drawn as the map draws an edge of this kind.
        let stroke = egui::Stroke::new(legend.look.edge_width(), colour);
        painter.extend(line_style::line_shapes(kind.line, &[a, b], stroke));
        text(y, origin.x + 34.0, &kind.label, false);
        y += row;
    }
    if !short.is_empty() {
        text(y, origin.x + 8.0, "Short labels", true);
        y += row;
    }
    for (id, name) in short.iter().take(MAX_SHORT_LABELS) {
        text(y, origin.x + 8.0, &format!("{id}: {name}"), false);
        y += row;
    }
    if short.len() > MAX_SHORT_LABELS {
        let more = format!("and {} more", short.len() - MAX_SHORT_LABELS);
        text(y, origin.x + 8.0, &more, false);
        y += row;
    }
    if let Some(sources) = sources {
        text(y, origin.x + 8.0, sources, false);
    }
    boxed
}

/// SVG reading options with egui's own fonts, the ones the SVG names.
pub fn svg_options() -> resvg::usvg::Options<'static> {
    let mut options = resvg::usvg::Options::default();
    let fonts = options.fontdb_mut();
    for data in egui::FontDefinitions::default().font_data.values() {
        fonts.load_font_data(data.font.as_ref().as_ref().to_vec());
    }
    fonts.set_sans_serif_family(svg::FONT_FAMILY);
    options
}

/// Rasterises an SVG made here at `scale` (2 = twice the screen's resolution).
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    let options = svg_options();
    let tree =
        resvg::usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Svg(e.to_string()))?;
    let size = tree.size();
    let (width, height) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    let too_large = || ExportError::TooLarge(width, height);
    if u64::from(width) * u64::from(height) > 200_000_000 {
        return Err(too_large());
    }
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or_else(too_large)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Png(e.to_string()))
}

/// Writes `bytes` to `path` (atomically).
pub fn write(path: &std::path::Path, bytes: &[u8]) -> Result<(), ExportError> {
    coalition_core::io::write_atomically(path, bytes).map_err(|e| ExportError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    })
}
