//! Every colour, size and glyph the app draws with, in one place.
//!
//! Stance is shown twice: a colour from an ordered colour-blind-safe palette
//! (Paul Tol's "sunset" on screen, a darker ramp for projectors; see [`Look`]),
//! and a glyph whose shape reads in greyscale and on a washed-out projector.
//! `tests/colour_vision.rs` checks that neighbouring stance colours stay apart
//! under simulated protanopia, deuteranopia and tritanopia.

pub mod colour;

use egui::{Color32, Stroke};

use coalition_core::model::{Scenario, parse_hex_colour};

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

/// A diverging ramp for projectors, navy (supportive) through sand to dark
/// crimson (opposed). A projector washes pale colours into the white of the
/// screen, so nothing here is lighter than CIELAB L* 72 (sunset's middle is
/// L* 93) and the ends are dark (L* 26); each side keeps one hue family, blue
/// or orange-red, and darkens towards its end.
const PROJECTOR: [Color32; 11] = [
    Color32::from_rgb(0x1F, 0x3B, 0x7A),
    Color32::from_rgb(0x3A, 0x64, 0xA6),
    Color32::from_rgb(0x4F, 0x89, 0xC8),
    Color32::from_rgb(0x62, 0xA3, 0xDF),
    Color32::from_rgb(0x6F, 0xB8, 0xEC),
    Color32::from_rgb(0xBD, 0xAE, 0x8A),
    Color32::from_rgb(0xF0, 0x9E, 0x2E),
    Color32::from_rgb(0xDC, 0x7A, 0x26),
    Color32::from_rgb(0xCF, 0x64, 0x30),
    Color32::from_rgb(0xAE, 0x3E, 0x1A),
    Color32::from_rgb(0x82, 0x04, 0x14),
];

/// Which of a ramp's 11 colours a scale of 2 to 9 stances uses (entry
/// `count - 2`). Each pick is symmetric about the neutral middle (a ramp index
/// `i` on the supportive side is matched by `10 - i` on the opposed side) and
/// keeps neighbouring stances at least CIEDE2000 10 apart, in both ramps, with
/// normal vision and under simulated protanopia, deuteranopia and tritanopia
/// (`tests/colour_vision.rs`). Even sampling fails that for 7 and 8 stances,
/// where it puts sunset's pale middle colours next to each other. Longer scales
/// fall back to even sampling: 11 colours cannot all stay that far apart.
const PICKS: [&[usize]; 8] = [
    &[0, 10],
    &[0, 5, 10],
    &[0, 3, 7, 10],
    &[0, 2, 5, 8, 10],
    &[0, 2, 4, 6, 8, 10],
    &[0, 1, 3, 5, 7, 9, 10],
    &[0, 1, 2, 4, 6, 8, 9, 10],
    &[0, 1, 2, 4, 5, 6, 8, 9, 10],
];

/// Which palette stance colours come from: the screen's, or the projector's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Look {
    /// Paul Tol's "sunset", pale in the middle: for monitors.
    #[default]
    Screen,
    /// Darker, more saturated colours that survive a washed-out projector.
    Projector,
}

impl Look {
    /// Both looks.
    pub const ALL: [Self; 2] = [Self::Screen, Self::Projector];

    /// The look's name, for menus and messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Screen => "Screen",
            Self::Projector => "Projector",
        }
    }

    fn ramp(self) -> &'static [Color32; 11] {
        match self {
            Self::Screen => &SUNSET,
            Self::Projector => &PROJECTOR,
        }
    }
}

/// The ramp index of step `rank` of a scale with `count` steps.
fn ramp_index(rank: usize, count: usize) -> usize {
    const LAST: usize = 10;
    if count <= 1 {
        return 0;
    }
    let rank = rank.min(count - 1);
    match PICKS.get(count - 2) {
        Some(picks) => picks[rank],
        None => ((rank * LAST + (count - 1) / 2) / (count - 1)).min(LAST),
    }
}

/// The screen palette colour for step `rank` of a scale with `count` steps.
pub fn palette_colour(rank: usize, count: usize) -> Color32 {
    palette_colour_for(Look::Screen, rank, count)
}

/// The colour in `look`'s palette for step `rank` of a scale with `count` steps.
pub fn palette_colour_for(look: Look, rank: usize, count: usize) -> Color32 {
    look.ramp()[ramp_index(rank, count)]
}

/// The colour of stance `rank` on screen: the file's own colour if it sets a valid one.
/// Text that reads on `fill`: near-black on light colours, white on dark ones.
pub fn text_on(fill: Color32) -> Color32 {
    let [r, g, b, _] = fill.to_array();
    let luma = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
    if luma > 150.0 {
        map::LABEL_TEXT
    } else {
        Color32::WHITE
    }
}

pub fn stance_colour(scenario: &Scenario, rank: usize) -> Color32 {
    stance_colour_for(Look::Screen, scenario, rank)
}

/// The colour of stance `rank` in `look`: the file's own colour if it sets a
/// valid one (in either look), else `look`'s palette colour.
pub fn stance_colour_for(look: Look, scenario: &Scenario, rank: usize) -> Color32 {
    scenario
        .stance_scale
        .get(rank)
        .and_then(|s| s.color.as_deref())
        .and_then(parse_hex_colour)
        .map_or_else(
            || palette_colour_for(look, rank, scenario.stance_scale.len()),
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
    /// Under the caption, in its strip below the map.
    pub const CAPTION_STRIP: Color32 = Color32::from_rgb(0xF6, 0xF6, 0xF4);
    /// Nodes of invited actors that stay away.
    pub const ABSENT_ALPHA: f32 = 0.35;
    /// The stroke across an invited actor that stays away.
    pub const ABSENT_STRIKE: Color32 = Color32::from_rgb(0x22, 0x22, 0x22);
    /// The dashed ring around an actor not invited to the meeting.
    pub const NOT_INVITED_RING: Color32 = Color32::from_rgb(0x44, 0x44, 0x44);
    /// A legend's neutral glyph, under the marks of attendance.
    pub const SAMPLE: Color32 = Color32::from_rgb(0xA8, 0xA8, 0xA8);
    /// The bar beneath a meeting's host.
    pub const HOST_BAR: Color32 = Color32::from_rgb(0x20, 0x20, 0x20);
    /// Behind the legend in exported pictures.
    pub const LEGEND_BACKGROUND: Color32 = Color32::from_rgba_premultiplied(0xF8, 0xF8, 0xF8, 0xE8);
    /// The line that follows the pointer while a relation is drawn.
    pub const DRAWING: Color32 = Color32::from_rgb(0x10, 0x60, 0xC0);
    /// The ring around the actors the timeline's current event is about.
    pub const EVENT_RING: Color32 = Color32::from_rgb(0xE0, 0x8A, 0x00);
}

/// Sizes in points.
pub mod size {
    pub const NODE_RADIUS: f32 = 7.5;
    pub const NODE_GAP: f32 = 3.0;
    pub const LABEL_GAP: f32 = 3.0;
    pub const LABEL_FONT: f32 = 12.5;
    pub const EDGE_WIDTH: f32 = 1.6;
    pub const EDGE_HIGHLIGHT_WIDTH: f32 = 3.2;
    /// A dashed edge: dashes and gaps, in points.
    pub const EDGE_DASH: [f32; 2] = [7.0, 4.0];
    /// A dotted edge's dots are square, this many of its widths across...
    pub const EDGE_DOT_SIZE: f32 = 1.1;
    /// ...and its dots and gaps, in dot widths (5 points from dot to dot
    /// at the normal width).
    pub const EDGE_DOT: [f32; 2] = [1.0, (5.0 / EDGE_WIDTH - EDGE_DOT_SIZE) / EDGE_DOT_SIZE];
    /// How close the pointer must come to an edge to hover it.
    pub const EDGE_HOVER_DISTANCE: f32 = 5.0;
    pub const ARROW_LENGTH: f32 = 9.0;
    pub const BORDER_WIDTH: f32 = 0.6;
    pub const MAP_MARGIN: f32 = 12.0;
    pub const SIDE_PANEL_WIDTH: f32 = 340.0;
    pub const LEFT_PANEL_WIDTH: f32 = 230.0;
    /// Below this window width the right-hand (details) panel starts
    /// collapsed to a strip (it opens on demand), so the map keeps a legible
    /// size on 1280-pixel projectors.
    pub const DETAILS_COLLAPSES_BELOW: f32 = 1400.0;
    /// Below this width the legend panel starts collapsed too (1024-pixel
    /// projectors). It stays open above: it is the key to the map's glyphs.
    pub const LEGEND_COLLAPSES_BELOW: f32 = 1100.0;
    /// A collapsed side panel's strip.
    pub const PANEL_STRIP_WIDTH: f32 = 30.0;
    /// How tall an editor list grows before it scrolls.
    pub const EDIT_LIST_HEIGHT: f32 = 150.0;
    /// The timeline's axis: its height, and the room left and right of it.
    pub const TIMELINE_AXIS_HEIGHT: f32 = 34.0;
    pub const TIMELINE_MARGIN: f32 = 14.0;
    /// The timeline's strip under the map: controls, axis and the day's
    /// events (which scroll when there are more). Fixed, so the map does not
    /// jump while the timeline plays.
    pub const TIMELINE_PANEL_HEIGHT: f32 = 178.0;
    /// The height of a vote's tally bar with the threshold's label under it.
    pub const TALLY_HEIGHT: f32 = 40.0;
    pub const LEGEND_GLYPH: f32 = 7.0;
}

/// Type sizes in presentation mode, readable from the back of a classroom
/// on a 1920×1080 projector: body text 28 px and up.
pub mod projector {
    pub const TITLE: f32 = 46.0;
    pub const QUOTE: f32 = 36.0;
    pub const BODY: f32 = 30.0;
    pub const SOURCE: f32 = 28.0;
    pub const CONTROL: f32 = 28.0;
    /// A step's text shrinks down to this share of the sizes above so that
    /// it fits beside the map (a quote, its speaker and its source on a
    /// 1280×800 projector); below it, the text scrolls.
    pub const TEXT_SCALE_FLOOR: f32 = 0.6;

    /// How much the title, the day and the legend shrink in a window of
    /// `size`: 1 at 1920×1080, down to 0.6 (a 1024×768 projector).
    pub fn chrome_scale(size: egui::Vec2) -> f32 {
        (size.x / 1920.0).min(size.y / 1080.0).clamp(0.6, 1.0)
    }
}

/// Presentation mode's look: light, black on white, the most contrast a
/// washed-out projector can keep.
pub fn apply_presentation_style(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        let visuals = &mut style.visuals;
        visuals.override_text_color = Some(Color32::BLACK);
        visuals.panel_fill = Color32::WHITE;
        visuals.window_fill = Color32::WHITE;
        visuals.extreme_bg_color = Color32::WHITE;
        visuals.widgets.noninteractive.bg_stroke.color = Color32::BLACK;
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
    });
}

/// How the map is drawn: at screen size, or scaled up for a projector.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapLook {
    /// Sizes are multiplied by this.
    pub scale: f32,
    /// The projector's high-contrast colours.
    pub projector: bool,
}

impl MapLook {
    pub const SCREEN: Self = Self {
        scale: 1.0,
        projector: false,
    };
    /// Readable from the back of a classroom at 1920×1080.
    pub const PROJECTOR: Self = Self {
        scale: 2.0,
        projector: true,
    };

    /// The look scaled down, never below screen size, so that `nodes`
    /// nodes fit on a map of `area` square points: each keeps room for
    /// [`Self::ROOM`] times its own spacing. A projector's large nodes suit
    /// the Paris scenario's 34 actors; a world of 240 on a 1024-pixel
    /// projector would overlap.
    #[must_use]
    pub fn fitted(self, area: f32, nodes: usize) -> Self {
        if nodes == 0 || self.scale <= 1.0 {
            return self;
        }
        let spacing = 2.0 * size::NODE_RADIUS + size::NODE_GAP;
        let room = (area / nodes as f32).sqrt();
        Self {
            scale: (room / (Self::ROOM * spacing)).clamp(1.0, self.scale),
            ..self
        }
    }

    /// How many node spacings of room each node keeps ([`Self::fitted`]).
    const ROOM: f32 = 1.9;

    /// The stance palette it uses.
    pub fn palette(self) -> Look {
        if self.projector {
            Look::Projector
        } else {
            Look::Screen
        }
    }

    pub fn node_radius(self) -> f32 {
        size::NODE_RADIUS * self.scale
    }

    pub fn node_gap(self) -> f32 {
        size::NODE_GAP * self.scale
    }

    pub fn label_gap(self) -> f32 {
        size::LABEL_GAP * self.scale
    }

    pub fn label_font(self) -> f32 {
        size::LABEL_FONT * self.scale
    }

    pub fn edge_width(self) -> f32 {
        size::EDGE_WIDTH * self.scale
    }

    pub fn edge_highlight_width(self) -> f32 {
        size::EDGE_HIGHLIGHT_WIDTH * self.scale
    }

    pub fn arrow_length(self) -> f32 {
        size::ARROW_LENGTH * self.scale
    }

    /// Country borders stay thin: they are background.
    pub fn border_width(self) -> f32 {
        size::BORDER_WIDTH * self.scale.sqrt()
    }

    /// A leader line: from a label, or a node moved aside, to its node's
    /// place. Thicker on a projector, where a hairline washes out.
    pub fn leader_stroke(self) -> Stroke {
        Stroke::new(self.scale, map::LEADER)
    }

    /// The outline drawn round every node.
    pub fn node_stroke(self) -> Stroke {
        Stroke::new(1.2 * self.scale.sqrt(), map::NODE_OUTLINE)
    }
}

/// The outline drawn round every node.
pub fn node_stroke() -> Stroke {
    Stroke::new(1.2, map::NODE_OUTLINE)
}

/// The least CIEDE2000 difference between a country's tint and both the
/// bare land and the sea, with normal vision and under each simulated
/// dichromacy ([`tint_difference`]), so a tinted country never passes for untinted
/// (sunset's pale middle, blended at [`map::TINT_ALPHA`], came within 3 of
/// the land) nor for sea.
pub const TINT_FLOOR: f64 = 8.0;

/// The tint of a country whose state holds a stance of `colour`: the colour
/// blended into the land at [`map::TINT_ALPHA`], more of it where that is
/// too close to the land or the sea, and darkened where even the colour
/// itself is (a pale colour a file sets). Each stance's tint is worked out
/// once per scale, not per country.
pub fn country_tint(colour: Color32) -> Color32 {
    let clear = |c: Color32| {
        [map::LAND, map::SEA]
            .into_iter()
            .all(|ground| tint_difference(c, ground) >= TINT_FLOOR)
    };
    let amounts = [map::TINT_ALPHA, 0.55, 0.65, 0.75, 0.85, 1.0];
    if let Some(tint) = amounts
        .iter()
        .map(|&amount| blend(map::LAND, colour, amount))
        .find(|&tint| clear(tint))
    {
        return tint;
    }
    let mut darker = colour;
    for _ in 0..30 {
        darker = blend(Color32::BLACK, darker, 0.92);
        if clear(darker) {
            break;
        }
    }
    darker
}

/// The least CIEDE2000 difference between two colours as seen with normal
/// vision and under each simulated dichromacy.
pub fn tint_difference(a: Color32, b: Color32) -> f64 {
    use colour::{Deficiency, ciede2000, simulate, to_lab};
    let seen = |c: Color32, d: Option<Deficiency>| {
        let rgb = [c.r(), c.g(), c.b()];
        to_lab(d.map_or(rgb, |d| simulate(rgb, d)))
    };
    [
        None,
        Some(Deficiency::Protanopia),
        Some(Deficiency::Deuteranopia),
        Some(Deficiency::Tritanopia),
    ]
    .into_iter()
    .map(|d| ciede2000(seen(a, d), seen(b, d)))
    .fold(f64::INFINITY, f64::min)
}

/// `over` laid on `base` at `amount` (0 keeps `base`, 1 gives `over`).
pub fn blend(base: Color32, over: Color32, amount: f32) -> Color32 {
    let mix = |a: u8, b: u8| (f32::from(a) * (1.0 - amount) + f32::from(b) * amount).round() as u8;
    Color32::from_rgb(
        mix(base.r(), over.r()),
        mix(base.g(), over.g()),
        mix(base.b(), over.b()),
    )
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
    // Back from presentation mode's colours, if it was on.
    ctx.set_visuals_of(egui::Theme::Dark, egui::Visuals::dark());
    ctx.set_visuals_of(egui::Theme::Light, egui::Visuals::light());
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
    fn the_palettes_are_ordered_and_distinct_for_every_scale_size() {
        for look in Look::ALL {
            let ramp = look.ramp();
            for count in 2..=11 {
                let indices: Vec<usize> = (0..count).map(|r| ramp_index(r, count)).collect();
                for pair in indices.windows(2) {
                    assert!(pair[0] < pair[1], "scale of {count}: {indices:?}");
                }
                let colours: Vec<Color32> = (0..count)
                    .map(|r| palette_colour_for(look, r, count))
                    .collect();
                for pair in colours.windows(2) {
                    assert_ne!(pair[0], pair[1], "{look:?}, scale of {count}");
                }
                assert_eq!(colours[0], ramp[0]);
                assert_eq!(colours[count - 1], ramp[10]);
            }
        }
    }

    #[test]
    fn picks_are_symmetric_about_the_middle() {
        for (i, picks) in PICKS.iter().enumerate() {
            assert_eq!(picks.len(), i + 2);
            for (rank, index) in picks.iter().enumerate() {
                assert_eq!(index + picks[picks.len() - 1 - rank], 10, "{picks:?}");
            }
        }
    }

    #[test]
    fn screen_colours_are_sunsets_and_unchanged_for_the_old_callers() {
        // Six stances (the Paris scale) sample sunset evenly, as before.
        let six: Vec<Color32> = (0..6).map(|r| palette_colour(r, 6)).collect();
        let expected: Vec<Color32> = [0, 2, 4, 6, 8, 10].iter().map(|&i| SUNSET[i]).collect();
        assert_eq!(six, expected);
        for count in 1..=12 {
            for rank in 0..count {
                assert_eq!(
                    palette_colour(rank, count),
                    palette_colour_for(Look::Screen, rank, count)
                );
            }
        }
        assert_eq!(palette_colour(0, 1), SUNSET[0]);
        assert_eq!(palette_colour(0, 0), SUNSET[0]);
        // A rank past the end of the scale takes the last colour.
        assert_eq!(palette_colour(9, 3), SUNSET[10]);
        assert_eq!(palette_colour_for(Look::Projector, 9, 3), PROJECTOR[10]);
    }

    #[test]
    fn a_files_own_colour_wins_in_both_looks() {
        let mut scenario = coalition_core::io::paris_2014().expect("the built-in scenario loads");
        scenario.stance_scale[1].color = Some("#123456".to_owned());
        for look in Look::ALL {
            assert_eq!(
                stance_colour_for(look, &scenario, 1),
                Color32::from_rgb(0x12, 0x34, 0x56)
            );
            assert_eq!(stance_colour_for(look, &scenario, 0), look.ramp()[0]);
        }
        assert_eq!(stance_colour(&scenario, 2), palette_colour(2, 6));
    }

    #[test]
    fn projector_colours_are_not_pale() {
        for colour in PROJECTOR {
            let [l, ..] = crate::theme::colour::to_lab([colour.r(), colour.g(), colour.b()]);
            assert!((25.0..=72.5).contains(&l), "{colour:?} has L* {l:.1}");
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
