//! The scenario model: validation finds every kind of bad input at the right
//! path, and the built-in Paris 2014 scenario is sound (against its sources: the app's `tests/sources.rs`).
#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

mod support;
use coalition_core::decide::Engine;
use coalition_core::decide::whatif::invitations;
use coalition_core::io::{
    load_scenario, paris_2014, save_scenario, scenario_from_str, scenario_to_string,
};
use coalition_core::model::{GeoPos, RelationRef, Scenario, StoryStep, validate};
use support::with_ids;

fn paris() -> Scenario {
    paris_2014().expect("the built-in scenario parses")
}

/// The problems' paths and messages, one string each.
fn problems(s: &Scenario) -> Vec<String> {
    validate(s).iter().map(ToString::to_string).collect()
}

/// `expected` is written with indices only (`actors[2].id: …`); problems
/// name each item by its id too (`actors[2] (SAU).id: …`).
fn assert_problem(s: &Scenario, expected: &str) {
    let found = problems(s);
    let expected = with_ids(s, expected);
    let expected = expected.as_str();
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
    // By the timeline's last day every position is taken by someone.
    let end = s.timeline.as_ref().expect("a timeline").end;
    let stance_of = |id: &str| {
        s.stance_at(id, end)
            .map(|(stance, _)| stance.to_owned())
            .unwrap_or_default()
    };
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
            .any(|p| p.starts_with(&with_ids(&s, "quotes[1].id: duplicate id")))
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

/// The story's steps, from the built-in scenario.
fn story() -> (Scenario, Vec<StoryStep>) {
    let s = paris();
    let story = s.story.clone();
    (s, story)
}

/// The id of the named attendance scenario a step shows.
fn scenario_id(s: &Scenario, step: &StoryStep) -> String {
    let index = s
        .story_scenario_index(step)
        .unwrap_or_else(|| panic!("step {:?} shows no attendance scenario", step.title));
    s.attendance_scenarios()[index].id.clone()
}

fn relation(from: &str, to: &str, kind: &str) -> RelationRef {
    RelationRef {
        from: from.into(),
        to: to.into(),
        kind: kind.into(),
    }
}

#[test]
fn the_paris_story_validates_and_walks_through_the_day_in_order() {
    let (s, story) = story();
    let story_problems: Vec<String> = problems(&s)
        .into_iter()
        .filter(|p| p.starts_with("story"))
        .collect();
    assert_eq!(story_problems, Vec::<String>::new());
    let titles: Vec<&str> = story.iter().map(|step| step.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Islamic State's advance since June",
            "Obama's pledge",
            "The Paris conference",
            "Iran not invited",
            "A condition for coming",
            "Khamenei's answer",
            "Kerry's reply",
            "What if Iran had been invited?",
            "23 September: strikes in Syria",
            "October: strikes in Iraq",
        ]
    );
    let highlights = |i: usize| -> Vec<&str> {
        let mut ids: Vec<&str> = story[i].highlight.iter().map(String::as_str).collect();
        ids.sort_unstable();
        ids
    };
    assert_eq!(highlights(0), ["IRQ", "ISIL"]);
    assert_eq!(highlights(1), ["ISIL", "USA"]);
    // Who came: every participant, so the rest fade.
    let conference = s.conference.as_ref().expect("a conference");
    let mut participants: Vec<&str> = conference.invited.iter().map(String::as_str).collect();
    participants.sort_unstable();
    assert_eq!(highlights(2), participants);
    assert!(!highlights(2).contains(&"IRN"));
    assert_eq!(highlights(3), ["FRA", "IRN", "IRQ"]);
    assert_eq!(highlights(4), ["ARE", "IRN", "SAU"]);
    assert_eq!(
        story[4].highlight_relations,
        [
            relation("SAU", "IRN", "blocked_invitation"),
            relation("ARE", "IRN", "blocked_invitation"),
        ]
    );
    assert_eq!(highlights(5), ["IRN", "USA"]);
    assert_eq!(
        story[5].highlight_relations,
        [
            relation("USA", "IRN", "overture"),
            relation("IRN", "USA", "rejection"),
        ]
    );
    assert_eq!(highlights(6), ["IRN", "USA"]);
    // The what-if fades nothing: the class looks at every guest.
    assert!(highlights(7).is_empty());

    let quotes: Vec<Option<&str>> = story.iter().map(|step| step.quote.as_deref()).collect();
    assert_eq!(
        quotes,
        [
            None,
            None,
            Some("statement-military-assistance"),
            Some("french-diplomat-consensus"),
            None,
            Some("khamenei-dirty-hands-agencies"),
            Some("kerry-not-coordinating"),
            None,
            None,
            None,
        ]
    );
    // The steps after Paris ring who struck where.
    assert_eq!(
        highlights(8),
        ["ARE", "BHR", "ISIL", "JOR", "QAT", "SAU", "USA"]
    );
    assert_eq!(
        highlights(9),
        ["AUS", "BEL", "CAN", "FRA", "GBR", "IRQ", "NLD"]
    );

    // Every step but the what-if shows the conference as it happened, the
    // first named scenario; the what-if asks before it shows Iran invited.
    assert_eq!(s.attendance_scenarios()[0].id, "as-it-happened");
    let what_if = &story[7];
    for step in story.iter().filter(|step| step.title != what_if.title) {
        assert_eq!(s.story_scenario_index(step), Some(0), "{}", step.title);
        assert!(step.predict.is_none(), "{}", step.title);
    }
    assert_eq!(scenario_id(&s, what_if), "iran-invited");
    assert_eq!(
        what_if.predict.as_deref(),
        Some("If Iran is invited, who stays away?")
    );
    // Every step has its day, and the days never go back.
    let days: Vec<_> = story.iter().map(|step| step.date.expect("dated")).collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
    assert_eq!(days[0].to_string(), "2014-09-15");
}

#[test]
fn the_story_s_what_if_has_an_answer_to_its_question() {
    let (s, story) = story();
    let last = story
        .iter()
        .find(|step| step.predict.is_some())
        .expect("a what-if step");
    let named = &s.attendance_scenarios()[s.story_scenario_index(last).expect("a scenario")];
    let outcome = Engine::new(&s).evaluate(&invitations(&s, named));
    let attends = |id: &str| outcome.attending[s.actor_index(id).expect("actor")];
    assert!(attends("IRN"), "Iran is invited and comes");
    assert!(!attends("SAU") && !attends("ARE"), "the two stay away");
    let invited_absent: Vec<&str> = outcome
        .absent
        .iter()
        .filter(|(i, _)| named.invite.contains(&s.actors[*i].id) || s.is_invited(&s.actors[*i].id))
        .map(|(i, _)| s.actors[*i].id.as_str())
        .collect();
    assert_eq!(invited_absent, ["SAU", "ARE"]);
}

#[test]
fn every_story_step_is_short_and_cites_sources_that_exist() {
    let (s, story) = story();
    for step in &story {
        assert!(!step.text.trim().is_empty(), "{}", step.title);
        assert!(!step.notes.trim().is_empty(), "{}", step.title);
        let sentences = step.text.matches(['.', '?', '!']).count();
        assert!(
            (1..=3).contains(&sentences),
            "{}: {sentences} sentences",
            step.title
        );
        assert!(!step.sources.is_empty(), "{} cites nothing", step.title);
        for id in &step.sources {
            assert!(s.source(id).is_some(), "{}: no source {id}", step.title);
        }
    }
}

#[test]
fn the_story_survives_save_and_load_unchanged() {
    let s = paris();
    assert!(!s.story.is_empty());
    let dir = std::env::temp_dir().join(format!("coalition-map-story-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("story.coalition");
    save_scenario(&path, &s).expect("saves");
    let loaded = load_scenario(&path).expect("loads");
    assert_eq!(loaded.story, s.story);
    assert_eq!(loaded, s);
    let _ = std::fs::remove_dir_all(dir);

    // A file without a story still loads, and is saved without one.
    let mut plain = s.clone();
    plain.story.clear();
    let text = scenario_to_string(&plain).expect("serialises");
    assert!(!text.contains("\"story\""));
    assert_eq!(scenario_from_str(&text).expect("loads"), plain);
}

#[test]
fn a_story_step_with_an_unknown_field_is_refused() {
    let text = r#"{
        "format": 1, "title": "x", "date": "",
        "map": {"west": -10, "east": 30, "south": 30, "north": 60},
        "stance_scale": [{"id": "for", "label": "For"}],
        "actors": [],
        "story": [{"title": "One", "colour": "red"}]
    }"#;
    let err = scenario_from_str(text).expect_err("unknown field");
    assert!(err.to_string().contains("unknown field `colour`"), "{err}");
}
