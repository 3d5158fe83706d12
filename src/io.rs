//! Reading scenarios from bytes and files: pure parsing plus thin file access.
//!
//! Every failure is a [`LoadError`] that says what went wrong and where
//! (line and column for JSON). Nothing here panics on bad input.

use std::path::Path;

use crate::model::Scenario;

/// The Paris 2014 scenario, compiled into the binary.
pub const PARIS_2014: &str = include_str!("../assets/scenarios/paris-2014.coalition");

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Why a scenario could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("the file is {size_bytes} bytes; scenario files are limited to {MAX_FILE_BYTES} bytes")]
    TooLarge { size_bytes: u64 },
    #[error("the file is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error("line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
}

/// Parses a scenario from a file's bytes. A UTF-8 byte-order mark and CRLF
/// line ends are accepted.
pub fn scenario_from_bytes(bytes: &[u8]) -> Result<Scenario, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            size_bytes: bytes.len() as u64,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    scenario_from_str(text)
}

/// Parses a scenario from text.
pub fn scenario_from_str(text: &str) -> Result<Scenario, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| LoadError::Json {
        line: e.line(),
        column: e.column(),
        message: json_message(&e),
    })
}

/// serde's message without its trailing " at line L column C" (we say that ourselves).
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_owned(),
        None => full,
    }
}

/// Reads and parses a scenario file, refusing files over [`MAX_FILE_BYTES`].
pub fn load_scenario(path: &Path) -> Result<Scenario, LoadError> {
    let io_error = |source| LoadError::Io {
        path: path.display().to_string(),
        source,
    };
    let size_bytes = std::fs::metadata(path).map_err(io_error)?.len();
    if size_bytes > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { size_bytes });
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    scenario_from_bytes(&bytes)
}

/// The embedded Paris 2014 scenario.
pub fn paris_2014() -> Result<Scenario, LoadError> {
    scenario_from_str(PARIS_2014)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_json_names_line_and_column() {
        let err = scenario_from_str("{\n  \"format\": 1,\n  \"title\": }").expect_err("broken");
        let LoadError::Json { line, column, .. } = err else {
            panic!("expected a JSON error, got {err}");
        };
        assert_eq!((line, column), (3, 12));
    }

    #[test]
    fn wrong_types_name_the_problem() {
        let err = scenario_from_str(r#"{"format": "one"}"#).expect_err("wrong type");
        assert!(err.to_string().contains("invalid type"), "{err}");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_with_the_offset() {
        let err = scenario_from_bytes(b"{\"title\": \"\xff\"}").expect_err("not utf-8");
        assert!(matches!(err, LoadError::NotUtf8 { offset: 11 }), "{err}");
    }

    #[test]
    fn a_bom_and_crlf_line_ends_are_accepted() {
        let text = PARIS_2014.replace('\n', "\r\n");
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend_from_slice(text.as_bytes());
        let with_bom = scenario_from_bytes(&bytes).expect("loads");
        assert_eq!(Some(with_bom), paris_2014().ok());
    }

    #[test]
    fn a_missing_file_is_an_io_error_naming_the_path() {
        let err = load_scenario(Path::new("/nonexistent/x.coalition")).expect_err("missing");
        assert!(
            err.to_string().contains("/nonexistent/x.coalition"),
            "{err}"
        );
    }
}
