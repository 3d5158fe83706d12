//! What the map remembers between frames ([`MapState`]): its view, the
//! pending zoom and pan, and the caches that keep a frame cheap: the label
//! layout for a view, and the countries and edges tessellated once and moved
//! with a pan (or scaled during a zoom gesture) until something they depend
//! on changes.

use std::sync::Arc;

use egui::emath::TSTransform;
use egui::{Id, Mesh, Rect, Vec2, vec2};

use super::countries::{CountryFills, FillSpan, retint};
use super::edges::DrawnEdge;
use super::{MapOptions, MapView, gpu};
use crate::theme::{MapLook, size};
use coalition_core::Document;
use coalition_core::geo::layout::NodePlacement;
use coalition_core::geo::projection::{MapTransform, WorldPos};
use coalition_core::model::Scenario;

/// How long (seconds) after the last step of a zoom gesture (wheel, pinch)
/// the map is drawn again at its new scale. Until then the layers and the
/// layout drawn before are scaled to it: a gesture is many small steps, one a
/// frame, and drawing a large scenario again takes several frames' time.
pub const ZOOM_SETTLES_AFTER: f64 = 0.25;

/// What the map remembers between frames.
#[derive(Debug, Default)]
pub struct MapState {
    pub transform: Option<MapTransform>,
    /// The user panned or zoomed: keep their view when the window resizes.
    pub(super) user_moved: bool,
    pub(super) fit_requested: bool,
    pub(super) pending_zoom: Option<f64>,
    pub(super) pending_pan: Vec2,
    /// Until when (egui time) a zoom gesture holds the drawing: see
    /// [`ZOOM_SETTLES_AFTER`].
    pub(super) zoom_held_until: f64,
    /// The canvas widget's id.
    pub canvas_id: Option<Id>,
    /// Whether the canvas or one of its nodes had keyboard focus last frame,
    /// so map keys (arrows, +, -, Home) act on the map.
    pub has_focus: bool,
    /// Where every actor was drawn last frame, by actor id.
    pub placements: Vec<(String, NodePlacement)>,
    /// The radius the nodes were drawn with last frame (a projector's
    /// look, fitted to how many nodes there are: [`crate::theme::MapLook::fitted`]).
    pub node_radius: f32,
    /// Indices of the relations drawn last frame.
    pub drawn_relations: Vec<usize>,
    /// The label layout and the view it was computed for.
    pub(super) layout: Option<LayoutCache>,
    /// The countries, tessellated for a view, with what it takes to tint
    /// them again.
    pub(super) countries: LayerCache<CountryLayer>,
    /// The relation edges, tessellated for a layout; each as drawn, and the
    /// feathering their lines were stroked with for the picture.
    pub(super) edges: LayerCache<(Arc<Vec<DrawnEdge>>, f32)>,
    /// With wgpu: the cached layers rendered into one texture, drawn each
    /// frame as one rectangle ([`map_gpu`]). Without it (set when the app
    /// starts) they are copied into each frame as plain egui meshes.
    pub picture: Option<gpu::MapPicture>,
}

/// Where the nodes and labels go, computed for one view: redone only when
/// the view, the window or the actors' positions and names change. While the
/// map is dragged it moves with the map and is redone when the drag ends.
#[derive(Debug)]
pub(super) struct LayoutCache {
    pub(super) transform: MapTransform,
    pub(super) fingerprint: u64,
    /// Counts layouts, so the edges know when theirs changed.
    pub(super) generation: u64,
    pub(super) placements: Vec<NodePlacement>,
}

/// A part of the map's background tessellated once, with what it depends
/// on hashed into `key`. A view that differs only by a pan reuses it, moved.
#[derive(Debug)]
pub(super) struct LayerCache<T> {
    pub(super) built: Option<BuiltLayer<T>>,
}

impl<T> Default for LayerCache<T> {
    fn default() -> Self {
        Self { built: None }
    }
}

#[derive(Debug)]
pub(super) struct BuiltLayer<T> {
    pub(super) key: u64,
    pub(super) built_for: MapTransform,
    /// The part of the world it covers, if it was cut to a window.
    pub(super) window: Option<WorldWindow>,
    pub(super) mesh: Arc<Mesh>,
    pub(super) extra: T,
}

impl<T> LayerCache<T> {
    /// The part of the world the layer was built for, if it was cut to one.
    pub(super) fn window(&self) -> Option<WorldWindow> {
        self.built.as_ref().and_then(|b| b.window)
    }
}

/// What the countries' layer keeps besides its mesh: where each country's
/// fill lies in it, and the tints it has.
#[derive(Clone, Debug, Default)]
pub(super) struct CountryLayer {
    pub(super) spans: Arc<Vec<FillSpan>>,
    /// Where the fills start in the mesh (after the sea, for plain meshes).
    pub(super) offset: usize,
    /// The key of the stances it is tinted for.
    pub(super) tints: u64,
}

impl LayerCache<CountryLayer> {
    /// Tints the layer built last for `fills`, keyed `tints`; returns its
    /// mesh (a new one if it was shared, as with the map's picture, which
    /// then draws it again).
    pub(super) fn retint(&mut self, tints: u64, fills: &CountryFills) -> Option<Arc<Mesh>> {
        let built = self.built.as_mut()?;
        let layer = &mut built.extra;
        retint(
            Arc::make_mut(&mut built.mesh),
            layer.offset,
            &layer.spans,
            fills,
        );
        layer.tints = tints;
        Some(built.mesh.clone())
    }
}

/// A rectangle of the world: lower-left and upper-right corners.
pub(super) type WorldWindow = (WorldPos, WorldPos);

impl<T: Clone> LayerCache<T> {
    /// The layer for `key` in `transform`'s view and where to put it: the
    /// mesh built earlier if nothing it depends on changed and (for a layer
    /// cut to a window) it still covers the view, or whatever its view if
    /// `held` (a zoom gesture); else `build`'s, for the view widened by
    /// `margin` view sizes on each side.
    pub(super) fn refresh(
        &mut self,
        key: u64,
        transform: &MapTransform,
        margin: Option<f64>,
        held: bool,
        build: impl FnOnce(WorldWindow) -> (Mesh, T),
    ) -> (Arc<Mesh>, TSTransform, T) {
        let view = view_window(transform, 0.0);
        let usable = self.built.as_ref().is_some_and(|b| {
            b.key == key
                && (held
                    || b.built_for.points_per_unit.to_bits() == transform.points_per_unit.to_bits()
                        && b.window.is_none_or(|w| window_covers(w, view)))
        });
        if !usable {
            let window = view_window(transform, margin.unwrap_or(0.0));
            let (mesh, extra) = build(window);
            self.built = Some(BuiltLayer {
                key,
                built_for: *transform,
                window: margin.map(|_| window),
                mesh: Arc::new(mesh),
                extra,
            });
        }
        match &self.built {
            Some(b) => (
                b.mesh.clone(),
                view_change(&b.built_for, transform),
                b.extra.clone(),
            ),
            None => unreachable!("built above"),
        }
    }
}

/// The world seen through `t`, widened by `margin` view sizes on each side.
pub(super) fn view_window(t: &MapTransform, margin: f64) -> WorldWindow {
    let lo = t.world_from_screen(t.screen_rect.left_bottom());
    let hi = t.world_from_screen(t.screen_rect.right_top());
    let (dx, dy) = ((hi.x - lo.x) * margin, (hi.y - lo.y) * margin);
    (
        WorldPos {
            x: lo.x - dx,
            y: lo.y - dy,
        },
        WorldPos {
            x: hi.x + dx,
            y: hi.y + dy,
        },
    )
}

/// Whether `outer` contains all of `inner`.
pub(super) fn window_covers(outer: WorldWindow, inner: WorldWindow) -> bool {
    outer.0.x <= inner.0.x
        && outer.0.y <= inner.0.y
        && outer.1.x >= inner.1.x
        && outer.1.y >= inner.1.y
}

/// How what was drawn for the view `from` is scaled and moved on screen to
/// be right for `to`: only moved if they have the same scale.
pub(super) fn view_change(from: &MapTransform, to: &MapTransform) -> TSTransform {
    let scaling = (to.points_per_unit / from.points_per_unit) as f32;
    let was = from.screen_from_world(from.world_centre).to_vec2();
    let is = to.screen_from_world(from.world_centre).to_vec2();
    TSTransform::new(is - was * scaling, scaling)
}

impl MapState {
    /// Show the whole region next frame.
    pub fn request_fit(&mut self) {
        self.fit_requested = true;
    }

    /// The scale (points per world unit) the countries were last drawn at:
    /// during a zoom gesture, still the scale before it.
    pub fn drawn_scale(&self) -> Option<f64> {
        self.countries
            .built
            .as_ref()
            .map(|b| b.built_for.points_per_unit)
    }

    /// Zoom about the map's centre next frame.
    pub fn zoom_by(&mut self, factor: f64) {
        self.pending_zoom = Some(self.pending_zoom.unwrap_or(1.0) * factor);
    }

    /// Pan by a screen-space drag next frame.
    pub fn pan_by(&mut self, delta: Vec2) {
        self.pending_pan += delta;
    }

    /// Where each actor's node and label go in `transform`'s view: the last
    /// layout if it was made for this view (or, while the map is dragged, for
    /// this scale, moved along; while a zoom gesture `held` it, for any view,
    /// its nodes scaled), else `compute`'s.
    pub(super) fn placements_for(
        &mut self,
        (scenario, offstage, highlight): (&Scenario, &[bool], Option<&super::Highlight>),
        transform: &MapTransform,
        (dragging, held): (bool, bool),
        look: MapLook,
        compute: impl FnOnce() -> Vec<NodePlacement>,
    ) -> Vec<NodePlacement> {
        let fingerprint = layout_fingerprint(scenario, offstage, look)
            ^ highlight.map_or(0, |h| {
                use std::hash::{Hash, Hasher};
                let mut ids: Vec<&String> = h.actors.iter().collect();
                ids.sort_unstable();
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                ids.hash(&mut hasher);
                hasher.finish() | 1
            });
        if let Some(cached) = &self.layout
            && cached.fingerprint == fingerprint
            && cached.placements.len() == scenario.actors.len()
        {
            if cached.transform == *transform {
                return cached.placements.clone();
            }
            let same_scale = cached.transform.points_per_unit.to_bits()
                == transform.points_per_unit.to_bits()
                && cached.transform.screen_rect.size() == transform.screen_rect.size();
            if held || (dragging && same_scale) {
                let change = view_change(&cached.transform, transform);
                return cached
                    .placements
                    .iter()
                    .map(|p| placed(p, change))
                    .collect();
            }
        }
        let placements = compute();
        let generation = self.layout.as_ref().map_or(0, |l| l.generation) + 1;
        self.layout = Some(LayoutCache {
            transform: *transform,
            fingerprint,
            generation,
            placements: placements.clone(),
        });
        placements
    }

    pub(super) fn update_transform(
        &mut self,
        scenario: &Scenario,
        rect: Rect,
        response: &egui::Response,
        ui: &egui::Ui,
    ) {
        let fit = || MapTransform::fit(scenario.map, rect, size::MAP_MARGIN);
        let mut t = match self.transform {
            Some(_) if self.fit_requested => {
                self.user_moved = false;
                fit()
            }
            Some(t) if t.screen_rect != rect && !self.user_moved => fit(),
            Some(t) => t.with_screen_rect(rect),
            None => fit(),
        };
        self.fit_requested = false;

        if response.dragged() {
            t = t.panned(response.drag_delta());
            self.user_moved = true;
        }
        if response.hovered() {
            let (scroll, zoom, pointer) =
                ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
            let anchor = pointer.unwrap_or(rect.center());
            let factor = f64::from(zoom) * (f64::from(scroll.y) / 300.0).exp();
            if (factor - 1.0).abs() > 1e-4 {
                t = t.zoomed(factor, anchor);
                self.user_moved = true;
                self.zoom_held_until = ui.input(|i| i.time) + ZOOM_SETTLES_AFTER;
            }
            if scroll.x.abs() > 0.0 {
                t = t.panned(vec2(scroll.x, 0.0));
                self.user_moved = true;
            }
        }
        if let Some(factor) = self.pending_zoom.take() {
            t = t.zoomed(factor, rect.center());
            self.user_moved = true;
        }
        if self.pending_pan != Vec2::ZERO {
            t = t.panned(std::mem::take(&mut self.pending_pan));
            self.user_moved = true;
        }
        self.transform = Some(t);
    }
}

/// What the cached layers depend on, hashed, besides the view.
pub(super) struct BackgroundKeys {
    /// The document and the look: what the countries' shapes depend on.
    pub(super) countries: u64,
    /// The document, the stances shown and the look: what their tints
    /// depend on.
    pub(super) tints: u64,
    /// The document, the relations shown, the look, the filters, the
    /// selection and the highlight: not the stances, so a day on the
    /// timeline that changes only stances leaves the edges as drawn.
    pub(super) edges: u64,
}

impl BackgroundKeys {
    pub(super) fn new(
        doc: &Document,
        view: &MapView<'_>,
        options: &MapOptions,
        pixels_per_point: f32,
    ) -> Self {
        use std::hash::{Hash, Hasher};
        let common = || {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            doc.revision.hash(&mut h);
            options.look.projector.hash(&mut h);
            options.look.scale.to_bits().hash(&mut h);
            pixels_per_point.to_bits().hash(&mut h);
            h
        };
        let countries = common().finish();
        let mut h = common();
        view.stances_key.hash(&mut h);
        let tints = h.finish();
        let mut h = common();
        view.relations_key.hash(&mut h);
        view.hidden_relation_kinds.hash(&mut h);
        view.selected.hash(&mut h);
        if let Some(highlight) = &options.highlight {
            let mut actors: Vec<&String> = highlight.actors.iter().collect();
            actors.sort();
            actors.hash(&mut h);
            let mut relations: Vec<&usize> = highlight.relations.iter().collect();
            relations.sort();
            relations.hash(&mut h);
        }
        Self {
            countries,
            tints,
            edges: h.finish(),
        }
    }

    /// The edges' key for the layout of `generation`.
    pub(super) fn edges(&self, generation: u64) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.edges.hash(&mut h);
        generation.hash(&mut h);
        h.finish()
    }
}

/// A placement moved with the map (or scaled with a zoom gesture): the node
/// goes where `change` puts it, its label, of the same size, alongside.
pub(super) fn placed(p: &NodePlacement, change: TSTransform) -> NodePlacement {
    let mut p = p.clone();
    let centre = change * p.centre;
    if let Some(label) = &mut p.label {
        let moved = centre - p.centre;
        label.rect = label.rect.translate(moved);
        if let Some(leader) = &mut label.leader {
            *leader = leader.map(|end| end + moved);
        }
    }
    p.anchor = change * p.anchor;
    p.centre = centre;
    p
}

/// What the layout depends on besides the view: the actors' positions,
/// names and ids, which are in the picture, and the look's sizes.
pub(super) fn layout_fingerprint(scenario: &Scenario, offstage: &[bool], look: MapLook) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    look.scale.to_bits().hash(&mut hasher);
    look.projector.hash(&mut hasher);
    offstage.hash(&mut hasher);
    for actor in &scenario.actors {
        let anchor = actor.map_anchor();
        anchor.lat.to_bits().hash(&mut hasher);
        anchor.lon.to_bits().hash(&mut hasher);
        actor.name.hash(&mut hasher);
        actor.id.hash(&mut hasher);
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, Pos2, pos2};

    fn view() -> MapTransform {
        MapTransform {
            screen_rect: Rect::from_min_size(pos2(100.0, 50.0), vec2(800.0, 600.0)),
            world_centre: WorldPos { x: 0.5, y: 0.4 },
            points_per_unit: 2000.0,
        }
    }

    /// A one-triangle mesh at `p`, and a count of the builds.
    fn build_at(p: Pos2, builds: &mut usize) -> (Mesh, ()) {
        *builds += 1;
        let mut mesh = Mesh::default();
        mesh.colored_vertex(p, Color32::RED);
        mesh.colored_vertex(p + vec2(1.0, 0.0), Color32::RED);
        mesh.colored_vertex(p + vec2(0.0, 1.0), Color32::RED);
        mesh.add_triangle(0, 1, 2);
        (mesh, ())
    }

    #[test]
    fn new_stances_tint_the_cached_countries_again_without_building_them_again() {
        let mut cache: LayerCache<CountryLayer> = LayerCache::default();
        let mut builds = 0;
        let spans = vec![
            FillSpan {
                iso_a3: Some("FRA".into()),
                vertices: 0..2,
            },
            FillSpan {
                iso_a3: Some("IRN".into()),
                vertices: 2..3,
            },
        ];
        let layer = CountryLayer {
            spans: Arc::new(spans),
            offset: 1,
            tints: 7,
        };
        let (mesh, _, extra) = cache.refresh(1, &view(), None, false, |_| {
            builds += 1;
            let mut mesh = Mesh::default();
            for _ in 0..4 {
                mesh.colored_vertex(pos2(0.0, 0.0), Color32::RED);
            }
            (mesh, layer.clone())
        });
        assert_eq!((builds, extra.tints), (1, 7));
        let tints = CountryFills::from([("FRA".to_owned(), Color32::BLUE)]);
        let retinted = cache.retint(8, &tints).expect("a built layer");
        // The old mesh was still held (as the map's picture holds it): a new
        // one, so the picture knows to draw it again.
        assert!(!Arc::ptr_eq(&mesh, &retinted));
        let colours: Vec<Color32> = retinted.vertices.iter().map(|v| v.color).collect();
        let land = crate::theme::map::LAND;
        assert_eq!(colours, [Color32::RED, Color32::BLUE, Color32::BLUE, land]);
        let (_, _, extra) = cache.refresh(1, &view(), None, false, |_| {
            builds += 1;
            (Mesh::default(), CountryLayer::default())
        });
        assert_eq!((builds, extra.tints), (1, 8), "kept, as tinted");
    }

    #[test]
    fn a_pan_moves_the_cached_layer_and_a_zoom_or_a_change_rebuilds_it() {
        let mut cache = LayerCache::<()>::default();
        let mut builds = 0;
        let t = view();
        let (first, change, ()) = cache.refresh(1, &t, None, false, |_| {
            build_at(pos2(0.0, 0.0), &mut builds)
        });
        assert_eq!((builds, change), (1, TSTransform::IDENTITY));

        let panned = t.panned(vec2(30.0, -12.0));
        let (again, change, ()) = cache.refresh(1, &panned, None, false, |_| {
            build_at(pos2(0.0, 0.0), &mut builds)
        });
        assert_eq!(builds, 1, "a pan is drawn by moving the same mesh");
        assert!(Arc::ptr_eq(&first, &again));
        assert!((change.scaling - 1.0).abs() < f32::EPSILON);
        assert!(
            (change.translation - vec2(30.0, -12.0)).length() < 1e-3,
            "{change:?}"
        );

        let zoomed = panned.zoomed(1.5, pos2(400.0, 300.0));
        cache.refresh(1, &zoomed, None, false, |_| {
            build_at(pos2(0.0, 0.0), &mut builds)
        });
        assert_eq!(builds, 2, "a zoom changes every width: built again");
        let (_, change, ()) = cache.refresh(2, &zoomed, None, false, |_| {
            build_at(pos2(0.0, 0.0), &mut builds)
        });
        assert_eq!(
            (builds, change),
            (3, TSTransform::IDENTITY),
            "a new key is built again"
        );
    }

    #[test]
    fn during_a_zoom_gesture_the_cached_layer_is_scaled_and_only_a_change_rebuilds_it() {
        let mut cache = LayerCache::<()>::default();
        let mut builds = 0;
        let t = view();
        let (first, ..) = cache.refresh(1, &t, Some(0.0), false, |_| {
            build_at(pos2(0.0, 0.0), &mut builds)
        });
        // Zoomed out past the window it was cut to, and in again.
        let anchor = pos2(400.0, 300.0);
        for factor in [0.5, 3.0] {
            let zoomed = t.zoomed(factor, anchor);
            let (same, change, ()) = cache.refresh(1, &zoomed, Some(0.0), true, |_| {
                build_at(pos2(0.0, 0.0), &mut builds)
            });
            assert_eq!(builds, 1, "held: not built again");
            assert!(Arc::ptr_eq(&first, &same));
            // What was drawn at a point of the world is drawn where that
            // point is now.
            let world = t.world_from_screen(pos2(250.0, 120.0));
            let now = zoomed.screen_from_world(world);
            assert!((change * pos2(250.0, 120.0)).distance(now) < 1e-2);
            assert!((change.scaling - factor as f32).abs() < 1e-5);
        }
        cache.refresh(2, &t, Some(0.0), true, |_| {
            build_at(pos2(0.0, 0.0), &mut builds)
        });
        assert_eq!(builds, 2, "a change is drawn at once, held or not");
        cache.refresh(2, &t.zoomed(2.0, anchor), Some(0.0), false, |_| {
            build_at(pos2(0.0, 0.0), &mut builds)
        });
        assert_eq!(builds, 3, "once settled, drawn again at the new scale");
    }

    #[test]
    fn a_layer_cut_to_a_window_is_rebuilt_when_the_view_leaves_it() {
        let mut cache = LayerCache::<()>::default();
        let mut builds = 0;
        let t = view();
        let mut windows = Vec::new();
        let mut refresh = |t: &MapTransform, builds: &mut usize| {
            cache.refresh(7, t, Some(0.5), false, |w| {
                windows.push(w);
                build_at(pos2(0.0, 0.0), builds)
            });
        };
        refresh(&t, &mut builds);
        // Half a view on each side: a pan of a third of the view stays inside.
        refresh(&t.panned(vec2(260.0, 190.0)), &mut builds);
        assert_eq!(builds, 1);
        refresh(&t.panned(vec2(-420.0, 0.0)), &mut builds);
        assert_eq!(builds, 2, "a pan past the margin cuts a new window");
        let view_width = view_window(&t, 0.0).1.x - view_window(&t, 0.0).0.x;
        let built_width = windows[0].1.x - windows[0].0.x;
        assert!((built_width / view_width - 2.0).abs() < 1e-9);
    }

    #[test]
    fn while_the_map_is_dragged_the_layout_moves_with_it_and_is_redone_after() {
        let scenario = coalition_core::io::paris_2014().expect("the built-in scenario");
        let mut state = MapState::default();
        let layouts = std::cell::Cell::new(0);
        let compute = |t: MapTransform| {
            let (scenario, layouts) = (&scenario, &layouts);
            move || {
                layouts.set(layouts.get() + 1);
                scenario
                    .actors
                    .iter()
                    .map(|a| {
                        let anchor = t.screen_from_geo(a.map_anchor());
                        NodePlacement {
                            anchor,
                            centre: anchor,
                            off_map_direction: None,
                            label: None,
                        }
                    })
                    .collect::<Vec<_>>()
            }
        };
        let t = view();
        let look = MapLook::SCREEN;
        let at_rest =
            state.placements_for((&scenario, &[], None), &t, (false, false), look, compute(t));
        assert_eq!(layouts.get(), 1);
        let panned = t.panned(vec2(40.0, 10.0));
        let during = state.placements_for(
            (&scenario, &[], None),
            &panned,
            (true, false),
            look,
            compute(panned),
        );
        assert_eq!(layouts.get(), 1, "no new layout while dragging");
        let moved_by = during[0].centre - at_rest[0].centre;
        assert!(
            (moved_by - vec2(40.0, 10.0)).length() < 1e-3,
            "{moved_by:?}"
        );
        let generation = state.layout.as_ref().map(|l| l.generation);
        state.placements_for(
            (&scenario, &[], None),
            &panned,
            (false, false),
            look,
            compute(panned),
        );
        assert_eq!(
            layouts.get(),
            2,
            "the drag ended: laid out for the new view"
        );
        assert_ne!(state.layout.as_ref().map(|l| l.generation), generation);

        // A zoom gesture scales the nodes apart, labels alongside.
        let zoomed = panned.zoomed(2.0, pos2(500.0, 350.0));
        let held = state.placements_for(
            (&scenario, &[], None),
            &zoomed,
            (false, true),
            look,
            compute(zoomed),
        );
        assert_eq!(layouts.get(), 2, "no new layout during a zoom gesture");
        let laid_out = compute(zoomed)();
        for (h, l) in held.iter().zip(&laid_out) {
            assert!(h.centre.distance(l.centre) < 1e-2, "{h:?} vs {l:?}");
        }
        state.placements_for(
            (&scenario, &[], None),
            &zoomed,
            (false, false),
            look,
            compute(zoomed),
        );
        assert_eq!(layouts.get(), 4, "settled: laid out for the new view");
    }
}
