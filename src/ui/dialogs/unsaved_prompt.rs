//! "Save your changes first?": Save, Discard or Cancel, before an action that
//! would drop unsaved changes.

use crate::ui::command::{Command, UnsavedAnswer};

/// Shows the prompt as a modal over the window.
pub fn unsaved_prompt_ui(
    ctx: &egui::Context,
    document_name: &str,
    action: &str,
    commands: &mut Vec<Command>,
) {
    let modal = egui::Modal::new(egui::Id::unique("unsaved_changes_prompt")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Save your changes?");
        ui.label(format!(
            "\"{document_name}\" has changes that are not saved. Save them before {action}?"
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for answer in [
                UnsavedAnswer::Save,
                UnsavedAnswer::Discard,
                UnsavedAnswer::Cancel,
            ] {
                let command = Command::AnswerUnsaved(answer);
                if ui
                    .button(command.label())
                    .on_hover_text(command.tooltip())
                    .clicked()
                {
                    commands.push(command);
                }
            }
        });
    });
    if modal.should_close() {
        commands.push(Command::AnswerUnsaved(UnsavedAnswer::Cancel));
    }
}
