//! Editor tab: the conference (name, date, place, hosts and invitations),
//! its attendance rules, and the named what-ifs in slider order.

use super::{
    ItemForm, ListSpec, actor_options, choice, id_list_field, list_ui, section_heading,
    source_options, text_area, text_field,
};
use crate::ui::command::Command;
use crate::ui::state::ViewState;
use coalition_core::edit::fresh_id;
use coalition_core::edit::{ConferenceInfo, Edit, Item, List};
use coalition_core::model::{AttendanceRule, AttendanceScenario, RuleKind, Scenario};

pub fn conference_editor_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    section_heading(ui, "Conference");
    let conference = scenario.conference.clone().unwrap_or_default();
    let info = ConferenceInfo {
        name: conference.name.clone(),
        date: conference.date.clone(),
        place: conference.place.clone(),
    };
    let mut set = |field: &str, info: ConferenceInfo| {
        commands.push(Command::Edit {
            edit: Edit::SetConferenceInfo(info),
            merge: Some(format!("conference {field}")),
        });
    };
    if let Some(v) = text_field(ui, "Conference name", &info.name) {
        set(
            "name",
            ConferenceInfo {
                name: v,
                ..info.clone()
            },
        );
    }
    if let Some(v) = text_field(ui, "Conference date", &info.date) {
        set(
            "date",
            ConferenceInfo {
                date: v,
                ..info.clone()
            },
        );
    }
    if let Some(v) = text_field(ui, "Place", &info.place) {
        set(
            "place",
            ConferenceInfo {
                place: v,
                ..info.clone()
            },
        );
    }
    let names = |ids: &[String]| {
        if ids.is_empty() {
            "none yet".to_owned()
        } else {
            ids.join(", ")
        }
    };
    ui.label(format!("Hosts: {}", names(&conference.hosts)));
    ui.label(format!("Invited: {}", names(&conference.invited)));
    ui.weak("Invite an actor, or make it a host, in the Actors tab.");

    ui.separator();
    section_heading(ui, "Attendance rules");
    let rows: Vec<String> = conference
        .rules
        .iter()
        .map(|r| format!("{} {} {}", r.actor, rule_words(r.kind), r.other))
        .collect();
    let chosen = view.edit.chosen(List::Rules, rows.len());
    let first = |n: usize| {
        scenario
            .actors
            .get(n)
            .map(|a| a.id.clone())
            .unwrap_or_default()
    };
    let new_rule = AttendanceRule {
        kind: RuleKind::WillNotAttendIf,
        actor: view.selected.clone().unwrap_or_else(|| first(0)),
        other: first(1),
        source: String::new(),
        note: String::new(),
        unless: None,
    };
    list_ui(
        ui,
        &ListSpec {
            list: List::Rules,
            rows: &rows,
            chosen,
            new_item: Some(Item::Rule(new_rule)),
            ordered: false,
            keep_because: None,
        },
        commands,
    );
    if let Some(index) = chosen {
        rule_form_ui(ui, scenario, &conference.rules[index], index, commands);
    }

    ui.separator();
    section_heading(ui, "What-ifs, in slider order");
    let rows: Vec<String> = conference
        .scenarios
        .iter()
        .map(|s| s.name.clone())
        .collect();
    let chosen = view.edit.chosen(List::NamedScenarios, rows.len());
    let new_named = AttendanceScenario {
        id: fresh_id("what-if-", |id| {
            conference.scenarios.iter().any(|s| s.id == id)
        }),
        name: "New what-if".into(),
        ..AttendanceScenario::default()
    };
    list_ui(
        ui,
        &ListSpec {
            list: List::NamedScenarios,
            rows: &rows,
            chosen,
            new_item: Some(Item::NamedScenario(new_named)),
            ordered: true,
            keep_because: None,
        },
        commands,
    );
    if let Some(index) = chosen {
        named_form_ui(ui, &conference.scenarios[index], index, commands);
    }
}

fn rule_words(kind: RuleKind) -> &'static str {
    match kind {
        RuleKind::WillNotAttendIf => "will not attend if",
        RuleKind::AttendsOnlyIf => "attends only if",
    }
}

fn rule_form_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    rule: &AttendanceRule,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let mut form = ItemForm {
        list: List::Rules,
        index,
        commands,
    };
    let with = |f: &dyn Fn(&mut AttendanceRule)| {
        let mut changed = rule.clone();
        f(&mut changed);
        Item::Rule(changed)
    };
    let actors = actor_options(scenario);
    if let Some(v) = choice(ui, "Actor", &rule.actor, &actors, None) {
        form.changed("actor", with(&|r| r.actor.clone_from(&v)));
    }
    let kinds: Vec<(String, String)> = [RuleKind::WillNotAttendIf, RuleKind::AttendsOnlyIf]
        .iter()
        .map(|k| (format!("{k:?}"), rule_words(*k).to_owned()))
        .collect();
    if let Some(v) = choice(ui, "Rule", &format!("{:?}", rule.kind), &kinds, None) {
        let kind = if v == "AttendsOnlyIf" {
            RuleKind::AttendsOnlyIf
        } else {
            RuleKind::WillNotAttendIf
        };
        form.changed("kind", with(&|r| r.kind = kind));
    }
    if let Some(v) = choice(ui, "Other actor attends", &rule.other, &actors, None) {
        form.changed("other", with(&|r| r.other.clone_from(&v)));
    }
    let sources = source_options(scenario);
    if let Some(v) = choice(
        ui,
        "Rule source",
        &rule.source,
        &sources,
        Some("(no source)"),
    ) {
        form.changed("source", with(&|r| r.source.clone_from(&v)));
    }
    if scenario.source(&rule.source).is_none() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "No source: say where this condition comes from.",
        );
    }
    if let Some(v) = text_area(ui, "Rule note", &rule.note) {
        form.changed("note", with(&|r| r.note.clone_from(&v)));
    }
}

fn named_form_ui(
    ui: &mut egui::Ui,
    named: &AttendanceScenario,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let mut form = ItemForm {
        list: List::NamedScenarios,
        index,
        commands,
    };
    let with = |f: &dyn Fn(&mut AttendanceScenario)| {
        let mut changed = named.clone();
        f(&mut changed);
        Item::NamedScenario(changed)
    };
    if let Some(v) = text_field(ui, "What-if name", &named.name) {
        form.changed("name", with(&|n| n.name.clone_from(&v)));
    }
    if let Some(v) = text_area(ui, "Description", &named.description) {
        form.changed("description", with(&|n| n.description.clone_from(&v)));
    }
    if let Some(v) = id_list_field(ui, "Also invite (ids)", &named.invite) {
        form.changed("invite", with(&|n| n.invite.clone_from(&v)));
    }
    if let Some(v) = id_list_field(ui, "Take off the list (ids)", &named.uninvite) {
        form.changed("uninvite", with(&|n| n.uninvite.clone_from(&v)));
    }
    let overrides: Vec<String> = named
        .stance_overrides
        .iter()
        .map(|(actor, stance)| format!("{actor}={stance}"))
        .collect();
    if let Some(v) = id_list_field(ui, "Stance changes (ID=stance)", &overrides) {
        let parsed = v
            .iter()
            .filter_map(|pair| pair.split_once('='))
            .map(|(a, s)| (a.trim().to_owned(), s.trim().to_owned()))
            .filter(|(a, s)| !a.is_empty() && !s.is_empty())
            .collect();
        form.changed(
            "overrides",
            with(&|n| n.stance_overrides.clone_from(&parsed)),
        );
    }
    if let Some(v) = id_list_field(ui, "What-if source ids", &named.sources) {
        form.changed("sources", with(&|n| n.sources.clone_from(&v)));
    }
    if let Some(v) = text_field(ui, "What-if id", &named.id) {
        form.changed("id", with(&|n| n.id.clone_from(&v)));
    }
}
