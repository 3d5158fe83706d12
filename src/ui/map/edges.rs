//! The relations' edges: where each runs (a gentle curve, bowed apart when
//! one pair has several), how it stands out or fades, its arrow, what the
//! pointer hovers and its tooltip. Each line style's pattern comes from
//! [`super::line_style`].

use std::collections::{BTreeMap, HashMap};

use egui::{Mesh, Pos2, Shape, Stroke, pos2};

use super::{Highlight, gpu, line_style};
use crate::theme::{self, MapLook, map as colours, size};
use coalition_core::geo::layout::NodePlacement;
use coalition_core::geo::outline::distance_to_segment;
use coalition_core::model::{LineStyle, Relation, Scenario, text};

/// How far an edge bows out, so several relations between one pair stay apart.
pub(super) fn edge_offsets(relations: &[Relation]) -> Vec<f32> {
    let mut pairs: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, r) in relations.iter().enumerate() {
        let key = if r.from <= r.to {
            (r.from.as_str(), r.to.as_str())
        } else {
            (r.to.as_str(), r.from.as_str())
        };
        pairs.entry(key).or_default().push(i);
    }
    let mut offsets = vec![0.0; relations.len()];
    for members in pairs.values() {
        let n = members.len() as f32;
        for (k, &i) in members.iter().enumerate() {
            offsets[i] = (k as f32 - (n - 1.0) / 2.0) * 18.0;
        }
    }
    offsets
}

/// One edge as drawn this frame, for hover.
#[derive(Debug)]
pub(super) struct DrawnEdge {
    pub(super) relation: usize,
    pub(super) points: Vec<Pos2>,
}

/// Which edges stand out: the selected actor's, or a story step's.
pub(super) struct EdgeEmphasis<'a> {
    pub(super) hidden: &'a std::collections::BTreeSet<String>,
    pub(super) selected: Option<&'a str>,
    pub(super) highlight: Option<&'a Highlight>,
    pub(super) look: MapLook,
}

/// Where edges are drawn, in order: as egui shapes, or tessellated into a
/// mesh, whose lines the map's picture may stroke in its shader instead
/// (`gpu::add_stroked_line`).
pub(super) enum EdgeInk<'a> {
    Shapes(&'a mut Vec<Shape>),
    Mesh {
        mesh: &'a mut Mesh,
        tessellator: egui::epaint::Tessellator,
        /// For the picture: egui's feathering (points), with which the
        /// shader strokes the lines wide enough.
        stroked_with: Option<f32>,
    },
}

impl EdgeInk<'_> {
    pub(super) fn add(&mut self, shape: Shape) {
        match self {
            Self::Shapes(shapes) => shapes.push(shape),
            Self::Mesh {
                mesh, tessellator, ..
            } => tessellator.tessellate_shape(shape, mesh),
        }
    }
}

/// The relations' edges; returns each as drawn, for hover.
pub(super) fn edge_shapes(
    scenario: &Scenario,
    emphasis: &EdgeEmphasis<'_>,
    placements: &[NodePlacement],
    ink: &mut EdgeInk<'_>,
) -> Vec<DrawnEdge> {
    let EdgeEmphasis {
        hidden,
        selected,
        highlight,
        look,
    } = *emphasis;
    let index_of: HashMap<&str, usize> = scenario
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let offsets = edge_offsets(&scenario.relations);
    let mut drawn = Vec::new();
    for (index, (relation, offset)) in scenario.relations.iter().zip(offsets).enumerate() {
        if hidden.contains(&relation.kind) {
            continue;
        }
        let (Some(&from), Some(&to)) = (
            index_of.get(relation.from.as_str()),
            index_of.get(relation.to.as_str()),
        ) else {
            continue;
        };
        let kind_index = scenario
            .relation_kinds
            .iter()
            .position(|k| k.id == relation.kind);
        let line = kind_index.map_or(LineStyle::Solid, |i| scenario.relation_kinds[i].line);
        let base = kind_index.map_or(colours::EDGE_UNKNOWN, theme::relation_colour);
        // A story step's highlight wins over the selection.
        let (focused, stands_out) = match highlight {
            Some(h) => (true, h.relations.contains(&index)),
            None => (
                selected.is_some(),
                selected.is_some_and(|s| s == relation.from || s == relation.to),
            ),
        };
        let (colour, width) = match (focused, stands_out) {
            (_, true) => (base, look.edge_highlight_width()),
            (true, false) => (theme::faded(base, colours::FADED_ALPHA), look.edge_width()),
            (false, _) => (base, look.edge_width()),
        };
        let points = edge_curve(
            placements[from].centre,
            placements[to].centre,
            offset * look.scale,
            relation.from <= relation.to,
            look.node_radius(),
        );
        edge_shape(
            ink,
            &points,
            line,
            Stroke::new(width, colour),
            relation.directed.then_some(look.arrow_length()),
        );
        drawn.push(DrawnEdge {
            relation: index,
            points,
        });
    }
    drawn
}

/// The drawn edge nearest to `pointer`, if any is within hover distance.
pub(super) fn hovered_edge(edges: &[DrawnEdge], pointer: Pos2) -> Option<usize> {
    edges
        .iter()
        .filter_map(|e| {
            let d = e
                .points
                .windows(2)
                .map(|w| distance_to_segment(pointer, w[0], w[1]))
                .fold(f32::INFINITY, f32::min);
            (d <= size::EDGE_HOVER_DISTANCE).then_some((d, e.relation))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, relation)| relation)
}

/// What an edge's tooltip says: kind, who to whom, label, date.
pub(super) fn edge_tooltip_ui(ui: &mut egui::Ui, scenario: &Scenario, relation: &Relation) {
    let name = |id: &str| {
        scenario.actor(id).map_or_else(
            || text::id(id).into_owned(),
            |a| a.shown_name().into_owned(),
        )
    };
    let kind = scenario
        .relation_kind(&relation.kind)
        .map_or(relation.kind.as_str(), |k| k.label.as_str());
    let joiner = if relation.directed { "to" } else { "and" };
    ui.strong(format!(
        "{kind}: {} {joiner} {}",
        name(&relation.from),
        name(&relation.to)
    ));
    if !relation.label.is_empty() {
        ui.label(&relation.label);
    }
    if !relation.date.is_empty() {
        ui.weak(&relation.date);
    }
}

/// A gentle curve from `a` to `b` that stops short of the nodes.
pub(super) fn edge_curve(a: Pos2, b: Pos2, offset: f32, canonical: bool, radius: f32) -> Vec<Pos2> {
    let d = b - a;
    let length = d.length();
    if length < 2.0 * radius + 2.0 {
        return Vec::new();
    }
    let along = d / length;
    let normal = along.rot90() * if canonical { 1.0 } else { -1.0 };
    let control = a + d / 2.0 + normal * offset * 2.0;
    let curve = |s: f32| {
        let u = 1.0 - s;
        pos2(
            u * u * a.x + 2.0 * u * s * control.x + s * s * b.x,
            u * u * a.y + 2.0 * u * s * control.y + s * s * b.y,
        )
    };
    let clearance = (radius + 2.0) / length;
    // A lone relation is straight: two points. A bowed one gets a point
    // every 12 points of length or so (4 to 20), enough for a smooth curve.
    let segments = if offset.abs() < 0.5 {
        1
    } else {
        ((length / 12.0) as usize).clamp(4, 20)
    };
    (0..=segments)
        .map(|k| curve(clearance + (1.0 - 2.0 * clearance) * k as f32 / segments as f32))
        .collect()
}

pub(super) fn edge_shape(
    ink: &mut EdgeInk<'_>,
    points: &[Pos2],
    line: LineStyle,
    stroke: Stroke,
    arrow: Option<f32>,
) {
    if points.len() < 2 {
        return;
    }
    // Dots are drawn a little wider than the line: the style says.
    let drawn = line_style::look(line).drawn(stroke);
    match ink {
        // For the picture's shader: the whole line in one strip.
        EdgeInk::Mesh {
            mesh,
            stroked_with: Some(feathering),
            ..
        } if gpu::strokes_in_shader(drawn.width, *feathering) => {
            gpu::add_stroked_line(mesh, points, drawn, line, *feathering);
        }
        _ => {
            for shape in line_style::line_shapes(line, points, stroke) {
                ink.add(shape);
            }
        }
    }
    if let Some(arrow) = arrow {
        let tip = points[points.len() - 1];
        let back = (tip - points[points.len() - 2]).normalized();
        let base = tip - back * arrow;
        let side = back.rot90() * arrow * 0.45;
        ink.add(Shape::convex_polygon(
            vec![tip, base + side, base - side],
            stroke.color,
            Stroke::NONE,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pointer_hovers_the_nearest_edge_within_reach() {
        let edges = [
            DrawnEdge {
                relation: 0,
                points: vec![pos2(0.0, 0.0), pos2(100.0, 0.0)],
            },
            DrawnEdge {
                relation: 1,
                points: vec![pos2(0.0, 8.0), pos2(100.0, 8.0)],
            },
        ];
        assert_eq!(hovered_edge(&edges, pos2(50.0, 2.0)), Some(0));
        assert_eq!(hovered_edge(&edges, pos2(50.0, 7.0)), Some(1));
        assert_eq!(hovered_edge(&edges, pos2(50.0, 30.0)), None);
        assert_eq!(hovered_edge(&edges, pos2(150.0, 0.0)), None);
    }

    #[test]
    fn relations_between_one_pair_bow_apart() {
        let r = |from: &str, to: &str| Relation {
            from: from.into(),
            to: to.into(),
            ..Relation::default()
        };
        let offsets = edge_offsets(&[
            r("USA", "IRN"),
            r("IRN", "USA"),
            r("USA", "IRN"),
            r("IRQ", "IRN"),
        ]);
        assert!(offsets[3].abs() < 1e-6, "a lone relation is straight");
        let apart = |a: f32, b: f32| (a - b).abs() > 10.0;
        assert!(
            apart(offsets[0], offsets[1])
                && apart(offsets[1], offsets[2])
                && apart(offsets[0], offsets[2])
        );
    }
}
