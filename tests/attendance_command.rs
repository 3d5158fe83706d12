//! `coalition-map attendance`, run as a real process.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use std::process::Command;

fn attendance(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_coalition-map"))
        .arg("attendance")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = attendance(args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).expect("valid JSON")
}

fn ids(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("an id").to_owned())
        .collect()
}

#[test]
fn as_it_happened_all_29_participants_attend() {
    let report = json(&["--json"]);
    let attending = ids(&report["attending"]);
    assert_eq!(attending.len(), 29);
    let mut sorted = attending.clone();
    sorted.sort();
    assert_eq!(attending, sorted, "ids are sorted");
    assert_eq!(report["absent"].as_array().map(Vec::len), Some(0));
    assert!(ids(&report["not_invited"]).contains(&"IRN".to_owned()));
}

#[test]
fn inviting_iran_keeps_saudi_arabia_and_the_uae_away_because_of_iran() {
    let report = json(&["--invite", "IRN", "--json"]);
    let absent = report["absent"].as_array().expect("absent list");
    let absent_ids: Vec<&str> = absent
        .iter()
        .map(|a| a["id"].as_str().expect("id"))
        .collect();
    assert_eq!(absent_ids, vec!["ARE", "SAU"]);
    for entry in absent {
        assert_eq!(ids(&entry["because_of"]), vec!["IRN".to_owned()]);
        assert!(
            entry["reason"]
                .as_str()
                .expect("reason")
                .contains("will not attend if Iran attends")
        );
        assert!(
            entry["source"]
                .as_str()
                .expect("source")
                .contains("New York Times"),
            "{entry}"
        );
    }
    assert!(ids(&report["attending"]).contains(&"IRN".to_owned()));
    assert_eq!(report["conflicts"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_named_scenario_and_uninvitations_apply() {
    let report = json(&["--scenario", "Iran invited", "--uninvite", "IRN", "--json"]);
    assert_eq!(report["scenario"], "Iran invited");
    assert_eq!(ids(&report["attending"]).len(), 29);
    let (code, stdout, _) = attendance(&["--scenario", "without-the-gulf-states"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Attending (23)"), "{stdout}");
}

#[test]
fn unknown_names_are_errors_that_list_what_exists() {
    let (code, _, stderr) = attendance(&["--scenario", "Mars invited"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("As it happened"), "{stderr}");
    let (code, _, stderr) = attendance(&["--invite", "ATLANTIS"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no actor \"ATLANTIS\""), "{stderr}");
}
