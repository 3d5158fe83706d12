//! The one place where commands are applied, after the frame that emitted
//! them: each [`Command`] goes to its handler here or in a sibling module.

use coalition_core::model::is_web_url;

use super::CoalitionApp;
use super::files::Guarded;
use crate::app::dialogs::DialogPurpose;
use crate::ui;
use crate::ui::command::RightTab;
use crate::ui::command::{Command, PanDirection};

impl CoalitionApp {
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
            Command::StepScenario(step)
                if self.view.decision.what_ifs(&self.doc.scenario).is_some() =>
            {
                let what_ifs = self
                    .view
                    .decision
                    .what_ifs(&self.doc.scenario)
                    .map_or(0, |(_, names)| names.len()) as i64;
                let at = self.view.decision.what_if.map_or(0, |i| i as i64 + 1);
                let next = (at + i64::from(step)).clamp(0, what_ifs);
                self.apply(
                    ctx,
                    Command::SetDecisionWhatIf(usize::try_from(next - 1).ok()),
                );
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
            Command::SelectDecision(n) => {
                let decision = &mut self.view.decision;
                decision.selected = n.filter(|&i| i < self.doc.scenario.decisions.len());
                decision.what_if = None;
                decision.set.clear();
                self.view.right_tab = RightTab::Attendance;
                // A decision is shown on its day (and nothing of it before).
                match decision
                    .selected
                    .and_then(|i| self.doc.scenario.decisions.get(i))
                {
                    Some(d) if self.view.time.date.is_some() => {
                        self.view.time.playing = false;
                        self.view.go_to(&self.doc, Some(d.date));
                    }
                    _ => self.refresh_attendance(),
                }
            }
            Command::SetDecisionWhatIf(n) => {
                self.view.decision.what_if = n;
                self.view.decision.set.clear();
                self.refresh_attendance();
            }
            Command::SetPosition(id, position) => {
                self.view.decision.set.insert(id, position);
                self.refresh_attendance();
            }
            Command::ResetPositions => {
                self.view.decision.set.clear();
                self.refresh_attendance();
            }
            Command::ShowTab(tab) => self.view.right_tab = tab,
            Command::SetDate(date) => {
                self.view.time.playing = false;
                self.view.go_to(&self.doc, Some(date));
            }
            Command::StepEvent(step) => {
                self.view.time.playing = false;
                self.step_event(step);
            }
            Command::TogglePlay => {
                let time = &mut self.view.time;
                time.playing = !time.playing && time.date.is_some();
                time.last_step = ctx.input(|i| i.time);
                // Play from the start when the cursor is at the end.
                if time.playing && time.neighbour(1).is_none() {
                    let start = self.doc.scenario.timeline.as_ref().map(|t| t.start);
                    self.view.go_to(&self.doc, start);
                }
            }
            Command::SetSecondsPerEvent(seconds) => {
                self.view.time.seconds_per_event = seconds.clamp(0.25, 10.0);
            }
            Command::StartBestListSearch => self.start_search(ctx),
            Command::NewScenario => self.guard(ctx, Guarded::New),
            Command::NewFromTemplate => {
                self.guard(ctx, Guarded::NewFromTemplate);
            }
            Command::OpenDialog => self.guard(ctx, Guarded::OpenDialog),
            Command::OpenPath(path) => self.guard(ctx, Guarded::Open(path)),
            Command::Quit => self.guard(ctx, Guarded::Quit),
            Command::Save => self.save(ctx),
            Command::SaveAs => self.start_save_dialog(ctx),
            Command::SaveTo(path) => self.save_to(ctx, path),
            Command::Revert => self.revert(ctx),
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
                self.start_dialog(ctx, DialogPurpose::ImportActors);
            }
            Command::ImportActorsFrom(path) => self.preview_import(&path),
            Command::AcceptImport => self.accept_import(),
            Command::CancelImport => self.view.edit.import = None,
            Command::ExportTableDialog(table) => {
                self.start_dialog(ctx, DialogPurpose::ExportTable(table));
            }
            Command::ExportTableTo(table, path) => self.export_table(table, &path),
            Command::ExportPictureDialog(picture) => {
                self.start_dialog(ctx, DialogPurpose::ExportPicture(picture));
            }
            Command::ExportPictureTo(picture, path) => self.export_picture(picture, &path),
            Command::StartPresentation => self.start_presentation(ctx),
            Command::StopPresentation => self.stop_presentation(ctx),
            Command::Present(movement) => {
                if let Some(p) = &mut self.view.presenting {
                    p.blacked = false;
                }
                self.present(movement);
            }
            Command::BlackScreen => {
                if let Some(p) = &mut self.view.presenting {
                    p.blacked = !p.blacked;
                }
            }
            Command::ToggleSpeakerNotes => {
                if let Some(p) = &mut self.view.presenting {
                    p.notes_open = !p.notes_open;
                }
            }
            Command::ShowHelp(window) => self.view.help = window,
            Command::TogglePanel(side) => {
                let width = ctx.content_rect().width();
                self.view.side_panels.toggle(side, width);
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
    pub fn map_options(&self) -> ui::map::MapOptions {
        ui::map::MapOptions {
            editing: self.view.right_tab == RightTab::Edit,
            ..ui::map::MapOptions::default()
        }
    }

    /// Moves the timeline to the next (1) or previous (-1) event; returns
    /// whether there was one.
    pub(crate) fn step_event(&mut self, step: i32) -> bool {
        match self.view.time.neighbour(step) {
            Some(date) => {
                self.view.go_to(&self.doc, Some(date));
                true
            }
            None => false,
        }
    }

    /// While the timeline plays: the next event once the current one has
    /// been shown long enough; stops after the last.
    pub(crate) fn advance_play(&mut self, ctx: &egui::Context) {
        let time = &self.view.time;
        if !time.playing {
            return;
        }
        let now = ctx.input(|i| i.time);
        let due = time.last_step + f64::from(time.seconds_per_event);
        if now >= due {
            self.view.time.last_step = now;
            if !self.step_event(1) {
                self.view.time.playing = false;
            }
        } else {
            ctx.request_repaint_after_secs((due - now) as f32);
        }
    }

    pub(crate) fn refresh_attendance(&mut self) {
        self.view.refresh_attendance(&self.doc);
    }

    /// Applies the commands emitted this frame.
    pub(crate) fn apply_pending(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.pending) {
            self.apply(ctx, command);
        }
    }
}
