//! Scenarios to start from (a blank one, and one on another scenario's
//! frame), and a new actor to add to one.

use super::{
    Actor, ActorKind, FORMAT_VERSION, GeoPos, LineStyle, MapRegion, RelationKind, Scenario,
    StanceCategory,
};

/// A new scenario built on `model`'s frame: its map region, stance scale,
/// relation kinds, weight kinds and groups, with no actors, relations,
/// quotes, sources, conference or disputes.
pub fn template_from(model: &Scenario) -> Scenario {
    Scenario {
        format: FORMAT_VERSION,
        title: "Untitled scenario".into(),
        date: String::new(),
        summary: String::new(),
        map: model.map,
        stance_scale: model.stance_scale.clone(),
        relation_kinds: model.relation_kinds.clone(),
        weight_kinds: model.weight_kinds.clone(),
        groups: model.groups.clone(),
        ..Scenario::default()
    }
}

/// A blank scenario to start from: a world map, a five-step stance scale,
/// three general relation kinds, no actors.
pub fn blank_scenario() -> Scenario {
    let kind = |id: &str, label: &str, meaning: &str, line| RelationKind {
        id: id.into(),
        label: label.into(),
        meaning: meaning.into(),
        line,
        shown_by_default: true,
    };
    let step = |id: &str, label: &str, meaning: &str| StanceCategory {
        id: id.into(),
        label: label.into(),
        meaning: meaning.into(),
        color: None,
    };
    Scenario {
        format: FORMAT_VERSION,
        title: "Untitled scenario".into(),
        date: String::new(),
        map: MapRegion {
            west: -170.0,
            east: 180.0,
            south: -56.0,
            north: 75.0,
        },
        relation_kinds: vec![
            kind(
                "alliance",
                "Allied with",
                "Fights or acts together.",
                LineStyle::Solid,
            ),
            kind(
                "hostility",
                "Hostile to",
                "Opposes the other openly.",
                LineStyle::Dashed,
            ),
            kind(
                "contact",
                "Reached out to",
                "Talks, overtures or offers.",
                LineStyle::Dotted,
            ),
        ],
        stance_scale: vec![
            step("supports", "Supports", "Supports the coalition."),
            step(
                "leans_for",
                "Leans in favour",
                "Leans towards the coalition.",
            ),
            step("neutral", "Neutral", "Takes no side."),
            step(
                "leans_against",
                "Leans against",
                "Leans against the coalition.",
            ),
            step("opposes", "Opposes", "Opposes the coalition."),
        ],
        ..Scenario::default()
    }
}

/// A new actor with a free id at `position` (rounded to 0.01°), on the
/// most supportive stance.
pub fn new_actor_at(scenario: &Scenario, position: GeoPos) -> Actor {
    Actor {
        id: crate::edit::fresh_id("NEW", |id| scenario.actor(id).is_some()),
        name: "New actor".into(),
        kind: ActorKind::State,
        position: GeoPos {
            lat: (position.lat * 100.0).round() / 100.0,
            lon: (position.lon * 100.0).round() / 100.0,
        },
        stance: scenario
            .stance_scale
            .first()
            .map(|s| s.id.clone())
            .unwrap_or_default(),
        ..Actor::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blank_scenario_is_sound() {
        assert_eq!(super::super::validate(&blank_scenario()), vec![]);
    }
}
