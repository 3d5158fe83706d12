//! Bytes to model and back: scenario files (read, migrate, write atomically)
//! here, spreadsheet tables in [`csv`]. Pure parsing plus thin file access.
//!
//! Every failure is a [`LoadError`] that says what went wrong and where
//! (line and column for JSON). Nothing here panics on bad input.

pub mod csv;
mod locate;

pub use locate::{LineColumn, Locator};

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

/// A syntax error in `text`, with the path to where it is (for the items
/// read so far) and a hint for the slips people make writing JSON by hand.
fn json_error(text: &str, e: &serde_json::Error) -> LoadError {
    // Reading into a plain JSON value stops at the same place, and tracks
    // the path on its way.
    let path = match serde_path_to_error::deserialize::<_, serde_json::Value>(
        &mut serde_json::Deserializer::from_str(text),
    ) {
        Err(found) if found.inner().line() == e.line() => path_text(found.path()),
        _ => String::new(),
    };
    let mut message = json_message(e);
    if let Some(hint) = hint(text, e) {
        message = format!("{message} ({hint})");
    }
    LoadError::Json {
        line: e.line(),
        column: e.column(),
        message: with_path(&path, &message),
    }
}

/// A value that JSON holds but the scenario cannot take (a missing field, a
/// wrong type, an impossible date), at `path`: its line and column, and the
/// path with each item's id.
fn item_error(text: &str, path: &str, e: &serde_json::Error) -> LoadError {
    let mut message = json_message(e);
    let mut path = path.to_owned();
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
        .map(str::to_owned);
    if let Some(field) = &missing {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(field);
        "missing field".clone_into(&mut message);
    }
    // serde says where it noticed: for a missing field, the object's end.
    // The object's start is where a reader looks for it.
    let (mut line, mut column) = (e.line(), e.column());
    if (missing.is_some() || line == 0)
        && let Some(at) = Locator::new(text).find(&path)
    {
        (line, column) = (at.line, at.column);
    }
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
        let written = crate::model::item_path::value_at(&value, &path).and_then(|v| v.as_str());
        if let Some(written) = written.filter(|_| is_date_error(&message)) {
            message = format!(
                "\"{}\" is not a real date (dates are written YYYY-MM-DD): {message}",
                crate::model::text::id(written)
            );
        }
        path = crate::model::item_path::name_items(&value, &path);
    }
    LoadError::Json {
        line,
        column,
        message: with_path(&path, &message),
    }
}

/// Whether `message` is the date parser's, refusing a date.
fn is_date_error(message: &str) -> bool {
    [
        "input is out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
    ]
    .iter()
    .any(|what| message.contains(what))
}

fn with_path(path: &str, message: &str) -> String {
    if path.is_empty() {
        message.to_owned()
    } else {
        format!("{path}: {message}")
    }
}

/// A path as [`crate::model::item_path`] writes them, without ids.
fn path_text(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    use std::fmt::Write;
    let mut text = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => {
                let _ = write!(text, "[{index}]");
            }
            Segment::Map { key } => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    text
}

/// Curly quotes, which word processors put where JSON needs `"`.
const CURLY_QUOTES: [char; 4] = ['\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}'];

/// A hint for the JSON slips people make writing a file by hand, from what
/// is at the place of a syntax error: a comma before a closing bracket,
/// curly quotes, single quotes, comments.
fn hint(text: &str, e: &serde_json::Error) -> Option<&'static str> {
    use serde_json::error::Category;
    if !matches!(e.classify(), Category::Syntax) {
        return None;
    }
    let line_start = text
        .split_inclusive('\n')
        .take(e.line().checked_sub(1)?)
        .map(str::len)
        .sum::<usize>();
    let line = text[line_start..].lines().next().unwrap_or("");
    // serde_json counts columns in bytes; the error is at that byte or just
    // before it.
    let mut at = line_start + e.column().saturating_sub(1).min(line.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let here = text[at..].trim_start();
    let before = text[..at].trim_end();
    let up_to_here = &text[line_start..at];
    if up_to_here.contains(CURLY_QUOTES) || here.starts_with(CURLY_QUOTES) {
        Some("curly quotes: JSON needs straight double quotes \"")
    } else if here.starts_with("//") || here.starts_with("/*") {
        Some("JSON has no comments: take out the // or /* */ part")
    } else if here.starts_with(['}', ']']) && before.ends_with(',') {
        Some("a comma before a closing bracket: JSON allows no comma after the last item")
    } else if here.starts_with('\'') {
        Some("JSON needs double quotes \" around names and text, not single ones")
    } else {
        None
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
    let header: Header = serde_json::from_str(text).map_err(|e| json_error(text, &e))?;
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
        Some(FORMAT_VERSION) => {
            let mut json = serde_json::Deserializer::from_str(text);
            let scenario = serde_path_to_error::deserialize(&mut json)
                .map_err(|e| item_error(text, &path_text(e.path()), e.inner()))?;
            json.end().map_err(|e| json_error(text, &e))?;
            Ok(Loaded {
                scenario,
                migrated_from: None,
            })
        }
        Some(found) => {
            let value: serde_json::Value =
                serde_json::from_str(text).map_err(|e| json_error(text, &e))?;
            let migrated = migrate(value, found);
            Ok(Loaded {
                scenario: serde_path_to_error::deserialize(migrated)
                    .map_err(|e| item_error(text, &path_text(e.path()), e.inner()))?,
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
    path.with_file_name(format!("{}{}", temporary_prefix(path), std::process::id()))
}

/// The start of [`temporary_path`]'s name, before the process id.
fn temporary_prefix(path: &Path) -> String {
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
    format!(".{short}.saving-")
}

/// Removes the temporary files that saves of `path` by processes no longer
/// running left behind (a kill between writing and renaming). Only where
/// the system says which processes run (Linux's `/proc`).
fn remove_stale_temporaries(path: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let prefix = temporary_prefix(path);
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|name| name.strip_prefix(&prefix))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
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
    remove_stale_temporaries(path);
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
    parse(&read_text(path)?)
}

/// The text of the file at `path`, as [`read_scenario`] reads it: a regular
/// file of at most [`MAX_FILE_BYTES`], in UTF-8.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
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
    String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
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

    /// Paris with `from` (which must be in it once) replaced by `to`.
    fn paris_with(from: &str, to: &str) -> String {
        assert_eq!(PARIS_2014.matches(from).count(), 1, "{from}");
        PARIS_2014.replacen(from, to, 1)
    }

    /// The line of `needle`'s first occurrence in Paris, counted from 1.
    fn paris_line(needle: &str) -> usize {
        let at = PARIS_2014.find(needle).expect("in Paris");
        PARIS_2014[..at].matches('\n').count() + 1
    }

    #[test]
    fn a_missing_field_names_the_item_s_line_its_id_and_the_field() {
        let text = paris_with(
            "\"name\": \"United States\",\n      \"kind\": \"state\",\n      \"position\": {\n        \"lat\": 38.9,\n        \"lon\": -77.01\n      },",
            "\"name\": \"United States\",\n      \"kind\": \"state\",",
        );
        let err = scenario_from_str(&text).expect_err("no position");
        let LoadError::Json { line, message, .. } = &err else {
            panic!("expected a JSON error, got {err}");
        };
        // The object starts on the line before its id.
        assert_eq!(
            *line,
            paris_line("\"id\": \"USA\",\n      \"name\": \"United States\"") - 1
        );
        assert!(message.ends_with("(USA).position: missing field"), "{err}");
        assert!(message.starts_with("actors["), "{err}");
    }

    #[test]
    fn an_impossible_date_names_its_line_and_the_event() {
        let event = "\"id\": \"e-2014-08-08-usa\",\n        \"date\": \"2014-08-08\",";
        let text = paris_with(event, &event.replace("2014-08-08\",", "2014-02-30\","));
        let err = scenario_from_str(&text).expect_err("no 30 February");
        let LoadError::Json { line, message, .. } = &err else {
            panic!("expected a JSON error, got {err}");
        };
        assert_eq!(*line, paris_line(event) + 1);
        assert!(
            message.contains("timeline.events[0] (e-2014-08-08-usa).date"),
            "{err}"
        );
        assert!(
            message.contains("\"2014-02-30\" is not a real date"),
            "{err}"
        );
    }

    #[test]
    fn a_comma_after_the_last_item_is_named_with_a_hint() {
        let text = paris_with(
            "\"ISIL\"\n        ],\n        \"changes\"",
            "\"ISIL\",\n        ],\n        \"changes\"",
        );
        let err = scenario_from_str(&text).expect_err("trailing comma");
        let message = err.to_string();
        assert!(
            message.contains("no comma after the last item"),
            "{message}"
        );
        assert!(message.contains("timeline.events[0].actors"), "{message}");
        assert!(
            message.starts_with(&format!(
                "line {}",
                paris_line("\"ISIL\"\n        ],\n        \"changes\"") + 1
            )),
            "{message}"
        );
    }

    #[test]
    fn curly_quotes_comments_and_single_quotes_are_named_with_a_hint() {
        for (from, to, hint) in [
            ("\"title\": \"", "\u{201c}title\u{201d}: \"", "curly quotes"),
            (
                "\"date\": \"2014-09-15\",\n  \"summary\"",
                "\"date\": \"2014-09-15\", // the conference\n  \"summary\"",
                "no comments",
            ),
            (
                "\"date\": \"2014-09-15\",\n  \"summary\"",
                "'date': \"2014-09-15\",\n  \"summary\"",
                "not single ones",
            ),
        ] {
            let text = PARIS_2014.replacen(from, to, 1);
            assert_ne!(text, PARIS_2014, "{from}");
            let message = scenario_from_str(&text).expect_err("broken").to_string();
            assert!(message.contains(hint), "{to}: {message}");
        }
    }

    #[test]
    fn a_save_removes_what_killed_saves_of_the_same_file_left_behind() {
        let dir = std::env::temp_dir().join(format!("coalition-stale-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("x.coalition");
        // No process has this id (Linux's largest is 4194304).
        let stale = dir.join(".x.coalition.saving-999999999");
        let other = dir.join(".x.coalition.saving-notes");
        std::fs::write(&stale, "half a file").expect("write");
        std::fs::write(&other, "someone else's").expect("write");
        write_atomically(&path, b"{}").expect("saves");
        if Path::new("/proc/self").exists() {
            assert!(!stale.exists(), "the dead process's temporary file is gone");
        }
        assert!(other.exists(), "a file that only looks alike stays");
        assert_eq!(std::fs::read(&path).expect("read"), b"{}");
        let _ = std::fs::remove_dir_all(dir);
    }
}
