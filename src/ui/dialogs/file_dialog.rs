//! An in-app file dialog for opening and saving scenario files, for desktops
//! where `rfd`'s native dialog returns nothing (no portal, no zenity).
//!
//! The dialog is a modal window. It reads the current folder only when the
//! folder changes, never panics on filesystem errors (it shows them inside the
//! dialog instead), and can be driven entirely from the keyboard: Tab and the
//! arrow keys move between entries, Enter or Space opens a folder or a file,
//! Enter in a text field confirms it, and Escape cancels.

use std::ffi::OsString;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use egui::{Key, Modifiers, PointerButton};

/// The extension of scenario files, without the dot.
pub const EXTENSION: &str = "coalition";

/// What sort of file the dialog is for: its heading, its extension, and what
/// the files are called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileKind {
    /// What one file is called: "scenario", "spreadsheet".
    pub noun: &'static str,
    /// The extension, without the dot.
    pub extension: &'static str,
}

impl FileKind {
    pub const SCENARIO: Self = Self {
        noun: "scenario",
        extension: EXTENSION,
    };
    pub const CSV: Self = Self {
        noun: "spreadsheet",
        extension: "csv",
    };
}

/// The text of the list entry that goes up one folder.
pub const PARENT_LABEL: &str = ".. (parent folder)";

/// Widest the dialog gets, in points.
const DIALOG_WIDTH: f32 = 560.0;
/// Space kept free around the dialog when the window is narrow.
const SCREEN_MARGIN: f32 = 48.0;
/// Height of the folder listing before it scrolls.
const LIST_HEIGHT: f32 = 260.0;

/// Whether the dialog picks an existing file to read or a name to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileDialogMode {
    /// Pick an existing file.
    Open,
    /// Pick a file name to write; asks before replacing an existing file.
    Save,
}

/// How the dialog ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileDialogOutcome {
    /// The user picked this file (for saving, it may not exist yet).
    Picked(PathBuf),
    /// The user closed the dialog without picking anything.
    Cancelled,
}

/// One entry of the current folder.
#[derive(Clone, Debug)]
struct Entry {
    /// The name on disk.
    name: OsString,
    /// The name as shown (lossy if it is not valid UTF-8).
    label: String,
    is_dir: bool,
}

impl Entry {
    /// The text of its list entry: folders end in '/'.
    fn list_text(&self) -> String {
        if self.is_dir {
            format!("{}/", self.label)
        } else {
            self.label.clone()
        }
    }
}

/// Which widget should take keyboard focus when it is next drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Focus {
    FileName,
    /// The list entry with this text.
    Entry(String),
    Replace,
}

/// What the user asked for this frame, applied once everything is drawn.
enum Action {
    /// Go to this folder; `by_keyboard` moves focus into the new list.
    Enter {
        dir: PathBuf,
        by_keyboard: bool,
    },
    /// Highlight a list entry (by its list text) without acting on it.
    Select(String),
    /// Put this name in the file name field; `confirm` also opens/saves it.
    PickFile {
        label: String,
        confirm: bool,
    },
    GoToTyped,
    Confirm,
    Replace,
    KeepExisting,
    Cancel,
}

/// A modal file dialog. Create it with [`FileDialog::new`] and call
/// [`FileDialog::show`] every frame until it returns an outcome.
#[derive(Debug)]
pub struct FileDialog {
    id: egui::Id,
    mode: FileDialogMode,
    kind: FileKind,
    dir: PathBuf,
    /// Every entry of `dir`, folders first, sorted case-insensitively.
    entries: Vec<Entry>,
    folder_text: String,
    file_name: String,
    /// The highlighted list entry (by its list text), if it is not the file name's.
    selected: Option<String>,
    show_all: bool,
    show_hidden: bool,
    error: Option<String>,
    /// Waiting for "Replace <name>?" to be answered.
    replace: Option<PathBuf>,
    focus: Option<Focus>,
}

impl FileDialog {
    /// A dialog listing `start_dir`.
    ///
    /// `start_dir`: where to start (fall back to the home dir, then "/", if it cannot be read).
    /// `file_name`: the proposed name when saving (ignored for Open).
    pub fn new(mode: FileDialogMode, start_dir: PathBuf, file_name: String) -> Self {
        // A fresh id per dialog, so no text field state carries over from an earlier one.
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let serial = NEXT.fetch_add(1, Ordering::Relaxed);
        let mut dialog = Self {
            id: egui::Id::unique(("coalition_map::file_dialog", serial)),
            mode,
            kind: FileKind::SCENARIO,
            dir: PathBuf::from("/"),
            entries: Vec::new(),
            folder_text: String::from("/"),
            file_name: match mode {
                FileDialogMode::Open => String::new(),
                FileDialogMode::Save => file_name,
            },
            selected: None,
            show_all: false,
            show_hidden: false,
            error: None,
            replace: None,
            focus: Some(Focus::FileName),
        };
        let candidates = [
            Some(start_dir),
            std::env::home_dir(),
            Some(PathBuf::from("/")),
        ];
        let mut first_error = None;
        for candidate in candidates.into_iter().flatten() {
            let dir = absolute(&candidate);
            match read_folder(&dir) {
                Ok(entries) => {
                    dialog.set_dir(dir, entries);
                    break;
                }
                Err(error) => {
                    first_error.get_or_insert_with(|| folder_error(&dir, &error));
                }
            }
        }
        dialog.error = first_error;
        dialog
    }

    /// The dialog for another kind of file (scenarios by default).
    #[must_use]
    pub fn for_kind(mut self, kind: FileKind) -> Self {
        self.kind = kind;
        self
    }

    /// The folder being listed.
    pub fn current_dir(&self) -> &Path {
        &self.dir
    }

    /// The dialog's mode.
    pub fn mode(&self) -> FileDialogMode {
        self.mode
    }

    /// The error shown in the dialog, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Draws the dialog as a modal window over everything and returns an
    /// outcome once the user picks or cancels; `None` while still open.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<FileDialogOutcome> {
        let modal = egui::Modal::new(self.id).show(ctx, |ui| self.contents_ui(ui));
        if let Some(outcome) = modal.inner {
            return Some(outcome);
        }
        // Not `should_close`: a stray click beside the dialog should not cancel it.
        if modal.is_top_modal
            && !modal.any_popup_open
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
        {
            if self.replace.take().is_some() {
                self.focus = Some(Focus::FileName);
                return None;
            }
            return Some(FileDialogOutcome::Cancelled);
        }
        None
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui) -> Option<FileDialogOutcome> {
        let width = DIALOG_WIDTH.min(ui.ctx().content_rect().width() - SCREEN_MARGIN);
        ui.set_width(width.max(0.0));
        ui.heading(match self.mode {
            FileDialogMode::Open => format!("Open {}", self.kind.noun),
            FileDialogMode::Save => format!("Save {}", self.kind.noun),
        });

        let mut actions = Vec::new();
        let asking = self.replace.is_some();
        ui.add_enabled_ui(!asking, |ui| {
            self.folder_ui(ui, &mut actions);
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error.as_str());
            }
            ui.horizontal(|ui| {
                ui.checkbox(&mut self.show_all, "Show all files");
                ui.checkbox(&mut self.show_hidden, "Show hidden");
            });
            self.list_ui(ui, &mut actions);
            self.file_name_ui(ui, &mut actions);
        });
        ui.separator();
        if asking {
            self.replace_ui(ui, &mut actions);
        } else {
            self.buttons_ui(ui, &mut actions);
        }

        let mut outcome = None;
        for action in actions {
            outcome = outcome.or_else(|| self.apply(action));
        }
        outcome
    }

    fn folder_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            let label = ui.label("Folder");
            let go_width = ui.spacing().interact_size.x + ui.spacing().item_spacing.x;
            let edit = egui::TextEdit::singleline(&mut self.folder_text)
                .id_salt("folder")
                .desired_width((ui.available_width() - go_width).max(0.0));
            let response = ui.add(edit).labelled_by(label.id);
            if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                actions.push(Action::GoToTyped);
            }
            if ui
                .button("Go")
                .on_hover_text("Go to the folder typed on the left")
                .clicked()
            {
                actions.push(Action::GoToTyped);
            }
        });
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("entries")
                .max_height(LIST_HEIGHT)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if let Some(parent) = self.dir.parent() {
                        let selected = self.selected.as_deref() == Some(PARENT_LABEL);
                        let response = ui.selectable_label(selected, PARENT_LABEL);
                        take_focus(&mut self.focus, &response, PARENT_LABEL);
                        if let Some(by_keyboard) = activated(&response) {
                            actions.push(Action::Enter {
                                dir: parent.to_path_buf(),
                                by_keyboard,
                            });
                        } else if response.clicked() {
                            actions.push(Action::Select(PARENT_LABEL.to_owned()));
                        }
                    }
                    let mut shown = 0_usize;
                    let (show_all, show_hidden) = (self.show_all, self.show_hidden);
                    let extension = self.kind.extension;
                    let listed = self
                        .entries
                        .iter()
                        .filter(|e| is_listed(e, extension, show_all, show_hidden));
                    for entry in listed {
                        shown += 1;
                        let text = entry.list_text();
                        let selected = if entry.is_dir {
                            self.selected.as_deref() == Some(text.as_str())
                        } else {
                            self.file_name.trim() == entry.label
                        };
                        let response = ui.selectable_label(selected, text.as_str());
                        take_focus(&mut self.focus, &response, &text);
                        let activation = activated(&response);
                        match (entry.is_dir, activation) {
                            (true, Some(by_keyboard)) => actions.push(Action::Enter {
                                dir: self.dir.join(&entry.name),
                                by_keyboard,
                            }),
                            (true, None) if response.clicked() => {
                                actions.push(Action::Select(text));
                            }
                            (false, _) if response.clicked() => actions.push(Action::PickFile {
                                label: entry.label.clone(),
                                confirm: activation.is_some(),
                            }),
                            _ => {}
                        }
                    }
                    if shown == 0 {
                        ui.weak(if self.show_all {
                            "This folder is empty.".to_owned()
                        } else {
                            format!("No {} files here.", self.kind.noun)
                        });
                    }
                    // A requested entry that is not listed cannot take focus.
                    if matches!(self.focus, Some(Focus::Entry(_))) {
                        self.focus = None;
                    }
                });
        });
    }

    fn file_name_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            let label = ui.label("File name");
            let edit = egui::TextEdit::singleline(&mut self.file_name)
                .id_salt("file_name")
                .hint_text(format!("e.g. {}.{}", self.kind.noun, self.kind.extension))
                .desired_width(f32::INFINITY);
            let response = ui.add(edit).labelled_by(label.id);
            if self.focus == Some(Focus::FileName) {
                response.request_focus();
                self.focus = None;
            }
            if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                actions.push(Action::Confirm);
            }
        });
        if let Some(problem) = self.name_problem() {
            ui.weak(problem);
        }
    }

    fn buttons_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            let (text, enabled) = match self.mode {
                FileDialogMode::Open => ("Open", self.entry_named(self.file_name.trim()).is_some()),
                FileDialogMode::Save => ("Save", self.save_name_ok()),
            };
            if ui.add_enabled(enabled, egui::Button::new(text)).clicked() {
                actions.push(Action::Confirm);
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::Cancel);
            }
        });
    }

    fn replace_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let name = self
            .replace
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        ui.strong(format!("Replace {name}?"));
        ui.label("A file with that name already exists in this folder.");
        ui.horizontal(|ui| {
            let response = ui.button("Replace");
            if self.focus == Some(Focus::Replace) {
                response.request_focus();
                self.focus = None;
            }
            if response.clicked() {
                actions.push(Action::Replace);
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::KeepExisting);
            }
        });
    }

    fn apply(&mut self, action: Action) -> Option<FileDialogOutcome> {
        match action {
            Action::Enter { dir, by_keyboard } => {
                let came_from = self.dir.file_name().map(|n| {
                    let label = n.to_string_lossy();
                    format!("{label}/")
                });
                let going_up = self.dir.parent() == Some(dir.as_path());
                if self.navigate(dir) && by_keyboard {
                    let focus = if going_up { came_from } else { None };
                    self.focus = Some(Focus::Entry(
                        focus.unwrap_or_else(|| PARENT_LABEL.to_owned()),
                    ));
                }
            }
            Action::Select(text) => self.selected = Some(text),
            Action::PickFile { label, confirm } => {
                self.file_name = label;
                self.selected = None;
                if confirm {
                    return self.confirm();
                }
            }
            Action::GoToTyped => self.go_to_typed(),
            Action::Confirm => return self.confirm(),
            Action::Replace => return self.replace.take().map(FileDialogOutcome::Picked),
            Action::KeepExisting => {
                self.replace = None;
                self.focus = Some(Focus::FileName);
            }
            Action::Cancel => return Some(FileDialogOutcome::Cancelled),
        }
        None
    }

    /// Open: open the named file (or enter the named folder). Save: pick the
    /// name, with the extension added, after asking before replacing a file.
    fn confirm(&mut self) -> Option<FileDialogOutcome> {
        let name = self.file_name.trim().to_owned();
        match self.mode {
            FileDialogMode::Open => {
                let entry = self.entry_named(&name)?;
                let path = self.dir.join(&entry.name);
                if entry.is_dir {
                    self.navigate(path);
                    return None;
                }
                if path.is_file() {
                    return Some(FileDialogOutcome::Picked(path));
                }
                self.reload();
                self.error = Some(format!("{name} is no longer in this folder."));
                None
            }
            FileDialogMode::Save => {
                if !self.save_name_ok() {
                    return None;
                }
                let mut file = name;
                if Path::new(&file).extension().is_none() {
                    file.push('.');
                    file.push_str(self.kind.extension);
                }
                let path = self.dir.join(&file);
                if path.is_dir() {
                    self.error = Some(format!("{file} is a folder; choose another name."));
                    return None;
                }
                if path.symlink_metadata().is_ok() {
                    self.replace = Some(path);
                    self.focus = Some(Focus::Replace);
                    return None;
                }
                Some(FileDialogOutcome::Picked(path))
            }
        }
    }

    /// Goes to the path typed in the Folder field. A file's path goes to its
    /// folder and puts its name in the file name field.
    fn go_to_typed(&mut self) {
        let typed = self.folder_text.trim();
        if typed.is_empty() {
            return;
        }
        let path = normalize(&self.dir.join(expand_home(typed)));
        if path.is_file()
            && let (Some(parent), Some(name)) = (path.parent(), path.file_name())
        {
            let name = name.to_string_lossy().into_owned();
            if self.navigate(parent.to_path_buf()) {
                self.file_name = name;
                self.focus = Some(Focus::FileName);
            }
            return;
        }
        self.navigate(path);
    }

    /// Lists `dir` if it can be read; otherwise keeps the current folder and
    /// shows why. Returns whether it moved.
    fn navigate(&mut self, dir: PathBuf) -> bool {
        match read_folder(&dir) {
            Ok(entries) => {
                if self.mode == FileDialogMode::Open && dir != self.dir {
                    self.file_name.clear();
                }
                self.set_dir(dir, entries);
                self.error = None;
                true
            }
            Err(error) => {
                self.error = Some(folder_error(&dir, &error));
                false
            }
        }
    }

    /// Reads the current folder again (it may have changed on disk).
    fn reload(&mut self) {
        match read_folder(&self.dir) {
            Ok(entries) => self.entries = entries,
            Err(error) => {
                self.entries.clear();
                self.error = Some(folder_error(&self.dir, &error));
            }
        }
    }

    fn set_dir(&mut self, dir: PathBuf, entries: Vec<Entry>) {
        self.folder_text = dir.display().to_string();
        self.dir = dir;
        self.entries = entries;
        self.selected = None;
    }

    /// The entry of the current folder called `name`, listed or not.
    fn entry_named(&self, name: &str) -> Option<&Entry> {
        if name.is_empty() {
            return None;
        }
        self.entries.iter().find(|e| e.label == name)
    }

    fn save_name_ok(&self) -> bool {
        let name = self.file_name.trim();
        !name.is_empty()
            && name != "."
            && name != ".."
            && !name.chars().any(std::path::is_separator)
    }

    /// Why the primary button is disabled, when the user has typed something.
    fn name_problem(&self) -> Option<String> {
        let name = self.file_name.trim();
        if name.is_empty() {
            return None;
        }
        match self.mode {
            FileDialogMode::Open if self.entry_named(name).is_none() => {
                Some(format!("There is no file called {name} in this folder."))
            }
            FileDialogMode::Save if !self.save_name_ok() => Some(
                "A file name cannot contain a slash; use the Folder field to change folder."
                    .to_owned(),
            ),
            _ => None,
        }
    }
}

/// Gives `response` the keyboard focus if it was asked for the entry `text`.
fn take_focus(focus: &mut Option<Focus>, response: &egui::Response, text: &str) {
    if let Some(Focus::Entry(wanted)) = focus
        && wanted == text
    {
        response.request_focus();
        response.scroll_to_me(None);
        *focus = None;
    }
}

/// Whether `entry` is listed: hidden entries only with `show_hidden`, files
/// other than scenarios only with `show_all`.
fn is_listed(entry: &Entry, extension: &str, show_all: bool, show_hidden: bool) -> bool {
    (show_hidden || !entry.label.starts_with('.'))
        && (entry.is_dir || show_all || has_extension(&entry.label, extension))
}

/// `Some(by_keyboard)` when a list entry was opened: double-clicked, or
/// activated with Enter/Space or a screen reader (a click without the pointer).
fn activated(response: &egui::Response) -> Option<bool> {
    if response.double_clicked() {
        Some(false)
    } else if response.clicked() && !response.clicked_by(PointerButton::Primary) {
        Some(true)
    } else {
        None
    }
}

/// Whether `name` ends in `.extension`, ignoring case.
fn has_extension(name: &str, extension: &str) -> bool {
    let suffix = format!(".{extension}");
    name.len() > suffix.len() && name.to_ascii_lowercase().ends_with(&suffix)
}

/// Every entry of `dir`, folders first, each group sorted case-insensitively.
/// Entries that cannot be read are left out.
fn read_folder(dir: &Path) -> io::Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|item| {
            let name = item.file_name();
            let is_dir = item
                .file_type()
                .is_ok_and(|kind| kind.is_dir() || (kind.is_symlink() && item.path().is_dir()));
            Entry {
                label: name.to_string_lossy().into_owned(),
                name,
                is_dir,
            }
        })
        .collect();
    entries.sort_by_cached_key(|e| (!e.is_dir, e.label.to_lowercase(), e.label.clone()));
    Ok(entries)
}

/// A sentence saying why `dir` cannot be listed.
fn folder_error(dir: &Path, error: &io::Error) -> String {
    let why = match error.kind() {
        io::ErrorKind::NotFound => "it does not exist".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::NotADirectory => "it is not a folder".to_owned(),
        _ => error.to_string(),
    };
    format!("Cannot open folder {}: {why}.", dir.display())
}

/// `~` and `~/...` mean the home folder.
fn expand_home(typed: &str) -> PathBuf {
    let rest = if typed == "~" {
        Some("")
    } else {
        typed.strip_prefix("~/")
    };
    match (rest, std::env::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(typed),
    }
}

/// `path` made absolute (against the working directory) and normalized.
fn absolute(path: &Path) -> PathBuf {
    normalize(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// Drops `.` and resolves `..` without touching the filesystem, so the
/// parent entry always goes to the folder shown above the current one.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                // Above the root is the root; a relative path keeps its `..`.
                if !out.pop() && !out.has_root() {
                    out.push(component);
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_resolves_dots() {
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
        assert_eq!(normalize(Path::new("/..")), PathBuf::from("/"));
    }

    #[test]
    fn scenario_names_ignore_case() {
        assert!(has_extension("Paris.COALITION", EXTENSION));
        assert!(has_extension("a.coalition", EXTENSION));
        assert!(!has_extension("a.json", EXTENSION));
        assert!(!has_extension(".coalition", EXTENSION));
    }
}
