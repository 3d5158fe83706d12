//! CSV tables against the built-in Paris 2014 scenario: actor import finds
//! every bad cell at its row and column and previews the good rows; the
//! actor export imports back to the same actors; the relation and quote
//! exports are well-formed CSV with one record each.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use coalition_core::io::csv::{
    ActorImport, RowAction, RowError, TableError, apply_actor_import, export_actors_csv,
    export_quotes_csv, export_relations_csv, preview_actor_import,
};
use coalition_core::io::paris_2014;
use coalition_core::model::{ActorKind, GeoPos, Scenario};
use proptest::prelude::*;

fn paris() -> Scenario {
    paris_2014().expect("the built-in scenario parses")
}

fn preview(text: &str) -> ActorImport {
    preview_actor_import(&paris(), text.as_bytes()).expect("a table")
}

fn ids(import: &ActorImport) -> Vec<(usize, &str)> {
    import
        .rows
        .iter()
        .map(|r| (r.row, r.actor.id.as_str()))
        .collect()
}

fn error(row: usize, column: &str, message: &str) -> RowError {
    RowError {
        row,
        column: column.into(),
        message: message.into(),
    }
}

/// Header and records of a CSV text, read with the csv crate.
fn parse(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let records = reader
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_owned).collect())
        .collect();
    (header, records)
}

#[test]
fn columns_may_come_in_any_order_and_case() {
    let ordered = preview(
        "id,name,kind,lat,lon,stance,weights,groups\n\
         TST,Testland,organisation,20.25,10.5,support,un_veto=1,P5\n",
    );
    let shuffled = preview(
        "stance, LON ,groups,Name,lat,weights,ID,Kind\n\
         support,10.5,P5,Testland,20.25,un_veto=1,TST,organisation\n",
    );
    assert_eq!(shuffled, ordered);
    assert_eq!(shuffled.errors, []);
    let row = &shuffled.rows[0];
    assert_eq!(row.action, RowAction::Add);
    assert_eq!(row.actor.kind, ActorKind::Organisation);
    assert_eq!(
        row.actor.position,
        GeoPos {
            lat: 20.25,
            lon: 10.5
        }
    );
    assert_eq!(row.actor.weights.get("un_veto"), Some(&1.0));
    assert_eq!(row.actor.groups, ["P5"]);
}

#[test]
fn bad_rows_are_reported_by_row_and_column_and_good_rows_still_previewed() {
    let import = preview(
        "id,name,lat,lon,stance\n\
         AAA,Alpha,10,20,support\n\
         BBB,Beta,95,20,support\n\
         CCC,Gamma,10,20,neutral\n\
         DDD,Delta,-10,-20,Opposed to the coalition\n",
    );
    assert_eq!(ids(&import), [(2, "AAA"), (5, "DDD")]);
    assert_eq!(import.errors.len(), 2, "{:#?}", import.errors);
    assert_eq!(
        import.errors[0],
        error(3, "lat", "latitude 95 is outside -90 to 90")
    );
    let stance = &import.errors[1];
    assert_eq!((stance.row, stance.column.as_str()), (4, "stance"));
    assert!(
        stance
            .message
            .starts_with("\"neutral\" is not a stance; known: strikes_syria"),
        "{stance}"
    );
    assert_eq!(import.rows[1].actor.stance, "opposed");
}

#[test]
fn every_bad_cell_of_a_row_is_reported() {
    let import = preview("id,name,lat,lon,stance\nEEE,Epsilon,abc,200,support\n");
    assert_eq!(
        import.errors,
        [
            error(2, "lat", "\"abc\" is not a number"),
            error(2, "lon", "longitude 200 is outside -180 to 180"),
        ]
    );
    assert_eq!(import.rows, []);
}

#[test]
fn a_missing_required_column_is_named() {
    let err = preview_actor_import(&paris(), b"id,name,latitude,lon\nAAA,Alpha,1,2\n")
        .expect_err("no lat or stance");
    let TableError::MissingColumns { columns } = &err else {
        panic!("expected missing columns, got {err}");
    };
    assert_eq!(columns, &["lat", "stance"]);
    assert!(
        err.to_string()
            .contains("missing required column(s): lat, stance"),
        "{err}"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let import = preview("\u{feff}id,name,lat,lon,stance\nAAA,Alpha,1,2,support\n");
    assert_eq!(import.errors, []);
    assert_eq!(import.ignored_columns, Vec::<String>::new());
    assert_eq!(ids(&import), [(2, "AAA")]);
}

#[test]
fn quoted_fields_keep_commas_quotes_and_newlines() {
    let import = preview(
        "id,name,lat,lon,stance,notes\n\
         AAA,\"Alpha, \"\"the first\"\"\",1,2,support,\"Line one\r\nLine two, with a comma\"\n\
         BBB,Beta,1,2,nope,\n",
    );
    let actor = &import.rows[0].actor;
    assert_eq!(actor.name, "Alpha, \"the first\"");
    assert_eq!(actor.notes, "Line one\r\nLine two, with a comma");
    // The two-line record is one spreadsheet row.
    assert_eq!(
        (import.errors[0].row, import.errors[0].column.as_str()),
        (3, "stance")
    );
}

#[test]
fn bytes_that_are_not_utf8_are_refused_with_the_offset() {
    let err = preview_actor_import(
        &paris(),
        b"id,name,lat,lon,stance\nAAA,Caf\xe9,1,2,support\n",
    )
    .expect_err("Latin-1");
    assert!(matches!(err, TableError::NotUtf8 { offset: 30 }), "{err}");
    assert!(err.to_string().contains("offset 30"), "{err}");
}

#[test]
fn a_short_row_is_one_error_for_the_row() {
    let import = preview("id,name,lat,lon,stance\nAAA,Alpha,1\nBBB,Beta,1,2,support\n");
    assert_eq!(
        import.errors,
        [error(2, "(row)", "the row has 3 cells; the header has 5")]
    );
    assert_eq!(ids(&import), [(3, "BBB")]);
}

#[test]
fn an_existing_id_updates_that_actor_keeping_its_other_fields() {
    let s = paris();
    let index = s.actor_index("USA").expect("the US is in the scenario");
    let import =
        preview("id,name,lat,lon,stance\nUSA,United States of America,38.9,-77.01,support\n");
    assert_eq!(import.rows[0].action, RowAction::Update { index });
    let updated = &import.rows[0].actor;
    let original = &s.actors[index];
    assert_eq!(updated.name, "United States of America");
    assert_eq!(updated.stance, "support");
    assert_eq!(updated.sources, original.sources);
    assert_eq!(updated.notes, original.notes);
    assert_eq!(updated.weights, original.weights);
    assert_eq!(updated.groups, original.groups);

    let after = apply_actor_import(&s.actors, &import);
    assert_eq!(after.len(), s.actors.len());
    assert_eq!(&after[index], updated);
    assert_eq!(after[index + 1..], s.actors[index + 1..]);
}

#[test]
fn exported_actors_import_back_to_the_same_actors() {
    let s = paris();
    let text = export_actors_csv(&s);
    let (header, records) = parse(&text);
    assert_eq!(
        header,
        [
            "id",
            "name",
            "kind",
            "lat",
            "lon",
            "stance",
            "weights",
            "groups",
            "stance_reason",
            "notes"
        ]
    );
    assert_eq!(records.len(), s.actors.len());

    let import = preview_actor_import(&s, text.as_bytes()).expect("a table");
    assert_eq!(import.errors, []);
    assert_eq!(import.ignored_columns, Vec::<String>::new());
    let actions: Vec<RowAction> = import.rows.iter().map(|r| r.action).collect();
    let updates: Vec<RowAction> = (0..s.actors.len())
        .map(|index| RowAction::Update { index })
        .collect();
    assert_eq!(actions, updates);
    assert_eq!(apply_actor_import(&s.actors, &import), s.actors);

    // Into a scenario without actors every field must come from the file.
    let empty = Scenario {
        actors: Vec::new(),
        ..s.clone()
    };
    let import = preview_actor_import(&empty, text.as_bytes()).expect("a table");
    assert!(import.rows.iter().all(|r| r.action == RowAction::Add));
    let without_sources: Vec<_> = s
        .actors
        .iter()
        .map(|a| coalition_core::model::Actor {
            sources: Vec::new(),
            map_position: None,
            ..a.clone()
        })
        .collect();
    assert_eq!(apply_actor_import(&[], &import), without_sources);
}

#[test]
fn relations_export_one_record_each() {
    let s = paris();
    let (header, records) = parse(&export_relations_csv(&s));
    assert_eq!(
        header,
        ["from", "to", "kind", "directed", "label", "date", "sources"]
    );
    assert_eq!(records.len(), s.relations.len());
    for (record, relation) in records.iter().zip(&s.relations) {
        assert_eq!(record[0], relation.from);
        assert_eq!(record[1], relation.to);
        assert_eq!(record[2], relation.kind);
        assert_eq!(record[3], relation.directed.to_string());
        assert_eq!(record[4], relation.label);
        assert_eq!(record[6], relation.sources.join("; "));
    }
}

#[test]
fn quotes_export_one_record_each_with_the_full_citation() {
    let s = paris();
    let (header, records) = parse(&export_quotes_csv(&s));
    assert_eq!(
        header,
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
            "variant_of"
        ]
    );
    assert_eq!(records.len(), s.quotes.len());
    for (record, quote) in records.iter().zip(&s.quotes) {
        assert_eq!(record[0], quote.id);
        assert_eq!(record[3], quote.actor.clone().unwrap_or_default());
        assert_eq!(record[4], quote.text);
        let source = s.source(&quote.source).expect("every quote has a source");
        assert_eq!(record[8], source.full_citation());
        assert_eq!(record[10], quote.variant_of.clone().unwrap_or_default());
    }
}

proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = preview_actor_import(&paris(), &bytes);
    }

    #[test]
    fn random_rows_never_panic_and_are_numbered_in_order(
        body in "[A-Za-z0-9 ,;=\"\r\n.\u{e9}-]{0,400}"
    ) {
        let text = format!("id,name,kind,lat,lon,stance,weights,groups,notes\n{body}");
        let import = preview(&text);
        let mut rows: Vec<usize> = import.rows.iter().map(|r| r.row).collect();
        rows.extend(import.errors.iter().map(|e| e.row));
        prop_assert!(rows.iter().all(|&row| row >= 2), "{rows:?}");
        let good: Vec<usize> = import.rows.iter().map(|r| r.row).collect();
        prop_assert!(good.windows(2).all(|w| w[0] < w[1]), "{good:?}");
    }
}
