//! The keyboard: shortcuts read from the one list of commands, and the keys
//! presentation clickers send. What a key does is the command it emits.

use super::CoalitionApp;
use crate::ui::command::Command;

impl CoalitionApp {
    /// Presentation keys: what clickers send, and Esc, F11, N.
    pub(crate) fn read_presentation_keys(&mut self, ctx: &egui::Context) {
        for (key, command) in Command::PRESENTATION_KEYS {
            if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key)) {
                self.emit(command);
            }
        }
    }

    /// Map and search shortcuts. Map keys only act when no text field wants them.
    pub(crate) fn read_shortcuts(&mut self, ctx: &egui::Context) {
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
        if !typing && ctx.input_mut(|i| i.consume_shortcut(&crate::ui::command::REDO_ALT)) {
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
}
