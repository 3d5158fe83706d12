//! The left panel: actor search, the stance legend, relation toggles, the
//! conference, and the points on which sources differ.

use egui::{Sense, Stroke, vec2};

use crate::theme::{self, Glyph, MapLook};
use crate::ui::command::Command;
use crate::ui::map::line_style;
use crate::ui::state::ViewState;
use crate::ui::widgets::glyph::stance_swatch_ui;
use crate::ui::widgets::presence::{PresenceCounts, legend_rows_ui};
use crate::ui::widgets::source_view::source_ui;
use coalition_core::Document;
use coalition_core::model::{Actor, Scenario, text};

/// Most search results listed at once.
const MAX_RESULTS: usize = 8;

pub fn legend_panel_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    let scenario = &doc.scenario;
    search_ui(ui, scenario, view, commands);
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("legend_scroll")
        .show(ui, |ui| {
            // The legend counts stances as the slider's scenario shows them.
            legend_ui(ui, view.shown(doc));
            attendance_key_ui(ui, view.shown(doc), view);
            ui.separator();
            relation_toggles_ui(ui, scenario, view, commands);
            ui.separator();
            conference_ui(ui, scenario, commands);
            if !scenario.disputes.is_empty() {
                ui.separator();
                disputes_ui(ui, scenario, commands);
            }
            if !doc.problems.is_empty() {
                ui.separator();
                problems_ui(ui, doc, commands);
            }
            if !view.warnings.list.is_empty() {
                ui.separator();
                warnings_ui(ui, &view.warnings.list);
            }
        });
}

/// Actors whose name or id contains `query`, case-insensitively; ids that match exactly first.
pub fn search_actors<'a>(
    scenario: &'a Scenario,
    query: &str,
) -> Vec<&'a coalition_core::model::Actor> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<_> = scenario
        .actors
        .iter()
        .filter(|a| a.name.to_lowercase().contains(&q) || a.id.to_lowercase().contains(&q))
        .collect();
    hits.sort_by_key(|a| {
        (
            a.id.to_lowercase() != q,
            !a.name.to_lowercase().starts_with(&q),
            a.name.clone(),
        )
    });
    hits
}

fn search_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    let label = ui.label("Find an actor");
    let edit = egui::TextEdit::singleline(&mut view.search)
        .hint_text("Name or id, e.g. Iran or IRN")
        .desired_width(f32::INFINITY);
    let response = ui.add(edit).labelled_by(label.id);
    if std::mem::take(&mut view.focus_search) {
        response.request_focus();
    }
    let hits = search_actors(scenario, &view.search);
    if response.lost_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
        && let Some(first) = hits.first()
    {
        commands.push(Command::Select(Some(first.id.clone())));
    }
    if !view.search.trim().is_empty() {
        if hits.is_empty() {
            ui.weak("No actor matches.");
        }
        for actor in hits.iter().take(MAX_RESULTS) {
            let selected = view.selected.as_deref() == Some(actor.id.as_str());
            let text = format!("{} ({})", actor.shown_name(), actor.shown_id());
            if ui.selectable_label(selected, text).clicked() {
                commands.push(Command::Select(Some(actor.id.clone())));
            }
        }
        if hits.len() > MAX_RESULTS {
            ui.weak(format!("and {} more", hits.len() - MAX_RESULTS));
        }
    }
}

fn legend_ui(ui: &mut egui::Ui, scenario: &Scenario) {
    ui.strong("Stance");
    let count = scenario.stance_scale.len();
    for (rank, stance) in scenario.stance_scale.iter().enumerate() {
        let glyph = Glyph::for_rank(rank, count);
        let members = scenario
            .actors
            .iter()
            .filter(|a| a.stance == stance.id)
            .count();
        ui.horizontal(|ui| {
            stance_swatch_ui(ui, scenario, rank);
            ui.label(format!("{} ({members})", stance.label))
                .on_hover_text(format!("{}\nShown as a {}.", stance.meaning, glyph.name()));
        });
    }
    ui.weak("Arrow pointing out: the actor lies beyond the map's edge in that direction.");
}

/// Each state toward the meeting in use, drawn as the map draws it, with how
/// many are in it in the slider's scenario.
fn attendance_key_ui(ui: &mut egui::Ui, scenario: &Scenario, view: &ViewState) {
    let Some(conference) = &scenario.conference else {
        return;
    };
    let counts = PresenceCounts::of(
        scenario,
        &view.attendance.invited,
        &view.attendance.outcome.attending,
        false,
    );
    ui.add_space(4.0);
    ui.strong(format!("At the {}", conference.name))
        .on_hover_text("As the slider's invitation list has it.");
    legend_rows_ui(ui, &counts);
}

fn relation_toggles_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    ui.strong("Relations");
    for (kind_index, kind) in scenario.relation_kinds.iter().enumerate() {
        let count = scenario
            .relations
            .iter()
            .filter(|r| r.kind == kind.id)
            .count();
        let mut shown = !view.hidden_relation_kinds.contains(&kind.id);
        ui.horizontal(|ui| {
            let toggle = ui.checkbox(&mut shown, format!("{} ({count})", kind.label));
            let (rect, _) = ui.allocate_exact_size(vec2(28.0, 12.0), Sense::hover());
            // Drawn as the map draws an edge of this kind.
            let stroke = Stroke::new(
                MapLook::SCREEN.edge_width(),
                theme::relation_colour(kind_index),
            );
            let line = [rect.left_center(), rect.right_center()];
            ui.painter()
                .extend(line_style::line_shapes(kind.line, &line, stroke));
            if toggle.on_hover_text(&kind.meaning).changed() {
                commands.push(Command::ToggleRelationKind(kind.id.clone()));
            }
        });
    }
}

fn conference_ui(ui: &mut egui::Ui, scenario: &Scenario, commands: &mut Vec<Command>) {
    let Some(conference) = &scenario.conference else {
        return;
    };
    egui::CollapsingHeader::new("The conference")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(egui::RichText::new(&conference.name).strong());
            ui.label(format!("{}, {}", conference.place, conference.date));
            let names = |ids: &[String]| {
                ids.iter()
                    .map(|id| {
                        scenario
                            .actor(id)
                            .map_or_else(|| text::id(id), Actor::shown_name)
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            ui.label(format!("Hosts: {}", names(&conference.hosts)));
            ui.label(format!(
                "Took part ({}): {}",
                conference.invited.len(),
                names(&conference.invited)
            ));
            for (index, rule) in conference.rules.iter().enumerate() {
                let text = format!(
                    "{}.",
                    coalition_core::decide::explain::rule_sentence(scenario, index)
                );
                ui.label(text).on_hover_text(&rule.note);
                source_ui(ui, scenario, &rule.source, commands);
            }
            for id in &conference.sources {
                source_ui(ui, scenario, id, commands);
            }
        });
}

fn disputes_ui(ui: &mut egui::Ui, scenario: &Scenario, commands: &mut Vec<Command>) {
    egui::CollapsingHeader::new(format!(
        "Where sources differ ({})",
        scenario.disputes.len()
    ))
    .default_open(false)
    .show(ui, |ui| {
        for dispute in &scenario.disputes {
            ui.label(egui::RichText::new(&dispute.topic).strong());
            for account in &dispute.accounts {
                ui.label(format!("- {}", account.claim));
                ui.indent(("account", &account.source, &account.claim), |ui| {
                    source_ui(ui, scenario, &account.source, commands);
                });
            }
            ui.add_space(4.0);
        }
    });
}

/// What the file allows but is probably a mistake, each with its path.
fn warnings_ui(ui: &mut egui::Ui, warnings: &[coalition_core::model::Problem]) {
    egui::CollapsingHeader::new(format!("Warnings ({})", warnings.len()))
        .default_open(true)
        .show(ui, |ui| {
            for warning in warnings {
                ui.label(warning.to_string());
            }
        });
}

/// Problems that did not stop the file loading; a click shows the item.
fn problems_ui(ui: &mut egui::Ui, doc: &Document, commands: &mut Vec<Command>) {
    egui::CollapsingHeader::new(format!("Problems ({})", doc.problems.len()))
        .default_open(true)
        .show(ui, |ui| {
            for (n, problem) in doc.problems.iter().enumerate() {
                let command = Command::GoToProblem(n);
                if ui
                    .link(problem.to_string())
                    .on_hover_text(command.tooltip())
                    .clicked()
                {
                    commands.push(command);
                }
            }
        });
}
