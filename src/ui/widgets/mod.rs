//! Small pieces several panels draw: a stance's glyph, a source's citation.

pub mod glyph;
pub mod presence;
pub mod source_view;
