//! How a source is cited everywhere in the app: publisher, title, date, and a
//! link that opens only when clicked, and only for http(s).

use crate::ui::command::Command;
use coalition_core::model::{Scenario, is_web_url};

/// One line citing source `id`, with a link button when it has a web address.
pub fn source_ui(ui: &mut egui::Ui, scenario: &Scenario, id: &str, commands: &mut Vec<Command>) {
    let Some(source) = scenario.source(id) else {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Missing source \"{id}\""),
        );
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let text = source.citation();
        ui.label(egui::RichText::new(text).small());
        match (&source.url, &source.locator) {
            (Some(url), _) if is_web_url(url) => {
                let command = Command::OpenUrl(url.clone());
                if ui
                    .link(egui::RichText::new("open").small())
                    .on_hover_text(format!("{}: {url}", command.tooltip()))
                    .clicked()
                {
                    commands.push(command);
                }
            }
            (_, Some(locator)) => {
                ui.label(egui::RichText::new(format!("({locator})")).small().weak());
            }
            _ => {}
        }
    });
}
