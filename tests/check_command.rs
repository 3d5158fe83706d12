//! `coalition-map check`, run as a real process.
#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use std::process::Command;

fn check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_coalition-map"))
        .arg("check")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_file(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("coalition-map-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write");
    path
}

#[test]
fn the_built_in_scenario_checks_clean() {
    let (code, stdout, _) = check(&[]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("no problems (34 actors"), "{stdout}");
}

#[test]
fn problems_are_printed_one_per_line_and_exit_non_zero() {
    let scenario = coalition_core::io::PARIS_2014
        .replacen("\"stance\": \"strikes_iraq\"", "\"stance\": \"keen\"", 1)
        .replacen("\"actor\": \"IRN\"", "\"actor\": \"IRAN\"", 1);
    let path = temp_file("problems.coalition", &scenario);
    let (code, stdout, stderr) = check(&[path.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    // Each at its line in the file, the item named by its id: the first
    // actor striking in Iraq is the United States.
    let stance_line = scenario
        .lines()
        .position(|l| l.contains("\"stance\": \"keen\""))
        .expect("the changed line")
        + 1;
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("line {stance_line}, column "))
                && l.contains(": actors[0] (USA).stance: ")
                && l.ends_with("is not on the stance scale")),
        "{stdout}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("line ")
            && l.contains(": quotes[")
            && l.ends_with(".actor: no actor \"IRAN\"")),
        "{stdout}"
    );
    assert!(stderr.contains("2 problem(s)"));
}

#[test]
fn an_unreadable_file_exits_2_with_line_and_column() {
    let path = temp_file("broken.coalition", "{\"format\": 1,\n \"title\": ]");
    let (code, _, stderr) = check(&[path.to_str().expect("utf-8 path")]);
    assert_eq!(code, 2);
    assert!(stderr.contains("line 2, column 11"), "{stderr}");
    let (code, _, stderr) = check(&["/no/such/file.coalition"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("/no/such/file.coalition"), "{stderr}");
}

#[test]
fn a_file_of_an_older_format_is_checked_and_said_to_be_migrated() {
    // The core's fixtures: a file of each earlier format, as that app saved it.
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/coalition-core/tests/fixtures");
    let current = coalition_core::model::FORMAT_VERSION;
    for version in 1..current {
        let path = fixtures.join(format!("format-{version}.coalition"));
        let (code, stdout, stderr) = check(&[path.to_str().expect("utf-8 path")]);
        assert_eq!(code, 0, "{stderr}");
        assert!(
            stdout.contains(&format!("format {version}, migrated to format {current}")),
            "{stdout}"
        );
    }
    let (_, current, _) = check(&[]);
    assert!(!current.contains("migrated"), "{current}");
}

#[test]
fn a_capital_written_as_lon_lat_is_a_warning_that_names_it_and_the_file_stays_sound() {
    let scenario = coalition_core::io::PARIS_2014.replacen(
        "\"lat\": 33.34,\n        \"lon\": 44.39",
        "\"lat\": 44.39,\n        \"lon\": 33.34",
        1,
    );
    assert_ne!(
        scenario,
        coalition_core::io::PARIS_2014,
        "Baghdad's position is in the file"
    );
    let path = temp_file("backwards.coalition", &scenario);
    let (code, stdout, _) = check(&[path.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0, "a warning is not a problem: {stdout}");
    let warnings: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect();
    assert_eq!(warnings.len(), 1, "{stdout}");
    assert!(
        warnings[0].contains(".position: lat 44.39, lon 33.34"),
        "{stdout}"
    );
    assert!(
        warnings[0].contains("Iraq") && warnings[0].contains("[lon, lat]"),
        "{stdout}"
    );
}
