//! Validation: every problem in a scenario, each with the path where it is.
//!
//! Never panics; returns all problems rather than stopping at the first.

mod decisions;

use std::collections::HashSet;
use std::fmt;

use super::{Change, Conference, FORMAT_VERSION, GeoPos, Scenario};

/// One thing wrong with a scenario, e.g. `quotes[3].actor: no actor "IRAN"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where it is, in the file's terms, with each list item's id:
    /// `actors[2] (IRN).stance` (see [`super::item_path`]).
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Collects problems as the checks walk the scenario.
struct Checker<'a> {
    scenario: &'a Scenario,
    actor_ids: HashSet<&'a str>,
    source_ids: HashSet<&'a str>,
    quote_ids: HashSet<&'a str>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn new(scenario: &'a Scenario) -> Self {
        Self {
            scenario,
            actor_ids: scenario.actors.iter().map(|a| a.id.as_str()).collect(),
            source_ids: scenario.sources.iter().map(|s| s.id.as_str()).collect(),
            quote_ids: scenario.quotes.iter().map(|q| q.id.as_str()).collect(),
            problems: Vec::new(),
        }
    }

    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn non_empty(&mut self, path: impl FnOnce() -> String, what: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(path(), format!("{what} is empty"));
        }
    }

    fn actor_ref(&mut self, path: impl FnOnce() -> String, id: &str) {
        if !self.actor_ids.contains(id) {
            self.report(path(), format!("no actor \"{id}\""));
        }
    }

    fn source_ref(&mut self, path: impl FnOnce() -> String, id: &str) {
        if id.trim().is_empty() {
            self.report(path(), "no source given: say where this comes from");
        } else if !self.source_ids.contains(id) {
            self.report(path(), format!("no source \"{id}\""));
        }
    }

    fn source_refs(&mut self, base: &str, ids: &[String]) {
        for (i, id) in ids.iter().enumerate() {
            self.source_ref(|| format!("{base}.sources[{i}]"), id);
        }
    }

    /// Reports ids that are empty or appear more than once in one list.
    fn unique_ids<'b>(&mut self, list: &str, ids: impl Iterator<Item = &'b str>) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.report(format!("{list}[{i}].id"), "id is empty");
            } else if !seen.insert(id) {
                self.report(format!("{list}[{i}].id"), format!("duplicate id \"{id}\""));
            }
        }
    }

    fn geo(&mut self, path: &str, pos: GeoPos) {
        if !pos.lat.is_finite() || !(-90.0..=90.0).contains(&pos.lat) {
            self.report(
                format!("{path}.lat"),
                format!("latitude {} is outside -90..90", pos.lat),
            );
        }
        if !pos.lon.is_finite() || !(-180.0..=180.0).contains(&pos.lon) {
            self.report(
                format!("{path}.lon"),
                format!("longitude {} is outside -180..180", pos.lon),
            );
        }
    }

    fn header(&mut self) {
        let s = self.scenario;
        if s.format != FORMAT_VERSION {
            self.report(
                "format",
                format!(
                    "format {} is not one this build reads ({FORMAT_VERSION})",
                    s.format
                ),
            );
        }
        self.non_empty(|| "title".into(), "title", &s.title);
        let m = s.map;
        let finite = [m.west, m.east, m.south, m.north]
            .iter()
            .all(|v| v.is_finite());
        if !finite || m.west >= m.east || m.south >= m.north {
            self.report("map", "the region must have west < east and south < north");
        }
        if !(-90.0..=90.0).contains(&m.south) || !(-90.0..=90.0).contains(&m.north) {
            self.report("map", "the region's latitudes must lie in -90..90");
        }
    }

    fn vocabularies(&mut self) {
        let s = self.scenario;
        if s.stance_scale.is_empty() {
            self.report("stance_scale", "the stance scale has no categories");
        }
        self.unique_ids("stance_scale", s.stance_scale.iter().map(|c| c.id.as_str()));
        for (i, c) in s.stance_scale.iter().enumerate() {
            self.non_empty(|| format!("stance_scale[{i}].label"), "label", &c.label);
            if let Some(color) = &c.color
                && parse_hex_colour(color).is_none()
            {
                self.report(
                    format!("stance_scale[{i}].color"),
                    format!("\"{color}\" is not a colour of the form #rrggbb"),
                );
            }
        }
        self.unique_ids(
            "relation_kinds",
            s.relation_kinds.iter().map(|k| k.id.as_str()),
        );
        for (i, k) in s.relation_kinds.iter().enumerate() {
            self.non_empty(|| format!("relation_kinds[{i}].label"), "label", &k.label);
        }
        self.unique_ids("weight_kinds", s.weight_kinds.iter().map(|k| k.id.as_str()));
        self.unique_ids("groups", s.groups.iter().map(|g| g.id.as_str()));
        self.unique_ids("sources", s.sources.iter().map(|x| x.id.as_str()));
        for (i, src) in s.sources.iter().enumerate() {
            self.non_empty(
                || format!("sources[{i}].publisher"),
                "publisher",
                &src.publisher,
            );
            if let Some(url) = &src.url
                && !is_web_url(url)
            {
                self.report(
                    format!("sources[{i}].url"),
                    format!("\"{url}\" is not an http or https address"),
                );
            }
        }
    }

    fn actors(&mut self) {
        let s = self.scenario;
        self.unique_ids("actors", s.actors.iter().map(|a| a.id.as_str()));
        for (i, a) in s.actors.iter().enumerate() {
            let base = format!("actors[{i}]");
            self.non_empty(|| format!("{base}.name"), "name", &a.name);
            self.geo(&format!("{base}.position"), a.position);
            if let Some(p) = a.map_position {
                self.geo(&format!("{base}.map_position"), p);
            }
            if s.stance(&a.stance).is_none() {
                self.report(
                    format!("{base}.stance"),
                    format!("\"{}\" is not on the stance scale", a.stance),
                );
            }
            for (key, value) in &a.weights {
                if !s.weight_kinds.iter().any(|k| &k.id == key) {
                    self.report(
                        format!("{base}.weights.{key}"),
                        format!("no weight kind \"{key}\""),
                    );
                }
                if !value.is_finite() {
                    self.report(format!("{base}.weights.{key}"), "weight is not a number");
                }
            }
            for (g, group) in a.groups.iter().enumerate() {
                if s.group(group).is_none() {
                    self.report(
                        format!("{base}.groups[{g}]"),
                        format!("no group \"{group}\""),
                    );
                }
            }
            self.source_refs(&base, &a.sources);
        }
    }

    fn relations(&mut self) {
        let s = self.scenario;
        for (i, r) in s.relations.iter().enumerate() {
            let base = format!("relations[{i}]");
            self.actor_ref(|| format!("{base}.from"), &r.from);
            self.actor_ref(|| format!("{base}.to"), &r.to);
            if r.from == r.to {
                self.report(
                    format!("{base}.to"),
                    "a relation needs two different actors",
                );
            }
            if s.relation_kind(&r.kind).is_none() {
                self.report(
                    format!("{base}.kind"),
                    format!("no relation kind \"{}\"", r.kind),
                );
            }
            self.source_refs(&base, &r.sources);
        }
    }

    fn quotes(&mut self) {
        let s = self.scenario;
        self.unique_ids("quotes", s.quotes.iter().map(|q| q.id.as_str()));
        for (i, q) in s.quotes.iter().enumerate() {
            let base = format!("quotes[{i}]");
            self.non_empty(|| format!("{base}.speaker"), "speaker", &q.speaker);
            self.non_empty(|| format!("{base}.text"), "text", &q.text);
            if let Some(actor) = &q.actor {
                self.actor_ref(|| format!("{base}.actor"), actor);
            }
            self.source_ref(|| format!("{base}.source"), &q.source);
            if let Some(other) = &q.variant_of {
                if other == &q.id {
                    self.report(
                        format!("{base}.variant_of"),
                        "a quote cannot be a variant of itself",
                    );
                } else if !self.quote_ids.contains(other.as_str()) {
                    self.report(
                        format!("{base}.variant_of"),
                        format!("no quote \"{other}\""),
                    );
                }
            }
        }
    }

    fn conference(&mut self) {
        if let Some(c) = &self.scenario.conference {
            self.meeting("conference", c);
        }
    }

    /// A meeting's hosts, invitations, rules and what-ifs; `at` is where it
    /// is in the file (`conference`, `decisions[2].meeting`).
    fn meeting(&mut self, at: &str, c: &Conference) {
        self.non_empty(|| format!("{at}.name"), "name", &c.name);
        for (i, id) in c.hosts.iter().enumerate() {
            self.actor_ref(|| format!("{at}.hosts[{i}]"), id);
        }
        let mut seen = HashSet::new();
        for (i, id) in c.invited.iter().enumerate() {
            self.actor_ref(|| format!("{at}.invited[{i}]"), id);
            if !seen.insert(id.as_str()) {
                self.report(
                    format!("{at}.invited[{i}]"),
                    format!("\"{id}\" is listed twice"),
                );
            }
        }
        for (i, rule) in c.rules.iter().enumerate() {
            let base = format!("{at}.rules[{i}]");
            self.actor_ref(|| format!("{base}.actor"), &rule.actor);
            self.actor_ref(|| format!("{base}.other"), &rule.other);
            if rule.actor == rule.other {
                self.report(format!("{base}.other"), "a rule needs two different actors");
            }
            self.source_ref(|| format!("{base}.source"), &rule.source);
            if let Some(unless) = &rule.unless {
                self.condition_ref(|| format!("{base}.unless"), unless);
            }
        }
        let invited: HashSet<&str> = c.invited.iter().map(String::as_str).collect();
        for (i, u) in c.uninvited.iter().enumerate() {
            let base = format!("{at}.uninvited[{i}]");
            self.actor_ref(|| format!("{base}.actor"), &u.actor);
            if self.actor_ids.contains(u.actor.as_str()) && !invited.contains(u.actor.as_str()) {
                self.report(
                    format!("{base}.actor"),
                    format!("\"{}\" was never on the invitation list", u.actor),
                );
            }
            self.non_empty(|| format!("{base}.reason"), "reason", &u.reason);
            self.source_ref(|| format!("{base}.source"), &u.source);
        }
        self.source_refs(at, &c.sources);
        self.unique_ids(
            &format!("{at}.scenarios"),
            c.scenarios.iter().map(|x| x.id.as_str()),
        );
        for (i, x) in c.scenarios.iter().enumerate() {
            let base = format!("{at}.scenarios[{i}]");
            self.non_empty(|| format!("{base}.name"), "name", &x.name);
            for (j, id) in x.invite.iter().enumerate() {
                self.actor_ref(|| format!("{base}.invite[{j}]"), id);
            }
            for (j, id) in x.uninvite.iter().enumerate() {
                self.actor_ref(|| format!("{base}.uninvite[{j}]"), id);
                if self.actor_ids.contains(id.as_str()) && !invited.contains(id.as_str()) {
                    self.report(
                        format!("{base}.uninvite[{j}]"),
                        format!("\"{id}\" is not on the invitation list"),
                    );
                }
            }
            for (actor, stance) in &x.stance_overrides {
                self.actor_ref(|| format!("{base}.stance_overrides.{actor}"), actor);
                if self.scenario.stance(stance).is_none() {
                    self.report(
                        format!("{base}.stance_overrides.{actor}"),
                        format!("\"{stance}\" is not on the stance scale"),
                    );
                }
            }
            for condition in x.conditions.keys() {
                self.condition_ref(|| format!("{base}.conditions.{condition}"), condition);
            }
            self.source_refs(&base, &x.sources);
        }
    }

    fn disputes(&mut self) {
        for (i, d) in self.scenario.disputes.iter().enumerate() {
            self.non_empty(|| format!("disputes[{i}].topic"), "topic", &d.topic);
            if d.accounts.len() < 2 {
                self.report(
                    format!("disputes[{i}].accounts"),
                    "a dispute needs at least two accounts",
                );
            }
            for (j, account) in d.accounts.iter().enumerate() {
                self.source_ref(
                    || format!("disputes[{i}].accounts[{j}].source"),
                    &account.source,
                );
            }
        }
    }

    fn story(&mut self) {
        let s = self.scenario;
        for (i, step) in s.story.iter().enumerate() {
            let base = format!("story[{i}]");
            self.non_empty(|| format!("{base}.title"), "title", &step.title);
            if let Some(id) = &step.scenario
                && !s.attendance_scenarios().iter().any(|n| &n.id == id)
            {
                self.report(
                    format!("{base}.scenario"),
                    format!("no attendance scenario \"{id}\""),
                );
            }
            for (j, id) in step.highlight.iter().enumerate() {
                self.actor_ref(|| format!("{base}.highlight[{j}]"), id);
            }
            for (j, r) in step.highlight_relations.iter().enumerate() {
                if !s.relations.iter().any(|x| r.matches(x)) {
                    self.report(
                        format!("{base}.highlight_relations[{j}]"),
                        format!(
                            "no \"{}\" relation from \"{}\" to \"{}\"",
                            r.kind, r.from, r.to
                        ),
                    );
                }
            }
            if let Some(id) = &step.quote
                && s.quote(id).is_none()
            {
                self.report(format!("{base}.quote"), format!("no quote \"{id}\""));
            }
            if let Some(question) = &step.predict {
                self.non_empty(|| format!("{base}.predict"), "question", question);
            }
            self.source_refs(&base, &step.sources);
        }
    }
}

impl Checker<'_> {
    fn timeline(&mut self) {
        let s = self.scenario;
        let Some(timeline) = &s.timeline else {
            for (i, step) in s.story.iter().enumerate() {
                if step.date.is_some() {
                    self.report(
                        format!("story[{i}].date"),
                        "a dated step needs a timeline".to_owned(),
                    );
                }
            }
            return;
        };
        let range = timeline.start..=timeline.end;
        if timeline.start > timeline.end {
            self.report(
                "timeline.end",
                format!(
                    "ends on {} before it starts on {}",
                    timeline.end, timeline.start
                ),
            );
        }
        if !range.contains(&timeline.opens_on) {
            self.report(
                "timeline.opens_on",
                format!(
                    "{} is outside the timeline ({} to {})",
                    timeline.opens_on, timeline.start, timeline.end
                ),
            );
        }
        self.unique_ids(
            "timeline.events",
            timeline.events.iter().map(|e| e.id.as_str()),
        );
        for (i, event) in timeline.events.iter().enumerate() {
            let base = format!("timeline.events[{i}]");
            self.non_empty(|| format!("{base}.id"), "id", &event.id);
            self.non_empty(|| format!("{base}.title"), "title", &event.title);
            if !range.contains(&event.date) {
                self.report(
                    format!("{base}.date"),
                    format!(
                        "{} is outside the timeline ({} to {})",
                        event.date, timeline.start, timeline.end
                    ),
                );
            }
            if event.sources.is_empty() {
                self.report(
                    format!("{base}.sources"),
                    "an event needs a source".to_owned(),
                );
            }
            self.source_refs(&base, &event.sources);
            for (j, id) in event.actors.iter().enumerate() {
                self.actor_ref(|| format!("{base}.actors[{j}]"), id);
            }
            for (j, change) in event.changes.iter().enumerate() {
                let at = format!("{base}.changes[{j}]");
                match change {
                    Change::Stance { actor, stance, .. } => {
                        self.actor_ref(|| format!("{at}.actor"), actor);
                        if s.stance(stance).is_none() {
                            self.report(
                                format!("{at}.stance"),
                                format!("no stance \"{stance}\" on the scale"),
                            );
                        }
                    }
                    Change::ActorEnters { actor } => {
                        self.actor_ref(|| format!("{at}.actor"), actor);
                    }
                    Change::RelationStarts { relation } | Change::RelationEnds { relation } => {
                        if !s.relations.iter().any(|x| relation.matches(x)) {
                            self.report(
                                format!("{at}.relation"),
                                format!(
                                    "no \"{}\" relation from \"{}\" to \"{}\"",
                                    relation.kind, relation.from, relation.to
                                ),
                            );
                        }
                    }
                }
            }
        }
        for (i, step) in s.story.iter().enumerate() {
            if let Some(date) = step.date
                && !range.contains(&date)
            {
                self.report(
                    format!("story[{i}].date"),
                    format!(
                        "{date} is outside the timeline ({} to {})",
                        timeline.start, timeline.end
                    ),
                );
            }
        }
    }
}

/// Every problem in `scenario`, in file order. Empty means it is sound.
pub fn validate(scenario: &Scenario) -> Vec<Problem> {
    let mut checker = Checker::new(scenario);
    checker.header();
    checker.vocabularies();
    checker.actors();
    checker.relations();
    checker.quotes();
    checker.conditions();
    checker.conference();
    checker.decisions();
    checker.disputes();
    checker.story();
    checker.timeline();
    let mut problems = checker.problems;
    name_problem_items(scenario, &mut problems);
    problems
}

/// Puts each list item's id into the problems' paths (`actors[10]` becomes
/// `actors[10] (BRA)`), so that a reader can find it by name.
pub(super) fn name_problem_items(scenario: &Scenario, problems: &mut [Problem]) {
    if problems.is_empty() {
        return;
    }
    let Ok(value) = serde_json::to_value(scenario) else {
        return;
    };
    for problem in problems {
        problem.path = super::item_path::name_items(&value, &problem.path);
    }
}

/// Parses `#rrggbb` into its three bytes.
pub fn parse_hex_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// Whether `url` is an address the app may open in a browser: http or https only.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(char::is_whitespace)
        && url.len() > "https://".len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Actor, AttendanceScenario, Conference, Quote, Relation, RelationKind, RelationRef, Source,
        StanceCategory, StoryStep,
    };

    #[test]
    fn a_quote_without_a_source_is_flagged_as_such() {
        let mut s = small();
        s.quotes[0].source = " ".into();
        let problems = validate(&s);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "quotes[0] (q).source");
        assert!(problems[0].message.contains("no source given"));
    }

    /// Two actors, one relation each way of two kinds, a quote, a source and
    /// one named what-if; a story step that names them all correctly.
    fn small() -> Scenario {
        let actor = |id: &str| Actor {
            id: id.into(),
            name: id.into(),
            stance: "for".into(),
            ..Actor::default()
        };
        let relation = |from: &str, to: &str, kind: &str, directed| Relation {
            from: from.into(),
            to: to.into(),
            kind: kind.into(),
            directed,
            ..Relation::default()
        };
        Scenario {
            format: FORMAT_VERSION,
            title: "Small".into(),
            map: crate::model::MapRegion {
                west: -10.0,
                east: 10.0,
                south: -10.0,
                north: 10.0,
            },
            stance_scale: vec![StanceCategory {
                id: "for".into(),
                label: "For".into(),
                ..StanceCategory::default()
            }],
            relation_kinds: ["overture", "hostility"]
                .map(|id| RelationKind {
                    id: id.into(),
                    label: id.into(),
                    ..RelationKind::default()
                })
                .to_vec(),
            sources: vec![Source {
                id: "src".into(),
                publisher: "Publisher".into(),
                title: "Title".into(),
                ..Source::default()
            }],
            actors: vec![actor("A"), actor("B")],
            relations: vec![
                relation("A", "B", "overture", true),
                relation("A", "B", "hostility", false),
            ],
            quotes: vec![Quote {
                id: "q".into(),
                speaker: "Someone".into(),
                text: "Words".into(),
                source: "src".into(),
                ..Quote::default()
            }],
            conference: Some(Conference {
                name: "Conference".into(),
                scenarios: vec![AttendanceScenario {
                    id: "what-if".into(),
                    name: "What if".into(),
                    ..AttendanceScenario::default()
                }],
                ..Conference::default()
            }),
            story: vec![StoryStep {
                title: "Step".into(),
                scenario: Some("what-if".into()),
                highlight: vec!["A".into()],
                highlight_relations: vec![RelationRef {
                    from: "A".into(),
                    to: "B".into(),
                    kind: "overture".into(),
                }],
                quote: Some("q".into()),
                predict: Some("Who stays away?".into()),
                sources: vec!["src".into()],
                ..StoryStep::default()
            }],
            ..Scenario::default()
        }
    }

    fn messages(s: &Scenario) -> Vec<String> {
        validate(s).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_sound_story_has_no_problems() {
        assert_eq!(messages(&small()), Vec::<String>::new());
    }

    #[test]
    fn an_empty_title_is_flagged() {
        let mut s = small();
        s.story[0].title = " ".into();
        assert_eq!(messages(&s), ["story[0].title: title is empty"]);
    }

    #[test]
    fn an_unknown_attendance_scenario_is_flagged() {
        let mut s = small();
        s.story.push(StoryStep {
            title: "Second".into(),
            scenario: Some("nowhere".into()),
            ..StoryStep::default()
        });
        assert_eq!(
            messages(&s),
            ["story[1].scenario: no attendance scenario \"nowhere\""]
        );
        // Without a conference there are no named scenarios at all.
        s.conference = None;
        assert!(
            messages(&s).contains(&"story[0].scenario: no attendance scenario \"what-if\"".into())
        );
    }

    #[test]
    fn an_unknown_highlighted_actor_is_flagged() {
        let mut s = small();
        s.story[0].highlight.push("ATLANTIS".into());
        assert_eq!(
            messages(&s),
            ["story[0].highlight[1]: no actor \"ATLANTIS\""]
        );
    }

    #[test]
    fn a_highlighted_relation_that_matches_none_says_which() {
        let mut s = small();
        // Reversed: the overture is directed, so B to A is not it.
        s.story[0].highlight_relations.push(RelationRef {
            from: "B".into(),
            to: "A".into(),
            kind: "overture".into(),
        });
        // Reversed but undirected: the hostility runs both ways, so this matches.
        s.story[0].highlight_relations.push(RelationRef {
            from: "B".into(),
            to: "A".into(),
            kind: "hostility".into(),
        });
        s.story[0].highlight_relations.push(RelationRef {
            from: "A".into(),
            to: "B".into(),
            kind: "alliance".into(),
        });
        assert_eq!(
            messages(&s),
            [
                "story[0].highlight_relations[1]: no \"overture\" relation from \"B\" to \"A\"",
                "story[0].highlight_relations[3]: no \"alliance\" relation from \"A\" to \"B\"",
            ]
        );
    }

    #[test]
    fn an_unknown_quote_is_flagged() {
        let mut s = small();
        s.story[0].quote = Some("unsaid".into());
        assert_eq!(messages(&s), ["story[0].quote: no quote \"unsaid\""]);
    }

    #[test]
    fn an_empty_question_is_flagged() {
        let mut s = small();
        s.story[0].predict = Some(String::new());
        assert_eq!(messages(&s), ["story[0].predict: question is empty"]);
    }

    #[test]
    fn an_unknown_source_is_flagged() {
        let mut s = small();
        s.story[0].sources.push("rumour".into());
        assert_eq!(messages(&s), ["story[0].sources[1]: no source \"rumour\""]);
    }

    #[test]
    fn the_step_shows_the_named_scenario_or_the_first() {
        let mut s = small();
        let mut conference = s.conference.take().expect("a conference");
        conference.scenarios.insert(
            0,
            AttendanceScenario {
                id: "first".into(),
                name: "First".into(),
                ..AttendanceScenario::default()
            },
        );
        s.conference = Some(conference);
        let mut step = s.story[0].clone();
        assert_eq!(s.story_scenario_index(&step), Some(1));
        step.scenario = None;
        assert_eq!(s.story_scenario_index(&step), Some(0));
        step.scenario = Some("nowhere".into());
        assert_eq!(s.story_scenario_index(&step), None);
        s.conference = None;
        step.scenario = None;
        assert_eq!(s.story_scenario_index(&step), None);
    }
}
