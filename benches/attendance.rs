//! Attendance benchmarks: `cargo bench --bench attendance`.
//!
//! A plain harness (no extra dependencies): each case runs a few warm-up
//! rounds, then `ROUNDS` timed rounds, and prints the median, min and max.
//! `cargo bench --bench attendance -- dense` runs only the cases named so.

#![allow(
    clippy::expect_used,
    reason = "a benchmark that cannot set up should stop loudly"
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use coalition_core::decide::Engine;
use coalition_core::decide::search::{SearchControl, SearchRequest, best_lists};
use coalition_core::decide::whatif::{base_invitations, what_flips};
use coalition_core::model::{Actor, AttendanceRule, Conference, RuleKind, Scenario};

#[path = "support/filter.rs"]
mod filter;
use filter::wanted;

const ROUNDS: usize = 15;

fn bench(name: &str, per_round: usize, mut f: impl FnMut()) {
    if !wanted(name) {
        return;
    }
    for _ in 0..2 {
        f();
    }
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    let per = |d: Duration| d.as_secs_f64() / per_round as f64;
    let show = |secs: f64| {
        if secs >= 1e-3 {
            format!("{:.1} ms", secs * 1e3)
        } else {
            format!("{:.2} µs", secs * 1e6)
        }
    };
    println!(
        "{name:<58} median {:>10}   min {:>10}   max {:>10}",
        show(per(times[ROUNDS / 2])),
        show(per(times[0])),
        show(per(times[ROUNDS - 1]))
    );
}

/// 40 actors, each with three rules on others, chosen by a fixed formula.
fn dense_scenario() -> Scenario {
    let id = |i: usize| format!("A{i:02}");
    let n = 40;
    let rules = (0..n)
        .flat_map(|i| {
            (1..=3).map(move |k| AttendanceRule {
                kind: if (i + k) % 3 == 0 {
                    RuleKind::AttendsOnlyIf
                } else {
                    RuleKind::WillNotAttendIf
                },
                actor: format!("A{i:02}"),
                other: format!("A{:02}", (i * 7 + k * 13) % n),
                source: "s".into(),
                note: String::new(),
                unless: None,
            })
        })
        .filter(|r| r.actor != r.other)
        .collect();
    Scenario {
        actors: (0..n)
            .map(|i| Actor {
                id: id(i),
                name: id(i),
                ..Actor::default()
            })
            .collect(),
        conference: Some(Conference {
            invited: (0..n).map(id).collect(),
            rules,
            ..Conference::default()
        }),
        ..Scenario::default()
    }
}

fn main() {
    let paris = coalition_core::io::paris_2014().expect("the built-in scenario");
    let engine = Engine::new(&paris);
    let invited = base_invitations(&paris);
    println!(
        "machine: {} logical cores; release build; {ROUNDS} rounds per case",
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get)
    );

    bench("engine: Paris 2014, one evaluation", 1000, || {
        for _ in 0..1000 {
            black_box(engine.evaluate(black_box(&invited)));
        }
    });
    bench("what flips: Paris 2014 (34 toggles)", 1, || {
        black_box(what_flips(&engine, &invited));
    });

    let dense = dense_scenario();
    let dense_engine = Engine::new(&dense);
    let all = vec![true; 40];
    bench(
        "engine: 40 actors, 120 dense rules, one evaluation",
        1000,
        || {
            for _ in 0..1000 {
                black_box(dense_engine.evaluate(black_box(&all)));
            }
        },
    );

    let swing_ids = [
        "IRN",
        "SYR",
        "SAU",
        "ARE",
        "QAT",
        "BHR",
        "KWT",
        "OMN",
        "JOR",
        "EGY",
        "LBN",
        "TUR",
        "RUS",
        "CHN",
        "IRQ",
        "AUS",
        "HEZBOLLAH",
        "JPN",
        "CAN",
        "NOR",
    ];
    let request = SearchRequest {
        base_invited: invited.clone(),
        swing: swing_ids
            .iter()
            .map(|id| paris.actor_index(id).expect("actor"))
            .collect(),
        weights: paris
            .actors
            .iter()
            .map(|a| {
                a.weights
                    .get("theatres_struck_2014")
                    .copied()
                    .unwrap_or(0.0)
            })
            .collect(),
    };
    let threads = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    bench(
        &format!("best list: Paris 2014, 20 swing (1,048,576 lists), {threads} threads"),
        1,
        || {
            black_box(
                best_lists(&engine, &request, &SearchControl::default(), threads).expect("search"),
            );
        },
    );
    let dense_request = SearchRequest {
        base_invited: all.clone(),
        swing: (0..20).collect(),
        weights: vec![1.0; 40],
    };
    bench(
        &format!("best list: 40 dense actors, 20 swing, {threads} threads"),
        1,
        || {
            black_box(
                best_lists(
                    &dense_engine,
                    &dense_request,
                    &SearchControl::default(),
                    threads,
                )
                .expect("search"),
            );
        },
    );
}
