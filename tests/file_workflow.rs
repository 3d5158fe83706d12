//! Opening, saving and the unsaved-changes prompt, driven through the real app.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use std::path::{Path, PathBuf};

use coalition_map::ui::command::Command;
use coalition_map::{CoalitionApp, Startup};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "coalition-map-workflow-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Two scenario files: Paris as shipped, and a copy with another title.
fn two_files(dir: &Path) -> (PathBuf, PathBuf) {
    let first = dir.join("paris.coalition");
    std::fs::write(&first, coalition_core::io::PARIS_2014).expect("write");
    let mut other = coalition_core::io::paris_2014().expect("loads");
    other.title = "Another scenario".into();
    let second = dir.join("other.coalition");
    coalition_core::io::save_scenario(&second, &other).expect("save");
    (first, second)
}

fn harness(file: Option<PathBuf>, recovery_dir: Option<PathBuf>) -> Harness<'static, CoalitionApp> {
    let startup = Startup { file, recovery_dir };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| CoalitionApp::new(cc, &startup));
    harness.run();
    harness
}

fn apply(harness: &mut Harness<'static, CoalitionApp>, command: Command) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, command);
    // A file opens on a thread of its own: step until it is shown.
    while harness.state().is_opening() {
        std::thread::sleep(std::time::Duration::from_millis(2));
        harness.step();
    }
    harness.run();
}

fn scroll_and_click(harness: &mut Harness<'static, CoalitionApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

/// A real edit through the UI: invite Iran by hand, then keep that list as a named scenario.
fn make_an_edit(harness: &mut Harness<'static, CoalitionApp>) {
    harness
        .get_by_role_and_label(Role::Button, "Decisions")
        .click();
    harness.run();
    scroll_and_click(
        harness,
        Role::DisclosureTriangle,
        "Change the invitation list",
    );
    scroll_and_click(harness, Role::CheckBox, "Invite Iran (not invited)");
    scroll_and_click(harness, Role::TextInput, "Name:");
    harness
        .get_by_role_and_label(Role::TextInput, "Name:")
        .type_text("Iran invited by hand");
    harness.run();
    scroll_and_click(harness, Role::Button, "Add to the scenario's lists");
    assert!(
        harness.state().doc.is_modified(),
        "the edit made the document unsaved"
    );
}

fn scenario_names(app: &CoalitionApp) -> Vec<String> {
    app.doc
        .scenario
        .attendance_scenarios()
        .iter()
        .map(|s| s.name.clone())
        .collect()
}

#[test]
fn opening_a_file_by_command_shows_it_and_names_it_in_the_title() {
    let dir = temp_dir("open");
    let (_, other) = two_files(&dir);
    let mut harness = harness(None, None);
    apply(&mut harness, Command::OpenPath(other.clone()));
    let app = harness.state();
    assert_eq!(app.doc.scenario.title, "Another scenario");
    assert_eq!(app.doc.path.as_deref(), Some(other.as_path()));
    assert_eq!(app.window_title(), "other.coalition - Coalition Map");
    assert_eq!(app.prefs.recent_files.first(), Some(&other));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_broken_file_leaves_the_current_scenario_and_says_why() {
    let dir = temp_dir("broken");
    let broken = dir.join("broken.coalition");
    std::fs::write(&broken, "{\"format\": 1, \"title\": ").expect("write");
    let mut harness = harness(None, None);
    let before = harness.state().doc.scenario.clone();
    apply(&mut harness, Command::OpenPath(broken));
    assert_eq!(harness.state().doc.scenario, before);
    harness.get_by_label_contains("Could not open");
    harness.get_by_label_contains("ends too early");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_unsaved_changes_prompt_cancel_keeps_everything() {
    let dir = temp_dir("cancel");
    let (first, second) = two_files(&dir);
    let mut harness = harness(Some(first.clone()), None);
    make_an_edit(&mut harness);
    assert!(
        harness
            .state()
            .window_title()
            .starts_with("* paris.coalition")
    );
    apply(&mut harness, Command::OpenPath(second));
    harness.get_by_label("Save your changes?");
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert!(
        harness.query_by_label("Save your changes?").is_none(),
        "the prompt is gone"
    );
    let app = harness.state();
    assert_eq!(
        app.doc.path.as_deref(),
        Some(first.as_path()),
        "still on the first file"
    );
    assert!(app.doc.is_modified(), "the changes are still there");
    assert!(scenario_names(app).contains(&"Iran invited by hand".to_owned()));
    assert_eq!(
        std::fs::read_to_string(&first).expect("reads"),
        coalition_core::io::PARIS_2014,
        "nothing saved"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_unsaved_changes_prompt_discard_opens_the_other_file_without_saving() {
    let dir = temp_dir("discard");
    let (first, second) = two_files(&dir);
    let mut harness = harness(Some(first.clone()), None);
    make_an_edit(&mut harness);
    apply(&mut harness, Command::OpenPath(second.clone()));
    harness
        .get_by_role_and_label(Role::Button, "Discard")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.doc.path.as_deref(), Some(second.as_path()));
    assert_eq!(app.doc.scenario.title, "Another scenario");
    assert!(!app.doc.is_modified());
    assert_eq!(
        std::fs::read_to_string(&first).expect("reads"),
        coalition_core::io::PARIS_2014,
        "nothing saved"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_unsaved_changes_prompt_save_saves_then_opens_the_other_file() {
    let dir = temp_dir("save");
    let (first, second) = two_files(&dir);
    let mut harness = harness(Some(first.clone()), None);
    make_an_edit(&mut harness);
    apply(&mut harness, Command::OpenPath(second.clone()));
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    assert_eq!(harness.state().doc.path.as_deref(), Some(second.as_path()));
    let saved = coalition_core::io::load_scenario(&first).expect("the first file still loads");
    assert!(
        saved
            .attendance_scenarios()
            .iter()
            .any(|s| s.name == "Iran invited by hand"),
        "the edit was saved to the first file"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn save_as_uses_the_in_app_dialog_where_there_is_no_native_one() {
    let dir = temp_dir("save-as");
    let mut harness = harness(None, None);
    // As after the native dialog came back empty at once (no portal, no zenity).
    harness.state_mut().files.native_unavailable = true;
    apply(&mut harness, Command::SaveAs);
    harness
        .get_by_role_and_label(Role::TextInput, "Folder")
        .click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Folder")
        .type_text(&dir.display().to_string());
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "File name")
        .click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "File name")
        .type_text("my-copy");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    let path = dir.join("my-copy.coalition");
    assert!(path.exists(), "saved to {}", path.display());
    assert_eq!(harness.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(
        coalition_core::io::load_scenario(&path).expect("loads"),
        harness.state().doc.scenario
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// The recovery copies under the app's data folder `dir`, one per window
/// with unsaved work.
fn recovery_copies(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir.join("sessions"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|session| session.path().join("recovery.coalition"))
        .filter(|copy| copy.exists())
        .collect()
}

#[test]
fn two_windows_open_at_once_keep_their_own_copies_and_only_an_ended_one_s_is_offered() {
    let dir = temp_dir("recovery-two-windows");
    let (first, second) = two_files(&dir);
    let recovery = dir.join("data");
    let mut one = harness(Some(first.clone()), Some(recovery.clone()));
    make_an_edit(&mut one);
    one.run();
    let mut two = harness(Some(second), Some(recovery.clone()));
    assert!(
        two.query_by_label("Unsaved work was found from the last session")
            .is_none(),
        "a live window's work is not offered to another"
    );
    make_an_edit(&mut two);
    two.run();
    assert_eq!(recovery_copies(&recovery).len(), 2, "a copy per window");
    // The second window saves: the first window's copy stays.
    apply(&mut two, Command::Save);
    assert_eq!(recovery_copies(&recovery).len(), 1);
    drop(two);
    // The first window is killed; the next start offers its work.
    drop(one);
    let mut next = harness(None, Some(recovery.clone()));
    next.get_by_label("Unsaved work was found from the last session");
    next.get_by_role_and_label(Role::Button, "Restore").click();
    next.run();
    assert_eq!(next.state().doc.path.as_deref(), Some(first.as_path()));
    assert!(next.state().doc.is_modified());
    assert_eq!(recovery_copies(&recovery).len(), 1, "adopted, not copied");
    drop(next);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn unsaved_work_is_kept_in_a_recovery_copy_and_offered_at_the_next_start() {
    let dir = temp_dir("recovery");
    let (first, _) = two_files(&dir);
    let recovery = dir.join("data");
    {
        let mut harness = harness(Some(first.clone()), Some(recovery.clone()));
        make_an_edit(&mut harness);
        harness.run();
        assert_eq!(
            recovery_copies(&recovery).len(),
            1,
            "the recovery copy is written"
        );
        // The app is killed here: no save, no clean exit.
    }
    let mut harness = harness(None, Some(recovery.clone()));
    harness.get_by_label("Unsaved work was found from the last session");
    harness
        .get_by_role_and_label(Role::Button, "Restore")
        .click();
    harness.run();
    let app = harness.state();
    assert!(scenario_names(app).contains(&"Iran invited by hand".to_owned()));
    assert_eq!(app.doc.path.as_deref(), Some(first.as_path()));
    assert!(app.doc.is_modified(), "restored work is still unsaved");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_edit_right_after_a_save_has_a_recovery_copy_at_once() {
    let dir = temp_dir("recovery-after-save");
    let (first, _) = two_files(&dir);
    let recovery = dir.join("data");
    let mut harness = harness(Some(first), Some(recovery.clone()));
    make_an_edit(&mut harness);
    harness.run();
    assert_eq!(
        recovery_copies(&recovery).len(),
        1,
        "the edit has a recovery copy"
    );
    apply(&mut harness, Command::Save);
    assert!(!harness.state().doc.is_modified());
    assert!(
        recovery_copies(&recovery).is_empty(),
        "a save clears the recovery copy"
    );
    // Undone straight after the save: unsaved again, and kept at once.
    apply(&mut harness, Command::Undo);
    assert!(harness.state().doc.is_modified());
    harness.run();
    assert_eq!(
        recovery_copies(&recovery).len(),
        1,
        "the edit after the save has a recovery copy"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_file_with_problems_opens_lists_them_and_a_click_goes_to_the_item() {
    let dir = temp_dir("problems");
    let path = dir.join("problems.coalition");
    // Russia's stance is not on the scale, and one of Iran's quotes names an actor that does not exist.
    let text = coalition_core::io::PARIS_2014
        .replacen("\"stance\": \"critical\"", "\"stance\": \"grumpy\"", 1)
        .replacen("\"actor\": \"IRN\"", "\"actor\": \"PERSIA\"", 1);
    std::fs::write(&path, text).expect("write");
    let mut harness = harness(None, None);
    apply(&mut harness, Command::OpenPath(path));
    assert_eq!(harness.state().doc.problems.len(), 2);
    harness.get_by_label_contains("with 2 problem(s)");
    let russia_problem = harness
        .state()
        .doc
        .problems
        .iter()
        .find(|p| p.message.contains("grumpy"))
        .map(ToString::to_string)
        .expect("the stance problem");
    scroll_and_click(&mut harness, Role::Link, &russia_problem);
    assert_eq!(harness.state().view.selected.as_deref(), Some("RUS"));
    // The rest of the app carries on: every tab draws.
    harness
        .get_by_role_and_label(Role::Button, "Decisions")
        .click();
    harness.run();
    let _ = std::fs::remove_dir_all(dir);
}
