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
    for command in ["check", "attendance", "export", "generate", "completions"] {
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
    for command in ["check", "attendance", "export", "generate", "completions"] {
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
