//! Turning painted egui shapes into SVG elements: paths, circles, rects and
//! text (one `<text>` per laid-out row, so labels stay text in slides). The
//! country fills egui paints as a triangle mesh are written as one path per
//! country from the outlines instead.

use std::fmt::Write as _;

use egui::epaint::{ColorMode, Shape};
use egui::{Color32, Pos2, Rect};

use super::Captured;
use coalition_core::geo::basemap::Basemap;

/// The font the SVG asks for: egui's own, which the PNG renderer loads.
pub const FONT_FAMILY: &str = "Ubuntu";

/// The SVG document for what `captured` holds.
pub fn to_svg(captured: &Captured, basemap: &Basemap, title: &str) -> String {
    let (w, h) = (captured.size.x, captured.size.y);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}, 'Ubuntu Light', 'DejaVu Sans', Arial, sans-serif">"#
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let mut writer = Writer {
        out,
        clip_ids: Vec::new(),
        meshes_seen: 0,
    };
    for clipped in &captured.shapes {
        let clip = writer.clip(clipped.clip_rect, captured.size);
        if let Some(id) = &clip {
            let _ = writeln!(writer.out, r#"<g clip-path="url(#{id})">"#);
        }
        writer.shape(&clipped.shape, captured, basemap);
        if clip.is_some() {
            writer.out.push_str("</g>\n");
        }
    }
    writer.out.push_str("</svg>\n");
    writer.out
}

struct Writer {
    out: String,
    /// Clip rectangles already defined, by id.
    clip_ids: Vec<(Rect, String)>,
    /// Country meshes met so far: the n-th belongs to the n-th map captured.
    meshes_seen: usize,
}

impl Writer {
    /// A clip path for `rect`, unless it covers the whole picture.
    fn clip(&mut self, rect: Rect, size: egui::Vec2) -> Option<String> {
        if rect.min.x <= 0.0 && rect.min.y <= 0.0 && rect.max.x >= size.x && rect.max.y >= size.y {
            return None;
        }
        if let Some((_, id)) = self.clip_ids.iter().find(|(r, _)| *r == rect) {
            return Some(id.clone());
        }
        let id = format!("clip{}", self.clip_ids.len());
        let _ = writeln!(
            self.out,
            r#"<defs><clipPath id="{id}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath></defs>"#,
            num(rect.min.x),
            num(rect.min.y),
            num(rect.width()),
            num(rect.height())
        );
        self.clip_ids.push((rect, id.clone()));
        Some(id)
    }

    fn shape(&mut self, shape: &Shape, captured: &Captured, basemap: &Basemap) {
        match shape {
            // Bands (varying-width strokes) and callbacks are not used on the map.
            Shape::Noop | Shape::Callback(_) | Shape::Band(_) => {}
            Shape::Vec(shapes) => {
                for s in shapes {
                    self.shape(s, captured, basemap);
                }
            }
            Shape::Circle(c) => {
                let _ = writeln!(
                    self.out,
                    r#"<circle cx="{}" cy="{}" r="{}"{}{}/>"#,
                    num(c.center.x),
                    num(c.center.y),
                    num(c.radius),
                    fill(c.fill),
                    stroke(c.stroke.width, c.stroke.color),
                );
            }
            Shape::Ellipse(e) => {
                let _ = writeln!(
                    self.out,
                    r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}"{}{}/>"#,
                    num(e.center.x),
                    num(e.center.y),
                    num(e.radius.x),
                    num(e.radius.y),
                    fill(e.fill),
                    stroke(e.stroke.width, e.stroke.color),
                );
            }
            Shape::LineSegment { points, stroke: s } => {
                let _ = writeln!(
                    self.out,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke-linecap="round"{}/>"#,
                    num(points[0].x),
                    num(points[0].y),
                    num(points[1].x),
                    num(points[1].y),
                    stroke(s.width, s.color),
                );
            }
            Shape::Path(path) => {
                let colour = match path.stroke.color {
                    ColorMode::Solid(c) => c,
                    ColorMode::UV(_) => Color32::TRANSPARENT,
                };
                let _ = writeln!(
                    self.out,
                    r#"<path d="{}" stroke-linejoin="round" stroke-linecap="round"{}{}/>"#,
                    path_data(&path.points, path.closed),
                    fill(path.fill),
                    stroke(path.stroke.width, colour),
                );
            }
            Shape::Rect(r) => {
                let radius = f32::from(r.corner_radius.nw);
                let _ = writeln!(
                    self.out,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}"{}{}/>"#,
                    num(r.rect.min.x),
                    num(r.rect.min.y),
                    num(r.rect.width()),
                    num(r.rect.height()),
                    num(radius),
                    fill(r.fill),
                    stroke(r.stroke.width, r.stroke.color),
                );
            }
            Shape::Text(text) => self.text(text),
            Shape::Mesh(_) => {
                // The only meshes the map paints are its country fills.
                if let Some((transform, fills)) = captured.maps.get(self.meshes_seen) {
                    self.countries(basemap, transform, fills);
                }
                self.meshes_seen += 1;
            }
            Shape::QuadraticBezier(b) => {
                let [a, c, d] = b.points;
                let _ = writeln!(
                    self.out,
                    r#"<path d="M{} {} Q{} {} {} {}"{}{}/>"#,
                    num(a.x),
                    num(a.y),
                    num(c.x),
                    num(c.y),
                    num(d.x),
                    num(d.y),
                    fill(b.fill),
                    stroke(b.stroke.width, stroke_colour(&b.stroke.color)),
                );
            }
            Shape::CubicBezier(b) => {
                let [a, c1, c2, d] = b.points;
                let _ = writeln!(
                    self.out,
                    r#"<path d="M{} {} C{} {} {} {} {} {}"{}{}/>"#,
                    num(a.x),
                    num(a.y),
                    num(c1.x),
                    num(c1.y),
                    num(c2.x),
                    num(c2.y),
                    num(d.x),
                    num(d.y),
                    fill(b.fill),
                    stroke(b.stroke.width, stroke_colour(&b.stroke.color)),
                );
            }
        }
    }

    /// One `<text>` per row of the galley, at its baseline.
    fn text(&mut self, text: &egui::epaint::TextShape) {
        let galley = &text.galley;
        let format = galley.job.sections.first().map(|s| &s.format);
        let size = format.map_or(14.0, |f| f.font_id.size);
        let colour = text.override_text_color.unwrap_or_else(|| {
            let c = format.map_or(text.fallback_color, |f| f.color);
            if c == Color32::PLACEHOLDER {
                text.fallback_color
            } else {
                c
            }
        });
        let colour = colour.gamma_multiply(text.opacity_factor);
        for placed in &galley.rows {
            let content = placed.row.text();
            let Some(first) = placed.row.glyphs.first() else {
                continue;
            };
            if content.trim().is_empty() {
                continue;
            }
            let x = text.pos.x + placed.pos.x + first.pos.x;
            let y = text.pos.y + placed.pos.y + first.pos.y;
            let _ = writeln!(
                self.out,
                r#"<text x="{}" y="{}" font-size="{}" xml:space="preserve"{}>{}</text>"#,
                num(x),
                num(y),
                num(size),
                fill(colour),
                escape(&content),
            );
        }
    }

    /// The countries, each one path of all its rings (holes stay holes).
    fn countries(
        &mut self,
        basemap: &Basemap,
        transform: &coalition_core::geo::projection::MapTransform,
        fills: &crate::ui::map::countries::CountryFills,
    ) {
        let view = transform.screen_rect.expand(50.0);
        self.out.push_str("<g fill-rule=\"evenodd\">\n");
        for country in &basemap.countries {
            let (lo, hi) = (
                transform.screen_from_world(country.bounds.0),
                transform.screen_from_world(country.bounds.1),
            );
            if !Rect::from_two_pos(lo, hi).intersects(view) {
                continue;
            }
            let colour = country
                .iso_a3
                .as_deref()
                .and_then(|iso| fills.get(iso).copied())
                .unwrap_or(crate::theme::map::LAND);
            let mut d = String::new();
            for ring in &country.rings {
                let points: Vec<Pos2> = country.points[ring.clone()]
                    .iter()
                    .map(|p| transform.screen_from_world(*p))
                    .collect();
                d.push_str(&path_data(&points, true));
            }
            let _ = writeln!(self.out, r#"<path d="{d}"{}/>"#, fill(colour));
        }
        self.out.push_str("</g>\n");
    }
}

fn stroke_colour(mode: &ColorMode) -> Color32 {
    match mode {
        ColorMode::Solid(c) => *c,
        ColorMode::UV(_) => Color32::TRANSPARENT,
    }
}

/// `M x y L x y … Z`.
fn path_data(points: &[Pos2], closed: bool) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{} {} ",
            if i == 0 { 'M' } else { 'L' },
            num(p.x),
            num(p.y)
        );
    }
    if closed && !points.is_empty() {
        d.push('Z');
    }
    d
}

/// ` fill="#rrggbb" fill-opacity="a"`, or ` fill="none"`.
fn fill(colour: Color32) -> String {
    if colour.a() == 0 {
        return r#" fill="none""#.to_owned();
    }
    let (hex, opacity) = colour_parts(colour);
    if opacity < 1.0 {
        format!(r#" fill="{hex}" fill-opacity="{opacity:.3}""#)
    } else {
        format!(r#" fill="{hex}""#)
    }
}

/// ` stroke="#rrggbb" stroke-width="w"`, or nothing for no stroke.
fn stroke(width: f32, colour: Color32) -> String {
    if width <= 0.0 || colour.a() == 0 {
        return String::new();
    }
    let (hex, opacity) = colour_parts(colour);
    let alpha = if opacity < 1.0 {
        format!(r#" stroke-opacity="{opacity:.3}""#)
    } else {
        String::new()
    };
    format!(r#" stroke="{hex}" stroke-width="{}"{alpha}"#, num(width))
}

/// `#rrggbb` and opacity of a premultiplied egui colour.
fn colour_parts(colour: Color32) -> (String, f32) {
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    (format!("#{r:02x}{g:02x}{b:02x}"), f32::from(a) / 255.0)
}

/// A number with at most two decimals and no trailing zeros.
fn num(x: f32) -> String {
    let text = format!("{x:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// Text safe inside an XML element or attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_text_is_escaped() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.256), "1.26");
        assert_eq!(num(-0.001), "0");
        assert_eq!(escape("a<b & \"c\"\u{7}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn colours_keep_their_opacity() {
        assert_eq!(fill(Color32::from_rgb(255, 0, 16)), r##" fill="#ff0010""##);
        assert_eq!(fill(Color32::TRANSPARENT), r#" fill="none""#);
        let half = Color32::from_rgba_unmultiplied(0, 0, 255, 128);
        assert!(fill(half).contains("fill-opacity=\"0.50"), "{}", fill(half));
    }
}
