//! The best invitation list: pick swing actors, search every list over them
//! in the background, and see the Pareto front of people in the room against
//! weighted support. Clicking a point applies that list.

use egui_plot::{HoverPosition, Plot, PlotPoints, Points};

use crate::theme;
use crate::ui::command::Command;
use crate::ui::state::attendance::AttendanceView;
use coalition_core::Document;
use coalition_core::decide::search::MAX_SWING;

pub fn best_list_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    attendance: &mut AttendanceView,
    commands: &mut Vec<Command>,
) {
    let scenario = &doc.scenario;
    egui::CollapsingHeader::new("Best invitation list")
        .default_open(false)
        .show(ui, |ui| {
            let search = &mut attendance.search;
            ui.label(format!(
                "Choose up to {MAX_SWING} swing actors. Every combination of inviting them is tried on top of the current list."
            ));
            ui.horizontal(|ui| {
                let chosen_label = search
                    .weight_kind
                    .as_deref()
                    .or_else(|| scenario.weight_kinds.first().map(|k| k.id.as_str()))
                    .and_then(|id| scenario.weight_kinds.iter().find(|k| k.id == id))
                    .map_or("(no weights)", |k| k.label.as_str());
                egui::ComboBox::from_label("counts as support")
                    .selected_text(chosen_label)
                    .show_ui(ui, |ui| {
                        for kind in &scenario.weight_kinds {
                            ui.selectable_value(&mut search.weight_kind, Some(kind.id.clone()), &kind.label);
                        }
                    });
            });
            egui::CollapsingHeader::new(format!("Swing actors ({} chosen)", search.swing.len()))
                .id_salt("swing_actors")
                .show(ui, |ui| {
                    for actor in &scenario.actors {
                        let mut chosen = search.swing.contains(&actor.id);
                        let full = search.swing.len() >= MAX_SWING && !chosen;
                        if ui
                            .add_enabled(!full, egui::Checkbox::new(&mut chosen, format!("Swing: {}", actor.shown_name())))
                            .changed()
                        {
                            if chosen {
                                search.swing.insert(actor.id.clone());
                            } else {
                                search.swing.remove(&actor.id);
                            }
                        }
                    }
                });
            if let Some(job) = &search.job {
                ui.horizontal(|ui| {
                    ui.add(egui::ProgressBar::new(job.progress()).text(format!("Searching {} lists: {:.0}%", job.total, job.progress() * 100.0)).desired_width(220.0));
                    if ui.button(Command::CancelBestListSearch.label()).clicked() {
                        commands.push(Command::CancelBestListSearch);
                    }
                });
            } else {
                let start = Command::StartBestListSearch;
                let lists = 1u64 << search.swing.len().min(MAX_SWING);
                if ui
                    .add_enabled(!search.swing.is_empty(), egui::Button::new(start.label()))
                    .on_hover_text(format!("{} ({lists} lists)", start.tooltip()))
                    .clicked()
                {
                    commands.push(start);
                }
            }
            if let Some(message) = &search.message {
                ui.label(message);
            }
            if let Some((request, front)) = &search.front {
                let lists = match front.len() {
                    1 => "1 list".to_owned(),
                    n => format!("{n} lists"),
                };
                ui.label(format!("Pareto front: {lists} no other beats on both counts."));
                let points: Vec<[f64; 2]> = front.iter().map(|c| [c.attending as f64, c.support]).collect();
                let summaries: Vec<String> = front
                    .iter()
                    .map(|c| {
                        let invited: Vec<_> = request
                            .swing
                            .iter()
                            .enumerate()
                            .filter(|(k, _)| c.swing_mask & (1 << k) != 0)
                            .map(|(_, &a)| scenario.actors[a].shown_name())
                            .collect();
                        format!(
                            "{} attend, support {}\nSwing actors invited: {}",
                            c.attending,
                            c.support,
                            if invited.is_empty() { "none".to_owned() } else { invited.join(", ") }
                        )
                    })
                    .collect();
                let response = Plot::new("pareto_plot")
                    .height(160.0)
                    .allow_drag(false)
                    .allow_zoom(false)
                    .allow_scroll(false)
                    .allow_boxed_zoom(false)
                    .x_axis_label("Attending")
                    .y_axis_label("Support")
                    .label_formatter(move |hover: &HoverPosition<'_>| match hover {
                        HoverPosition::NearDataPoint { index, .. } => summaries.get(*index).cloned(),
                        HoverPosition::Elsewhere { .. } => None,
                    })
                    .show(ui, |plot_ui| {
                        plot_ui.points(
                            Points::new("Best lists", PlotPoints::from(points.clone()))
                                .radius(5.0)
                                .color(theme::relation_colour(0)),
                        );
                        plot_ui.pointer_coordinate()
                    });
                response
                    .response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Best invitation lists: attending against support"));
                if response.response.clicked()
                    && let Some(pointer) = response.inner
                {
                    let nearest = front.iter().min_by(|a, b| {
                        let d = |c: &&coalition_core::decide::search::Candidate| (c.attending as f64 - pointer.x).abs();
                        d(a).total_cmp(&d(b))
                    });
                    if let Some(candidate) = nearest {
                        commands.push(Command::ApplyInvitations(candidate.invited(request)));
                    }
                }
                for (candidate, label) in front.iter().zip(1..) {
                    if ui
                        .small_button(format!("Use list {label}: {} attend, support {}", candidate.attending, candidate.support))
                        .clicked()
                    {
                        commands.push(Command::ApplyInvitations(candidate.invited(request)));
                    }
                }
            }
        });
}
