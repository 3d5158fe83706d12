//! Text as it is shown: names and texts cut at a sane length with an
//! ellipsis, so that a file with a name of fifty million characters cannot
//! make a label, a tooltip or an export lay out fifty million glyphs. The
//! file keeps every character; validation warns about the long ones
//! (`model::warnings`).

use std::borrow::Cow;

/// Names (of actors, scenarios, what-ifs) are shown up to this many
/// characters; validation warns about longer ones.
pub const NAME_CHARS: usize = 80;

/// Ids are shown up to this many characters.
pub const ID_CHARS: usize = 40;

/// Texts (quotes, reasons, event texts, summaries) are shown up to this many
/// characters; validation warns about longer ones.
pub const TEXT_CHARS: usize = 5_000;

/// `text` cut to at most `max` characters, with an ellipsis where it was
/// cut. Looks at no more than `max + 1` characters, however long `text` is.
pub fn bounded(text: &str, max: usize) -> Cow<'_, str> {
    if text.char_indices().nth(max).is_none() {
        return text.into();
    }
    let keep = text
        .char_indices()
        .nth(max.saturating_sub(1))
        .map_or(text.len(), |(at, _)| at);
    format!("{}…", &text[..keep]).into()
}

/// A name as shown: at most [`NAME_CHARS`] characters.
pub fn name(text: &str) -> Cow<'_, str> {
    bounded(text, NAME_CHARS)
}

/// An id as shown: at most [`ID_CHARS`] characters.
pub fn id(text: &str) -> Cow<'_, str> {
    bounded(text, ID_CHARS)
}

/// A text as shown: at most [`TEXT_CHARS`] characters.
pub fn long(text: &str) -> Cow<'_, str> {
    bounded(text, TEXT_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_within_the_bound_is_shown_whole_and_longer_text_is_cut_with_an_ellipsis() {
        assert_eq!(bounded("Iraq", 4), "Iraq");
        assert!(matches!(bounded("Iraq", 4), Cow::Borrowed(_)));
        assert_eq!(bounded("abcdef", 4), "abc…");
        assert_eq!(bounded("ééééé", 3), "éé…");
        assert_eq!(bounded("", 0), "");
        let huge = "x".repeat(1_000_000);
        assert_eq!(name(&huge).chars().count(), NAME_CHARS);
        assert_eq!(id(&huge).chars().count(), ID_CHARS);
        assert_eq!(long(&huge).chars().count(), TEXT_CHARS);
    }
}
