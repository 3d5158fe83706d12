//! Editor tab: the actors. Add, remove, and every field of the selected
//! actor (the one selected on the map), its invitation and hosting; import
//! and export as a spreadsheet.

use super::{
    ItemForm, choice, id_list_field, number_field, section_heading, text_area, text_field,
};
use crate::ui::command::Command;
use crate::ui::state::ViewState;
use coalition_core::Document;
use coalition_core::edit::{Edit, Item, List};
use coalition_core::io::csv::Table;
use coalition_core::model::{Actor, ActorKind, Scenario};

pub fn actor_editor_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    let scenario = &doc.scenario;
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Add actor")
            .on_hover_text("Add an actor in the middle of the map, then fill in its fields")
            .clicked()
        {
            let actor = new_actor(scenario, view);
            let id = actor.id.clone();
            commands.push(Command::Edit {
                edit: Edit::Add(Item::Actor(actor)),
                merge: None,
            });
            commands.push(Command::Select(Some(id)));
        }
        for command in [
            Command::ImportActorsDialog,
            Command::ExportTableDialog(Table::Actors),
        ] {
            if ui
                .button(command.label())
                .on_hover_text(command.tooltip())
                .clicked()
            {
                commands.push(command);
            }
        }
    });
    ui.weak("Select an actor on the map or in the list. Drag a node to move it; Shift+drag from one node to another to draw a relation.");

    let selected = view
        .selected
        .as_deref()
        .and_then(|id| scenario.actor_index(id));
    egui::ScrollArea::vertical()
        .id_salt("actor list")
        .max_height(crate::theme::size::EDIT_LIST_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(
            ui,
            ui.spacing().interact_size.y,
            scenario.actors.len(),
            |ui, range| {
                for index in range {
                    let actor = &scenario.actors[index];
                    let row = format!("{} ({})", actor.name, actor.id);
                    if ui.selectable_label(selected == Some(index), row).clicked() {
                        commands.push(Command::Select(Some(actor.id.clone())));
                    }
                }
            },
        );

    let Some(index) = selected else {
        ui.weak("No actor selected.");
        return;
    };
    ui.separator();
    actor_form_ui(ui, scenario, index, commands);
}

/// A new actor with a free id, at the middle of the map's view.
fn new_actor(scenario: &Scenario, view: &ViewState) -> Actor {
    let position = view.map.transform.map_or_else(
        || scenario.map.centre(),
        |t| t.geo_from_screen(t.screen_rect.center()),
    );
    coalition_core::model::new_actor_at(scenario, position)
}

fn actor_form_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let actor = &scenario.actors[index];
    let id = actor.id.clone();
    let mut form = ItemForm {
        list: List::Actors,
        index,
        commands,
    };
    let with = |f: &dyn Fn(&mut Actor)| {
        let mut changed = actor.clone();
        f(&mut changed);
        Item::Actor(changed)
    };
    if let Some(v) = text_field(ui, "Id", &actor.id) {
        form.changed("id", with(&|a| a.id.clone_from(&v)));
    }
    if let Some(v) = text_field(ui, "Name", &actor.name) {
        form.changed("name", with(&|a| a.name.clone_from(&v)));
    }
    let kinds: Vec<(String, String)> = ActorKind::ALL
        .iter()
        .map(|k| (format!("{k:?}"), k.label().to_owned()))
        .collect();
    if let Some(v) = choice(ui, "Kind", &format!("{:?}", actor.kind), &kinds, None) {
        let kind = ActorKind::ALL
            .into_iter()
            .find(|k| format!("{k:?}") == v)
            .unwrap_or_default();
        form.changed("kind", with(&|a| a.kind = kind));
    }
    section_heading(ui, "Capital or seat");
    if let Some(v) = number_field(ui, "Latitude", actor.position.lat, -90.0..=90.0) {
        form.changed("lat", with(&|a| a.position.lat = v));
    }
    if let Some(v) = number_field(ui, "Longitude", actor.position.lon, -180.0..=180.0) {
        form.changed("lon", with(&|a| a.position.lon = v));
    }
    if let Some(drawn) = actor.map_position {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "Drawn by hand at {:.2}, {:.2}.",
                drawn.lat, drawn.lon
            ));
            if ui
                .button("Put back on its capital")
                .on_hover_text("Draw the node at its capital or seat again")
                .clicked()
            {
                form.commands.push(Command::Edit {
                    edit: Edit::MoveActor {
                        id: id.clone(),
                        to: None,
                    },
                    merge: None,
                });
            }
        });
    }
    section_heading(ui, "Stance");
    let stances: Vec<(String, String)> = scenario
        .stance_scale
        .iter()
        .map(|s| (s.id.clone(), s.label.clone()))
        .collect();
    if let Some(v) = choice(ui, "Stance", &actor.stance, &stances, None) {
        form.changed("stance", with(&|a| a.stance.clone_from(&v)));
    }
    if let Some(v) = text_area(ui, "Why", &actor.stance_reason) {
        form.changed("reason", with(&|a| a.stance_reason.clone_from(&v)));
    }
    if !scenario.weight_kinds.is_empty() {
        section_heading(ui, "Weights");
    }
    for kind in &scenario.weight_kinds {
        let value = actor.weights.get(&kind.id).copied().unwrap_or(0.0);
        if let Some(v) = number_field(ui, &kind.label, value, f64::MIN..=f64::MAX) {
            form.changed(
                &format!("weight {}", kind.id),
                with(&|a| {
                    a.weights.insert(kind.id.clone(), v);
                }),
            );
        }
    }
    if !scenario.groups.is_empty() {
        section_heading(ui, "Groups");
    }
    ui.horizontal_wrapped(|ui| {
        for group in &scenario.groups {
            let mut member = actor.groups.contains(&group.id);
            if ui.checkbox(&mut member, &group.label).changed() {
                form.changed(
                    "groups",
                    with(&|a| {
                        a.groups.retain(|g| *g != group.id);
                        if member {
                            a.groups.push(group.id.clone());
                        }
                    }),
                );
            }
        }
    });
    section_heading(ui, "Conference");
    ui.horizontal_wrapped(|ui| {
        let mut invited = scenario.is_invited(&id);
        if ui.checkbox(&mut invited, "Invited").changed() {
            form.commands.push(Command::Edit {
                edit: Edit::SetInvited {
                    id: id.clone(),
                    invited,
                },
                merge: None,
            });
        }
        let mut host = scenario
            .conference
            .as_ref()
            .is_some_and(|c| c.hosts.contains(&id));
        if ui.checkbox(&mut host, "Host").changed() {
            form.commands.push(Command::Edit {
                edit: Edit::SetHost {
                    id: id.clone(),
                    host,
                },
                merge: None,
            });
        }
    });
    section_heading(ui, "Notes and sources");
    if let Some(v) = text_area(ui, "Notes", &actor.notes) {
        form.changed("notes", with(&|a| a.notes.clone_from(&v)));
    }
    if let Some(v) = id_list_field(ui, "Source ids", &actor.sources) {
        form.changed("sources", with(&|a| a.sources.clone_from(&v)));
    }
    ui.add_space(6.0);
    let command = Command::RemoveActor(id);
    if ui
        .button(command.label())
        .on_hover_text(command.tooltip())
        .clicked()
    {
        form.commands.push(command);
    }
}
