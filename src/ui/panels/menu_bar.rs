//! The menu bar: File (new, open, recent, save, revert, spreadsheets,
//! quit), Edit (undo, redo, the editor), View (theme, interface size, map)
//! and Help (keyboard shortcuts, about). Entries show their shortcuts.

use std::path::PathBuf;

use coalition_core::Document;

use crate::ui::command::Command;
use crate::ui::command::HelpWindow;
use crate::ui::command::Picture;
use crate::ui::command::RightTab;
use coalition_core::io::csv::Table;

/// A menu entry for `command`, with its shortcut, enabled or not.
fn entry(ui: &mut egui::Ui, command: Command, enabled: bool, commands: &mut Vec<Command>) {
    let mut button = egui::Button::new(command.label());
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip())
        .clicked()
    {
        commands.push(command);
        ui.close();
    }
}

/// The menu bar; `recent_files` newest first, `dark_theme` as the View menu's tick.
pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    recent_files: &[PathBuf],
    dark_theme: bool,
    commands: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            entry(ui, Command::NewScenario, true, commands);
            entry(ui, Command::NewFromTemplate, true, commands);
            entry(ui, Command::OpenDialog, true, commands);
            ui.menu_button("Open Recent", |ui| {
                if recent_files.is_empty() {
                    ui.label("No recent files");
                }
                for path in recent_files {
                    let command = Command::OpenPath(path.clone());
                    if ui.button(command.label()).clicked() {
                        commands.push(command);
                        ui.close();
                    }
                }
            });
            ui.separator();
            entry(ui, Command::Save, true, commands);
            entry(ui, Command::SaveAs, true, commands);
            entry(ui, Command::Revert, doc.is_modified(), commands);
            ui.separator();
            entry(ui, Command::ImportActorsDialog, true, commands);
            ui.menu_button("Export", |ui| {
                for picture in [Picture::MapSvg, Picture::MapPng, Picture::HandoutSvg] {
                    entry(ui, Command::ExportPictureDialog(picture), true, commands);
                }
                let dated = doc.scenario.timeline.is_some();
                for picture in [Picture::DaysSvg, Picture::DaysPng] {
                    entry(ui, Command::ExportPictureDialog(picture), dated, commands);
                }
                ui.separator();
                for table in [Table::Actors, Table::Relations, Table::Quotes] {
                    entry(ui, Command::ExportTableDialog(table), true, commands);
                }
            });
            ui.separator();
            entry(ui, Command::Quit, true, commands);
        });
        ui.menu_button("Edit", |ui| {
            let undo = doc.history.undo_label().is_some();
            let redo = doc.history.redo_label().is_some();
            entry(ui, Command::Undo, undo, commands);
            entry(ui, Command::Redo, redo, commands);
            ui.separator();
            entry(ui, Command::ShowTab(RightTab::Edit), true, commands);
        });
        ui.menu_button("View", |ui| {
            let mut dark = dark_theme;
            let label = Command::SetDarkTheme(dark).label();
            if ui.checkbox(&mut dark, label).changed() {
                commands.push(Command::SetDarkTheme(dark));
            }
            ui.horizontal(|ui| {
                ui.label("Interface size");
                egui::gui_zoom::zoom_menu_buttons(ui);
            });
            ui.separator();
            entry(ui, Command::StartPresentation, true, commands);
            entry(ui, Command::ToggleFullscreen, true, commands);
            ui.separator();
            entry(ui, Command::FitAll, true, commands);
            entry(ui, Command::ZoomIn, true, commands);
            entry(ui, Command::ZoomOut, true, commands);
        });
        ui.menu_button("Help", |ui| {
            entry(
                ui,
                Command::ShowHelp(Some(HelpWindow::Guide)),
                true,
                commands,
            );
            entry(
                ui,
                Command::ShowHelp(Some(HelpWindow::Shortcuts)),
                true,
                commands,
            );
            entry(
                ui,
                Command::ShowHelp(Some(HelpWindow::About)),
                true,
                commands,
            );
        });
    });
}
