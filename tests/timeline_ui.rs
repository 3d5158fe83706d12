//! The timeline in the window, driven through AccessKit: the map opens on 15
//! September 2014; dragging the cursor, the `.` key and Play move the day,
//! and the legend's counts follow the events.
#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use coalition_map::ui::command::Command;
use coalition_map::{CoalitionApp, Startup};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app_harness() -> Harness<'static, CoalitionApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(16)
        .build_eframe(|cc| CoalitionApp::new(cc, &Startup::default()));
    harness.run();
    harness
}

fn day(harness: &Harness<'static, CoalitionApp>) -> String {
    harness
        .state()
        .view
        .time
        .date
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// Actors whose stance on the day shown is `stance`, by id.
fn with_stance(harness: &Harness<'static, CoalitionApp>, stance: &str) -> Vec<String> {
    let app = harness.state();
    let mut ids: Vec<String> = app
        .view
        .shown(&app.doc)
        .actors
        .iter()
        .filter(|a| a.stance == stance)
        .map(|a| a.id.clone())
        .collect();
    ids.sort();
    ids
}

#[test]
fn the_next_event_key_walks_to_the_strikes_in_syria_and_the_legend_counts_follow() {
    let mut harness = app_harness();
    assert_eq!(day(&harness), "2014-09-15");
    harness.get_by_label("Strikes in Syria (0)");
    let mut presses = 0;
    while day(&harness).as_str() < "2014-09-23" {
        harness.key_press(egui::Key::Period);
        harness.run();
        presses += 1;
        assert!(presses < 20, "stuck on {}", day(&harness));
    }
    assert_eq!(day(&harness), "2014-09-23");
    assert_eq!(
        with_stance(&harness, "strikes_syria"),
        ["ARE", "BHR", "JOR", "QAT", "SAU", "USA"]
    );
    harness.get_by_label("Strikes in Syria (6)");
    // The day's event, with its source, is in the banner; Hezbollah, first
    // heard from that day, is on the map now.
    let title = {
        let app = harness.state();
        let timeline = app.doc.scenario.timeline.as_ref().expect("a timeline");
        timeline
            .events
            .iter()
            .find(|e| e.date.to_string() == "2014-09-23" && e.title.contains("strikes in Syria"))
            .expect("the day's event")
            .title
            .clone()
    };
    harness.get_by_label(&title);
    harness.get_by_label_contains("Map: Hezbollah");
    // And back with the previous-event key.
    harness.key_press(egui::Key::Comma);
    harness.run();
    assert!(day(&harness).as_str() < "2014-09-23", "{}", day(&harness));
    harness.get_by_label("Strikes in Syria (0)");
}

#[test]
fn dragging_the_cursor_to_the_start_shows_the_first_strikes_only() {
    let mut harness = app_harness();
    let axis = harness.get_by_label_contains("Timeline: ").rect();
    assert!(axis.width() > 300.0, "{axis:?}");
    // Press on the cursor's day, drag to the left end, let go.
    let from = egui::pos2(axis.center().x, axis.center().y);
    harness.hover_at(from);
    harness.drag_at(from);
    harness.run();
    for x in [
        axis.center().x - 100.0,
        axis.left() + 4.0,
        axis.left() - 20.0,
    ] {
        harness.hover_at(egui::pos2(x, from.y));
        harness.run();
    }
    harness.drop_at(egui::pos2(axis.left() - 20.0, from.y));
    harness.run();
    assert_eq!(day(&harness), "2014-08-08");
    assert_eq!(with_stance(&harness, "strikes_iraq"), ["USA"]);
    assert!(with_stance(&harness, "support").is_empty());
    harness.get_by_label("Strikes in Iraq only (1)");
    harness.get_by_label_contains("as of 8 August 2014");
}

#[test]
fn play_walks_event_by_event_and_stops_at_the_end() {
    let mut harness = app_harness();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::SetSecondsPerEvent(1.0));
    harness.get_by_label("Play").click();
    harness.run_steps(2);
    assert!(harness.state().view.time.playing);
    let start = day(&harness);
    // A second per event; each step of the harness is a quarter of one.
    harness.run_steps(9);
    let later = day(&harness);
    assert!(later > start, "{start} -> {later}");
    assert!(
        harness.state().view.time.playing,
        "still playing on {later}"
    );
    harness.get_by_label("Pause").click();
    harness.run_steps(2);
    assert!(!harness.state().view.time.playing);
    let paused = day(&harness);
    harness.run_steps(12);
    assert_eq!(day(&harness), paused, "paused stays put");
    // Played to the end, it stops there.
    harness.get_by_label("Play").click();
    harness.run_steps(4 * 90);
    assert_eq!(day(&harness), "2015-03-30");
    assert!(!harness.state().view.time.playing);
    assert_eq!(
        with_stance(&harness, "strikes_iraq"),
        ["AUS", "BEL", "CAN", "FRA", "GBR", "NLD"]
    );
}

#[test]
fn every_control_of_the_timeline_has_a_name_a_screen_reader_can_say() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT as _;
    let harness = app_harness();
    let controls = [Role::Button, Role::Slider, Role::CheckBox, Role::SpinButton];
    let mut checked = 0;
    let mut nameless = Vec::new();
    for node in harness.root().children_recursive() {
        let node = node.accesskit_node();
        if !controls.contains(&node.role()) {
            continue;
        }
        checked += 1;
        if node.label().is_none_or(|l| l.trim().is_empty()) && node.value().is_none() {
            nameless.push(format!("{:?} at {:?}", node.role(), node.bounding_box()));
        }
    }
    assert!(checked > 100, "{checked} controls");
    assert!(nameless.is_empty(), "{nameless:#?}");
    // The timeline's own: the axis, Play, the steps, the pace, an event's tick.
    harness.get_by_label_contains("Timeline: 15 September 2014");
    harness.get_by_label("Play");
    harness.get_by_label("Previous event");
    harness.get_by_label("Next event");
    harness.get_by_role_and_label(Role::Slider, "per event");
    // A tick per day of events, named by its day and what happened: the 80
    // events of Paris 2014 fall on fewer days.
    let days: std::collections::BTreeSet<String> = {
        let app = harness.state();
        let timeline = app.doc.scenario.timeline.as_ref().expect("a timeline");
        timeline.events.iter().map(|e| e.date.to_string()).collect()
    };
    assert!(days.len() > 40 && days.len() < 80, "{}", days.len());
    let ticks = harness.query_all_by_label_contains("Event").count();
    assert_eq!(ticks, days.len());
    harness.get_by_label_contains("Events 2014-09-23: ");
}
