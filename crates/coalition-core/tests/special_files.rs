//! Files that are not what they seem: a named pipe, a device, a folder, a
//! link to a device, a file that grows past the limit while it is read; and
//! saves that keep what the user set: permissions, read-only files, links,
//! names near the system's limit. Real files in a temporary folder.
#![cfg(unix)]
#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use coalition_core::io::{LoadError, SaveError, read_scenario, save_scenario, write_atomically};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "coalition-core-special-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// Reads `path` on another thread; a read that never returns fails the test
/// (after far longer than a refusal takes) instead of hanging it.
fn read_or_hang(path: &Path) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(read_scenario(&path).map(|_| ()).map_err(|e| e.to_string()));
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("the read returns instead of hanging")
}

#[test]
fn a_named_pipe_is_refused_at_once_and_named_for_what_it_is() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe.coalition");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let message = read_or_hang(&fifo).expect_err("a pipe is not a scenario");
    assert!(
        message.contains("is a named pipe (FIFO), not a file"),
        "{message}"
    );
    assert!(message.contains("pipe.coalition"), "{message}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_device_and_a_link_to_one_are_refused_without_reading_a_byte() {
    let message = read_or_hang(Path::new("/dev/zero")).expect_err("a device");
    assert!(
        message.contains("/dev/zero is a device, not a file"),
        "{message}"
    );
    let dir = scratch("device-link");
    let link = dir.join("zero.coalition");
    std::os::unix::fs::symlink("/dev/zero", &link).expect("a link");
    let message = read_or_hang(&link).expect_err("a link to a device");
    assert!(message.contains("is a device, not a file"), "{message}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_folder_is_refused_as_a_folder() {
    let dir = scratch("folder");
    let folder = dir.join("looks-like.coalition");
    std::fs::create_dir(&folder).expect("a folder");
    let message = read_or_hang(&folder).expect_err("a folder");
    assert!(message.contains("is a folder, not a file"), "{message}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_file_over_the_limit_is_refused_by_its_size() {
    let dir = scratch("large");
    let big = dir.join("big.coalition");
    let file = std::fs::File::create(&big).expect("a file");
    file.set_len(coalition_core::io::MAX_FILE_BYTES + 1)
        .expect("a sparse file");
    let err = read_scenario(&big).expect_err("too large");
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
    // The limit holds while reading, whatever size the file reports.
    let bytes = coalition_core::io::read_file_limited(&big, 1000).expect_err("over 1000 bytes");
    assert!(bytes.to_string().contains("over the limit"), "{bytes}");
    let _ = std::fs::remove_dir_all(dir);
}

fn paris() -> coalition_core::model::Scenario {
    coalition_core::io::paris_2014().expect("the built-in scenario")
}

#[test]
fn a_save_keeps_the_file_s_permissions() {
    let dir = scratch("mode");
    let path = dir.join("private.coalition");
    save_scenario(&path, &paris()).expect("saved");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let mut changed = paris();
    changed.title = "Changed".into();
    save_scenario(&path, &changed).expect("saved again");
    let mode = std::fs::metadata(&path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
    assert_eq!(
        read_scenario(&path).expect("reads").scenario.title,
        "Changed"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_read_only_file_is_refused_and_left_as_it_was() {
    let dir = scratch("readonly");
    let path = dir.join("kept.coalition");
    save_scenario(&path, &paris()).expect("saved");
    let before = std::fs::read(&path).expect("reads");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let mut changed = paris();
    changed.title = "Changed".into();
    let err = save_scenario(&path, &changed).expect_err("read-only");
    assert!(matches!(err, SaveError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains("Save As"), "{err}");
    assert_eq!(std::fs::read(&path).expect("reads"), before);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("lists")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
    let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_save_through_a_link_writes_its_target_and_the_link_stays_a_link() {
    let dir = scratch("link");
    let target = dir.join("real.coalition");
    save_scenario(&target, &paris()).expect("saved");
    let link = dir.join("link.coalition");
    std::os::unix::fs::symlink("real.coalition", &link).expect("a link");
    let mut changed = paris();
    changed.title = "Through the link".into();
    save_scenario(&link, &changed).expect("saved through the link");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("metadata")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        read_scenario(&target).expect("reads").scenario.title,
        "Through the link"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_name_near_the_system_s_limit_can_be_saved() {
    let dir = scratch("long-name");
    let path = dir.join(format!("{}.coalition", "a".repeat(245)));
    write_atomically(&path, b"{}").expect("a 255-byte name saves");
    assert_eq!(std::fs::read(&path).expect("reads"), b"{}");
    let _ = std::fs::remove_dir_all(dir);
}
