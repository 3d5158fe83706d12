//! The geographic-to-screen transform: spherical Mercator, then scale and offset.
//!
//! Pure functions over plain values, so the maths is tested on its own. Spaces are
//! named: `geo` is degrees, `world` is Mercator units (radians east, "stretched"
//! radians north), `screen` is egui points with y down.

use emath::{Pos2, Rect, Vec2, pos2};

use crate::model::{GeoPos, MapRegion};

/// Mercator is undefined at the poles; latitudes are clamped to this.
pub const MAX_LAT: f64 = 85.0;

/// A point in Mercator units: x east, y north.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorldPos {
    pub x: f64,
    pub y: f64,
}

/// Mercator coordinates of a geographic position.
pub fn world_from_geo(geo: GeoPos) -> WorldPos {
    let lat = geo.lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    WorldPos {
        x: geo.lon.to_radians(),
        y: (std::f64::consts::FRAC_PI_4 + lat / 2.0).tan().ln(),
    }
}

/// The geographic position of Mercator coordinates.
pub fn geo_from_world(world: WorldPos) -> GeoPos {
    GeoPos {
        lat: (2.0 * world.y.exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees(),
        lon: world.x.to_degrees(),
    }
}

/// Where the map is looking: which world point sits at the centre of the
/// screen rectangle, and how many screen points one world unit spans.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapTransform {
    /// The screen rectangle the map is drawn in.
    pub screen_rect: Rect,
    /// The world point at the centre of `screen_rect`.
    pub world_centre: WorldPos,
    /// Screen points per world unit.
    pub points_per_unit: f64,
}

impl MapTransform {
    /// The transform that shows all of `region` inside `screen_rect`, centred,
    /// leaving `margin` points on every side.
    pub fn fit(region: MapRegion, screen_rect: Rect, margin: f32) -> Self {
        let sw = world_from_geo(GeoPos {
            lat: region.south,
            lon: region.west,
        });
        let ne = world_from_geo(GeoPos {
            lat: region.north,
            lon: region.east,
        });
        let inner = screen_rect.shrink(margin);
        let width = (ne.x - sw.x).abs().max(1e-9);
        let height = (ne.y - sw.y).abs().max(1e-9);
        let points_per_unit = (f64::from(inner.width().max(1.0)) / width)
            .min(f64::from(inner.height().max(1.0)) / height);
        Self {
            screen_rect,
            world_centre: WorldPos {
                x: f64::midpoint(sw.x, ne.x),
                y: f64::midpoint(sw.y, ne.y),
            },
            points_per_unit,
        }
    }

    /// Screen position of a world point.
    pub fn screen_from_world(&self, world: WorldPos) -> Pos2 {
        let c = self.screen_rect.center();
        pos2(
            c.x + ((world.x - self.world_centre.x) * self.points_per_unit) as f32,
            c.y - ((world.y - self.world_centre.y) * self.points_per_unit) as f32,
        )
    }

    /// World point under a screen position.
    pub fn world_from_screen(&self, screen: Pos2) -> WorldPos {
        let c = self.screen_rect.center();
        WorldPos {
            x: self.world_centre.x + f64::from(screen.x - c.x) / self.points_per_unit,
            y: self.world_centre.y - f64::from(screen.y - c.y) / self.points_per_unit,
        }
    }

    /// Screen position of a geographic position.
    pub fn screen_from_geo(&self, geo: GeoPos) -> Pos2 {
        self.screen_from_world(world_from_geo(geo))
    }

    /// Geographic position under a screen position.
    pub fn geo_from_screen(&self, screen: Pos2) -> GeoPos {
        geo_from_world(self.world_from_screen(screen))
    }

    /// Moves the map by a screen-space drag of `delta`.
    #[must_use]
    pub fn panned(self, delta: Vec2) -> Self {
        Self {
            world_centre: WorldPos {
                x: self.world_centre.x - f64::from(delta.x) / self.points_per_unit,
                y: self.world_centre.y + f64::from(delta.y) / self.points_per_unit,
            },
            ..self
        }
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the world point under `anchor` fixed.
    #[must_use]
    pub fn zoomed(self, factor: f64, anchor: Pos2) -> Self {
        let factor = factor.clamp(0.01, 100.0);
        let points_per_unit = (self.points_per_unit * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let before = self.world_from_screen(anchor);
        let mut next = Self {
            points_per_unit,
            ..self
        };
        let after = next.world_from_screen(anchor);
        next.world_centre.x += before.x - after.x;
        next.world_centre.y += before.y - after.y;
        next
    }

    /// The same view in another screen rectangle (the window was resized):
    /// the centre stays, the scale stays.
    #[must_use]
    pub fn with_screen_rect(self, screen_rect: Rect) -> Self {
        Self {
            screen_rect,
            ..self
        }
    }
}

/// Points per world unit: a whole-world view of about 100 points...
pub const MIN_ZOOM: f64 = 15.0;
/// ...to a city block.
pub const MAX_ZOOM: f64 = 200_000.0;

#[cfg(test)]
mod tests {
    use super::*;

    fn paris_view() -> MapTransform {
        MapTransform::fit(
            MapRegion {
                west: -12.0,
                east: 62.0,
                south: 12.0,
                north: 64.0,
            },
            Rect::from_min_size(pos2(200.0, 30.0), Vec2::new(730.0, 740.0)),
            10.0,
        )
    }

    #[test]
    fn geo_survives_a_round_trip_through_the_screen() {
        let t = paris_view()
            .zoomed(3.7, pos2(500.0, 300.0))
            .panned(Vec2::new(-40.0, 25.0));
        for &(lat, lon) in &[
            (48.86, 2.35),
            (24.47, 54.37),
            (-35.28, 149.13),
            (0.0, 0.0),
            (84.0, -179.0),
        ] {
            let back = t.geo_from_screen(t.screen_from_geo(GeoPos { lat, lon }));
            assert!(
                (back.lat - lat).abs() < 1e-3,
                "lat {lat} came back as {}",
                back.lat
            );
            assert!(
                (back.lon - lon).abs() < 1e-3,
                "lon {lon} came back as {}",
                back.lon
            );
        }
    }

    #[test]
    fn screen_survives_a_round_trip_through_geography() {
        let t = paris_view();
        for &(x, y) in &[(200.0, 30.0), (565.0, 400.0), (930.0, 770.0)] {
            let p = pos2(x, y);
            let back = t.screen_from_geo(t.geo_from_screen(p));
            assert!((back - p).length() < 1e-2, "{p:?} came back as {back:?}");
        }
    }

    #[test]
    fn fit_puts_the_whole_region_on_screen_with_north_up() {
        let t = paris_view();
        let inner = t.screen_rect.shrink(9.0);
        let corners = [(12.0, -12.0), (12.0, 62.0), (64.0, -12.0), (64.0, 62.0)];
        for (lat, lon) in corners {
            let p = t.screen_from_geo(GeoPos { lat, lon });
            assert!(
                inner.contains(p),
                "corner {lat},{lon} at {p:?} is off {inner:?}"
            );
        }
        let oslo = t.screen_from_geo(GeoPos {
            lat: 59.92,
            lon: 10.75,
        });
        let cairo = t.screen_from_geo(GeoPos {
            lat: 30.05,
            lon: 31.25,
        });
        assert!(oslo.y < cairo.y, "north is up");
        assert!(oslo.x < cairo.x, "east is right");
    }

    #[test]
    fn zoom_keeps_the_anchor_fixed_and_pan_moves_by_the_drag() {
        let t = paris_view();
        let anchor = pos2(400.0, 350.0);
        let under = t.geo_from_screen(anchor);
        let z = t.zoomed(2.0, anchor);
        assert!((z.screen_from_geo(under) - anchor).length() < 1e-2);
        assert!((z.points_per_unit / t.points_per_unit - 2.0).abs() < 1e-9);
        let before = t.screen_from_geo(under);
        let p = t.panned(Vec2::new(30.0, -12.0));
        let after = p.screen_from_geo(under);
        assert!((after - before - Vec2::new(30.0, -12.0)).length() < 1e-2);
    }

    #[test]
    fn zoom_is_bounded() {
        let t = paris_view();
        let far_in = (0..50).fold(t, |t, _| t.zoomed(10.0, pos2(500.0, 400.0)));
        assert!(far_in.points_per_unit <= MAX_ZOOM);
        let far_out = (0..50).fold(t, |t, _| t.zoomed(0.1, pos2(500.0, 400.0)));
        assert!(far_out.points_per_unit >= MIN_ZOOM);
    }

    #[test]
    fn mercator_clamps_the_poles() {
        let w = world_from_geo(GeoPos {
            lat: 90.0,
            lon: 0.0,
        });
        assert!(w.y.is_finite());
        assert!((geo_from_world(w).lat - MAX_LAT).abs() < 1e-9);
    }
}
