//! A side panel collapsed to a strip at the window's edge, with the button
//! that opens it; and the button in an open panel that collapses it. Narrow
//! windows start with them collapsed: the details panel below 1400 pixels,
//! the legend below 1100 (`theme::size`).

use egui::{Role, WidgetInfo};

use crate::theme::size;
use crate::ui::command::{Command, SidePanel};

/// What a button says to a screen reader, and its arrow.
fn words(side: SidePanel, open: bool) -> (&'static str, &'static str) {
    match (side, open) {
        (SidePanel::Legend, false) => ("Show the legend panel", "»"),
        (SidePanel::Legend, true) => ("Hide the legend panel", "«"),
        (SidePanel::Details, false) => ("Show the details panel", "«"),
        (SidePanel::Details, true) => ("Hide the details panel", "»"),
    }
}

/// A button named for what it does, with the command's shortcut on hover.
fn toggle_button(ui: &mut egui::Ui, side: SidePanel, open: bool, commands: &mut Vec<Command>) {
    let (name, arrow) = words(side, open);
    let command = Command::TogglePanel(side);
    let response = ui.button(arrow).on_hover_text(format!(
        "{name} ({})",
        command.label_with_shortcut(ui.ctx())
    ));
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, name));
    if response.clicked() {
        commands.push(command);
    }
}

/// The strip a collapsed panel leaves: a button that opens it.
pub fn strip_ui(ui: &mut egui::Ui, side: SidePanel, commands: &mut Vec<Command>) {
    let panel = match side {
        SidePanel::Legend => egui::Panel::left("legend_strip"),
        SidePanel::Details => egui::Panel::right("details_strip"),
    };
    panel
        .exact_size(size::PANEL_STRIP_WIDTH)
        .resizable(false)
        .show(ui, |ui| {
            ui.vertical_centered(|ui| toggle_button(ui, side, false, commands));
        });
}

/// In an open panel: the button that collapses it.
pub fn hide_button_ui(ui: &mut egui::Ui, side: SidePanel, commands: &mut Vec<Command>) {
    toggle_button(ui, side, true, commands);
}
