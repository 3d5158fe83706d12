//! Scenario files: every scenario in assets/ survives save and load
//! unchanged, saving is atomic, bad input gets a clear message, and the JSON
//! Schema in assets/ matches the Rust types.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use std::path::{Path, PathBuf};

use coalition_core::io::{
    LoadError, load_scenario, save_scenario, scenario_from_bytes, scenario_to_string,
    temporary_path,
};

fn assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets")
}

fn scenario_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(assets().join("scenarios"))
        .expect("assets/scenarios")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "coalition"))
        .collect();
    files.sort();
    files
}

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("coalition-map-files-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// `UPDATE_SCENARIOS=1 cargo test --test files` rewrites the assets in the saved form.
#[test]
fn every_scenario_in_assets_is_stored_in_the_saved_form_and_survives_a_round_trip() {
    let files = scenario_files();
    assert!(!files.is_empty());
    for path in files {
        let scenario = load_scenario(&path).expect("loads");
        let text = scenario_to_string(&scenario).expect("serialises");
        if std::env::var_os("UPDATE_SCENARIOS").is_some() {
            std::fs::write(&path, &text).expect("rewrite");
        }
        let on_disk = std::fs::read_to_string(&path).expect("reads");
        assert_eq!(
            on_disk,
            text,
            "{} is not in the saved form; run UPDATE_SCENARIOS=1 cargo test --test files",
            path.display()
        );
        let dir = temp_dir("roundtrip");
        let copy = dir.join("copy.coalition");
        save_scenario(&copy, &scenario).expect("saves");
        assert_eq!(
            load_scenario(&copy).expect("reloads"),
            scenario,
            "{}",
            path.display()
        );
        assert_eq!(std::fs::read_to_string(&copy).expect("reads"), text);
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[test]
fn a_save_that_fails_part_way_leaves_the_original_file_intact() {
    let dir = temp_dir("failed-save");
    let path = dir.join("scenario.coalition");
    let original = coalition_core::io::paris_2014().expect("loads");
    save_scenario(&path, &original).expect("first save");
    let before = std::fs::read(&path).expect("reads");
    // Make the temporary file impossible to create: a folder stands in its place.
    std::fs::create_dir_all(temporary_path(&path)).expect("blocker");
    let mut changed = original.clone();
    changed.title = "Changed".into();
    let err = save_scenario(&path, &changed).expect_err("the save cannot write its temporary file");
    assert!(err.to_string().contains("scenario.coalition"), "{err}");
    assert_eq!(
        std::fs::read(&path).expect("reads"),
        before,
        "the original is untouched"
    );
    // A save into a folder that does not exist fails cleanly too.
    assert!(save_scenario(&dir.join("missing/x.coalition"), &changed).is_err());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_successful_save_leaves_no_temporary_file_behind() {
    let dir = temp_dir("clean-save");
    let path = dir.join("scenario.coalition");
    save_scenario(&path, &coalition_core::io::paris_2014().expect("loads")).expect("saves");
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["scenario.coalition".to_owned()]);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn each_bad_input_gets_its_own_clear_message() {
    let good = coalition_core::io::PARIS_2014;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "not JSON",
            b"this is not json".to_vec(),
            "line 1, column 2: not valid JSON",
        ),
        (
            "truncated",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "ends too early",
        ),
        (
            "wrong types",
            good.replacen("\"title\": \"", "\"title\": 7, \"x\": \"", 1)
                .into_bytes(),
            "invalid type: integer `7`",
        ),
        (
            "not UTF-8",
            b"{\"format\": 1, \"title\": \"\xc3\x28\"}".to_vec(),
            "not UTF-8 text",
        ),
        (
            "newer format",
            good.replacen(
                &format!("\"format\": {},", coalition_core::model::FORMAT_VERSION),
                &format!("\"format\": {},", coalition_core::model::FORMAT_VERSION + 5),
                1,
            )
            .into_bytes(),
            "made by a newer version",
        ),
        (
            "no format",
            b"{\"title\": \"x\"}".to_vec(),
            "no \"format\" field",
        ),
        ("empty", Vec::new(), "EOF while parsing"),
    ];
    for (what, bytes, expected) in cases {
        let err = scenario_from_bytes(&bytes).expect_err(what);
        assert!(err.to_string().contains(expected), "{what}: {err}");
    }
    // A BOM and CRLF line ends are fine.
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend(good.replace('\n', "\r\n").bytes());
    assert!(scenario_from_bytes(&bom).is_ok());
}

#[test]
fn files_over_the_size_limit_are_refused_before_reading() {
    let dir = temp_dir("huge");
    let path = dir.join("huge.coalition");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(coalition_core::io::MAX_FILE_BYTES + 1)
        .expect("sparse file");
    let err = load_scenario(&path).expect_err("too large");
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("limited to"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

/// `UPDATE_SCHEMA=1 cargo test --test scenario_files` rewrites the schema after a change to the types.
#[test]
fn the_json_schema_in_assets_matches_the_types() {
    let schema = schemars::schema_for!(coalition_core::model::Scenario);
    let text = serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n";
    let path = assets().join("schema/coalition.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("schema dir");
        std::fs::write(&path, &text).expect("write schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        committed, text,
        "assets/schema/coalition.schema.json is stale: run UPDATE_SCHEMA=1 cargo test --test scenario_files"
    );
}

/// A file of each earlier format (`tests/fixtures/format-N.coalition`, as
/// the app of that format saved it) migrates, saves as the committed
/// `format-N-saved.coalition` in today's format, and reads back with nothing
/// to migrate. `UPDATE_FIXTURES=1 cargo test --test scenario_files` writes
/// the saved fixtures after a new migration step (look at the difference).
#[test]
fn a_file_of_each_earlier_format_migrates_and_saves_as_the_committed_fixture() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let current = coalition_core::model::FORMAT_VERSION;
    for version in 1..current {
        let path = fixtures.join(format!("format-{version}.coalition"));
        let old = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("a fixture for format {version}: {}: {e}", path.display()));
        assert!(
            old.contains(&format!("\"format\": {version},")),
            "{} is a format-{version} file",
            path.display()
        );
        let loaded = coalition_core::io::parse(&old).expect("an earlier format loads");
        assert_eq!(loaded.migrated_from, Some(version));
        assert_eq!(loaded.scenario.format, current);
        let saved = coalition_core::io::scenario_to_string(&loaded.scenario).expect("saves");
        let expected_path = fixtures.join(format!("format-{version}-saved.coalition"));
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::write(&expected_path, &saved).expect("write fixture");
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        assert_eq!(
            saved,
            expected,
            "the migrated file differs from {}",
            expected_path.display()
        );
        // Saved again, it reads as the current format with nothing to migrate.
        let again = coalition_core::io::parse(&saved).expect("reads back");
        assert_eq!(again.migrated_from, None);
        assert_eq!(again.scenario, loaded.scenario);
    }
}
