//! The strip under the map that says what it shows and credits the outlines.

use egui::{Rect, Vec2, pos2, vec2};

use crate::theme::{MapLook, map as colours};

/// What the map shows and where its outlines come from, under the map.
pub(super) const CAPTION: &str = "Schematic map: nodes at capitals or seats; a node on the edge lies beyond it,\nits arrow pointing the way. Country outlines: Natural Earth.";

/// Room around the caption's text, in points (scaled with the look).
pub(super) const CAPTION_PADDING: Vec2 = vec2(8.0, 4.0);

pub(super) fn caption_font(look: MapLook) -> egui::FontId {
    egui::FontId::proportional(11.0 * look.scale.sqrt())
}

/// The map's rectangle and, under it, the caption's strip, out of the space `ui` has left.
pub(super) fn split_off_caption(ui: &egui::Ui, look: MapLook) -> (Rect, Rect) {
    let space = ui.available_rect_before_wrap();
    let lines = CAPTION.lines().count() as f32;
    let line_height = ui.fonts_mut(|f| f.row_height(&caption_font(look)));
    let height = (lines * line_height + 2.0 * CAPTION_PADDING.y * look.scale.sqrt())
        .min(space.height() * 0.25);
    let map = Rect::from_min_max(space.min, pos2(space.max.x, space.max.y - height));
    (map, Rect::from_min_max(map.left_bottom(), space.max))
}

pub(super) fn paint_caption(painter: &egui::Painter, strip: Rect, look: MapLook) {
    painter.rect_filled(strip, 0.0, colours::CAPTION_STRIP);
    painter.text(
        strip.left_center() + vec2(CAPTION_PADDING.x * look.scale.sqrt(), 0.0),
        egui::Align2::LEFT_CENTER,
        CAPTION,
        caption_font(look),
        colours::CAPTION,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, Pos2};

    #[test]
    fn the_caption_has_a_strip_of_its_own_under_the_map() {
        let ctx = egui::Context::default();
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(700.0, 500.0))),
            ..Default::default()
        };
        for look in [MapLook::SCREEN, MapLook::PROJECTOR] {
            let mut checked = false;
            let mut output = ctx.run_ui(input.clone(), |ui| {
                let space = ui.available_rect_before_wrap();
                let (map, strip) = split_off_caption(ui, look);
                let caption = ui.fonts_mut(|f| {
                    f.layout_no_wrap(CAPTION.to_owned(), caption_font(look), Color32::BLACK)
                });
                assert!(
                    (map.bottom() - strip.top()).abs() < 1e-3,
                    "{map:?} {strip:?}"
                );
                assert!(map.top() <= space.top() && strip.bottom() >= space.bottom());
                assert!(
                    !map.intersects(strip.shrink(0.5)),
                    "the map reaches into the strip"
                );
                assert!(
                    caption.size().y <= strip.height(),
                    "{caption:?} in {strip:?}"
                );
                assert!(map.height() > 3.0 * strip.height());
                checked = true;
            });
            // The font atlas this frame made is not uploaded anywhere.
            output.textures_delta.clear();
            assert!(checked);
        }
    }
}
