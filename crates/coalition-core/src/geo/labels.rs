//! Where each node's label goes: a point-label engine as cartographic
//! labelling engines build one.
//!
//! 1. **Candidates.** Around each node: eight positions (right first, as
//!    maps label points, then the other sides and corners) at six
//!    distances (and, beyond the first, eight directions between those), with the full name and then the short one (the id). Each has
//!    a cost: its position, its distance, the short name, a leader line.
//! 2. **What a candidate may not do.** Leave the map; cover a node; sit
//!    nearer another node than its own, unless a leader line joins it to its
//!    own node (never right beside it, where a line would not tell them
//!    apart); never right beside another node, leader or not; a leader may
//!    not cross another node. A label not right beside
//!    its node (beyond the first ring) always gets its leader.
//! 3. **Optimisation.** Prominent nodes (those a story step is about), then
//!    the most constrained (fewest candidates, most crowded) choose first, each its cheapest candidate that overlaps no
//!    label or leader already placed. Then repair passes: a node without a
//!    label, or with a costly one, takes a cheaper candidate if it is free,
//!    or if the one label in its way can move to another free candidate of
//!    its own, whenever that lowers the total cost. A node left without a
//!    label names itself on hover.
//!
//! 4. **A budget.** Where there are more nodes than twice the labels the
//!    map could ever hold, only the prominent and the least crowded look
//!    for a place; the others name themselves on hover.
//!
//! So no label overlaps another label, a leader or a node, and every label
//! is nearer its own node than any other, or is joined to it by a line.

use emath::{Pos2, Rect, Vec2, vec2};

use super::grid::{FrozenGrid, Grid};
use super::layout::{LayoutStyle, NodeInput, NodePlacement, PlacedLabel};

/// The cost of a node with no label (it still names itself on hover).
const UNLABELLED: f32 = 100.0;
/// How much more a prominent node's missing label costs: a repair pass
/// will move another label aside for it.
const PROMINENT: f32 = 10.0;
/// The cost of the short name (the id) instead of the full one.
const SHORT: f32 = 6.0;
/// The cost of each ring further out.
const RING: f32 = 2.0;
/// The cost of a leader line.
const LEADER: f32 = 3.0;
/// Rings of candidates around a node, each 1.5 node radii further out.
const RINGS: u8 = 6;
/// Most candidates a node keeps, cheapest first.
const MAX_CANDIDATES: usize = 64;
/// Annealing moves per node, and at most (a map of thousands).
const ANNEAL_MOVES_PER_NODE: usize = 1000;
const MAX_ANNEAL_MOVES: usize = 60_000;
/// From this many nodes on, a candidate over a node is found by
/// [`Covered`]'s table before the nodes near it are asked one by one.
const COVERED_FROM: usize = 500;
/// Repair passes over the whole map.
const REPAIR_PASSES: usize = 3;

/// One place a node's label could go.
#[derive(Clone, Debug)]
struct Candidate {
    rect: Rect,
    /// 0: the full name; 1: the short one.
    text: usize,
    leader: Option<[Pos2; 2]>,
    cost: f32,
    /// What it covers: the label and its leader.
    bounds: Rect,
}

/// Places a label for each node of `placements` (their centres are final).
pub(crate) fn place_labels(
    nodes: &[&NodeInput],
    placements: &mut [NodePlacement],
    map_rect: Rect,
    style: LayoutStyle,
    measure: &dyn Fn(&str) -> Vec2,
) {
    let radius = style.node_radius;
    let node_boxes: Vec<Rect> = placements
        .iter()
        .map(|p| Rect::from_center_size(p.centre, Vec2::splat(2.0 * radius)))
        .collect();
    let nodes_near = FrozenGrid::of_rects(4.0 * radius, map_rect, node_boxes.iter().copied());
    let centres: Vec<Pos2> = placements.iter().map(|p| p.centre).collect();
    let crowd_radius = 6.0 * radius;
    let crowding: Vec<usize> = centres
        .iter()
        .map(|c| {
            nodes_near
                .near(Rect::from_center_size(*c, Vec2::splat(2.0 * crowd_radius)))
                .filter(|&j| (centres[j] - *c).length_sq() < crowd_radius.powi(2))
                .count()
        })
        .collect();
    let considered = considered(nodes, &crowding, map_rect, radius);
    // Only where there are many nodes does it pay for itself.
    let covered = (nodes.len() >= COVERED_FROM)
        .then(|| Covered::new(map_rect, &node_boxes, (radius / 2.0).max(1.0)));
    let candidates: Vec<Vec<Candidate>> = (0..nodes.len())
        .map(|i| {
            if !considered[i] {
                return Vec::new();
            }
            candidates_of(
                i,
                nodes[i],
                &centres,
                (&node_boxes, &nodes_near, covered.as_ref()),
                map_rect,
                style,
                measure,
            )
        })
        .collect();

    // The most constrained first: fewest candidates, then most crowded.
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by_key(|&i| {
        (
            !nodes[i].prominent,
            candidates[i].len(),
            std::cmp::Reverse(crowding[i]),
            i,
        )
    });

    let mut board = Board {
        candidates: &candidates,
        prominent: nodes.iter().map(|n| n.prominent).collect(),
        chosen: vec![None; nodes.len()],
        near: Grid::new(4.0 * radius, map_rect),
    };
    for &i in &order {
        if let Some(k) = (0..candidates[i].len()).find(|&k| !board.blocked(i, k, None)) {
            board.choose(i, Some(k));
        }
    }
    board.repair(&order);
    // Where a node that could have a label has none, look further: anneal.
    // Where all have one, the repairs have done what matters, and a day
    // whose cast changes is laid out again at once.
    if (0..nodes.len()).any(|i| board.chosen[i].is_none() && !candidates[i].is_empty()) {
        board.anneal((nodes.len() * ANNEAL_MOVES_PER_NODE).min(MAX_ANNEAL_MOVES));
        board.repair(&order);
    }

    for (i, placement) in placements.iter_mut().enumerate() {
        placement.label = board.chosen[i].map(|k| {
            let c = &candidates[i][k];
            let text = if c.text == 0 {
                &nodes[i].label
            } else {
                &nodes[i].short_label
            };
            PlacedLabel {
                rect: c.rect,
                text: text.clone(),
                leader: c.leader,
            }
        });
    }
}

/// The labels chosen so far, and where they lie.
struct Board<'a> {
    candidates: &'a [Vec<Candidate>],
    /// Whose missing label costs [`PROMINENT`] times more.
    prominent: Vec<bool>,
    chosen: Vec<Option<usize>>,
    /// Each chosen label's node, by the cells its label and leader cover
    /// (stale entries of labels since moved are skipped).
    near: Grid,
}

impl Board<'_> {
    fn cost(&self, i: usize) -> f32 {
        self.chosen[i].map_or(self.missing(i), |k| self.candidates[i][k].cost)
    }

    fn choose(&mut self, i: usize, k: Option<usize>) {
        if let Some(old) = self.chosen[i] {
            self.near.remove(i, self.candidates[i][old].bounds);
        }
        self.chosen[i] = k;
        if let Some(k) = k {
            self.near.insert(i, self.candidates[i][k].bounds);
        }
    }

    /// The cost of a node's missing label.
    fn missing(&self, i: usize) -> f32 {
        if self.prominent[i] {
            PROMINENT * UNLABELLED
        } else {
            UNLABELLED
        }
    }

    /// Simulated annealing over the labels chosen (as Christensen, Marks
    /// and Shieber's point-feature labelling): a move gives a node another
    /// candidate, or none, and takes away the labels in its way; a move
    /// that lowers the total cost is kept, one that raises it is kept with
    /// a chance that falls as the temperature does. The best state seen
    /// wins. Deterministic: the moves come from a fixed sequence.
    fn anneal(&mut self, moves: usize) {
        let n = self.chosen.len();
        if n == 0 || moves == 0 {
            return;
        }
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        let total = |board: &Self| (0..n).map(|i| board.cost(i)).sum::<f32>();
        let mut energy = total(self);
        let mut best = (energy, self.chosen.clone());
        let (hot, cold) = (UNLABELLED / 4.0, 0.3_f32);
        let cooling = (cold / hot).powf(1.0 / moves as f32);
        let mut temperature = hot / cooling;
        for _ in 0..moves {
            temperature *= cooling;
            let i = next() as usize % n;
            let options = self.candidates[i].len();
            if options == 0 {
                continue;
            }
            // Mostly another candidate; now and then, no label.
            let pick = next() as usize % (options + 1);
            let k = (pick < options).then_some(pick);
            if k == self.chosen[i] {
                continue;
            }
            let ejected: Vec<usize> = k.map_or_else(Vec::new, |k| self.blockers(i, k, None));
            let delta = k.map_or(self.missing(i), |k| self.candidates[i][k].cost) - self.cost(i)
                + ejected
                    .iter()
                    .map(|&j| self.missing(j) - self.cost(j))
                    .sum::<f32>();
            let chance = (next() >> 8) as f32 / (1 << 24) as f32;
            if delta <= 0.0 || chance < (-delta / temperature).exp() {
                for &j in &ejected {
                    self.choose(j, None);
                }
                self.choose(i, k);
                energy += delta;
                if energy < best.0 - 1e-3 {
                    best = (energy, self.chosen.clone());
                }
            }
        }
        for i in 0..n {
            self.choose(i, None);
        }
        for (i, k) in best.1.into_iter().enumerate() {
            self.choose(i, k);
        }
    }

    /// The nodes whose chosen labels candidate `k` of node `i` would
    /// overlap; `also` is another node's candidate to count as chosen.
    /// Whether any label placed (or `also`) is in the way of candidate `k`
    /// of node `i`: [`Board::blockers`] without listing them.
    fn blocked(&self, i: usize, k: usize, also: Option<(usize, usize)>) -> bool {
        let candidate = &self.candidates[i][k];
        also.is_some_and(|(j, kj)| conflict(candidate, &self.candidates[j][kj]))
            || self.near.near(candidate.bounds).any(|j| {
                j != i
                    && self.chosen[j].is_some_and(|kj| conflict(candidate, &self.candidates[j][kj]))
            })
    }

    fn blockers(&self, i: usize, k: usize, also: Option<(usize, usize)>) -> Vec<usize> {
        let candidate = &self.candidates[i][k];
        let mut found: Vec<usize> = self
            .near
            .near(candidate.bounds)
            .filter(|&j| j != i)
            .filter(|&j| {
                self.chosen[j].is_some_and(|kj| conflict(candidate, &self.candidates[j][kj]))
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        if let Some((j, kj)) = also
            && conflict(candidate, &self.candidates[j][kj])
            && !found.contains(&j)
        {
            found.push(j);
        }
        found
    }

    /// Repair passes in `order`, until one improves nothing.
    fn repair(&mut self, order: &[usize]) {
        for _ in 0..REPAIR_PASSES {
            let mut improved = false;
            for &i in order {
                improved |= self.improve(i);
            }
            if !improved {
                break;
            }
        }
    }

    /// Moves node `i`'s label to a cheaper candidate, if one is free or can
    /// be freed by moving the one label in its way. Whether it moved.
    fn improve(&mut self, i: usize) -> bool {
        let now = self.cost(i);
        for k in 0..self.candidates[i].len() {
            let cost = self.candidates[i][k].cost;
            if cost >= now {
                break;
            }
            let in_way: Vec<usize> = self
                .blockers(i, k, None)
                .into_iter()
                .filter(|&j| self.chosen[j].is_some())
                .collect();
            match in_way.as_slice() {
                [] => {
                    self.choose(i, Some(k));
                    return true;
                }
                [j] => {
                    let j = *j;
                    let before = now + self.cost(j);
                    let (old_i, old_j) = (self.chosen[i], self.chosen[j]);
                    // With `i`'s label where it would go, where else could
                    // `j`'s go?
                    self.chosen[i] = None;
                    self.chosen[j] = None;
                    let alternative = (0..self.candidates[j].len())
                        .filter(|&kj| Some(kj) != old_j)
                        .filter(|&kj| cost + self.candidates[j][kj].cost < before)
                        .find(|&kj| !self.blocked(j, kj, Some((i, k))));
                    if let Some(kj) = alternative {
                        self.choose(i, Some(k));
                        self.choose(j, Some(kj));
                        return true;
                    }
                    self.chosen[i] = old_i;
                    self.chosen[j] = old_j;
                }
                _ => {}
            }
        }
        false
    }
}

/// Which nodes may have a label. All of them, unless there are more than
/// twice as many as labels could ever fit on the map (each label takes at
/// least about six node radii by two): then the prominent ones and the
/// least crowded, the ones with room, up to that number. The rest name
/// themselves on hover, as any node without a label does; looking for
/// places for all of thousands of nodes would find none and take long.
fn considered(nodes: &[&NodeInput], crowding: &[usize], map_rect: Rect, radius: f32) -> Vec<bool> {
    let footprint = 12.0 * radius * radius;
    let room = map_rect.area() / footprint.max(1.0);
    let budget = if room.is_finite() {
        (2.0 * room).max(0.0) as usize
    } else {
        usize::MAX
    };
    if nodes.len() <= budget {
        return vec![true; nodes.len()];
    }
    let mut by_room: Vec<usize> = (0..nodes.len()).collect();
    by_room.sort_by_key(|&i| (!nodes[i].prominent, crowding[i], i));
    let mut considered = vec![false; nodes.len()];
    for &i in by_room.iter().take(budget) {
        considered[i] = true;
    }
    for (i, node) in nodes.iter().enumerate() {
        considered[i] |= node.prominent;
    }
    considered
}

/// Whether two labels (with their leaders) may not both be placed.
fn conflict(a: &Candidate, b: &Candidate) -> bool {
    let (pa, pb) = (a.rect.expand(1.0), b.rect.expand(1.0));
    pa.intersects(pb)
        || a.leader.is_some_and(|[p, q]| segment_hits_rect(p, q, pb))
        || b.leader.is_some_and(|[p, q]| segment_hits_rect(p, q, pa))
}

/// The candidates of node `i` that break no rule, cheapest first.
fn candidates_of(
    i: usize,
    node: &NodeInput,
    centres: &[Pos2],
    (node_boxes, nodes_near, covered): (&[Rect], &FrozenGrid, Option<&Covered>),
    map_rect: Rect,
    style: LayoutStyle,
    measure: &dyn Fn(&str) -> Vec2,
) -> Vec<Candidate> {
    let centre = centres[i];
    let radius = style.node_radius;
    let texts: Vec<(usize, Vec2)> = [node.label.as_str(), node.short_label.as_str()]
        .into_iter()
        .enumerate()
        // The short name only where it is shorter than the full one.
        .filter(|(t, text)| !text.is_empty() && (*t == 0 || *text != node.label))
        .map(|(t, text)| (t, measure(text)))
        .collect();
    let mut found = Vec::new();
    for ring in 0..RINGS {
        let distance = radius + style.label_gap + f32::from(ring) * 1.5 * radius;
        for &(text, size) in &texts {
            // Further out, where a leader joins them, eight more directions
            // between the eight, to find a way out between close neighbours.
            let between = (ring > 0).then(|| between(centre, size, distance));
            let positions = around(centre, size, distance)
                .into_iter()
                .zip(POSITION_COST)
                .chain(between.into_iter().flatten().map(|rect| (rect, BETWEEN)));
            for (rect, position_cost) in positions {
                let padded = rect.expand(1.0);
                if !map_rect.contains_rect(rect)
                    || covered.is_some_and(|c| c.surely_covers(padded))
                    || nodes_near
                        .near(padded)
                        .any(|n| node_boxes[n].intersects(padded))
                {
                    continue;
                }
                // Nearer another node than its own? Then only with a leader,
                // and not right beside its node.
                let own = distance_to_rect(centre, rect);
                let reach = rect.expand(own + 1.0);
                let ambiguous = nodes_near
                    .near(reach)
                    .any(|n| n != i && distance_to_rect(centres[n], rect) <= own + 0.5);
                if ambiguous && ring == 0 {
                    continue;
                }
                // Never right beside someone else's node, leader or not: a
                // class reads a label as the name of the node it touches.
                let beside = radius + style.label_gap;
                if nodes_near
                    .near(rect.expand(beside))
                    .any(|n| n != i && distance_to_rect(centres[n], rect) < beside)
                {
                    continue;
                }
                let leader = (ambiguous || ring >= 1).then(|| {
                    let from = rect.clamp(centre);
                    let direction = (from - centre).normalized();
                    [from, centre + direction * (radius + 1.0)]
                });
                if let Some([p, q]) = leader
                    && nodes_near
                        .near(Rect::from_two_pos(p, q))
                        .any(|n| n != i && segment_hits_rect(p, q, node_boxes[n]))
                {
                    continue;
                }
                let cost = position_cost
                    + RING * f32::from(ring)
                    + if text == 1 { SHORT } else { 0.0 }
                    + if leader.is_some() { LEADER } else { 0.0 };
                let bounds = leader.map_or(rect, |[p, q]| rect.union(Rect::from_two_pos(p, q)));
                found.push(Candidate {
                    rect,
                    text,
                    leader,
                    cost,
                    bounds,
                });
            }
        }
    }
    found.sort_by(|a, b| a.cost.total_cmp(&b.cost));
    found.truncate(MAX_CANDIDATES);
    found
}

/// Where the nodes are, as a summed-area table of the cells that lie wholly
/// inside some node's box: a rectangle that wholly holds such a cell surely
/// covers a node, found with four look-ups however crowded the map is. On
/// a map with thousands of nodes most candidates fail this way; one it does
/// not settle is checked exactly, node by node.
struct Covered {
    origin: Pos2,
    /// The side of a cell, in points: half a node's radius, so that the
    /// table stays small enough to be read fast; more on a very large map.
    cell: f32,
    columns: usize,
    rows: usize,
    /// `(columns + 1) * (rows + 1)` sums: entry (x, y) counts the covered
    /// cells above and to the left of it.
    sums: Vec<u32>,
}

impl Covered {
    /// At most this many cells (16 MB of sums, as much again while built).
    const MAX_CELLS: f32 = 4_000_000.0;

    /// The table of `node_boxes` over `map_rect`, in cells of `cell` points
    /// (larger on a very large map).
    fn new(map_rect: Rect, node_boxes: &[Rect], cell: f32) -> Self {
        let size = map_rect.size();
        let area = (size.x * size.y).max(0.0);
        let cell = if area.is_finite() && area > Self::MAX_CELLS * cell * cell {
            (area / Self::MAX_CELLS).sqrt().ceil()
        } else {
            cell
        };
        let count = |extent: f32| {
            if extent.is_finite() && extent > 0.0 {
                (extent / cell).ceil() as usize
            } else {
                0
            }
        };
        let mut covered = Self {
            origin: map_rect.min,
            cell,
            columns: count(size.x),
            rows: count(size.y),
            sums: Vec::new(),
        };
        let (columns, rows, stride) = (covered.columns, covered.rows, covered.columns + 1);
        // Each row's boxes as differences (+1 where one starts, -1 where it
        // ends), then each cell covered or not, summed up and to the left.
        let mut starts = vec![0_i32; rows * stride];
        for b in node_boxes {
            if let Some((x0, y0, x1, y1)) = covered.inside(*b) {
                for y in y0..y1 {
                    starts[y * stride + x0] += 1;
                    starts[y * stride + x1] -= 1;
                }
            }
        }
        let mut sums = vec![0_u32; (rows + 1) * stride];
        for y in 0..rows {
            let (mut depth, mut line) = (0_i32, 0_u32);
            for x in 0..columns {
                depth += starts[y * stride + x];
                line += u32::from(depth > 0);
                sums[(y + 1) * stride + x + 1] = sums[y * stride + x + 1] + line;
            }
        }
        covered.sums = sums;
        covered
    }

    /// The cells wholly inside `rect`: columns `x0..x1`, rows `y0..y1`.
    fn inside(&self, rect: Rect) -> Option<(usize, usize, usize, usize)> {
        // Saturating casts: below the origin (or NaN) is 0, beyond is clamped.
        let per = 1.0 / self.cell;
        let x0 = (((rect.min.x - self.origin.x) * per).ceil() as usize).min(self.columns);
        let y0 = (((rect.min.y - self.origin.y) * per).ceil() as usize).min(self.rows);
        let x1 = (((rect.max.x - self.origin.x) * per).floor() as usize).min(self.columns);
        let y1 = (((rect.max.y - self.origin.y) * per).floor() as usize).min(self.rows);
        (x0 < x1 && y0 < y1).then_some((x0, y0, x1, y1))
    }

    /// Whether `rect` wholly holds a cell that lies wholly inside a node's
    /// box: then it surely overlaps that node. `false` says nothing.
    fn surely_covers(&self, rect: Rect) -> bool {
        let Some((x0, y0, x1, y1)) = self.inside(rect) else {
            return false;
        };
        let stride = self.columns + 1;
        let at = |x: usize, y: usize| self.sums[y * stride + x];
        at(x1, y1) + at(x0, y0) > at(x0, y1) + at(x1, y0)
    }
}

/// The cost of each position of [`around`]: right first, as maps label
/// points, then above and below on the right, left, above, below, and the
/// left-hand corners.
const POSITION_COST: [f32; 8] = [0.0, 0.6, 0.8, 0.9, 0.3, 0.5, 1.0, 1.1];

/// Label rectangles around a node at `distance` from its centre: right,
/// left, above, below, above right, below right, above left, below left.
fn around(centre: Pos2, size: Vec2, distance: f32) -> [Rect; 8] {
    let (w, h) = (size.x, size.y);
    let d = distance;
    let diagonal = d * std::f32::consts::FRAC_1_SQRT_2;
    let at = |min: Pos2| Rect::from_min_size(min, size);
    [
        at(centre + vec2(d, -h / 2.0)),
        at(centre + vec2(-d - w, -h / 2.0)),
        at(centre + vec2(-w / 2.0, -d - h)),
        at(centre + vec2(-w / 2.0, d)),
        at(centre + vec2(diagonal, -diagonal - h)),
        at(centre + vec2(diagonal, diagonal)),
        at(centre + vec2(-diagonal - w, -diagonal - h)),
        at(centre + vec2(-diagonal - w, diagonal)),
    ]
}

/// The cost of a position of [`between`].
const BETWEEN: f32 = 1.2;

/// Label rectangles at `distance` from the centre in the eight directions
/// halfway between those of [`around`], each on the side facing the node.
fn between(centre: Pos2, size: Vec2, distance: f32) -> [Rect; 8] {
    std::array::from_fn(|k| {
        let angle = std::f32::consts::FRAC_PI_8 * (2 * k + 1) as f32;
        let (cos, sin) = (angle.cos(), angle.sin());
        let p = centre + vec2(cos, sin) * distance;
        let along = |unit: f32, extent: f32| {
            if unit > 0.3 {
                0.0
            } else if unit < -0.3 {
                -extent
            } else {
                -extent / 2.0
            }
        };
        Rect::from_min_size(p + vec2(along(cos, size.x), along(sin, size.y)), size)
    })
}

/// How far `p` is from the nearest point of `rect` (0 inside it).
pub fn distance_to_rect(p: Pos2, rect: Rect) -> f32 {
    (rect.clamp(p) - p).length()
}

/// Whether the segment from `a` to `b` passes through `rect` (Liang–Barsky).
pub fn segment_hits_rect(a: Pos2, b: Pos2, rect: Rect) -> bool {
    let d = b - a;
    let (mut t0, mut t1) = (0.0_f32, 1.0_f32);
    for (p, q) in [
        (-d.x, a.x - rect.min.x),
        (d.x, rect.max.x - a.x),
        (-d.y, a.y - rect.min.y),
        (d.y, rect.max.y - a.y),
    ] {
        if p.abs() < f32::EPSILON {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use emath::pos2;

    #[test]
    fn the_covered_table_says_a_spot_covers_a_node_only_where_it_does() {
        let map = Rect::from_min_size(pos2(10.0, 20.0), emath::vec2(400.0, 300.0));
        let mut seed = 11_u32;
        let mut next = move || {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (seed >> 8) as f32 / (1 << 24) as f32
        };
        let boxes: Vec<Rect> = (0..300)
            .map(|_| {
                let c = pos2(10.0 + next() * 400.0, 20.0 + next() * 300.0);
                Rect::from_center_size(c, emath::Vec2::splat(14.0))
            })
            .collect();
        let covered = Covered::new(map, &boxes, 3.5);
        let (mut sure, mut tried) = (0, 0);
        for _ in 0..20_000 {
            let min = pos2(next() * 420.0, 10.0 + next() * 320.0);
            let rect = Rect::from_min_size(min, emath::vec2(5.0 + next() * 90.0, 16.0));
            tried += 1;
            if covered.surely_covers(rect) {
                sure += 1;
                assert!(
                    boxes.iter().any(|b| b.intersects(rect)),
                    "{rect:?} covers no node"
                );
            }
        }
        // It settles many of them, or it would not be worth building.
        assert!(sure * 4 > tried, "only {sure} of {tried} settled");
        // A spot holding a whole node box is surely over it.
        assert!(covered.surely_covers(boxes[0].expand(2.0)));
    }

    #[test]
    fn a_segment_hits_a_rectangle_it_crosses_and_misses_one_beside_it() {
        let rect = Rect::from_min_max(pos2(10.0, 10.0), pos2(20.0, 20.0));
        assert!(segment_hits_rect(pos2(0.0, 15.0), pos2(30.0, 15.0), rect));
        assert!(segment_hits_rect(pos2(12.0, 12.0), pos2(13.0, 13.0), rect));
        assert!(!segment_hits_rect(pos2(0.0, 0.0), pos2(30.0, 5.0), rect));
        assert!(!segment_hits_rect(pos2(0.0, 15.0), pos2(9.0, 15.0), rect));
    }
}
