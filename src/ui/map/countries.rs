//! The map's countries: land tinted by the stance of the state it belongs
//! to, and the borders, at the detail the zoom shows and only what is in
//! view. `map_view` caches the result as a layer; the export draws it as
//! vector shapes.

use std::collections::HashMap;

use egui::{Color32, Mesh, Pos2, Rect, Shape, Stroke};

use crate::theme::{self, MapLook, map as colours};
use coalition_core::geo::basemap::Basemap;
use coalition_core::geo::outline::{Runs, clip_ring, simplified, visible_runs};
use coalition_core::geo::projection::{MapTransform, WorldPos};
use coalition_core::model::{ActorKind, Scenario};

/// The colour of each state's country by ISO code: land tinted with its stance.
pub type CountryFills = HashMap<String, Color32>;

/// The fills of the countries whose state is an actor.
pub fn country_fills(scenario: &Scenario, look: MapLook) -> CountryFills {
    let tints: Vec<Color32> = (0..scenario.stance_scale.len())
        .map(|rank| theme::country_tint(theme::stance_colour_for(look.palette(), scenario, rank)))
        .collect();
    scenario
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::State)
        .filter_map(|a| {
            let (rank, _) = scenario.stance(&a.stance)?;
            Some((a.id.clone(), *tints.get(rank)?))
        })
        .collect()
}

/// The countries in a window of the map, in screen points: their fills,
/// and their borders as lines still to be drawn.
#[derive(Clone, Debug, Default)]
pub struct Countries {
    /// Every country's land, tinted; filled to the window.
    pub fills: Mesh,
    /// Border lines: whole rings, or the parts of them near the window.
    pub borders: Vec<Border>,
    pub border_stroke: Stroke,
    /// Which vertices of `fills` belong to which country, so the layer can be
    /// tinted again without being built again.
    pub spans: Vec<FillSpan>,
}

/// The vertices of one country's fill in a mesh.
#[derive(Clone, Debug, PartialEq)]
pub struct FillSpan {
    pub iso_a3: Option<String>,
    pub vertices: std::ops::Range<usize>,
}

/// Tints the fills of a mesh built from [`Countries::in_window`] again, for
/// `tints`: the fills start at vertex `offset` of `mesh`.
pub fn retint(mesh: &mut Mesh, offset: usize, spans: &[FillSpan], tints: &CountryFills) {
    for span in spans {
        let fill = span
            .iso_a3
            .as_deref()
            .and_then(|iso| tints.get(iso).copied())
            .unwrap_or(colours::LAND);
        let range = span.vertices.start + offset..span.vertices.end + offset;
        if let Some(vertices) = mesh.vertices.get_mut(range) {
            for vertex in vertices {
                vertex.color = fill;
            }
        }
    }
}

/// One border line.
#[derive(Clone, Debug, PartialEq)]
pub struct Border {
    pub points: Vec<Pos2>,
    /// A whole ring (closed), or a part of one.
    pub closed: bool,
}

impl Countries {
    /// The countries of `basemap` inside `window` (Mercator units) as `t`
    /// shows them, tinted for `scenario`.
    pub fn in_window(
        scenario: &Scenario,
        basemap: &Basemap,
        t: &MapTransform,
        look: MapLook,
        (view_min, view_max): (WorldPos, WorldPos),
    ) -> Self {
        let tints = country_fills(scenario, look);
        // The window on screen, a little larger so no clipped edge shows.
        let clip = Rect::from_two_pos(t.screen_from_world(view_min), t.screen_from_world(view_max))
            .expand(4.0);
        let visible = |lo: WorldPos, hi: WorldPos| {
            hi.x >= view_min.x && lo.x <= view_max.x && hi.y >= view_min.y && lo.y <= view_max.y
        };

        let mut fills = Mesh::default();
        let mut borders = Vec::new();
        let mut spans = Vec::new();
        for country in basemap
            .countries
            .iter()
            .filter(|c| visible(c.bounds.0, c.bounds.1))
        {
            let fill = country
                .iso_a3
                .as_deref()
                .and_then(|iso| tints.get(iso).copied())
                .unwrap_or(colours::LAND);
            let first = fills.vertices.len();
            for polygon in &country.polygons {
                // Outer ring, then holes; at the detail this zoom shows.
                // An island smaller than a pixel is not drawn, nor are its holes.
                let rings: Vec<Vec<Pos2>> = country.rings[polygon.clone()]
                    .iter()
                    .map(|ring| {
                        simplified(
                            country.points[ring.clone()]
                                .iter()
                                .map(|p| t.screen_from_world(*p)),
                        )
                    })
                    .enumerate()
                    .take_while(|(r, ring)| *r > 0 || ring.len() >= 3)
                    .filter(|(_, ring)| ring.len() >= 3)
                    .map(|(_, ring)| ring)
                    .collect();
                // Only what lies in the window is filled and bordered.
                let clipped: Vec<Vec<Pos2>> = rings
                    .iter()
                    .map(|ring| clip_ring(ring, clip))
                    .enumerate()
                    .take_while(|(r, ring)| *r > 0 || ring.len() >= 3)
                    .filter(|(_, ring)| ring.len() >= 3)
                    .map(|(_, ring)| ring)
                    .collect();
                fill_polygon(&mut fills, &clipped, fill);
                for ring in rings {
                    match visible_runs(&ring, clip) {
                        Runs::Whole => borders.push(Border {
                            points: ring,
                            closed: true,
                        }),
                        Runs::Parts(parts) => {
                            borders.extend(parts.into_iter().map(|points| Border {
                                points,
                                closed: false,
                            }));
                        }
                    }
                }
            }
            spans.push(FillSpan {
                iso_a3: country.iso_a3.clone(),
                vertices: first..fills.vertices.len(),
            });
        }
        Self {
            fills,
            borders,
            border_stroke: Stroke::new(look.border_width(), colours::BORDER),
            spans,
        }
    }

    /// As egui shapes: the fills, then every border as a line.
    pub fn into_shapes(self, out: &mut Vec<Shape>) {
        let stroke = self.border_stroke;
        out.push(Shape::mesh(self.fills));
        out.extend(self.borders.into_iter().map(|border| {
            if border.closed {
                Shape::closed_line(border.points, stroke)
            } else {
                Shape::line(border.points, stroke)
            }
        }));
    }
}

/// Fills a polygon (outer ring first, then holes) into `mesh`.
fn fill_polygon(mesh: &mut Mesh, rings: &[Vec<Pos2>], fill: Color32) {
    let mut flat = Vec::with_capacity(rings.iter().map(|r| 2 * r.len()).sum());
    let mut hole_starts = Vec::new();
    for (r, ring) in rings.iter().enumerate() {
        if r > 0 {
            hole_starts.push(flat.len() / 2);
        }
        flat.extend(ring.iter().flat_map(|p| [f64::from(p.x), f64::from(p.y)]));
    }
    let Ok(triangles) = earcutr::earcut(&flat, &hole_starts, 2) else {
        return;
    };
    let first = mesh.vertices.len() as u32;
    for ring in rings {
        for p in ring {
            mesh.colored_vertex(*p, fill);
        }
    }
    for tri in triangles.chunks_exact(3) {
        mesh.add_triangle(
            first + tri[0] as u32,
            first + tri[1] as u32,
            first + tri[2] as u32,
        );
    }
}

/// `base` with `amount` of `over` mixed in.
#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Vec2, vec2};

    /// The countries for Paris 2014's region in `size`, and how many
    /// outline points the countries in view have.
    fn paris_countries(size: Vec2) -> (Countries, usize) {
        let scenario = coalition_core::io::paris_2014().expect("the built-in scenario");
        let basemap = Basemap::embedded().expect("outlines");
        let rect = Rect::from_min_size(Pos2::ZERO, size);
        let t = MapTransform::fit(scenario.map, rect, 0.0);
        let window @ (lo, hi) = (
            t.world_from_screen(rect.left_bottom()),
            t.world_from_screen(rect.right_top()),
        );
        let countries = Countries::in_window(&scenario, &basemap, &t, MapLook::SCREEN, window);
        let outline_points = basemap
            .countries
            .iter()
            .filter(|c| {
                c.bounds.1.x >= lo.x
                    && c.bounds.0.x <= hi.x
                    && c.bounds.1.y >= lo.y
                    && c.bounds.0.y <= hi.y
            })
            .map(|c| c.points.len())
            .sum();
        (countries, outline_points)
    }

    fn filled_area(mesh: &Mesh) -> f32 {
        mesh.indices
            .chunks_exact(3)
            .map(|t| {
                let [a, b, c] = [0, 1, 2].map(|k| mesh.vertices[t[k] as usize].pos);
                ((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() / 2.0
            })
            .sum()
    }

    #[test]
    fn countries_fill_at_the_detail_the_zoom_shows_and_cover_the_same_land() {
        let (small, outline_points) = paris_countries(vec2(520.0, 740.0));
        let borders = small.borders.len();
        assert!(borders > 50, "{borders} borders");
        // Points closer than a pixel are dropped before filling: far fewer
        // triangles than the outlines have points.
        assert!(
            small.fills.indices.len() / 3 < outline_points * 3 / 4,
            "{} triangles for {outline_points} outline points",
            small.fills.indices.len() / 3
        );
        // Filled at four times the size, the land covers the same share of
        // the map to within a percent: nothing was lost to the simplification.
        let (large, _) = paris_countries(vec2(2080.0, 2960.0));
        let share = |mesh: &Mesh, size: Vec2| filled_area(mesh) / (size.x * size.y);
        let (a, b) = (
            share(&small.fills, vec2(520.0, 740.0)),
            share(&large.fills, vec2(2080.0, 2960.0)),
        );
        assert!(a > 0.3 && (a - b).abs() < 0.01, "{a} vs {b}");
    }

    #[test]
    fn as_shapes_the_fills_come_first_then_a_line_per_border() {
        let (countries, _) = paris_countries(vec2(520.0, 740.0));
        let borders = countries.borders.clone();
        let mut shapes = Vec::new();
        countries.into_shapes(&mut shapes);
        assert!(matches!(shapes.first(), Some(Shape::Mesh(_))));
        assert_eq!(shapes.len(), borders.len() + 1);
        assert!(borders.iter().any(|b| b.closed) && borders.iter().any(|b| !b.closed));
        for (shape, border) in shapes[1..].iter().zip(&borders) {
            let Shape::Path(path) = shape else {
                panic!("a border is a line");
            };
            assert_eq!(path.closed, border.closed);
            assert_eq!(path.points, border.points);
        }
    }
}
