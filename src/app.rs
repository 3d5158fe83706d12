//! The application: the open scenario, the view state, and the one place where
//! commands are applied. Panels live in `ui/`, one file each.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use crate::app_files::FileState;
use crate::attendance::Engine;
use crate::attendance::search::SearchRequest;
use crate::attendance_view::{AttendanceView, ScenarioResult, SearchJob, evaluate_named};
use crate::command::{Command, PanDirection, RightTab};
use crate::edit::{Edit, EditError, History};
use crate::edit_view::EditView;
use crate::files::Prefs;
use crate::geo::basemap::Basemap;
use crate::model::{Problem, Scenario, is_web_url, validate};
use crate::ui;
use crate::ui::map_view::MapState;

/// The scenario being shown, with what validation found in it.
#[derive(Clone, Debug)]
pub struct Document {
    pub scenario: Scenario,
    pub problems: Vec<Problem>,
    /// The file it was opened from or last saved to; `None` for the built-in
    /// scenario and new ones.
    pub path: Option<PathBuf>,
    /// The scenario as last opened or saved, to tell whether there are unsaved changes.
    pub saved: Scenario,
    /// The conference's rules, compiled.
    pub engine: Engine,
    /// Every named attendance scenario, evaluated (what the plot shows).
    pub named: Vec<ScenarioResult>,
    /// The edits made since it was opened, to undo and redo.
    pub history: History,
    /// Changes with every edit, undo and redo, and differs between documents:
    /// what is drawn from the scenario is cached under it.
    pub revision: u64,
}

/// The next revision number: unique across documents.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Document {
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        let problems = validate(&scenario);
        let engine = Engine::new(&scenario);
        let named = evaluate_named(&scenario, &engine);
        Self {
            saved: scenario.clone(),
            scenario,
            problems,
            path,
            engine,
            named,
            history: History::default(),
            revision: next_revision(),
        }
    }

    /// Whether the scenario has changes that are not saved.
    pub fn is_modified(&self) -> bool {
        self.scenario != self.saved
    }

    /// The name shown in the title bar: the file's name, or the scenario's title.
    pub fn display_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || self.scenario.title.clone(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Applies one edit, recorded for undo; validation, the engine and the
    /// named scenarios follow at once. Unsaved until saved.
    pub fn apply_edit(&mut self, edit: Edit, merge_key: Option<String>) -> Result<(), EditError> {
        self.history.apply(&mut self.scenario, edit, merge_key)?;
        self.refresh();
        Ok(())
    }

    /// Undoes the last edit; returns what it was.
    pub fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.scenario)?;
        self.refresh();
        Some(label)
    }

    /// Redoes the last undone edit; returns what it was.
    pub fn redo(&mut self) -> Option<String> {
        let label = self.history.redo(&mut self.scenario)?;
        self.refresh();
        Some(label)
    }

    /// Re-validates and re-evaluates after the scenario changed.
    fn refresh(&mut self) {
        self.revision = next_revision();
        self.problems = validate(&self.scenario);
        self.engine = Engine::new(&self.scenario);
        self.named = evaluate_named(&self.scenario, &self.engine);
    }
}

/// What the user is looking at: selection, search, filters, the map's view,
/// the attendance slider.
#[derive(Debug)]
pub struct ViewState {
    pub selected: Option<String>,
    /// The quote whose card was last clicked.
    pub focused_quote: Option<String>,
    pub search: String,
    /// Show every quote, even when an actor is selected.
    pub all_quotes: bool,
    /// How many quote cards the panel lays out (it grows with "Show more").
    pub quotes_shown: usize,
    pub hidden_relation_kinds: BTreeSet<String>,
    pub map: MapState,
    pub focus_search: bool,
    pub right_tab: RightTab,
    pub attendance: AttendanceView,
    pub edit: EditView,
    /// Presentation mode, when on.
    pub presenting: Option<crate::presentation::Presentation>,
}

impl ViewState {
    /// The view for a freshly opened document: kinds hidden as the file says,
    /// the slider on the first scenario.
    pub fn for_document(doc: &Document) -> Self {
        let scenario = &doc.scenario;
        Self {
            selected: None,
            focused_quote: None,
            search: String::new(),
            all_quotes: false,
            quotes_shown: 0,
            hidden_relation_kinds: scenario
                .relation_kinds
                .iter()
                .filter(|k| !k.shown_by_default)
                .map(|k| k.id.clone())
                .collect(),
            map: MapState::default(),
            focus_search: false,
            right_tab: RightTab::default(),
            attendance: AttendanceView::new(scenario, &doc.engine, &doc.named),
            edit: EditView::default(),
            presenting: None,
        }
    }
}

/// A message for the user, shown in a banner until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub detail: String,
}

/// What the app was asked to open at start.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    pub file: Option<PathBuf>,
    /// Where the recovery copy of unsaved work lives; `None` keeps none
    /// (tests). The binary passes the app's data folder.
    pub recovery_dir: Option<PathBuf>,
}

/// What the app starts on: the document, the country outlines, and what
/// went wrong reading them (read without egui).
pub struct Opening {
    pub doc: Document,
    pub basemap: Basemap,
    pub notice: Option<Notice>,
}

impl Opening {
    /// `startup`'s file, or the built-in scenario if there is none or it
    /// cannot be read (the notice says why); and the embedded outlines.
    pub fn read(startup: &Startup) -> Self {
        let mut notice = None;
        let doc = match &startup.file {
            Some(path) => match crate::io::load_scenario(path) {
                Ok(scenario) => Some(Document::new(scenario, Some(path.clone()))),
                Err(err) => {
                    notice = Some(Notice {
                        title: format!("Could not open {}", path.display()),
                        detail: format!("{err}. Showing the built-in Paris 2014 scenario instead."),
                    });
                    None
                }
            },
            None => None,
        };
        let doc = doc.unwrap_or_else(|| match crate::io::paris_2014() {
            Ok(s) => Document::new(s, None),
            Err(err) => {
                notice = Some(Notice {
                    title: "The built-in scenario could not be read".into(),
                    detail: err.to_string(),
                });
                Document::new(crate::files::blank_scenario(), None)
            }
        });
        let basemap = Basemap::embedded().unwrap_or_else(|err| {
            notice = Some(Notice {
                title: "The country outlines could not be read".into(),
                detail: format!("{err}. The map shows nodes without outlines."),
            });
            Basemap::default()
        });
        Self {
            doc,
            basemap,
            notice,
        }
    }
}

/// The whole app.
pub struct CoalitionApp {
    pub doc: Document,
    pub view: ViewState,
    pub basemap: Arc<Basemap>,
    pub notice: Option<Notice>,
    /// Commands emitted this frame, applied after it.
    pending: Vec<Command>,
    /// Every URL the app opened, newest last (the browser is told too).
    pub opened_urls: Vec<String>,
    /// Preferences kept between runs.
    pub prefs: Prefs,
    /// File dialogs, the unsaved-changes prompt, the recovery copy.
    pub files: FileState,
    /// When the last input arrived (egui time), for the text cursor's blinking.
    last_input: f64,
}

impl CoalitionApp {
    /// The app as started from a desktop or command line: preferences from
    /// eframe's storage, then `startup`'s file.
    pub fn new(cc: &eframe::CreationContext<'_>, startup: &Startup) -> Self {
        let prefs: Prefs = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, Prefs::STORAGE_KEY))
            .unwrap_or_default();
        crate::theme::apply_style(&cc.egui_ctx, prefs.dark_theme);
        cc.egui_ctx.set_zoom_factor(prefs.clamped_scale());
        let mut app = Self::opened(startup, Opening::read(startup));
        app.prefs = prefs;
        app.view.map.picture = cc
            .wgpu_render_state
            .as_ref()
            .and_then(crate::ui::map_gpu::MapPicture::new);
        if let (Some(path), None) = (&startup.file, &app.notice) {
            app.prefs.remember(path);
        }
        app
    }

    /// The app on what was read for `startup` (`Opening::read`: its file, or
    /// the built-in scenario with a notice saying why). Unsaved work from a
    /// session that ended badly is offered back.
    pub fn opened(startup: &Startup, opening: Opening) -> Self {
        let Opening {
            doc,
            basemap,
            notice,
        } = opening;
        let mut app = Self::with_document(doc, Arc::new(basemap), notice);
        if let Some(dir) = &startup.recovery_dir {
            app.files.recovery = Some(crate::files::Recovery::new(dir.clone()));
            app.offer_recovery();
        }
        app
    }

    /// The app showing `doc`.
    pub fn with_document(doc: Document, basemap: Arc<Basemap>, notice: Option<Notice>) -> Self {
        let view = ViewState::for_document(&doc);
        Self {
            doc,
            view,
            basemap,
            notice,
            pending: Vec::new(),
            opened_urls: Vec::new(),
            prefs: Prefs::default(),
            files: FileState::default(),
            last_input: 0.0,
        }
    }

    /// Shows another document, with a fresh view.
    pub fn show_document(&mut self, doc: Document) {
        self.view = ViewState::for_document(&doc);
        self.doc = doc;
    }

    /// Queue a command; it is applied at the end of the frame.
    pub fn emit(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// Applies one command now.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::FitAll => self.view.map.request_fit(),
            Command::ZoomIn => self.view.map.zoom_by(1.4),
            Command::ZoomOut => self.view.map.zoom_by(1.0 / 1.4),
            Command::Pan(direction) => {
                let step = 80.0;
                let delta = match direction {
                    PanDirection::Left => egui::vec2(step, 0.0),
                    PanDirection::Right => egui::vec2(-step, 0.0),
                    PanDirection::Up => egui::vec2(0.0, step),
                    PanDirection::Down => egui::vec2(0.0, -step),
                };
                self.view.map.pan_by(delta);
            }
            Command::Select(id) => {
                self.view.focused_quote = None;
                self.view.selected = id.filter(|id| self.doc.scenario.actor(id).is_some());
            }
            Command::FocusQuote(quote_id) => {
                if let Some(quote) = self.doc.scenario.quote(&quote_id) {
                    if let Some(actor) = &quote.actor {
                        self.view.selected = Some(actor.clone());
                    }
                    self.view.focused_quote = Some(quote_id);
                }
            }
            Command::ToggleRelationKind(kind) => {
                if !self.view.hidden_relation_kinds.remove(&kind) {
                    self.view.hidden_relation_kinds.insert(kind);
                }
            }
            Command::FocusSearch => self.view.focus_search = true,
            Command::OpenUrl(url) => {
                if is_web_url(&url) {
                    ctx.open_url(egui::OpenUrl::new_tab(&url));
                    self.opened_urls.push(url);
                }
            }
            Command::SetAttendanceScenario(n) => {
                let attendance = &mut self.view.attendance;
                attendance.position = n.min(self.doc.named.len().saturating_sub(1));
                attendance.custom = None;
                self.refresh_attendance();
            }
            Command::StepScenario(step) => {
                let last = self.doc.named.len().saturating_sub(1) as i64;
                let next = (self.view.attendance.position as i64 + i64::from(step)).clamp(0, last);
                self.apply(ctx, Command::SetAttendanceScenario(next as usize));
            }
            Command::ToggleInvitation(id) => {
                if let Some(index) = self.doc.scenario.actor_index(&id) {
                    let mut list = self.view.attendance.invited.clone();
                    list[index] = !list[index];
                    self.view.attendance.custom = Some(list);
                    self.refresh_attendance();
                }
            }
            Command::ApplyInvitations(list) => {
                if list.len() == self.doc.scenario.actors.len() {
                    self.view.attendance.custom = Some(list);
                    self.refresh_attendance();
                }
            }
            Command::ResetInvitations => {
                self.view.attendance.custom = None;
                self.refresh_attendance();
            }
            Command::ShowTab(tab) => self.view.right_tab = tab,
            Command::StartBestListSearch => self.start_search(ctx),
            Command::NewScenario => self.guard(ctx, crate::app_files::Guarded::New),
            Command::NewFromTemplate => {
                self.guard(ctx, crate::app_files::Guarded::NewFromTemplate);
            }
            Command::OpenDialog => self.guard(ctx, crate::app_files::Guarded::OpenDialog),
            Command::OpenPath(path) => self.guard(ctx, crate::app_files::Guarded::Open(path)),
            Command::Quit => self.guard(ctx, crate::app_files::Guarded::Quit),
            Command::Save => self.save(ctx),
            Command::SaveAs => self.start_save_dialog(ctx),
            Command::SaveTo(path) => self.save_to(ctx, path),
            Command::Revert => self.revert(),
            Command::AnswerUnsaved(answer) => self.answer_unsaved(ctx, answer),
            Command::RestoreRecovery => self.restore_recovery(),
            Command::DiscardRecovery => self.discard_recovery(),
            Command::AddCustomListAsScenario(name) => self.add_custom_list_as_scenario(&name),
            Command::SetDarkTheme(dark) => {
                self.prefs.dark_theme = dark;
                crate::theme::apply_style(ctx, dark);
            }
            Command::GoToProblem(n) => self.go_to_problem(n),
            Command::Edit { edit, merge } => {
                self.apply_edit(edit, merge);
            }
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::RemoveActor(id) => self.request_remove_actor(&id),
            Command::AnswerRemoveActor(answer) => self.answer_remove_actor(answer),
            Command::DrawRelation { from, to } => self.draw_relation(from, to),
            Command::AnswerDrawnRelation(kind) => self.answer_drawn_relation(kind),
            Command::ShowEditTab(tab) => self.view.edit.tab = tab,
            Command::ChooseItem(list, index) => self.view.edit.choose(list, index),
            Command::ImportActorsDialog => {
                self.start_dialog(ctx, crate::files::DialogPurpose::ImportActors);
            }
            Command::ImportActorsFrom(path) => self.preview_import(&path),
            Command::AcceptImport => self.accept_import(),
            Command::CancelImport => self.view.edit.import = None,
            Command::ExportTableDialog(table) => {
                self.start_dialog(ctx, crate::files::DialogPurpose::ExportTable(table));
            }
            Command::ExportTableTo(table, path) => self.export_table(table, &path),
            Command::ExportPictureDialog(picture) => {
                self.start_dialog(ctx, crate::files::DialogPurpose::ExportPicture(picture));
            }
            Command::ExportPictureTo(picture, path) => self.export_picture(picture, &path),
            Command::StartPresentation => self.start_presentation(ctx),
            Command::StopPresentation => self.stop_presentation(ctx),
            Command::Present(movement) => self.present(movement),
            Command::ToggleSpeakerNotes => {
                if let Some(p) = &mut self.view.presenting {
                    p.notes_open = !p.notes_open;
                }
            }
            Command::ToggleFullscreen => {
                let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
            }
            Command::CancelBestListSearch => {
                if let Some(job) = &self.view.attendance.search.job {
                    job.control
                        .cancel
                        .store(true, std::sync::atomic::Ordering::Relaxed);
                }
            }
        }
    }

    /// How the map is drawn now: in the editor, nodes can be dragged.
    pub fn map_options(&self) -> ui::map_view::MapOptions {
        ui::map_view::MapOptions {
            editing: self.view.right_tab == RightTab::Edit,
            ..ui::map_view::MapOptions::default()
        }
    }

    fn refresh_attendance(&mut self) {
        self.view
            .attendance
            .refresh(&self.doc.scenario, &self.doc.engine, &self.doc.named);
    }

    /// Starts the best-list search over the chosen swing actors, off the UI thread.
    fn start_search(&mut self, ctx: &egui::Context) {
        let scenario = &self.doc.scenario;
        let search = &mut self.view.attendance.search;
        if search.job.is_some() {
            return;
        }
        let swing: Vec<usize> = search
            .swing
            .iter()
            .filter_map(|id| scenario.actor_index(id))
            .collect();
        if swing.is_empty() || swing.len() > crate::attendance::search::MAX_SWING {
            search.message = Some(format!(
                "Choose between 1 and {} swing actors.",
                crate::attendance::search::MAX_SWING
            ));
            return;
        }
        let weight_id = search
            .weight_kind
            .clone()
            .or_else(|| scenario.weight_kinds.first().map(|k| k.id.clone()));
        let weights = scenario
            .actors
            .iter()
            .map(|a| {
                weight_id
                    .as_ref()
                    .and_then(|w| a.weights.get(w))
                    .copied()
                    .unwrap_or(0.0)
            })
            .collect();
        let request = SearchRequest {
            base_invited: self.view.attendance.invited.clone(),
            swing,
            weights,
        };
        let repaint = ctx.clone();
        search.message = None;
        search.job = Some(SearchJob::start(
            self.doc.engine.clone(),
            request,
            move || repaint.request_repaint(),
        ));
    }

    /// Collects a finished search's answer; keeps the window repainting while one runs.
    fn poll_search(&mut self, ctx: &egui::Context) {
        let search = &mut self.view.attendance.search;
        let Some(job) = &search.job else {
            return;
        };
        match job.take_result() {
            Some(Ok(front)) => {
                let elapsed = job.started.elapsed();
                search.message = Some(format!(
                    "Tried {} lists in {:.2} s.",
                    job.total,
                    elapsed.as_secs_f64()
                ));
                search.front = Some((job.request.clone(), front));
                search.job = None;
            }
            Some(Err(err)) => {
                search.message = Some(err.to_string());
                search.job = None;
            }
            None => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
        }
    }

    /// Applies the commands emitted this frame.
    pub(crate) fn apply_pending(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.pending) {
            self.apply(ctx, command);
        }
    }

    /// "Save your changes first?", while an action waits for the answer.
    pub(crate) fn unsaved_prompt_ui(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some(action) = &self.files.prompt {
            ui::unsaved_prompt::unsaved_prompt_ui(
                ctx,
                &self.doc.display_name(),
                &action.describe(),
                commands,
            );
        }
    }

    /// Presentation keys: what clickers send, and Esc, F11, N.
    fn read_presentation_keys(&mut self, ctx: &egui::Context) {
        for (key, command) in Command::PRESENTATION_KEYS {
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key)) {
                self.emit(command);
            }
        }
    }

    /// Map and search shortcuts. Map keys only act when no text field wants them.
    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused();
        // Last frame's answer: the map canvas or one of its nodes has focus, or nothing does.
        let focus_elsewhere =
            ctx.memory(egui::Memory::focused).is_some() && !self.view.map.has_focus;
        for command in Command::WITH_SHORTCUTS {
            let Some(shortcut) = command.shortcut() else {
                continue;
            };
            // Map keys act when the map (or nothing) has focus; the others
            // whenever no text field is being typed in.
            let map_key = matches!(
                command,
                Command::FitAll | Command::ZoomIn | Command::ZoomOut | Command::Pan(_)
            );
            let blocked = if map_key {
                typing || focus_elsewhere
            } else {
                typing && !matches!(command, Command::FocusSearch)
            };
            if blocked {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.emit(command);
            }
        }
        if !typing && ctx.input_mut(|i| i.consume_shortcut(&crate::command::REDO_ALT)) {
            self.emit(Command::Redo);
        }
        // `+` arrives as Plus on some layouts and Equals on others.
        if !typing
            && !focus_elsewhere
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Plus))
        {
            self.emit(Command::ZoomIn);
        }
        // Escape clears the selection from the map, not from a field or a list.
        if !typing
            && !focus_elsewhere
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.emit(Command::Select(None));
        }
    }

    /// Draws one frame into `ui` (the whole window).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        crate::theme::calm_text_cursor(&ctx, &mut self.last_input);
        self.poll_search(&ctx);
        self.intercept_close(&ctx);
        self.take_dropped_files(&ctx);
        let asking = self.files.prompt.is_some()
            || self.files.dialog.is_some()
            || self.view.edit.removal.is_some()
            || self.view.edit.drawn_relation.is_some()
            || self.view.edit.import.is_some();
        if self.view.presenting.is_some() {
            self.read_presentation_keys(&ctx);
            self.presentation_frame(ui);
            return;
        }
        if !asking {
            self.read_shortcuts(&ctx);
        }
        let mut commands = Vec::new();

        egui::Panel::top("top_bar").show(ui, |ui| {
            ui::menu_bar::menu_bar_ui(ui, &self.doc, &self.prefs, &mut commands);
            ui::top_bar::top_bar_ui(ui, &self.doc, &mut self.notice, &mut commands);
            if let Some(offer) = &self.files.recovery_offer {
                ui::top_bar::recovery_offer_ui(ui, offer, &mut commands);
            }
            ui::scenario_slider::scenario_slider_ui(
                ui,
                &self.doc,
                &self.view.attendance,
                &mut commands,
            );
        });
        egui::Panel::left("legend_panel")
            .default_size(crate::theme::size::LEFT_PANEL_WIDTH)
            .size_range(180.0..=crate::theme::size::LEFT_PANEL_WIDTH * 1.6)
            .resizable(true)
            .show(ui, |ui| {
                ui::legend_panel::legend_panel_ui(ui, &self.doc, &mut self.view, &mut commands);
            });
        egui::Panel::right("details_panel")
            .default_size(crate::theme::size::SIDE_PANEL_WIDTH)
            .size_range(260.0..=crate::theme::size::SIDE_PANEL_WIDTH * 1.6)
            .resizable(true)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    for tab in [
                        RightTab::ActorAndQuotes,
                        RightTab::Attendance,
                        RightTab::Edit,
                    ] {
                        let command = Command::ShowTab(tab);
                        let selected = self.view.right_tab == tab;
                        if ui.selectable_label(selected, command.label()).clicked() {
                            commands.push(command);
                        }
                    }
                });
                ui.separator();
                match self.view.right_tab {
                    RightTab::ActorAndQuotes => {
                        let scenario = self.view.attendance.shown(&self.doc.scenario);
                        ui::actor_panel::actor_panel_ui(ui, scenario, &self.view, &mut commands);
                        ui.separator();
                        ui::quotes_panel::quotes_panel_ui(
                            ui,
                            &self.doc.scenario,
                            &mut self.view,
                            &mut commands,
                        );
                    }
                    RightTab::Attendance => {
                        ui::attendance_panel::attendance_panel_ui(
                            ui,
                            &self.doc,
                            &mut self.view.attendance,
                            &mut commands,
                        );
                    }
                    RightTab::Edit => {
                        ui::edit::edit_panel_ui(ui, &self.doc, &mut self.view, &mut commands);
                    }
                }
            });
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let options = self.map_options();
            ui::map_view::map_ui(
                ui,
                &self.doc,
                &self.basemap,
                &mut self.view,
                &options,
                &mut commands,
            );
        });

        self.unsaved_prompt_ui(&ctx, &mut commands);
        if let Some(pending) = &self.view.edit.removal {
            ui::edit::prompts::removal_prompt_ui(&ctx, pending, &mut commands);
        }
        if let Some((from, to)) = &self.view.edit.drawn_relation {
            ui::edit::prompts::relation_kind_prompt_ui(
                &ctx,
                &self.doc.scenario,
                (from, to),
                &mut commands,
            );
        }
        if let Some(pending) = &self.view.edit.import {
            ui::edit::import_preview::import_preview_ui(&ctx, pending, &mut commands);
        }
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            ui::top_bar::drop_hint_ui(&ctx);
        }

        self.pending.extend(commands);
        self.apply_pending(&ctx);
        // One typed field, one drag: a gesture ends when nothing is being
        // typed in and no button is held.
        if !ctx.text_edit_focused() && !ctx.input(|i| i.pointer.any_down()) {
            self.doc.history.seal();
        }
        self.dialogs_ui(&ctx);
        self.keep_recovery_copy(&ctx);
        self.update_title(&ctx);
        self.prefs.ui_scale = ctx.zoom_factor();
    }
}

impl eframe::App for CoalitionApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Prefs::STORAGE_KEY, &self.prefs);
    }
}
