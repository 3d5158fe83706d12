//! Editor tab: the story a presenter steps through (F5): each step's title,
//! text, what-if, highlighted actors, quote, question to predict, speaker
//! notes and sources, in order.

use super::{
    ItemForm, ListSpec, choice, id_list_field, list_ui, section_heading, text_area, text_field,
};
use crate::ui::command::Command;
use crate::ui::state::ViewState;
use coalition_core::edit::{Item, List};
use coalition_core::model::{Scenario, StoryStep};

pub fn story_editor_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    section_heading(ui, "Story steps, in order");
    ui.weak("Present them with F5; a clicker's keys move through them.");
    let rows: Vec<String> = scenario
        .story
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{}. {}", i + 1, s.title))
        .collect();
    let chosen = view.edit.chosen(List::StorySteps, rows.len());
    let new_step = StoryStep {
        title: "New step".into(),
        highlight: view.selected.iter().cloned().collect(),
        ..StoryStep::default()
    };
    list_ui(
        ui,
        &ListSpec {
            list: List::StorySteps,
            rows: &rows,
            chosen,
            new_item: Some(Item::StoryStep(new_step)),
            ordered: true,
            keep_because: None,
        },
        commands,
    );
    if let Some(index) = chosen {
        step_form_ui(ui, scenario, index, commands);
    }
}

fn step_form_ui(ui: &mut egui::Ui, scenario: &Scenario, index: usize, commands: &mut Vec<Command>) {
    let step = &scenario.story[index];
    let mut form = ItemForm {
        list: List::StorySteps,
        index,
        commands,
    };
    let with = |f: &dyn Fn(&mut StoryStep)| {
        let mut changed = step.clone();
        f(&mut changed);
        Item::StoryStep(changed)
    };
    let optional = |v: &str| (!v.trim().is_empty()).then(|| v.to_owned());
    if let Some(v) = text_field(ui, "Step title", &step.title) {
        form.changed("title", with(&|s| s.title.clone_from(&v)));
    }
    if let Some(v) = text_area(ui, "What the class reads", &step.text) {
        form.changed("text", with(&|s| s.text.clone_from(&v)));
    }
    let named: Vec<(String, String)> = scenario
        .attendance_scenarios()
        .iter()
        .map(|n| (n.id.clone(), n.name.clone()))
        .collect();
    let current = step.scenario.clone().unwrap_or_default();
    if let Some(v) = choice(
        ui,
        "Shows the what-if",
        &current,
        &named,
        Some("(the first)"),
    ) {
        form.changed("scenario", with(&|s| s.scenario = optional(&v)));
    }
    if let Some(v) = id_list_field(ui, "Highlights (actor ids)", &step.highlight) {
        form.changed("highlight", with(&|s| s.highlight.clone_from(&v)));
    }
    let quotes: Vec<(String, String)> = scenario
        .quotes
        .iter()
        .map(|q| {
            let start: String = q.text.chars().take(40).collect();
            (q.id.clone(), format!("{}: {start}", q.speaker))
        })
        .collect();
    let quote = step.quote.clone().unwrap_or_default();
    if let Some(v) = choice(ui, "Quote shown large", &quote, &quotes, Some("(none)")) {
        form.changed("quote", with(&|s| s.quote = optional(&v)));
    }
    let predict = step.predict.clone().unwrap_or_default();
    if let Some(v) = text_field(ui, "Ask the class first", &predict) {
        form.changed("predict", with(&|s| s.predict = optional(&v)));
    }
    ui.weak("With a question, who stays away is hidden until the presenter reveals it.");
    if let Some(v) = text_area(ui, "Speaker notes", &step.notes) {
        form.changed("notes", with(&|s| s.notes.clone_from(&v)));
    }
    if let Some(v) = id_list_field(ui, "Step source ids", &step.sources) {
        form.changed("sources", with(&|s| s.sources.clone_from(&v)));
    }
    if !step.highlight_relations.is_empty() {
        ui.weak(format!(
            "Also highlights {} relation(s), set in the file.",
            step.highlight_relations.len()
        ));
    }
}
