//! Every label points at its own node, at the sizes classrooms have: the
//! Paris scenario and the generated world scenario, laid out by the real app
//! at 1024×768, 1280×800, 1366×768 and 1920×1080, in the explorer and in
//! presentation mode. For each label, its own node is the nearest node to it
//! or a leader line joins them; no two node glyphs overlap; no label covers
//! another label or a node.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use std::sync::Arc;

use coalition_core::Document;
use coalition_core::generate::{WorldSize, world_scenario};
use coalition_core::geo::basemap::Basemap;
use coalition_core::geo::layout::NodePlacement;
use coalition_map::theme::MapLook;
use coalition_map::{CoalitionApp, Startup};
use egui::{Pos2, Rect, Vec2};
use egui_kittest::Harness;

const SIZES: [(f32, f32); 4] = [
    (1024.0, 768.0),
    (1280.0, 800.0),
    (1366.0, 768.0),
    (1920.0, 1080.0),
];

fn distance_to_rect(p: Pos2, rect: Rect) -> f32 {
    (rect.clamp(p) - p).length()
}

/// What is wrong with a layout, one line per fault.
fn faults(placements: &[(String, NodePlacement)], shown: &[bool], radius: f32) -> Vec<String> {
    let drawn: Vec<&(String, NodePlacement)> = placements
        .iter()
        .enumerate()
        .filter(|(i, _)| shown.get(*i).copied().unwrap_or(true))
        .map(|(_, p)| p)
        .collect();
    let mut found = Vec::new();
    for (a, (id, p)) in drawn.iter().enumerate() {
        for (other, q) in &drawn[a + 1..] {
            let apart = (p.centre - q.centre).length();
            if apart < 2.0 * radius - 0.1 {
                found.push(format!(
                    "the glyphs of {id} and {other} overlap ({apart:.1} apart)"
                ));
            }
        }
        let Some(label) = &p.label else { continue };
        let own = distance_to_rect(p.centre, label.rect);
        match label.leader {
            Some([from, to]) => {
                if distance_to_rect(from, label.rect) > 0.5
                    || (to - p.centre).length() > radius + 2.0
                {
                    found.push(format!("{id}: its leader joins {from:?} to {to:?}"));
                }
            }
            None => {
                for (other, q) in &drawn {
                    if other != id && distance_to_rect(q.centre, label.rect) <= own {
                        found.push(format!(
                            "the label \"{}\" of {id} is as near {other} as its own node",
                            label.text
                        ));
                    }
                }
            }
        }
        for (other, q) in &drawn {
            let glyph = Rect::from_center_size(q.centre, Vec2::splat(2.0 * radius));
            if label.rect.intersects(glyph) {
                found.push(format!("the label of {id} covers the node of {other}"));
            }
            if other != id
                && let Some(theirs) = &q.label
                && label.rect.intersects(theirs.rect)
            {
                found.push(format!("the labels of {id} and {other} overlap"));
            }
        }
    }
    found
}

fn paris(size: (f32, f32)) -> Harness<'static, CoalitionApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .with_theme(egui::Theme::Light)
        .with_max_steps(16)
        .build_eframe(|cc| CoalitionApp::new(cc, &Startup::default()));
    harness.run();
    harness
}

fn world(size: (f32, f32)) -> Harness<'static, CoalitionApp> {
    let world = world_scenario(3, WorldSize::default());
    let basemap = Arc::new(Basemap::embedded().expect("outlines"));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .with_theme(egui::Theme::Light)
        .with_max_steps(16)
        .build_eframe(move |cc| {
            coalition_map::theme::apply_style(&cc.egui_ctx, false);
            CoalitionApp::with_document(Document::new(world, None), basemap, None)
        });
    harness.run();
    harness
}

/// Checks the explorer, then presentation mode (F5), of the app `open` makes at every size.
fn check_every_size(name: &str, open: fn((f32, f32)) -> Harness<'static, CoalitionApp>) {
    let mut all = Vec::new();
    let mut labelled = Vec::new();
    for size in SIZES {
        let mut harness = open(size);
        for mode in ["explorer", "presentation"] {
            if mode == "presentation" {
                harness.key_press(egui::Key::F5);
                harness.run();
                assert!(harness.state().view.presenting.is_some(), "F5 presents");
            }
            let app = harness.state();
            let placements = &app.view.map.placements;
            let radius = app.view.map.node_radius;
            let expected = if mode == "explorer" {
                MapLook::SCREEN.node_radius()
            } else {
                MapLook::PROJECTOR.node_radius()
            };
            assert!(
                radius >= MapLook::SCREEN.node_radius() && radius <= expected,
                "{name} {mode}: radius {radius}"
            );
            if name == "Paris" {
                assert!(
                    (radius - expected).abs() < 0.01,
                    "Paris keeps its {mode} size"
                );
            }
            assert_eq!(placements.len(), app.doc.scenario.actors.len());
            let shown: Vec<bool> = app.view.time.offstage.iter().map(|off| !off).collect();
            let unlabelled: Vec<&str> = placements
                .iter()
                .zip(shown.iter().chain(std::iter::repeat(&true)))
                .filter(|((_, p), shown)| **shown && p.label.is_none())
                .map(|((id, _), _)| id.as_str())
                .collect();
            let few: Vec<&str> = unlabelled.iter().take(8).copied().collect();
            labelled.push(format!(
                "{name} {}×{} {mode}: {} unlabelled {few:?}",
                size.0,
                size.1,
                unlabelled.len()
            ));
            // Paris in the explorer: every actor in the picture, at every size.
            if name == "Paris" && mode == "explorer" {
                assert!(
                    unlabelled.is_empty(),
                    "{}×{}: {unlabelled:?} unlabelled",
                    size.0,
                    size.1
                );
            }
            all.extend(
                faults(placements, &shown, radius)
                    .into_iter()
                    .map(|f| format!("{name} at {}×{}, {mode}: {f}", size.0, size.1)),
            );
        }
    }
    println!("{}", labelled.join("\n"));
    assert!(all.is_empty(), "{} faults:\n{}", all.len(), all.join("\n"));
}

#[test]
fn every_label_of_the_paris_map_points_at_its_own_node_at_every_classroom_size() {
    check_every_size("Paris", paris);
}

#[test]
fn every_label_of_the_world_map_points_at_its_own_node_at_every_classroom_size() {
    check_every_size("world", world);
}

#[test]
fn the_check_finds_a_label_beside_someone_else_s_node() {
    // Two nodes; A's label lies right beside B: a fault the check must see.
    let node = |x: f32, label: Option<Rect>| NodePlacement {
        anchor: Pos2::new(x, 100.0),
        centre: Pos2::new(x, 100.0),
        off_map_direction: None,
        label: label.map(|rect| coalition_core::geo::layout::PlacedLabel {
            rect,
            text: "A".into(),
            leader: None,
        }),
    };
    let beside_b = Rect::from_min_size(Pos2::new(211.0, 92.0), Vec2::new(40.0, 16.0));
    let placements = vec![
        ("A".to_owned(), node(100.0, Some(beside_b))),
        ("B".to_owned(), node(200.0, None)),
    ];
    let found = faults(&placements, &[], 7.5);
    assert!(found.iter().any(|f| f.contains("as near B")), "{found:?}");
}

#[test]
fn on_a_1024_by_768_projector_every_actor_a_story_step_is_about_is_labelled() {
    let mut harness = paris((1024.0, 768.0));
    harness.key_press(egui::Key::F5);
    harness.run();
    let count = coalition_map::ui::state::presentation::steps(&harness.state().doc.scenario).len();
    let mut missing = Vec::new();
    for step in 0..count {
        if let Some(presenting) = harness.state_mut().view.presenting.as_mut() {
            presenting.step = step;
        }
        harness.run();
        let app = harness.state();
        let steps = coalition_map::ui::state::presentation::steps(&app.doc.scenario);
        let Some(highlight) = steps[step].highlight.as_ref() else {
            continue;
        };
        for ((id, placement), offstage) in
            app.view.map.placements.iter().zip(&app.view.time.offstage)
        {
            if highlight.actors.contains(id) && !offstage && placement.label.is_none() {
                missing.push(format!("step {}: {id}", step + 1));
            }
        }
    }
    assert!(missing.is_empty(), "unlabelled: {missing:?}");
}
