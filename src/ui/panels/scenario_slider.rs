//! The scenario slider: the app's central control. For the conference it
//! steps through the named invitation lists; while a vote is shown, through
//! the vote as it happened and its what-ifs. The map, panels and plot follow.

use crate::ui::command::Command;
use crate::ui::state::attendance::AttendanceView;
use crate::ui::state::decision::DecisionView;
use coalition_core::Document;
use coalition_core::model::Scenario;

pub fn scenario_slider_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    attendance: &AttendanceView,
    commands: &mut Vec<Command>,
) {
    let named = doc.scenario.attendance_scenarios();
    if named.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        let previous = Command::StepScenario(-1);
        if ui
            .add_enabled(
                attendance.position > 0 || attendance.is_custom(),
                egui::Button::new("Previous"),
            )
            .on_hover_text(previous.label_with_shortcut(ui.ctx()))
            .clicked()
        {
            commands.push(previous);
        }
        ui.spacing_mut().slider_width = 220.0;
        let mut position = attendance.position;
        let scenario_names: Vec<&str> = named.iter().map(|n| n.name.as_str()).collect();
        let custom = attendance.is_custom();
        let slider = egui::Slider::new(&mut position, 0..=named.len() - 1)
            .text("Attendance scenario")
            .show_value(false)
            .step_by(1.0);
        let response = ui.add(slider).on_hover_text(format!(
            "{} named invitation lists: {}",
            named.len(),
            scenario_names.join("; ")
        ));
        let spoken = format!(
            "Attendance scenario: {}",
            scenario_names[attendance.position]
        );
        response.widget_info(|| egui::WidgetInfo::slider(true, position as f64, &spoken));
        if response.changed() && (position != attendance.position || custom) {
            commands.push(Command::SetAttendanceScenario(position));
        }
        let next = Command::StepScenario(1);
        if ui
            .add_enabled(
                attendance.position + 1 < named.len(),
                egui::Button::new("Next"),
            )
            .on_hover_text(next.label_with_shortcut(ui.ctx()))
            .clicked()
        {
            commands.push(next);
        }
        let title = if custom {
            format!(
                "Custom list (from \"{}\")",
                scenario_names[attendance.position]
            )
        } else {
            format!(
                "{}/{}: {}",
                attendance.position + 1,
                named.len(),
                scenario_names[attendance.position]
            )
        };
        ui.strong(title);
        let count = attendance.outcome.attending_count();
        let away = attendance
            .outcome
            .absent
            .iter()
            .filter(|(i, _)| attendance.invited.get(*i).copied().unwrap_or(false))
            .count();
        ui.label(format!("· {count} attend, {away} invited stay away"));
        if custom && ui.small_button(Command::ResetInvitations.label()).clicked() {
            commands.push(Command::ResetInvitations);
        }
    });
}

/// The slider of the decision shown (a vote or a meeting): as it happened,
/// then each of its what-ifs.
pub fn decision_slider_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    decision: &DecisionView,
    commands: &mut Vec<Command>,
) {
    let Some((shown, what_ifs)) = decision.what_ifs(scenario) else {
        return;
    };
    let names: Vec<&str> = std::iter::once("As it happened").chain(what_ifs).collect();
    let at = decision.what_if.map_or(0, |i| i + 1);
    let is_vote = decision.vote(scenario).is_some();
    let what = if is_vote {
        "Vote what-if"
    } else {
        "Meeting what-if"
    };
    ui.horizontal(|ui| {
        let previous = Command::StepScenario(-1);
        if ui
            .add_enabled(at > 0, egui::Button::new("Previous"))
            .on_hover_text(previous.label_with_shortcut(ui.ctx()))
            .clicked()
        {
            commands.push(previous);
        }
        ui.spacing_mut().slider_width = 220.0;
        let mut position = at;
        let response = ui
            .add(
                egui::Slider::new(&mut position, 0..=names.len() - 1)
                    .text(what)
                    .show_value(false)
                    .step_by(1.0),
            )
            .on_hover_text(names.join("; "));
        let spoken = format!("{what}: {}", names[at]);
        response.widget_info(|| egui::WidgetInfo::slider(true, position as f64, &spoken));
        if response.changed() && position != at {
            commands.push(Command::SetDecisionWhatIf(position.checked_sub(1)));
        }
        let next = Command::StepScenario(1);
        if ui
            .add_enabled(at + 1 < names.len(), egui::Button::new("Next"))
            .on_hover_text(next.label_with_shortcut(ui.ctx()))
            .clicked()
        {
            commands.push(next);
        }
        let changed = if decision.set.is_empty() {
            ""
        } else {
            ", positions changed by hand"
        };
        ui.strong(format!("{}: {}{changed}", shown.title, names[at]));
        match (&decision.count, &decision.meeting) {
            (Some(count), _) => ui.label(format!(
                "· {} ({} for, {} against, {} needed)",
                if count.adopted { "adopted" } else { "fails" },
                count.tally.in_favour,
                count.tally.against,
                count.tally.needed
            )),
            (None, Some(meeting)) => ui.label(format!(
                "· {} attending, {} staying away",
                meeting.attending.len(),
                meeting.absent.len()
            )),
            (None, None) => ui.label(format!(
                "· {} {}",
                if is_vote { "voted on" } else { "held on" },
                shown.date
            )),
        };
    });
}
