//! Bytes to model and back: scenario files (read, migrate, write atomically)
//! here, spreadsheet tables in [`csv`]. Pure parsing plus thin file access.
//!
//! Every failure is a [`LoadError`] that says what went wrong and where
//! (line and column for JSON). Nothing here panics on bad input.

pub mod csv;

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{FORMAT_VERSION, Scenario};

/// The oldest format version this build reads (older files are migrated).
pub const OLDEST_FORMAT: u32 = 1;

/// The file extension of scenario files.
pub const EXTENSION: &str = "coalition";

/// The Paris 2014 scenario, compiled into the binary.
pub const PARIS_2014: &str = include_str!("../../../../assets/scenarios/paris-2014.coalition");

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
    #[error("{path} is {what}, not a file: only regular files are read")]
    NotAFile { path: String, what: &'static str },
    #[error("the file is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error("line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("this is not a Coalition Map scenario: it has no \"format\" field")]
    NoFormat,
    #[error(
        "the \"format\" field is {found}; it should be the format version, a whole number ({FORMAT_VERSION} for this build)"
    )]
    FormatNotANumber { found: String },
    #[error(
        "the file is format {found}, made by a newer version of Coalition Map; this build reads formats {OLDEST_FORMAT} to {FORMAT_VERSION}"
    )]
    TooNew { found: u32 },
    #[error(
        "the file is format {found}, older than any this build can read ({OLDEST_FORMAT} to {FORMAT_VERSION})"
    )]
    TooOld { found: u32 },
}

/// Why a scenario could not be saved. The file on disk is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot turn the scenario into JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{path} is read-only, so it was left as it is: save under another name (Save As)")]
    ReadOnly { path: String },
}

/// Just enough of a file to know its format version: `None` when the field
/// is missing, else what it holds (`null` included, so that it can be told
/// apart from a missing field).
#[derive(Deserialize)]
struct Header {
    #[serde(default, deserialize_with = "present")]
    format: Option<serde_json::Value>,
}

fn present<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(deserializer).map(Some)
}

/// Parses a scenario from a file's bytes. A UTF-8 byte-order mark and CRLF
/// line ends are accepted.
pub fn scenario_from_bytes(bytes: &[u8]) -> Result<Scenario, LoadError> {
    parse_bytes(bytes).map(|loaded| loaded.scenario)
}

/// [`scenario_from_bytes`], saying whether the file was migrated.
pub fn parse_bytes(bytes: &[u8]) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            size_bytes: bytes.len() as u64,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    parse(text)
}

fn json_error(e: &serde_json::Error) -> LoadError {
    LoadError::Json {
        line: e.line(),
        column: e.column(),
        message: json_message(e),
    }
}

/// A scenario as read, and the older format version it was migrated from.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub scenario: Scenario,
    /// `Some(n)` when the file was in format `n` and was brought up to
    /// [`FORMAT_VERSION`]; saving writes the current format.
    pub migrated_from: Option<u32>,
}

/// Parses a scenario from text: checks the format version first, migrates
/// older formats, refuses newer ones.
pub fn scenario_from_str(text: &str) -> Result<Scenario, LoadError> {
    parse(text).map(|loaded| loaded.scenario)
}

/// Parses a scenario from text, saying whether it was migrated.
pub fn parse(text: &str) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header: Header = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    let format = match header.format {
        None => None,
        Some(value) => Some(
            value
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| LoadError::FormatNotANumber {
                    found: value.to_string(),
                })?,
        ),
    };
    match format {
        None => Err(LoadError::NoFormat),
        Some(found) if found > FORMAT_VERSION => Err(LoadError::TooNew { found }),
        Some(found) if found < OLDEST_FORMAT => Err(LoadError::TooOld { found }),
        Some(FORMAT_VERSION) => Ok(Loaded {
            scenario: serde_json::from_str(text).map_err(|e| json_error(&e))?,
            migrated_from: None,
        }),
        Some(found) => {
            let value: serde_json::Value =
                serde_json::from_str(text).map_err(|e| json_error(&e))?;
            let migrated = migrate(value, found);
            Ok(Loaded {
                scenario: serde_json::from_value(migrated).map_err(|e| json_error(&e))?,
                migrated_from: Some(found),
            })
        }
    }
}

/// Brings a file of format `from` up to [`FORMAT_VERSION`], one step at a
/// time. Each step has a fixture in `crates/coalition-core/tests/fixtures/`:
/// `format-N.coalition`, and the same file migrated and saved again.
///
/// - 1 to 2: a timeline (dated events) and story steps with a date are new,
///   and optional; nothing in a format-1 file changes meaning.
fn migrate(mut value: serde_json::Value, from: u32) -> serde_json::Value {
    for version in from..FORMAT_VERSION {
        // A step that changes a file's content goes here, by the version it
        // starts from. 1 to 2 only adds optional fields: nothing to change.
        if let Some(object) = value.as_object_mut() {
            object.insert("format".into(), (version + 1).into());
        }
    }
    value
}

/// The scenario as its file holds it: pretty JSON, fields in a fixed order,
/// ending in a newline, so files diff well.
pub fn scenario_to_string(scenario: &Scenario) -> Result<String, SaveError> {
    let mut text = serde_json::to_string_pretty(scenario)?;
    text.push('\n');
    Ok(text)
}

/// Saves `scenario` to `path` safely: writes a temporary file in the same
/// folder, flushes it to disk, then renames it over the old file. If anything
/// fails, the old file is untouched and the temporary file removed.
pub fn save_scenario(path: &Path, scenario: &Scenario) -> Result<(), SaveError> {
    let text = scenario_to_string(scenario)?;
    write_atomically(path, text.as_bytes())
}

/// The temporary file a save writes first: beside the file, hidden, and
/// short whatever the file's name (a name near the system's limit of 255
/// bytes still leaves room for it).
pub fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "scenario".into(), |n| n.to_string_lossy().into_owned());
    let mut short = name.as_str();
    while short.len() > 40 {
        let mut end = short.len() - 1;
        while !short.is_char_boundary(end) {
            end -= 1;
        }
        short = &short[..end];
    }
    path.with_file_name(format!(".{short}.saving-{}", std::process::id()))
}

/// Where a save to `path` writes: `path`, or the file a link at `path`
/// points to (so the link stays a link).
fn save_target(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| match std::fs::read_link(path) {
                // A dangling link: write where it points.
                Ok(target) if target.is_relative() => path
                    .parent()
                    .map_or_else(|| target.clone(), |folder| folder.join(&target)),
                Ok(target) => target,
                Err(_) => path.to_path_buf(),
            })
        }
        _ => path.to_path_buf(),
    }
}

/// Writes `bytes` to `path` so that a crash leaves the old file or the new
/// one, never half of one: a temporary file, synced, then renamed over.
/// A link is followed (the link stays), the old file's permissions (and
/// owner, where the process may set it) are kept, and a read-only file is
/// refused and left as it is.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let path = &save_target(path);
    let io_error = |source| SaveError::Io {
        path: path.display().to_string(),
        source,
    };
    let existing = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file);
    if existing
        .as_ref()
        .is_some_and(|meta| meta.permissions().readonly())
    {
        return Err(SaveError::ReadOnly {
            path: path.display().to_string(),
        });
    }
    let temporary = temporary_path(path);
    let written = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        if let Some(meta) = &existing {
            file.set_permissions(meta.permissions())?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                // Only the superuser may give a file away; others keep
                // their own ownership, which is what they had.
                let _ = std::os::unix::fs::fchown(&file, Some(meta.uid()), Some(meta.gid()));
            }
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temporary, path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(io_error(e));
    }
    // Make the rename itself durable, where the platform allows.
    if let Some(folder) = path.parent()
        && let Ok(dir) = std::fs::File::open(if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        })
    {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// serde's message without its trailing " at line L column C" (we say that
/// ourselves), with a word on what kind of problem it is.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let bare = match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_owned(),
        None => full,
    };
    match e.classify() {
        serde_json::error::Category::Syntax => format!("not valid JSON: {bare}"),
        serde_json::error::Category::Eof => {
            format!("the file ends too early (is it cut short?): {bare}")
        }
        serde_json::error::Category::Data | serde_json::error::Category::Io => bare,
    }
}

/// Reads and parses a scenario file, refusing files over [`MAX_FILE_BYTES`].
pub fn load_scenario(path: &Path) -> Result<Scenario, LoadError> {
    read_scenario(path).map(|loaded| loaded.scenario)
}

/// [`load_scenario`], saying whether the file was migrated.
pub fn read_scenario(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = read_file_limited(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Io(source) => LoadError::Io {
            path: path.display().to_string(),
            source,
        },
        ReadError::NotAFile(what) => LoadError::NotAFile {
            path: path.display().to_string(),
            what,
        },
        ReadError::TooLarge(size_bytes) => LoadError::TooLarge { size_bytes },
    })?;
    parse_bytes(&bytes)
}

/// Why [`read_file_limited`] read nothing.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// What it is instead: "a folder", "a named pipe (FIFO)", "a device".
    #[error("it is {0}, not a file: only regular files are read")]
    NotAFile(&'static str),
    /// At least this many bytes (more than the limit).
    #[error("the file is at least {0} bytes, over the limit")]
    TooLarge(u64),
}

/// What a file that is not a regular one is, in words.
fn what_it_is(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Reads the regular file at `path` (a link is followed), at most `limit`
/// bytes. A folder, a named pipe, a device or a socket is refused before it
/// is opened (so a pipe with no writer never blocks), and the limit is kept
/// while reading: a file that reports a size of 0 and never ends
/// (`/proc`, a device behind a link) stops at the limit.
pub fn read_file_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let kind = std::fs::metadata(path)?.file_type();
    if !kind.is_file() {
        return Err(ReadError::NotAFile(what_it_is(kind)));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should the path become a pipe between the look and the open, the
        // open does not wait for a writer.
        use std::os::unix::fs::OpenOptionsExt;
        const O_NONBLOCK: i32 = 0o4000;
        options.custom_flags(O_NONBLOCK);
    }
    let file = options.open(path)?;
    let opened = file.metadata()?;
    if !opened.file_type().is_file() {
        return Err(ReadError::NotAFile(what_it_is(opened.file_type())));
    }
    if opened.len() > limit {
        return Err(ReadError::TooLarge(opened.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(opened.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
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
        let err = scenario_from_str(r#"{"format": 3, "title": 5}"#).expect_err("wrong type");
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
    fn newer_formats_are_refused_naming_the_versions_this_build_reads() {
        let err = scenario_from_str(r#"{"format": 99, "title": "future"}"#).expect_err("too new");
        assert!(matches!(err, LoadError::TooNew { found: 99 }));
        assert!(
            err.to_string()
                .contains(&format!("formats {OLDEST_FORMAT} to {FORMAT_VERSION}")),
            "{err}"
        );
        assert!(matches!(
            scenario_from_str(r#"{"title": "x"}"#),
            Err(LoadError::NoFormat)
        ));
        for (format, shown) in [
            ("null", "null"),
            ("\"3\"", "\"3\""),
            ("-1", "-1"),
            ("2.5", "2.5"),
        ] {
            let err = scenario_from_str(&format!(r#"{{"format": {format}}}"#))
                .expect_err("not a format version");
            assert!(
                err.to_string()
                    .starts_with(&format!("the \"format\" field is {shown}; it should be")),
                "{format}: {err}"
            );
        }
        assert!(matches!(
            scenario_from_str(r#"{"format": 0}"#),
            Err(LoadError::TooOld { found: 0 })
        ));
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
