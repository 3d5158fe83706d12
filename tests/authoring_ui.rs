//! Authoring through the real app: a scenario built from nothing with the
//! editor's buttons, fields and menus, saved, reopened and compared; undo and
//! redo from the keyboard; an actor removed with its references decided; a
//! node dragged on the map; a relation drawn from one node to another.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use std::path::PathBuf;

use coalition_core::model::{QuoteKind, RuleKind, Scenario};
use coalition_map::ui::command::Command;
use coalition_map::{CoalitionApp, Startup};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type App = Harness<'static, CoalitionApp>;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "coalition-map-authoring-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn harness() -> App {
    let startup = Startup::default();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_theme(egui::Theme::Light)
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(16)
        .build_eframe(move |cc| CoalitionApp::new(cc, &startup));
    harness.run();
    harness
}

fn apply(harness: &mut App, command: Command) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, command);
    // A file opens on a thread of its own: step until it is shown.
    while harness.state().is_opening() {
        std::thread::sleep(std::time::Duration::from_millis(2));
        harness.step();
    }
    harness.run();
}

fn scenario(harness: &App) -> &Scenario {
    &harness.state().doc.scenario
}

fn click(harness: &mut App, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

fn button(harness: &mut App, label: &str) {
    click(harness, Role::Button, label);
}

/// Replaces the text of the field labelled `label` with `text`, as a user
/// would: click, select all, type.
fn fill(harness: &mut App, label: &str, text: &str) {
    let role = if harness
        .query_by_role_and_label(Role::MultilineTextInput, label)
        .is_some()
    {
        Role::MultilineTextInput
    } else {
        Role::TextInput
    };
    click(harness, role, label);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
    // Leave the field: the typed text is one step.
    harness.key_press(Key::Tab);
    harness.run();
}

/// Picks `option` in the drop-down labelled `label`.
fn choose(harness: &mut App, label: &str, option: &str) {
    click(harness, Role::ComboBox, label);
    harness.get_by_label(option).click();
    harness.run();
}

fn add_actor(harness: &mut App, id: &str, name: &str, stance: &str) {
    button(harness, "Add actor");
    fill(harness, "Id", id);
    fill(harness, "Name", name);
    choose(harness, "Stance", stance);
}

fn key(harness: &mut App, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

#[test]
fn a_scenario_built_in_the_editor_saves_and_reopens_unchanged() {
    let mut harness = harness();
    key(&mut harness, Modifiers::COMMAND, Key::N);
    assert_eq!(scenario(&harness).title, "Untitled scenario");
    assert!(scenario(&harness).actors.is_empty());

    button(&mut harness, "Edit scenario");
    button(&mut harness, "Scenario");
    fill(
        &mut harness,
        "Scenario title",
        "Libya: the vote on resolution 1973",
    );
    fill(&mut harness, "Day (YYYY-MM-DD)", "2011-03-17");

    button(&mut harness, "Actors");
    add_actor(&mut harness, "FRA", "France", "Supports");
    add_actor(&mut harness, "DEU", "Germany", "Neutral");
    add_actor(&mut harness, "LBY", "Libya", "Opposes");
    let ids: Vec<&str> = scenario(&harness)
        .actors
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["FRA", "DEU", "LBY"]);
    click(&mut harness, Role::CheckBox, "Invited");

    button(&mut harness, "Quotes & sources");
    button(&mut harness, "Add source");
    fill(&mut harness, "Source id", "un-sc-10200");
    fill(&mut harness, "Publisher", "United Nations");
    fill(
        &mut harness,
        "Title",
        "[Security Council meeting coverage SC/10200]",
    );
    fill(&mut harness, "Published", "2011-03-17");
    button(&mut harness, "Add quote");
    // A new quote has no source yet, and says so.
    harness.get_by_label("No source: every quote needs one.");
    fill(&mut harness, "Quote text", "Words typed by the teacher.");
    fill(&mut harness, "Speaker", "A delegate");
    choose(&mut harness, "Source", "un-sc-10200: United Nations");
    assert!(
        harness
            .query_by_label("No source: every quote needs one.")
            .is_none()
    );

    button(&mut harness, "Relations");
    button(&mut harness, "Add relation");
    choose(&mut harness, "From", "France (FRA)");
    choose(&mut harness, "To", "Libya (LBY)");
    choose(&mut harness, "Relation kind", "Hostile to");

    button(&mut harness, "Conference");
    fill(&mut harness, "Conference name", "Security Council vote");
    button(&mut harness, "Add attendance rule");
    choose(&mut harness, "Actor", "Germany (DEU)");
    choose(&mut harness, "Other actor attends", "Libya (LBY)");
    choose(&mut harness, "Rule source", "un-sc-10200: United Nations");

    let built = scenario(&harness).clone();
    assert_eq!(built.title, "Libya: the vote on resolution 1973");
    assert_eq!(built.date, "2011-03-17");
    assert_eq!(built.actors[2].stance, "opposes");
    assert_eq!(built.relations.len(), 1);
    assert_eq!(
        (
            built.relations[0].from.as_str(),
            built.relations[0].to.as_str()
        ),
        ("FRA", "LBY")
    );
    assert_eq!(built.relations[0].kind, "hostility");
    let quote = &built.quotes[0];
    assert_eq!(quote.text, "Words typed by the teacher.");
    assert_eq!(quote.kind, QuoteKind::Verbatim);
    assert_eq!(quote.source, "un-sc-10200");
    let conference = built.conference.as_ref().expect("made by the editor");
    assert_eq!(conference.name, "Security Council vote");
    assert_eq!(conference.invited, ["LBY"]);
    let rule = &conference.rules[0];
    assert_eq!(
        (rule.kind, rule.actor.as_str(), rule.other.as_str()),
        (RuleKind::WillNotAttendIf, "DEU", "LBY")
    );
    assert_eq!(rule.source, "un-sc-10200");
    assert!(
        harness.state().doc.problems.is_empty(),
        "{:?}",
        harness.state().doc.problems
    );
    assert!(harness.state().window_title().starts_with("* "));

    let dir = temp_dir("build");
    let path = dir.join("libya.coalition");
    apply(&mut harness, Command::SaveTo(path.clone()));
    assert!(!harness.state().doc.is_modified());
    apply(&mut harness, Command::NewScenario);
    assert!(scenario(&harness).actors.is_empty());
    apply(&mut harness, Command::OpenPath(path));
    assert_eq!(scenario(&harness), &built);
}

#[test]
fn every_edit_undoes_with_ctrl_z_and_redoes_with_ctrl_shift_z_and_ctrl_y() {
    let mut harness = harness();
    key(&mut harness, Modifiers::COMMAND, Key::N);
    let blank = scenario(&harness).clone();
    button(&mut harness, "Edit scenario");
    add_actor(&mut harness, "FRA", "France", "Supports");
    add_actor(&mut harness, "GBR", "United Kingdom", "Leans in favour");
    let edited = scenario(&harness).clone();

    // Add, id, name, stance: one step each, the typing of a field merged.
    // France's stance is already the new actor's default: no step.
    let mut steps = 0;
    while harness.state().doc.history.undo_label().is_some() {
        key(&mut harness, Modifiers::COMMAND, Key::Z);
        steps += 1;
        assert!(steps <= 7, "more steps than edits");
    }
    assert_eq!(steps, 7);
    assert_eq!(scenario(&harness), &blank);
    assert!(!harness.state().doc.is_modified());

    for _ in 0..4 {
        key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    }
    for _ in 0..3 {
        key(&mut harness, Modifiers::COMMAND, Key::Y);
    }
    assert_eq!(scenario(&harness), &edited);
}

#[test]
fn removing_an_actor_that_others_name_asks_first_and_can_keep_them_flagged() {
    let mut harness = harness();
    apply(&mut harness, Command::Select(Some("IRN".into())));
    button(&mut harness, "Edit scenario");
    let before = scenario(&harness).clone();

    button(&mut harness, "Remove IRN");
    harness.get_by_label_contains("Iran (IRN) is named by");
    button(&mut harness, "Cancel");
    assert_eq!(scenario(&harness), &before, "cancel changes nothing");

    button(&mut harness, "Remove IRN");
    button(&mut harness, "Keep them and flag them");
    assert!(scenario(&harness).actor("IRN").is_none());
    let problems = &harness.state().doc.problems;
    assert!(!problems.is_empty(), "the kept references are flagged");
    assert!(problems.iter().all(|p| p.message.contains("\"IRN\"")));

    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(scenario(&harness), &before);
    assert!(harness.state().doc.problems.is_empty());

    apply(&mut harness, Command::Select(Some("IRN".into())));
    button(&mut harness, "Remove IRN");
    button(&mut harness, "Remove them too");
    assert!(scenario(&harness).actor("IRN").is_none());
    assert!(harness.state().doc.problems.is_empty(), "nothing dangles");
}

/// The screen position of an actor's node.
fn node_centre(harness: &App, id: &str) -> egui::Pos2 {
    harness
        .state()
        .view
        .map
        .placements
        .iter()
        .find(|(a, _)| a == id)
        .map(|(_, p)| p.centre)
        .expect("the actor is on the map")
}

fn drag(harness: &mut App, from: egui::Pos2, to: egui::Pos2, modifiers: Modifiers) {
    let steps = 8;
    harness.event(egui::Event::PointerMoved(from));
    harness.run();
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    harness.run();
    for i in 1..=steps {
        let t = i as f32 / steps as f32;
        harness.event(egui::Event::PointerMoved(from + (to - from) * t));
        harness.run();
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    harness.run();
}

#[test]
fn dragging_a_node_moves_it_in_one_step_and_shift_dragging_draws_a_relation() {
    let mut harness = harness();
    button(&mut harness, "Edit scenario");
    let before = scenario(&harness).clone();

    let from = node_centre(&harness, "IRN");
    drag(
        &mut harness,
        from,
        from + egui::vec2(60.0, 40.0),
        Modifiers::NONE,
    );
    let moved = scenario(&harness)
        .actor("IRN")
        .and_then(|a| a.map_position)
        .expect("dragging sets where it is drawn");
    let old = before.actor("IRN").expect("Iran").map_anchor();
    assert!(moved.lon > old.lon && moved.lat < old.lat, "{moved:?}");
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(scenario(&harness), &before, "the whole drag is one step");

    let (a, b) = (node_centre(&harness, "FRA"), node_centre(&harness, "IRN"));
    shift_drag(&mut harness, a, b);
    harness.get_by_label("From France to Iran. What kind is it?");
    let kind = before.relation_kinds[0].label.clone();
    button(&mut harness, &kind);
    let added = scenario(&harness).relations.last().expect("added").clone();
    assert_eq!((added.from.as_str(), added.to.as_str()), ("FRA", "IRN"));
    assert_eq!(added.kind, before.relation_kinds[0].id);
    assert_eq!(
        scenario(&harness).relations.len(),
        before.relations.len() + 1
    );
}

fn shift_drag(harness: &mut App, from: egui::Pos2, to: egui::Pos2) {
    harness.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    drag(harness, from, to, Modifiers::SHIFT);
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
}

#[test]
fn a_spreadsheet_import_previews_bad_rows_by_row_and_column_and_changes_nothing_until_accepted() {
    let mut harness = harness();
    let before = scenario(&harness).clone();
    let dir = temp_dir("import");
    let path = dir.join("actors.csv");
    std::fs::write(
        &path,
        "name,id,lat,lon,stance\n\
         Tunisia,TUN,36.81,10.18,support\n\
         Atlantis,ATL,10,10,friendly\n\
         Nowhere,NWH,95,10,support\n",
    )
    .expect("write the spreadsheet");

    apply(&mut harness, Command::ImportActorsFrom(path.clone()));
    harness.get_by_label_contains("row 3, column stance: \"friendly\" is not a stance");
    harness.get_by_label("row 4, column lat: latitude 95 is outside -90 to 90");
    assert_eq!(scenario(&harness), &before, "a preview changes nothing");
    button(&mut harness, "Cancel import");
    assert_eq!(scenario(&harness), &before, "cancelling changes nothing");

    apply(&mut harness, Command::ImportActorsFrom(path));
    button(&mut harness, "Import 1 actor(s)");
    let tunisia = scenario(&harness)
        .actor("TUN")
        .expect("the good row is imported");
    assert_eq!(tunisia.stance, "support");
    assert!(scenario(&harness).actor("ATL").is_none());
    assert_eq!(scenario(&harness).actors.len(), before.actors.len() + 1);

    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(scenario(&harness), &before, "the import is one step");
}

#[test]
fn the_actor_table_exports_to_a_csv_file_that_imports_back_unchanged() {
    let mut harness = harness();
    let before = scenario(&harness).clone();
    let dir = temp_dir("export");
    let path = dir.join("actors.csv");
    apply(
        &mut harness,
        Command::ExportTableTo(coalition_core::io::csv::Table::Actors, path.clone()),
    );
    harness.get_by_label_contains("Exported the actors to");
    let text = std::fs::read_to_string(&path).expect("written");
    assert_eq!(text.lines().count(), before.actors.len() + 1);

    apply(&mut harness, Command::ImportActorsFrom(path));
    let label = format!("Import {} actor(s)", before.actors.len());
    button(&mut harness, &label);
    assert_eq!(
        scenario(&harness),
        &before,
        "every row updates its actor to itself"
    );
}

#[test]
fn a_list_of_ids_keeps_what_is_typed_until_the_field_is_left() {
    let mut harness = harness();
    button(&mut harness, "Edit scenario");
    button(&mut harness, "Conference");
    click(&mut harness, Role::Button, "Without the Gulf states");
    let index = harness
        .state()
        .doc
        .scenario
        .attendance_scenarios()
        .iter()
        .position(|n| n.name == "Without the Gulf states")
        .expect("Paris has this what-if");
    click(&mut harness, Role::TextInput, "Also invite (ids)");
    harness.key_press(Key::End);
    harness.run();
    // Typed in two goes, as a person types: the separator must survive.
    for part in ["; IRN;", " SYR"] {
        harness
            .get_by_role_and_label(Role::TextInput, "Also invite (ids)")
            .type_text(part);
        harness.run();
    }
    harness.key_press(Key::Tab);
    harness.run();
    let named = &scenario(&harness).attendance_scenarios()[index];
    assert!(
        named
            .invite
            .ends_with(&["IRN".to_owned(), "SYR".to_owned()]),
        "{:?}",
        named.invite
    );
}

#[test]
fn a_cited_source_cannot_be_removed_but_an_unused_one_can() {
    let mut harness = harness();
    button(&mut harness, "Edit scenario");
    button(&mut harness, "Quotes & sources");
    let first = &scenario(&harness).sources[0];
    let row = format!("{}: {}", first.id, first.citation());
    click(&mut harness, Role::Button, &row);
    harness.get_by_label_contains("Cited ");
    let remove = harness.get_by_role_and_label(Role::Button, "Remove source");
    assert!(
        remove.accesskit_node().is_disabled(),
        "a cited source stays"
    );

    let count = scenario(&harness).sources.len();
    button(&mut harness, "Add source");
    let remove = harness.get_by_role_and_label(Role::Button, "Remove source");
    assert!(!remove.accesskit_node().is_disabled());
    button(&mut harness, "Remove source");
    assert_eq!(scenario(&harness).sources.len(), count);
}
