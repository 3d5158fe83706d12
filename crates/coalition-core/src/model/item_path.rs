//! Paths to items in a scenario, as messages write them:
//! `actors[10] (BRA).position`, `decisions[0] (un-vote).rules[2].actor`.
//!
//! A path names each field by its JSON name and each list item by its
//! 0-based index, followed by the item's id in brackets where it has one, so
//! that a reader finds it by what it is called rather than by counting.
//! [`name_items`] puts the ids into a path written with indices only;
//! [`steps`] reads a path back (ids skipped), for [`crate::io::Locator`]
//! to find its line.

use std::fmt::Write;

/// One step of a path: a field by its name, or a list item by its index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

/// The steps of `path` (`actors[10] (BRA).weights.gdp` is `actors`, `10`,
/// `weights`, `gdp`); the ids in brackets are skipped. Text that is no path
/// ends the steps where it starts.
pub fn steps(path: &str) -> Vec<Step<'_>> {
    let mut found = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        let end = rest.find(['.', '[']).unwrap_or(rest.len());
        if end > 0 {
            found.push(Step::Key(&rest[..end]));
        }
        rest = &rest[end..];
        while let Some(inside) = rest.strip_prefix('[') {
            let Some(close) = inside.find(']') else {
                return found;
            };
            let Ok(index) = inside[..close].parse() else {
                return found;
            };
            found.push(Step::Index(index));
            rest = skip_id(&inside[close + 1..]);
        }
        match rest.strip_prefix('.') {
            Some(after) => rest = after,
            None if rest.is_empty() => {}
            None => return found,
        }
    }
    found
}

/// `rest` after an id in brackets (` (BRA)`) at its start, if there is one.
/// An id may itself hold brackets and dots: it ends at the last `)` that is
/// followed by the end, a `.` or a `[`.
fn skip_id(rest: &str) -> &str {
    let Some(inside) = rest.strip_prefix(" (") else {
        return rest;
    };
    let mut end = None;
    for (at, _) in inside.match_indices(')') {
        let after = &inside[at + 1..];
        if after.is_empty() || after.starts_with('.') || after.starts_with('[') {
            end = Some(at + 1);
            if after.is_empty() {
                break;
            }
        }
    }
    match end {
        Some(end) => &inside[end..],
        None => rest,
    }
}

/// `path` with the id of each list item it passes through, as `value` (the
/// scenario as JSON) holds them: `actors[10].position` becomes
/// `actors[10] (BRA).position`. Steps `value` does not have are written as
/// they are.
pub fn name_items(value: &serde_json::Value, path: &str) -> String {
    let mut named = String::with_capacity(path.len() + 16);
    let mut here = Some(value);
    let mut first = true;
    for step in steps(path) {
        match step {
            Step::Key(key) => {
                if !first {
                    named.push('.');
                }
                named.push_str(key);
                here = here.and_then(|v| v.get(key));
            }
            Step::Index(index) => {
                let _ = write!(named, "[{index}]");
                here = here.and_then(|v| v.get(index));
                if let Some(id) = here
                    .and_then(|item| item.get("id"))
                    .and_then(|id| id.as_str())
                    && !id.trim().is_empty()
                {
                    let _ = write!(named, " ({})", super::text::id(id));
                }
            }
        }
        first = false;
    }
    named
}

/// What `path` names in `value` (the scenario as JSON), if it has it.
pub fn value_at<'v>(value: &'v serde_json::Value, path: &str) -> Option<&'v serde_json::Value> {
    steps(path)
        .into_iter()
        .try_fold(value, |here, step| match step {
            Step::Key(key) => here.get(key),
            Step::Index(index) => here.get(index),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_reads_back_as_its_keys_and_indices_whatever_ids_it_names() {
        assert_eq!(
            steps("actors[10] (BRA).weights.gdp"),
            [
                Step::Key("actors"),
                Step::Index(10),
                Step::Key("weights"),
                Step::Key("gdp")
            ]
        );
        assert_eq!(
            steps("decisions[0] (vote (a.b)).rules[2].actor"),
            [
                Step::Key("decisions"),
                Step::Index(0),
                Step::Key("rules"),
                Step::Index(2),
                Step::Key("actor")
            ]
        );
        assert_eq!(steps("title"), [Step::Key("title")]);
        assert_eq!(steps("actors[x]"), [Step::Key("actors")]);
    }

    #[test]
    fn items_are_named_by_their_ids_where_they_have_them() {
        let value = serde_json::json!({
            "actors": [{"id": "USA"}, {"id": "BRA", "groups": ["g"]}],
            "relations": [{"from": "USA", "to": "BRA"}],
        });
        assert_eq!(
            name_items(&value, "actors[1].groups[0]"),
            "actors[1] (BRA).groups[0]"
        );
        assert_eq!(name_items(&value, "relations[0].to"), "relations[0].to");
        assert_eq!(name_items(&value, "actors[7].name"), "actors[7].name");
        assert_eq!(name_items(&value, "map"), "map");
    }

    #[test]
    fn a_long_id_is_cut_with_an_ellipsis() {
        let long = "X".repeat(1000);
        let value = serde_json::json!({ "actors": [{ "id": long }] });
        let named = name_items(&value, "actors[0].name");
        assert!(named.chars().count() < 60, "{named}");
        assert!(named.contains('…'));
    }
}
