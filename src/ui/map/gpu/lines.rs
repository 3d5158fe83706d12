//! Lines the map's picture draws its own way, for fewer vertices than
//! egui's: thin borders feathered in the shader ([`add_feathered_line`]),
//! and wide edges stroked and cut into dashes in it ([`add_stroked_line`]).
//! Each puts egui's outer edges where egui's tessellator would.

use egui::{Color32, Mesh, Pos2, Stroke, Vec2, pos2};

use crate::ui::map::line_style;
use coalition_core::model::LineStyle;

/// How wide (in points) the feathering is with which [`add_feathered_line`]
/// can draw a line `width` points wide just as egui's tessellator would, if
/// it can: egui draws a line thinner than its feathering (one pixel) as a
/// ridge two pixels wide whose middle is as opaque as the line is thin, and
/// that is the case drawn here. `None` when egui draws it otherwise.
pub fn thin_line_feathering(ctx: &egui::Context, width: f32) -> Option<f32> {
    let feathering = feathering(ctx)?;
    // egui's own test, in points.
    (width <= 0.9 * feathering).then_some(feathering)
}

/// How wide (in points) egui feathers the edges of what it draws: one
/// pixel, unless anti-aliasing is off (`None`, as egui treats a width of 0).
pub fn feathering(ctx: &egui::Context) -> Option<f32> {
    let pixels = ctx.tessellation_options(|o| {
        (o.feathering && o.feathering_size_in_pixels > 0.0).then_some(o.feathering_size_in_pixels)
    })?;
    Some(pixels / ctx.pixels_per_point())
}

/// Whether [`add_stroked_line`] draws a line `width` points wide: one wider
/// than the feathering, which egui draws with a solid core and a feathered
/// fringe either side. egui draws the rest (down to 0.9 feathering the
/// same way, then as a thin ridge).
pub fn strokes_in_shader(width: f32, feathering: f32) -> bool {
    width > feathering
}

/// `uv.x` of a stroked line's vertices is ± (`LINE_CODE` × its kind + r):
/// kind 1 solid, 2 dashed, 3 dotted; r is the outer half-width in
/// feathering widths. Fills have `uv` (0, 0) and thin lines ±1, so a value
/// this large marks a stroked line. Must match `LINE` in `layers.wgsl`.
const LINE_CODE: f32 = 1000.0;

/// Adds a line wider than `feathering` (see [`strokes_in_shader`]) to
/// `mesh`, for this picture's shader only, broken into dashes or dots as
/// `style` says (the patterns are [`line_style::look`]'s). egui draws a dashed line as a separate line per
/// dash, 8 vertices and 10 triangles each; a dotted edge across the world
/// map is a hundred dots. Here the whole line is two vertices per point,
/// either side of it where egui's outer fringe is, and the shader fades its
/// edges and cuts the dashes: `uv` is (± the line's code, distance along the
/// line in points). At either end the line runs on one feathering, fading
/// out, as egui's line caps do; there the distance along it stays as it is
/// at the end (or in the middle of a gap, if a dash would begin just past
/// it).
pub fn add_stroked_line(
    mesh: &mut Mesh,
    points: &[Pos2],
    stroke: Stroke,
    style: LineStyle,
    feathering: f32,
) {
    if points.len() < 2 || stroke.is_empty() {
        return;
    }
    let outer = 0.5 * (stroke.width + feathering);
    let code = LINE_CODE * (style.index() + 1) as f32 + outer / feathering;
    debug_assert!(outer / feathering < LINE_CODE, "a line {outer} wide");
    let path = line_normals(points, false);
    let first = mesh.vertices.len() as u32;
    let mut pair = |p: Pos2, normal: Vec2, along: f32, color: Color32| {
        for side in [1.0, -1.0] {
            mesh.vertices.push(egui::epaint::Vertex {
                pos: p + side * outer * normal,
                uv: pos2(side * code, along),
                color,
            });
        }
    };
    let (start, end) = (points[0], points[points.len() - 1]);
    let ahead = |a: Pos2, b: Pos2| (b - a).normalized() * feathering;
    // The ends run on with the distance along the line held, so a dash
    // cut by an end fades out, and none begins past it.
    pair(
        start - ahead(start, points[1]),
        path[0].1,
        0.0,
        Color32::TRANSPARENT,
    );
    let (last, end_normal) = path[path.len() - 1];
    let mut along = 0.0;
    let mut previous = start;
    for &(p, normal) in &path[..path.len() - 1] {
        along += (p - previous).length();
        previous = p;
        pair(p, normal, along, stroke.color);
    }
    let last_segment = (last - previous).length();
    let length = along + last_segment;
    // A line that ends within a feathering before its next dash would
    // begin: the shader would fade that dash in, where egui draws none. From
    // there on the distance along is held in the middle of the gap.
    let pattern = line_style::look(style).pattern(stroke.width);
    let held = pattern.and_then(|[dash, gap]| {
        let period = dash + gap;
        let phase = length.rem_euclid(period);
        let lead_in = phase - (period - feathering);
        (lead_in > 0.0 && lead_in < last_segment && gap > 2.0 * feathering)
            .then_some((lead_in, length - phase + dash + 0.5 * gap))
    });
    let end_along = match held {
        Some((lead_in, middle_of_gap)) => {
            let cut = last - (last - previous).normalized() * lead_in;
            pair(cut, end_normal, length - lead_in, stroke.color);
            pair(cut, end_normal, middle_of_gap, stroke.color);
            middle_of_gap
        }
        None => length,
    };
    pair(last, end_normal, end_along, stroke.color);
    pair(
        end + ahead(points[points.len() - 2], end),
        end_normal,
        end_along,
        Color32::TRANSPARENT,
    );
    let pairs = (mesh.vertices.len() as u32 - first) / 2;
    for k in 0..pairs - 1 {
        let (a, b) = (first + 2 * k, first + 2 * (k + 1));
        mesh.add_triangle(a, a + 1, b);
        mesh.add_triangle(a + 1, b, b + 1);
    }
}

/// Adds a line `stroke.width` thin to `mesh` as egui's tessellator draws it
/// with `feathering` (see [`thin_line_feathering`]), for this picture's
/// shader only: two vertices per point, either side of the line, and two
/// triangles per segment, where egui has three and four. Each vertex's `uv`
/// is (±1, 1): the shader fades the colour from the middle to the edges,
/// which egui does with a third vertex in the middle. Corners are joined as
/// egui joins them, and a mitred vertex lies one feathering from both of its
/// segments' lines, so along every segment the fade is egui's exactly; only
/// where a line turns so sharply that its corners overlap do they blend a
/// little differently.
pub fn add_feathered_line(
    mesh: &mut Mesh,
    points: &[Pos2],
    closed: bool,
    stroke: Stroke,
    feathering: f32,
) {
    if points.len() < 2 || stroke.is_empty() {
        return;
    }
    let colour = stroke.color.gamma_multiply(stroke.width / feathering);
    let first = mesh.vertices.len() as u32;
    let path = line_normals(points, closed);
    for &(p, normal) in &path {
        for side in [1.0, -1.0] {
            mesh.vertices.push(egui::epaint::Vertex {
                pos: p + side * feathering * normal,
                uv: pos2(side, 1.0),
                color: colour,
            });
        }
    }
    let n = path.len() as u32;
    let segments = if closed { n } else { n - 1 };
    for s in 0..segments {
        let (a, b) = (first + 2 * s, first + 2 * ((s + 1) % n));
        mesh.add_triangle(a, a + 1, b);
        mesh.add_triangle(a + 1, b, b + 1);
    }
}

/// Each point of a line with the normal egui's `Path` gives it: the mean of
/// the neighbouring segments' normals, lengthened to a mitre, or, on an open
/// line, two points for a corner sharper than a right angle. (Where a line
/// turns straight back egui has no usable normal; here the first segment's
/// is kept.)
fn line_normals(points: &[Pos2], closed: bool) -> Vec<(Pos2, Vec2)> {
    let n = points.len();
    let normal = |a: Pos2, b: Pos2| (b - a).normalized().rot90();
    if !closed && n == 2 {
        let along = normal(points[0], points[1]);
        return vec![(points[0], along), (points[1], along)];
    }
    let mut out = Vec::with_capacity(n + 2);
    let inner = if closed { 0..n } else { 1..n - 1 };
    if !closed {
        out.push((points[0], normal(points[0], points[1])));
    }
    for i in inner {
        let prev = points[(i + n - 1) % n];
        let next = points[(i + 1) % n];
        let (mut n0, mut n1) = (normal(prev, points[i]), normal(points[i], next));
        // Repeated points, as egui handles them.
        if n0 == Vec2::ZERO {
            n0 = n1;
        } else if n1 == Vec2::ZERO {
            n1 = n0;
        }
        let mean = (n0 + n1) * 0.5;
        let length_sq = mean.length_sq();
        if length_sq < 1e-6 {
            // The line turns straight back: no mitre exists.
            out.push((points[i], n0));
        } else if !closed && length_sq < 0.5 {
            let centre = mean.normalized();
            let (c0, c1) = ((n0 + centre) * 0.5, (n1 + centre) * 0.5);
            out.push((points[i], c0 / c0.length_sq()));
            out.push((points[i], c1 / c1.length_sq()));
        } else {
            out.push((points[i], mean / length_sq));
        }
    }
    if !closed {
        out.push((points[n - 1], normal(points[n - 2], points[n - 1])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Shape;

    /// egui's own mesh for `points`: three vertices per point (outer,
    /// middle, inner) for a thin line.
    fn egui_line(points: &[Pos2], closed: bool, stroke: Stroke, feathering: f32) -> Mesh {
        let shape = if closed {
            Shape::closed_line(points.to_vec(), stroke)
        } else {
            Shape::line(points.to_vec(), stroke)
        };
        let options = egui::epaint::TessellationOptions {
            feathering_size_in_pixels: feathering,
            ..Default::default()
        };
        let mut mesh = Mesh::default();
        egui::epaint::Tessellator::new(1.0, options, [1, 1], vec![])
            .tessellate_shape(shape, &mut mesh);
        mesh
    }

    #[test]
    fn a_stroked_line_has_egui_s_outer_edges_and_its_length_along_it() {
        let stroke = Stroke::new(2.5, Color32::from_rgb(30, 90, 160));
        let feathering = 1.0;
        // A bowed line, and one with a corner sharper than a right angle.
        let bowed = [
            pos2(0.0, 0.0),
            pos2(20.0, 6.0),
            pos2(40.0, 8.0),
            pos2(60.0, 6.0),
            pos2(80.0, 0.0),
        ];
        let sharp = [pos2(0.0, 0.0), pos2(50.0, 0.0), pos2(10.0, 8.0)];
        for points in [&bowed[..], &sharp[..]] {
            let theirs = egui_line(points, false, stroke, feathering);
            let mut ours = Mesh::default();
            add_stroked_line(&mut ours, points, stroke, LineStyle::Solid, feathering);
            // egui: four vertices per point (outer, inner, inner, outer).
            let path_points = theirs.vertices.len() / 4;
            assert_eq!(ours.vertices.len(), 2 * (path_points + 2));
            assert_eq!(ours.indices.len(), 3 * 2 * (path_points + 1));
            let code = LINE_CODE + (0.5 * (stroke.width + feathering)) / feathering;
            let pairs: Vec<_> = ours.vertices.chunks_exact(2).collect();
            let quads: Vec<_> = theirs.vertices.chunks_exact(4).collect();
            let mut along = 0.0;
            for k in 0..path_points {
                let (pair, quad) = (pairs[k + 1], quads[k]);
                assert_eq!((pair[0].color, pair[1].color), (stroke.color, stroke.color));
                assert!((pair[0].uv.x - code).abs() < 1e-3, "point {k}");
                assert!((pair[1].uv.x + code).abs() < 1e-3, "point {k}");
                // egui's inner vertices lie either side of the point.
                let centre = |q: &[egui::epaint::Vertex]| q[1].pos.lerp(q[2].pos, 0.5);
                if k > 0 {
                    along += centre(quad).distance(centre(quads[k - 1]));
                }
                assert!(
                    (pair[0].uv.y - along).abs() < 1e-3,
                    "point {k}: {}",
                    pair[0].uv.y
                );
                // Where egui's line caps are not: its outer vertices.
                if k > 0 && k + 1 < path_points {
                    assert!(pair[0].pos.distance(quad[0].pos) < 1e-4, "point {k}");
                    assert!(pair[1].pos.distance(quad[3].pos) < 1e-4, "point {k}");
                }
            }
            // Either end runs on one feathering, fading out.
            let (start, end) = (pairs[0], pairs[pairs.len() - 1]);
            for v in start.iter().chain(end) {
                assert_eq!(v.color, Color32::TRANSPARENT);
            }
            assert!(start[0].uv.y.abs() < 1e-6);
            assert!((end[0].uv.y - along).abs() < 1e-3);
            let back = (points[0] - points[1]).normalized() * feathering;
            assert!(start[0].pos.distance(pairs[1][0].pos + back) < 1e-4);
            let n = points.len();
            let on = (points[n - 1] - points[n - 2]).normalized() * feathering;
            assert!(end[1].pos.distance(pairs[pairs.len() - 2][1].pos + on) < 1e-4);
        }
    }

    #[test]
    fn a_dashed_line_that_ends_just_before_a_dash_fades_none_in() {
        let stroke = Stroke::new(1.6, Color32::DARK_BLUE);
        let [dash, gap] = line_style::look(LineStyle::Dashed)
            .pattern(stroke.width)
            .expect("dashed");
        let period = dash + gap;
        let line_along = |length: f32| {
            let mut mesh = Mesh::default();
            let points = [pos2(0.0, 0.0), pos2(length, 0.0)];
            add_stroked_line(&mut mesh, &points, stroke, LineStyle::Dashed, 1.0);
            mesh.vertices.iter().map(|v| v.uv.y).collect::<Vec<_>>()
        };
        // Ends in a dash: the distance along runs to the end and is held.
        let length = 3.0 * period + 2.0;
        assert_eq!(
            line_along(length),
            [0.0, 0.0, 0.0, 0.0, length, length, length, length]
        );
        // Ends half a feathering before the fourth dash: the fade-in would
        // begin half a feathering before the end; from there the distance
        // is held in the middle of the third gap.
        let length = 4.0 * period - 0.5;
        let held = 3.0 * period + dash + 0.5 * gap;
        let along = line_along(length);
        assert_eq!(along.len(), 12);
        assert!(
            along[4..6]
                .iter()
                .all(|a| (a - (length - 0.5)).abs() < 1e-4)
        );
        assert!(along[6..].iter().all(|a| (a - held).abs() < 1e-4));
    }

    #[test]
    fn a_dashed_or_dotted_line_is_one_strip_however_many_dashes_it_has() {
        let points = [pos2(0.0, 0.0), pos2(300.0, 40.0)];
        let stroke = Stroke::new(1.6, Color32::DARK_GREEN);
        let [dash, gap] = line_style::look(LineStyle::Dashed)
            .pattern(stroke.width)
            .expect("dashed");
        let mut dashes = Vec::new();
        dashes.extend(Shape::dashed_line(&points, stroke, dash, gap));
        let options = egui::epaint::TessellationOptions::default();
        let mut theirs = Mesh::default();
        let mut tessellator = egui::epaint::Tessellator::new(1.0, options, [1, 1], vec![]);
        for shape in dashes {
            tessellator.tessellate_shape(shape, &mut theirs);
        }
        let mut ours = Mesh::default();
        add_stroked_line(&mut ours, &points, stroke, LineStyle::Dashed, 1.0);
        assert_eq!(ours.vertices.len(), 8);
        assert!(
            theirs.vertices.len() > 200,
            "egui: {} vertices",
            theirs.vertices.len()
        );
        // Dotted lines are marked as such, solid ones too.
        for (style, kind) in [(LineStyle::Solid, 1.0), (LineStyle::Dotted, 3.0)] {
            let mut mesh = Mesh::default();
            add_stroked_line(&mut mesh, &points, stroke, style, 1.0);
            let code = mesh.vertices[2].uv.x;
            assert!(((code / LINE_CODE).floor() - kind).abs() < 0.5, "{style:?}");
        }
        let shader = include_str!("layers.wgsl");
        assert!(shader.contains(&format!("const LINE: f32 = {LINE_CODE:.1};")));
        assert!(
            shader.contains(&format!(
                "const LINE_STYLES: u32 = {}u;",
                LineStyle::ALL.len()
            )),
            "layers.wgsl's LINE_STYLES is the number of line styles"
        );
    }

    #[test]
    fn a_feathered_line_has_egui_s_edges_and_colour_with_two_vertices_per_point() {
        let stroke = Stroke::new(0.6, Color32::from_rgb(90, 80, 70));
        let feathering = 1.0;
        // A ring with gentle and sharp turns, and an open line with a
        // corner sharper than a right angle (egui cuts it: two points).
        let ring = [
            pos2(0.0, 0.0),
            pos2(30.0, 2.0),
            pos2(55.0, 20.0),
            pos2(40.0, 60.0),
            pos2(35.0, 10.0),
            pos2(5.0, 40.0),
        ];
        let open = [
            pos2(0.0, 0.0),
            pos2(50.0, 0.0),
            pos2(10.0, 8.0),
            pos2(30.0, 40.0),
        ];
        for (points, closed) in [(&ring[..], true), (&open[..], false)] {
            let theirs = egui_line(points, closed, stroke, feathering);
            let mut ours = Mesh::default();
            add_feathered_line(&mut ours, points, closed, stroke, feathering);
            let path_points = theirs.vertices.len() / 3;
            assert_eq!(ours.vertices.len(), 2 * path_points, "closed: {closed}");
            let segments = if closed { path_points } else { path_points - 1 };
            assert_eq!(ours.indices.len(), 3 * 2 * segments);
            assert_eq!(theirs.indices.len(), 3 * 4 * segments);
            for (k, (pair, triple)) in ours
                .vertices
                .chunks_exact(2)
                .zip(theirs.vertices.chunks_exact(3))
                .enumerate()
            {
                // Our two vertices are egui's outer two; egui's middle one
                // carries the colour ours fade from.
                let (outer, middle, inner) = (triple[0], triple[1], triple[2]);
                assert!(pair[0].pos.distance(outer.pos) < 1e-4, "point {k}");
                assert!(pair[1].pos.distance(inner.pos) < 1e-4, "point {k}");
                assert_eq!(outer.color, Color32::TRANSPARENT);
                assert_eq!((pair[0].color, pair[1].color), (middle.color, middle.color));
                assert_eq!((pair[0].uv, pair[1].uv), (pos2(1.0, 1.0), pos2(-1.0, 1.0)));
            }
        }
    }

    #[test]
    fn only_lines_thinner_than_the_feathering_are_feathered_here() {
        let ctx = egui::Context::default();
        assert_eq!(thin_line_feathering(&ctx, 0.6), Some(1.0));
        assert_eq!(thin_line_feathering(&ctx, 1.2), None);
        ctx.set_pixels_per_point(2.0);
        // It takes effect with the next frame.
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        assert_eq!(thin_line_feathering(&ctx, 0.4), Some(0.5));
        assert_eq!(thin_line_feathering(&ctx, 0.6), None);
        ctx.tessellation_options_mut(|o| o.feathering = false);
        assert_eq!(thin_line_feathering(&ctx, 0.4), None);
    }
}
