//! Small multiples: the map on up to four days side by side, each under its
//! day, with a legend that counts each stance on that day; the picture a
//! teacher puts on one slide to show how a coalition formed.

use std::collections::BTreeSet;

use egui::{Color32, FontId, Pos2, Rect, Vec2, pos2, vec2};

use super::{EXPORT_SIZE, Legend, MapPicture, capture, paint_legend, paint_map, svg};
use crate::ui::panels::timeline::long_date;
use crate::ui::state::time::TimeView;
use coalition_core::Document;
use coalition_core::geo::basemap::Basemap;
use coalition_core::model::Date;

/// At most this many days side by side.
pub const MAX_DAYS: usize = 4;

/// Room for the title above the maps, and for each map's day above it.
const TITLE_HEIGHT: f32 = 66.0;
const DAY_HEIGHT: f32 = 30.0;
const GAP: f32 = 14.0;
/// Room for a legend beside its map ([`Layout::Rows`]).
const LEGEND_BESIDE: f32 = 250.0;

/// The days the File menu draws: the story's days and `shown` (the day the
/// timeline shows), the earliest four, in order.
pub fn default_days(doc: &Document, shown: Option<Date>) -> Vec<Date> {
    let mut days: Vec<Date> = doc
        .scenario
        .story
        .iter()
        .filter_map(|step| step.date)
        .chain(shown)
        .chain(doc.scenario.opens_on())
        .collect();
    days.sort();
    days.dedup();
    days.truncate(MAX_DAYS);
    days
}

/// Checks `days` against `doc`'s timeline: one to four, each on it.
pub fn check_days(doc: &Document, days: &[Date]) -> Result<(), String> {
    let timeline = doc
        .scenario
        .timeline
        .as_ref()
        .ok_or("small multiples need a scenario with a timeline; this one has none")?;
    if days.is_empty() || days.len() > MAX_DAYS {
        return Err(format!("give 1 to {MAX_DAYS} days, not {}", days.len()));
    }
    for day in days {
        if !(timeline.start..=timeline.end).contains(day) {
            return Err(format!(
                "{day} is outside the timeline ({} to {})",
                timeline.start, timeline.end
            ));
        }
    }
    Ok(())
}

/// The cells of a grid of `n` maps in `area`: one row for two, two for
/// three or four.
fn cells(area: Rect, n: usize) -> Vec<Rect> {
    let (columns, rows) = match n {
        0 | 1 => (1, 1),
        2 => (2, 1),
        _ => (2, 2),
    };
    let size = vec2(
        (area.width() - GAP * (columns - 1) as f32) / columns as f32,
        (area.height() - GAP * (rows - 1) as f32) / rows as f32,
    );
    (0..n)
        .map(|i| {
            let (column, row) = (i % columns, i / columns);
            Rect::from_min_size(
                area.min + vec2(column as f32 * (size.x + GAP), row as f32 * (size.y + GAP)),
                size,
            )
        })
        .collect()
}

/// The small multiples of `doc` on `days` (checked with [`check_days`]) as
/// an SVG document, each map drawn as `base` says but for its day.
pub fn multiples_svg(
    doc: &Document,
    basemap: &Basemap,
    days: &[Date],
    base: &MapPicture,
) -> String {
    let size: Vec2 = EXPORT_SIZE;
    let title = format!(
        "{}: {}",
        doc.scenario.title,
        days.iter()
            .map(|d| long_date(*d))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let captured = capture(size, |ui, maps| {
        let painter = ui.painter().clone();
        painter.rect_filled(Rect::from_min_size(Pos2::ZERO, size), 0.0, Color32::WHITE);
        painter.text(
            pos2(GAP, GAP),
            egui::Align2::LEFT_TOP,
            &doc.scenario.title,
            FontId::proportional(22.0),
            crate::theme::map::LABEL_TEXT,
        );
        let area = Rect::from_min_max(pos2(GAP, TITLE_HEIGHT), pos2(size.x - GAP, size.y - GAP));
        let what_if = paint_multiples(ui, (area, Layout::Grid), (doc, basemap), days, base, maps);
        // Under the title: which what-if, and where it all comes from.
        let subtitle = what_if
            .into_iter()
            .chain(super::source_line(&doc.scenario))
            .collect::<Vec<_>>()
            .join("  ·  ");
        painter.text(
            pos2(GAP, GAP + 30.0),
            egui::Align2::LEFT_TOP,
            subtitle,
            FontId::proportional(13.0),
            crate::theme::map::LABEL_TEXT,
        );
    });
    svg::to_svg(&captured, basemap, &title)
}

/// How the maps of [`paint_multiples`] are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A grid (one row for two days, two rows for three or four), each
    /// legend over its map's corner: a slide.
    Grid,
    /// One day a row, its legend beside its map: a printed page, where the
    /// maps are too small to cover.
    Rows,
}

/// Paints the map on each of `days` into `area`, each under its day and
/// with a legend counting that day's stances. Returns which invitation list
/// the maps show, in words, for the picture's heading.
pub fn paint_multiples(
    ui: &mut egui::Ui,
    (area, layout): (Rect, Layout),
    (doc, basemap): (&Document, &Basemap),
    days: &[Date],
    base: &MapPicture,
    maps: &mut Vec<super::MapRecord>,
) -> Option<String> {
    let painter = ui.painter().clone();
    let mut what_if = None;
    let every_kind: BTreeSet<String> = doc
        .scenario
        .relation_kinds
        .iter()
        .map(|k| k.id.clone())
        .collect();
    let grid = match layout {
        Layout::Grid => cells(area, days.len()),
        Layout::Rows => {
            let height =
                (area.height() - GAP * (days.len().max(1) - 1) as f32) / days.len().max(1) as f32;
            (0..days.len())
                .map(|i| {
                    Rect::from_min_size(
                        area.min + vec2(0.0, i as f32 * (height + GAP)),
                        vec2(area.width(), height),
                    )
                })
                .collect()
        }
    };
    for (cell, day) in grid.into_iter().zip(days) {
        painter.text(
            cell.min,
            egui::Align2::LEFT_TOP,
            long_date(*day),
            FontId::proportional(18.0),
            crate::theme::map::LABEL_TEXT,
        );
        let map_rect = match layout {
            Layout::Grid => Rect::from_min_max(cell.min + vec2(0.0, DAY_HEIGHT), cell.max),
            Layout::Rows => Rect::from_min_max(
                cell.min + vec2(0.0, DAY_HEIGHT),
                cell.max - vec2(LEGEND_BESIDE, 0.0),
            ),
        };
        let picture = MapPicture {
            size: map_rect.size(),
            transform: None,
            date: Some(*day),
            legend: false,
            ..base.clone()
        };
        let drawn = paint_map(ui, map_rect, doc, basemap, &picture, maps);
        // A compact legend: each stance and how many hold it that day.
        let mut time = TimeView::default();
        time.go_to(doc, Some(*day));
        let key = Legend {
            scenario: time.dated.as_ref().unwrap_or(&doc.scenario),
            hidden: &every_kind,
            short: &[],
            look: picture.options.look,
            date: Some(*day),
            presence: drawn.presence,
            title: None,
            what_if: None,
            sources: None,
        };
        what_if.clone_from(&drawn.what_if);
        let origin = match layout {
            Layout::Grid => map_rect.min + vec2(8.0, 8.0),
            Layout::Rows => map_rect.right_top() + vec2(GAP, 0.0),
        };
        paint_legend(&painter, origin, &key);
    }
    what_if
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_days_make_a_two_by_two_grid_and_two_a_row() {
        let area = Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 600.0));
        let four = cells(area, 4);
        assert_eq!(four.len(), 4);
        assert!((four[1].left() - four[0].right() - GAP).abs() < 1e-3);
        assert!((four[2].top() - four[0].bottom() - GAP).abs() < 1e-3);
        assert!(four.iter().all(|c| area.contains_rect(*c)));
        let two = cells(area, 2);
        assert!((two[0].top() - two[1].top()).abs() < 1e-3);
        assert!((two[0].height() - area.height()).abs() < 1e-3);
    }
}
