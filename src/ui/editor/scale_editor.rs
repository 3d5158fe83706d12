//! Editor tab: the stance scale (add, reorder, relabel, recolour), the weight
//! kinds and the groups.

use super::{ItemForm, ListSpec, list_ui, section_heading, text_area, text_field};
use crate::ui::command::Command;
use crate::ui::state::ViewState;
use coalition_core::edit::fresh_id;
use coalition_core::edit::{Item, List};
use coalition_core::model::{Group, Scenario, StanceCategory, WeightKind, parse_hex_colour};

pub fn scale_editor_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    section_heading(ui, "Stance scale, most supportive first");
    let rows: Vec<String> = scenario
        .stance_scale
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{}. {} ({})", i + 1, s.label, s.id))
        .collect();
    let chosen = view.edit.chosen(List::Stances, rows.len());
    let keep_because = chosen.and_then(|i| {
        let used = view.edit.uses(List::Stances, i);
        (used > 0).then(|| format!("{used} actor(s) or what-ifs stand here; move them first."))
    });
    let new_stance = StanceCategory {
        id: fresh_id("stance", |id| scenario.stance(id).is_some()),
        label: "New stance".into(),
        ..StanceCategory::default()
    };
    list_ui(
        ui,
        &ListSpec {
            list: List::Stances,
            rows: &rows,
            chosen,
            new_item: Some(Item::Stance(new_stance)),
            ordered: true,
            keep_because,
        },
        commands,
    );
    if let Some(index) = chosen {
        stance_form_ui(ui, scenario, index, commands);
    }

    ui.separator();
    section_heading(ui, "Weight kinds");
    let rows: Vec<String> = scenario
        .weight_kinds
        .iter()
        .map(|k| format!("{} ({})", k.label, k.id))
        .collect();
    let chosen = view.edit.chosen(List::WeightKinds, rows.len());
    let new_kind = WeightKind {
        id: fresh_id("weight", |id| {
            scenario.weight_kinds.iter().any(|k| k.id == id)
        }),
        label: "New weight".into(),
        ..WeightKind::default()
    };
    let keep_because = chosen.and_then(|i| {
        let used = view.edit.uses(List::WeightKinds, i);
        (used > 0).then(|| format!("{used} actor(s) carry this weight."))
    });
    list_ui(
        ui,
        &ListSpec {
            list: List::WeightKinds,
            rows: &rows,
            chosen,
            new_item: Some(Item::WeightKind(new_kind)),
            ordered: true,
            keep_because,
        },
        commands,
    );
    if let Some(index) = chosen {
        let kind = &scenario.weight_kinds[index];
        let mut form = ItemForm {
            list: List::WeightKinds,
            index,
            commands,
        };
        let with = |f: &dyn Fn(&mut WeightKind)| {
            let mut changed = kind.clone();
            f(&mut changed);
            Item::WeightKind(changed)
        };
        if let Some(v) = text_field(ui, "Weight id", &kind.id) {
            form.changed("id", with(&|k| k.id.clone_from(&v)));
        }
        if let Some(v) = text_field(ui, "Weight label", &kind.label) {
            form.changed("label", with(&|k| k.label.clone_from(&v)));
        }
        if let Some(v) = text_area(ui, "How it is derived", &kind.meaning) {
            form.changed("meaning", with(&|k| k.meaning.clone_from(&v)));
        }
    }

    ui.separator();
    section_heading(ui, "Groups");
    let rows: Vec<String> = scenario
        .groups
        .iter()
        .map(|g| format!("{} ({})", g.label, g.id))
        .collect();
    let chosen = view.edit.chosen(List::Groups, rows.len());
    let new_group = Group {
        id: fresh_id("group", |id| scenario.group(id).is_some()),
        label: "New group".into(),
    };
    let keep_because = chosen.and_then(|i| {
        let used = view.edit.uses(List::Groups, i);
        (used > 0).then(|| format!("{used} actor(s) belong to it."))
    });
    list_ui(
        ui,
        &ListSpec {
            list: List::Groups,
            rows: &rows,
            chosen,
            new_item: Some(Item::Group(new_group)),
            ordered: true,
            keep_because,
        },
        commands,
    );
    if let Some(index) = chosen {
        let group = &scenario.groups[index];
        let mut form = ItemForm {
            list: List::Groups,
            index,
            commands,
        };
        let with = |f: &dyn Fn(&mut Group)| {
            let mut changed = group.clone();
            f(&mut changed);
            Item::Group(changed)
        };
        if let Some(v) = text_field(ui, "Group id", &group.id) {
            form.changed("id", with(&|g| g.id.clone_from(&v)));
        }
        if let Some(v) = text_field(ui, "Group label", &group.label) {
            form.changed("label", with(&|g| g.label.clone_from(&v)));
        }
    }
}

fn stance_form_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let stance = &scenario.stance_scale[index];
    let mut form = ItemForm {
        list: List::Stances,
        index,
        commands,
    };
    let with = |f: &dyn Fn(&mut StanceCategory)| {
        let mut changed = stance.clone();
        f(&mut changed);
        Item::Stance(changed)
    };
    if let Some(v) = text_field(ui, "Stance id", &stance.id) {
        form.changed("id", with(&|s| s.id.clone_from(&v)));
    }
    if let Some(v) = text_field(ui, "Stance label", &stance.label) {
        form.changed("label", with(&|s| s.label.clone_from(&v)));
    }
    if let Some(v) = text_area(ui, "What it means", &stance.meaning) {
        form.changed("meaning", with(&|s| s.meaning.clone_from(&v)));
    }
    ui.horizontal(|ui| {
        let label = ui.label("Colour");
        let mut own = stance.color.is_some();
        let shown = crate::theme::stance_colour(scenario, index);
        let mut rgb = [shown.r(), shown.g(), shown.b()];
        if ui
            .checkbox(&mut own, "Own colour")
            .on_hover_text("Off: the app's colour-blind-safe palette decides")
            .changed()
        {
            let color = own.then(|| hex(rgb));
            form.changed("colour", with(&|s| s.color.clone_from(&color)));
        }
        if stance.color.as_deref().and_then(parse_hex_colour).is_some() || own {
            let picker = ui.color_edit_button_srgb(&mut rgb).labelled_by(label.id);
            if picker.changed() {
                let color = Some(hex(rgb));
                form.changed("colour", with(&|s| s.color.clone_from(&color)));
            }
        }
    });
}

/// `#rrggbb`.
fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}
