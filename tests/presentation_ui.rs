//! Presentation mode through the real app at projector size: F5 starts it;
//! the clicker's keys step through the Paris 2014 story, changing the
//! highlighted actors and the attendance scenario as each step says; a
//! held-back outcome stays hidden until revealed; Esc ends it. And an image
//! snapshot of one step.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use coalition_map::ui::state::presentation::steps;
use coalition_map::{CoalitionApp, Startup};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type App = Harness<'static, CoalitionApp>;

fn projector() -> App {
    let startup = Startup::default();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(16)
        .build_eframe(move |cc| CoalitionApp::new(cc, &startup));
    harness.run();
    harness
}

fn press(harness: &mut App, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// The accessible label of an actor's node, as the map gives it, if the
/// actor is in the picture on the day shown.
fn query_node(harness: &App, name: &str) -> Option<String> {
    harness
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .find(|label| {
            label == &format!("Map: {name}") || label.starts_with(&format!("Map: {name},"))
        })
}

/// The accessible label of an actor's node, as the map gives it.
fn node(harness: &App, name: &str) -> String {
    query_node(harness, name).unwrap_or_else(|| panic!("no node for {name}"))
}

/// Checks that what the app shows is step `n` of the story.
fn assert_on_step(harness: &App, n: usize) {
    let app = harness.state();
    let scenario = &app.doc.scenario;
    let all = steps(scenario);
    let step = &all[n];
    assert_eq!(
        app.view.presenting.as_ref().map(|p| p.step),
        Some(n),
        "on step {n}"
    );
    assert_eq!(
        app.view.attendance.position, step.position,
        "step {n} shows its what-if"
    );
    harness.get_by_label(&step.title);
    harness.get_by_label(&format!("{} / {}", n + 1, all.len()));
    // The map shows the step's day: an actor not yet in the picture has no node.
    let offstage = scenario.offstage_at(step.date.or(scenario.opens_on()).expect("dated"));
    assert_eq!(app.view.time.offstage, offstage, "step {n} shows its day");
    for (actor, offstage) in scenario.actors.iter().zip(offstage) {
        if offstage {
            assert!(query_node(harness, &actor.name).is_none(), "{}", actor.name);
            continue;
        }
        let label = node(harness, &actor.name);
        let faded = label.contains("not in focus");
        let highlighted = step
            .highlight
            .as_ref()
            .is_none_or(|h| h.actors.contains(&actor.id));
        assert_eq!(!faded, highlighted, "step {n}: {label}");
    }
}

#[test]
fn the_clicker_keys_walk_through_the_story_and_a_held_back_outcome_waits_to_be_revealed() {
    let mut harness = projector();
    let story_len = steps(&harness.state().doc.scenario).len();
    assert!(story_len >= 7, "Paris ships a story");

    press(&mut harness, Key::F5);
    assert_on_step(&harness, 0);
    // Editing tools and panels are gone.
    assert!(harness.query_by_label("Edit scenario").is_none());
    assert!(harness.query_by_label("Find an actor").is_none());

    let forward = [Key::ArrowRight, Key::Space, Key::PageDown];
    let mut n = 0;
    let mut held_back_seen = false;
    while n + 1 < story_len {
        let holds_back = steps(&harness.state().doc.scenario)[n].predict.is_some();
        if holds_back {
            held_back_seen = true;
            let question = steps(&harness.state().doc.scenario)[n]
                .predict
                .expect("held back")
                .to_owned();
            harness.get_by_label(&question);
            assert!(
                harness.query_by_label_contains("stay away.").is_none()
                    && harness.query_by_label_contains("stays away.").is_none(),
                "the outcome is hidden"
            );
            assert!(
                harness
                    .query_by_label_contains("invited but stays away")
                    .is_none()
            );
            press(&mut harness, forward[n % 3]);
            assert_on_step(&harness, n);
            harness.get_by_label("Saudi Arabia and United Arab Emirates stay away.");
            assert_eq!(
                harness
                    .query_all_by_label_contains("invited but stays away")
                    .count(),
                2,
                "Saudi Arabia and the UAE, struck through"
            );
        }
        press(&mut harness, forward[n % 3]);
        n += 1;
        assert_on_step(&harness, n);
    }
    // The last step holds back who stays away if Iran is invited.
    let last = &steps(&harness.state().doc.scenario)[n];
    if last.predict.is_some() {
        held_back_seen = true;
        assert!(
            harness
                .query_by_label_contains("invited but stays away")
                .is_none()
        );
        press(&mut harness, Key::ArrowRight);
        harness.get_by_label("Saudi Arabia and United Arab Emirates stay away.");
        assert!(node(&harness, "Saudi Arabia").contains("invited but stays away"));
    }
    assert!(held_back_seen, "the story holds one outcome back");

    press(&mut harness, Key::ArrowLeft);
    assert_on_step(&harness, n - 1);
    press(&mut harness, Key::PageUp);
    assert_on_step(&harness, n - 2);
    press(&mut harness, Key::Home);
    assert_on_step(&harness, 0);
    press(&mut harness, Key::End);
    assert_on_step(&harness, n);

    press(&mut harness, Key::Escape);
    assert!(harness.state().view.presenting.is_none());
    harness.get_by_label("Find an actor");
    assert_eq!(
        harness.state().view.attendance.position,
        0,
        "the explorer is back where it was"
    );
}

#[test]
fn the_speaker_notes_open_and_close_from_a_button_as_from_the_key() {
    let mut harness = projector();
    press(&mut harness, Key::F5);
    let notes_open = |harness: &App| {
        harness
            .state()
            .view
            .presenting
            .as_ref()
            .is_some_and(|p| p.notes_open)
    };
    assert!(!notes_open(&harness));
    harness
        .get_by_role_and_label(Role::Button, "Speaker notes")
        .click();
    harness.run();
    assert!(notes_open(&harness));
    press(&mut harness, Key::N);
    assert!(!notes_open(&harness), "N closes them again");
}

#[test]
fn a_presentation_step_at_1280_by_800_matches_its_snapshot() {
    let startup = Startup::default();
    let mut harness: App = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(24)
        .build_eframe(move |cc| CoalitionApp::new(cc, &startup));
    harness.run();
    press(&mut harness, Key::F5);
    // The step with Khamenei's answer: a quote shown large.
    let index = steps(&harness.state().doc.scenario)
        .iter()
        .position(|s| s.quote.is_some())
        .expect("a step shows a quote");
    for _ in 0..index {
        press(&mut harness, Key::PageDown);
    }
    harness.snapshot("presentation_step");
}

#[test]
fn b_and_the_full_stop_black_the_screen_and_bring_the_step_back() {
    let mut harness = projector();
    press(&mut harness, Key::F5);
    press(&mut harness, Key::ArrowRight);
    assert_on_step(&harness, 1);
    let black = "The screen is black: press B or . to bring the step back";
    press(&mut harness, Key::B);
    harness.get_by_label(black);
    assert!(
        query_node(&harness, "France").is_none(),
        "nothing but black"
    );
    press(&mut harness, Key::B);
    assert!(harness.query_by_label(black).is_none());
    assert_on_step(&harness, 1);
    press(&mut harness, Key::Period);
    harness.get_by_label(black);
    press(&mut harness, Key::Period);
    assert_on_step(&harness, 1);
    // A step key brings the screen back too, on the next step.
    press(&mut harness, Key::B);
    press(&mut harness, Key::ArrowRight);
    assert!(harness.query_by_label(black).is_none());
    assert_on_step(&harness, 2);
}

#[test]
fn at_every_projector_size_every_step_s_title_quote_speaker_source_and_buttons_fit() {
    for (width, height) in [(1024.0, 768.0), (1280.0, 800.0), (1920.0, 1080.0)] {
        every_step_fits(width, height);
    }
}

/// Walks every step at `width`×`height`: the speaker (the quote's last line)
/// and the buttons under everything are inside the window, and the step's
/// title does not run under the day beside it.
fn every_step_fits(width: f32, height: f32) {
    let startup = Startup::default();
    let mut harness: App = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_theme(egui::Theme::Light)
        .with_max_steps(24)
        .build_eframe(move |cc| CoalitionApp::new(cc, &startup));
    harness.run();
    press(&mut harness, Key::F5);
    let all: Vec<(usize, Option<String>)> = steps(&harness.state().doc.scenario)
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let who = s.quote.map(|q| {
                if q.role.is_empty() {
                    q.speaker.clone()
                } else {
                    format!("{}, {}", q.speaker, q.role)
                }
            });
            (i, who)
        })
        .collect();
    assert!(
        all.iter().any(|(_, who)| who.is_some()),
        "steps with quotes"
    );
    let bounds = |harness: &App, label: &str| {
        harness
            .get_by_label(label)
            .accesskit_node()
            .bounding_box()
            .unwrap_or_else(|| panic!("{label} has no bounds"))
    };
    let bottom = |harness: &App, label: &str| bounds(harness, label).y1;
    let titles: Vec<String> = steps(&harness.state().doc.scenario)
        .iter()
        .map(|s| s.title.clone())
        .collect();
    for (i, who) in all {
        if let Some(presenting) = harness.state_mut().view.presenting.as_mut() {
            presenting.step = i;
            presenting.revealed = true;
        }
        harness.run();
        // The speaker (the last line of the quote) and the buttons under
        // everything are on screen without scrolling.
        let size = format!("{width}×{height}");
        let height = f64::from(height);
        if let Some(who) = who {
            // From 1280×800 up it fits; on a 1024×768 projector the text
            // may scroll, once shrunk to its floor, and the speaker is there.
            if width < 1280.0 {
                harness.get_by_label(&who).scroll_to_me();
                harness.run();
            }
            assert!(
                bottom(&harness, &who) <= height,
                "{size}, step {i}: {who} below the window"
            );
        }
        assert!(
            bottom(&harness, "End presentation") <= height,
            "{size}, step {i}: the buttons are below the window"
        );
        let day = harness
            .state()
            .view
            .time
            .date
            .map(coalition_map::ui::panels::timeline::long_date)
            .expect("a day");
        let (title, day) = (bounds(&harness, &titles[i]), bounds(&harness, &day));
        assert!(
            title.x1 <= day.x0 || title.y1 <= day.y0 || title.y0 >= day.y1,
            "{size}, step {i}: the title {title:?} runs under the day {day:?}"
        );
    }
}

#[test]
fn the_presentation_legend_counts_those_not_invited_as_the_explorer_legend_does() {
    // Hezbollah was not invited but is not in the picture on 15 September:
    // neither legend counts it.
    let mut harness = projector();
    harness.get_by_label("Not invited (4)");
    press(&mut harness, Key::F5);
    harness.get_by_label("Not invited (4)");
}
