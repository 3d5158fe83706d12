//! Where nodes and their labels go on screen.
//!
//! Three passes, all deterministic:
//! 1. a node whose true position is outside the map rectangle is pinned to the
//!    rectangle's edge, on the line from the centre towards where it really is;
//! 2. nodes closer than their size allows are pushed apart (small neighbours such
//!    as Bahrain and Qatar stay legible; a leader line shows the true position);
//! 3. each label is placed by the label engine ([`super::labels`]): never
//!    over another label or a node, and always nearer its own node than any
//!    other or joined to it by a leader line; a node it cannot label names
//!    itself on hover.
//!
//! Nodes not shown (actors not in the picture yet on the timeline's day) take
//! no part: [`layout_shown`].
//!
//! Text is measured by a function the caller passes, so this stays free of egui.

use emath::{Pos2, Rect, Vec2, vec2};

use super::grid::FrozenGrid;

/// What the layout needs to know of one node.
#[derive(Clone, Debug)]
pub struct NodeInput {
    /// Screen position of the actor's true (or hand-set) position.
    pub anchor: Pos2,
    /// The label to show, e.g. "Saudi Arabia".
    pub label: String,
    /// A shorter label for tight spots, e.g. "SAU".
    pub short_label: String,
    /// Labelled before the others (the actors a story step is about).
    pub prominent: bool,
}

impl NodeInput {
    /// `actor`'s node at `anchor` on screen, labelled with its name and id
    /// as shown (cut when too long).
    pub fn of(actor: &crate::model::Actor, anchor: Pos2, prominent: bool) -> Self {
        Self {
            anchor,
            label: actor.shown_name().into_owned(),
            short_label: actor.shown_id().into_owned(),
            prominent,
        }
    }
}

/// Where one node and its label ended up.
#[derive(Clone, Debug, PartialEq)]
pub struct NodePlacement {
    /// The true position on screen (may be off the map rectangle).
    pub anchor: Pos2,
    /// Where the node is drawn.
    pub centre: Pos2,
    /// For a node pinned to the map's edge: the unit direction towards its true position.
    pub off_map_direction: Option<Vec2>,
    /// The label's rectangle and text, if one could be placed.
    pub label: Option<PlacedLabel>,
}

impl NodePlacement {
    /// Whether the node was moved away from its true position to keep it legible.
    pub fn is_displaced(&self) -> bool {
        self.off_map_direction.is_none() && (self.centre - self.anchor).length() > 1.0
    }
}

/// A label that was placed.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    pub rect: Rect,
    pub text: String,
    /// A line from the label to its node's glyph, where the label is far
    /// from it or nearer another node.
    pub leader: Option<[Pos2; 2]>,
}

/// Sizes the layout works with, in screen points.
#[derive(Clone, Copy, Debug)]
pub struct LayoutStyle {
    pub node_radius: f32,
    /// Free space kept between two nodes.
    pub node_gap: f32,
    /// Free space between a node and its label.
    pub label_gap: f32,
    /// How far inside the map's edge a pinned node sits (room for its arrow).
    pub edge_inset: f32,
}

/// Places every node and label inside `map_rect`.
pub fn layout(
    nodes: &[NodeInput],
    map_rect: Rect,
    style: LayoutStyle,
    measure: &dyn Fn(&str) -> Vec2,
) -> Vec<NodePlacement> {
    layout_shown(nodes, &[], map_rect, style, measure)
}

/// From this many nodes on, they are laid out in the order of their place
/// on the map (rows of a few node widths, left to right), not their order in
/// the file. Fewer nodes keep the file's order, as they always have.
const SPATIAL_ORDER_FROM: usize = 500;

/// As [`layout`], for the nodes `shown` (all where it is shorter than
/// `nodes`): the others (actors not in the picture yet on the timeline's
/// day) are not drawn, so they push no node aside and keep no label's
/// place; each stays at its anchor, unlabelled.
pub fn layout_shown(
    nodes: &[NodeInput],
    shown: &[bool],
    map_rect: Rect,
    style: LayoutStyle,
    measure: &dyn Fn(&str) -> Vec2,
) -> Vec<NodePlacement> {
    let inner = map_rect.shrink(style.edge_inset.max(style.node_radius));
    let mut placements: Vec<NodePlacement> =
        nodes.iter().map(|n| pin_to_rect(n.anchor, inner)).collect();
    let mut drawn: Vec<usize> = (0..nodes.len())
        .filter(|&i| shown.get(i).copied().unwrap_or(true))
        .collect();
    if drawn.len() >= SPATIAL_ORDER_FROM {
        // Neighbours next to each other in memory: each pass over thousands
        // of nodes then reads the grid's cells in order instead of at random.
        let band = 4.0 * style.node_radius.max(1.0);
        let key = |i: usize| {
            let p = placements[i].centre;
            ((p.y / band).floor() as i64, p.x.to_bits())
        };
        drawn.sort_by_key(|&i| key(i));
    }
    let mut on_map: Vec<NodePlacement> = drawn.iter().map(|&i| placements[i].clone()).collect();
    let inputs: Vec<&NodeInput> = drawn.iter().map(|&i| &nodes[i]).collect();
    separate(&mut on_map, inner, style);
    super::labels::place_labels(&inputs, &mut on_map, map_rect, style, measure);
    for (&i, placement) in drawn.iter().zip(on_map) {
        placements[i] = placement;
    }
    placements
}

fn pin_to_rect(anchor: Pos2, inner: Rect) -> NodePlacement {
    if inner.contains(anchor) || !anchor.x.is_finite() || !anchor.y.is_finite() {
        let centre = if anchor.x.is_finite() && anchor.y.is_finite() {
            anchor
        } else {
            inner.center()
        };
        return NodePlacement {
            anchor,
            centre,
            off_map_direction: None,
            label: None,
        };
    }
    let c = inner.center();
    let d = anchor - c;
    let direction = d.normalized();
    // Shrink the ray until it meets the rectangle's boundary.
    let tx = if d.x.abs() > f32::EPSILON {
        (inner.width() / 2.0) / d.x.abs()
    } else {
        f32::INFINITY
    };
    let ty = if d.y.abs() > f32::EPSILON {
        (inner.height() / 2.0) / d.y.abs()
    } else {
        f32::INFINITY
    };
    let t = tx.min(ty).min(1.0);
    NodePlacement {
        anchor,
        centre: c + d * t,
        off_map_direction: Some(direction),
        label: None,
    }
}

/// Keeps a pinned node on the rectangle's edge, a free node inside it.
fn constrain(p: &mut NodePlacement, inner: Rect) {
    p.centre = p.centre.clamp(inner.min, inner.max);
    if p.off_map_direction.is_some() {
        // Snap to the nearest edge so it stays visibly "at the edge".
        let distances = [
            p.centre.x - inner.left(),
            inner.right() - p.centre.x,
            p.centre.y - inner.top(),
            inner.bottom() - p.centre.y,
        ];
        let nearest = (0..4).min_by(|&a, &b| distances[a].total_cmp(&distances[b]));
        match nearest {
            Some(0) => p.centre.x = inner.left(),
            Some(1) => p.centre.x = inner.right(),
            Some(2) => p.centre.y = inner.top(),
            _ => p.centre.y = inner.bottom(),
        }
    }
}

fn separate(placements: &mut [NodePlacement], inner: Rect, style: LayoutStyle) {
    let min_distance = 2.0 * style.node_radius + style.node_gap;
    let mut near = Vec::new();
    // Where the nodes cannot all fit (thousands on one screen, or those
    // beyond the view crowding its edge), pushing never ends: stop once ten
    // passes in a row found no fewer close pairs than the best pass so far
    // (fewer by 1% at least).
    let mut fewest = usize::MAX;
    let mut stalled = 0;
    // More nodes than the map holds even packed as tightly as circles pack
    // (each needs √3/2 d² of it): no pass can part them all, so stop sooner.
    let packed = placements.len() as f32 * 0.866 * min_distance * min_distance;
    let patience = if packed > inner.area() { 3 } else { 10 };
    for _ in 0..200 {
        // Each pass asks a grid of where the nodes were when it began: a
        // pair too close now lies in the same or a neighbouring cell unless
        // a push this pass moved it, and the next pass finds it. The last
        // pass moves nothing, so its grid is exact and no close pair is left.
        let grid = FrozenGrid::of_rects(
            min_distance,
            inner,
            placements
                .iter()
                .map(|p| Rect::from_min_max(p.centre, p.centre)),
        );
        let mut moved = 0_usize;
        for i in 0..placements.len() {
            near.clear();
            near.extend(
                grid.near(Rect::from_center_size(
                    placements[i].centre,
                    Vec2::splat(2.0 * min_distance),
                ))
                .filter(|&j| j > i),
            );
            // In index order, as a pass over every pair would visit them.
            near.sort_unstable();
            near.dedup();
            for &j in &near {
                let d = placements[j].centre - placements[i].centre;
                if d.length_sq() >= (min_distance - 0.01).powi(2) {
                    continue;
                }
                let distance = d.length();
                let direction = if distance > 1e-3 {
                    d / distance
                } else {
                    // Same spot: split them along a fixed, index-dependent angle.
                    let angle = (i * 7 + j * 3) as f32;
                    vec2(angle.cos(), angle.sin())
                };
                let push = direction * ((min_distance - distance) / 2.0 + 0.05);
                placements[i].centre -= push;
                placements[j].centre += push;
                constrain(&mut placements[i], inner);
                constrain(&mut placements[j], inner);
                moved += 1;
            }
        }
        if moved == 0 {
            break;
        }
        // Progress is a pass with at least 1% fewer pushes than the best so
        // far: thousands of nodes too many for the map improve by less, and
        // would otherwise push for two hundred passes.
        if moved < fewest.saturating_sub(fewest / 100) {
            fewest = moved;
            stalled = 0;
        } else {
            stalled += 1;
            if stalled == patience {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use emath::pos2;

    const STYLE: LayoutStyle = LayoutStyle {
        node_radius: 7.0,
        node_gap: 3.0,
        label_gap: 3.0,
        edge_inset: 12.0,
    };

    fn measure(text: &str) -> Vec2 {
        vec2(7.0 * text.chars().count() as f32, 14.0)
    }

    fn node(x: f32, y: f32, label: &str) -> NodeInput {
        NodeInput {
            anchor: pos2(x, y),
            label: label.to_owned(),
            short_label: label.chars().take(3).collect(),
            prominent: false,
        }
    }

    fn map_rect() -> Rect {
        Rect::from_min_max(pos2(0.0, 0.0), pos2(600.0, 400.0))
    }

    #[test]
    fn an_off_map_node_is_pinned_to_the_edge_facing_its_position() {
        let out = layout(
            &[node(-500.0, 200.0, "United States")],
            map_rect(),
            STYLE,
            &measure,
        );
        let p = &out[0];
        let direction = p.off_map_direction.expect("pinned");
        assert!(direction.x < -0.9, "points west: {direction:?}");
        assert!(
            p.centre.x < 20.0 && map_rect().contains(p.centre),
            "{:?}",
            p.centre
        );
    }

    #[test]
    fn nodes_on_the_same_spot_are_spread_apart() {
        let nodes = [
            node(300.0, 200.0, "Belgium"),
            node(300.0, 200.0, "European Union"),
            node(301.0, 201.0, "Lebanon"),
        ];
        let out = layout(&nodes, map_rect(), STYLE, &measure);
        for a in 0..out.len() {
            for b in (a + 1)..out.len() {
                let d = (out[a].centre - out[b].centre).length();
                assert!(
                    d >= 2.0 * STYLE.node_radius + STYLE.node_gap - 0.1,
                    "{a} and {b} are {d} apart"
                );
            }
        }
        assert!(out.iter().any(NodePlacement::is_displaced));
    }

    #[test]
    fn labels_never_overlap_each_other_or_nodes() {
        // A dense cluster: more labels than fit, so some must fall back or drop.
        let nodes: Vec<NodeInput> = (0..40)
            .map(|i| {
                node(
                    250.0 + (i % 7) as f32 * 12.0,
                    150.0 + (i / 7) as f32 * 12.0,
                    &format!("Country {i}"),
                )
            })
            .collect();
        let out = layout(&nodes, map_rect(), STYLE, &measure);
        let labels: Vec<Rect> = out
            .iter()
            .filter_map(|p| p.label.as_ref().map(|l| l.rect))
            .collect();
        assert!(labels.len() > 10, "only {} labels placed", labels.len());
        for (a, ra) in labels.iter().enumerate() {
            assert!(map_rect().contains_rect(*ra));
            for rb in &labels[a + 1..] {
                assert!(!ra.intersects(*rb), "{ra:?} overlaps {rb:?}");
            }
            for p in &out {
                let n = Rect::from_center_size(p.centre, Vec2::splat(2.0 * STYLE.node_radius));
                assert!(
                    !ra.intersects(n),
                    "label {ra:?} covers a node at {:?}",
                    p.centre
                );
            }
        }
    }

    #[test]
    fn two_thousand_scattered_nodes_end_apart_with_no_label_over_another_or_a_node() {
        // A world map's worth of actors, scattered by a fixed sequence: the
        // grid that finds near neighbours must leave no close pair behind.
        let mut seed = 12_345_u32;
        let mut next = move || {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (seed >> 8) as f32 / (1 << 24) as f32
        };
        let area = Rect::from_min_max(pos2(0.0, 0.0), pos2(1900.0, 1000.0));
        let nodes: Vec<NodeInput> = (0..2_000)
            .map(|i| node(next() * 1900.0, next() * 1000.0, &format!("Actor {i}")))
            .collect();
        let out = layout(&nodes, area, STYLE, &measure);
        let min_distance = 2.0 * STYLE.node_radius + STYLE.node_gap;
        let mut close = 0;
        for a in 0..out.len() {
            for b in (a + 1)..out.len() {
                if (out[a].centre - out[b].centre).length() < min_distance - 0.1 {
                    close += 1;
                }
            }
        }
        assert_eq!(close, 0, "{close} pairs of nodes overlap");
        let labels: Vec<Rect> = out
            .iter()
            .filter_map(|p| p.label.as_ref().map(|l| l.rect))
            .collect();
        assert!(labels.len() > 500, "only {} labels placed", labels.len());
        for (a, ra) in labels.iter().enumerate() {
            assert!(!labels[a + 1..].iter().any(|rb| ra.intersects(*rb)));
            assert!(!out.iter().any(|p| {
                ra.intersects(Rect::from_center_size(
                    p.centre,
                    Vec2::splat(2.0 * STYLE.node_radius),
                ))
            }));
        }
    }

    #[test]
    fn layout_is_deterministic() {
        let nodes: Vec<NodeInput> = (0..25)
            .map(|i| {
                node(
                    200.0 + (i * 37 % 90) as f32,
                    180.0 + (i * 53 % 70) as f32,
                    "Name",
                )
            })
            .collect();
        assert_eq!(
            layout(&nodes, map_rect(), STYLE, &measure),
            layout(&nodes, map_rect(), STYLE, &measure)
        );
    }

    #[test]
    fn a_lone_node_keeps_its_position_and_gets_its_full_label() {
        let out = layout(&[node(100.0, 100.0, "Norway")], map_rect(), STYLE, &measure);
        assert_eq!(out[0].centre, pos2(100.0, 100.0));
        assert_eq!(
            out[0].label.as_ref().map(|l| l.text.as_str()),
            Some("Norway")
        );
    }
}
