//! Warnings: what a sound scenario allows but is probably a mistake, each
//! with the path where it is. Unlike [`super::validate`]'s problems they do
//! not stop a file from being sound; `check` prints them and the window
//! lists them under the problems.
//!
//! - A node whose position reads as `[lon, lat]` rather than `[lat, lon]`:
//!   an actor whose id names a country of the outlines, placed outside that
//!   country's box but inside it once the two numbers are swapped (Colombia
//!   written as (4.7, -74.1) backwards lands in Antarctica, while its country
//!   is tinted in South America). Without a country to go by, a position
//!   outside the scenario's map that lies inside it swapped.
//! - A state placed outside its own country (its box, with some slack for
//!   islands), even where swapping the numbers would not help.
//! - A meeting's host that is not on its invitation list: the attendance
//!   engine would leave the host out of its own meeting.
//! - A written date (the scenario's, a relation's, a quote's, a meeting's,
//!   a source's) that has a date's shape but is not a real day, month or
//!   year: `2014-02-30`, `2014-13`.
//! - A name longer than [`text::NAME_CHARS`] characters, or a text (a
//!   quote, a reason, an event, the summary) longer than
//!   [`text::TEXT_CHARS`]: the window and exports show them cut.

use std::collections::HashMap;

use super::{Conference, GeoPos, MapRegion, Problem, Scenario, text};
use crate::geo::basemap::Basemap;
use crate::geo::projection::{WorldPos, geo_from_world};

/// How far outside a country's box (degrees, about 300 km at the equator) a
/// capital may lie before it is taken for a mistake: islands and enclaves
/// sit beside their outlines' simplified boxes.
const COUNTRY_SLACK_DEGREES: f64 = 3.0;

/// Every warning for `scenario`, in file order. With `basemap`, positions
/// are checked against their countries' outlines too.
pub fn warnings(scenario: &Scenario, basemap: Option<&Basemap>) -> Vec<Problem> {
    let mut found = Vec::new();
    positions(scenario, basemap, &mut found);
    dates(scenario, &mut found);
    lengths(scenario, &mut found);
    let known = scenario.actor_indices();
    if let Some(conference) = &scenario.conference {
        hosts("conference", &known, conference, &mut found);
    }
    for (i, decision) in scenario.decisions.iter().enumerate() {
        if let Some(meeting) = &decision.meeting {
            hosts(
                &format!("decisions[{i}].meeting"),
                &known,
                meeting,
                &mut found,
            );
        }
    }
    super::validate::name_problem_items(scenario, &mut found);
    found
}

/// A country's box in degrees: (west, south, east, north).
type GeoBox = (f64, f64, f64, f64);

fn positions(scenario: &Scenario, basemap: Option<&Basemap>, found: &mut Vec<Problem>) {
    let boxes: HashMap<&str, GeoBox> = basemap
        .map(|b| {
            b.countries
                .iter()
                .filter_map(|c| Some((c.iso_a3.as_deref()?, geo_box(c.bounds))))
                .collect()
        })
        .unwrap_or_default();
    for (i, actor) in scenario.actors.iter().enumerate() {
        let placed = [
            ("position", Some(actor.position)),
            ("map_position", actor.map_position),
        ];
        for (field, pos) in placed {
            let Some(pos) = pos else { continue };
            let swapped = GeoPos {
                lat: pos.lon,
                lon: pos.lat,
            };
            if !(-90.0..=90.0).contains(&swapped.lat) {
                continue;
            }
            let backwards = match boxes.get(actor.id.as_str()) {
                Some(country) => !inside(country, pos) && inside(country, swapped),
                // A hand-set position may well lie away from the country.
                None if field == "position" => {
                    !in_region(&scenario.map, pos) && in_region(&scenario.map, swapped)
                }
                None => false,
            };
            if !backwards
                && field == "position"
                && actor.kind == super::ActorKind::State
                && let Some(country) = boxes.get(actor.id.as_str())
                && !inside(country, pos)
            {
                found.push(Problem {
                    path: format!("actors[{i}].{field}"),
                    message: format!(
                        "lat {}, lon {} lies outside {}'s country on the map",
                        pos.lat, pos.lon, actor.name
                    ),
                });
            }
            if backwards {
                let near = if boxes.contains_key(actor.id.as_str()) {
                    format!("its country ({})", actor.name)
                } else {
                    "the scenario's map".to_owned()
                };
                found.push(Problem {
                    path: format!("actors[{i}].{field}"),
                    message: format!(
                        "lat {}, lon {} lies far from {near}, which the same numbers swapped \
                         (lat {}, lon {}) would reach: was it written as [lon, lat]?",
                        pos.lat, pos.lon, swapped.lat, swapped.lon
                    ),
                });
            }
        }
    }
}

/// Written dates that look like dates but are not real ones.
fn dates(scenario: &Scenario, found: &mut Vec<Problem>) {
    let mut check = |path: String, text: &str| {
        if let Some(why) = not_a_real_date(text) {
            found.push(Problem {
                path,
                message: format!("\"{text}\" is not a real date: {why}"),
            });
        }
    };
    check("date".to_owned(), &scenario.date);
    for (i, r) in scenario.relations.iter().enumerate() {
        check(format!("relations[{i}].date"), &r.date);
    }
    for (i, q) in scenario.quotes.iter().enumerate() {
        check(format!("quotes[{i}].date"), &q.date);
    }
    for (i, source) in scenario.sources.iter().enumerate() {
        check(format!("sources[{i}].date"), &source.date);
    }
    if let Some(c) = &scenario.conference {
        check("conference.date".to_owned(), &c.date);
    }
    for (i, d) in scenario.decisions.iter().enumerate() {
        if let Some(m) = &d.meeting {
            check(format!("decisions[{i}].meeting.date"), &m.date);
        }
    }
}

/// Names and texts longer than the window shows (counting no further than
/// that, however long they are).
fn lengths(scenario: &Scenario, found: &mut Vec<Problem>) {
    let mut check = |path: &dyn Fn() -> String, what: &str, value: &str, max: usize| {
        if value.chars().nth(max).is_some() {
            found.push(Problem {
                path: path(),
                message: format!(
                    "the {what} is longer than {max} characters: the window and exports show it cut"
                ),
            });
        }
    };
    let (name, long) = (text::NAME_CHARS, text::TEXT_CHARS);
    check(&|| "title".to_owned(), "title", &scenario.title, name);
    check(&|| "summary".to_owned(), "summary", &scenario.summary, long);
    for (i, a) in scenario.actors.iter().enumerate() {
        check(&|| format!("actors[{i}].id"), "id", &a.id, text::ID_CHARS);
        check(&|| format!("actors[{i}].name"), "name", &a.name, name);
        check(
            &|| format!("actors[{i}].stance_reason"),
            "reason",
            &a.stance_reason,
            long,
        );
    }
    for (i, q) in scenario.quotes.iter().enumerate() {
        check(
            &|| format!("quotes[{i}].speaker"),
            "speaker",
            &q.speaker,
            name,
        );
        check(&|| format!("quotes[{i}].text"), "quote", &q.text, long);
    }
    if let Some(timeline) = &scenario.timeline {
        for (i, e) in timeline.events.iter().enumerate() {
            check(
                &|| format!("timeline.events[{i}].title"),
                "title",
                &e.title,
                long,
            );
            check(
                &|| format!("timeline.events[{i}].text"),
                "text",
                &e.text,
                long,
            );
        }
    }
}

/// Why `text`, shaped like `YYYY-MM-DD` or `YYYY-MM`, is not a real date;
/// `None` for a real one, and for free text ("1979", "mid-2014") that makes
/// no claim to be one.
fn not_a_real_date(text: &str) -> Option<&'static str> {
    let text = text.trim();
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            super::Date::parse_from_str(text, "%Y-%m-%d")
                .is_err()
                .then_some("no such day (write YYYY-MM-DD)")
        }
        [y, m] if digits(y, 4) && digits(m, 2) => {
            (!matches!(m.parse::<u32>(), Ok(1..=12))).then_some("no such month (write YYYY-MM)")
        }
        _ => None,
    }
}

/// `known`: the scenario's actors by id (`Scenario::actor_indices`).
fn hosts(at: &str, known: &HashMap<&str, usize>, meeting: &Conference, found: &mut Vec<Problem>) {
    for (j, host) in meeting.hosts.iter().enumerate() {
        // An unknown id is validation's to report.
        if !known.contains_key(host.as_str()) {
            continue;
        }
        let invited = meeting.invited.iter().any(|id| id == host)
            && !meeting.uninvited.iter().any(|u| u.actor == *host);
        if !invited {
            found.push(Problem {
                path: format!("{at}.hosts[{j}]"),
                message: format!(
                    "host \"{host}\" is not on the invitation list, so the meeting is worked out without it"
                ),
            });
        }
    }
}

/// A box in Mercator units (lower-left, upper-right), in degrees.
fn geo_box((lo, hi): (WorldPos, WorldPos)) -> GeoBox {
    let a = geo_from_world(lo);
    let b = geo_from_world(hi);
    (
        a.lon.min(b.lon),
        a.lat.min(b.lat),
        a.lon.max(b.lon),
        a.lat.max(b.lat),
    )
}

fn inside(&(west, south, east, north): &GeoBox, pos: GeoPos) -> bool {
    let s = COUNTRY_SLACK_DEGREES;
    (south - s..=north + s).contains(&pos.lat) && (west - s..=east + s).contains(&pos.lon)
}

fn in_region(map: &MapRegion, pos: GeoPos) -> bool {
    (map.south..=map.north).contains(&pos.lat) && (map.west..=map.east).contains(&pos.lon)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Uninvitation};

    fn colombia(position: GeoPos) -> Scenario {
        Scenario {
            map: MapRegion {
                west: -85.0,
                east: -60.0,
                south: -5.0,
                north: 15.0,
            },
            actors: vec![Actor {
                id: "COL".into(),
                name: "Colombia".into(),
                position,
                ..Actor::default()
            }],
            ..Scenario::default()
        }
    }

    #[test]
    fn a_capital_written_as_lon_lat_is_flagged_with_both_readings() {
        let basemap = Basemap::embedded().expect("the embedded outlines");
        let backwards = colombia(GeoPos {
            lat: -74.07,
            lon: 4.71,
        });
        let found = warnings(&backwards, Some(&basemap));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, "actors[0] (COL).position");
        assert!(
            found[0].message.contains("[lon, lat]"),
            "{}",
            found[0].message
        );
        assert!(
            found[0].message.contains("Colombia"),
            "{}",
            found[0].message
        );

        let right = colombia(GeoPos {
            lat: 4.71,
            lon: -74.07,
        });
        assert!(warnings(&right, Some(&basemap)).is_empty());
    }

    #[test]
    fn without_outlines_a_position_off_the_map_that_fits_it_swapped_is_flagged() {
        let backwards = colombia(GeoPos {
            lat: -74.07,
            lon: 4.71,
        });
        let found = warnings(&backwards, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("the scenario's map"));
        // Off the map, and off it swapped too: nothing to suggest.
        let elsewhere = colombia(GeoPos {
            lat: 48.85,
            lon: 2.35,
        });
        assert!(warnings(&elsewhere, None).is_empty());
    }

    #[test]
    fn a_host_left_off_or_taken_off_the_invitation_list_is_flagged() {
        let actor = |id: &str| Actor {
            id: id.into(),
            name: id.into(),
            position: GeoPos { lat: 0.0, lon: 0.0 },
            ..Actor::default()
        };
        let mut s = Scenario {
            map: MapRegion {
                west: -10.0,
                east: 10.0,
                south: -10.0,
                north: 10.0,
            },
            actors: vec![actor("FRA"), actor("IRQ"), actor("USA")],
            conference: Some(Conference {
                hosts: vec!["FRA".into(), "IRQ".into(), "NOBODY".into()],
                invited: vec!["FRA".into(), "USA".into()],
                ..Conference::default()
            }),
            ..Scenario::default()
        };
        let paths = |s: &Scenario| -> Vec<String> {
            warnings(s, None).into_iter().map(|p| p.path).collect()
        };
        assert_eq!(paths(&s), ["conference.hosts[1]"]);
        if let Some(c) = s.conference.as_mut() {
            c.uninvited.push(Uninvitation {
                actor: "FRA".into(),
                ..Uninvitation::default()
            });
        }
        assert_eq!(paths(&s), ["conference.hosts[0]", "conference.hosts[1]"]);
    }

    #[test]
    fn a_state_placed_in_another_country_is_flagged_even_when_swapping_would_not_help() {
        let basemap = Basemap::embedded().expect("the embedded outlines");
        // Colombia at Paris: not its country, and no better swapped.
        let mut s = colombia(GeoPos {
            lat: 48.85,
            lon: 2.35,
        });
        s.actors[0].kind = crate::model::ActorKind::State;
        let found = warnings(&s, Some(&basemap));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("outside Colombia's country"));
        // An organisation with a country's id is not held to it.
        s.actors[0].kind = crate::model::ActorKind::Organisation;
        assert!(warnings(&s, Some(&basemap)).is_empty());
    }

    #[test]
    fn dates_shaped_like_dates_must_be_real_ones() {
        assert_eq!(not_a_real_date("2014-09-15"), None);
        assert_eq!(not_a_real_date("2014-09"), None);
        assert_eq!(not_a_real_date("1979"), None);
        assert_eq!(not_a_real_date("mid-2014"), None);
        assert!(not_a_real_date("2014-02-30").is_some());
        assert!(not_a_real_date("2014-13").is_some());
        let mut s = colombia(GeoPos {
            lat: 4.71,
            lon: -74.07,
        });
        s.date = "2014-02-30".into();
        let found = warnings(&s, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, "date");
        assert!(found[0].message.contains("not a real date"));
    }

    #[test]
    fn the_built_in_scenario_has_no_warnings() {
        let paris = crate::io::paris_2014().expect("the built-in scenario");
        let basemap = Basemap::embedded().expect("the embedded outlines");
        let found = warnings(&paris, Some(&basemap));
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn names_and_texts_longer_than_the_window_shows_are_warned_about() {
        let mut s = colombia(GeoPos {
            lat: 4.71,
            lon: -74.07,
        });
        assert!(warnings(&s, None).is_empty());
        s.actors[0].name = "N".repeat(text::NAME_CHARS);
        assert!(warnings(&s, None).is_empty(), "at the bound is fine");
        s.actors[0].name.push('!');
        let found = warnings(&s, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, "actors[0] (COL).name");
        assert!(found[0].message.contains("longer than 80 characters"));
    }
}
