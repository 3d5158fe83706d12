//! The map: country outlines tinted by stance, relation edges, and one node per
//! actor. A widget built each frame over the small persistent [`MapState`].

pub mod countries;
pub mod gpu;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use egui::emath::TSTransform;
use egui::{
    Color32, Id, Mesh, Pos2, Rect, Role, Sense, Shape, Stroke, Vec2, WidgetInfo, pos2, vec2,
};

use crate::theme::{self, Glyph, MapLook, map as colours, size};
use crate::ui::command::Command;
use crate::ui::state::ViewState;
use crate::ui::widgets::glyph::paint_glyph;
use coalition_core::Document;
use coalition_core::decide::Absence;
use coalition_core::decide::explain::absence_reason;
use coalition_core::edit::{Edit, Item};
use coalition_core::geo::basemap::Basemap;
use coalition_core::geo::layout::{LayoutStyle, NodeInput, NodePlacement, layout};
use coalition_core::geo::outline::distance_to_segment;
use coalition_core::geo::projection::{MapTransform, WorldPos};
use coalition_core::model::{GeoPos, LineStyle, Relation, Scenario};
use countries::Countries;

/// What the map shows beyond the scenario: its look, a story step's
/// highlight, a held-back outcome, the editor's gestures.
#[derive(Clone, Debug)]
pub struct MapOptions {
    pub look: MapLook,
    /// Actors and relations a story step highlights; the rest are faded.
    pub highlight: Option<Highlight>,
    /// Predict first: who stays away is not shown until revealed.
    pub hide_outcome: bool,
    /// Nodes can be dragged, and relations drawn between them.
    pub editing: bool,
    /// Paint every shape as itself, never the cached mesh (for export to SVG).
    pub vector: bool,
}

impl Default for MapOptions {
    fn default() -> Self {
        Self {
            look: MapLook::SCREEN,
            highlight: None,
            hide_outcome: false,
            editing: false,
            vector: false,
        }
    }
}

/// What a story step puts in focus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Actor ids.
    pub actors: std::collections::HashSet<String>,
    /// Indices into the scenario's relations.
    pub relations: std::collections::HashSet<usize>,
}

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
    user_moved: bool,
    fit_requested: bool,
    pending_zoom: Option<f64>,
    pending_pan: Vec2,
    /// Until when (egui time) a zoom gesture holds the drawing: see
    /// [`ZOOM_SETTLES_AFTER`].
    zoom_held_until: f64,
    /// The canvas widget's id.
    pub canvas_id: Option<Id>,
    /// Whether the canvas or one of its nodes had keyboard focus last frame,
    /// so map keys (arrows, +, -, Home) act on the map.
    pub has_focus: bool,
    /// Where every actor was drawn last frame, by actor id.
    pub placements: Vec<(String, NodePlacement)>,
    /// Indices of the relations drawn last frame.
    pub drawn_relations: Vec<usize>,
    /// The label layout and the view it was computed for.
    layout: Option<LayoutCache>,
    /// The countries, tessellated for a view.
    countries: LayerCache<()>,
    /// The relation edges, tessellated for a layout; each as drawn, and the
    /// feathering their lines were stroked with for the picture.
    edges: LayerCache<(Arc<Vec<DrawnEdge>>, f32)>,
    /// With wgpu: the cached layers rendered into one texture, drawn each
    /// frame as one rectangle ([`map_gpu`]). Without it (set when the app
    /// starts) they are copied into each frame as plain egui meshes.
    pub picture: Option<gpu::MapPicture>,
}

/// Where the nodes and labels go, computed for one view: redone only when
/// the view, the window or the actors' positions and names change. While the
/// map is dragged it moves with the map and is redone when the drag ends.
#[derive(Debug)]
struct LayoutCache {
    transform: MapTransform,
    fingerprint: u64,
    /// Counts layouts, so the edges know when theirs changed.
    generation: u64,
    placements: Vec<NodePlacement>,
}

/// A part of the map's background tessellated once, with what it depends
/// on hashed into `key`. A view that differs only by a pan reuses it, moved.
#[derive(Debug)]
struct LayerCache<T> {
    built: Option<BuiltLayer<T>>,
}

impl<T> Default for LayerCache<T> {
    fn default() -> Self {
        Self { built: None }
    }
}

#[derive(Debug)]
struct BuiltLayer<T> {
    key: u64,
    built_for: MapTransform,
    /// The part of the world it covers, if it was cut to a window.
    window: Option<WorldWindow>,
    mesh: Arc<Mesh>,
    extra: T,
}

impl<T> LayerCache<T> {
    /// The part of the world the layer was built for, if it was cut to one.
    fn window(&self) -> Option<WorldWindow> {
        self.built.as_ref().and_then(|b| b.window)
    }
}

/// A rectangle of the world: lower-left and upper-right corners.
type WorldWindow = (WorldPos, WorldPos);

impl<T: Clone> LayerCache<T> {
    /// The layer for `key` in `transform`'s view and where to put it: the
    /// mesh built earlier if nothing it depends on changed and (for a layer
    /// cut to a window) it still covers the view, or whatever its view if
    /// `held` (a zoom gesture); else `build`'s, for the view widened by
    /// `margin` view sizes on each side.
    fn refresh(
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
fn view_window(t: &MapTransform, margin: f64) -> WorldWindow {
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
fn window_covers(outer: WorldWindow, inner: WorldWindow) -> bool {
    outer.0.x <= inner.0.x
        && outer.0.y <= inner.0.y
        && outer.1.x >= inner.1.x
        && outer.1.y >= inner.1.y
}

/// How what was drawn for the view `from` is scaled and moved on screen to
/// be right for `to`: only moved if they have the same scale.
fn view_change(from: &MapTransform, to: &MapTransform) -> TSTransform {
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
    fn placements_for(
        &mut self,
        scenario: &Scenario,
        transform: &MapTransform,
        (dragging, held): (bool, bool),
        look: MapLook,
        compute: impl FnOnce() -> Vec<NodePlacement>,
    ) -> Vec<NodePlacement> {
        let fingerprint = layout_fingerprint(scenario, look);
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

    fn update_transform(
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

/// Draws the map into the whole of `ui`.
pub fn map_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    basemap: &Basemap,
    view: &mut ViewState,
    options: &MapOptions,
    commands: &mut Vec<Command>,
) {
    let scenario = view.attendance.shown(&doc.scenario);
    let look = options.look;
    // The caption gets a strip of its own under the map, so it never runs
    // under the labels of nodes on the map's bottom edge.
    let (rect, caption_strip) = split_off_caption(ui, look);
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    let map_name = format!("Map of {}", scenario.title);
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &map_name));
    view.map.canvas_id = Some(response.id);
    view.map.update_transform(scenario, rect, &response, ui);
    let Some(transform) = view.map.transform else {
        return;
    };
    if response.clicked() {
        commands.push(Command::Select(None));
        response.request_focus();
    }

    let painter = ui.painter_at(rect);
    paint_caption(&ui.painter_at(caption_strip), caption_strip, look);

    let font = egui::FontId::proportional(look.label_font());
    let measure = |text: &str| {
        painter
            .layout_no_wrap(text.to_owned(), font.clone(), colours::LABEL_TEXT)
            .size()
            + vec2(6.0, 2.0)
    };
    let dragging = response.dragged();
    // During a zoom gesture what was drawn is scaled; it is drawn again
    // when the gesture has settled (this frame is asked for then).
    let held = {
        let left = view.map.zoom_held_until - ui.input(|i| i.time);
        if left > 0.0 {
            ui.ctx().request_repaint_after_secs(left as f32);
        }
        left > 0.0
    };
    let placements = view
        .map
        .placements_for(scenario, &transform, (dragging, held), look, || {
            let nodes: Vec<NodeInput> = scenario
                .actors
                .iter()
                .map(|a| NodeInput {
                    anchor: transform.screen_from_geo(a.map_anchor()),
                    label: a.name.clone(),
                    short_label: a.id.clone(),
                })
                .collect();
            let style = LayoutStyle {
                node_radius: look.node_radius(),
                node_gap: look.node_gap(),
                label_gap: look.label_gap(),
                edge_inset: look.node_radius() + look.arrow_length() + 8.0 * look.scale,
            };
            layout(&nodes, rect, style, &measure)
        });

    let emphasis = EdgeEmphasis {
        hidden: &view.hidden_relation_kinds,
        selected: view.selected.as_deref(),
        highlight: options.highlight.as_ref(),
        look,
    };
    let edges = if options.vector {
        // For export: every shape as itself, nothing cached.
        let mut shapes = vec![Shape::rect_filled(rect, 0.0, colours::SEA)];
        Countries::in_window(
            scenario,
            basemap,
            &transform,
            look,
            view_window(&transform, 0.0),
        )
        .into_shapes(&mut shapes);
        let edges = edge_shapes(
            scenario,
            &emphasis,
            &placements,
            &mut EdgeInk::Shapes(&mut shapes),
        );
        painter.extend(shapes);
        DrawnEdges {
            edges: Arc::new(edges),
            change: TSTransform::IDENTITY,
        }
    } else {
        let ppp = ui.ctx().pixels_per_point();
        let tessellate = |shapes| tessellate(ui.ctx(), shapes);
        let to_picture = view.map.picture.is_some();
        let keys = BackgroundKeys::new(doc, view, options, ppp);
        let margin = if dragging { 0.5 } else { 0.0 };
        let countries =
            view.map
                .countries
                .refresh(keys.countries, &transform, Some(margin), held, |window| {
                    let countries =
                        Countries::in_window(scenario, basemap, &transform, look, window);
                    // The picture feathers borders in its own shader, with
                    // fewer triangles than egui's lines (plain meshes need
                    // those).
                    let feathering = to_picture
                        .then(|| gpu::thin_line_feathering(ui.ctx(), look.border_width()))
                        .flatten();
                    // The sea under the whole window, so nothing is painted
                    // under the map each frame: the picture is cleared to
                    // it, plain meshes start with it.
                    let mut shapes = Vec::new();
                    if !to_picture {
                        let (lo, hi) = window;
                        let sea = Rect::from_two_pos(
                            transform.screen_from_world(lo),
                            transform.screen_from_world(hi),
                        );
                        shapes.push(Shape::rect_filled(sea, 0.0, colours::SEA));
                    }
                    let mesh = if let Some(feathering) = feathering {
                        let Countries {
                            fills: mut mesh,
                            borders,
                            border_stroke,
                        } = countries;
                        for border in &borders {
                            gpu::add_feathered_line(
                                &mut mesh,
                                &border.points,
                                border.closed,
                                border_stroke,
                                feathering,
                            );
                        }
                        mesh
                    } else {
                        countries.into_shapes(&mut shapes);
                        tessellate(shapes)
                    };
                    (mesh, ())
                });
        let generation = view.map.layout.as_ref().map_or(0, |l| l.generation);
        let (mesh, change, (edges, feathering)) =
            view.map
                .edges
                .refresh(keys.edges(generation), &transform, None, held, |_| {
                    // The picture strokes the lines in its own shader, with
                    // far fewer triangles than egui's dashes.
                    let feathering = to_picture.then(|| gpu::feathering(ui.ctx())).flatten();
                    let mut mesh = Mesh::default();
                    let mut ink = EdgeInk::Mesh {
                        mesh: &mut mesh,
                        tessellator: tessellator(ui.ctx()),
                        stroked_with: feathering,
                    };
                    let edges = edge_shapes(scenario, &emphasis, &placements, &mut ink);
                    // Without lines stroked by the shader, any feathering.
                    (mesh, (Arc::new(edges), feathering.unwrap_or(1.0 / ppp)))
                });
        // The picture covers the countries' window, so a drag shows land
        // beyond the view's edge; during a zoom gesture (the layers scaled,
        // their window with them) only the view.
        let window = view.map.countries.window().filter(|_| !held);
        let covers = window.map_or(rect, |(lo, hi)| {
            Rect::from_two_pos(
                transform.screen_from_world(lo),
                transform.screen_from_world(hi),
            )
            .union(rect)
        });
        let picture = view.map.picture.as_mut().map(|picture| {
            picture.show(
                (&countries.0, countries.1),
                (&mesh, change),
                covers,
                ppp,
                feathering,
                colours::SEA,
            )
        });
        // Zooming out, before the map is drawn again, what was drawn does
        // not reach the edges: sea there. (At rest the picture may lie up to
        // half a pixel off the view's edge: not worth a fill.)
        let shrunk = |drawn: Rect| !drawn.expand(1.0).contains_rect(rect);
        if let Some((texture, at)) = picture {
            if shrunk(at) {
                painter.rect_filled(rect, 0.0, colours::SEA);
            }
            let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
            painter.image(texture, at, uv, Color32::WHITE);
        } else {
            if countries.1.scaling < 1.0 {
                painter.rect_filled(rect, 0.0, colours::SEA);
            }
            paint_mesh(&painter, countries.0, countries.1);
            paint_mesh(&painter, mesh, change);
        }
        DrawnEdges { edges, change }
    };
    view.map.drawn_relations = edges.edges.iter().map(|e| e.relation).collect();
    if let Some(pointer) = response.hover_pos()
        && let Some(index) = hovered_edge(&edges.edges, edges.change.inverse() * pointer)
    {
        response
            .clone()
            .on_hover_ui_at_pointer(|ui| edge_tooltip_ui(ui, scenario, &scenario.relations[index]));
    }
    let cx = NodeContext {
        canvas_id: response.id,
        painter: &painter,
        scenario,
        invited: &view.attendance.invited,
        outcome: &view.attendance.outcome,
        selected: view.selected.as_deref(),
        editing: options.editing,
        transform: &transform,
        look,
        highlight: options.highlight.as_ref(),
        hide_outcome: options.hide_outcome,
    };
    if options.editing
        && response.double_clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let actor = crate::ui::editor::actor_editor::new_actor_at(
            &doc.scenario,
            transform.geo_from_screen(pointer),
        );
        let id = actor.id.clone();
        commands.push(Command::Edit {
            edit: Edit::Add(Item::Actor(actor)),
            merge: None,
        });
        commands.push(Command::Select(Some(id)));
    }
    let mut node_focused = false;
    let mut gesture = Gesture {
        drawing_from: &mut view.edit.drawing_from,
        dropped: None,
    };
    for (index, placement) in placements.iter().enumerate() {
        node_focused |= node_ui(ui, &cx, index, placement, &mut gesture, commands);
    }
    // A relation drawn onto a node: ask for its kind.
    if let Some((from, pointer)) = gesture.dropped
        && let Some(to) = placements
            .iter()
            .zip(&scenario.actors)
            .find(|(p, _)| p.centre.distance(pointer) <= look.node_radius() + 6.0)
            .map(|(_, a)| a.id.clone())
    {
        commands.push(Command::DrawRelation { from, to });
    }
    if let Some(from) = &view.edit.drawing_from
        && let Some(start) = placements
            .iter()
            .zip(&scenario.actors)
            .find(|(_, a)| a.id == *from)
            .map(|(p, _)| p.centre)
        && let Some(pointer) = ui.input(|i| i.pointer.latest_pos())
    {
        painter.line_segment([start, pointer], Stroke::new(2.5, colours::DRAWING));
        painter.circle_stroke(
            pointer,
            size::NODE_RADIUS,
            Stroke::new(1.5, colours::DRAWING),
        );
    }
    view.map.has_focus = node_focused || response.has_focus();
    for placement in &placements {
        if let Some(label) = &placement.label {
            painter.rect_filled(label.rect, 3.0, colours::LABEL_HALO);
            painter.text(
                label.rect.center(),
                egui::Align2::CENTER_CENTER,
                &label.text,
                font.clone(),
                colours::LABEL_TEXT,
            );
        }
    }

    view.map.placements = scenario
        .actors
        .iter()
        .map(|a| a.id.clone())
        .zip(placements)
        .collect();
}

/// What the cached layers depend on, hashed, besides the view.
struct BackgroundKeys {
    /// The document, the slider (stance changes tint countries), the look.
    countries: u64,
    /// The same, and the filters, the selection and the highlight.
    edges: u64,
}

impl BackgroundKeys {
    fn new(doc: &Document, view: &ViewState, options: &MapOptions, pixels_per_point: f32) -> Self {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        doc.revision.hash(&mut h);
        view.attendance.position.hash(&mut h);
        view.attendance.custom.hash(&mut h);
        options.look.projector.hash(&mut h);
        options.look.scale.to_bits().hash(&mut h);
        pixels_per_point.to_bits().hash(&mut h);
        let countries = h.finish();
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
            edges: h.finish(),
        }
    }

    /// The edges' key for the layout of `generation`.
    fn edges(&self, generation: u64) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.edges.hash(&mut h);
        generation.hash(&mut h);
        h.finish()
    }
}

/// The edges as drawn, and how the map has moved (or been zoomed) since.
struct DrawnEdges {
    edges: Arc<Vec<DrawnEdge>>,
    change: TSTransform,
}

/// A cached layer as a plain mesh, put where `change` says.
fn paint_mesh(painter: &egui::Painter, mesh: Arc<Mesh>, change: TSTransform) {
    if change == TSTransform::IDENTITY {
        painter.add(Shape::Mesh(mesh));
    } else {
        let mut placed = (*mesh).clone();
        placed.transform(change);
        painter.add(Shape::mesh(placed));
    }
}

/// A placement moved with the map (or scaled with a zoom gesture): the node
/// goes where `change` puts it, its label, of the same size, alongside.
fn placed(p: &NodePlacement, change: TSTransform) -> NodePlacement {
    let mut p = p.clone();
    let centre = change * p.centre;
    if let Some(label) = &mut p.label {
        label.rect = label.rect.translate(centre - p.centre);
    }
    p.anchor = change * p.anchor;
    p.centre = centre;
    p
}

/// What the layout depends on besides the view: the actors' positions,
/// names and ids, and the look's sizes.
fn layout_fingerprint(scenario: &Scenario, look: MapLook) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    look.scale.to_bits().hash(&mut hasher);
    look.projector.hash(&mut hasher);
    for actor in &scenario.actors {
        let anchor = actor.map_anchor();
        anchor.lat.to_bits().hash(&mut hasher);
        anchor.lon.to_bits().hash(&mut hasher);
        actor.name.hash(&mut hasher);
        actor.id.hash(&mut hasher);
    }
    hasher.finish()
}

/// egui's tessellator, as it would tessellate each frame.
fn tessellator(ctx: &egui::Context) -> egui::epaint::Tessellator {
    egui::epaint::Tessellator::new(
        ctx.pixels_per_point(),
        ctx.tessellation_options(|o| *o),
        // No text in it: the font atlas size does not matter.
        [1, 1],
        Vec::new(),
    )
}

/// Shapes tessellated into one mesh, as egui would each frame.
fn tessellate(ctx: &egui::Context, shapes: Vec<Shape>) -> Mesh {
    let mut tessellator = tessellator(ctx);
    let mut mesh = Mesh::default();
    for shape in shapes {
        tessellator.tessellate_shape(shape, &mut mesh);
    }
    mesh
}

/// How far an edge bows out, so several relations between one pair stay apart.
fn edge_offsets(relations: &[Relation]) -> Vec<f32> {
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
struct DrawnEdge {
    relation: usize,
    points: Vec<Pos2>,
}

/// Which edges stand out: the selected actor's, or a story step's.
struct EdgeEmphasis<'a> {
    hidden: &'a std::collections::BTreeSet<String>,
    selected: Option<&'a str>,
    highlight: Option<&'a Highlight>,
    look: MapLook,
}

/// Where edges are drawn, in order: as egui shapes, or tessellated into a
/// mesh, whose lines the map's picture may stroke in its shader instead
/// (`gpu::add_stroked_line`).
enum EdgeInk<'a> {
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
    fn add(&mut self, shape: Shape) {
        match self {
            Self::Shapes(shapes) => shapes.push(shape),
            Self::Mesh {
                mesh, tessellator, ..
            } => tessellator.tessellate_shape(shape, mesh),
        }
    }
}

/// The relations' edges; returns each as drawn, for hover.
fn edge_shapes(
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
fn hovered_edge(edges: &[DrawnEdge], pointer: Pos2) -> Option<usize> {
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
fn edge_tooltip_ui(ui: &mut egui::Ui, scenario: &Scenario, relation: &Relation) {
    let name = |id: &str| scenario.actor(id).map_or(id.to_owned(), |a| a.name.clone());
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
fn edge_curve(a: Pos2, b: Pos2, offset: f32, canonical: bool, radius: f32) -> Vec<Pos2> {
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

fn edge_shape(
    ink: &mut EdgeInk<'_>,
    points: &[Pos2],
    line: LineStyle,
    stroke: Stroke,
    arrow: Option<f32>,
) {
    if points.len() < 2 {
        return;
    }
    // Dots are tiny square dashes, drawn a little wider than the line.
    let drawn = match line {
        LineStyle::Dotted => Stroke::new(stroke.width * size::EDGE_DOT_SIZE, stroke.color),
        LineStyle::Solid | LineStyle::Dashed => stroke,
    };
    match ink {
        // For the picture's shader: the whole line in one strip.
        EdgeInk::Mesh {
            mesh,
            stroked_with: Some(feathering),
            ..
        } if gpu::strokes_in_shader(drawn.width, *feathering) => {
            gpu::add_stroked_line(mesh, points, drawn, line, *feathering);
        }
        // Dots too are dashes: a quad each, where a round dot costs ten
        // times the vertices; at this size the eye cannot tell.
        _ => match gpu::line_pattern(line, drawn.width) {
            None => ink.add(Shape::line(points.to_vec(), drawn)),
            Some([dash, gap]) => {
                for dash in Shape::dashed_line(points, drawn, dash, gap) {
                    ink.add(dash);
                }
            }
        },
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

/// What every node on the map shares this frame.
/// A relation being drawn from one node to another (Shift+drag in the editor).
struct Gesture<'a> {
    /// The actor the line starts at, while the drag lasts.
    drawing_from: &'a mut Option<String>,
    /// Where the drag ended this frame, and from which actor.
    dropped: Option<(String, Pos2)>,
}

struct NodeContext<'a> {
    canvas_id: Id,
    painter: &'a egui::Painter,
    scenario: &'a Scenario,
    /// The slider's invitation list and its outcome.
    invited: &'a [bool],
    outcome: &'a coalition_core::decide::Outcome,
    selected: Option<&'a str>,
    /// The editor is open: nodes can be dragged, and relations drawn.
    editing: bool,
    transform: &'a MapTransform,
    look: MapLook,
    highlight: Option<&'a Highlight>,
    /// Predict first: who stays away is not shown yet.
    hide_outcome: bool,
}

/// What the conference means for one actor, in words.
fn attendance_line(cx: &NodeContext<'_>, index: usize) -> String {
    match cx.outcome.absence(index) {
        None => "Attends the conference.".to_owned(),
        Some(Absence::NotInvited) => "Not invited to the conference.".to_owned(),
        Some(absence) => format!(
            "Stays away: {}",
            absence_reason(cx.scenario, index, absence)
        ),
    }
}

fn node_ui(
    ui: &mut egui::Ui,
    cx: &NodeContext<'_>,
    index: usize,
    placement: &NodePlacement,
    gesture: &mut Gesture<'_>,
    commands: &mut Vec<Command>,
) -> bool {
    let painter = cx.painter;
    let actor = &cx.scenario.actors[index];
    let is_selected = cx.selected == Some(actor.id.as_str());
    let stance = cx.scenario.stance(&actor.stance);
    let count = cx.scenario.stance_scale.len();
    let (fill, glyph, stance_label) = match stance {
        Some((rank, s)) => (
            theme::stance_colour_for(cx.look.palette(), cx.scenario, rank),
            Glyph::for_rank(rank, count),
            s.label.as_str(),
        ),
        None => (colours::UNKNOWN_STANCE, Glyph::Circle, "stance unknown"),
    };
    let attends = cx.outcome.attending.get(index).copied().unwrap_or(true);
    let stays_away =
        !cx.hide_outcome && !attends && cx.invited.get(index).copied().unwrap_or(false);
    let in_focus = cx.highlight.is_none_or(|h| h.actors.contains(&actor.id));
    let alpha = match (stays_away, in_focus) {
        (_, false) => colours::FADED_ALPHA,
        (true, true) => colours::ABSENT_ALPHA,
        (false, true) => 1.0,
    };
    let (look, radius) = (cx.look, cx.look.node_radius());

    if placement.is_displaced() {
        painter.line_segment(
            [placement.anchor, placement.centre],
            Stroke::new(1.0, colours::LEADER),
        );
        painter.circle_filled(placement.anchor, 2.0, colours::LEADER);
    }
    if let Some(direction) = placement.off_map_direction {
        let start = placement.centre + direction * (radius + 2.0);
        let tip = placement.centre + direction * (radius + 11.0 * look.scale);
        let side = direction.rot90() * 4.0;
        painter.line_segment(
            [start, tip - direction * 4.0],
            Stroke::new(2.0, colours::LEADER),
        );
        painter.add(Shape::convex_polygon(
            vec![
                tip,
                tip - direction * 6.0 + side,
                tip - direction * 6.0 - side,
            ],
            colours::LEADER,
            Stroke::NONE,
        ));
    }
    if is_selected {
        painter.circle_stroke(
            placement.centre,
            radius + 4.5 * look.scale,
            Stroke::new(2.5, colours::SELECTED_RING),
        );
    }
    let outline = look.node_stroke();
    paint_glyph(
        painter,
        placement.centre,
        radius,
        glyph,
        theme::faded(fill, alpha),
        Stroke::new(outline.width, theme::faded(outline.color, alpha)),
    );
    if stays_away {
        // Struck through: invited, but staying away.
        let d = Vec2::splat(radius + 3.0 * look.scale);
        painter.line_segment(
            [placement.centre - d, placement.centre + d],
            Stroke::new(2.5, colours::ABSENT_STRIKE),
        );
    }

    let hit = Rect::from_center_size(placement.centre, Vec2::splat(2.0 * radius + 6.0));
    let sense = if cx.editing {
        Sense::click_and_drag()
    } else {
        Sense::click()
    };
    let response = ui.interact(hit, cx.canvas_id.with(("actor_node", &actor.id)), sense);
    if cx.editing {
        edit_gestures(
            ui,
            cx,
            &actor.id,
            &response,
            gesture.drawing_from,
            &mut gesture.dropped,
            commands,
        );
    }
    // What the eye sees, for a screen reader too: absent, or out of focus.
    let mut name = format!("Map: {}", actor.name);
    if stays_away {
        name.push_str(", invited but stays away");
    }
    if !in_focus {
        name.push_str(", not in focus");
    }
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, is_selected, &name));
    if response.has_focus() {
        painter.circle_stroke(
            placement.centre,
            radius + 3.0,
            ui.visuals().selection.stroke,
        );
    }
    let response = response.on_hover_ui(|ui| {
        ui.strong(&actor.name);
        ui.label(format!("{stance_label} ({})", glyph.name()));
        if !actor.stance_reason.is_empty() {
            ui.label(&actor.stance_reason);
        }
        ui.label(attendance_line(cx, index));
        if let Some(direction) = placement.off_map_direction {
            ui.weak(format!("Outside the map: {} of here.", compass(direction)));
        } else if placement.is_displaced() {
            ui.weak("Moved aside to stay legible; the line shows its true place.");
        }
        if cx.editing {
            ui.weak("Drag to move it; Shift+drag to another node to draw a relation.");
        }
        ui.weak("Right-click to change its invitation.");
    });
    response.context_menu(|ui| {
        let invited = cx.invited.get(index).copied().unwrap_or(false);
        let text = if invited {
            format!("Take {} off the invitation list", actor.name)
        } else {
            format!("Invite {}", actor.name)
        };
        let command = Command::ToggleInvitation(actor.id.clone());
        if ui.button(text).on_hover_text(command.tooltip()).clicked() {
            commands.push(command);
            ui.close();
        }
    });
    if response.clicked() {
        commands.push(Command::Select(Some(actor.id.clone())));
    }
    response.has_focus()
}

/// In the editor: drag a node to move it (one undo step per drag), or
/// Shift+drag from it to another node to draw a relation.
fn edit_gestures(
    ui: &egui::Ui,
    cx: &NodeContext<'_>,
    id: &str,
    response: &egui::Response,
    drawing_from: &mut Option<String>,
    dropped: &mut Option<(String, Pos2)>,
    commands: &mut Vec<Command>,
) {
    if response.drag_started() && ui.input(|i| i.modifiers.shift) {
        *drawing_from = Some(id.to_owned());
    }
    let drawing = drawing_from.as_deref() == Some(id);
    if response.dragged()
        && !drawing
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let to = cx.transform.geo_from_screen(pointer);
        let round = |x: f64| (x * 100.0).round() / 100.0;
        commands.push(Command::Edit {
            edit: Edit::MoveActor {
                id: id.to_owned(),
                to: Some(GeoPos {
                    lat: round(to.lat),
                    lon: round(to.lon),
                }),
            },
            merge: Some(format!("move {id}")),
        });
    }
    if response.drag_stopped() && drawing {
        *drawing_from = None;
        if let Some(pointer) = ui.input(|i| i.pointer.latest_pos()) {
            *dropped = Some((id.to_owned(), pointer));
        }
    }
}

/// A compass word for a screen direction (y down).
fn compass(direction: Vec2) -> &'static str {
    let angle = (-direction.y).atan2(direction.x).to_degrees();
    let names = [
        "east",
        "north-east",
        "north",
        "north-west",
        "west",
        "south-west",
        "south",
        "south-east",
    ];
    let index = ((angle + 360.0 + 22.5) / 45.0) as usize % 8;
    names[index]
}

/// What the map shows and where its outlines come from, under the map.
const CAPTION: &str = "Schematic map: nodes at capitals or seats; a node on the edge lies beyond it,\nits arrow pointing the way. Country outlines: Natural Earth.";

/// Room around the caption's text, in points (scaled with the look).
const CAPTION_PADDING: Vec2 = vec2(8.0, 4.0);

fn caption_font(look: MapLook) -> egui::FontId {
    egui::FontId::proportional(11.0 * look.scale.sqrt())
}

/// The map's rectangle and, under it, the caption's strip, out of the space `ui` has left.
fn split_off_caption(ui: &egui::Ui, look: MapLook) -> (Rect, Rect) {
    let space = ui.available_rect_before_wrap();
    let lines = CAPTION.lines().count() as f32;
    let line_height = ui.fonts_mut(|f| f.row_height(&caption_font(look)));
    let height = (lines * line_height + 2.0 * CAPTION_PADDING.y * look.scale.sqrt())
        .min(space.height() * 0.25);
    let map = Rect::from_min_max(space.min, pos2(space.max.x, space.max.y - height));
    (map, Rect::from_min_max(map.left_bottom(), space.max))
}

fn paint_caption(painter: &egui::Painter, strip: Rect, look: MapLook) {
    painter.rect_filled(strip, 0.0, colours::CAPTION_STRIP);
    painter.text(
        strip.left_center() + vec2(CAPTION_PADDING.x * look.scale.sqrt(), 0.0),
        egui::Align2::LEFT_CENTER,
        CAPTION,
        caption_font(look),
        colours::CAPTION,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let at_rest = state.placements_for(&scenario, &t, (false, false), look, compute(t));
        assert_eq!(layouts.get(), 1);
        let panned = t.panned(vec2(40.0, 10.0));
        let during = state.placements_for(&scenario, &panned, (true, false), look, compute(panned));
        assert_eq!(layouts.get(), 1, "no new layout while dragging");
        let moved_by = during[0].centre - at_rest[0].centre;
        assert!(
            (moved_by - vec2(40.0, 10.0)).length() < 1e-3,
            "{moved_by:?}"
        );
        let generation = state.layout.as_ref().map(|l| l.generation);
        state.placements_for(&scenario, &panned, (false, false), look, compute(panned));
        assert_eq!(
            layouts.get(),
            2,
            "the drag ended: laid out for the new view"
        );
        assert_ne!(state.layout.as_ref().map(|l| l.generation), generation);

        // A zoom gesture scales the nodes apart, labels alongside.
        let zoomed = panned.zoomed(2.0, pos2(500.0, 350.0));
        let held = state.placements_for(&scenario, &zoomed, (false, true), look, compute(zoomed));
        assert_eq!(layouts.get(), 2, "no new layout during a zoom gesture");
        let laid_out = compute(zoomed)();
        for (h, l) in held.iter().zip(&laid_out) {
            assert!(h.centre.distance(l.centre) < 1e-2, "{h:?} vs {l:?}");
        }
        state.placements_for(&scenario, &zoomed, (false, false), look, compute(zoomed));
        assert_eq!(layouts.get(), 4, "settled: laid out for the new view");
    }

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
    fn compass_names_screen_directions() {
        assert_eq!(compass(vec2(-1.0, 0.0)), "west");
        assert_eq!(compass(vec2(1.0, 0.0)), "east");
        assert_eq!(compass(vec2(0.0, -1.0)), "north");
        assert_eq!(compass(vec2(0.7, 0.7)), "south-east");
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

    #[test]
    fn the_caption_has_a_strip_of_its_own_under_the_map() {
        let ctx = egui::Context::default();
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(700.0, 500.0))),
            ..Default::default()
        };
        for look in [MapLook::SCREEN, MapLook::PROJECTOR] {
            let mut checked = false;
            let mut output = ctx.run_ui(input.clone(), |ui| {
                let space = ui.available_rect_before_wrap();
                let (map, strip) = split_off_caption(ui, look);
                let caption = ui.fonts_mut(|f| {
                    f.layout_no_wrap(CAPTION.to_owned(), caption_font(look), Color32::BLACK)
                });
                assert!(
                    (map.bottom() - strip.top()).abs() < 1e-3,
                    "{map:?} {strip:?}"
                );
                assert!(map.top() <= space.top() && strip.bottom() >= space.bottom());
                assert!(
                    !map.intersects(strip.shrink(0.5)),
                    "the map reaches into the strip"
                );
                assert!(
                    caption.size().y <= strip.height(),
                    "{caption:?} in {strip:?}"
                );
                assert!(map.height() > 3.0 * strip.height());
                checked = true;
            });
            // The font atlas this frame made is not uploaded anywhere.
            output.textures_delta.clear();
            assert!(checked);
        }
    }
}
