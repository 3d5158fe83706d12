//! Painting the stance glyphs (shape + colour) used on the map and in the legend.

use egui::{Color32, Painter, Pos2, Shape, Stroke, pos2, vec2};

use crate::theme::Glyph;

/// Paints `glyph` centred on `centre`, fitting a circle of `radius`.
pub fn paint_glyph(
    painter: &Painter,
    centre: Pos2,
    radius: f32,
    glyph: Glyph,
    fill: Color32,
    stroke: Stroke,
) {
    let r = radius;
    let polygon = |points: Vec<Pos2>| Shape::convex_polygon(points, fill, stroke);
    let regular = |sides: usize, start_deg: f32, scale: f32| {
        (0..sides)
            .map(|k| {
                let a = (start_deg + 360.0 * k as f32 / sides as f32).to_radians();
                centre + vec2(a.cos(), a.sin()) * r * scale
            })
            .collect::<Vec<_>>()
    };
    let shape = match glyph {
        Glyph::Circle => Shape::circle_filled(centre, r, fill),
        Glyph::Square => polygon(regular(4, 45.0, 1.15)),
        Glyph::Diamond => polygon(regular(4, 0.0, 1.25)),
        Glyph::TriangleUp => polygon(regular(3, -90.0, 1.35)),
        Glyph::TriangleDown => polygon(regular(3, 90.0, 1.35)),
        Glyph::Hexagon => polygon(regular(6, 0.0, 1.1)),
        Glyph::Star => {
            let points = (0..10)
                .map(|k| {
                    let a = (-90.0 + 36.0 * k as f32).to_radians();
                    let scale = if k % 2 == 0 { 1.35 } else { 0.6 };
                    centre + vec2(a.cos(), a.sin()) * r * scale
                })
                .collect();
            // A star is not convex: fill the core, outline the points.
            painter.circle_filled(centre, r * 0.62, fill);
            Shape::closed_line(points, Stroke::new(stroke.width.max(1.0) * 1.6, fill))
        }
        Glyph::Cross => {
            // An X drawn thick in the fill colour with an outline, so it reads as a cross.
            let d = r * 0.95;
            let arms = [
                (
                    pos2(centre.x - d, centre.y - d),
                    pos2(centre.x + d, centre.y + d),
                ),
                (
                    pos2(centre.x - d, centre.y + d),
                    pos2(centre.x + d, centre.y - d),
                ),
            ];
            for (a, b) in arms {
                painter.line_segment(
                    [a, b],
                    Stroke::new(r * 0.75 + 2.0 * stroke.width, stroke.color),
                );
            }
            for (a, b) in arms {
                painter.line_segment([a, b], Stroke::new(r * 0.75, fill));
            }
            return;
        }
    };
    painter.add(shape);
    if glyph == Glyph::Circle {
        painter.circle_stroke(centre, r, stroke);
    }
}

/// The glyph of stance `rank`, in its colour, as a small swatch in a row of text.
pub fn stance_swatch_ui(
    ui: &mut egui::Ui,
    scenario: &coalition_core::model::Scenario,
    rank: usize,
) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(20.0, 18.0), egui::Sense::hover());
    paint_glyph(
        ui.painter(),
        rect.center(),
        crate::theme::size::LEGEND_GLYPH,
        Glyph::for_rank(rank, scenario.stance_scale.len()),
        crate::theme::stance_colour(scenario, rank),
        crate::theme::node_stroke(),
    );
}
