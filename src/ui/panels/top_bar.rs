//! The bar across the top: the scenario's title and date, map buttons, and any
//! notice for the user.

use crate::ui::command::Command;
use crate::ui::state::Notice;
use coalition_core::Document;

/// The title bar; `date` is the timeline's day, shown instead of the
/// scenario's own date when it has a timeline.
pub fn top_bar_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    date: Option<coalition_core::model::Date>,
    notice: &mut Option<Notice>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.heading(&doc.scenario.title);
        match date {
            Some(date) => ui.label(
                egui::RichText::new(format!(
                    "as of {}",
                    crate::ui::panels::timeline::long_date(date)
                ))
                .strong(),
            ),
            None => ui.label(egui::RichText::new(&doc.scenario.date).weak()),
        };
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for command in [
                Command::StartPresentation,
                Command::FitAll,
                Command::ZoomOut,
                Command::ZoomIn,
            ] {
                let tooltip = format!(
                    "{}: {}",
                    command.label_with_shortcut(ui.ctx()),
                    command.tooltip()
                );
                if ui.button(command.label()).on_hover_text(tooltip).clicked() {
                    commands.push(command);
                }
            }
            if !doc.problems.is_empty() {
                let text = format!(
                    "Warning: {} problem(s) in this scenario",
                    doc.problems.len()
                );
                ui.colored_label(ui.visuals().warn_fg_color, text)
                    .on_hover_text(
                        doc.problems
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("\n"),
                    );
            }
        });
    });
    if let Some(current) = notice {
        let mut dismissed = false;
        egui::Frame::group(ui.style())
            .fill(ui.visuals().extreme_bg_color)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        egui::RichText::new(&current.title).strong(),
                    );
                    ui.label(&current.detail);
                    if ui.button("Dismiss").clicked() {
                        dismissed = true;
                    }
                });
            });
        if dismissed {
            *notice = None;
        }
    }
}

/// While a file is being read: its name and a spinner.
pub fn opening_ui(ui: &mut egui::Ui, path: &std::path::Path) {
    ui.horizontal(|ui| {
        ui.spinner();
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        ui.label(format!("Opening {name}…"));
    });
}

/// The offer to take back unsaved work from a session that ended badly:
/// the work's title, and the file it belongs to if it was ever saved.
pub fn recovery_offer_ui(
    ui: &mut egui::Ui,
    title: &str,
    from: Option<&std::path::Path>,
    commands: &mut Vec<Command>,
) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().extreme_bg_color)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let from = from.map_or_else(
                    || "a scenario that was never saved".to_owned(),
                    |p| p.display().to_string(),
                );
                ui.strong("Unsaved work was found from the last session");
                ui.label(format!("(\"{title}\", from {from})."));
                for command in [Command::RestoreRecovery, Command::DiscardRecovery] {
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
}

/// While files are dragged over the window: a hint that dropping opens them.
pub fn drop_hint_ui(ctx: &egui::Context) {
    egui::Area::new(egui::Id::unique("drop_hint"))
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.heading("Drop the file to open it");
            });
        });
}
