//! The command line as a user meets it, run as a real process: help for
//! every subcommand, clap's refusal of an unknown flag, shell completions.
#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_coalition-map"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_subcommand_answers_help_both_ways_with_its_usage() {
    for command in [
        "check",
        "attendance",
        "decide",
        "export",
        "generate",
        "timeline",
        "completions",
    ] {
        for args in [vec![command, "--help"], vec!["help", command]] {
            let (code, stdout, stderr) = run(&args);
            assert_eq!(code, 0, "{args:?}: {stderr}");
            assert!(
                stdout.contains(&format!("Usage: coalition-map {command}")),
                "{args:?}: {stdout}"
            );
        }
    }
    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for command in [
        "check",
        "attendance",
        "decide",
        "export",
        "generate",
        "timeline",
        "completions",
    ] {
        assert!(stdout.contains(command), "--help lists {command}");
    }
}

#[test]
fn an_unknown_flag_is_refused_with_usage_and_exit_code_2() {
    for args in [
        &["export", "--bogus"][..],
        &["--bogus"],
        &["check", "a", "b"],
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        assert!(
            stderr.contains("Usage: coalition-map"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn the_version_is_the_package_s() {
    let (code, stdout, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout.trim(),
        format!("coalition-map {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_are_printed_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, stdout, stderr) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {stderr}");
        assert!(stdout.contains("attendance"), "{shell}");
    }
    let (code, _, _) = run(&["completions", "tcsh-of-the-future"]);
    assert_eq!(code, 2);
}

#[test]
fn the_timeline_command_lists_every_event_and_each_actor_s_stances() {
    let (code, stdout, stderr) = run(&["timeline", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["opens_on"], "2014-09-15");
    assert_eq!(report["events"].as_array().map(Vec::len), Some(80));
    let usa: Vec<&str> = report["stances"]["USA"]
        .as_array()
        .expect("the US's stances")
        .iter()
        .filter_map(|s| s["stance"].as_str())
        .collect();
    assert_eq!(usa, ["strikes_iraq", "strikes_syria"]);
    let (code, text, _) = run(&["timeline"]);
    assert_eq!(code, 0);
    assert!(text.contains("United States: Strikes in Iraq only from 2014-08-08, then Strikes in Syria from 2014-09-23"), "{text}");
}

#[test]
fn export_draws_the_map_as_of_a_date_and_refuses_one_outside_the_timeline() {
    let dir = std::env::temp_dir().join(format!("coalition-map-date-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = dir.join("23-sept.svg");
    let out_arg = out.to_str().expect("utf-8 path");
    let (code, _, stderr) = run(&["export", "--date", "2014-09-23", "--out", out_arg]);
    assert_eq!(code, 0, "{stderr}");
    let svg = std::fs::read_to_string(&out).expect("written");
    assert!(
        svg.contains("Stance on 23 September 2014"),
        "the date is on the map"
    );
    assert!(
        svg.contains("Strikes in Syria (6)"),
        "five Arab states and the US"
    );
    let (code, _, stderr) = run(&["export", "--date", "2013-01-01", "--out", out_arg]);
    assert_eq!(code, 2);
    assert!(stderr.contains("outside the timeline"), "{stderr}");
    let (code, _, stderr) = run(&["export", "--date", "2014-02-30", "--out", out_arg]);
    assert_eq!(code, 2, "not a real day: {stderr}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn decide_says_a_veto_by_russia_would_have_failed_resolution_2178_with_the_real_vote_s_source() {
    let (code, stdout, stderr) = run(&[
        "decide",
        "--decision",
        "unsc-2178",
        "--set",
        "RUS=against",
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["outcome"], "failed");
    assert_eq!(
        report["reason"],
        "fails: Russia, a veto holder, votes against"
    );
    assert_eq!(report["vetoed_by"], serde_json::json!(["RUS"]));
    assert_eq!(report["tally"]["in_favour"], 14);
    let russia = report["positions"]
        .as_array()
        .and_then(|p| p.iter().find(|m| m["id"] == "RUS"))
        .expect("Russia is a member");
    assert_eq!(russia["position"], "against");
    assert_eq!(russia["was"], "for");
    assert!(
        report["sources"][0]
            .as_str()
            .is_some_and(|s| s.starts_with("IBTimes") && s.contains("adopted unanimously")),
        "{}",
        report["sources"]
    );
    // As it happened: adopted by all fifteen.
    let (code, stdout, _) = run(&["decide", "--decision", "unsc-2178", "--json"]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["outcome"], "adopted");
    assert_eq!(report["tally"]["in_favour"], 15);
}

#[test]
fn decide_without_a_decision_answers_as_attendance_does_for_the_conference() {
    for extra in [&[][..], &["--invite", "IRN"][..]] {
        let decide: Vec<&str> = ["decide", "--json"].iter().chain(extra).copied().collect();
        let attendance: Vec<&str> = ["attendance", "--json"]
            .iter()
            .chain(extra)
            .copied()
            .collect();
        let (a, b) = (run(&decide), run(&attendance));
        assert_eq!(a.0, 0, "{}", a.2);
        assert_eq!(a, b, "{extra:?}");
    }
    let (_, stdout, _) = run(&["decide", "--invite", "IRN", "--json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let absent: Vec<&str> = report["absent"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    assert!(
        absent.contains(&"SAU"),
        "Saudi Arabia stays away if Iran comes: {absent:?}"
    );
}

#[test]
fn decide_refuses_what_a_decision_does_not_take_and_names_what_there_is() {
    let cases: [(&[&str], &str); 4] = [
        (&["decide", "--set", "RUS=against"], "--set is for votes"),
        (
            &["decide", "--decision", "unsc-9999"],
            "the file has: unsc-2178",
        ),
        (
            &["decide", "--decision", "unsc-2178", "--set", "XXX=for"],
            "its members are: USA",
        ),
        (
            &["decide", "--decision", "unsc-2178", "--invite", "IRN"],
            "--invite is not for unsc-2178",
        ),
    ];
    for (args, expected) in cases {
        let (code, _, stderr) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

#[test]
fn the_example_scenarios_pass_check_and_decide_as_their_sources_say() {
    let examples =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/scenarios/examples");
    let file = |name: &str| examples.join(name).to_string_lossy().into_owned();
    for name in ["geneva-ii-2014.coalition", "unsc-syria-icc-2014.coalition"] {
        let (code, stdout, stderr) = run(&["check", &file(name)]);
        assert_eq!(code, 0, "{name}: {stdout}{stderr}");
        assert!(stdout.contains("no problems"), "{stdout}");
    }
    let icc = file("unsc-syria-icc-2014.coalition");
    let (_, stdout, _) = run(&["decide", &icc, "--decision", "unsc-icc-syria"]);
    assert!(
        stdout.contains("fails: Russia and China, veto holders, vote against"),
        "{stdout}"
    );
    let (_, stdout, _) = run(&[
        "decide",
        &icc,
        "--decision",
        "unsc-icc-syria",
        "--scenario",
        "both-abstain",
    ]);
    assert!(
        stdout.contains("Outcome: adopted: 13 in favour, 9 needed"),
        "{stdout}"
    );
    let geneva = file("geneva-ii-2014.coalition");
    let (_, stdout, _) = run(&["decide", &geneva, "--scenario", "invitation-kept"]);
    assert!(
        stdout.contains("the condition \"Iran accepts the Geneva I communiqué\" is false"),
        "{stdout}"
    );
    let (_, stdout, _) = run(&[
        "decide",
        &geneva,
        "--invite",
        "IRN",
        "--condition",
        "iran-accepts-geneva-1=true",
    ]);
    assert!(stdout.contains("Attending (6)"), "{stdout}");
}

/// The ICC example with a conditional position added for the test (not
/// history): China votes in favour while Russia abstains, unless the
/// condition "talks fail" holds (false by default).
fn conditional_icc() -> (std::path::PathBuf, String) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/scenarios/examples/unsc-syria-icc-2014.coalition");
    let text = std::fs::read_to_string(path).expect("the example reads");
    let mut file: serde_json::Value = serde_json::from_str(&text).expect("the example parses");
    file["conditions"] = serde_json::json!([{
        "id": "talks-fail", "label": "The talks fail", "default": false,
        "source": "un-charter-art27"
    }]);
    file["decisions"][0]["vote"]["rules"] = serde_json::json!([{
        "member": "CHN", "position": "for", "other": "RUS", "is": "abstain",
        "source": "rosenne-veto", "unless": "talks-fail"
    }]);
    let dir =
        std::env::temp_dir().join(format!("coalition-map-conditional-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let out = dir.join("conditional.coalition");
    std::fs::write(&out, file.to_string()).expect("the file writes");
    let out = out.to_string_lossy().into_owned();
    (dir, out)
}

#[test]
fn decide_applies_a_conditional_position_says_why_with_its_source_and_takes_conditions() {
    let (dir, file) = conditional_icc();
    let (code, stdout, stderr) = run(&["check", &file]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let decide = |extra: &[&str]| {
        let mut args = vec!["decide", &file, "--decision", "unsc-icc-syria", "--json"];
        args.extend_from_slice(extra);
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        serde_json::from_str::<serde_json::Value>(&stdout).expect("JSON")
    };
    let china = |report: &serde_json::Value| {
        report["positions"]
            .as_array()
            .and_then(|p| p.iter().find(|m| m["id"] == "CHN"))
            .cloned()
            .unwrap_or_default()
    };
    // As it happened, Russia votes against: China's rule does not hold.
    let report = decide(&[]);
    assert_eq!(china(&report)["position"], "against");
    assert!(china(&report).get("because").is_none());
    // Russia abstains: China votes in favour, by its rule, with its source.
    let report = decide(&["--set", "RUS=abstain"]);
    assert_eq!(china(&report)["position"], "for", "{report}");
    assert_eq!(
        china(&report)["because"],
        "China votes in favour while Russia abstains"
    );
    assert!(
        china(&report)["because_source"]
            .as_str()
            .is_some_and(|s| s.contains("Rosenne")),
        "{report}"
    );
    assert_eq!(report["outcome"], "adopted", "{report}");
    // Unless the talks fail.
    let report = decide(&["--set", "RUS=abstain", "--condition", "talks-fail=true"]);
    assert_eq!(china(&report)["position"], "against");
    assert_eq!(report["conditions"]["talks-fail"], true);
    let (code, _, stderr) = run(&[
        "decide",
        &file,
        "--decision",
        "unsc-icc-syria",
        "--condition",
        "no-such=true",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("the file has: talks-fail"), "{stderr}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn attendance_on_a_file_without_a_conference_says_so_and_names_its_decisions() {
    let icc = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/scenarios/examples/unsc-syria-icc-2014.coalition");
    let icc = icc.to_string_lossy();
    for command in ["attendance", "decide"] {
        let (code, stdout, stderr) = run(&[command, &icc]);
        assert_eq!(code, 2, "{command}: {stdout}");
        assert!(
            stderr.contains("this scenario has no conference; its decisions are: unsc-icc-syria"),
            "{command}: {stderr}"
        );
    }
}
