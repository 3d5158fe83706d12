//! One node per actor: its glyph (shape and colour by stance), the marks for
//! staying away, being selected or lying off the map, its tooltip and context
//! menu, its accessible name, and the editor's gestures (drag to move,
//! Shift+drag to draw a relation).

use egui::{Id, Pos2, Rect, Role, Sense, Shape, Stroke, Vec2, WidgetInfo};

use super::Highlight;
use crate::theme::{self, Glyph, MapLook, map as colours};
use crate::ui::command::Command;
use crate::ui::widgets::glyph::paint_glyph;
use crate::ui::widgets::presence::{Presence, paint_marks};
use coalition_core::decide::Absence;
use coalition_core::decide::explain::absence_reason;
use coalition_core::edit::Edit;
use coalition_core::geo::layout::NodePlacement;
use coalition_core::geo::projection::MapTransform;
use coalition_core::model::{GeoPos, Scenario, text};

/// A relation being drawn from one node to another (Shift+drag in the editor).
pub(super) struct Gesture<'a> {
    /// The actor the line starts at, while the drag lasts.
    pub(super) drawing_from: &'a mut Option<String>,
    /// Where the drag ended this frame, and from which actor.
    pub(super) dropped: Option<(String, Pos2)>,
}

/// What every node on the map shares this frame.
pub(super) struct NodeContext<'a> {
    pub(super) canvas_id: Id,
    pub(super) painter: &'a egui::Painter,
    pub(super) scenario: &'a Scenario,
    /// The slider's invitation list and its outcome.
    pub(super) invited: &'a [bool],
    pub(super) outcome: &'a coalition_core::decide::Outcome,
    pub(super) selected: Option<&'a str>,
    /// The editor is open: nodes can be dragged, and relations drawn.
    pub(super) editing: bool,
    pub(super) transform: &'a MapTransform,
    pub(super) look: MapLook,
    pub(super) highlight: Option<&'a Highlight>,
    /// Predict first: who stays away is not shown yet.
    pub(super) hide_outcome: bool,
    /// Actors the timeline's current event is about, sorted by id.
    pub(super) ringed: &'a [String],
}

/// What the conference means for one actor, in words.
pub(super) fn attendance_line(cx: &NodeContext<'_>, index: usize) -> String {
    match cx.outcome.absence(index) {
        None => "Attends the conference.".to_owned(),
        Some(Absence::NotInvited) => "Not invited to the conference.".to_owned(),
        Some(absence) => format!(
            "Stays away: {}",
            absence_reason(cx.scenario, index, absence)
        ),
    }
}

pub(super) fn node_ui(
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
    let presence = Presence::of(
        cx.scenario
            .conference
            .as_ref()
            .map(|_| cx.invited.get(index).copied().unwrap_or(false)),
        cx.outcome.attending.get(index).copied().unwrap_or(true),
        cx.hide_outcome,
    );
    let hosts = cx
        .scenario
        .conference
        .as_ref()
        .is_some_and(|c| c.hosts.contains(&actor.id));
    let in_focus = cx.highlight.is_none_or(|h| h.actors.contains(&actor.id));
    let alpha = if in_focus {
        presence.alpha()
    } else {
        colours::FADED_ALPHA
    };
    let (look, radius) = (cx.look, cx.look.node_radius());

    if placement.is_displaced() {
        painter.line_segment([placement.anchor, placement.centre], look.leader_stroke());
        painter.circle_filled(placement.anchor, 2.0 * look.scale, colours::LEADER);
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
    if cx.ringed.binary_search(&actor.id).is_ok() {
        painter.circle_stroke(
            placement.centre,
            radius + 7.5 * look.scale,
            Stroke::new(2.5 * look.scale, colours::EVENT_RING),
        );
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
    paint_marks(
        painter,
        placement.centre,
        radius,
        look.scale,
        presence,
        hosts,
    );

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
    let mut name = format!("Map: {}", actor.shown_name());
    name.push_str(presence.words());
    if hosts {
        name.push_str(", hosting");
    }
    if !in_focus {
        name.push_str(", not in focus");
    }
    if cx.ringed.binary_search(&actor.id).is_ok() {
        name.push_str(", changed by the day's event");
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
        ui.strong(actor.shown_name());
        ui.label(format!("{stance_label} ({})", glyph.name()));
        if !actor.stance_reason.is_empty() {
            ui.label(text::long(&actor.stance_reason));
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
            format!("Take {} off the invitation list", actor.shown_name())
        } else {
            format!("Invite {}", actor.shown_name())
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
pub(super) fn edit_gestures(
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
pub(super) fn compass(direction: Vec2) -> &'static str {
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

#[cfg(test)]
mod tests {
    use super::*;
    use egui::vec2;

    #[test]
    fn compass_names_screen_directions() {
        assert_eq!(compass(vec2(-1.0, 0.0)), "west");
        assert_eq!(compass(vec2(1.0, 0.0)), "east");
        assert_eq!(compass(vec2(0.0, -1.0)), "north");
        assert_eq!(compass(vec2(0.7, 0.7)), "south-east");
    }
}
