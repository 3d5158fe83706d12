//! Validation of conditions and decisions: each bad part by its path.

use super::Checker;
use crate::model::{DecisionKind, Threshold, Vote};

impl Checker<'_> {
    pub(super) fn condition_ref(&mut self, path: impl FnOnce() -> String, id: &str) {
        if self.scenario.condition(id).is_none() {
            self.report(path(), format!("no condition \"{id}\""));
        }
    }

    pub(super) fn conditions(&mut self) {
        let conditions = &self.scenario.conditions;
        self.unique_ids("conditions", conditions.iter().map(|c| c.id.as_str()));
        for (i, c) in conditions.iter().enumerate() {
            self.non_empty(|| format!("conditions[{i}].label"), "label", &c.label);
            self.source_ref(|| format!("conditions[{i}].source"), &c.source);
        }
    }

    pub(super) fn decisions(&mut self) {
        let decisions = &self.scenario.decisions;
        self.unique_ids("decisions", decisions.iter().map(|d| d.id.as_str()));
        for (i, d) in decisions.iter().enumerate() {
            let base = format!("decisions[{i}]");
            self.non_empty(|| format!("{base}.title"), "title", &d.title);
            self.source_refs(&base, &d.sources);
            if let Some(timeline) = &self.scenario.timeline
                && !(timeline.start..=timeline.end).contains(&d.date)
            {
                self.report(
                    format!("{base}.date"),
                    format!(
                        "{} is outside the timeline ({} to {})",
                        d.date, timeline.start, timeline.end
                    ),
                );
            }
            match d.kind() {
                None => self.report(
                    base,
                    "a decision is a meeting, a vote or a withdrawn draft: give exactly one of them",
                ),
                Some(DecisionKind::Meeting(m)) => self.meeting(&format!("{base}.meeting"), m),
                Some(DecisionKind::Vote(v)) => self.vote(&format!("{base}.vote"), v),
                Some(DecisionKind::Withdrawn(w)) => {
                    let base = format!("{base}.withdrawn");
                    self.non_empty(|| format!("{base}.body"), "body", &w.body);
                    self.non_empty(|| format!("{base}.reason"), "reason", &w.reason);
                    self.source_ref(|| format!("{base}.source"), &w.source);
                    if w.tabled.is_some_and(|tabled| tabled > d.date) {
                        self.report(
                            format!("{base}.tabled"),
                            "tabled after the day it was withdrawn",
                        );
                    }
                }
            }
        }
    }

    fn vote(&mut self, at: &str, v: &Vote) {
        self.non_empty(|| format!("{at}.body"), "body", &v.body);
        self.unique_ids(
            &format!("{at}.members"),
            v.members.iter().map(|m| m.id.as_str()),
        );
        if v.members.is_empty() {
            self.report(format!("{at}.members"), "a vote needs members");
        }
        for (i, m) in v.members.iter().enumerate() {
            if !self.actor_ids.contains(m.id.as_str()) && m.name.trim().is_empty() {
                self.report(
                    format!("{at}.members[{i}]"),
                    format!("\"{}\" is not an actor: give the member's name", m.id),
                );
            }
            if !m.source.is_empty() {
                self.source_ref(|| format!("{at}.members[{i}].source"), &m.source);
            }
        }
        let is_member = |id: &str| v.members.iter().any(|m| m.id == id);
        for (i, id) in v.veto_holders.iter().enumerate() {
            if !is_member(id) {
                self.report(
                    format!("{at}.veto_holders[{i}]"),
                    format!("\"{id}\" is not a member"),
                );
            }
        }
        let members = u32::try_from(v.members.len()).unwrap_or(u32::MAX);
        match v.threshold {
            Threshold::Count { count } if count == 0 || count > members => self.report(
                format!("{at}.threshold.count"),
                format!("{count} votes can never be or are always reached with {members} members"),
            ),
            Threshold::Share {
                numerator,
                denominator,
                ..
            } if denominator == 0 || numerator == 0 || numerator > denominator => self.report(
                format!("{at}.threshold"),
                format!("{numerator}/{denominator} is not a share between 0 and 1"),
            ),
            _ => {}
        }
        for (i, rule) in v.rules.iter().enumerate() {
            let base = format!("{at}.rules[{i}]");
            for (field, id) in [("member", &rule.member), ("other", &rule.other)] {
                if !is_member(id) {
                    self.report(
                        format!("{base}.{field}"),
                        format!("\"{id}\" is not a member"),
                    );
                }
            }
            if rule.member == rule.other {
                self.report(
                    format!("{base}.other"),
                    "a member's position cannot wait for its own",
                );
            }
            self.source_ref(|| format!("{base}.source"), &rule.source);
            if let Some(id) = &rule.unless {
                self.condition_ref(|| format!("{base}.unless"), id);
            }
        }
        self.unique_ids(
            &format!("{at}.what_ifs"),
            v.what_ifs.iter().map(|w| w.id.as_str()),
        );
        for (i, w) in v.what_ifs.iter().enumerate() {
            let base = format!("{at}.what_ifs[{i}]");
            self.non_empty(|| format!("{base}.name"), "name", &w.name);
            for id in w.set.keys() {
                if !is_member(id) {
                    self.report(
                        format!("{base}.set.{id}"),
                        format!("\"{id}\" is not a member"),
                    );
                }
            }
            for id in w.conditions.keys() {
                self.condition_ref(|| format!("{base}.conditions.{id}"), id);
            }
            self.source_refs(&base, &w.sources);
        }
    }
}
