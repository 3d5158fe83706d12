//! Every colour, size and glyph the app draws with, in one place.
//!
//! Stance is shown twice: a colour from an ordered colour-blind-safe palette
//! (Paul Tol's "sunset", sampled evenly), and a glyph whose shape reads in
//! greyscale and on a washed-out projector.

use egui::{Color32, Stroke};

use crate::model::{Scenario, parse_hex_colour};

/// Paul Tol's diverging "sunset" scheme, blue (supportive) to red (opposed).
const SUNSET: [Color32; 11] = [
    Color32::from_rgb(0x36, 0x4B, 0x9A),
    Color32::from_rgb(0x4A, 0x7B, 0xB7),
    Color32::from_rgb(0x6E, 0xA6, 0xCD),
    Color32::from_rgb(0x98, 0xCA, 0xE1),
    Color32::from_rgb(0xC2, 0xE4, 0xEF),
    Color32::from_rgb(0xEA, 0xEC, 0xCC),
    Color32::from_rgb(0xFE, 0xDA, 0x8B),
    Color32::from_rgb(0xFD, 0xB3, 0x66),
    Color32::from_rgb(0xF6, 0x7E, 0x4B),
    Color32::from_rgb(0xDD, 0x3D, 0x2D),
    Color32::from_rgb(0xA5, 0x00, 0x26),
];

/// The palette colour for step `rank` of a scale with `count` steps.
pub fn palette_colour(rank: usize, count: usize) -> Color32 {
    if count <= 1 {
        return SUNSET[0];
    }
    let last = SUNSET.len() - 1;
    let index = (rank.min(count - 1) * last + (count - 1) / 2) / (count - 1);
    SUNSET[index.min(last)]
}

/// The colour of stance `rank`: the file's own colour if it sets a valid one.
pub fn stance_colour(scenario: &Scenario, rank: usize) -> Color32 {
    scenario
        .stance_scale
        .get(rank)
        .and_then(|s| s.color.as_deref())
        .and_then(parse_hex_colour)
        .map_or_else(
            || palette_colour(rank, scenario.stance_scale.len()),
            |[r, g, b]| Color32::from_rgb(r, g, b),
        )
}

/// Paul Tol's "muted" qualitative scheme, darker colours first so edges read on the light map.
const MUTED: [Color32; 9] = [
    Color32::from_rgb(0x33, 0x22, 0x88),
    Color32::from_rgb(0x88, 0x22, 0x55),
    Color32::from_rgb(0x11, 0x77, 0x33),
    Color32::from_rgb(0xAA, 0x44, 0x99),
    Color32::from_rgb(0x44, 0xAA, 0x99),
    Color32::from_rgb(0x99, 0x99, 0x33),
    Color32::from_rgb(0xCC, 0x66, 0x77),
    Color32::from_rgb(0xDD, 0xCC, 0x77),
    Color32::from_rgb(0x88, 0xCC, 0xEE),
];

/// The colour of the relation kind at `index` in the scenario's list. Kinds also
/// differ by line style, so the colour is never the only cue.
pub fn relation_colour(index: usize) -> Color32 {
    MUTED[index % MUTED.len()]
}

/// The shape that marks a stance, so it never relies on colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Glyph {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Cross,
    Hexagon,
    Star,
}

impl Glyph {
    const ORDER: [Self; 8] = [
        Self::Circle,
        Self::Square,
        Self::Diamond,
        Self::TriangleUp,
        Self::TriangleDown,
        Self::Hexagon,
        Self::Star,
        Self::Cross,
    ];

    /// The glyph of stance `rank` on a scale of `count`: the most opposed step
    /// always gets the cross, the others take shapes in order.
    pub fn for_rank(rank: usize, count: usize) -> Self {
        if count >= 2 && rank + 1 == count {
            Self::Cross
        } else {
            Self::ORDER[rank % (Self::ORDER.len() - 1)]
        }
    }

    /// A word for the shape, for screen readers and tooltips.
    pub fn name(self) -> &'static str {
        match self {
            Self::Circle => "circle",
            Self::Square => "square",
            Self::Diamond => "diamond",
            Self::TriangleUp => "triangle",
            Self::TriangleDown => "inverted triangle",
            Self::Cross => "cross",
            Self::Hexagon => "hexagon",
            Self::Star => "star",
        }
    }
}

/// Map colours. The map is a picture: it keeps these in light and dark mode.
pub mod map {
    use super::Color32;

    pub const SEA: Color32 = Color32::from_rgb(0xE4, 0xEC, 0xF2);
    pub const LAND: Color32 = Color32::from_rgb(0xF4, 0xF1, 0xEA);
    pub const BORDER: Color32 = Color32::from_rgb(0xB8, 0xB2, 0xA6);
    /// How much of the stance colour tints an actor's country.
    pub const TINT_ALPHA: f32 = 0.45;
    pub const NODE_OUTLINE: Color32 = Color32::from_rgb(0x20, 0x20, 0x20);
    pub const SELECTED_RING: Color32 = Color32::from_rgb(0x00, 0x00, 0x00);
    pub const LABEL_TEXT: Color32 = Color32::from_rgb(0x1A, 0x1A, 0x1A);
    pub const LABEL_HALO: Color32 = Color32::from_rgba_premultiplied(0xF8, 0xF8, 0xF8, 0xD8);
    pub const LEADER: Color32 = Color32::from_rgb(0x60, 0x60, 0x60);
    /// Edges of a kind the scenario does not define.
    pub const EDGE_UNKNOWN: Color32 = Color32::from_rgb(0x3A, 0x3A, 0x48);
    pub const FADED_ALPHA: f32 = 0.25;
    /// A node whose stance is not on the scale.
    pub const UNKNOWN_STANCE: Color32 = Color32::GRAY;
    pub const CAPTION: Color32 = Color32::from_rgb(0x50, 0x50, 0x50);
    /// Nodes of invited actors that stay away.
    pub const ABSENT_ALPHA: f32 = 0.35;
    /// The stroke across an invited actor that stays away.
    pub const ABSENT_STRIKE: Color32 = Color32::from_rgb(0x22, 0x22, 0x22);
    /// The line that follows the pointer while a relation is drawn.
    pub const DRAWING: Color32 = Color32::from_rgb(0x10, 0x60, 0xC0);
}

/// Sizes in points.
pub mod size {
    pub const NODE_RADIUS: f32 = 7.5;
    pub const NODE_GAP: f32 = 3.0;
    pub const LABEL_GAP: f32 = 3.0;
    pub const LABEL_FONT: f32 = 12.5;
    pub const EDGE_WIDTH: f32 = 1.6;
    pub const EDGE_HIGHLIGHT_WIDTH: f32 = 3.2;
    /// How close the pointer must come to an edge to hover it.
    pub const EDGE_HOVER_DISTANCE: f32 = 5.0;
    pub const ARROW_LENGTH: f32 = 9.0;
    pub const BORDER_WIDTH: f32 = 0.6;
    pub const MAP_MARGIN: f32 = 12.0;
    pub const SIDE_PANEL_WIDTH: f32 = 340.0;
    pub const LEFT_PANEL_WIDTH: f32 = 230.0;
    /// How tall an editor list grows before it scrolls.
    pub const EDIT_LIST_HEIGHT: f32 = 150.0;
    pub const LEGEND_GLYPH: f32 = 7.0;
}

/// The outline drawn round every node.
pub fn node_stroke() -> Stroke {
    Stroke::new(1.2, map::NODE_OUTLINE)
}

/// `colour` with its opacity scaled by `alpha` (0..1).
pub fn faded(colour: Color32, alpha: f32) -> Color32 {
    colour.gamma_multiply(alpha)
}

/// The app's look: light by default (it is shown on projectors), or dark,
/// with slightly larger body text. The map keeps its own colours either way.
pub fn apply_style(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.all_styles_mut(|style| {
        if let Some(body) = style.text_styles.get_mut(&egui::TextStyle::Body) {
            body.size = 14.0;
        }
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    });
}

/// Seconds a text cursor keeps blinking after the last input; then it holds
/// still, so an idle window with a text field in focus stops repainting.
/// (GTK stops blinking after 10 s too.)
pub const CURSOR_BLINK_FOR: f64 = 10.0;

/// Lets text cursors blink while the user is active and holds them still
/// once [`CURSOR_BLINK_FOR`] has passed without input. Call at the start of
/// every frame; `last_input` is the time of the last input seen (egui time).
pub fn calm_text_cursor(ctx: &egui::Context, last_input: &mut f64) {
    let (now, active) = ctx.input(|i| (i.time, !i.events.is_empty()));
    if active {
        *last_input = now;
    }
    let blink = now - *last_input < CURSOR_BLINK_FOR;
    if ctx.global_style().visuals.text_cursor.blink != blink {
        ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = blink);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_cursor_stops_blinking_when_nothing_happens_and_starts_again_on_input() {
        let ctx = egui::Context::default();
        let mut last_input = 0.0;
        let mut blink_at = |time: f64, events: Vec<egui::Event>| {
            let input = egui::RawInput {
                time: Some(time),
                events,
                ..Default::default()
            };
            let mut output = ctx.run_ui(input, |ui| calm_text_cursor(ui.ctx(), &mut last_input));
            output.textures_delta.clear();
            ctx.global_style().visuals.text_cursor.blink
        };
        let key = || vec![egui::Event::Text("a".into())];
        assert!(blink_at(1.0, key()));
        assert!(blink_at(1.0 + CURSOR_BLINK_FOR - 0.5, Vec::new()));
        assert!(!blink_at(1.0 + CURSOR_BLINK_FOR + 0.5, Vec::new()));
        assert!(blink_at(30.0, key()));
    }

    #[test]
    fn the_palette_is_ordered_and_distinct_for_every_scale_size() {
        for count in 2..=11 {
            let colours: Vec<Color32> = (0..count).map(|r| palette_colour(r, count)).collect();
            for pair in colours.windows(2) {
                assert_ne!(pair[0], pair[1], "scale of {count}");
            }
            assert_eq!(colours[0], SUNSET[0]);
            assert_eq!(colours[count - 1], SUNSET[10]);
        }
    }

    #[test]
    fn glyphs_differ_between_neighbouring_stances_and_the_last_is_a_cross() {
        for count in 2..=10 {
            let glyphs: Vec<Glyph> = (0..count).map(|r| Glyph::for_rank(r, count)).collect();
            assert_eq!(glyphs[count - 1], Glyph::Cross);
            for pair in glyphs.windows(2) {
                assert_ne!(pair[0], pair[1]);
            }
        }
    }
}
