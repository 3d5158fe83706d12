//! The generated world scenario: sound, and the real app draws it.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use std::sync::Arc;

use coalition_core::Document;
use coalition_core::generate::{WorldSize, world_scenario};
use coalition_core::geo::basemap::Basemap;
use coalition_map::CoalitionApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn the_generated_world_scenario_validates_and_renders() {
    let world = world_scenario(3, WorldSize::default());
    assert_eq!(coalition_core::model::validate(&world), vec![]);
    let actors = world.actors.len();
    let basemap = Arc::new(Basemap::embedded().expect("outlines"));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            coalition_map::theme::apply_style(&cc.egui_ctx, false);
            CoalitionApp::with_document(Document::new(world, None), basemap, None)
        });
    harness.run();
    let app = harness.state();
    assert_eq!(app.view.map.placements.len(), actors);
    assert!(!app.view.map.drawn_relations.is_empty());
    harness.get_by_role_and_label(Role::Button, "Map: France");
    harness.get_by_role_and_label(Role::Button, "Map: Japan");
    // The slider steps through its 20 named scenarios.
    harness.key_press(egui::Key::CloseBracket);
    harness.run();
    assert_eq!(harness.state().view.attendance.position, 1);
}
