//! A vote in the window, driven through AccessKit: the Security Council's
//! resolution 2178 of 24 September 2014, chosen from its diamond on the
//! timeline; one member's position changed, and the tally, the outcome with
//! its reason, the map and the legend follow. Nothing of the vote shows
//! before its day.
#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use coalition_map::{CoalitionApp, Startup};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app_harness() -> Harness<'static, CoalitionApp> {
    app_harness_on(None)
}

/// The app on `file` (the built-in scenario without one), both side panels open.
fn app_harness_on(file: Option<std::path::PathBuf>) -> Harness<'static, CoalitionApp> {
    let startup = Startup {
        file,
        recovery_dir: None,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(16)
        .build_eframe(move |cc| CoalitionApp::new(cc, &startup));
    harness.run();
    harness
}

/// Writes `file` as `name` in a temporary folder of its own (the folder, to
/// remove at the end, and the file's path).
fn written(name: &str, file: &serde_json::Value) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("coalition-map-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join(format!("{name}.coalition"));
    std::fs::write(&path, file.to_string()).expect("the file writes");
    (dir, path)
}

/// The stance the map shows for `id`.
fn shown_stance(harness: &Harness<'static, CoalitionApp>, id: &str) -> String {
    let app = harness.state();
    app.view
        .shown(&app.doc)
        .actor(id)
        .map(|a| a.stance.clone())
        .unwrap_or_default()
}

#[test]
fn choosing_the_vote_and_changing_one_position_changes_the_tally_the_outcome_and_its_reason() {
    let mut harness = app_harness();
    // The diamond on the timeline, named by its day and title.
    harness
        .get_by_label_contains("Decision 2014-09-24: Security Council resolution 2178")
        .click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .view
            .time
            .date
            .map(|d| d.to_string())
            .as_deref(),
        Some("2014-09-24"),
        "the timeline moves to the vote's day"
    );
    harness.get_by_label("Tally: 15 in favour, 0 against, 0 abstaining, 0 absent; 9 needed");
    harness.get_by_label("Adopted");
    harness.get_by_label("adopted: 15 in favour, 9 needed; no veto holder votes against");
    // The map draws members by their position: the legend says so.
    assert_eq!(shown_stance(&harness, "RUS"), "for");
    assert_eq!(shown_stance(&harness, "IRN"), "not_member");
    harness.get_by_label_contains("Votes in favour (");

    // What if Russia had voted against? (The member list is below the
    // tally: scrolled to first, as a user would.)
    harness
        .get_by_role_and_label(Role::ComboBox, "Position of Russia")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "Position of Russia")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "against")
        .click();
    harness.run();
    harness.get_by_label("Tally: 14 in favour, 1 against, 0 abstaining, 0 absent; 9 needed");
    harness.get_by_label("Fails");
    harness.get_by_label("fails: Russia, a veto holder, votes against");
    harness.get_by_label("VETO");
    assert_eq!(shown_stance(&harness, "RUS"), "against");
    // The top bar's slider is the vote's, and says why.
    harness.get_by_label_contains(
        "Security Council resolution 2178 (foreign terrorist fighters): As it happened, positions changed by hand",
    );

    // Back to the record.
    harness.get_by_label("Back to the vote's positions").click();
    harness.run();
    harness.get_by_label("Adopted");
    assert_eq!(shown_stance(&harness, "RUS"), "for");

    // The vote's own what-if, from the slider's Next.
    harness.get_by_label("Next").click();
    harness.run();
    harness.get_by_label("fails: Russia, a veto holder, votes against");
}

#[test]
fn before_its_day_a_vote_shows_nothing_but_where_to_find_it() {
    let mut harness = app_harness();
    harness
        .get_by_label_contains("Decision 2014-09-24:")
        .click();
    harness.run();
    // Back to the day the map opens on, the vote still chosen.
    let opening = "2014-09-15".parse().expect("a date");
    harness.state_mut().apply(
        &egui::Context::default(),
        coalition_map::ui::command::Command::SetDate(opening),
    );
    harness.run();
    assert!(harness.state().view.decision.count.is_none());
    assert!(harness.query_by_label_contains("Tally:").is_none());
    harness.get_by_label("Taken on 24 September 2014: the timeline is on an earlier day.");
    // The map shows stances again, not positions.
    assert_eq!(shown_stance(&harness, "RUS"), "critical");
    harness.get_by_label("Go to 24 September 2014").click();
    harness.run();
    harness.get_by_label_contains("Tally: 15 in favour");
}

#[test]
fn every_control_of_a_vote_has_a_name_a_screen_reader_can_say() {
    use egui_kittest::kittest::NodeT as _;
    let mut harness = app_harness();
    harness
        .get_by_label_contains("Decision 2014-09-24:")
        .click();
    harness.run();
    let controls = [Role::Button, Role::Slider, Role::CheckBox, Role::ComboBox];
    let mut combos = 0;
    let mut nameless = Vec::new();
    for node in harness.root().children_recursive() {
        let node = node.accesskit_node();
        if !controls.contains(&node.role()) {
            continue;
        }
        combos += usize::from(node.role() == Role::ComboBox);
        if node.label().is_none_or(|l| l.trim().is_empty()) && node.value().is_none() {
            nameless.push(format!("{:?} at {:?}", node.role(), node.bounding_box()));
        }
    }
    // The decision chooser and one position per member of the Council.
    assert!(combos >= 16, "{combos} combo boxes");
    assert!(nameless.is_empty(), "{nameless:#?}");
    harness.get_by_role_and_label(Role::ComboBox, "Decision");
    harness.get_by_role_and_label(Role::Slider, "Vote what-if: As it happened");
}

#[test]
fn a_member_with_a_conditional_position_follows_the_member_it_waits_for() {
    use egui_kittest::kittest::NodeT as _;
    // Paris 2014 with a rule added for the test (not history): China votes
    // against while Russia votes against.
    let paris = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/scenarios/paris-2014.coalition");
    let text = std::fs::read_to_string(paris).expect("Paris reads");
    let mut file: serde_json::Value = serde_json::from_str(&text).expect("Paris parses");
    let decisions = file["decisions"].as_array_mut().expect("decisions");
    let vote = decisions
        .iter_mut()
        .find(|d| d["id"] == "unsc-2178")
        .expect("resolution 2178");
    vote["vote"]["rules"] = serde_json::json!([{
        "member": "CHN", "position": "against", "other": "RUS", "is": "against",
        "source": "un-charter-art27"
    }]);
    let (dir, path) = written("paris-with-a-rule", &file);
    let mut harness = app_harness_on(Some(path));
    harness
        .get_by_label_contains("Decision 2014-09-24:")
        .click();
    harness.run();
    let china = |harness: &Harness<'static, CoalitionApp>| {
        harness
            .get_by_role_and_label(Role::ComboBox, "Position of China")
            .accesskit_node()
            .value()
            .unwrap_or_default()
    };
    assert_eq!(china(&harness), "in favour");
    let russia = harness.get_by_role_and_label(Role::ComboBox, "Position of Russia");
    russia.scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "Position of Russia")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "against")
        .click();
    harness.run();
    assert_eq!(china(&harness), "against", "China follows Russia");
    harness.get_by_label("Tally: 13 in favour, 2 against, 0 abstaining, 0 absent; 9 needed");
    harness.get_by_label("fails: Russia and China, veto holders, vote against");
    assert_eq!(shown_stance(&harness, "CHN"), "against");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_meeting_among_the_decisions_has_its_own_what_ifs_on_the_top_bar_slider() {
    // The Geneva II example with its conference written as a dated meeting
    // among the decisions (as a file with several meetings would hold it).
    let geneva = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/scenarios/examples/geneva-ii-2014.coalition");
    let text = std::fs::read_to_string(geneva).expect("the example reads");
    let mut file: serde_json::Value = serde_json::from_str(&text).expect("the example parses");
    let meeting = file["conference"].take();
    file.as_object_mut()
        .expect("an object")
        .remove("conference");
    file["decisions"] = serde_json::json!([{
        "id": "montreux", "title": "Geneva II opens at Montreux",
        "date": "2014-01-22", "meeting": meeting
    }]);
    let (dir, path) = written("geneva-meeting", &file);
    let mut harness = app_harness_on(Some(path));
    harness.state_mut().apply(
        &egui::Context::default(),
        coalition_map::ui::command::Command::SelectDecision(Some(0)),
    );
    harness.run();
    harness.get_by_label("Attending (5)");
    harness.get_by_label("RUS, SOC, SYR, UN, USA");
    harness.get_by_role_and_label(Role::Slider, "Meeting what-if: As it happened");
    // Two steps along: "Iran's invitation kept" (the file's first what-if
    // is its own "As it happened").
    harness.get_by_label("Next").click();
    harness.run();
    harness.get_by_label("Next").click();
    harness.run();
    harness.get_by_role_and_label(Role::Slider, "Meeting what-if: Iran's invitation kept");
    harness.get_by_label("IRN, RUS, SYR, UN, USA");
    harness.get_by_label("A what-if, not history.");
    harness
        .get_by_label_contains("the condition \"Iran accepts the Geneva I communiqué\" is false");
    let _ = std::fs::remove_dir_all(dir);
}
