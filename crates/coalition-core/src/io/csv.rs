//! CSV tables: actors imported from a spreadsheet, and the actor, relation and
//! quote tables exported for one. Plain data, no egui.
//!
//! Importing is two steps: [`preview_actor_import`] reads the file and says
//! what each row would do and which cells are bad, without changing anything;
//! [`apply_actor_import`] then applies the good rows. The actor export is in
//! the form the import reads, so exporting a scenario's actors and importing
//! the file gives back the same actors (ids, names, groups and weight kinds
//! without `;`, `=` or surrounding spaces, as a hand-made table would have).

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crate::model::{Actor, ActorKind, Scenario};

mod export;
#[cfg(test)]
mod tests;

pub use export::{Table, export_actors_csv, export_quotes_csv, export_relations_csv};

/// One cell that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The row as a spreadsheet numbers it: the header is row 1, the first
    /// data row is row 2, and an empty line is a row too.
    pub row: usize,
    /// The column's header as written in the file, or `(row)` when the row
    /// as a whole is wrong.
    pub column: String,
    /// What is wrong with the cell.
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "row {}, column {}: {}",
            self.row, self.column, self.message
        )
    }
}

/// What importing a row would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowAction {
    /// Append a new actor.
    Add,
    /// Replace the actor at this index of the scenario's actors (same id).
    Update {
        /// The index into `scenario.actors`.
        index: usize,
    },
}

/// A row that was read without problems.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportRow {
    /// The row as a spreadsheet numbers it (see [`RowError::row`]).
    pub row: usize,
    /// The actor the row describes, as it would be after the import.
    pub actor: Actor,
    /// Whether the actor is new or replaces one.
    pub action: RowAction,
}

/// The preview shown before anything changes.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ActorImport {
    /// The good rows, in file order.
    pub rows: Vec<ImportRow>,
    /// Every bad cell of the bad rows, in file order.
    pub errors: Vec<RowError>,
    /// Header names this importer does not know; their cells are not read.
    pub ignored_columns: Vec<String>,
}

/// Why a file could not be read as a table at all.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    /// The bytes are not UTF-8 text.
    #[error(
        "the file is not UTF-8 text (invalid byte at offset {offset}); save it as \"CSV UTF-8\""
    )]
    NotUtf8 {
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// There are no rows at all.
    #[error("the file is empty: its first row must name the columns")]
    NoHeader,
    /// The header lacks columns the import needs.
    #[error(
        "missing required column(s): {} (an actor table needs {})",
        .columns.join(", "),
        required_names()
    )]
    MissingColumns {
        /// The missing columns' names.
        columns: Vec<String>,
    },
    /// The header names a column twice.
    #[error("the header has the column {column} twice")]
    DuplicateColumn {
        /// The name as written the second time.
        column: String,
    },
    /// The CSV reader failed.
    #[error("line {line}: {message}")]
    Csv {
        /// The line the reader had reached.
        line: u64,
        /// The reader's message.
        message: String,
    },
}

/// The actor table's columns, in the order the export writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Id,
    Name,
    Kind,
    Lat,
    Lon,
    Stance,
    Weights,
    Groups,
    StanceReason,
    Notes,
}

const FIELDS: [Field; 10] = [
    Field::Id,
    Field::Name,
    Field::Kind,
    Field::Lat,
    Field::Lon,
    Field::Stance,
    Field::Weights,
    Field::Groups,
    Field::StanceReason,
    Field::Notes,
];

impl Field {
    fn name(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Name => "name",
            Self::Kind => "kind",
            Self::Lat => "lat",
            Self::Lon => "lon",
            Self::Stance => "stance",
            Self::Weights => "weights",
            Self::Groups => "groups",
            Self::StanceReason => "stance_reason",
            Self::Notes => "notes",
        }
    }

    fn required(self) -> bool {
        matches!(
            self,
            Self::Id | Self::Name | Self::Lat | Self::Lon | Self::Stance
        )
    }

    /// Free text is read as written; every other cell is trimmed.
    fn free_text(self) -> bool {
        matches!(self, Self::StanceReason | Self::Notes)
    }
}

fn required_names() -> String {
    let names: Vec<&str> = FIELDS
        .into_iter()
        .filter(|f| f.required())
        .map(Field::name)
        .collect();
    names.join(", ")
}

/// Where each known column is, and what the file calls it.
struct Header {
    columns: BTreeMap<Field, (usize, String)>,
    width: usize,
    ignored: Vec<String>,
}

impl Header {
    /// Matches the header's names to columns, case-insensitively after
    /// trimming. Empty names (a spreadsheet's trailing columns) are skipped.
    fn read(record: &csv::StringRecord) -> Result<Self, TableError> {
        let mut columns = BTreeMap::new();
        let mut ignored = Vec::new();
        for (at, written) in record.iter().map(str::trim).enumerate() {
            if written.is_empty() {
                continue;
            }
            match FIELDS
                .into_iter()
                .find(|f| f.name().eq_ignore_ascii_case(written))
            {
                Some(field) => {
                    if columns.insert(field, (at, written.to_owned())).is_some() {
                        return Err(TableError::DuplicateColumn {
                            column: written.to_owned(),
                        });
                    }
                }
                None => ignored.push(written.to_owned()),
            }
        }
        let missing: Vec<String> = FIELDS
            .into_iter()
            .filter(|f| f.required() && !columns.contains_key(f))
            .map(|f| f.name().to_owned())
            .collect();
        if !missing.is_empty() {
            return Err(TableError::MissingColumns { columns: missing });
        }
        Ok(Self {
            columns,
            width: record.len(),
            ignored,
        })
    }
}

/// One data row's cells, and the problems found in them.
struct Cells<'a> {
    header: &'a Header,
    record: &'a csv::StringRecord,
    row: usize,
    errors: Vec<RowError>,
}

impl Cells<'_> {
    /// Parses the cell under `field`'s column, if the file has that column;
    /// a failure is recorded against the cell.
    fn parse<T>(
        &mut self,
        field: Field,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        let (at, column) = self.header.columns.get(&field)?;
        let cell = self.record.get(*at).unwrap_or_default();
        let cell = if field.free_text() { cell } else { cell.trim() };
        parse(cell)
            .map_err(|message| {
                self.errors.push(RowError {
                    row: self.row,
                    column: column.clone(),
                    message,
                });
            })
            .ok()
    }

    /// Like [`Cells::parse`], storing the value in `target`.
    fn read<T>(
        &mut self,
        field: Field,
        target: &mut T,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) {
        if let Some(value) = self.parse(field, parse) {
            *target = value;
        }
    }
}

/// A scenario's ids and labels for one kind of thing (stances, groups…).
struct Vocabulary<'a> {
    what: &'static str,
    entries: Vec<(&'a str, &'a str)>,
}

impl<'a> Vocabulary<'a> {
    /// The id whose id or label is `text`: the exact id first, then ids and
    /// labels case-insensitively.
    fn id(&self, text: &str) -> Result<&'a str, String> {
        let folded = text.to_lowercase();
        self.entries
            .iter()
            .find(|(id, _)| *id == text)
            .or_else(|| {
                self.entries.iter().find(|(id, label)| {
                    id.to_lowercase() == folded || label.to_lowercase() == folded
                })
            })
            .map(|(id, _)| *id)
            .ok_or_else(|| {
                let known: Vec<&str> = self.entries.iter().map(|(id, _)| *id).collect();
                format!(
                    "\"{text}\" is not a {}; known: {}",
                    self.what,
                    if known.is_empty() {
                        "none".to_owned()
                    } else {
                        known.join(", ")
                    }
                )
            })
    }
}

/// The scenario's vocabularies the actor table refers to.
struct Vocabularies<'a> {
    stances: Vocabulary<'a>,
    weight_kinds: Vocabulary<'a>,
    groups: Vocabulary<'a>,
}

impl<'a> Vocabularies<'a> {
    fn new(s: &'a Scenario) -> Self {
        Self {
            stances: Vocabulary {
                what: "stance",
                entries: s.stance_scale.iter().map(|c| (&*c.id, &*c.label)).collect(),
            },
            weight_kinds: Vocabulary {
                what: "weight kind",
                entries: s.weight_kinds.iter().map(|k| (&*k.id, &*k.label)).collect(),
            },
            groups: Vocabulary {
                what: "group",
                entries: s.groups.iter().map(|g| (&*g.id, &*g.label)).collect(),
            },
        }
    }
}

/// Reads an actor table and says what importing it would do, without
/// changing anything. File-level problems are a [`TableError`]; bad cells are
/// [`RowError`]s, and their rows are left out of [`ActorImport::rows`].
pub fn preview_actor_import(scenario: &Scenario, bytes: &[u8]) -> Result<ActorImport, TableError> {
    let text = std::str::from_utf8(bytes).map_err(|e| TableError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut row = 0;
    let mut next = || -> Option<Result<(usize, csv::StringRecord), TableError>> {
        Some(match records.next()? {
            Ok(record) => {
                let at = record.position().map_or(0, |p| p.byte() as usize);
                row += 1 + empty_lines_at(text, at);
                Ok((row, record))
            }
            Err(e) => Err(TableError::Csv {
                line: e.position().map_or(0, csv::Position::line),
                message: e.to_string(),
            }),
        })
    };

    let (_, header) = next().ok_or(TableError::NoHeader)??;
    let header = Header::read(&header)?;
    let vocabularies = Vocabularies::new(scenario);
    let mut import = ActorImport {
        ignored_columns: header.ignored.clone(),
        ..ActorImport::default()
    };
    let mut first_row_of_id = HashMap::new();
    while let Some(next) = next() {
        let (row, record) = next?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if record.len() != header.width {
            import.errors.push(RowError {
                row,
                column: "(row)".to_owned(),
                message: format!(
                    "the row has {} cells; the header has {}",
                    record.len(),
                    header.width
                ),
            });
            continue;
        }
        let mut cells = Cells {
            header: &header,
            record: &record,
            row,
            errors: Vec::new(),
        };
        let (actor, index) = read_actor(scenario, &vocabularies, &mut cells, &mut first_row_of_id);
        if cells.errors.is_empty() {
            import.rows.push(ImportRow {
                row,
                actor,
                action: index.map_or(RowAction::Add, |index| RowAction::Update { index }),
            });
        } else {
            import.errors.append(&mut cells.errors);
        }
    }
    Ok(import)
}

/// How many empty lines start at byte `at`: the CSV reader skips them, a
/// spreadsheet shows them as rows.
fn empty_lines_at(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or_default();
    // After a CRLF the reader stops between the CR and the LF.
    let after_cr = at.checked_sub(1).and_then(|i| text.as_bytes().get(i)) == Some(&b'\r');
    let rest = if after_cr {
        rest.strip_prefix('\n').unwrap_or(rest)
    } else {
        rest
    };
    let breaks = &rest[..rest.len() - rest.trim_start_matches(['\r', '\n']).len()];
    breaks.replace("\r\n", "\n").len()
}

/// The actor a row describes, and the index of the actor it replaces. It
/// starts as that actor (or a default one), so fields without a column keep
/// their values.
fn read_actor(
    scenario: &Scenario,
    vocabularies: &Vocabularies,
    cells: &mut Cells,
    first_row_of_id: &mut HashMap<String, usize>,
) -> (Actor, Option<usize>) {
    let row = cells.row;
    let id = cells.parse(Field::Id, |id| {
        if id.is_empty() {
            return Err("the id is empty".to_owned());
        }
        match first_row_of_id.get(id) {
            Some(first) => Err(format!("the id {id} is already on row {first}")),
            None => Ok(id.to_owned()),
        }
    });
    let index = id.as_deref().and_then(|id| scenario.actor_index(id));
    let mut actor = index
        .and_then(|i| scenario.actors.get(i))
        .cloned()
        .unwrap_or_default();
    if let Some(id) = id {
        first_row_of_id.insert(id.clone(), row);
        actor.id = id;
    }
    cells.read(Field::Name, &mut actor.name, |name| {
        if name.is_empty() {
            Err("the name is empty".to_owned())
        } else {
            Ok(name.to_owned())
        }
    });
    cells.read(Field::Kind, &mut actor.kind, parse_kind);
    cells.read(Field::Lat, &mut actor.position.lat, |cell| {
        coordinate(cell, "latitude", 90.0)
    });
    cells.read(Field::Lon, &mut actor.position.lon, |cell| {
        coordinate(cell, "longitude", 180.0)
    });
    cells.read(Field::Stance, &mut actor.stance, |cell| {
        vocabularies.stances.id(cell).map(str::to_owned)
    });
    cells.read(Field::Weights, &mut actor.weights, |cell| {
        parse_weights(&vocabularies.weight_kinds, cell)
    });
    cells.read(Field::Groups, &mut actor.groups, |cell| {
        let (groups, problems): (Vec<_>, Vec<_>) = list_items(cell)
            .map(|item| vocabularies.groups.id(item).map(str::to_owned))
            .partition(Result::is_ok);
        if problems.is_empty() {
            Ok(groups.into_iter().flatten().collect())
        } else {
            Err(joined(problems.into_iter().filter_map(Result::err)))
        }
    });
    cells.read(Field::StanceReason, &mut actor.stance_reason, |cell| {
        Ok(cell.to_owned())
    });
    cells.read(Field::Notes, &mut actor.notes, |cell| Ok(cell.to_owned()));
    (actor, index)
}

const KINDS: [ActorKind; 4] = ActorKind::ALL;

/// The kind's name in the file format, as the export writes it.
fn kind_id(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::State => "state",
        ActorKind::Organisation => "organisation",
        ActorKind::ArmedGroup => "armed_group",
        ActorKind::PoliticalBody => "political_body",
    }
}

fn parse_kind(cell: &str) -> Result<ActorKind, String> {
    match cell.to_lowercase().as_str() {
        "" | "state" => Ok(ActorKind::State),
        "organisation" | "organization" => Ok(ActorKind::Organisation),
        "armed_group" | "armed group" => Ok(ActorKind::ArmedGroup),
        "political_body" | "political body" => Ok(ActorKind::PoliticalBody),
        folded => KINDS
            .into_iter()
            .find(|k| k.label().to_lowercase() == folded)
            .ok_or_else(|| {
                format!("\"{cell}\" is not a kind; use state, organisation, armed_group or political_body")
            }),
    }
}

/// A latitude (`limit` 90) or longitude (`limit` 180) in degrees.
fn coordinate(cell: &str, what: &str, limit: f64) -> Result<f64, String> {
    if cell.is_empty() {
        return Err(format!("the {what} is empty"));
    }
    let value: f64 = cell
        .parse()
        .map_err(|_| format!("\"{cell}\" is not a number"))?;
    if (-limit..=limit).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{what} {value} is outside -{limit} to {limit}"))
    }
}

/// `kind=number` pairs separated by `;`; a kind is an id or a label.
fn parse_weights(kinds: &Vocabulary, cell: &str) -> Result<BTreeMap<String, f64>, String> {
    let mut weights = BTreeMap::new();
    let mut problems = Vec::new();
    for item in list_items(cell) {
        let Some((kind, value)) = item.split_once('=') else {
            problems.push(format!("\"{item}\" is not of the form kind=number"));
            continue;
        };
        let value = value.trim();
        let number = value
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("\"{value}\" is not a number"));
        match (kinds.id(kind.trim()), number) {
            (Ok(kind), Ok(number)) => {
                if weights.insert(kind.to_owned(), number).is_some() {
                    problems.push(format!("the weight {kind} is given twice"));
                }
            }
            (kind, number) => problems.extend(kind.err().into_iter().chain(number.err())),
        }
    }
    if problems.is_empty() {
        Ok(weights)
    } else {
        Err(joined(problems))
    }
}

/// The non-empty items of a `;`-separated list, trimmed.
fn list_items(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

fn joined(problems: impl IntoIterator<Item = String>) -> String {
    problems.into_iter().collect::<Vec<_>>().join("; ")
}

/// The scenario's actors after importing the good rows of `import`: updates
/// in place, new actors appended in file order. An update whose index is out
/// of range (a preview of other actors) is skipped.
pub fn apply_actor_import(actors: &[Actor], import: &ActorImport) -> Vec<Actor> {
    let mut result = actors.to_vec();
    for row in &import.rows {
        match row.action {
            RowAction::Add => result.push(row.actor.clone()),
            RowAction::Update { index } => {
                if let Some(actor) = result.get_mut(index) {
                    actor.clone_from(&row.actor);
                }
            }
        }
    }
    result
}
