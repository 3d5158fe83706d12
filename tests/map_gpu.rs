//! The map's background rendered once into a picture on the GPU (the windowed
//! app with wgpu) looks exactly like the same background copied into each
//! frame as plain egui meshes (any renderer), at rest and while dragged.
#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use coalition_map::{CoalitionApp, Startup};
use egui_kittest::Harness;

type App = Harness<'static, CoalitionApp>;

/// The app with eframe's wgpu render state (so the map uses its GPU layers),
/// or without it (plain meshes); both render with wgpu.
fn harness(gpu: bool) -> App {
    harness_at(gpu, 1.0)
}

fn harness_at(gpu: bool, pixels_per_point: f32) -> App {
    let builder = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_pixels_per_point(pixels_per_point)
        .with_theme(egui::Theme::Light);
    let builder = if gpu { builder.wgpu() } else { builder };
    let mut harness = builder.build_eframe(|cc| CoalitionApp::new(cc, &Startup::default()));
    harness.run();
    harness
}

/// A point on the map well away from every node, to drag from.
fn empty_spot(harness: &App) -> egui::Pos2 {
    let map = &harness.state().view.map;
    let rect = map.transform.expect("the map was drawn").screen_rect;
    (1..20)
        .flat_map(|i| (1..20).map(move |j| (i, j)))
        .map(|(i, j)| {
            rect.min + egui::vec2(rect.width() * i as f32, rect.height() * j as f32) / 20.0
        })
        .find(|p| {
            map.placements.iter().all(|(_, placement)| {
                placement.centre.distance(*p) > 60.0
                    && placement
                        .label
                        .as_ref()
                        .is_none_or(|l| !l.rect.expand(20.0).contains(*p))
            })
        })
        .expect("some of the map is empty")
}

/// How many pixels differ between two renders by more than `by` in a channel.
fn differing_pixels(a: &[u8], b: &[u8], by: u8) -> usize {
    assert_eq!(a.len(), b.len());
    a.chunks_exact(4)
        .zip(b.chunks_exact(4))
        .filter(|(p, q)| p.iter().zip(*q).any(|(x, y)| x.abs_diff(*y) > by))
        .count()
}

fn press(harness: &mut App, pos: egui::Pos2, pressed: bool) {
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
}

fn move_to(harness: &mut App, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.run();
}

#[test]
fn the_gpu_layers_draw_the_map_as_the_plain_meshes_do_at_rest_and_while_dragged() {
    let mut gpu = harness(true);
    let mut plain = harness(false);
    assert!(gpu.state().view.map.picture.is_some());
    assert!(plain.state().view.map.picture.is_none());

    let compare = |gpu: &mut App, plain: &mut App, when: &str| {
        let image = gpu.render().expect("renders");
        let other = plain.render().expect("renders");
        // A rendering that lost the countries or edges, moved them or
        // mixed their colours wrongly would differ in tens of thousands of
        // pixels. The picture feathers borders and strokes edges in its own
        // shader, as egui does along every segment; where a tiny island's
        // outline turns sharply egui's overlapping mitred corners blend a
        // little differently, and egui tapers the ends of its dashes where
        // the shader fades them square: 1,160–1,243 pixels when measured,
        // all by less than a third.
        let (different, far_off) = (
            differing_pixels(image.as_raw(), other.as_raw(), 2),
            differing_pixels(image.as_raw(), other.as_raw(), 85),
        );
        assert!(
            different < 2_000 && far_off == 0,
            "{when}: {different} pixels differ between GPU layers and plain meshes, \
             {far_off} by more than a third"
        );
        image
    };
    let at_rest = compare(&mut gpu, &mut plain, "at rest");
    assert!(
        gpu.state()
            .view
            .map
            .picture
            .as_ref()
            .is_some_and(coalition_map::ui::map::gpu::MapPicture::is_rendered),
        "the map is drawn from its picture"
    );

    let from = empty_spot(&gpu);
    assert_eq!(from, empty_spot(&plain));
    // Whole pixels per step, as a mouse moves at one point per pixel: the
    // picture moves by whole pixels (texel for pixel), the plain meshes by
    // exactly the drag.
    let to = from + egui::vec2(-90.0, 48.0);
    for app in [&mut gpu, &mut plain] {
        move_to(app, from);
        press(app, from, true);
        for i in 1..=6 {
            move_to(app, from + (to - from) * (i as f32 / 6.0));
            // Rendered at every step, as a window would be: the picture
            // rendered early in the drag is moved, not rendered again.
            app.render().expect("renders");
        }
    }
    let dragged = compare(&mut gpu, &mut plain, "while dragged");
    let moved = at_rest
        .as_raw()
        .chunks_exact(4)
        .zip(dragged.as_raw().chunks_exact(4))
        .filter(|(p, q)| p != q)
        .count();
    assert!(
        moved > 50_000,
        "the drag moved the map ({moved} pixels changed)"
    );

    for app in [&mut gpu, &mut plain] {
        press(app, to, false);
    }
    compare(&mut gpu, &mut plain, "after the drag");
}

#[test]
fn at_twice_the_pixels_with_an_actor_selected_the_gpu_layers_draw_what_plain_meshes_do() {
    // The selected actor's edges are drawn wider, the others faded: other
    // line widths and colours than at rest, at another feathering.
    let render = |gpu: bool| {
        let mut harness = harness_at(gpu, 2.0);
        harness.state_mut().view.selected = Some("IRN".to_owned());
        harness.run();
        assert_eq!(
            harness.state().view.map.picture.is_some(),
            gpu,
            "the map uses its GPU layers only with wgpu"
        );
        harness.render().expect("renders")
    };
    let (image, other) = (render(true), render(false));
    let (different, far_off) = (
        differing_pixels(image.as_raw(), other.as_raw(), 2),
        differing_pixels(image.as_raw(), other.as_raw(), 85),
    );
    assert!(
        different < 8_000 && far_off == 0,
        "{different} pixels differ between GPU layers and plain meshes, \
         {far_off} by more than a third"
    );
}

#[test]
fn moving_the_timeline_redraws_the_gpu_picture_as_plain_meshes_draw_that_day() {
    // 23 September: five Arab states strike in Syria (the countries are
    // tinted again in place); 30 September and 2 November: more change. The
    // picture keeps its texture and the buffers of the layer that did not
    // change, so a stale layer would show here.
    let mut gpu = harness(true);
    let mut plain = harness(false);
    let opening = gpu.render().expect("renders");
    for day in ["2014-09-23", "2014-09-30", "2014-11-02", "2014-09-15"] {
        let date: coalition_core::model::Date = day.parse().expect("a date");
        for harness in [&mut gpu, &mut plain] {
            let app = harness.state_mut();
            app.view.go_to(&app.doc, Some(date));
            harness.run();
        }
        let (image, other) = (
            gpu.render().expect("renders"),
            plain.render().expect("renders"),
        );
        let (different, far_off) = (
            differing_pixels(image.as_raw(), other.as_raw(), 2),
            differing_pixels(image.as_raw(), other.as_raw(), 85),
        );
        assert!(
            different < 8_000 && far_off == 0,
            "on {day}: {different} pixels differ between GPU layers and plain meshes, \
             {far_off} by more than a third"
        );
        let moved = differing_pixels(image.as_raw(), opening.as_raw(), 85);
        if day == "2014-09-15" {
            assert_eq!(moved, 0, "back on the opening day the picture is as it was");
        } else {
            assert!(moved > 100, "on {day} the map changed from the opening day");
        }
    }
}
