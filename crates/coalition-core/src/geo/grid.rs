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
    origin: Pos2,
    cell: f32,
    columns: usize,
    rows: usize,
    cells: Vec<Vec<usize>>,
}

impl Grid {
    /// At most this many cells: a larger area gets larger cells.
    const MAX_CELLS: f32 = 1_000_000.0;

    pub(crate) fn new(cell: f32, over: Rect) -> Self {
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
            cells: vec![Vec::new(); columns * rows],
        }
    }

    pub(crate) fn of_points(cell: f32, over: Rect, points: impl Iterator<Item = Pos2>) -> Self {
        let mut grid = Self::new(cell, over);
        for (i, p) in points.enumerate() {
            grid.insert(i, Rect::from_min_max(p, p));
        }
        grid
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

    pub(crate) fn insert(&mut self, item: usize, rect: Rect) {
        let (columns, rows) = self.span(rect);
        for row in rows {
            for column in columns.clone() {
                self.cells[row * self.columns + column].push(item);
            }
        }
    }

    /// Takes `item`, inserted with `rect`, out again.
    pub(crate) fn remove(&mut self, item: usize, rect: Rect) {
        let (columns, rows) = self.span(rect);
        for row in rows {
            for column in columns.clone() {
                let cell = &mut self.cells[row * self.columns + column];
                if let Some(at) = cell.iter().position(|&i| i == item) {
                    cell.swap_remove(at);
                }
            }
        }
    }

    /// The items in the cells `rect` covers (an item may come more than once).
    pub(crate) fn near(&self, rect: Rect) -> impl Iterator<Item = usize> + '_ {
        let (columns, rows) = self.span(rect);
        rows.flat_map(move |row| {
            columns
                .clone()
                .map(move |column| row * self.columns + column)
        })
        .flat_map(|cell| self.cells[cell].iter().copied())
    }
}
