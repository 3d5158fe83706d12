//! How each relation line style is drawn: the one place a style's look is
//! defined. The map's edges (as egui shapes, tessellated, or stroked in the
//! GPU layer's shader), the legend's samples in the side panel and in
//! exports, and so the SVG and PNG exports, all take their width and dashes
//! from [`look`].
//!
//! To add a style: a variant of `LineStyle` in the core's model (and in its
//! `ALL` and `index`), and a row in [`look`] (its name in the editor, its
//! width and dashes). The shader reads the patterns
//! as a table ([`shader_patterns`]) sized by `LINE_STYLES` in `layers.wgsl`,
//! which a test keeps equal to the number of styles.

use egui::{Pos2, Shape, Stroke};

use crate::theme::size;
use coalition_core::model::LineStyle;

/// How one line style is drawn, relative to the edge's stroke.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineLook {
    /// What the editor calls it.
    pub name: &'static str,
    /// The drawn line is this many times the edge's width (dots a little
    /// wider, so they read as dots).
    pub width_factor: f32,
    /// Dash and gap lengths in points...
    pub dash_points: [f32; 2],
    /// ...plus these many widths of the drawn line. All four zero: solid.
    pub dash_widths: [f32; 2],
}

/// How `style` is drawn.
pub const fn look(style: LineStyle) -> LineLook {
    match style {
        LineStyle::Solid => LineLook {
            name: "Solid",
            width_factor: 1.0,
            dash_points: [0.0; 2],
            dash_widths: [0.0; 2],
        },
        LineStyle::Dashed => LineLook {
            name: "Dashed",
            width_factor: 1.0,
            dash_points: size::EDGE_DASH,
            dash_widths: [0.0; 2],
        },
        // Dots are tiny square dashes: a quad each, where a round dot costs
        // ten times the vertices; at this size the eye cannot tell.
        LineStyle::Dotted => LineLook {
            name: "Dotted",
            width_factor: size::EDGE_DOT_SIZE,
            dash_points: [0.0; 2],
            dash_widths: size::EDGE_DOT,
        },
    }
}

impl LineLook {
    /// The stroke drawn for an edge of `stroke`.
    pub fn drawn(&self, stroke: Stroke) -> Stroke {
        Stroke::new(stroke.width * self.width_factor, stroke.color)
    }

    /// The dash and gap (points) of a line drawn `drawn_width` wide; `None`
    /// when it is solid.
    pub fn pattern(&self, drawn_width: f32) -> Option<[f32; 2]> {
        let [dash, gap] = [0, 1].map(|i| self.dash_points[i] + self.dash_widths[i] * drawn_width);
        (dash > 0.0 && gap > 0.0).then_some([dash, gap])
    }
}

/// A line of `style` through `points` for an edge of `stroke`, as egui
/// shapes: one line, or one per dash.
pub fn line_shapes(style: LineStyle, points: &[Pos2], stroke: Stroke) -> Vec<Shape> {
    let look = look(style);
    let drawn = look.drawn(stroke);
    match look.pattern(drawn.width) {
        None => vec![Shape::line(points.to_vec(), drawn)],
        Some([dash, gap]) => Shape::dashed_line(points, drawn, dash, gap),
    }
}

/// The patterns as the GPU layer's shader reads them, one row per style in
/// the order of `LineStyle::ALL`: dash and gap in points, then in widths.
pub fn shader_patterns() -> [[f32; 4]; LineStyle::ALL.len()] {
    LineStyle::ALL.map(|style| {
        let look = look(style);
        [
            look.dash_points[0],
            look.dash_points[1],
            look.dash_widths[0],
            look.dash_widths[1],
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn every_style_but_solid_breaks_the_line_and_each_looks_different() {
        let stroke = Stroke::new(size::EDGE_WIDTH, egui::Color32::BLACK);
        let line = [pos2(0.0, 0.0), pos2(100.0, 0.0)];
        let mut counts = Vec::new();
        for style in LineStyle::ALL {
            assert_eq!(LineStyle::ALL[style.index()], style);
            let shapes = line_shapes(style, &line, stroke);
            assert_eq!(
                shapes.len() == 1,
                style == LineStyle::Solid,
                "{style:?}: {} shapes",
                shapes.len()
            );
            counts.push(shapes.len());
        }
        counts.dedup();
        assert_eq!(counts.len(), LineStyle::ALL.len(), "{counts:?}");
    }

    #[test]
    fn dots_scale_with_the_line_and_dashes_do_not() {
        let dashed = look(LineStyle::Dashed);
        assert_eq!(dashed.pattern(1.0), dashed.pattern(3.0));
        let dotted = look(LineStyle::Dotted);
        let [thin, thick] = [1.0, 3.0].map(|w| dotted.pattern(w).expect("dotted"));
        assert!(
            (thick[0] - 3.0 * thin[0]).abs() < 1e-5,
            "{thin:?} {thick:?}"
        );
        assert_eq!(look(LineStyle::Solid).pattern(2.0), None);
    }
}
