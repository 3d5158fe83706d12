//! The File menu's work inside the app: new, open, save, save as, revert,
//! quit, the unsaved-changes prompt, dropped files, the window title, and the
//! recovery copy of unsaved work. Dialogs: the native one where the desktop
//! has one, the in-app one where it has none.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use coalition_core::Document;
use coalition_core::io::LoadError;
use coalition_core::model::{AttendanceScenario, blank_scenario};

use super::CoalitionApp;
use super::dialogs::{DialogPurpose, NativeAnswer, NativeDialog, with_extension};
use super::recovery::{Recovered, Recovery, RecoveryMeta};
use crate::ui::command::UnsavedAnswer;
use crate::ui::dialogs::file_dialog::{FileDialog, FileDialogMode, FileDialogOutcome};
use crate::ui::state::Notice;

/// How often, at most, the recovery copy is rewritten.
const RECOVERY_EVERY: Duration = Duration::from_secs(1);

/// An action that would drop unsaved changes, so it asks first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guarded {
    New,
    /// A new scenario with the Paris 2014 scales, kinds and groups, and nothing else.
    NewFromTemplate,
    OpenDialog,
    Open(PathBuf),
    Quit,
}

impl Guarded {
    /// What the prompt says the action is.
    pub fn describe(&self) -> String {
        match self {
            Self::New | Self::NewFromTemplate => "starting a new scenario".into(),
            Self::OpenDialog => "opening another file".into(),
            Self::Open(path) => format!("opening {}", path.display()),
            Self::Quit => "quitting".into(),
        }
    }
}

/// A file dialog that is open.
pub enum OpenDialog {
    Native(NativeDialog),
    InApp(Box<FileDialog>, DialogPurpose),
}

/// The state of the File menu's work.
#[derive(Default)]
pub struct FileState {
    /// An action waiting for the answer to "save your changes first?".
    pub prompt: Option<Guarded>,
    /// An action to carry out once the Save As dialog has saved.
    pub after_save: Option<Guarded>,
    pub dialog: Option<OpenDialog>,
    /// The desktop showed no native dialog once: use the in-app one from now on.
    pub native_unavailable: bool,
    pub recovery: Option<Recovery>,
    /// Work found in the recovery copy at start, offered back.
    pub recovery_offer: Option<Recovered>,
    last_recovery_write: Option<Instant>,
    /// The document revision last written to the recovery copy, to skip
    /// rewriting it.
    last_recovered: Option<u64>,
    /// The window may close: the user answered the prompt.
    pub allow_close: bool,
    /// The title last sent to the window.
    last_title: String,
    /// A file being read on a thread of its own.
    pub opening: Option<PendingOpen>,
}

/// A file being read and parsed on a thread of its own, so that a slow disk
/// or a large file never stops the window; the frame that finds it read
/// shows it.
pub struct PendingOpen {
    pub path: PathBuf,
    result: std::sync::mpsc::Receiver<Result<coalition_core::model::Scenario, LoadError>>,
}

impl CoalitionApp {
    /// Carries out `action` now, or first asks whether to save the changes.
    pub(crate) fn guard(&mut self, ctx: &egui::Context, action: Guarded) {
        if self.doc.is_modified() {
            self.files.prompt = Some(action);
        } else {
            self.perform(ctx, action);
        }
    }

    pub(crate) fn answer_unsaved(&mut self, ctx: &egui::Context, answer: UnsavedAnswer) {
        let Some(action) = self.files.prompt.take() else {
            return;
        };
        match answer {
            UnsavedAnswer::Cancel => {}
            UnsavedAnswer::Discard => self.perform(ctx, action),
            UnsavedAnswer::Save => {
                if let Some(path) = self.doc.path.clone() {
                    if self.write_to(&path) {
                        self.perform(ctx, action);
                    }
                } else {
                    self.files.after_save = Some(action);
                    self.start_save_dialog(ctx);
                }
            }
        }
    }

    fn perform(&mut self, ctx: &egui::Context, action: Guarded) {
        match action {
            Guarded::New => {
                self.clear_recovery();
                self.show_document(Document::new(blank_scenario(), None));
            }
            Guarded::NewFromTemplate => {
                self.clear_recovery();
                let template = coalition_core::io::paris_2014().map_or_else(
                    |_| blank_scenario(),
                    |paris| coalition_core::model::template_from(&paris),
                );
                self.show_document(Document::new(template, None));
            }
            Guarded::OpenDialog => self.start_dialog(ctx, DialogPurpose::Open),
            Guarded::Open(path) => self.open_path(ctx, &path),
            Guarded::Quit => {
                self.clear_recovery();
                self.files.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Starts reading `path` on a thread of its own; the frame that finds
    /// it read shows it ([`Self::poll_opening`]). A file opened while another
    /// is still being read replaces it.
    pub(crate) fn open_path(&mut self, ctx: &egui::Context, path: &std::path::Path) {
        let (send, result) = std::sync::mpsc::channel();
        let (ctx, read) = (ctx.clone(), path.to_path_buf());
        let started = std::thread::Builder::new()
            .name("open-file".into())
            .spawn(move || {
                let _ = send.send(coalition_core::io::load_scenario(&read));
                ctx.request_repaint();
            });
        match started {
            Ok(_) => {
                self.files.opening = Some(PendingOpen {
                    path: path.to_path_buf(),
                    result,
                });
            }
            // No thread to be had: read it here.
            Err(_) => self.show_opened(path, coalition_core::io::load_scenario(path)),
        }
    }

    /// Shows the file being read, once it is.
    pub(crate) fn poll_opening(&mut self) {
        let Some(pending) = &self.files.opening else {
            return;
        };
        let result = match pending.result.try_recv() {
            Ok(result) => result,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Err(LoadError::Io {
                path: pending.path.display().to_string(),
                source: std::io::Error::other("the reading stopped before the end"),
            }),
        };
        let path = pending.path.clone();
        self.files.opening = None;
        self.show_opened(&path, result);
    }

    /// Whether a file is being read.
    pub fn is_opening(&self) -> bool {
        self.files.opening.is_some()
    }

    /// Shows what was read from `path`; on failure the current scenario
    /// stays and the user is told why.
    fn show_opened(
        &mut self,
        path: &std::path::Path,
        read: Result<coalition_core::model::Scenario, LoadError>,
    ) {
        match read {
            Ok(scenario) => {
                self.clear_recovery();
                let doc = Document::new(scenario, Some(path.to_path_buf()));
                let problems = doc.problems.len();
                self.show_document(doc);
                self.prefs.remember(path);
                self.notice = (problems > 0).then(|| Notice {
                    title: format!("Opened {} with {problems} problem(s)", path.display()),
                    detail: "The scenario is shown as far as it goes; the problems are listed on the left.".into(),
                });
            }
            Err(err) => {
                self.notice = Some(Notice {
                    title: format!("Could not open {}", path.display()),
                    detail: format!("{err}. The scenario you had is still open."),
                });
            }
        }
    }

    pub(crate) fn save(&mut self, ctx: &egui::Context) {
        match self.doc.path.clone() {
            Some(path) => {
                self.write_to(&path);
            }
            None => self.start_save_dialog(ctx),
        }
    }

    pub(crate) fn start_save_dialog(&mut self, ctx: &egui::Context) {
        self.start_dialog(ctx, DialogPurpose::SaveAs);
    }

    /// Saves to `path` (the dialogs' answer), then carries on with any action
    /// that was waiting for the save.
    pub(crate) fn save_to(&mut self, ctx: &egui::Context, path: PathBuf) {
        if self.write_to(&path) {
            self.doc.path = Some(path);
            if let Some(action) = self.files.after_save.take() {
                self.perform(ctx, action);
            }
        } else {
            self.files.after_save = None;
        }
    }

    /// Writes the scenario; says why if it fails. Returns whether it saved.
    fn write_to(&mut self, path: &std::path::Path) -> bool {
        match coalition_core::io::save_scenario(path, &self.doc.scenario) {
            Ok(()) => {
                self.doc.mark_saved();
                self.doc.path = Some(path.to_path_buf());
                self.prefs.remember(path);
                self.clear_recovery();
                true
            }
            Err(err) => {
                self.notice = Some(Notice {
                    title: "The scenario was not saved".into(),
                    detail: format!(
                        "{err}. The file on disk is as it was, and your changes are still here."
                    ),
                });
                false
            }
        }
    }

    /// Reloads the file from disk, dropping unsaved changes.
    pub(crate) fn revert(&mut self, ctx: &egui::Context) {
        if let Some(path) = self.doc.path.clone() {
            self.open_path(ctx, &path);
        } else {
            let saved = self.doc.saved().clone();
            self.clear_recovery();
            self.show_document(Document::new(saved, None));
        }
    }

    pub(crate) fn start_dialog(&mut self, ctx: &egui::Context, purpose: DialogPurpose) {
        if self.files.dialog.is_some() {
            return;
        }
        let dir = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.parent().map(std::path::Path::to_path_buf))
            .or_else(|| {
                self.prefs
                    .recent_files
                    .first()
                    .and_then(|p| p.parent().map(std::path::Path::to_path_buf))
            });
        let name = match purpose {
            DialogPurpose::ExportTable(table) => {
                format!("{}-{}.csv", slug(&self.doc.scenario.title), table.noun())
            }
            DialogPurpose::ExportPicture(picture) => {
                let what = match picture {
                    crate::ui::command::Picture::HandoutSvg => "handout",
                    crate::ui::command::Picture::DaysSvg | crate::ui::command::Picture::DaysPng => {
                        "days"
                    }
                    _ => "map",
                };
                format!(
                    "{}-{what}.{}",
                    slug(&self.doc.scenario.title),
                    picture.extension()
                )
            }
            _ => format!(
                "{}.{}",
                slug(&self.doc.scenario.title),
                coalition_core::io::EXTENSION
            ),
        };
        self.files.dialog = Some(if self.files.native_unavailable {
            in_app_dialog(purpose, dir, name)
        } else {
            let repaint = ctx.clone();
            OpenDialog::Native(NativeDialog::start(purpose, dir, name, move || {
                repaint.request_repaint();
            }))
        });
    }

    /// Shows the in-app dialog, collects answers; called every frame.
    pub(crate) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let answer = match &mut self.files.dialog {
            None => return,
            Some(OpenDialog::Native(native)) => match native.poll() {
                // The dialog's thread asks for a repaint when it has the
                // answer; until then there is nothing new to draw.
                None => return,
                Some(NativeAnswer::Unavailable) => {
                    // No portal and no zenity: use the in-app dialog from now on.
                    let purpose = native.purpose;
                    self.files.native_unavailable = true;
                    self.files.dialog = None;
                    self.start_dialog(ctx, purpose);
                    // Draw it now, not at the next input event.
                    ctx.request_repaint();
                    return;
                }
                Some(NativeAnswer::Cancelled) => (native.purpose, None),
                Some(NativeAnswer::Picked(path)) => (native.purpose, Some(path)),
            },
            Some(OpenDialog::InApp(dialog, purpose)) => match dialog.show(ctx) {
                None => return,
                Some(FileDialogOutcome::Cancelled) => (*purpose, None),
                Some(FileDialogOutcome::Picked(path)) => (*purpose, Some(path)),
            },
        };
        self.files.dialog = None;
        match answer {
            (DialogPurpose::Open, Some(path)) => self.open_path(ctx, &path),
            (DialogPurpose::SaveAs, Some(path)) => self.save_to(ctx, with_extension(path)),
            (DialogPurpose::ImportActors, Some(path)) => self.preview_import(&path),
            (DialogPurpose::ExportTable(table), Some(path)) => self.export_table(table, &path),
            (DialogPurpose::ExportPicture(picture), Some(path)) => {
                self.export_picture(picture, &path);
            }
            (_, None) => self.files.after_save = None,
        }
    }

    /// Files dropped on the window open like any other (asking first if needed).
    pub(crate) fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        match dropped {
            // A spreadsheet dropped on the window is an import (previewed first).
            Some(path)
                if path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("csv")) =>
            {
                self.preview_import(&path);
            }
            Some(path) => self.guard(ctx, Guarded::Open(path)),
            None => {}
        }
    }

    /// Asks before the window closes with unsaved changes.
    pub(crate) fn intercept_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.doc.is_modified()
            && !self.files.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.files.prompt = Some(Guarded::Quit);
        }
    }

    /// The window title: the file's name, a mark for unsaved changes, the app.
    pub fn window_title(&self) -> String {
        let mark = if self.doc.is_modified() { "* " } else { "" };
        format!("{mark}{} - {}", self.doc.display_name(), crate::APP_NAME)
    }

    pub(crate) fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.files.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.files.last_title = title;
        }
    }

    /// Keeps the recovery copy up to date while there are unsaved changes: at
    /// most every [`RECOVERY_EVERY`], and a change made sooner is written when
    /// that time is up (one frame then), even if nothing else happens.
    pub(crate) fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        let Some(recovery) = &self.files.recovery else {
            return;
        };
        if !self.doc.is_modified() || self.files.last_recovered == Some(self.doc.revision) {
            return;
        }
        if let Some(since) = self.files.last_recovery_write.map(|t| t.elapsed())
            && since < RECOVERY_EVERY
        {
            ctx.request_repaint_after(RECOVERY_EVERY.saturating_sub(since));
            return;
        }
        let meta = RecoveryMeta {
            path: self.doc.path.clone(),
        };
        self.files.last_recovery_write = Some(Instant::now());
        match recovery.write(&self.doc.scenario, &meta) {
            Ok(()) => self.files.last_recovered = Some(self.doc.revision),
            Err(err) => {
                self.notice = Some(Notice {
                    title: "The recovery copy could not be written".into(),
                    detail: format!("{err}. Save your work to keep it."),
                });
            }
        }
    }

    fn clear_recovery(&mut self) {
        if let Some(recovery) = &self.files.recovery {
            recovery.clear();
        }
        self.files.last_recovered = None;
        // The next edit is written at once, not a while after the last copy.
        self.files.last_recovery_write = None;
    }

    /// At start: offers back the unsaved work a crash or a kill left behind.
    pub(crate) fn offer_recovery(&mut self) {
        let Some(recovery) = &mut self.files.recovery else {
            return;
        };
        match recovery.take_orphan() {
            None => {}
            Some(Ok(recovered)) => self.files.recovery_offer = Some(recovered),
            Some(Err(err)) => {
                self.notice = Some(Notice {
                    title: "Unsaved work from the last session could not be read".into(),
                    detail: err.to_string(),
                });
            }
        }
    }

    pub(crate) fn restore_recovery(&mut self) {
        let Some(recovered) = self.files.recovery_offer.take() else {
            return;
        };
        // Compare with the file as it is on disk, so the changes show as unsaved.
        let saved = recovered
            .meta
            .path
            .as_ref()
            .and_then(|p| coalition_core::io::load_scenario(p).ok())
            .unwrap_or_default();
        let mut doc = Document::new(recovered.scenario, recovered.meta.path);
        doc.set_saved(saved);
        // Its copy is this window's now, kept until the work is saved.
        if let Some(recovery) = &mut self.files.recovery {
            recovery.adopt_offered();
        }
        self.show_document(doc);
        self.files.last_recovered = Some(self.doc.revision);
    }

    pub(crate) fn discard_recovery(&mut self) {
        self.files.recovery_offer = None;
        if let Some(recovery) = &mut self.files.recovery {
            recovery.discard_offered();
        }
    }

    /// Keeps the custom invitation list as a named scenario of the file.
    pub(crate) fn add_custom_list_as_scenario(&mut self, name: &str) {
        let name = name.trim();
        let Some(custom) = self.view.attendance.custom.clone() else {
            return;
        };
        if name.is_empty() {
            return;
        }
        let scenario = &self.doc.scenario;
        let base = coalition_core::decide::whatif::base_invitations(scenario);
        let ids = |want: bool| -> Vec<String> {
            scenario
                .actors
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    custom.get(*i).copied().unwrap_or(false) == want
                        && base.get(*i).copied().unwrap_or(false) != want
                })
                .map(|(_, a)| a.id.clone())
                .collect()
        };
        let (invite, uninvite) = (ids(true), ids(false));
        let named = scenario.attendance_scenarios();
        let mut id = slug(name);
        let mut n = 2;
        while named.iter().any(|s| s.id == id) {
            id = format!("{}-{n}", slug(name));
            n += 1;
        }
        let position = named.len();
        let item = coalition_core::edit::Item::NamedScenario(AttendanceScenario {
            id,
            name: name.to_owned(),
            description: "Made in the app from a custom invitation list.".into(),
            invite,
            uninvite,
            ..AttendanceScenario::default()
        });
        if self.apply_edit(coalition_core::edit::Edit::Add(item), None) {
            self.view.attendance.custom = None;
            self.view.attendance.position = position;
            self.refresh_attendance();
        }
    }

    /// Selects what problem `n` is about: an actor, a quote's speaker, a relation's actor.
    pub(crate) fn go_to_problem(&mut self, n: usize) {
        let Some(problem) = self.doc.problems.get(n) else {
            return;
        };
        let index_in = |list: &str| -> Option<usize> {
            let rest = problem.path.strip_prefix(list)?.strip_prefix('[')?;
            rest.split(']').next()?.parse().ok()
        };
        let scenario = &self.doc.scenario;
        let actor = if let Some(i) = index_in("actors") {
            scenario.actors.get(i).map(|a| a.id.clone())
        } else if let Some(i) = index_in("quotes") {
            let quote = scenario.quotes.get(i);
            self.view.focused_quote = quote.map(|q| q.id.clone());
            self.view.all_quotes = true;
            quote.and_then(|q| q.actor.clone())
        } else if let Some(i) = index_in("relations") {
            scenario.relations.get(i).map(|r| r.from.clone())
        } else {
            None
        };
        if let Some(id) = actor.filter(|id| scenario.actor(id).is_some()) {
            self.view.selected = Some(id);
            self.view.right_tab = crate::ui::command::RightTab::ActorAndQuotes;
        }
    }
}

fn in_app_dialog(purpose: DialogPurpose, dir: Option<PathBuf>, name: String) -> OpenDialog {
    let start = dir
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("/"));
    let mode = if purpose.saves() {
        FileDialogMode::Save
    } else {
        FileDialogMode::Open
    };
    OpenDialog::InApp(
        Box::new(FileDialog::new(mode, start, name).for_kind(purpose.kind())),
        purpose,
    )
}

/// A file-name-safe, lower-case version of `text`: "Iran invited" -> "iran-invited".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "scenario".into()
    } else {
        trimmed.chars().take(60).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("Iran invited"), "iran-invited");
        assert_eq!(
            slug("Coalition: Paris, 15 Sept 2014!"),
            "coalition-paris-15-sept-2014"
        );
        assert_eq!(slug("   "), "scenario");
        assert_eq!(slug("../etc/passwd"), "etc-passwd");
    }
}
