//! Presentation mode inside the app: starting and ending it, moving through
//! the steps, and the frame it draws instead of the explorer.

use crate::app::CoalitionApp;
use crate::ui;
use crate::ui::command::Move;
use crate::ui::state::presentation::{Presentation, steps};

impl CoalitionApp {
    /// F5: the first step, in projector colours, editing hidden.
    pub(crate) fn start_presentation(&mut self, ctx: &egui::Context) {
        let attendance = &self.view.attendance;
        self.view.presenting = Some(Presentation {
            return_to: Some(crate::ui::state::presentation::ReturnTo {
                position: attendance.position,
                custom: attendance.custom.clone(),
                selected: self.view.selected.clone(),
                date: self.view.time.date,
            }),
            ..Presentation::default()
        });
        crate::theme::apply_presentation_style(ctx);
        self.view.map.request_fit();
        self.show_step();
    }

    /// Esc: back to the explorer as it was, out of full screen.
    pub(crate) fn stop_presentation(&mut self, ctx: &egui::Context) {
        if let Some(back) = self.view.presenting.take().and_then(|p| p.return_to) {
            let attendance = &mut self.view.attendance;
            attendance.position = back.position;
            attendance.custom = back
                .custom
                .filter(|c| c.len() == self.doc.scenario.actors.len());
            self.view.selected = back.selected;
            let date = back.date;
            self.view.go_to(&self.doc, date);
        }
        crate::theme::apply_style(ctx, self.prefs.dark_theme);
        if ctx.input(|i| i.viewport().fullscreen.unwrap_or(false)) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
        self.view.map.request_fit();
    }

    /// A clicker press.
    pub(crate) fn present(&mut self, movement: Move) {
        if let Some(presenting) = &mut self.view.presenting {
            presenting.go(movement, &steps(&self.doc.scenario));
        }
        self.show_step();
    }

    /// Puts the slider on the step's attendance scenario.
    fn show_step(&mut self) {
        let Some(presenting) = &self.view.presenting else {
            return;
        };
        let steps = steps(&self.doc.scenario);
        let Some(step) = steps.get(presenting.step) else {
            return;
        };
        let attendance = &mut self.view.attendance;
        attendance.position = step.position;
        attendance.custom = None;
        self.view.selected = None;
        self.view.time.playing = false;
        let date = step.date;
        self.view.go_to(&self.doc, date);
    }

    /// One frame of presentation mode.
    pub(crate) fn presentation_frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let Some(presenting) = self.view.presenting.clone() else {
            return;
        };
        let mut commands = Vec::new();
        if presenting.blacked {
            // Nothing but black, as a projector shows between slides; the
            // screen reader hears how to come back.
            egui::CentralPanel::no_frame()
                .frame(egui::Frame::new().fill(egui::Color32::BLACK))
                .show(ui, |ui| {
                    let (_, response) =
                        ui.allocate_exact_size(ui.available_size(), egui::Sense::hover());
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Label,
                            true,
                            "The screen is black: press B or . to bring the step back",
                        )
                    });
                });
        } else {
            ui::presentation::presentation_ui(
                ui,
                &self.doc,
                &self.basemap,
                &mut self.view,
                &presenting,
                &mut commands,
            );
        }
        self.unsaved_prompt_ui(&ctx, &mut commands);
        for command in commands {
            self.emit(command);
        }
        self.apply_pending(&ctx);
        self.update_title(&ctx);
    }
}
