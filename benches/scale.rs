//! Speed and scale: `cargo bench --bench scale`.
//!
//! The CPU time of one full frame of the real UI (egui layout and
//! tessellation, no GPU) on the default and the generated world scenario,
//! idle, while panning, during a zoom gesture, when it has settled (the
//! map drawn again) and when the timeline's cursor moves to another day
//! (stances re-evaluated, the map drawn again); frame time against relation count; parsing and
//! validating a ~5 MB file. Plain harness: warm-up, then the median of
//! `ROUNDS` rounds.

#![allow(
    clippy::expect_used,
    reason = "a benchmark that cannot set up should stop loudly"
)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use coalition_core::Document;
use coalition_core::generate::{WorldSize, world_scenario};
use coalition_core::geo::basemap::Basemap;
use coalition_map::app::CoalitionApp;
use eframe::egui_wgpu;

#[path = "support/filter.rs"]
mod filter;
use filter::wanted;

/// Rounds per case; `SCALE_BENCH_ROUNDS=N` changes it (for profiling).
fn rounds() -> usize {
    std::env::var("SCALE_BENCH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(31)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn show(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn raw_input(time: f64, events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        time: Some(time),
        events,
        ..Default::default()
    }
}

/// What the pointer does during the measured frames.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Motion {
    Idle,
    /// Dragging the map: the cached layers and layout move with it.
    Panning,
    /// A zoom gesture, a step every frame: what was drawn is scaled.
    Zooming,
    /// The frame after a zoom gesture settles: the layers and the layout
    /// are built again, and the picture rendered, at the new scale.
    Settling,
}

/// Median CPU time of one frame (layout + tessellation).
fn frame_time(app: &mut CoalitionApp, gpu: &egui_wgpu::RenderState, motion: Motion) -> Duration {
    let panning = motion == Motion::Panning;
    let ctx = egui::Context::default();
    coalition_map::theme::apply_style(&ctx, false);
    let mut time = 0.0;
    let frame = |app: &mut CoalitionApp, events: Vec<egui::Event>, time: f64| {
        let start = Instant::now();
        let output = ctx.run_ui(raw_input(time, events), |ui| app.frame_ui(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        black_box(primitives);
        let elapsed = start.elapsed();
        upload_textures(gpu, &output.textures_delta);
        elapsed
    };
    let press = |pos: egui::Pos2, pressed: bool| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    let mut pointer = egui::pos2(600.0, 420.0);
    for _ in 0..5 {
        time += 1.0 / 60.0;
        frame(app, vec![egui::Event::PointerMoved(pointer)], time);
    }
    if panning {
        time += 1.0 / 60.0;
        frame(app, vec![press(pointer, true)], time);
    }
    let times = (0..rounds())
        .map(|i| {
            time += 1.0 / 60.0;
            let events = match motion {
                Motion::Panning => {
                    let step = if i % 20 < 10 { 4.0 } else { -4.0 };
                    pointer += egui::vec2(step, step / 2.0);
                    vec![egui::Event::PointerMoved(pointer)]
                }
                Motion::Zooming | Motion::Settling => {
                    vec![egui::Event::Zoom(if i % 20 < 10 {
                        1.02
                    } else {
                        1.0 / 1.02
                    })]
                }
                Motion::Idle => Vec::new(),
            };
            if motion == Motion::Settling {
                frame(app, events, time);
                time += coalition_map::ui::map::ZOOM_SETTLES_AFTER + 1.0 / 60.0;
                return frame(app, Vec::new(), time);
            }
            frame(app, events, time)
        })
        .collect();
    median(times)
}

/// Runs the timed rounds, apart from the warm-up: a profiler can count only
/// them (`valgrind --tool=callgrind --toggle-collect='*scale::measured*'`).
#[inline(never)]
fn measured(rounds: impl FnOnce()) {
    rounds();
}

/// What a move of the timeline's cursor costs (medians).
struct Scrub {
    /// The move and the frame that shows it.
    frame: Duration,
    /// The same, without handing the map's picture to the GPU.
    own: Duration,
    /// The move alone: stances, relations, who is in the picture and the
    /// attendance outcome re-evaluated for the new day.
    re_evaluation: Duration,
}

/// Median CPU time of moving the timeline's cursor to another event's day
/// (stances, relations and the attendance outcome re-evaluated) and drawing
/// the frame that shows it. With `changing`, only days whose events change a
/// stance, so that every move draws the map's layers again.
fn scrub_time(
    app: &mut CoalitionApp,
    gpu: &egui_wgpu::RenderState,
    changing: bool,
) -> Option<Scrub> {
    let mut days: Vec<_> = coalition_core::time::ordered_events(&app.doc.scenario)
        .iter()
        .filter(|e| !changing || !e.changes.is_empty())
        .map(|e| e.date)
        .collect();
    days.dedup();
    if days.is_empty() {
        return None;
    }
    let ctx = egui::Context::default();
    coalition_map::theme::apply_style(&ctx, false);
    let mut time = 0.0;
    let submitting = |app: &CoalitionApp| {
        app.view.map.picture.as_ref().map_or(
            Duration::ZERO,
            coalition_map::ui::map::gpu::MapPicture::time_submitting,
        )
    };
    // The frame's time, and the part of it the app spent other than in
    // handing the map's picture to the GPU (where llvmpipe draws it).
    let mut frame = |app: &mut CoalitionApp, day: Option<coalition_core::model::Date>| {
        time += 1.0 / 60.0;
        let submitted = submitting(app);
        let start = Instant::now();
        if let Some(day) = day {
            app.apply(&ctx, coalition_map::ui::command::Command::SetDate(day));
        }
        let moved = start.elapsed();
        let output = ctx.run_ui(raw_input(time, Vec::new()), |ui| app.frame_ui(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        black_box(primitives);
        let elapsed = start.elapsed();
        upload_textures(gpu, &output.textures_delta);
        (
            elapsed,
            elapsed.saturating_sub(submitting(app).saturating_sub(submitted)),
            moved,
        )
    };
    for _ in 0..5 {
        frame(app, None);
    }
    // Day after day across the timeline, as Play or a drag would.
    let step = (days.len() / rounds()).max(1);
    let mut times = Vec::new();
    let mut own = Vec::new();
    let mut moves = Vec::new();
    measured(|| {
        for i in 0..rounds() {
            let (t, o, m) = frame(app, Some(days[(i * step + 1) % days.len()]));
            times.push(t);
            own.push(o);
            moves.push(m);
        }
    });
    Some(Scrub {
        frame: median(times),
        own: median(own),
        re_evaluation: median(moves),
    })
}

/// Median CPU time of the very first frame: a new egui context (fonts not yet
/// rasterised) and a new app, as at start-up.
fn first_frame_time(
    scenario: &coalition_core::model::Scenario,
    basemap: &Arc<Basemap>,
    gpu: &egui_wgpu::RenderState,
) -> Duration {
    let times = (0..rounds())
        .map(|_| {
            let mut app = app_on(scenario.clone(), basemap, Some(gpu));
            let ctx = egui::Context::default();
            coalition_map::theme::apply_style(&ctx, false);
            let start = Instant::now();
            let output = ctx.run_ui(raw_input(0.0, Vec::new()), |ui| app.frame_ui(ui));
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
            let elapsed = start.elapsed();
            upload_textures(gpu, &output.textures_delta);
            elapsed
        })
        .collect();
    median(times)
}

/// The app on `scenario`. With `gpu`, the map's background is drawn as the
/// windowed app draws it with wgpu: rendered into a picture (a texture) by
/// egui's wgpu renderer when it changes, on the same software rasteriser, and
/// shown as one rectangle. Frames that render it (a zoom settling) include that work;
/// the window's own rendering of each frame is not measured.
fn app_on(
    scenario: coalition_core::model::Scenario,
    basemap: &Arc<Basemap>,
    gpu: Option<&egui_wgpu::RenderState>,
) -> CoalitionApp {
    let mut app = CoalitionApp::with_document(Document::new(scenario, None), basemap.clone(), None);
    app.view.map.picture = gpu.and_then(coalition_map::ui::map::gpu::MapPicture::new);
    app
}

/// A headless wgpu renderer, as a window has.
fn render_state() -> egui_wgpu::RenderState {
    egui_kittest::wgpu::create_render_state(
        egui_kittest::wgpu::default_wgpu_setup(),
        egui_wgpu::RendererOptions::default(),
    )
}

/// Hands a frame's new textures (the font atlas) to the renderer, as the
/// window does after each frame, then waits, untimed, until the GPU has
/// finished: on two cores, llvmpipe's threads still drawing the last picture
/// would otherwise run during the next timed frame and be counted as its own.
fn upload_textures(gpu: &egui_wgpu::RenderState, delta: &egui::TexturesDelta) {
    upload_textures_only(gpu, delta);
    // A device that cannot wait only makes the next frame's time noisier.
    let _ = gpu
        .device
        .poll(egui_wgpu::wgpu::PollType::wait_indefinitely());
}

fn upload_textures_only(gpu: &egui_wgpu::RenderState, delta: &egui::TexturesDelta) {
    let mut renderer = gpu.renderer.write();
    for (id, images) in &delta.set {
        for image in images {
            renderer.update_texture(&gpu.device, &gpu.queue, *id, image);
        }
    }
    for id in &delta.free {
        renderer.free_texture(id);
    }
}

fn main() {
    let basemap = Arc::new(Basemap::embedded().expect("outlines"));
    let paris = coalition_core::io::paris_2014().expect("the built-in scenario");
    let world = world_scenario(1, WorldSize::default());
    let gpu = render_state();
    println!(
        "machine: {} logical cores; release build; frames at 1280x800; median of {}",
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
        rounds(),
    );
    println!(
        "world scenario: {} actors, {} relations, {} quotes, {} events",
        world.actors.len(),
        world.relations.len(),
        world.quotes.len(),
        world.timeline.as_ref().map_or(0, |t| t.events.len())
    );

    for (name, scenario) in [("default (Paris 2014)", &paris), ("world", &world)] {
        if wanted(&format!("frame {name} first")) {
            let t = first_frame_time(scenario, &basemap, &gpu);
            println!("frame, {name:<22} first    median {}", show(t));
        }
        for (motion, label) in [
            (Motion::Idle, "idle"),
            (Motion::Panning, "panning"),
            (Motion::Zooming, "zooming"),
            (Motion::Settling, "zoomed"),
        ] {
            if !wanted(&format!("frame {name} {label}")) {
                continue;
            }
            let mut app = app_on(scenario.clone(), &basemap, Some(&gpu));
            let t = frame_time(&mut app, &gpu, motion);
            println!("frame, {name:<22} {label:<8} median {}", show(t));
        }
        for (changing, label) in [(false, "scrub"), (true, "scrub, stances change")] {
            if wanted(&format!("frame {name} {label}")) {
                let mut app = app_on(scenario.clone(), &basemap, Some(&gpu));
                if let Some(scrub) = scrub_time(&mut app, &gpu, changing) {
                    println!(
                        "frame, {name:<22} {label:<8} median {} (without drawing the picture: {}; the re-evaluation alone: {})",
                        show(scrub.frame),
                        show(scrub.own),
                        show(scrub.re_evaluation),
                    );
                }
            }
        }
    }

    for relations in [1_000, 5_000, 20_000] {
        if !wanted(&format!("curve {relations}")) {
            continue;
        }
        let size = WorldSize {
            relations,
            ..WorldSize::default()
        };
        let mut app = app_on(world_scenario(1, size), &basemap, Some(&gpu));
        println!(
            "frame, world with {relations:>6} relations, idle   median {}",
            show(frame_time(&mut app, &gpu, Motion::Idle))
        );
    }

    for count in [1_000, 4_000, 10_000] {
        if !wanted(&format!("layout {count}")) {
            continue;
        }
        let nodes = scattered_nodes(count);
        let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
        let style = coalition_core::geo::layout::LayoutStyle {
            node_radius: 7.0,
            node_gap: 3.0,
            label_gap: 3.0,
            edge_inset: 20.0,
        };
        // Text measured as the window's 13-point font would, about.
        let measure = |text: &str| egui::vec2(7.0 * text.chars().count() as f32, 14.0);
        let times: Vec<Duration> = (0..rounds().min(7))
            .map(|_| {
                let start = Instant::now();
                black_box(coalition_core::geo::layout::layout(
                    black_box(&nodes),
                    rect,
                    style,
                    &measure,
                ));
                start.elapsed()
            })
            .collect();
        println!(
            "layout, {count:>6} nodes scattered over 1280x800   median {}",
            show(median(times))
        );
    }

    for (label, scenario) in hundred_thousand() {
        if !wanted(&format!("load 100k {label}")) {
            continue;
        }
        let text = coalition_core::io::scenario_to_string(&scenario).expect("serialises");
        let rounds = rounds().min(7);
        let times: Vec<(Duration, Duration)> = (0..rounds)
            .map(|_| {
                let start = Instant::now();
                let scenario =
                    coalition_core::io::scenario_from_str(black_box(&text)).expect("parses");
                black_box(coalition_core::model::validate(&scenario));
                let checked = start.elapsed();
                let start = Instant::now();
                let engine = coalition_core::decide::Engine::new(&scenario);
                let invited = coalition_core::decide::whatif::base_invitations(&scenario);
                black_box(engine.evaluate(&invited));
                (checked, start.elapsed())
            })
            .collect();
        let (checked, evaluated): (Vec<_>, Vec<_>) = times.into_iter().unzip();
        println!(
            "load 100k {label:<16} ({:>4.1} MB): parse + validate median {}, evaluate median {}",
            text.len() as f64 / 1e6,
            show(median(checked)),
            show(median(evaluated))
        );
    }

    if !wanted("parse") {
        return;
    }
    let big = world_scenario(
        1,
        WorldSize {
            relations: 20_000,
            quotes: 12_000,
            ..WorldSize::default()
        },
    );
    let text = coalition_core::io::scenario_to_string(&big).expect("serialises");
    let times = (0..rounds())
        .map(|_| {
            let start = Instant::now();
            let scenario = coalition_core::io::scenario_from_str(black_box(&text)).expect("parses");
            black_box(coalition_core::model::validate(&scenario));
            start.elapsed()
        })
        .collect();
    println!(
        "parse + validate a {:.1} MB file          median {}",
        text.len() as f64 / 1e6,
        show(median(times))
    );
}

/// Paris 2014 grown to 100,000 of one thing (what once took minutes, each
/// lookup by id scanning a list): actors, all invited; attendance rules;
/// quotes, each a variant of the one before; stance overrides in a named
/// scenario.
fn hundred_thousand() -> Vec<(&'static str, coalition_core::model::Scenario)> {
    const N: usize = 100_000;
    let paris = coalition_core::io::paris_2014().expect("the built-in scenario");
    let template = paris.actors[0].clone();
    let mut actors = paris.clone();
    for i in 0..N {
        let mut actor = template.clone();
        actor.id = format!("A{i}");
        actor.name = format!("Actor {i}");
        actor.notes.clear();
        actors.actors.push(actor);
    }
    if let Some(c) = actors.conference.as_mut() {
        c.invited = actors.actors.iter().map(|a| a.id.clone()).collect();
    }
    let mut rules = paris.clone();
    let ids: Vec<String> = paris.actors.iter().map(|a| a.id.clone()).collect();
    if let Some(c) = rules.conference.as_mut() {
        let first = c.rules[0].clone();
        c.rules = (0..N)
            .map(|i| {
                let mut rule = first.clone();
                rule.actor.clone_from(&ids[i % ids.len()]);
                rule.other
                    .clone_from(&ids[(i * 7 + 1 + i / ids.len()) % ids.len()]);
                rule
            })
            .filter(|r| r.actor != r.other)
            .collect();
    }
    let mut quotes = paris.clone();
    let first = paris.quotes[0].clone();
    quotes.quotes = (0..N)
        .map(|i| {
            let mut quote = first.clone();
            quote.id = format!("q{i}");
            quote.variant_of = (i > 0).then(|| format!("q{}", i - 1));
            quote
        })
        .collect();
    quotes.story.clear();
    let mut stances = actors.clone();
    if let Some(c) = stances.conference.as_mut()
        && let Some(named) = c.scenarios.first_mut()
    {
        named.stance_overrides = stances
            .actors
            .iter()
            .map(|a| (a.id.clone(), "opposed".to_owned()))
            .collect();
    }
    vec![
        ("actors invited", actors),
        ("rules", rules),
        ("quotes", quotes),
        ("stance overrides", stances),
    ]
}

/// `count` nodes scattered over a 1280x800 map by a fixed sequence, each
/// with a label and an id: a world map of actors, for the layout alone.
fn scattered_nodes(count: usize) -> Vec<coalition_core::geo::layout::NodeInput> {
    let mut seed = 7_u32;
    let mut next = move || {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (seed >> 8) as f32 / (1 << 24) as f32
    };
    (0..count)
        .map(|i| coalition_core::geo::layout::NodeInput {
            anchor: egui::pos2(next() * 1280.0, next() * 800.0),
            label: format!("Actor number {i}"),
            short_label: format!("A{i}"),
            prominent: false,
        })
        .collect()
}
