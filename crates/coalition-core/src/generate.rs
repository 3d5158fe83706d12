//! A generated world-sized scenario, for benchmarks and scale tests: every
//! country at its capital, organisations, thousands of relations and quotes,
//! named attendance scenarios. Synthetic test data, clearly labelled as
//! such, and the same for the same seed. No egui.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::{
    Actor, ActorKind, AttendanceRule, AttendanceScenario, Change, Conference, Date, Event, GeoPos,
    Group, LineStyle, MapRegion, Quote, QuoteKind, Relation, RelationKind, RuleKind, Scenario,
    Source, StanceCategory, Timeline, WeightKind,
};

/// Capitals of the world; `assets/world/README.md` says where they come from.
pub const CAPITALS_JSON: &str = include_str!("../../../assets/world/capitals.json");

/// One capital from the committed table.
#[derive(Clone, Debug, Deserialize)]
pub struct Capital {
    pub iso_a3: String,
    pub name: String,
    pub capital: String,
    pub lat: f64,
    pub lon: f64,
}

/// How big a world scenario to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorldSize {
    pub organisations: usize,
    pub relations: usize,
    pub quotes: usize,
    pub named_scenarios: usize,
    pub rules: usize,
    /// Dated events over a year, each changing one actor's stance.
    pub events: usize,
}

impl Default for WorldSize {
    /// About 230 states plus organisations, 5,000 relations, 2,000 quotes,
    /// 20 named attendance scenarios, 1,000 dated events.
    fn default() -> Self {
        Self {
            organisations: 30,
            relations: 5_000,
            quotes: 2_000,
            named_scenarios: 20,
            rules: 60,
            events: 1_000,
        }
    }
}

/// splitmix64: a small, good, deterministic generator (for the synthetic
/// scenarios here and the fuzzer's mutations).
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// The committed capitals; empty if the table cannot be read.
pub fn capitals() -> Vec<Capital> {
    serde_json::from_str(CAPITALS_JSON).unwrap_or_default()
}

/// A world scenario of `size`, the same for the same `seed`.
pub fn world_scenario(seed: u64, size: WorldSize) -> Scenario {
    let mut rng = Rng(seed);
    let capitals = capitals();
    let stance_ids = [
        "supports",
        "leans_for",
        "neutral",
        "leans_against",
        "opposes",
    ];
    let stance_scale: Vec<StanceCategory> = stance_ids
        .iter()
        .zip([
            "Supports",
            "Leans in favour",
            "Neutral",
            "Leans against",
            "Opposes",
        ])
        .map(|(id, label)| StanceCategory {
            id: (*id).into(),
            label: label.into(),
            meaning: format!("{label} (generated)."),
            color: None,
        })
        .collect();
    let kinds = [
        ("alliance", LineStyle::Solid),
        ("trade", LineStyle::Dotted),
        ("rivalry", LineStyle::Dashed),
        ("aid", LineStyle::Solid),
        ("dispute", LineStyle::Dashed),
        ("overture", LineStyle::Dotted),
    ];
    let relation_kinds = kinds
        .iter()
        .map(|(id, line)| RelationKind {
            id: (*id).into(),
            label: format!("Generated {id}"),
            meaning: String::new(),
            line: *line,
            shown_by_default: true,
        })
        .collect();
    let groups: Vec<Group> = (0..8)
        .map(|g| Group {
            id: format!("G{g}"),
            label: format!("Generated group {g}"),
        })
        .collect();
    let sources: Vec<Source> = (0..50)
        .map(|s| Source {
            id: format!("src-{s}"),
            publisher: format!("Generated publisher {s}"),
            title: format!("[Generated source {s}]"),
            date: "2020-01-01".into(),
            url: None,
            locator: None,
        })
        .collect();

    let mut actors: Vec<Actor> = capitals
        .iter()
        .map(|c| Actor {
            id: c.iso_a3.clone(),
            name: c.name.clone(),
            kind: ActorKind::State,
            position: GeoPos {
                lat: c.lat,
                lon: c.lon,
            },
            map_position: None,
            stance: stance_ids[rng.below(stance_ids.len())].into(),
            stance_reason: format!("Generated stance for {} (capital {}).", c.name, c.capital),
            weights: BTreeMap::from([("weight".to_owned(), (rng.below(10)) as f64)]),
            groups: (0..groups.len())
                .filter(|_| rng.below(4) == 0)
                .map(|g| format!("G{g}"))
                .collect(),
            notes: String::new(),
            sources: vec![format!("src-{}", rng.below(sources.len()))],
        })
        .collect();
    let states = actors.len();
    for o in 0..size.organisations {
        let seat = &capitals[rng
            .below(capitals.len().max(1))
            .min(capitals.len().saturating_sub(1))];
        actors.push(Actor {
            id: format!("ORG{o:02}"),
            name: format!("Organisation {o}"),
            kind: ActorKind::Organisation,
            position: GeoPos {
                lat: seat.lat,
                lon: seat.lon,
            },
            stance: stance_ids[rng.below(stance_ids.len())].into(),
            stance_reason: "Generated.".into(),
            weights: BTreeMap::from([("weight".to_owned(), 1.0)]),
            ..Actor::default()
        });
    }
    let n = actors.len().max(2);
    let relations = (0..size.relations)
        .map(|_| {
            let from = rng.below(n);
            let to = (from + 1 + rng.below(n - 1)) % n;
            Relation {
                from: actors[from].id.clone(),
                to: actors[to].id.clone(),
                kind: kinds[rng.below(kinds.len())].0.into(),
                directed: rng.below(3) != 0,
                label: "Generated relation".into(),
                date: "2020".into(),
                sources: vec![format!("src-{}", rng.below(sources.len()))],
            }
        })
        .collect();
    let quotes = (0..size.quotes)
        .map(|q| {
            let actor = &actors[rng.below(n)];
            Quote {
                id: format!("q{q}"),
                speaker: format!("Speaker {q}"),
                role: format!("Spokesperson of {}", actor.name),
                actor: Some(actor.id.clone()),
                text: format!("Generated statement number {q}; not a real quote."),
                kind: QuoteKind::Verbatim,
                date: "2020-01-01".into(),
                source: format!("src-{}", rng.below(sources.len())),
                context: "Synthetic test data.".into(),
                variant_of: None,
            }
        })
        .collect();
    let invited: Vec<String> = actors
        .iter()
        .filter(|_| rng.below(3) != 0)
        .map(|a| a.id.clone())
        .collect();
    let rules = (0..size.rules)
        .map(|_| {
            let x = rng.below(n);
            let y = (x + 1 + rng.below(n - 1)) % n;
            AttendanceRule {
                kind: if rng.below(4) == 0 {
                    RuleKind::AttendsOnlyIf
                } else {
                    RuleKind::WillNotAttendIf
                },
                actor: actors[x].id.clone(),
                other: actors[y].id.clone(),
                source: format!("src-{}", rng.below(sources.len())),
                unless: None,
                note: "Generated rule.".into(),
            }
        })
        .collect();
    let scenarios = (0..size.named_scenarios)
        .map(|s| {
            let pick = |rng: &mut Rng| -> Vec<String> {
                let mut ids: Vec<String> =
                    (0..3).map(|_| actors[rng.below(n)].id.clone()).collect();
                ids.sort();
                ids.dedup();
                ids
            };
            let invite = if s == 0 { Vec::new() } else { pick(&mut rng) };
            let uninvite = if s == 0 {
                Vec::new()
            } else {
                pick(&mut rng)
                    .into_iter()
                    .filter(|id| invited.contains(id) && !invite.contains(id))
                    .collect()
            };
            AttendanceScenario {
                id: format!("scenario-{s}"),
                name: format!("Generated scenario {s}"),
                description: "Synthetic test data.".into(),
                invite,
                uninvite,
                ..AttendanceScenario::default()
            }
        })
        .collect();
    let start = Date::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let events: Vec<Event> = (0..size.events)
        .map(|e| {
            let actor = actors[rng.below(n)].id.clone();
            let stance = stance_ids[rng.below(stance_ids.len())].to_owned();
            Event {
                id: format!("event-{e:04}"),
                date: start + chrono::Days::new(rng.below(366) as u64),
                title: format!("Generated event {e}"),
                text: "Synthetic test data.".into(),
                excerpt: String::new(),
                sources: vec![format!("src-{}", rng.below(50))],
                actors: vec![actor.clone()],
                changes: vec![Change::Stance {
                    actor,
                    stance,
                    reason: "Generated.".into(),
                }],
            }
        })
        .collect();
    let timeline = (size.events > 0).then(|| Timeline {
        start,
        end: start + chrono::Days::new(365),
        opens_on: start,
        events,
    });
    Scenario {
        format: crate::model::FORMAT_VERSION,
        title: format!("Generated world scenario (synthetic test data, seed {seed})"),
        date: "2020-01-01".into(),
        summary: format!(
            "{states} states at their capitals and {} organisations; everything else is generated.",
            size.organisations
        ),
        map: MapRegion {
            west: -170.0,
            east: 180.0,
            south: -56.0,
            north: 75.0,
        },
        stance_scale,
        relation_kinds,
        weight_kinds: vec![WeightKind {
            id: "weight".into(),
            label: "Generated weight".into(),
            meaning: "Random 0-9.".into(),
        }],
        groups,
        sources,
        actors,
        relations,
        quotes,
        conference: Some(Conference {
            name: "Generated world conference".into(),
            date: "2020-01-01".into(),
            place: "Generated".into(),
            hosts: Vec::new(),
            invited,
            uninvited: Vec::new(),
            rules,
            sources: Vec::new(),
            scenarios,
        }),
        disputes: Vec::new(),
        story: Vec::new(),
        timeline,
        conditions: Vec::new(),
        decisions: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_world_scenario_is_sound_sized_and_reproducible() {
        let size = WorldSize::default();
        let world = world_scenario(7, size);
        assert_eq!(crate::model::validate(&world), vec![]);
        assert!(world.actors.len() >= 220, "{} actors", world.actors.len());
        assert_eq!(world.relations.len(), 5_000);
        assert_eq!(world.quotes.len(), 2_000);
        assert_eq!(world.attendance_scenarios().len(), 20);
        assert_eq!(world, world_scenario(7, size));
        assert_ne!(world, world_scenario(8, size));
    }
}
