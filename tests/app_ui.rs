//! The real app, driven headlessly through AccessKit roles and labels.
#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use coalition_map::{CoalitionApp, Startup};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The app in a wide window (1440×900), where both side panels open.
fn app_harness() -> Harness<'static, CoalitionApp> {
    app_harness_at(1440.0, 900.0)
}

/// The app at 1280×800 or wider, opened on `file` as a double-click would.
fn app_harness_opening(
    file: &std::path::Path,
    width: f32,
    height: f32,
) -> Harness<'static, CoalitionApp> {
    let startup = Startup {
        file: Some(file.to_path_buf()),
        recovery_dir: None,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| CoalitionApp::new(cc, &startup));
    harness.run();
    harness
}

fn app_harness_at(width: f32, height: f32) -> Harness<'static, CoalitionApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_theme(egui::Theme::Light)
        .build_eframe(|cc| CoalitionApp::new(cc, &Startup::default()));
    harness.run();
    harness
}

#[test]
fn the_window_opens_on_15_september_2014_with_only_the_united_states_striking() {
    let harness = app_harness();
    let app = harness.state();
    assert_eq!(app.doc.scenario.actors.len(), 34);
    assert!(app.doc.problems.is_empty(), "{:?}", app.doc.problems);
    assert_eq!(
        app.view.time.date.map(|d| d.to_string()).as_deref(),
        Some("2014-09-15")
    );
    let shown = app.view.shown(&app.doc);
    let striking: Vec<&str> = shown
        .actors
        .iter()
        .filter(|a| a.stance.starts_with("strikes_"))
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(striking, ["USA"]);
    assert_eq!(app.view.map.placements.len(), 34);
    // Every actor in the picture that day is on the map; Hezbollah, first
    // heard from on 23 September, is not yet.
    for (actor, offstage) in app.doc.scenario.actors.iter().zip(&app.view.time.offstage) {
        let found = harness
            .query_by_label_contains(&format!("Map: {}", actor.name))
            .is_some();
        assert_eq!(found, !offstage, "{}", actor.name);
    }
    assert!(harness.query_by_label_contains("Map: Hezbollah").is_none());
    harness.get_by_label_contains("as of 15 September 2014");
}

#[test]
fn picking_an_actor_with_the_search_box_shows_its_quotes() {
    let mut harness = app_harness();
    harness
        .get_by_role_and_label(Role::TextInput, "Find an actor")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Find an actor")
        .type_text("iran");
    harness.run();
    harness.get_by_label("Iran (IRN)").click();
    harness.run();

    assert_eq!(harness.state().view.selected.as_deref(), Some("IRN"));
    harness.get_by_label_contains(
        "I saw no point in co-operating with a country whose hands are dirty",
    );
    // Only Iran's quotes: Kerry's is not listed while Iran is selected.
    assert!(
        harness
            .query_by_label_contains("We are not coordinating with Iran")
            .is_none()
    );
}

#[test]
fn clicking_a_node_selects_its_actor_and_lists_its_quotes() {
    let mut harness = app_harness();
    harness
        .get_by_role_and_label(Role::Button, "Map: United States")
        .click();
    harness.run();
    assert_eq!(harness.state().view.selected.as_deref(), Some("USA"));
    harness.get_by_label_contains("“We are not coordinating with Iran. Period.”");
    // The article's paraphrase of the same statement is shown beside it.
    harness.get_by_label_contains("not co-operating with Iran");
    assert!(harness.query_by_label_contains("I saw no point").is_none());
}

#[test]
fn clicking_a_quote_selects_its_speaker_and_highlights_the_relations() {
    let mut harness = app_harness();
    // With nothing selected every quote is listed; the first is Khamenei's.
    harness
        .get_all_by_role_and_label(Role::Button, "Show on map")
        .next()
        .expect("a quote card")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.view.selected.as_deref(), Some("IRN"));
    assert!(app.view.focused_quote.is_some());
}

#[test]
fn switching_a_relation_kind_off_removes_its_edges() {
    let mut harness = app_harness();
    let overtures: Vec<usize> = {
        let s = &harness.state().doc.scenario;
        s.relations
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == "overture")
            .map(|(i, _)| i)
            .collect()
    };
    assert!(!overtures.is_empty());
    assert!(
        overtures
            .iter()
            .all(|i| harness.state().view.map.drawn_relations.contains(i))
    );

    harness
        .get_by_role_and_label(Role::CheckBox, "Overture (1)")
        .click();
    harness.run();
    let drawn = &harness.state().view.map.drawn_relations;
    assert!(
        overtures.iter().all(|i| !drawn.contains(i)),
        "overture edges still drawn"
    );
    assert!(!drawn.is_empty(), "other kinds stay");

    harness
        .get_by_role_and_label(Role::CheckBox, "Overture (1)")
        .click();
    harness.run();
    assert!(
        overtures
            .iter()
            .all(|i| harness.state().view.map.drawn_relations.contains(i))
    );
}

#[test]
fn at_1280_by_800_every_actor_in_the_picture_is_labelled_and_no_label_overlaps() {
    let harness = app_harness();
    let app = harness.state();
    let placements: Vec<&(String, coalition_core::geo::layout::NodePlacement)> = app
        .view
        .map
        .placements
        .iter()
        .zip(&app.view.time.offstage)
        .filter(|(_, offstage)| !**offstage)
        .map(|(p, _)| p)
        .collect();
    assert!(
        placements.len() >= 30,
        "{} in the picture",
        placements.len()
    );
    let labels: Vec<(&str, egui::Rect)> = placements
        .iter()
        .map(|(id, p)| {
            (
                id.as_str(),
                p.label
                    .as_ref()
                    .unwrap_or_else(|| panic!("{id} has no label"))
                    .rect,
            )
        })
        .collect();
    for (i, (a, ra)) in labels.iter().enumerate() {
        for (b, rb) in &labels[i + 1..] {
            assert!(!ra.intersects(*rb), "labels of {a} and {b} overlap");
        }
        for (b, p) in &placements {
            if b != a {
                let node = egui::Rect::from_center_size(p.centre, egui::Vec2::splat(15.0));
                assert!(!ra.intersects(node), "label of {a} covers the node of {b}");
            }
        }
    }
}

#[test]
fn a_zoom_gesture_scales_the_map_and_draws_it_again_once_it_settles() {
    use coalition_map::ui::map::ZOOM_SETTLES_AFTER;
    // Frames a sixtieth of a second apart, as on a screen.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_theme(egui::Theme::Light)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(|cc| CoalitionApp::new(cc, &Startup::default()));
    harness.run();
    let before = harness.state().view.map.transform.expect("fitted");
    assert_eq!(
        harness.state().view.map.drawn_scale(),
        Some(before.points_per_unit)
    );
    harness.hover_at(before.screen_rect.center());
    // A pinch in several steps, a frame apart, then a few frames without input.
    for _ in 0..4 {
        harness.event(egui::Event::Zoom(1.1));
        harness.step();
    }
    for _ in 0..3 {
        harness.step();
    }
    let zoomed = harness.state().view.map.transform.expect("still there");
    assert!(zoomed.points_per_unit > before.points_per_unit * 1.4);
    assert_eq!(
        harness.state().view.map.drawn_scale(),
        Some(before.points_per_unit),
        "during the gesture what was drawn is scaled"
    );
    assert!(
        harness.ctx.has_requested_repaint(),
        "the map asks for the frame in which the gesture settles"
    );
    let frames = (ZOOM_SETTLES_AFTER * 60.0).ceil() as usize;
    for _ in 0..frames {
        harness.step();
    }
    assert_eq!(
        harness.state().view.map.drawn_scale(),
        Some(zoomed.points_per_unit),
        "settled: drawn again at the new scale"
    );
}

#[test]
fn keyboard_zooms_pans_and_fits_the_map() {
    let mut harness = app_harness();
    let initial = harness.state().view.map.transform.expect("fitted");
    // As a user would: click a node first (it takes the keyboard focus).
    harness
        .get_by_role_and_label(Role::Button, "Map: Turkey")
        .click();
    harness.run();
    harness.key_press(egui::Key::Equals);
    harness.run();
    let zoomed = harness.state().view.map.transform.expect("still there");
    assert!(zoomed.points_per_unit > initial.points_per_unit * 1.3);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    let panned = harness.state().view.map.transform.expect("still there");
    assert!(
        panned.world_centre.x < zoomed.world_centre.x,
        "the view moved west"
    );
    harness.key_press(egui::Key::Home);
    harness.run();
    // Home fits the whole region to the map as it is now (the side panel
    // may have grown a little with the selected actor's details).
    let fitted = harness.state().view.map.transform.expect("still there");
    let expected = coalition_core::geo::projection::MapTransform::fit(
        harness.state().doc.scenario.map,
        fitted.screen_rect,
        coalition_map::theme::size::MAP_MARGIN,
    );
    assert_eq!(fitted, expected);
    assert!((fitted.points_per_unit / initial.points_per_unit - 1.0).abs() < 0.01);
}

#[test]
fn a_file_that_cannot_be_read_leaves_the_built_in_scenario_and_says_why() {
    let dir = std::env::temp_dir().join(format!("coalition-map-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("broken.coalition");
    std::fs::write(&path, "{\n  \"format\": 1,\n  \"title\": \n").expect("write");
    let mut harness = app_harness_opening(&path, 1280.0, 800.0);
    assert_eq!(harness.state().doc.scenario.actors.len(), 34);
    harness.get_by_label_contains("Could not open");
    harness.get_by_label_contains("line 4, column 0");
    harness
        .get_by_role_and_label(Role::Button, "Dismiss")
        .click();
    harness.run();
    assert!(harness.state().notice.is_none());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_default_view_matches_its_snapshot() {
    // A classroom projector's 1280×800: the side panels start collapsed.
    let mut harness = app_harness_at(1280.0, 800.0);
    harness.snapshot("default_view");
}

#[test]
fn the_default_view_at_1024_by_768_matches_its_snapshot() {
    // An older classroom projector: both side panels start as strips.
    let mut harness = app_harness_at(1024.0, 768.0);
    harness.snapshot("default_view_1024x768");
}

#[test]
fn in_a_narrow_window_the_side_panels_start_as_strips_and_open_on_demand() {
    let mut harness = app_harness_at(1024.0, 768.0);
    let map_width = |harness: &Harness<'static, CoalitionApp>| {
        harness
            .state()
            .view
            .map
            .transform
            .map_or(0.0, |t| t.screen_rect.width())
    };
    assert!(
        harness.query_by_label("Find an actor").is_none(),
        "legend collapsed"
    );
    assert!(
        harness.query_by_label("Actor and quotes").is_none(),
        "details collapsed"
    );
    let collapsed = map_width(&harness);
    assert!(collapsed > 900.0, "the map takes the window: {collapsed}");
    // Every actor of the Paris scenario in the picture is on the map, on screen.
    {
        let app = harness.state();
        let map = app.view.map.transform.expect("fitted").screen_rect;
        for ((id, p), offstage) in app.view.map.placements.iter().zip(&app.view.time.offstage) {
            assert!(
                *offstage || map.contains(p.centre),
                "{id} at {:?} is off the map {map:?}",
                p.centre
            );
        }
    }

    harness.get_by_label("Show the details panel").click();
    harness.run();
    harness.get_by_label("Actor and quotes");
    assert!(
        map_width(&harness) < collapsed,
        "the map refits beside the panel"
    );

    // Ctrl+B opens the legend; its button hides it again.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::B);
    harness.run();
    harness.get_by_label("Find an actor");
    harness.get_by_label("Hide the legend panel").click();
    harness.run();
    assert!(harness.query_by_label("Find an actor").is_none());
    harness.get_by_label("Show the legend panel");
}

#[test]
fn in_a_wide_window_both_side_panels_are_open_and_can_be_collapsed() {
    let mut harness = app_harness_at(1920.0, 1080.0);
    harness.get_by_label("Find an actor");
    harness.get_by_label("Actor and quotes");
    harness.get_by_label("Hide the details panel").click();
    harness.run();
    assert!(harness.query_by_label("Actor and quotes").is_none());
    harness.get_by_label("Show the details panel");
}

#[test]
fn links_open_only_when_clicked_and_only_for_http() {
    let mut harness = app_harness();
    assert!(
        harness.state().opened_urls.is_empty(),
        "nothing opens by itself"
    );
    let ctx = harness.ctx.clone();
    for bad in [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://example.org/x",
    ] {
        harness.state_mut().apply(
            &ctx,
            coalition_map::ui::command::Command::OpenUrl(bad.into()),
        );
    }
    assert!(harness.state().opened_urls.is_empty());

    harness
        .get_by_role_and_label(Role::Button, "Map: United States")
        .click();
    harness.run();
    harness
        .get_all_by_label("open")
        .next()
        .expect("a source with a web address")
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label("open")
        .next()
        .expect("a source with a web address")
        .click();
    harness.run();
    // Exactly the link clicked: one of the scenario's sources, over http(s).
    let opened = harness.state().opened_urls.clone();
    assert_eq!(opened.len(), 1, "{opened:?}");
    assert!(opened[0].starts_with("http"), "{opened:?}");
    let sources = &harness.state().doc.scenario.sources;
    assert!(
        sources
            .iter()
            .any(|s| s.url.as_deref() == Some(opened[0].as_str())),
        "{opened:?}"
    );
}

#[test]
fn a_node_can_be_selected_from_the_keyboard() {
    let mut harness = app_harness();
    harness
        .get_by_role_and_label(Role::Button, "Map: Qatar")
        .focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().view.selected.as_deref(), Some("QAT"));
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().view.selected, None);
}

#[test]
fn help_lists_every_key_the_app_answers_to_and_about_credits_the_data() {
    use coalition_map::ui::command::Command;
    let mut harness = app_harness();
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("Keyboard shortcuts").click();
    harness.run();
    let groups = coalition_map::ui::dialogs::help::shortcut_groups(&harness.ctx);
    let rows: usize = groups.iter().map(|(_, rows)| rows.len()).sum();
    let mut presentation_commands: Vec<Command> = Vec::new();
    for (_, command) in Command::PRESENTATION_KEYS {
        if !presentation_commands.contains(&command) {
            presentation_commands.push(command);
        }
    }
    // Every shortcut, Redo's second one, and every presentation command.
    assert_eq!(
        rows,
        Command::WITH_SHORTCUTS.len() + 1 + presentation_commands.len()
    );
    for (group, rows) in &groups {
        harness.get_by_label(group);
        for (keys, what) in rows {
            assert!(
                harness.query_all_by_label(keys).next().is_some(),
                "{group}: {keys}"
            );
            assert!(
                harness.query_all_by_label(what).next().is_some(),
                "{group}: {what}"
            );
        }
    }
    harness.get_by_label("Ctrl+B");
    harness.get_by_label("Black screen");
    // Keys as printed on the keyboard, not egui's names for them.
    assert!(harness.query_all_by_label("B, .").next().is_some());
    assert!(
        harness.query_all_by_label("Equals").next().is_none(),
        "{groups:?}"
    );

    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("About Coalition Map").click();
    harness.run();
    harness.get_by_label_contains("© SimpleMaps.com, CC BY 4.0");
    harness.get_by_label_contains("Natural Earth");
}

#[test]
fn help_opens_the_user_guide_shipped_with_the_app() {
    let mut harness = app_harness();
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("User guide").click();
    harness.run();
    // The guide's own words, from the copy built into the app: no network.
    harness.get_by_label_contains("Coalition Map shows who stands where in a coalition");
    // A section's heading (the contents list names it too).
    assert!(
        harness
            .query_all_by_label("Opening and saving scenarios")
            .next()
            .is_some()
    );
}

#[test]
fn a_file_with_a_host_left_off_the_invitation_list_opens_with_a_warning_in_the_legend() {
    let dir = std::env::temp_dir().join(format!("coalition-map-warn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("host.coalition");
    let mut scenario = coalition_core::io::paris_2014().expect("the built-in scenario");
    let conference = scenario
        .conference
        .as_mut()
        .expect("Paris has its conference");
    conference.invited.retain(|id| id != "IRQ");
    std::fs::write(
        &path,
        coalition_core::io::scenario_to_string(&scenario).expect("serialises"),
    )
    .expect("write");
    let harness = app_harness_opening(&path, 1440.0, 900.0);
    harness.get_by_label_contains("Warnings (1)");
    harness
        .get_by_label_contains("conference.hosts[1]: host \"IRQ\" is not on the invitation list");
    let _ = std::fs::remove_dir_all(dir);
}
