//! The actor import: kinds, coordinates, vocabularies, lists, updates, row
//! numbers and file-level problems.

use super::*;
use crate::model::{GeoPos, Group, StanceCategory, WeightKind};

fn scenario() -> Scenario {
    let stance = |id: &str, label: &str| StanceCategory {
        id: id.into(),
        label: label.into(),
        ..StanceCategory::default()
    };
    let weight = |id: &str, label: &str| WeightKind {
        id: id.into(),
        label: label.into(),
        ..WeightKind::default()
    };
    let group = |id: &str, label: &str| Group {
        id: id.into(),
        label: label.into(),
    };
    Scenario {
        stance_scale: vec![stance("for", "In favour"), stance("against", "Against")],
        weight_kinds: vec![
            weight("military", "Military"),
            weight("influence", "Influence"),
        ],
        groups: vec![group("P5", "Permanent five"), group("EU", "European Union")],
        actors: vec![Actor {
            id: "FRA".into(),
            name: "France".into(),
            kind: ActorKind::State,
            position: GeoPos {
                lat: 48.86,
                lon: 2.35,
            },
            map_position: Some(GeoPos {
                lat: 47.0,
                lon: 2.0,
            }),
            stance: "for".into(),
            stance_reason: "Struck in Iraq.".into(),
            weights: BTreeMap::from([("military".into(), 2.0)]),
            groups: vec!["P5".into(), "EU".into()],
            notes: "Host.".into(),
            sources: vec!["s1".into()],
        }],
        ..Scenario::default()
    }
}

fn preview(text: &str) -> ActorImport {
    preview_actor_import(&scenario(), text.as_bytes()).expect("a table")
}

/// Each error as (row, column, message).
fn errors(import: &ActorImport) -> Vec<(usize, &str, &str)> {
    import
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str(), e.message.as_str()))
        .collect()
}

#[test]
fn kinds_are_read_in_every_spelling() {
    for (cell, kind) in [
        ("", ActorKind::State),
        ("STATE", ActorKind::State),
        ("organization", ActorKind::Organisation),
        ("Organisation", ActorKind::Organisation),
        ("international organisation", ActorKind::Organisation),
        ("armed group", ActorKind::ArmedGroup),
        ("Armed_Group", ActorKind::ArmedGroup),
        ("Non-state armed group", ActorKind::ArmedGroup),
    ] {
        assert_eq!(parse_kind(cell), Ok(kind), "{cell:?}");
    }
    let err = parse_kind("rebels").expect_err("not a kind");
    assert!(err.contains("\"rebels\" is not a kind"), "{err}");
}

#[test]
fn coordinates_must_be_numbers_within_range() {
    assert_eq!(coordinate("-180", "longitude", 180.0), Ok(-180.0));
    assert_eq!(
        coordinate("95", "latitude", 90.0),
        Err("latitude 95 is outside -90 to 90".to_owned())
    );
    assert_eq!(
        coordinate("abc", "latitude", 90.0),
        Err("\"abc\" is not a number".to_owned())
    );
    assert_eq!(
        coordinate("", "latitude", 90.0),
        Err("the latitude is empty".to_owned())
    );
    assert!(coordinate("NaN", "latitude", 90.0).is_err());
    assert!(coordinate("inf", "longitude", 180.0).is_err());
}

#[test]
fn stances_weights_and_groups_are_read_by_id_or_label() {
    let import = preview(
        "id,name,lat,lon,stance,weights,groups\n\
         GBR,United Kingdom,51.5,-0.12,in FAVOUR,military=3; Influence = 2.5;,p5; European Union\n",
    );
    assert_eq!(errors(&import), []);
    let actor = &import.rows[0].actor;
    assert_eq!(actor.stance, "for");
    assert_eq!(
        actor.weights,
        BTreeMap::from([("influence".into(), 2.5), ("military".into(), 3.0)])
    );
    assert_eq!(actor.groups, ["P5", "EU"]);
}

#[test]
fn every_bad_item_of_a_list_is_reported_in_its_cell() {
    let import = preview(
        "id,name,lat,lon,stance,weights,groups\n\
         GBR,United Kingdom,51.5,-0.12,for,military=lots; navy=2; influence,P5; NATO\n\
         DEU,Germany,52.5,13.4,for,military=1; Military=2,\n",
    );
    assert_eq!(
        errors(&import),
        [
            (
                2,
                "weights",
                "\"lots\" is not a number; \"navy\" is not a weight kind; known: military, \
                 influence; \"influence\" is not of the form kind=number"
            ),
            (2, "groups", "\"NATO\" is not a group; known: P5, EU"),
            (3, "weights", "the weight military is given twice"),
        ]
    );
    assert!(import.rows.is_empty());
}

#[test]
fn an_update_keeps_what_the_table_has_no_column_for() {
    let import = preview(
        "id,name,lat,lon,stance,notes\n\
         FRA,French Republic,48.86,2.35,against,\n\
         ITA,Italy,41.9,12.5,for,Not at Paris.\n",
    );
    assert_eq!(errors(&import), []);
    let original = &scenario().actors[0];
    let update = &import.rows[0];
    assert_eq!(update.action, RowAction::Update { index: 0 });
    assert_eq!(
        update.actor,
        Actor {
            name: "French Republic".into(),
            stance: "against".into(),
            notes: String::new(),
            ..original.clone()
        }
    );
    let add = &import.rows[1];
    assert_eq!(add.action, RowAction::Add);
    assert_eq!(
        add.actor,
        Actor {
            id: "ITA".into(),
            name: "Italy".into(),
            position: GeoPos {
                lat: 41.9,
                lon: 12.5
            },
            stance: "for".into(),
            notes: "Not at Paris.".into(),
            ..Actor::default()
        }
    );
}

#[test]
fn ids_must_be_present_and_unique_and_names_present() {
    let import = preview(
        "id,name,lat,lon,stance\n\
         AAA,Alpha,1,1,for\n\
         ,Beta,1,1,for\n\
         AAA,Again,1,1,for\n\
         CCC, ,1,1,for\n",
    );
    assert_eq!(
        errors(&import),
        [
            (3, "id", "the id is empty"),
            (4, "id", "the id AAA is already on row 2"),
            (5, "name", "the name is empty"),
        ]
    );
    assert_eq!(import.rows.len(), 1);
}

#[test]
fn rows_are_numbered_as_a_spreadsheet_shows_them() {
    let lf = "id,name,lat,lon,stance\n\nAAA,\"Two\nlines\",1,1,for\nBBB,,1,1,for\n\n\nCCC,Cee,1,1,nope\n";
    for text in [
        lf.to_owned(),
        lf.replace('\n', "\r\n"),
        lf.replace('\n', "\r"),
    ] {
        let import = preview(&text);
        assert_eq!(import.rows[0].row, 3, "{text:?}");
        let rows: Vec<usize> = import.errors.iter().map(|e| e.row).collect();
        assert_eq!(rows, [4, 7], "{text:?}");
    }
}

#[test]
fn blank_rows_and_unnamed_columns_are_skipped_and_unknown_columns_listed() {
    let import = preview(
        "id,name,lat,lon,stance, Colour ,,\n\
         AAA,Alpha,1,2,for,red,,\n\
         ,,, ,,,,\n",
    );
    assert_eq!(errors(&import), []);
    assert_eq!(import.rows.len(), 1);
    assert_eq!(import.ignored_columns, ["Colour"]);
}

#[test]
fn file_level_problems_are_table_errors() {
    for empty in ["", "\r\n\n"] {
        let err = preview_actor_import(&scenario(), empty.as_bytes()).expect_err("empty");
        assert!(matches!(err, TableError::NoHeader), "{err}");
    }
    let err =
        preview_actor_import(&scenario(), b"id,name,lat,lon,stance,NAME\n").expect_err("twice");
    assert!(
        matches!(&err, TableError::DuplicateColumn { column } if column == "NAME"),
        "{err}"
    );
}

#[test]
fn apply_updates_in_place_and_appends_in_file_order() {
    let actors = scenario().actors;
    let actor = |id: &str| Actor {
        id: id.into(),
        ..Actor::default()
    };
    let row = |actor, action| ImportRow {
        row: 2,
        actor,
        action,
    };
    let import = ActorImport {
        rows: vec![
            row(actor("B"), RowAction::Add),
            row(actor("FRA"), RowAction::Update { index: 0 }),
            row(actor("A"), RowAction::Add),
            row(actor("X"), RowAction::Update { index: 7 }),
        ],
        ..ActorImport::default()
    };
    let after = apply_actor_import(&actors, &import);
    assert_eq!(after, [actor("FRA"), actor("B"), actor("A")]);
}

#[test]
fn a_row_error_reads_row_column_message() {
    let error = RowError {
        row: 3,
        column: "lat".into(),
        message: "latitude 95 is outside -90 to 90".into(),
    };
    assert_eq!(
        error.to_string(),
        "row 3, column lat: latitude 95 is outside -90 to 90"
    );
}
