//! The application: owns the open document, the view state and the
//! preferences, draws each frame from the panels in `ui/`, and applies the
//! commands they emit once the frame is drawn (`apply.rs`).
//!
//! - [`startup`]: what the app opens on;
//! - [`apply`]: each command to its handler;
//! - [`keys`]: shortcuts and presentation keys;
//! - [`files`]: new, open, save, revert, quit, the recovery copy, dropped files;
//! - [`edit`]: edits, undo, the editor's prompts, import and export;
//! - [`present`]: presentation mode;
//! - [`search`]: the best-list search off the UI thread;
//! - [`dialogs`], [`prefs`], [`recovery`]: file dialogs, preferences, the
//!   recovery copy of unsaved work.

pub mod apply;
pub mod dialogs;
pub mod edit;
pub mod files;
pub mod keys;
pub mod prefs;
pub mod present;
pub mod recovery;
pub mod search;
pub mod startup;

use std::sync::Arc;

use coalition_core::Document;
use coalition_core::geo::basemap::Basemap;

use crate::ui;
use crate::ui::command::Command;
use crate::ui::command::RightTab;
use crate::ui::command::SidePanel;
use crate::ui::state::{Notice, ViewState};
use files::FileState;
use prefs::Prefs;
pub use startup::{Opening, Startup};

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
            .and_then(crate::ui::map::gpu::MapPicture::new);
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
            app.files.recovery = Some(recovery::Recovery::new(dir));
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
        let side_panels = self.view.side_panels;
        self.view = ViewState::for_document(&doc);
        self.view.side_panels = side_panels;
        self.doc = doc;
    }

    /// Queue a command; it is applied at the end of the frame.
    pub fn emit(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// "Save your changes first?", while an action waits for the answer.
    pub(crate) fn unsaved_prompt_ui(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some(action) = &self.files.prompt {
            ui::dialogs::unsaved_prompt::unsaved_prompt_ui(
                ctx,
                &self.doc.display_name(),
                &action.describe(),
                commands,
            );
        }
    }

    /// Draws one frame into `ui` (the whole window).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        crate::theme::calm_text_cursor(&ctx, &mut self.last_input);
        self.poll_search(&ctx);
        self.advance_play(&ctx);
        self.intercept_close(&ctx);
        self.take_dropped_files(&ctx);
        self.poll_opening();
        self.view.warnings.refresh(&self.doc, &self.basemap);
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
            ui::panels::menu_bar::menu_bar_ui(
                ui,
                &self.doc,
                &self.prefs.recent_files,
                self.prefs.dark_theme,
                &mut commands,
            );
            ui::panels::top_bar::top_bar_ui(
                ui,
                &self.doc,
                self.view.time.date,
                &mut self.notice,
                &mut commands,
            );
            if let Some(pending) = &self.files.opening {
                ui::panels::top_bar::opening_ui(ui, &pending.path);
            }
            if let Some(offer) = &self.files.recovery_offer {
                ui::panels::top_bar::recovery_offer_ui(
                    ui,
                    &offer.scenario.title,
                    offer.meta.path.as_deref(),
                    &mut commands,
                );
            }
            if self.view.decision.what_ifs(&self.doc.scenario).is_some() {
                ui::panels::scenario_slider::decision_slider_ui(
                    ui,
                    &self.doc.scenario,
                    &self.view.decision,
                    &mut commands,
                );
            } else {
                ui::panels::scenario_slider::scenario_slider_ui(
                    ui,
                    &self.doc,
                    &self.view.attendance,
                    &mut commands,
                );
            }
        });
        // In a narrow window the side panels start collapsed to a strip, so
        // the map keeps a legible size; each opens on demand.
        let width = ctx.content_rect().width();
        if self.view.side_panels.is_open(SidePanel::Legend, width) {
            egui::Panel::left("legend_panel")
                .default_size(crate::theme::size::LEFT_PANEL_WIDTH)
                .size_range(180.0..=crate::theme::size::LEFT_PANEL_WIDTH * 1.6)
                .resizable(true)
                .show(ui, |ui| {
                    ui::panels::side_strip::hide_button_ui(ui, SidePanel::Legend, &mut commands);
                    ui::panels::legend::legend_panel_ui(
                        ui,
                        &self.doc,
                        &mut self.view,
                        &mut commands,
                    );
                });
        } else {
            ui::panels::side_strip::strip_ui(ui, SidePanel::Legend, &mut commands);
        }
        let details_open = self.view.side_panels.is_open(SidePanel::Details, width);
        if !details_open {
            ui::panels::side_strip::strip_ui(ui, SidePanel::Details, &mut commands);
        }
        if details_open {
            egui::Panel::right("details_panel")
                .default_size(crate::theme::size::SIDE_PANEL_WIDTH)
                .size_range(260.0..=crate::theme::size::SIDE_PANEL_WIDTH * 1.6)
                .resizable(true)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui::panels::side_strip::hide_button_ui(
                            ui,
                            SidePanel::Details,
                            &mut commands,
                        );
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
                            let scenario = self.view.shown(&self.doc);
                            ui::panels::actor::actor_panel_ui(
                                ui,
                                scenario,
                                &self.view,
                                &mut commands,
                            );
                            ui.separator();
                            ui::panels::quotes::quotes_panel_ui(
                                ui,
                                &self.doc.scenario,
                                &mut self.view,
                                &mut commands,
                            );
                        }
                        RightTab::Attendance => {
                            ui::panels::decision::decision_chooser_ui(
                                ui,
                                &self.doc.scenario,
                                &self.view.decision,
                                self.view.time.date,
                                &mut commands,
                            );
                            if self.view.decision.selected.is_some() {
                                egui::ScrollArea::vertical()
                                    .id_salt("decision_scroll")
                                    .auto_shrink([false, false])
                                    .show(ui, |ui| {
                                        ui::panels::decision::decision_panel_ui(
                                            ui,
                                            &self.doc,
                                            &self.view.decision,
                                            self.view.time.date,
                                            &mut commands,
                                        );
                                    });
                            } else {
                                ui::panels::attendance::attendance_panel_ui(
                                    ui,
                                    &self.doc,
                                    &mut self.view.attendance,
                                    &mut commands,
                                );
                            }
                        }
                        RightTab::Edit => {
                            ui::editor::edit_panel_ui(ui, &self.doc, &mut self.view, &mut commands);
                        }
                    }
                });
        }
        if self.doc.scenario.timeline.is_some() {
            egui::Panel::bottom("timeline")
                .exact_size(crate::theme::size::TIMELINE_PANEL_HEIGHT)
                .show(ui, |ui| {
                    ui::panels::timeline::timeline_ui(
                        ui,
                        &self.doc.scenario,
                        &self.view.time,
                        &mut commands,
                    );
                });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let options = self.map_options();
            let mut view = self.view.map_view(&self.doc);
            ui::map::map_ui(
                ui,
                &self.doc,
                &self.basemap,
                &mut view,
                &options,
                &mut commands,
            );
        });

        self.unsaved_prompt_ui(&ctx, &mut commands);
        if let Some(open) = self.view.help {
            ui::dialogs::help::help_window_ui(&ctx, open, &mut commands);
        }
        if let Some(pending) = &self.view.edit.removal {
            ui::editor::prompts::removal_prompt_ui(&ctx, pending, &mut commands);
        }
        if let Some((from, to)) = &self.view.edit.drawn_relation {
            ui::editor::prompts::relation_kind_prompt_ui(
                &ctx,
                &self.doc.scenario,
                (from, to),
                &mut commands,
            );
        }
        if let Some(pending) = &self.view.edit.import {
            ui::editor::import_preview::import_preview_ui(&ctx, pending, &mut commands);
        }
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            ui::panels::top_bar::drop_hint_ui(&ctx);
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
