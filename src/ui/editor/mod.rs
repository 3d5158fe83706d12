//! The editor, in the right-hand panel's Edit tab: one file per tab, and the
//! fields and list controls they share. Like every panel it only emits
//! commands; each change is an [`Edit`] the app applies (and can undo).

pub mod actor_editor;
pub mod conference_editor;
pub mod import_preview;
pub mod prompts;
pub mod quote_editor;
pub mod relation_editor;
pub mod scale_editor;
pub mod scenario_editor;
pub mod story_editor;

use crate::theme;
use crate::ui::command::Command;
use crate::ui::command::EditTab;
use crate::ui::state::ViewState;
use coalition_core::Document;
use coalition_core::edit::{Edit, Item, List};

/// The Edit tab: undo and redo, the editor's tabs, and the chosen tab.
pub fn edit_panel_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        for (command, label) in [
            (Command::Undo, doc.history.undo_label()),
            (Command::Redo, doc.history.redo_label()),
        ] {
            let tip = match label {
                Some(what) => format!("{} {what}", command.label()),
                None => "Nothing to ".to_owned() + &command.label().to_lowercase(),
            };
            let button = ui
                .add_enabled(label.is_some(), egui::Button::new(command.label()))
                .on_hover_text(format!("{tip} ({})", shortcut_text(ui, &command)))
                .on_disabled_hover_text(tip);
            if button.clicked() {
                commands.push(command);
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        for tab in EditTab::ALL {
            let command = Command::ShowEditTab(tab);
            if ui
                .selectable_label(view.edit.tab == tab, command.label())
                .on_hover_text(command.tooltip())
                .clicked()
            {
                commands.push(command);
            }
        }
    });
    view.edit.count_uses(&doc.scenario, doc.revision);
    if let Some(message) = &view.edit.message {
        ui.colored_label(ui.visuals().warn_fg_color, message);
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match view.edit.tab {
            EditTab::Actors => actor_editor::actor_editor_ui(ui, doc, view, commands),
            EditTab::Relations => {
                relation_editor::relation_editor_ui(ui, &doc.scenario, view, commands);
            }
            EditTab::Quotes => quote_editor::quote_editor_ui(ui, &doc.scenario, view, commands),
            EditTab::Scale => scale_editor::scale_editor_ui(ui, &doc.scenario, view, commands),
            EditTab::Conference => {
                conference_editor::conference_editor_ui(ui, &doc.scenario, view, commands);
            }
            EditTab::Scenario => {
                scenario_editor::scenario_editor_ui(ui, &doc.scenario, view, commands);
            }
            EditTab::Story => story_editor::story_editor_ui(ui, &doc.scenario, view, commands),
        });
}

fn shortcut_text(ui: &egui::Ui, command: &Command) -> String {
    command
        .shortcut()
        .map(|s| ui.ctx().format_shortcut(&s))
        .unwrap_or_default()
}

/// The form for item `index` of `list`: each changed field replaces the item,
/// and the edits of one field merge into one undo step.
pub struct ItemForm<'a> {
    pub list: List,
    pub index: usize,
    pub commands: &'a mut Vec<Command>,
}

impl ItemForm<'_> {
    /// Replaces the item after `field` changed.
    pub fn changed(&mut self, field: &str, item: Item) {
        self.commands.push(Command::Edit {
            edit: Edit::Replace {
                index: self.index,
                item,
            },
            merge: Some(format!("{:?} {} {field}", self.list, self.index)),
        });
    }
}

/// A labelled one-line text field; the new text when it changed.
pub fn text_field(ui: &mut egui::Ui, label: &str, value: &str) -> Option<String> {
    field(ui, label, value, false)
}

/// A labelled text area for longer text; the new text when it changed.
pub fn text_area(ui: &mut egui::Ui, label: &str, value: &str) -> Option<String> {
    field(ui, label, value, true)
}

fn field(ui: &mut egui::Ui, label: &str, value: &str, multiline: bool) -> Option<String> {
    let mut text = value.to_owned();
    let changed = ui
        .horizontal(|ui| {
            let label = ui.label(label);
            let edit = if multiline {
                egui::TextEdit::multiline(&mut text).desired_rows(3)
            } else {
                egui::TextEdit::singleline(&mut text)
            };
            ui.add(edit.desired_width(f32::INFINITY))
                .labelled_by(label.id)
                .changed()
        })
        .inner;
    changed.then_some(text)
}

/// A labelled number; the new value when it changed.
pub fn number_field(
    ui: &mut egui::Ui,
    label: &str,
    value: f64,
    range: std::ops::RangeInclusive<f64>,
) -> Option<f64> {
    let mut number = value;
    let changed = ui
        .horizontal(|ui| {
            let label = ui.label(label);
            ui.add(
                egui::DragValue::new(&mut number)
                    .range(range)
                    .speed(0.1)
                    .max_decimals(4),
            )
            .labelled_by(label.id)
            .changed()
        })
        .inner;
    changed.then_some(number)
}

/// A labelled choice among `options` (id, label); the chosen id when it changed.
/// `none` adds a first entry for "no choice", answered as an empty id.
pub fn choice(
    ui: &mut egui::Ui,
    label: &str,
    current: &str,
    options: &[(String, String)],
    none: Option<&str>,
) -> Option<String> {
    let mut picked = None;
    ui.horizontal(|ui| {
        let label_response = ui.label(label);
        let shown = options.iter().find(|(id, _)| id == current).map_or_else(
            || {
                if current.is_empty() {
                    none.unwrap_or("(none)").to_owned()
                } else {
                    format!("{current} (unknown)")
                }
            },
            |(_, text)| text.clone(),
        );
        let combo = egui::ComboBox::from_id_salt(("edit choice", label))
            .selected_text(shown)
            .width(ui.available_width().min(240.0))
            .show_ui(ui, |ui| {
                if let Some(none) = none
                    && ui.selectable_label(current.is_empty(), none).clicked()
                {
                    picked = Some(String::new());
                }
                for (id, text) in options {
                    if ui.selectable_label(id == current, text).clicked() {
                        picked = Some(id.clone());
                    }
                }
            });
        combo.response.labelled_by(label_response.id);
    });
    picked.filter(|p| p != current)
}

/// A list of ids typed as `a; b; c`; the new list when it changed. While
/// the field has focus it keeps the text as typed (`a;` on the way to
/// `a; b`), not as the list reads back.
pub fn id_list_field(ui: &mut egui::Ui, label: &str, ids: &[String]) -> Option<Vec<String>> {
    let id = ui.make_persistent_id(("typed list", label));
    let shown = ids.join("; ");
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| shown.clone());
    let response = ui
        .horizontal(|ui| {
            let label = ui.label(label);
            ui.add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY))
                .labelled_by(label.id)
        })
        .inner;
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    response.changed().then(|| split_ids(&text))
}

/// `a; b;; c ` → `[a, b, c]`.
pub fn split_ids(text: &str) -> Vec<String> {
    text.split([';', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The actors as choices: (id, "Name (ID)").
pub fn actor_options(scenario: &coalition_core::model::Scenario) -> Vec<(String, String)> {
    scenario
        .actors
        .iter()
        .map(|a| (a.id.clone(), format!("{} ({})", a.name, a.id)))
        .collect()
}

/// The sources as choices: (id, citation).
pub fn source_options(scenario: &coalition_core::model::Scenario) -> Vec<(String, String)> {
    scenario
        .sources
        .iter()
        .map(|s| (s.id.clone(), format!("{}: {}", s.id, s.publisher)))
        .collect()
}

/// How a list looks in the editor.
pub struct ListSpec<'a> {
    pub list: List,
    /// One line per item.
    pub rows: &'a [String],
    pub chosen: Option<usize>,
    /// What "Add" adds; `None` hides the button.
    pub new_item: Option<Item>,
    /// Show Move up and Move down (the order means something).
    pub ordered: bool,
    /// Why the chosen item cannot be removed, if it cannot.
    pub keep_because: Option<String>,
}

/// Rows to choose from, with Add, Remove and, for ordered lists, Move up and down.
pub fn list_ui(ui: &mut egui::Ui, spec: &ListSpec<'_>, commands: &mut Vec<Command>) {
    let noun = spec.list.noun();
    egui::ScrollArea::vertical()
        .id_salt(("edit list", noun))
        .max_height(theme::size::EDIT_LIST_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(
            ui,
            ui.spacing().interact_size.y,
            spec.rows.len(),
            |ui, range| {
                for index in range {
                    let chosen = spec.chosen == Some(index);
                    if ui
                        .selectable_label(chosen, &spec.rows[index])
                        .on_hover_text(Command::ChooseItem(spec.list, Some(index)).tooltip())
                        .clicked()
                    {
                        commands.push(Command::ChooseItem(spec.list, Some(index)));
                    }
                }
            },
        );
    ui.horizontal_wrapped(|ui| {
        if let Some(item) = &spec.new_item
            && ui
                .button(format!("Add {noun}"))
                .on_hover_text(format!("Add a {noun} at the end of the list"))
                .clicked()
        {
            commands.push(Command::Edit {
                edit: Edit::Add(item.clone()),
                merge: None,
            });
            commands.push(Command::ChooseItem(spec.list, Some(spec.rows.len())));
        }
        let Some(index) = spec.chosen else {
            return;
        };
        let remove = ui
            .add_enabled(
                spec.keep_because.is_none(),
                egui::Button::new(format!("Remove {noun}")),
            )
            .on_hover_text(format!("Remove the chosen {noun}"))
            .on_disabled_hover_text(spec.keep_because.clone().unwrap_or_default());
        if remove.clicked() {
            commands.push(Command::Edit {
                edit: Edit::Remove {
                    list: spec.list,
                    index,
                },
                merge: None,
            });
            commands.push(Command::ChooseItem(spec.list, None));
        }
        if spec.ordered {
            let last = spec.rows.len().saturating_sub(1);
            for (text, to, enabled) in [
                ("up", index.saturating_sub(1), index > 0),
                ("down", (index + 1).min(last), index < last),
            ] {
                let button = ui
                    .add_enabled(enabled, egui::Button::new(format!("Move {noun} {text}")))
                    .on_hover_text(format!("Move the chosen {noun} {text} the list"));
                if button.clicked() {
                    commands.push(Command::Edit {
                        edit: Edit::Move {
                            list: spec.list,
                            from: index,
                            to,
                        },
                        merge: None,
                    });
                    commands.push(Command::ChooseItem(spec.list, Some(to)));
                }
            }
        }
    });
    if let Some(reason) = spec.chosen.and(spec.keep_because.as_ref()) {
        ui.weak(reason);
    }
}

/// A heading inside an editor tab.
pub fn section_heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(6.0);
    ui.strong(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_lists_split_on_semicolons_and_commas_and_drop_blanks() {
        assert_eq!(split_ids(" a; b;; c ,d"), ["a", "b", "c", "d"]);
        assert!(split_ids(" ; ").is_empty());
    }
}
