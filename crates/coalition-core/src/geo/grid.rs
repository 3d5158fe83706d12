//! A uniform grid over a rectangle of the screen, for "what is near here"
//! questions the layout and the label engine ask thousands of times.

use emath::{Pos2, Rect, Vec2};

/// A uniform grid over a rectangle of the screen: which items (points or
/// rectangles) lie in each cell, so that "what is near here" costs the items
/// near, not all of them. Keeps the layout near linear in the number of
/// nodes where they are spread out (a world map of thousands of actors),
/// rather than quadratic. Anything beyond the rectangle counts as in its
/// nearest border cell, so nothing is missed, only found less sharply.
pub(crate) struct Grid {
    at: Cells,
    cells: Vec<Vec<usize>>,
}

/// The cells of a grid: where they start, how large, how many.
#[derive(Clone, Copy, Debug)]
struct Cells {
    origin: Pos2,
    cell: f32,
    columns: usize,
    rows: usize,
}

impl Cells {
    /// At most this many cells: a larger area gets larger cells.
    const MAX_CELLS: f32 = 1_000_000.0;

    fn new(cell: f32, over: Rect) -> Self {
        let size = if over.is_finite() && over.is_positive() {
            over.size()
        } else {
            Vec2::splat(1.0)
        };
        let cell = cell
            .max(1.0)
            .max((size.x * size.y / Self::MAX_CELLS).sqrt());
        let columns = (size.x / cell).ceil().max(1.0) as usize;
        let rows = (size.y / cell).ceil().max(1.0) as usize;
        Self {
            origin: if over.is_finite() {
                over.min
            } else {
                Pos2::ZERO
            },
            cell,
            columns,
            rows,
        }
    }

    /// The columns and rows a rectangle covers, clamped to the grid (a
    /// non-finite coordinate counts as the grid's first cell).
    fn span(
        &self,
        rect: Rect,
    ) -> (
        std::ops::RangeInclusive<usize>,
        std::ops::RangeInclusive<usize>,
    ) {
        let at = |v: f32, origin: f32, last: usize| {
            // Truncation is the floor for what is past the origin; the rest
            // (and NaN) is the first cell.
            let n = (v - origin) / self.cell;
            if n > 0.0 { (n as usize).min(last) } else { 0 }
        };
        let (c0, c1) = (
            at(rect.min.x, self.origin.x, self.columns - 1),
            at(rect.max.x, self.origin.x, self.columns - 1),
        );
        let (r0, r1) = (
            at(rect.min.y, self.origin.y, self.rows - 1),
            at(rect.max.y, self.origin.y, self.rows - 1),
        );
        (c0..=c1, r0..=r1)
    }

    /// The cells `rect` covers, by their index.
    fn covered(&self, rect: Rect) -> impl Iterator<Item = usize> + '_ {
        let (columns, rows) = self.span(rect);
        rows.flat_map(move |row| {
            columns
                .clone()
                .map(move |column| row * self.columns + column)
        })
    }
}

impl Grid {
    pub(crate) fn new(cell: f32, over: Rect) -> Self {
        let at = Cells::new(cell, over);
        Self {
            at,
            cells: vec![Vec::new(); at.columns * at.rows],
        }
    }

    pub(crate) fn insert(&mut self, item: usize, rect: Rect) {
        for cell in self.at.covered(rect) {
            self.cells[cell].push(item);
        }
    }

    /// Takes `item`, inserted with `rect`, out again.
    pub(crate) fn remove(&mut self, item: usize, rect: Rect) {
        for cell in self.at.covered(rect) {
            let cell = &mut self.cells[cell];
            if let Some(at) = cell.iter().position(|&i| i == item) {
                cell.swap_remove(at);
            }
        }
    }

    /// The items in the cells `rect` covers (an item may come more than once).
    pub(crate) fn near(&self, rect: Rect) -> impl Iterator<Item = usize> + '_ {
        self.at
            .covered(rect)
            .flat_map(|cell| self.cells[cell].iter().copied())
    }
}

/// A [`Grid`] built once and only read: the items of all cells in one list,
/// cell after cell, with no list per cell to allocate or follow. For the
/// layout's passes over thousands of nodes, built anew each pass.
pub(crate) struct FrozenGrid {
    at: Cells,
    /// Where each cell's items start in `items` (one more entry than cells).
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl FrozenGrid {
    /// The grid of items `0..` at `rects` (a point is a rectangle of no size).
    pub(crate) fn of_rects(
        cell: f32,
        over: Rect,
        rects: impl Iterator<Item = Rect> + Clone,
    ) -> Self {
        let at = Cells::new(cell, over);
        let mut starts = vec![0_u32; at.columns * at.rows + 1];
        for rect in rects.clone() {
            for cell in at.covered(rect) {
                starts[cell + 1] += 1;
            }
        }
        for cell in 1..starts.len() {
            starts[cell] += starts[cell - 1];
        }
        let mut next = starts.clone();
        let mut items = vec![0_u32; starts.last().copied().unwrap_or(0) as usize];
        for (item, rect) in rects.enumerate() {
            for cell in at.covered(rect) {
                items[next[cell] as usize] = item as u32;
                next[cell] += 1;
            }
        }
        Self { at, starts, items }
    }

    /// The items in the cells `rect` covers (an item may come more than once).
    pub(crate) fn near(&self, rect: Rect) -> impl Iterator<Item = usize> + '_ {
        self.at.covered(rect).flat_map(|cell| {
            self.items[self.starts[cell] as usize..self.starts[cell + 1] as usize]
                .iter()
                .map(|&item| item as usize)
        })
    }
}
