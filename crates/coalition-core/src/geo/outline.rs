//! Outlines as drawn at one zoom, in screen points: simplified to the detail
//! a pixel shows, cut to a window, and the stretches of a border worth
//! stroking. Plain geometry on `emath` types, no egui.

use emath::{Pos2, Rect};

/// A ring as drawn: points closer than a pixel to the last one kept are
/// dropped, then any point that bends the line by less than
/// [`SIMPLIFY_TOLERANCE`] (Douglas-Peucker), so a zoomed-out map draws a
/// fraction of its outline points.
pub fn simplified(points: impl Iterator<Item = Pos2>) -> Vec<Pos2> {
    let mut near: Vec<Pos2> = Vec::new();
    for p in points {
        if near.last().is_none_or(|last| last.distance_sq(p) >= 1.0) {
            near.push(p);
        }
    }
    douglas_peucker(&near, SIMPLIFY_TOLERANCE)
}

/// How far (in points) a simplified outline may stray from the true one.
pub const SIMPLIFY_TOLERANCE: f32 = 0.4;

/// The points of `line` that keep it within `tolerance` of itself.
pub fn douglas_peucker(line: &[Pos2], tolerance: f32) -> Vec<Pos2> {
    if line.len() < 3 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let (a, b) = (line[first], line[last]);
        let farthest = (first + 1..last)
            .map(|i| (i, distance_to_segment(line[i], a, b)))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((i, d)) = farthest
            && d > tolerance
        {
            keep[i] = true;
            stack.push((first, i));
            stack.push((i, last));
        }
    }
    line.iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// A closed ring cut to the rectangle `clip` (Sutherland-Hodgman): still a
/// closed ring, running along `clip`'s sides where the ring left it.
pub fn clip_ring(ring: &[Pos2], clip: Rect) -> Vec<Pos2> {
    let bounds = Rect::from_points(ring);
    if clip.contains_rect(bounds) {
        return ring.to_vec();
    }
    if !clip.intersects(bounds) {
        return Vec::new();
    }
    // Each side of `clip`: its axis, where it is, and which way is in.
    let sides = [
        (0, clip.min.x, true),
        (0, clip.max.x, false),
        (1, clip.min.y, true),
        (1, clip.max.y, false),
    ];
    let mut points = ring.to_vec();
    for (axis, edge, in_above) in sides {
        let inside = |p: Pos2| {
            if in_above {
                p[axis] >= edge
            } else {
                p[axis] <= edge
            }
        };
        let crossing = |a: Pos2, b: Pos2| {
            let t = (edge - a[axis]) / (b[axis] - a[axis]);
            a + (b - a) * t
        };
        let input = std::mem::take(&mut points);
        let Some(&last) = input.last() else {
            return Vec::new();
        };
        let mut previous = last;
        for &current in &input {
            match (inside(previous), inside(current)) {
                (true, true) => points.push(current),
                (true, false) => points.push(crossing(previous, current)),
                (false, true) => {
                    points.push(crossing(previous, current));
                    points.push(current);
                }
                (false, false) => {}
            }
            previous = current;
        }
    }
    points
}

/// The parts of a closed ring to stroke.
#[derive(Debug, PartialEq)]
pub enum Runs {
    /// All of it: stroke it as a closed line.
    Whole,
    /// Open lines along the parts that come near `clip` (maybe none).
    Parts(Vec<Vec<Pos2>>),
}

/// Which stretches of a closed ring come near `clip`: the segments whose
/// bounding box meets it, joined into runs.
pub fn visible_runs(ring: &[Pos2], clip: Rect) -> Runs {
    let n = ring.len();
    let near = |i: usize| clip.intersects(Rect::from_two_pos(ring[i], ring[(i + 1) % n]));
    let Some(gap) = (0..n).find(|&i| !near(i)) else {
        return Runs::Whole;
    };
    // Start after a segment left out, so a run never wraps round the start.
    let mut parts = Vec::new();
    let mut run: Vec<Pos2> = Vec::new();
    for k in 1..=n {
        let i = (gap + k) % n;
        if near(i) {
            if run.is_empty() {
                run.push(ring[i]);
            }
            run.push(ring[(i + 1) % n]);
        } else if !run.is_empty() {
            parts.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        parts.push(run);
    }
    Runs::Parts(parts)
}

/// The distance from `p` to the segment from `a` to `b`.
pub fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() > 0.0 {
        ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a + ab * t - p).length()
}

#[cfg(test)]
mod tests {
    use super::*;
    use emath::{pos2, vec2};

    #[test]
    fn a_ring_is_clipped_to_the_window_and_stroked_only_where_it_comes_near() {
        let clip = Rect::from_min_max(pos2(0.0, 0.0), pos2(10.0, 10.0));
        // A square half in the window.
        let ring = [
            pos2(5.0, 2.0),
            pos2(15.0, 2.0),
            pos2(15.0, 8.0),
            pos2(5.0, 8.0),
        ];
        let clipped = clip_ring(&ring, clip);
        assert!(
            clipped.iter().all(|p| clip.expand(1e-4).contains(*p)),
            "{clipped:?}"
        );
        let area = |r: &[Pos2]| {
            (0..r.len())
                .map(|i| {
                    let (a, b) = (r[i], r[(i + 1) % r.len()]);
                    a.x * b.y - b.x * a.y
                })
                .sum::<f32>()
                .abs()
                / 2.0
        };
        assert!((area(&clipped) - 30.0).abs() < 1e-3, "{}", area(&clipped));
        // Inside: unchanged; outside: nothing.
        let inside = [pos2(1.0, 1.0), pos2(2.0, 1.0), pos2(2.0, 2.0)];
        assert_eq!(clip_ring(&inside, clip), inside);
        let outside = inside.map(|p| p + vec2(20.0, 0.0));
        assert!(clip_ring(&outside, clip).is_empty());

        assert_eq!(visible_runs(&inside, clip), Runs::Whole);
        assert_eq!(visible_runs(&outside, clip), Runs::Parts(vec![]));
        // The far side of the square (x = 15) is left out; the rest is one
        // run, from (15, 8) round to (15, 2).
        assert_eq!(
            visible_runs(&ring, clip),
            Runs::Parts(vec![vec![
                pos2(15.0, 8.0),
                pos2(5.0, 8.0),
                pos2(5.0, 2.0),
                pos2(15.0, 2.0)
            ]])
        );
    }

    #[test]
    fn borders_drop_points_closer_than_a_pixel() {
        let points = [
            pos2(0.0, 0.0),
            pos2(0.3, 0.0),
            pos2(0.6, 0.6),
            pos2(1.2, 0.0),
            pos2(5.0, 5.0),
        ];
        assert_eq!(
            simplified(points.into_iter()),
            [pos2(0.0, 0.0), pos2(1.2, 0.0), pos2(5.0, 5.0)]
        );
    }
}
