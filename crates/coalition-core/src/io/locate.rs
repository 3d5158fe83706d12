//! Where a path (`actors[10] (BRA).stance`) is in a scenario file's text: its
//! line and column, so that a message points at the line to change.
//!
//! [`Locator::new`] goes over the text once and files where each item of the
//! top-level lists starts; [`Locator::find`] then walks only the text of the
//! one item a path goes into, so that finding the lines of many problems in a
//! large file stays linear. The text is JSON that has been read already; on
//! text that is not, a search stops and gives the deepest place it reached.

use std::collections::HashMap;

use crate::model::item_path::{Step, steps};

/// Where paths are in one file's text.
pub struct Locator<'a> {
    text: &'a [u8],
    /// The byte offset at which each line starts.
    line_starts: Vec<usize>,
    /// Each top-level field: where its value starts and, for a list, where
    /// each of its items starts.
    fields: HashMap<&'a str, (usize, Vec<usize>)>,
}

/// A line and a column, both counted from 1 (the column in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

impl<'a> Locator<'a> {
    /// Files the top-level fields of `text` and the start of their items.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(memchr_newlines(bytes).map(|at| at + 1))
            .collect();
        let mut fields = HashMap::new();
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let scan = Scan { text: bytes };
        let start = scan.space(start);
        if bytes.get(start) == Some(&b'{') {
            let _ = scan.members(start, |key, value| {
                let items = if bytes.get(value) == Some(&b'[') {
                    let mut items = Vec::new();
                    let _ = scan.elements(value, |item| {
                        items.push(item);
                        true
                    });
                    items
                } else {
                    Vec::new()
                };
                if let Ok(key) = std::str::from_utf8(&bytes[key.0..key.1]) {
                    fields.insert(key, (value, items));
                }
                true
            });
        }
        Self {
            text: bytes,
            line_starts,
            fields,
        }
    }

    /// The line and column where what `path` names starts, or the deepest
    /// item on its way that the text has (an object missing a field: the
    /// object). `None` if not even its first step is in the text.
    pub fn find(&self, path: &str) -> Option<LineColumn> {
        let steps = steps(path);
        let mut rest = steps.iter();
        let Some(Step::Key(first)) = rest.next() else {
            return None;
        };
        let (value, items) = self.fields.get(first)?;
        let mut here = *value;
        let mut rest = rest.peekable();
        if let Some(Step::Index(i)) = rest.peek() {
            match items.get(*i) {
                Some(&item) => here = item,
                None => return Some(self.line_column(here)),
            }
            rest.next();
        }
        let scan = Scan { text: self.text };
        for step in rest {
            let next = match *step {
                Step::Key(key) => scan.member(here, key),
                Step::Index(index) => scan.element(here, index),
            };
            match next {
                Some(next) => here = next,
                None => break,
            }
        }
        Some(self.line_column(here))
    }

    /// The line and column of byte `offset`.
    pub fn line_column(&self, offset: usize) -> LineColumn {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(0);
        let column = String::from_utf8_lossy(&self.text[start..offset.min(self.text.len())])
            .chars()
            .count()
            + 1;
        LineColumn {
            line: line.max(1),
            column,
        }
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n')
        .map(|(at, _)| at)
}

/// Walks JSON text by byte offsets.
struct Scan<'a> {
    text: &'a [u8],
}

impl Scan<'_> {
    fn space(&self, mut at: usize) -> usize {
        while matches!(self.text.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            at += 1;
        }
        at
    }

    /// The offset just after the string that starts at `at`.
    fn string_end(&self, at: usize) -> Option<usize> {
        let mut i = at + 1;
        loop {
            match self.text.get(i)? {
                b'"' => return Some(i + 1),
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
    }

    /// The offset just after the value that starts at `at`.
    fn value_end(&self, at: usize) -> Option<usize> {
        match self.text.get(at)? {
            b'"' => self.string_end(at),
            b'{' | b'[' => {
                let mut depth = 0_usize;
                let mut i = at;
                loop {
                    match self.text.get(i)? {
                        b'"' => {
                            i = self.string_end(i)?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                return Some(i + 1);
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            _ => {
                let mut i = at;
                while !matches!(
                    self.text.get(i),
                    None | Some(b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    i += 1;
                }
                Some(i)
            }
        }
    }

    /// Calls `each(key range, value offset)` for the members of the object
    /// at `at` until it returns false.
    fn members(
        &self,
        at: usize,
        mut each: impl FnMut((usize, usize), usize) -> bool,
    ) -> Option<()> {
        let mut i = self.space(at + 1);
        if self.text.get(i) == Some(&b'}') {
            return Some(());
        }
        loop {
            if self.text.get(i) != Some(&b'"') {
                return None;
            }
            let key_end = self.string_end(i)?;
            let colon = self.space(key_end);
            if self.text.get(colon) != Some(&b':') {
                return None;
            }
            let value = self.space(colon + 1);
            if !each((i + 1, key_end - 1), value) {
                return Some(());
            }
            let after = self.space(self.value_end(value)?);
            match self.text.get(after)? {
                b',' => i = self.space(after + 1),
                _ => return Some(()),
            }
        }
    }

    /// Calls `each(value offset)` for the items of the list at `at` until it
    /// returns false.
    fn elements(&self, at: usize, mut each: impl FnMut(usize) -> bool) -> Option<()> {
        let mut i = self.space(at + 1);
        if self.text.get(i) == Some(&b']') {
            return Some(());
        }
        loop {
            if !each(i) {
                return Some(());
            }
            let after = self.space(self.value_end(i)?);
            match self.text.get(after)? {
                b',' => i = self.space(after + 1),
                _ => return Some(()),
            }
        }
    }

    fn member(&self, at: usize, key: &str) -> Option<usize> {
        if self.text.get(at) != Some(&b'{') {
            return None;
        }
        let mut found = None;
        self.members(at, |(start, end), value| {
            if &self.text[start..end] == key.as_bytes() {
                found = Some(value);
                false
            } else {
                true
            }
        });
        found
    }

    fn element(&self, at: usize, index: usize) -> Option<usize> {
        if self.text.get(at) != Some(&b'[') {
            return None;
        }
        let (mut n, mut found) = (0, None);
        self.elements(at, |value| {
            if n == index {
                found = Some(value);
                return false;
            }
            n += 1;
            true
        });
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"title\": \"T\",\n  \"actors\": [\n    {\"id\": \"USA\", \"name\": \"U\"},\n    {\n      \"id\": \"BRA\",\n      \"weights\": {\"gdp\": 2},\n      \"groups\": [\"a\", \"b\"]\n    }\n  ]\n}\n";

    #[allow(clippy::unnecessary_wraps, reason = "compared with what find gives")]
    fn at(line: usize, column: usize) -> Option<LineColumn> {
        Some(LineColumn { line, column })
    }

    #[test]
    fn a_path_is_found_at_the_line_and_column_of_its_value() {
        let locator = Locator::new(TEXT);
        assert_eq!(locator.find("title"), at(2, 12));
        assert_eq!(locator.find("actors[0]"), at(4, 5));
        assert_eq!(locator.find("actors[0] (USA).name"), at(4, 27));
        assert_eq!(locator.find("actors[1] (BRA).weights.gdp"), at(7, 26));
        assert_eq!(locator.find("actors[1].groups[1]"), at(8, 23));
    }

    #[test]
    fn a_field_the_text_lacks_is_found_at_the_item_that_lacks_it() {
        let locator = Locator::new(TEXT);
        assert_eq!(locator.find("actors[1] (BRA).position"), at(5, 5));
        assert_eq!(locator.find("actors[9].name"), at(3, 13));
        assert_eq!(locator.find("quotes[0]"), None);
    }

    #[test]
    fn text_that_is_not_json_gives_no_place_and_no_panic() {
        for text in [
            "",
            "{",
            "{\"actors\": [",
            "[1, 2",
            "{\"a\": \"\\",
            "\u{feff}{\"a\"}",
        ] {
            let locator = Locator::new(text);
            let _ = locator.find("actors[3].name");
            let _ = locator.find("a");
        }
    }
}
