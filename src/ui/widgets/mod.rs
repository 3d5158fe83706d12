//! Small pieces several panels draw: a stance's glyph, a source's citation.

pub mod glyph;
pub mod source_view;
