//! The editor's questions: what to do with what names an actor being
//! removed, and which kind a relation drawn on the map is.

use crate::ui::command::Command;
use crate::ui::state::editor::PendingRemoval;
use coalition_core::edit::Dependents;
use coalition_core::model::Scenario;

fn answer_button(ui: &mut egui::Ui, command: Command, commands: &mut Vec<Command>) {
    if ui
        .button(command.label())
        .on_hover_text(command.tooltip())
        .clicked()
    {
        commands.push(command);
    }
}

/// "Iran is named by 5 relations, 4 quotes and 2 rules": remove them too,
/// keep them flagged, or cancel.
pub fn removal_prompt_ui(
    ctx: &egui::Context,
    pending: &PendingRemoval,
    commands: &mut Vec<Command>,
) {
    let modal = egui::Modal::new(egui::Id::unique("remove_actor_prompt")).show(ctx, |ui| {
        ui.heading(format!("Remove {}?", pending.name));
        let uses = &pending.uses;
        let mut parts = Vec::new();
        for (n, noun) in [
            (uses.relations, "relation"),
            (uses.quotes, "quote"),
            (uses.rules, "attendance rule"),
            (uses.story, "story step"),
            (uses.timeline, "timeline event"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {noun}{}", if n == 1 { "" } else { "s" }));
            }
        }
        ui.label(format!(
            "{} ({}) is named by {}.",
            pending.name,
            pending.id,
            parts.join(", ")
        ));
        ui.label(
            "Keeping them leaves references to an actor that is gone; each is listed \
             under Problems until you fix it.",
        );
        if uses.lists > 0 {
            ui.weak("It also leaves the invitation list, the hosts and the what-ifs.");
        }
        ui.horizontal(|ui| {
            answer_button(
                ui,
                Command::AnswerRemoveActor(Some(Dependents::RemoveToo)),
                commands,
            );
            answer_button(
                ui,
                Command::AnswerRemoveActor(Some(Dependents::KeepAndFlag)),
                commands,
            );
            answer_button(ui, Command::AnswerRemoveActor(None), commands);
        });
    });
    if modal.should_close() {
        commands.push(Command::AnswerRemoveActor(None));
    }
}

/// A relation drawn from one node to another: one button per relation kind.
pub fn relation_kind_prompt_ui(
    ctx: &egui::Context,
    scenario: &Scenario,
    (from, to): (&str, &str),
    commands: &mut Vec<Command>,
) {
    let name = |id: &str| scenario.actor(id).map_or(id.to_owned(), |a| a.name.clone());
    let modal = egui::Modal::new(egui::Id::unique("relation_kind_prompt")).show(ctx, |ui| {
        ui.heading("New relation");
        ui.label(format!(
            "From {} to {}. What kind is it?",
            name(from),
            name(to)
        ));
        ui.horizontal_wrapped(|ui| {
            for kind in &scenario.relation_kinds {
                let command = Command::AnswerDrawnRelation(Some(kind.id.clone()));
                if ui
                    .button(&kind.label)
                    .on_hover_text(if kind.meaning.is_empty() {
                        command.tooltip().to_owned()
                    } else {
                        kind.meaning.clone()
                    })
                    .clicked()
                {
                    commands.push(command);
                }
            }
        });
        if scenario.relation_kinds.is_empty() {
            ui.label("The scenario has no relation kinds yet: add one in Edit, Relations.");
        }
        answer_button(ui, Command::AnswerDrawnRelation(None), commands);
    });
    if modal.should_close() {
        commands.push(Command::AnswerDrawnRelation(None));
    }
}
