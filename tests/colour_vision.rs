//! Neighbouring stance colours stay apart for colour-blind viewers.
//!
//! For both looks, every scale size from 2 to 9 and the built-in Paris scale,
//! each pair of neighbouring stances (rank i and i + 1) must differ by at least
//! CIEDE2000 10 with normal vision and under simulated protanopia, deuteranopia
//! and tritanopia (Machado et al. 2009, severity 1.0; see `src/colour.rs`).
#![allow(
    clippy::expect_used,
    reason = "a test that cannot load the built-in scenario should stop there"
)]

use coalition_map::theme::colour::{Deficiency, ciede2000, simulate, to_lab};
use coalition_map::theme::{Look, palette_colour_for, stance_colour_for};
use egui::Color32;

/// The least CIEDE2000 difference allowed between neighbouring stances.
const MIN_DELTA_E: f64 = 10.0;

/// Normal vision, then the three dichromacies.
const VISIONS: [Option<Deficiency>; 4] = [
    None,
    Some(Deficiency::Protanopia),
    Some(Deficiency::Deuteranopia),
    Some(Deficiency::Tritanopia),
];

fn vision_name(vision: Option<Deficiency>) -> &'static str {
    vision.map_or("normal vision", Deficiency::name)
}

fn seen(colour: Color32, vision: Option<Deficiency>) -> [f64; 3] {
    let rgb = [colour.r(), colour.g(), colour.b()];
    to_lab(vision.map_or(rgb, |d| simulate(rgb, d)))
}

/// The smallest neighbouring difference found for one look and one vision.
struct Least {
    delta_e: f64,
    scale: String,
    ranks: (usize, usize),
}

/// Checks one scale's colours; returns a line per failing neighbour pair and
/// lowers `least` (one entry per vision) where it finds a smaller difference.
fn check_scale(look: Look, scale: &str, colours: &[Color32], least: &mut [Least]) -> Vec<String> {
    let mut failures = Vec::new();
    for (rank, pair) in colours.windows(2).enumerate() {
        for (vision, least) in VISIONS.into_iter().zip(least.iter_mut()) {
            let delta_e = ciede2000(seen(pair[0], vision), seen(pair[1], vision));
            if delta_e < least.delta_e {
                *least = Least {
                    delta_e,
                    scale: scale.to_owned(),
                    ranks: (rank, rank + 1),
                };
            }
            if delta_e < MIN_DELTA_E {
                failures.push(format!(
                    "{} look, {scale}: ranks {} and {} ({} and {}) differ by only \
                     ΔE00 {delta_e:.2} under {} (need {MIN_DELTA_E})",
                    look.name(),
                    rank,
                    rank + 1,
                    hex(pair[0]),
                    hex(pair[1]),
                    vision_name(vision),
                ));
            }
        }
    }
    failures
}

fn hex(colour: Color32) -> String {
    format!("#{:02X}{:02X}{:02X}", colour.r(), colour.g(), colour.b())
}

fn fresh_least() -> Vec<Least> {
    VISIONS
        .iter()
        .map(|_| Least {
            delta_e: f64::INFINITY,
            scale: String::new(),
            ranks: (0, 0),
        })
        .collect()
}

#[test]
fn neighbouring_stance_colours_stay_apart_under_colour_blindness() {
    let paris = coalition_core::io::paris_2014().expect("the built-in scenario loads");
    let mut failures = Vec::new();
    for look in Look::ALL {
        let mut least = fresh_least();
        // Every size the themes pick colours for; from 10 stances on they
        // sample all 11 colours evenly, and neighbours cannot stay this far apart.
        for count in 2..=9 {
            let colours: Vec<Color32> = (0..count)
                .map(|rank| palette_colour_for(look, rank, count))
                .collect();
            let scale = format!("scale of {count}");
            failures.extend(check_scale(look, &scale, &colours, &mut least));
        }
        let colours: Vec<Color32> = (0..paris.stance_scale.len())
            .map(|rank| stance_colour_for(look, &paris, rank))
            .collect();
        let scale = format!("Paris scale of {}", colours.len());
        failures.extend(check_scale(look, &scale, &colours, &mut least));

        // The margins, for the record (`cargo test -- --nocapture` shows them).
        for (vision, least) in VISIONS.into_iter().zip(&least) {
            println!(
                "{} look, {}: least ΔE00 {:.2} ({}, ranks {} and {})",
                look.name(),
                vision_name(vision),
                least.delta_e,
                least.scale,
                least.ranks.0,
                least.ranks.1
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} neighbouring pairs are too close:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_check_catches_neighbours_that_look_alike() {
    // Even sampling of sunset for eight stances put its light blue next to
    // its paler blue (ranks 2 and 3): the check must refuse that, whoever looks.
    let too_close = [
        Color32::from_rgb(0x98, 0xCA, 0xE1),
        Color32::from_rgb(0xC2, 0xE4, 0xEF),
    ];
    let mut least = fresh_least();
    let failures = check_scale(Look::Screen, "test scale", &too_close, &mut least);
    assert_eq!(failures.len(), VISIONS.len(), "{failures:?}");
    assert!(failures[2].contains("ranks 0 and 1"), "{}", failures[2]);
    assert!(failures[2].contains("deuteranopia"), "{}", failures[2]);
    assert!(least.iter().all(|l| l.delta_e < MIN_DELTA_E));
}

#[test]
fn every_stance_s_country_tint_stands_out_from_the_land_and_the_sea() {
    use coalition_map::theme::{TINT_FLOOR, blend, country_tint, map, tint_difference};
    let mut failures = Vec::new();
    let mut least = f64::INFINITY;
    let mut check = |what: String, colour: Color32| {
        let tint = country_tint(colour);
        for (ground, name) in [(map::LAND, "land"), (map::SEA, "sea")] {
            let difference = tint_difference(tint, ground);
            least = least.min(difference);
            if difference < TINT_FLOOR {
                failures.push(format!(
                    "{what}: tint {} is only ΔE00 {difference:.2} from the {name}",
                    hex(tint)
                ));
            }
        }
    };
    for look in Look::ALL {
        for count in 2..=9 {
            for rank in 0..count {
                let what = format!("{} look, rank {rank} of {count}", look.name());
                check(what, palette_colour_for(look, rank, count));
            }
        }
    }
    // Colours a file may set: the land's own, the sea's, white, a pale grey.
    for colour in [
        map::LAND,
        map::SEA,
        Color32::WHITE,
        Color32::from_gray(0xEE),
    ] {
        check(format!("file colour {}", hex(colour)), colour);
    }
    println!("least tint difference from land or sea: ΔE00 {least:.2}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // The plain blend the map used before fails the floor for sunset's pale
    // middle: the check is one that can fail.
    let pale_middle = palette_colour_for(Look::Screen, 1, 3);
    let plain = blend(map::LAND, pale_middle, map::TINT_ALPHA);
    assert!(tint_difference(plain, map::LAND) < TINT_FLOOR);
}
