//! Who attends the conference in the slider's scenario, who stays away and
//! why, what one invitation change would flip, the measures plot, and the
//! best-list search.

use crate::ui::command::Command;
use crate::ui::panels::{best_list, measures_plot};
use crate::ui::state::attendance::AttendanceView;
use crate::ui::widgets::source_view::source_ui;
use coalition_core::Document;
use coalition_core::decide::Absence;
use coalition_core::decide::explain::{absence_reason, absence_source, conflict_settlement};

/// How many "what flips" entries are listed.
const MAX_FLIPS: usize = 6;

pub fn attendance_panel_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    attendance: &mut AttendanceView,
    commands: &mut Vec<Command>,
) {
    let scenario = &doc.scenario;
    egui::ScrollArea::vertical()
        .id_salt("attendance_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            heading_ui(ui, doc, attendance, commands);
            ui.separator();
            absent_ui(ui, doc, attendance, commands);
            if !attendance.outcome.conflicts.is_empty() {
                ui.separator();
                ui.strong(format!(
                    "Conflicts settled ({})",
                    attendance.outcome.conflicts.len()
                ));
                for conflict in &attendance.outcome.conflicts {
                    ui.label(conflict_settlement(scenario, conflict));
                }
            }
            ui.separator();
            attending_ui(ui, doc, attendance);
            ui.separator();
            ui.strong("Across the scenarios");
            measures_plot::measures_plot_ui(ui, doc, attendance, commands);
            ui.separator();
            flips_ui(ui, doc, attendance, commands);
            ui.separator();
            invitations_ui(ui, doc, attendance, commands);
            ui.separator();
            best_list::best_list_ui(ui, doc, attendance, commands);
        });
}

fn heading_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    attendance: &mut AttendanceView,
    commands: &mut Vec<Command>,
) {
    let named = doc.scenario.attendance_scenarios().get(attendance.position);
    if attendance.is_custom() {
        ui.heading("Custom invitation list");
        ui.label("Changed by hand from the scenario below.");
        if ui.button(Command::ResetInvitations.label()).clicked() {
            commands.push(Command::ResetInvitations);
        }
        if doc.scenario.conference.is_some() {
            ui.horizontal(|ui| {
                let label = ui.label("Name:");
                ui.add(
                    egui::TextEdit::singleline(&mut attendance.new_scenario_name)
                        .hint_text("e.g. Iran and Qatar invited")
                        .desired_width(160.0),
                )
                .labelled_by(label.id);
                let command =
                    Command::AddCustomListAsScenario(attendance.new_scenario_name.clone());
                let named = !attendance.new_scenario_name.trim().is_empty();
                if ui
                    .add_enabled(named, egui::Button::new(command.label()))
                    .on_hover_text(command.tooltip())
                    .clicked()
                {
                    commands.push(command);
                    attendance.new_scenario_name.clear();
                }
            });
        }
    }
    if let Some(named) = named {
        ui.label(egui::RichText::new(&named.name).strong());
        if !named.description.is_empty() {
            ui.label(&named.description);
        }
        for id in &named.sources {
            source_ui(ui, &doc.scenario, id, commands);
        }
    }
}

fn absent_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    attendance: &AttendanceView,
    commands: &mut Vec<Command>,
) {
    let scenario = &doc.scenario;
    let staying_away: Vec<(usize, Absence)> = attendance
        .outcome
        .absent
        .iter()
        .copied()
        .filter(|(_, a)| *a != Absence::NotInvited)
        .collect();
    ui.strong(format!("Invited but staying away ({})", staying_away.len()));
    if staying_away.is_empty() {
        ui.label("Everyone invited attends.");
    }
    for (index, absence) in staying_away {
        let name = scenario.actors[index].shown_name();
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(format!("{name}:")).strong());
            ui.label(absence_reason(scenario, index, absence));
        });
        if let Some(source) = absence_source(scenario, index, absence) {
            ui.indent(("absence", index), |ui| {
                source_ui(ui, scenario, source, commands);
            });
        }
    }
}

fn attending_ui(ui: &mut egui::Ui, doc: &Document, attendance: &AttendanceView) {
    let scenario = &doc.scenario;
    let names = |pick: &dyn Fn(usize) -> bool| {
        scenario
            .actors
            .iter()
            .enumerate()
            .filter(|(i, _)| pick(*i))
            .map(|(_, a)| a.shown_name())
            .collect::<Vec<_>>()
    };
    let attending = names(&|i| {
        attendance
            .outcome
            .attending
            .get(i)
            .copied()
            .unwrap_or(false)
    });
    ui.strong(format!("Attending ({})", attending.len()));
    ui.label(attending.join(", "));
    let not_invited = names(&|i| !attendance.invited.get(i).copied().unwrap_or(false));
    if !not_invited.is_empty() {
        ui.strong(format!("Not invited ({})", not_invited.len()));
        ui.label(not_invited.join(", "));
    }
}

fn flips_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    attendance: &AttendanceView,
    commands: &mut Vec<Command>,
) {
    let scenario = &doc.scenario;
    ui.strong("What flips");
    ui.weak("Single invitation changes that change who else attends, most first.");
    if attendance.flips.is_empty() {
        ui.label("No single invitation change moves anyone else.");
    }
    for flip in attendance.flips.iter().take(MAX_FLIPS) {
        let actor = &scenario.actors[flip.actor];
        let verb = if flip.invite { "Invite" } else { "Uninvite" };
        let changed: Vec<String> = flip
            .changed
            .iter()
            .map(|&i| {
                let now = if attendance
                    .outcome
                    .attending
                    .get(i)
                    .copied()
                    .unwrap_or(false)
                {
                    "stays away"
                } else {
                    "comes"
                };
                format!("{} {now}", scenario.actors[i].shown_name())
            })
            .collect();
        ui.horizontal_wrapped(|ui| {
            let command = Command::ToggleInvitation(actor.id.clone());
            if ui
                .small_button(format!("{verb} {}", actor.shown_name()))
                .on_hover_text(command.tooltip())
                .clicked()
            {
                commands.push(command);
            }
            ui.label(format!("then {}", changed.join(", ")));
        });
    }
}

fn invitations_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    attendance: &AttendanceView,
    commands: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new("Change the invitation list")
        .default_open(false)
        .show(ui, |ui| {
            ui.weak("Tick or untick to see the outcome at once; the file is not changed.");
            for (index, actor) in doc.scenario.actors.iter().enumerate() {
                let mut invited = attendance.invited.get(index).copied().unwrap_or(false);
                let attends = attendance
                    .outcome
                    .attending
                    .get(index)
                    .copied()
                    .unwrap_or(false);
                let note = match (invited, attends) {
                    (true, true) => "attends",
                    (true, false) => "stays away",
                    _ => "not invited",
                };
                if ui
                    .checkbox(
                        &mut invited,
                        format!("Invite {} ({note})", actor.shown_name()),
                    )
                    .changed()
                {
                    commands.push(Command::ToggleInvitation(actor.id.clone()));
                }
            }
        });
}
