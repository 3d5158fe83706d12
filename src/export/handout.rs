//! The handout: one page to print or share, with the scenario's title, the
//! map and its legend, what was said (each quote with its source), where the
//! sources differ, and the full list of sources.

use egui::{Color32, FontId, Pos2, Rect, pos2, vec2};

use super::{MapPicture, paint_map, svg};
use coalition_core::Document;
use coalition_core::geo::basemap::Basemap;
use coalition_core::model::{QuoteKind, Scenario, text};

/// A4 at 96 dots per inch, in SVG user units.
pub const PAGE_WIDTH: f32 = 794.0;
const MARGIN: f32 = 36.0;
const TEXT: Color32 = Color32::from_rgb(0x1A, 0x1A, 0x1A);
const QUIET: Color32 = Color32::from_rgb(0x50, 0x50, 0x50);

/// Lays text out down the page.
struct Column<'a> {
    painter: &'a egui::Painter,
    y: f32,
}

impl Column<'_> {
    fn write(&mut self, text: &str, size: f32, colour: Color32, indent: f32) {
        let width = PAGE_WIDTH - 2.0 * MARGIN - indent;
        let galley =
            self.painter
                .layout(text.to_owned(), FontId::proportional(size), colour, width);
        let height = galley.size().y;
        self.painter
            .galley(pos2(MARGIN + indent, self.y), galley, colour);
        self.y += height + 2.0;
    }

    fn gap(&mut self, space: f32) {
        self.y += space;
    }
}

/// The handout of `doc` as an SVG document, with the map as `picture` shows
/// it and, when `days` are given, the map on each of them side by side.
pub fn handout_svg(
    doc: &Document,
    basemap: &Basemap,
    picture: &MapPicture,
    days: &[coalition_core::model::Date],
) -> String {
    let scenario = &doc.scenario;
    let map_size = vec2(PAGE_WIDTH - 2.0 * MARGIN, 470.0);
    let map_picture = MapPicture {
        size: map_size,
        legend: false,
        ..picture.clone()
    };
    let mut bottom = 0.0;
    let tall = vec2(PAGE_WIDTH, 40_000.0);
    let mut captured = super::capture(tall, |ui, maps| {
        let painter = ui.painter().clone();
        painter.rect_filled(Rect::from_min_size(Pos2::ZERO, tall), 0.0, Color32::WHITE);
        let mut column = Column {
            painter: &painter,
            y: MARGIN,
        };
        column.write(&scenario.title, 24.0, TEXT, 0.0);
        if !scenario.date.is_empty() {
            column.write(&scenario.date, 14.0, QUIET, 0.0);
        }
        if !scenario.summary.is_empty() {
            column.write(&scenario.summary, 13.0, TEXT, 0.0);
        }
        column.gap(8.0);
        let map_rect = Rect::from_min_size(pos2(MARGIN, column.y), map_size);
        let drawn = paint_map(ui, map_rect, doc, basemap, &map_picture, maps);
        column.y = map_rect.bottom() + 8.0;
        // The legend under the map, where it hides nothing.
        let mut time = crate::ui::state::time::TimeView::default();
        time.go_to(doc, picture.date);
        let key = super::Legend {
            scenario: time.dated.as_ref().unwrap_or(scenario),
            hidden: &picture.hidden_relation_kinds,
            short: &drawn.short,
            look: picture.options.look,
            date: time.date,
            presence: drawn.presence,
            // The handout's heading names the scenario, and its list of
            // sources follows.
            title: None,
            what_if: drawn.what_if.as_deref(),
            sources: None,
        };
        let legend = super::paint_legend(&painter, pos2(MARGIN, column.y), &key);
        column.y = legend.bottom() + 12.0;
        if !days.is_empty() {
            column.write("Over time", 18.0, TEXT, 0.0);
            let area = Rect::from_min_size(
                pos2(MARGIN, column.y),
                vec2(PAGE_WIDTH - 2.0 * MARGIN, 320.0 * days.len() as f32),
            );
            super::multiples::paint_multiples(
                ui,
                (area, super::multiples::Layout::Rows),
                (doc, basemap),
                days,
                &map_picture,
                maps,
            );
            column.y = area.bottom() + 12.0;
        }
        quotes(&mut column, scenario);
        disputes(&mut column, scenario);
        sources(&mut column, scenario);
        bottom = column.y + MARGIN;
    });
    captured.size.y = bottom;
    svg::to_svg(&captured, basemap, &format!("{} (handout)", scenario.title))
}

fn quotes(column: &mut Column<'_>, scenario: &Scenario) {
    if scenario.quotes.is_empty() {
        return;
    }
    column.write("What they said", 17.0, TEXT, 0.0);
    column.gap(2.0);
    for quote in &scenario.quotes {
        let text = match quote.kind {
            QuoteKind::Verbatim => format!("\u{201C}{}\u{201D}", text::long(&quote.text)),
            QuoteKind::Paraphrase => format!("Paraphrase: {}", text::long(&quote.text)),
        };
        column.write(&text, 13.0, TEXT, 0.0);
        let mut who = quote.speaker.clone();
        for extra in [&quote.role, &quote.date] {
            if !extra.is_empty() {
                who.push_str(", ");
                who.push_str(extra);
            }
        }
        column.write(&who, 11.0, QUIET, 12.0);
        let source = scenario.source(&quote.source).map_or_else(
            || format!("Source: {} (not in the list of sources)", quote.source),
            |s| format!("Source: {}", s.citation()),
        );
        column.write(&source, 11.0, QUIET, 12.0);
        column.gap(6.0);
    }
}

fn disputes(column: &mut Column<'_>, scenario: &Scenario) {
    if scenario.disputes.is_empty() {
        return;
    }
    column.gap(4.0);
    column.write("Where sources differ", 17.0, TEXT, 0.0);
    for dispute in &scenario.disputes {
        column.write(&dispute.topic, 13.0, TEXT, 0.0);
        for account in &dispute.accounts {
            let source = scenario
                .source(&account.source)
                .map_or(account.source.as_str(), |s| s.publisher.as_str());
            column.write(&format!("{} ({source})", account.claim), 11.0, QUIET, 12.0);
        }
        column.gap(4.0);
    }
}

fn sources(column: &mut Column<'_>, scenario: &Scenario) {
    if scenario.sources.is_empty() {
        return;
    }
    column.gap(4.0);
    column.write("Sources", 17.0, TEXT, 0.0);
    for (n, source) in scenario.sources.iter().enumerate() {
        column.write(
            &format!("{}. {}", n + 1, source.full_citation()),
            11.0,
            TEXT,
            0.0,
        );
    }
}
