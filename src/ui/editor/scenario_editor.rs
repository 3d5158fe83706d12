//! Editor tab: the scenario's title, date, summary and map region, and the
//! points where sources differ (each account with its source).

use super::{
    ItemForm, ListSpec, choice, list_ui, number_field, section_heading, source_options, text_area,
    text_field,
};
use crate::ui::command::Command;
use crate::ui::state::ViewState;
use coalition_core::edit::{Edit, Header, Item, List};
use coalition_core::model::{Account, Dispute, MapRegion, Scenario};

/// One edge of the map region: its label, value, range, and how to set it.
type RegionField = (
    &'static str,
    f64,
    std::ops::RangeInclusive<f64>,
    fn(&mut MapRegion, f64),
);

pub fn scenario_editor_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    section_heading(ui, "Scenario");
    let header = Header::of(scenario);
    let mut set = |field: &str, header: Header| {
        commands.push(Command::Edit {
            edit: Edit::SetHeader(header),
            merge: Some(format!("header {field}")),
        });
    };
    if let Some(v) = text_field(ui, "Scenario title", &header.title) {
        set(
            "title",
            Header {
                title: v,
                ..header.clone()
            },
        );
    }
    if let Some(v) = text_field(ui, "Day (YYYY-MM-DD)", &header.date) {
        set(
            "date",
            Header {
                date: v,
                ..header.clone()
            },
        );
    }
    if let Some(v) = text_area(ui, "Summary", &header.summary) {
        set(
            "summary",
            Header {
                summary: v,
                ..header.clone()
            },
        );
    }
    section_heading(ui, "Map region (degrees)");
    let map = header.map;
    let fields: [RegionField; 4] = [
        ("West", map.west, -180.0..=180.0, |m, v| m.west = v),
        ("East", map.east, -180.0..=180.0, |m, v| m.east = v),
        ("South", map.south, -85.0..=85.0, |m, v| m.south = v),
        ("North", map.north, -85.0..=85.0, |m, v| m.north = v),
    ];
    for (label, value, range, put) in fields {
        if let Some(v) = number_field(ui, label, value, range) {
            let mut map = header.map;
            put(&mut map, v);
            set(
                label,
                Header {
                    map,
                    ..header.clone()
                },
            );
        }
    }
    if let Some(t) = view.map.transform
        && ui
            .button("Use the map's view")
            .on_hover_text("Make the region what the map shows now")
            .clicked()
    {
        let rect = t.screen_rect;
        let (nw, se) = (
            t.geo_from_screen(rect.left_top()),
            t.geo_from_screen(rect.right_bottom()),
        );
        let round = |x: f64| (x * 10.0).round() / 10.0;
        let map = MapRegion {
            west: round(nw.lon.max(-180.0)),
            east: round(se.lon.min(180.0)),
            south: round(se.lat.max(-85.0)),
            north: round(nw.lat.min(85.0)),
        };
        set(
            "view",
            Header {
                map,
                ..header.clone()
            },
        );
    }

    ui.separator();
    section_heading(ui, "Where sources differ");
    let rows: Vec<String> = scenario.disputes.iter().map(|d| d.topic.clone()).collect();
    let chosen = view.edit.chosen(List::Disputes, rows.len());
    let new_dispute = Dispute {
        topic: "New point of difference".into(),
        accounts: Vec::new(),
    };
    list_ui(
        ui,
        &ListSpec {
            list: List::Disputes,
            rows: &rows,
            chosen,
            new_item: Some(Item::Dispute(new_dispute)),
            ordered: true,
            keep_because: None,
        },
        commands,
    );
    if let Some(index) = chosen {
        dispute_form_ui(ui, scenario, index, commands);
    }
}

fn dispute_form_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let dispute = &scenario.disputes[index];
    let mut form = ItemForm {
        list: List::Disputes,
        index,
        commands,
    };
    let with = |f: &dyn Fn(&mut Dispute)| {
        let mut changed = dispute.clone();
        f(&mut changed);
        Item::Dispute(changed)
    };
    if let Some(v) = text_field(ui, "Topic", &dispute.topic) {
        form.changed("topic", with(&|d| d.topic.clone_from(&v)));
    }
    let sources = source_options(scenario);
    for (n, account) in dispute.accounts.iter().enumerate() {
        ui.push_id(("account", n), |ui| {
            ui.label(format!("Account {}", n + 1));
            if let Some(v) = text_area(ui, &format!("Claim {}", n + 1), &account.claim) {
                form.changed(
                    &format!("claim {n}"),
                    with(&|d| d.accounts[n].claim.clone_from(&v)),
                );
            }
            if let Some(v) = choice(
                ui,
                &format!("Source of account {}", n + 1),
                &account.source,
                &sources,
                Some("(no source)"),
            ) {
                form.changed(
                    &format!("source {n}"),
                    with(&|d| d.accounts[n].source.clone_from(&v)),
                );
            }
            if ui.button(format!("Remove account {}", n + 1)).clicked() {
                form.changed(
                    "accounts",
                    with(&|d| {
                        d.accounts.remove(n);
                    }),
                );
            }
        });
    }
    if ui
        .button("Add account")
        .on_hover_text("Add one source's account of this point")
        .clicked()
    {
        form.changed("accounts", with(&|d| d.accounts.push(Account::default())));
    }
}
