//! The selected actor: stance and why, groups, weights, relations, sources.

use crate::ui::command::Command;
use crate::ui::state::ViewState;
use crate::ui::widgets::glyph::stance_swatch_ui;
use crate::ui::widgets::source_view::source_ui;
use coalition_core::model::{Actor, Scenario, text};

pub fn actor_panel_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    let Some(actor) = view.selected.as_deref().and_then(|id| scenario.actor(id)) else {
        ui.heading("No actor selected");
        ui.label("Click a node on the map, or find an actor by name on the left.");
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("actor_scroll")
        .max_height(ui.available_height() * 0.5)
        .auto_shrink([false, true])
        .show(ui, |ui| actor_details_ui(ui, scenario, actor, commands));
}

fn actor_details_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    actor: &Actor,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.heading(actor.shown_name());
        ui.label(egui::RichText::new(actor.shown_id()).weak());
        if ui
            .small_button("Clear")
            .on_hover_text("Clear the selection (Esc)")
            .clicked()
        {
            commands.push(Command::Select(None));
        }
    });
    ui.label(egui::RichText::new(actor.kind.label()).weak());
    if let Some((rank, stance)) = scenario.stance(&actor.stance) {
        ui.horizontal(|ui| {
            stance_swatch_ui(ui, scenario, rank);
            ui.strong(&stance.label);
        });
        ui.label(egui::RichText::new(&stance.meaning).weak());
    } else {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Stance \"{}\" is not on the scale", actor.stance),
        );
    }
    if !actor.stance_reason.is_empty() {
        ui.label(format!("Why: {}", actor.stance_reason));
    }
    if scenario.conference.is_some() {
        let at = if scenario.is_invited(&actor.id) {
            "Took part in the conference."
        } else {
            "Did not take part in the conference."
        };
        ui.label(at);
    }
    if !actor.groups.is_empty() {
        let groups: Vec<&str> = actor
            .groups
            .iter()
            .map(|g| scenario.group(g).map_or(g.as_str(), |g| g.label.as_str()))
            .collect();
        ui.label(format!("Groups: {}", groups.join("; ")));
    }
    for kind in &scenario.weight_kinds {
        if let Some(value) = actor.weights.get(&kind.id) {
            ui.label(format!("{}: {value}", kind.label))
                .on_hover_text(&kind.meaning);
        }
    }
    relations_ui(ui, scenario, actor, commands);
    if !actor.notes.is_empty() {
        ui.add_space(4.0);
        ui.label(&actor.notes);
    }
    if !actor.sources.is_empty() {
        ui.add_space(4.0);
        ui.strong("Sources");
        for id in &actor.sources {
            source_ui(ui, scenario, id, commands);
        }
    }
}

fn relations_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    actor: &Actor,
    commands: &mut Vec<Command>,
) {
    let relations: Vec<_> = scenario
        .relations
        .iter()
        .filter(|r| r.from == actor.id || r.to == actor.id)
        .collect();
    if relations.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.strong(format!("Relations ({})", relations.len()));
    for relation in relations {
        let outgoing = relation.from == actor.id;
        let other_id = if outgoing {
            &relation.to
        } else {
            &relation.from
        };
        let other = scenario
            .actor(other_id)
            .map_or_else(|| text::id(other_id), Actor::shown_name);
        let kind = scenario
            .relation_kind(&relation.kind)
            .map_or(relation.kind.as_str(), |k| k.label.as_str());
        let arrow = match (relation.directed, outgoing) {
            (false, _) => "with",
            (true, true) => "to",
            (true, false) => "from",
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{kind} {arrow}"));
            if ui
                .link(other.as_ref())
                .on_hover_text(format!("Select {other}"))
                .clicked()
            {
                commands.push(Command::Select(Some(other_id.clone())));
            }
            if !relation.date.is_empty() {
                ui.weak(&relation.date);
            }
        });
        if !relation.label.is_empty() {
            ui.indent(
                ("relation", &relation.from, &relation.to, &relation.kind),
                |ui| {
                    ui.label(egui::RichText::new(&relation.label).small());
                    for id in &relation.sources {
                        source_ui(ui, scenario, id, commands);
                    }
                },
            );
        }
    }
}
