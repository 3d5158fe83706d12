//! The map widget: country outlines tinted by stance, relation edges, and one
//! node per actor, built each frame over the small persistent [`MapState`].
//!
//! - [`memory`]: [`MapState`] and its caches (layout, tessellated layers);
//! - [`countries`]: the country fills and borders;
//! - [`edges`]: the relations' edges, hover and tooltips;
//! - [`line_style`]: how each relation line style is drawn, in one place;
//! - [`nodes`]: the actors' nodes, their tooltips and the editor's gestures;
//! - [`caption`]: the strip under the map;
//! - [`gpu`]: the cached layers drawn as one texture with wgpu.

pub mod caption;
pub mod countries;
pub mod edges;
pub mod gpu;
pub mod line_style;
pub mod memory;
pub mod nodes;

use std::sync::Arc;

use egui::emath::TSTransform;
use egui::{Color32, Mesh, Rect, Role, Sense, Shape, Stroke, WidgetInfo, pos2, vec2};

use crate::theme::{MapLook, map as colours, size};
use crate::ui::command::Command;
use caption::{paint_caption, split_off_caption};
use coalition_core::Document;
use coalition_core::edit::{Edit, Item};
use coalition_core::geo::basemap::Basemap;
use coalition_core::geo::layout::{LayoutStyle, NodeInput, layout_shown};
use coalition_core::model::Scenario;
use countries::{Countries, country_fills};
use edges::{DrawnEdge, EdgeEmphasis, EdgeInk, edge_shapes, edge_tooltip_ui, hovered_edge};
use memory::{BackgroundKeys, CountryLayer, view_window};
pub use memory::{MapState, ZOOM_SETTLES_AFTER};
use nodes::{Gesture, NodeContext, node_ui};

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

/// What the map draws and what it may change besides the document: the view
/// state lends its parts for one frame (`ViewState::map_view`), so the widget
/// knows nothing of the rest of the app.
pub struct MapView<'a> {
    /// The widget's memory: its view, its caches, what it drew.
    pub memory: &'a mut MapState,
    /// The scenario as the slider shows it (a what-if's stance changes applied).
    pub scenario: &'a Scenario,
    /// Changes when the stances shown do (the slider's what-if, the
    /// timeline's day): the countries' layer is drawn again then.
    pub stances_key: u64,
    /// Changes when the relations shown do (the timeline's day): the edges'
    /// layer is drawn again then.
    pub relations_key: u64,
    /// For each actor, whether it is not in the picture yet (not drawn).
    pub offstage: &'a [bool],
    /// Actors the timeline's current event is about: ringed, sorted by id.
    pub ringed: &'a [String],
    /// Who is invited, and who attends.
    pub invited: &'a [bool],
    pub outcome: &'a coalition_core::decide::Outcome,
    pub selected: Option<&'a str>,
    pub hidden_relation_kinds: &'a std::collections::BTreeSet<String>,
    /// The actor a relation is being drawn from (Shift+drag in the editor).
    pub drawing_from: &'a mut Option<String>,
}

/// What a story step puts in focus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Actor ids.
    pub actors: std::collections::HashSet<String>,
    /// Indices into the scenario's relations.
    pub relations: std::collections::HashSet<usize>,
}

/// Draws the map into the whole of `ui`.
pub fn map_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    basemap: &Basemap,
    view: &mut MapView<'_>,
    options: &MapOptions,
    commands: &mut Vec<Command>,
) {
    let scenario = view.scenario;
    let look = options.look;
    // The caption gets a strip of its own under the map, so it never runs
    // under the labels of nodes on the map's bottom edge.
    let (rect, caption_strip) = split_off_caption(ui, look);
    // A projector's large nodes, smaller where too many would overlap.
    let shown = view.offstage.iter().filter(|off| !**off).count()
        + scenario.actors.len().saturating_sub(view.offstage.len());
    let look = look.fitted(rect.area(), shown);
    view.memory.node_radius = look.node_radius();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    let map_name = format!("Map of {}", scenario.title);
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &map_name));
    view.memory.canvas_id = Some(response.id);
    view.memory.update_transform(scenario, rect, &response, ui);
    let Some(transform) = view.memory.transform else {
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
        let left = view.memory.zoom_held_until - ui.input(|i| i.time);
        if left > 0.0 {
            ui.ctx().request_repaint_after_secs(left as f32);
        }
        left > 0.0
    };
    let placements = view.memory.placements_for(
        (scenario, view.offstage, options.highlight.as_ref()),
        &transform,
        (dragging, held),
        look,
        || {
            let nodes: Vec<NodeInput> = scenario
                .actors
                .iter()
                .map(|a| {
                    let prominent = options
                        .highlight
                        .as_ref()
                        .is_some_and(|h| h.actors.contains(&a.id));
                    NodeInput::of(a, transform.screen_from_geo(a.map_anchor()), prominent)
                })
                .collect();
            let style = LayoutStyle {
                node_radius: look.node_radius(),
                node_gap: look.node_gap(),
                label_gap: look.label_gap(),
                edge_inset: look.node_radius() + look.arrow_length() + 8.0 * look.scale,
            };
            let shown: Vec<bool> = view.offstage.iter().map(|off| !off).collect();
            layout_shown(&nodes, &shown, rect, style, &measure)
        },
    );

    let emphasis = EdgeEmphasis {
        hidden: view.hidden_relation_kinds,
        selected: view.selected,
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
        let to_picture = view.memory.picture.is_some();
        let keys = BackgroundKeys::new(doc, view, options, ppp);
        let margin = if dragging { 0.5 } else { 0.0 };
        let countries = view.memory.countries.refresh(
            keys.countries,
            &transform,
            Some(margin),
            held,
            |window| {
                let countries = Countries::in_window(scenario, basemap, &transform, look, window);
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
                let (mesh, spans, offset) = if let Some(feathering) = feathering {
                    let Countries {
                        fills: mut mesh,
                        borders,
                        border_stroke,
                        spans,
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
                    (mesh, spans, 0)
                } else {
                    // The sea, then the fills: they start after its vertices.
                    let mut tessellator = tessellator(ui.ctx());
                    let mut mesh = Mesh::default();
                    for shape in shapes {
                        tessellator.tessellate_shape(shape, &mut mesh);
                    }
                    let offset = mesh.vertices.len();
                    let mut countries = countries;
                    let spans = std::mem::take(&mut countries.spans);
                    let mut lands = Vec::new();
                    countries.into_shapes(&mut lands);
                    for shape in lands {
                        tessellator.tessellate_shape(shape, &mut mesh);
                    }
                    (mesh, spans, offset)
                };
                let layer = CountryLayer {
                    spans: Arc::new(spans),
                    offset,
                    tints: keys.tints,
                };
                (mesh, layer)
            },
        );
        // Only the stances changed (another day, another what-if): the
        // fills are tinted again, not built again.
        let countries = if countries.2.tints == keys.tints {
            (countries.0, countries.1)
        } else {
            let mesh = view
                .memory
                .countries
                .retint(keys.tints, &country_fills(scenario, look));
            (mesh.unwrap_or(countries.0), countries.1)
        };
        let generation = view.memory.layout.as_ref().map_or(0, |l| l.generation);
        let (mesh, change, (edges, feathering)) =
            view.memory
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
        let window = view.memory.countries.window().filter(|_| !held);
        let covers = window.map_or(rect, |(lo, hi)| {
            Rect::from_two_pos(
                transform.screen_from_world(lo),
                transform.screen_from_world(hi),
            )
            .union(rect)
        });
        let picture = view.memory.picture.as_mut().map(|picture| {
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
    view.memory.drawn_relations = edges.edges.iter().map(|e| e.relation).collect();
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
        invited: view.invited,
        outcome: view.outcome,
        selected: view.selected,
        editing: options.editing,
        transform: &transform,
        look,
        highlight: options.highlight.as_ref(),
        hide_outcome: options.hide_outcome,
        ringed: view.ringed,
    };
    if options.editing
        && response.double_clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let actor =
            coalition_core::model::new_actor_at(&doc.scenario, transform.geo_from_screen(pointer));
        let id = actor.id.clone();
        commands.push(Command::Edit {
            edit: Edit::Add(Item::Actor(actor)),
            merge: None,
        });
        commands.push(Command::Select(Some(id)));
    }
    let mut node_focused = false;
    let mut gesture = Gesture {
        drawing_from: &mut *view.drawing_from,
        dropped: None,
    };
    let on_stage = |index: usize| !view.offstage.get(index).copied().unwrap_or(false);
    for (index, placement) in placements.iter().enumerate() {
        if on_stage(index) {
            node_focused |= node_ui(ui, &cx, index, placement, &mut gesture, commands);
        }
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
    if let Some(from) = &*view.drawing_from
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
    view.memory.has_focus = node_focused || response.has_focus();
    for (_, placement) in placements.iter().enumerate().filter(|(i, _)| on_stage(*i)) {
        if let Some(label) = &placement.label {
            if let Some(leader) = label.leader {
                painter.line_segment(leader, look.leader_stroke());
            }
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

    view.memory.placements = scenario
        .actors
        .iter()
        .map(|a| a.id.clone())
        .zip(placements)
        .collect();
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
