//! The scenario model: validation finds every kind of bad input at the right
//! path, and the built-in Paris 2014 scenario is sound and faithful to its sources.
#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use coalition_map::io::{paris_2014, scenario_from_str};
use coalition_map::model::{GeoPos, Scenario, validate};

fn paris() -> Scenario {
    paris_2014().expect("the built-in scenario parses")
}

/// The problems' paths and messages, one string each.
fn problems(s: &Scenario) -> Vec<String> {
    validate(s).iter().map(ToString::to_string).collect()
}

fn assert_problem(s: &Scenario, expected: &str) {
    let found = problems(s);
    assert!(
        found.iter().any(|p| p == expected),
        "expected {expected:?} among {found:#?}"
    );
}

#[test]
fn the_built_in_scenario_is_sound_and_has_34_actors() {
    let s = paris();
    assert_eq!(problems(&s), Vec::<String>::new());
    assert_eq!(s.actors.len(), 34);
}

#[test]
fn the_built_in_scenario_has_the_communique_participants_and_the_non_participants() {
    let s = paris();
    let conference = s.conference.as_ref().expect("a conference");
    let mut invited = conference.invited.clone();
    invited.sort();
    let mut expected = vec![
        "BHR",
        "BEL",
        "CAN",
        "CHN",
        "CZE",
        "DNK",
        "EGY",
        "FRA",
        "DEU",
        "IRQ",
        "ITA",
        "JPN",
        "JOR",
        "KWT",
        "LBN",
        "NLD",
        "NOR",
        "OMN",
        "QAT",
        "RUS",
        "SAU",
        "ESP",
        "TUR",
        "ARE",
        "GBR",
        "USA",
        "ARAB_LEAGUE",
        "EU",
        "UN",
    ];
    expected.sort_unstable();
    assert_eq!(invited, expected);
    for outsider in ["IRN", "SYR", "ISIL", "HEZBOLLAH", "AUS"] {
        assert!(s.actor(outsider).is_some(), "{outsider} is on the map");
        assert!(!s.is_invited(outsider), "{outsider} did not take part");
    }
    let sau_rule = conference
        .rules
        .iter()
        .find(|r| r.actor == "SAU")
        .expect("the Saudi rule");
    assert_eq!(sau_rule.other, "IRN");
}

#[test]
fn the_stances_distinguish_the_six_positions() {
    let s = paris();
    let stance_of = |id: &str| s.actor(id).map(|a| a.stance.clone()).unwrap_or_default();
    let distinct: std::collections::BTreeSet<String> = ["USA", "FRA", "DEU", "RUS", "IRN", "ISIL"]
        .iter()
        .map(|id| stance_of(id))
        .collect();
    assert_eq!(
        distinct.len(),
        6,
        "strikes in both / Iraq only / support / critical / opposed / adversary"
    );
    assert_eq!(s.stance_scale.len(), 6);
}

/// Folds whitespace and typographic quotes so text wrapped in a file compares.
fn fold(text: &str) -> String {
    text.replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201C}', '\u{201D}'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_quote_is_word_for_word_in_the_shared_sources() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources");
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| {
            panic!(
                "the sources must sit beside the project at {}: {e}",
                dir.display()
            )
        })
    };
    let corpus = fold(
        &(read("article-2014-09-15-iran-spurns-us-overture.txt") + "\n" + &read("facts-2014.md")),
    );
    let s = paris();
    assert!(s.quotes.len() >= 12);
    for quote in &s.quotes {
        assert!(
            corpus.contains(&fold(&quote.text)),
            "quote {} is not in the sources: {}",
            quote.id,
            quote.text
        );
    }
}

#[test]
fn sources_that_differ_are_shown_side_by_side() {
    let s = paris();
    let topics: Vec<&str> = s.disputes.iter().map(|d| d.topic.as_str()).collect();
    assert!(
        s.disputes.iter().all(|d| d.accounts.len() >= 2),
        "{topics:?}"
    );
    let kerry_variants = s
        .quotes
        .iter()
        .filter(|q| q.speaker.contains("Kerry") && q.variant_of.is_some())
        .count();
    assert!(kerry_variants >= 1, "Kerry's two wordings are linked");
    assert!(
        topics
            .iter()
            .any(|t| t.contains("took part") || t.contains("participants")),
        "{topics:?}"
    );
}

#[test]
fn validation_finds_dangling_references_at_their_paths() {
    let mut s = paris();
    s.quotes[3].actor = Some("IRAN".into());
    s.quotes[0].source = "nowhere".into();
    s.relations[1].to = "ATLANTIS".into();
    s.relations[2].kind = "friendship".into();
    s.actors[4].sources.push("ghost".into());
    s.actors[5].groups.push("G77".into());
    s.actors[6].weights.insert("charm".into(), 3.0);
    let conference = s.conference.as_mut().expect("conference");
    conference.invited.push("MARS".into());
    conference.rules[0].other = "NOBODY".into();
    assert_problem(&s, "quotes[3].actor: no actor \"IRAN\"");
    assert_problem(&s, "quotes[0].source: no source \"nowhere\"");
    assert_problem(&s, "relations[1].to: no actor \"ATLANTIS\"");
    assert_problem(&s, "relations[2].kind: no relation kind \"friendship\"");
    let ghost_index = s.actors[4].sources.len() - 1;
    assert_problem(
        &s,
        &format!("actors[4].sources[{ghost_index}]: no source \"ghost\""),
    );
    let g77_index = s.actors[5].groups.len() - 1;
    assert_problem(
        &s,
        &format!("actors[5].groups[{g77_index}]: no group \"G77\""),
    );
    assert_problem(&s, "actors[6].weights.charm: no weight kind \"charm\"");
    let mars_index = s.conference.as_ref().map_or(0, |c| c.invited.len() - 1);
    assert_problem(
        &s,
        &format!("conference.invited[{mars_index}]: no actor \"MARS\""),
    );
    assert_problem(&s, "conference.rules[0].other: no actor \"NOBODY\"");
}

#[test]
fn validation_finds_duplicate_ids_empty_names_bad_coordinates_and_unknown_stances() {
    let mut s = paris();
    s.actors[2].id = s.actors[1].id.clone();
    s.actors[7].name = "  ".into();
    s.actors[8].position = GeoPos {
        lat: 123.0,
        lon: 10.0,
    };
    s.actors[9].position = GeoPos {
        lat: 10.0,
        lon: -200.0,
    };
    s.actors[10].stance = "lukewarm".into();
    s.quotes[1].id = s.quotes[0].id.clone();
    s.stance_scale[0].color = Some("blue".into());
    let dup = s.actors[1].id.clone();
    assert_problem(&s, &format!("actors[2].id: duplicate id \"{dup}\""));
    assert_problem(&s, "actors[7].name: name is empty");
    assert_problem(
        &s,
        "actors[8].position.lat: latitude 123 is outside -90..90",
    );
    assert_problem(
        &s,
        "actors[9].position.lon: longitude -200 is outside -180..180",
    );
    assert_problem(
        &s,
        "actors[10].stance: \"lukewarm\" is not on the stance scale",
    );
    assert!(
        problems(&s)
            .iter()
            .any(|p| p.starts_with("quotes[1].id: duplicate id"))
    );
    assert_problem(
        &s,
        "stance_scale[0].color: \"blue\" is not a colour of the form #rrggbb",
    );
}

#[test]
fn validation_rejects_non_web_links_and_a_bad_region() {
    let mut s = paris();
    s.sources[0].url = Some("file:///etc/passwd".into());
    s.map.west = 70.0;
    assert_problem(
        &s,
        "sources[0].url: \"file:///etc/passwd\" is not an http or https address",
    );
    assert_problem(
        &s,
        "map: the region must have west < east and south < north",
    );
}

#[test]
fn a_minimal_hand_written_file_loads_and_validates() {
    let text = r#"{
        "format": 1, "title": "Two states", "date": "2011",
        "map": {"west": -10, "east": 30, "south": 30, "north": 60},
        "stance_scale": [{"id": "for", "label": "For"}, {"id": "against", "label": "Against"}],
        "actors": [
            {"id": "FRA", "name": "France", "kind": "state", "position": {"lat": 48.86, "lon": 2.35}, "stance": "for"},
            {"id": "DEU", "name": "Germany", "kind": "state", "position": {"lat": 52.52, "lon": 13.4}, "stance": "against"}
        ]
    }"#;
    let s = scenario_from_str(text).expect("loads");
    assert_eq!(problems(&s), Vec::<String>::new());
}

#[test]
fn unknown_fields_are_refused_rather_than_silently_dropped() {
    let err = scenario_from_str(r#"{"format": 1, "title": "x", "date": "", "colour_scheme": 3}"#)
        .expect_err("unknown field");
    assert!(
        err.to_string().contains("unknown field `colour_scheme`"),
        "{err}"
    );
}
