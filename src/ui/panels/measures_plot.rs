//! The measures across the named scenarios: attendance, weight totals and
//! group coverage, with the slider's scenario marked. Hover names a scenario;
//! a click moves the slider there.

use egui_plot::{HoverPosition, Line, Plot, PlotPoints, Points, VLine};

use crate::theme;
use crate::ui::command::Command;
use crate::ui::state::attendance::{AttendanceView, plot_series};
use coalition_core::Document;

pub fn measures_plot_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    attendance: &mut AttendanceView,
    commands: &mut Vec<Command>,
) {
    let named = doc.scenario.attendance_scenarios();
    if named.len() < 2 {
        ui.weak("The scenario has fewer than two named invitation lists to compare.");
        return;
    }
    let series = plot_series(&doc.scenario, &doc.named);
    let shown: std::collections::BTreeMap<String, bool> = series
        .iter()
        .map(|s| {
            let visible = attendance
                .series_visibility
                .get(&s.name)
                .copied()
                .unwrap_or_else(|| s.shown_by_default());
            (s.name.clone(), visible)
        })
        .collect();
    let scenario_names: Vec<String> = named.iter().map(|n| n.name.clone()).collect();
    let label_names = scenario_names.clone();
    let position = attendance.position as f64;
    let plot = Plot::new("measures_plot")
        .height(200.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .x_axis_label("Scenario")
        .x_axis_formatter(|mark, _| format!("{}", mark.value.round() as i64 + 1))
        .label_formatter(move |hover: &HoverPosition<'_>| {
            let (series_name, point) = match hover {
                HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } => (Some(*plot_name), *position),
                HoverPosition::Elsewhere { position } => (None, *position),
            };
            let index = point.x.round().max(0.0) as usize;
            let scenario = label_names.get(index)?;
            Some(match series_name {
                Some(name) => format!("{scenario}\n{name}: {}", point.y),
                None => scenario.clone(),
            })
        });
    let response = plot.show(ui, |plot_ui| {
        plot_ui.vline(
            VLine::new("Slider", position)
                .color(theme::map::SELECTED_RING)
                .width(1.5),
        );
        for (k, s) in series.iter().enumerate().filter(|(_, s)| shown[&s.name]) {
            let colour = theme::relation_colour(k);
            plot_ui.line(
                Line::new(s.name.clone(), PlotPoints::from(s.points.clone()))
                    .color(colour)
                    .width(1.8),
            );
            plot_ui.points(
                Points::new(s.name.clone(), PlotPoints::from(s.points.clone()))
                    .color(colour)
                    .radius(3.0),
            );
        }
        plot_ui.pointer_coordinate()
    });
    response.response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            "Measures across the attendance scenarios",
        )
    });
    if response.response.clicked()
        && let Some(point) = response.inner
    {
        let index = point
            .x
            .round()
            .clamp(0.0, (scenario_names.len() - 1) as f64) as usize;
        commands.push(Command::SetAttendanceScenario(index));
    }
    // The legend doubles as the switch for each line.
    for (k, s) in series.iter().enumerate() {
        let mut visible = shown[&s.name];
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 10.0), egui::Sense::hover());
            ui.painter().line_segment(
                [rect.left_center(), rect.right_center()],
                egui::Stroke::new(2.5, theme::relation_colour(k)),
            );
            if ui.checkbox(&mut visible, &s.name).changed() {
                attendance.series_visibility.insert(s.name.clone(), visible);
            }
        });
    }
}
