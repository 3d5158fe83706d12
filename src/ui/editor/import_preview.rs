//! The spreadsheet import's preview: what each good row would do, every bad
//! cell by row and column, and nothing changed until Import is pressed.

use crate::ui::command::Command;
use crate::ui::state::editor::PendingImport;
use coalition_core::io::csv::RowAction;

/// How many rows of each list the preview shows before it scrolls.
const PREVIEW_HEIGHT: f32 = 180.0;

pub fn import_preview_ui(
    ctx: &egui::Context,
    pending: &PendingImport,
    commands: &mut Vec<Command>,
) {
    let import = &pending.import;
    let modal = egui::Modal::new(egui::Id::unique("import_preview")).show(ctx, |ui| {
        ui.set_max_width(620.0);
        ui.heading("Import actors");
        ui.label(pending.path.display().to_string());
        let added = import
            .rows
            .iter()
            .filter(|r| r.action == RowAction::Add)
            .count();
        let updated = import.rows.len() - added;
        ui.label(format!(
            "{added} new actor(s), {updated} updated, {} problem(s) in rows that will be left out.",
            import.errors.len()
        ));
        if !import.ignored_columns.is_empty() {
            ui.weak(format!(
                "Columns not read: {}.",
                import.ignored_columns.join(", ")
            ));
        }
        if !import.errors.is_empty() {
            ui.add_space(4.0);
            ui.strong("Problems");
            egui::ScrollArea::vertical()
                .id_salt("import errors")
                .max_height(PREVIEW_HEIGHT)
                .show(ui, |ui| {
                    for error in &import.errors {
                        ui.colored_label(ui.visuals().warn_fg_color, error.to_string());
                    }
                });
        }
        ui.add_space(4.0);
        ui.strong("Rows to import");
        egui::ScrollArea::vertical()
            .id_salt("import rows")
            .max_height(PREVIEW_HEIGHT)
            .show(ui, |ui| {
                egui::Grid::new("import rows grid")
                    .striped(true)
                    .show(ui, |ui| {
                        for heading in ["Row", "Id", "Name", "Stance", "What happens"] {
                            ui.strong(heading);
                        }
                        ui.end_row();
                        for row in &import.rows {
                            ui.label(row.row.to_string());
                            ui.label(&row.actor.id);
                            ui.label(&row.actor.name);
                            ui.label(&row.actor.stance);
                            ui.label(match row.action {
                                RowAction::Add => "added",
                                RowAction::Update { .. } => "replaces the actor with this id",
                            });
                            ui.end_row();
                        }
                    });
            });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let accept = ui
                .add_enabled(
                    !import.rows.is_empty(),
                    egui::Button::new(format!("Import {} actor(s)", import.rows.len())),
                )
                .on_hover_text(Command::AcceptImport.tooltip());
            if accept.clicked() {
                commands.push(Command::AcceptImport);
            }
            let cancel = Command::CancelImport;
            if ui
                .button(cancel.label())
                .on_hover_text(cancel.tooltip())
                .clicked()
            {
                commands.push(cancel);
            }
        });
    });
    if modal.should_close() {
        commands.push(Command::CancelImport);
    }
}
