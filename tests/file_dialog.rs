//! The in-app file dialog, driven headlessly through AccessKit on real temporary folders.
#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use coalition_map::ui::dialogs::file_dialog::{
    FileDialog, FileDialogMode, FileDialogOutcome, PARENT_LABEL,
};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

/// A fresh folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> Self {
        static SERIAL: AtomicU32 = AtomicU32::new(0);
        let path = std::env::temp_dir().join(format!(
            "coalition-file-dialog-{test}-{}-{}",
            std::process::id(),
            SERIAL.fetch_add(1, Ordering::Relaxed)
        ));
        // A leftover from a crashed run would make the listing wrong.
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create the temp folder");
        Self(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn file(&self, name: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, "{}").expect("write a temp file");
        path
    }

    fn folder(&self, name: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::create_dir_all(&path).expect("create a temp sub-folder");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct DialogState {
    dialog: FileDialog,
    outcome: Option<FileDialogOutcome>,
}

fn harness(mode: FileDialogMode, dir: &Path, file_name: &str) -> Harness<'static, DialogState> {
    let state = DialogState {
        dialog: FileDialog::new(mode, dir.to_path_buf(), file_name.to_owned()),
        outcome: None,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(900.0, 600.0))
        // Real frame times, so two clicks a frame or two apart make a double-click.
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, state: &mut DialogState| {
                if state.outcome.is_none() {
                    state.outcome = state.dialog.show(ui.ctx());
                }
            },
            state,
        );
    harness.run();
    harness
}

fn has_button(harness: &Harness<'_, DialogState>, label: &str) -> bool {
    harness
        .query_by_role_and_label(Role::Button, label)
        .is_some()
}

fn click_button(harness: &mut Harness<'_, DialogState>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
}

fn type_into(harness: &mut Harness<'_, DialogState>, field: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .type_text(text);
    harness.run();
}

#[test]
fn open_lists_scenarios_and_folders_and_picks_the_clicked_file() {
    let dir = TempDir::new("open");
    let paris = dir.file("Paris.coalition");
    dir.file("apart.COALITION");
    dir.file("notes.txt");
    dir.file(".hidden.coalition");
    dir.folder("archive");
    let mut harness = harness(FileDialogMode::Open, dir.path(), "ignored.coalition");

    assert!(has_button(&harness, "archive/"));
    assert!(has_button(&harness, "Paris.coalition"));
    assert!(has_button(&harness, "apart.COALITION"));
    assert!(has_button(&harness, PARENT_LABEL));
    assert!(!has_button(&harness, "notes.txt"));
    assert!(!has_button(&harness, ".hidden.coalition"));
    // Open ignores the proposed name, so nothing can be opened yet.
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Open")
            .accesskit_node()
            .is_disabled()
    );

    harness.get_by_label("Show all files").click();
    harness.run();
    assert!(has_button(&harness, "notes.txt"));
    harness.get_by_label("Show hidden").click();
    harness.run();
    assert!(has_button(&harness, ".hidden.coalition"));

    click_button(&mut harness, "Paris.coalition");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "File name")
            .value()
            .as_deref(),
        Some("Paris.coalition")
    );
    assert_eq!(harness.state().outcome, None);
    click_button(&mut harness, "Open");
    assert_eq!(
        harness.state().outcome,
        Some(FileDialogOutcome::Picked(paris))
    );
}

#[test]
fn double_clicking_a_folder_enters_it_and_the_parent_entry_goes_back() {
    let dir = TempDir::new("navigate");
    dir.file("top.coalition");
    let sub = dir.folder("Sub");
    std::fs::write(sub.join("inner.coalition"), "{}").expect("write a temp file");
    let mut harness = harness(FileDialogMode::Open, dir.path(), "");

    // One click only selects the folder.
    click_button(&mut harness, "Sub/");
    assert_eq!(harness.state().dialog.current_dir(), dir.path());
    // Let the double-click delay pass, so that click does not pair with the next.
    harness.run_steps(30);

    let folder = harness.get_by_role_and_label(Role::Button, "Sub/");
    folder.click();
    folder.click();
    harness.run();
    assert_eq!(harness.state().dialog.current_dir(), sub);
    assert!(has_button(&harness, "inner.coalition"));
    assert!(!has_button(&harness, "top.coalition"));
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Folder")
            .value()
            .as_deref(),
        Some(sub.display().to_string().as_str())
    );

    // From the keyboard: focus the parent entry and press Enter.
    harness
        .get_by_role_and_label(Role::Button, PARENT_LABEL)
        .focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().dialog.current_dir(), dir.path());
    assert!(has_button(&harness, "top.coalition"));
    assert!(!has_button(&harness, "inner.coalition"));
    // Focus lands on the folder we came from.
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Sub/")
            .is_focused()
    );
    assert_eq!(harness.state().outcome, None);
}

#[test]
fn save_adds_the_extension_and_asks_before_replacing() {
    let dir = TempDir::new("save");
    let existing = dir.file("plan.coalition");

    // A new name without extension, confirmed with Enter.
    let mut harness = harness(FileDialogMode::Save, dir.path(), "");
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Save")
            .accesskit_node()
            .is_disabled()
    );
    // The file name field has the focus from the start.
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "File name")
            .is_focused()
    );
    type_into(&mut harness, "File name", "draft");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().outcome,
        Some(FileDialogOutcome::Picked(
            dir.path().join("draft.coalition")
        ))
    );

    // The proposed name exists: Save asks first; Cancel keeps the dialog open.
    let mut harness = self::harness(FileDialogMode::Save, dir.path(), "plan");
    click_button(&mut harness, "Save");
    assert_eq!(harness.state().outcome, None);
    harness.get_by_label("Replace plan.coalition?");
    click_button(&mut harness, "Cancel");
    assert_eq!(harness.state().outcome, None);
    assert!(harness.query_by_label("Replace plan.coalition?").is_none());

    // Escape also dismisses only the question.
    click_button(&mut harness, "Save");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().outcome, None);
    assert!(harness.query_by_label("Replace plan.coalition?").is_none());

    click_button(&mut harness, "Save");
    click_button(&mut harness, "Replace");
    assert_eq!(
        harness.state().outcome,
        Some(FileDialogOutcome::Picked(existing))
    );

    // A name with a path separator cannot be saved.
    let mut harness = self::harness(FileDialogMode::Save, dir.path(), "");
    type_into(&mut harness, "File name", "a/b");
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Save")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn cancel_and_escape_both_cancel() {
    let dir = TempDir::new("cancel");
    dir.file("a.coalition");

    let mut harness = harness(FileDialogMode::Open, dir.path(), "");
    click_button(&mut harness, "Cancel");
    assert_eq!(harness.state().outcome, Some(FileDialogOutcome::Cancelled));

    let mut harness = self::harness(FileDialogMode::Save, dir.path(), "x");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().outcome, Some(FileDialogOutcome::Cancelled));
}

#[test]
fn a_folder_that_cannot_be_read_shows_an_error_and_the_dialog_stays_open() {
    let dir = TempDir::new("missing");
    dir.file("kept.coalition");
    let mut harness = harness(FileDialogMode::Open, dir.path(), "");

    // The field holds the current path; typing appends a missing sub-folder.
    type_into(&mut harness, "Folder", "/no-such-folder");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label_contains("it does not exist");
    assert_eq!(harness.state().outcome, None);
    assert_eq!(harness.state().dialog.current_dir(), dir.path());
    assert!(has_button(&harness, "kept.coalition"));

    // A file is not a folder: typing one goes to its folder and names it.
    let mut harness = self::harness(FileDialogMode::Open, Path::new("/"), "");
    type_into(&mut harness, "Folder", "");
    let field = harness.get_by_role_and_label(Role::TextInput, "Folder");
    field.type_text(&dir.path().join("kept.coalition").display().to_string()[1..]);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().dialog.current_dir(), dir.path());

    // A folder without read permission (root can read it anyway: then skip).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let locked = dir.folder("locked");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000))
            .expect("lock the folder");
        if std::fs::read_dir(&locked).is_err() {
            let mut harness = self::harness(FileDialogMode::Open, dir.path(), "");
            type_into(&mut harness, "Folder", "/locked");
            harness.key_press(egui::Key::Enter);
            harness.run();
            harness.get_by_label_contains("permission denied");
            assert_eq!(harness.state().outcome, None);
            assert_eq!(harness.state().dialog.current_dir(), dir.path());
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755))
            .expect("unlock the folder");
    }
}

#[test]
fn an_unreadable_start_folder_falls_back_and_says_why() {
    let dir = TempDir::new("fallback");
    let missing = dir.path().join("gone");
    let harness = harness(FileDialogMode::Open, &missing, "");
    assert_ne!(harness.state().dialog.current_dir(), missing);
    harness.get_by_label_contains("it does not exist");
    assert_eq!(harness.state().outcome, None);
}
