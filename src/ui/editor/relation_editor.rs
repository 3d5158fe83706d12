//! Editor tab: relations and relation kinds. Relations can also be drawn on
//! the map (Shift+drag from one node to another).

use super::{
    ItemForm, ListSpec, actor_options, choice, id_list_field, list_ui, section_heading, text_area,
    text_field,
};
use crate::ui::command::Command;
use crate::ui::map::line_style;
use crate::ui::state::ViewState;
use coalition_core::edit::{Item, List};
use coalition_core::model::{LineStyle, Relation, RelationKind, Scenario};

pub fn relation_editor_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    section_heading(ui, "Relations");
    let rows: Vec<String> = scenario
        .relations
        .iter()
        .map(|r| format!("{} to {}: {}", r.from, r.to, r.kind))
        .collect();
    let chosen = view.edit.chosen(List::Relations, rows.len());
    let first = |n: usize| {
        scenario
            .actors
            .get(n)
            .map(|a| a.id.clone())
            .unwrap_or_default()
    };
    let new_relation = Relation {
        from: view.selected.clone().unwrap_or_else(|| first(0)),
        to: first(1),
        kind: scenario
            .relation_kinds
            .first()
            .map(|k| k.id.clone())
            .unwrap_or_default(),
        directed: true,
        ..Relation::default()
    };
    list_ui(
        ui,
        &ListSpec {
            list: List::Relations,
            rows: &rows,
            chosen,
            new_item: Some(Item::Relation(new_relation)),
            ordered: false,
            keep_because: None,
        },
        commands,
    );
    if let Some(index) = chosen {
        relation_form_ui(ui, scenario, index, commands);
    }

    ui.separator();
    section_heading(ui, "Relation kinds");
    let rows: Vec<String> = scenario
        .relation_kinds
        .iter()
        .map(|k| format!("{} ({})", k.label, k.id))
        .collect();
    let chosen = view.edit.chosen(List::RelationKinds, rows.len());
    let keep_because = chosen.and_then(|i| {
        let used = view.edit.uses(List::RelationKinds, i);
        (used > 0).then(|| format!("{used} relation(s) are of this kind."))
    });
    let new_kind = RelationKind {
        id: coalition_core::edit::fresh_id("kind", |id| scenario.relation_kind(id).is_some()),
        label: "New kind".into(),
        shown_by_default: true,
        ..RelationKind::default()
    };
    list_ui(
        ui,
        &ListSpec {
            list: List::RelationKinds,
            rows: &rows,
            chosen,
            new_item: Some(Item::RelationKind(new_kind)),
            ordered: true,
            keep_because,
        },
        commands,
    );
    if let Some(index) = chosen {
        kind_form_ui(ui, &scenario.relation_kinds[index], index, commands);
    }
}

fn relation_form_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let relation = &scenario.relations[index];
    let mut form = ItemForm {
        list: List::Relations,
        index,
        commands,
    };
    let with = |f: &dyn Fn(&mut Relation)| {
        let mut changed = relation.clone();
        f(&mut changed);
        Item::Relation(changed)
    };
    let actors = actor_options(scenario);
    if let Some(v) = choice(ui, "From", &relation.from, &actors, None) {
        form.changed("from", with(&|r| r.from.clone_from(&v)));
    }
    if let Some(v) = choice(ui, "To", &relation.to, &actors, None) {
        form.changed("to", with(&|r| r.to.clone_from(&v)));
    }
    let kinds: Vec<(String, String)> = scenario
        .relation_kinds
        .iter()
        .map(|k| (k.id.clone(), k.label.clone()))
        .collect();
    if let Some(v) = choice(ui, "Relation kind", &relation.kind, &kinds, None) {
        form.changed("kind", with(&|r| r.kind.clone_from(&v)));
    }
    let mut directed = relation.directed;
    if ui
        .checkbox(&mut directed, "One way (from to)")
        .on_hover_text("Off for a relation that runs both ways, such as hostility")
        .changed()
    {
        form.changed("directed", with(&|r| r.directed = directed));
    }
    if let Some(v) = text_field(ui, "Label", &relation.label) {
        form.changed("label", with(&|r| r.label.clone_from(&v)));
    }
    if let Some(v) = text_field(ui, "Date", &relation.date) {
        form.changed("date", with(&|r| r.date.clone_from(&v)));
    }
    if let Some(v) = id_list_field(ui, "Source ids", &relation.sources) {
        form.changed("sources", with(&|r| r.sources.clone_from(&v)));
    }
}

fn kind_form_ui(ui: &mut egui::Ui, kind: &RelationKind, index: usize, commands: &mut Vec<Command>) {
    let mut form = ItemForm {
        list: List::RelationKinds,
        index,
        commands,
    };
    let with = |f: &dyn Fn(&mut RelationKind)| {
        let mut changed = kind.clone();
        f(&mut changed);
        Item::RelationKind(changed)
    };
    if let Some(v) = text_field(ui, "Kind id", &kind.id) {
        form.changed("id", with(&|k| k.id.clone_from(&v)));
    }
    if let Some(v) = text_field(ui, "Kind label", &kind.label) {
        form.changed("label", with(&|k| k.label.clone_from(&v)));
    }
    if let Some(v) = text_area(ui, "Kind meaning", &kind.meaning) {
        form.changed("meaning", with(&|k| k.meaning.clone_from(&v)));
    }
    let name = |style: LineStyle| line_style::look(style).name;
    let options: Vec<(String, String)> = LineStyle::ALL
        .iter()
        .map(|&style| (name(style).to_owned(), name(style).to_owned()))
        .collect();
    if let Some(v) = choice(ui, "Line", name(kind.line), &options, None)
        && let Some(&style) = LineStyle::ALL.iter().find(|&&s| name(s) == v)
    {
        form.changed("line", with(&|k| k.line = style));
    }
    let mut shown = kind.shown_by_default;
    if ui
        .checkbox(&mut shown, "Shown when the file opens")
        .changed()
    {
        form.changed("shown", with(&|k| k.shown_by_default = shown));
    }
}
