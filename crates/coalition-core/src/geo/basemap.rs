//! The world's country outlines (Natural Earth, simplified), projected and
//! triangulated once so each frame only scales and offsets them.

use std::ops::Range;

use serde::Deserialize;

use super::projection::{WorldPos, world_from_geo};
use crate::model::GeoPos;

/// The committed outlines; `assets/basemap/README.md` says how they are made.
pub const WORLD_50M_JSON: &str = include_str!("../../../../assets/basemap/world-50m.json");

#[derive(Deserialize)]
struct RawBasemap {
    countries: Vec<RawCountry>,
}

#[derive(Deserialize)]
struct RawCountry {
    iso_a3: Option<String>,
    name: String,
    /// Polygons; each a list of rings (outer first); each ring flat lon, lat pairs.
    polygons: Vec<Vec<Vec<f64>>>,
}

/// One country, ready to draw.
#[derive(Clone, Debug)]
pub struct CountryShape {
    pub iso_a3: Option<String>,
    pub name: String,
    /// Every vertex of every ring, in Mercator units.
    pub points: Vec<WorldPos>,
    /// Each ring's slice of `points`, for drawing the outline.
    pub rings: Vec<Range<usize>>,
    /// Each polygon's slice of `rings`: its outer ring, then its holes. The
    /// map fills them at the detail its zoom shows (`map_view`).
    pub polygons: Vec<Range<usize>>,
    /// Bounding box in Mercator units: (min, max).
    pub bounds: (WorldPos, WorldPos),
}

/// All the countries.
#[derive(Clone, Debug, Default)]
pub struct Basemap {
    pub countries: Vec<CountryShape>,
}

/// Why the outlines could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BasemapError {
    #[error("the country outlines are not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl Basemap {
    /// Reads the outlines embedded in the binary.
    pub fn embedded() -> Result<Self, BasemapError> {
        Self::from_json(WORLD_50M_JSON)
    }

    /// Reads outlines in the committed format. Rings that are too short or
    /// cannot be triangulated are kept as outlines and left unfilled.
    pub fn from_json(text: &str) -> Result<Self, BasemapError> {
        let raw: RawBasemap = serde_json::from_str(text)?;
        let countries = raw.countries.into_iter().map(country_shape).collect();
        Ok(Self { countries })
    }

    /// The country whose ISO alpha-3 code is `iso_a3`.
    pub fn country(&self, iso_a3: &str) -> Option<&CountryShape> {
        self.countries
            .iter()
            .find(|c| c.iso_a3.as_deref() == Some(iso_a3))
    }
}

fn country_shape(raw: RawCountry) -> CountryShape {
    let mut points = Vec::new();
    let mut rings = Vec::new();
    let mut polygons = Vec::new();
    for polygon in &raw.polygons {
        let first_ring = rings.len();
        for (r, ring) in polygon.iter().enumerate() {
            if ring.len() < 6 {
                if r == 0 {
                    // No outer ring: its holes would fill as land.
                    break;
                }
                continue;
            }
            let start = points.len();
            points.extend(ring.chunks_exact(2).map(|pair| {
                world_from_geo(GeoPos {
                    lon: pair[0],
                    lat: pair[1],
                })
            }));
            rings.push(start..points.len());
        }
        if rings.len() > first_ring {
            polygons.push(first_ring..rings.len());
        }
    }
    let bounds = points.iter().fold(
        (
            WorldPos {
                x: f64::INFINITY,
                y: f64::INFINITY,
            },
            WorldPos {
                x: f64::NEG_INFINITY,
                y: f64::NEG_INFINITY,
            },
        ),
        |(lo, hi), p| {
            (
                WorldPos {
                    x: lo.x.min(p.x),
                    y: lo.y.min(p.y),
                },
                WorldPos {
                    x: hi.x.max(p.x),
                    y: hi.y.max(p.y),
                },
            )
        },
    );
    CountryShape {
        iso_a3: raw.iso_a3,
        name: raw.name,
        points,
        rings,
        polygons,
        bounds,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_outlines_cover_the_world_and_the_gulf() {
        let map = Basemap::embedded().expect("embedded outlines parse");
        assert!(
            map.countries.len() > 200,
            "{} countries",
            map.countries.len()
        );
        for iso in [
            "BHR", "QAT", "KWT", "LBN", "IRQ", "IRN", "SYR", "USA", "AUS", "RUS", "ARG", "ZAF",
            "IDN",
        ] {
            let c = map
                .country(iso)
                .unwrap_or_else(|| panic!("{iso} is missing"));
            assert!(!c.polygons.is_empty(), "{iso} has no fill");
            for polygon in &c.polygons {
                assert!(polygon.end <= c.rings.len() && polygon.start < polygon.end);
            }
            assert!(
                c.rings
                    .iter()
                    .all(|r| r.end <= c.points.len() && r.len() >= 3)
            );
        }
    }

    #[test]
    fn russia_does_not_wrap_across_the_map() {
        let map = Basemap::embedded().expect("embedded outlines parse");
        let russia = map.country("RUS").expect("Russia");
        for ring in &russia.rings {
            let xs = russia.points[ring.clone()].iter().map(|p| p.x.to_degrees());
            let (lo, hi) = xs.fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
            assert!(hi - lo <= 180.0, "a ring spans {lo}..{hi} degrees");
        }
    }

    #[test]
    fn broken_outlines_are_an_error_not_a_panic() {
        assert!(Basemap::from_json("{\"countries\": [").is_err());
        let odd = r#"{"countries":[{"iso_a3":null,"name":"x","polygons":[[[1,2,3]]]}]}"#;
        let map = Basemap::from_json(odd).expect("short rings are skipped");
        assert!(map.countries[0].polygons.is_empty());
    }
}
