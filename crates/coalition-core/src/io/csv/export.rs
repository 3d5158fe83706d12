//! The actor, relation and quote tables exported for a spreadsheet. The
//! actor table is in the form the import reads.

use super::{FIELDS, Field, kind_id};
use crate::model::{QuoteKind, Scenario, Source};

/// The actors as CSV, with the columns
/// `id,name,kind,lat,lon,stance,weights,groups,stance_reason,notes`, in the
/// form [`preview_actor_import`] reads.
pub fn export_actors_csv(scenario: &Scenario) -> String {
    to_csv(
        FIELDS.map(Field::name),
        scenario.actors.iter().map(|a| {
            let weights: Vec<String> = a.weights.iter().map(|(k, v)| format!("{k}={v}")).collect();
            [
                a.id.clone(),
                a.name.clone(),
                kind_id(a.kind).to_owned(),
                a.position.lat.to_string(),
                a.position.lon.to_string(),
                a.stance.clone(),
                weights.join("; "),
                a.groups.join("; "),
                a.stance_reason.clone(),
                a.notes.clone(),
            ]
        }),
    )
}

/// The relations as CSV, with the columns
/// `from,to,kind,directed,label,date,sources` (source ids joined with `; `).
pub fn export_relations_csv(scenario: &Scenario) -> String {
    to_csv(
        ["from", "to", "kind", "directed", "label", "date", "sources"],
        scenario.relations.iter().map(|r| {
            [
                r.from.clone(),
                r.to.clone(),
                r.kind.clone(),
                r.directed.to_string(),
                r.label.clone(),
                r.date.clone(),
                r.sources.join("; "),
            ]
        }),
    )
}

/// The quotes as CSV, with the columns
/// `id,speaker,role,actor,text,kind,date,source,citation,context,variant_of`;
/// the citation is the source's full citation, empty if there is no such source.
pub fn export_quotes_csv(scenario: &Scenario) -> String {
    to_csv(
        [
            "id",
            "speaker",
            "role",
            "actor",
            "text",
            "kind",
            "date",
            "source",
            "citation",
            "context",
            "variant_of",
        ],
        scenario.quotes.iter().map(|q| {
            [
                q.id.clone(),
                q.speaker.clone(),
                q.role.clone(),
                q.actor.clone().unwrap_or_default(),
                q.text.clone(),
                match q.kind {
                    QuoteKind::Verbatim => "verbatim",
                    QuoteKind::Paraphrase => "paraphrase",
                }
                .to_owned(),
                q.date.clone(),
                q.source.clone(),
                scenario
                    .source(&q.source)
                    .map(Source::full_citation)
                    .unwrap_or_default(),
                q.context.clone(),
                q.variant_of.clone().unwrap_or_default(),
            ]
        }),
    )
}

/// The header and records as CSV text.
fn to_csv<const N: usize>(header: [&str; N], records: impl Iterator<Item = [String; N]>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail, and every record is as wide as the header.
    let _ = writer.write_record(header);
    for record in records {
        let _ = writer.write_record(&record);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The tables a scenario exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Actors,
    Relations,
    Quotes,
}

impl Table {
    /// What the table lists: "actors".
    pub fn noun(self) -> &'static str {
        match self {
            Self::Actors => "actors",
            Self::Relations => "relations",
            Self::Quotes => "quotes",
        }
    }

    /// The table as CSV.
    pub fn export(self, scenario: &Scenario) -> String {
        match self {
            Self::Actors => export_actors_csv(scenario),
            Self::Relations => export_relations_csv(scenario),
            Self::Quotes => export_quotes_csv(scenario),
        }
    }
}
