//! Every user action is one [`Command`]. UI code emits commands; the app
//! applies them in one place after the frame. Menus, buttons and shortcuts
//! read their labels and keys from here.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

/// A direction to pan the map with the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanDirection {
    Left,
    Right,
    Up,
    Down,
}

/// Something the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show the scenario's whole region.
    FitAll,
    ZoomIn,
    ZoomOut,
    Pan(PanDirection),
    /// Select an actor (or clear the selection with `None`).
    Select(Option<String>),
    /// Select the actor a quote belongs to and highlight its relations.
    FocusQuote(String),
    /// Show or hide the edges of one relation kind.
    ToggleRelationKind(String),
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Open an http(s) address in the browser.
    OpenUrl(String),
    /// Move the attendance slider to named scenario `n`.
    SetAttendanceScenario(usize),
    /// Invite an actor, or take it off the list ("custom" on the slider).
    ToggleInvitation(String),
    /// Use this invitation list (from the best-list plot).
    ApplyInvitations(Vec<bool>),
    /// Back to the slider's named scenario, dropping hand-made changes.
    ResetInvitations,
    /// Show a tab of the right-hand panel.
    ShowTab(RightTab),
    /// Search every invitation list over the chosen swing actors.
    StartBestListSearch,
    CancelBestListSearch,
    /// Step the attendance slider by one.
    StepScenario(i32),
    /// File menu: a blank scenario.
    NewScenario,
    /// File menu: choose a file to open.
    OpenDialog,
    /// Open this file (recent files, drag and drop, tests).
    OpenPath(PathBuf),
    Save,
    SaveAs,
    /// Save to this path (what the save dialogs answer).
    SaveTo(PathBuf),
    /// Reload the file from disk, dropping unsaved changes.
    Revert,
    Quit,
    /// The answer to "save your changes first?".
    AnswerUnsaved(UnsavedAnswer),
    /// Add the custom invitation list to the scenario's named lists.
    AddCustomListAsScenario(String),
    /// Take back the work found in the recovery copy at start.
    RestoreRecovery,
    DiscardRecovery,
    SetDarkTheme(bool),
    /// Select the item problem `n` is about.
    GoToProblem(usize),
}

/// The answers to "save your changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// The tabs of the right-hand panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RightTab {
    #[default]
    ActorAndQuotes,
    Attendance,
}

impl Command {
    /// The commands that have a keyboard shortcut, for the help list and the
    /// shortcut handler.
    pub const WITH_SHORTCUTS: [Self; 15] = [
        Self::FitAll,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::Pan(PanDirection::Left),
        Self::Pan(PanDirection::Right),
        Self::Pan(PanDirection::Up),
        Self::Pan(PanDirection::Down),
        Self::FocusSearch,
        Self::StepScenario(-1),
        Self::StepScenario(1),
        Self::NewScenario,
        Self::OpenDialog,
        // Before Save: egui lets Ctrl+S match Ctrl+Shift+S too.
        Self::SaveAs,
        Self::Save,
        Self::Quit,
    ];

    /// What a button or menu entry says.
    pub fn label(&self) -> String {
        match self {
            Self::FitAll => "Fit all".into(),
            Self::ZoomIn => "Zoom in".into(),
            Self::ZoomOut => "Zoom out".into(),
            Self::Pan(PanDirection::Left) => "Pan left".into(),
            Self::Pan(PanDirection::Right) => "Pan right".into(),
            Self::Pan(PanDirection::Up) => "Pan up".into(),
            Self::Pan(PanDirection::Down) => "Pan down".into(),
            Self::Select(Some(id)) => format!("Select {id}"),
            Self::Select(None) => "Clear selection".into(),
            Self::FocusQuote(_) => "Show who said this".into(),
            Self::ToggleRelationKind(kind) => format!("Show or hide {kind}"),
            Self::FocusSearch => "Search actors".into(),
            Self::OpenUrl(url) => format!("Open {url}"),
            Self::SetAttendanceScenario(n) => format!("Attendance scenario {}", n + 1),
            Self::ToggleInvitation(id) => format!("Invite or uninvite {id}"),
            Self::ApplyInvitations(_) => "Use this invitation list".into(),
            Self::ResetInvitations => "Back to the scenario's list".into(),
            Self::ShowTab(RightTab::ActorAndQuotes) => "Actor and quotes".into(),
            Self::ShowTab(RightTab::Attendance) => "Attendance".into(),
            Self::StartBestListSearch => "Find best lists".into(),
            Self::CancelBestListSearch => "Cancel search".into(),
            Self::StepScenario(step) if *step < 0 => "Previous scenario".into(),
            Self::StepScenario(_) => "Next scenario".into(),
            Self::NewScenario => "New".into(),
            Self::OpenDialog => "Open…".into(),
            Self::OpenPath(path) => path.display().to_string(),
            Self::Save | Self::AnswerUnsaved(UnsavedAnswer::Save) => "Save".into(),
            Self::SaveAs => "Save As…".into(),
            Self::SaveTo(path) => format!("Save to {}", path.display()),
            Self::Revert => "Revert".into(),
            Self::Quit => "Quit".into(),
            Self::AnswerUnsaved(UnsavedAnswer::Discard) => "Discard".into(),
            Self::AnswerUnsaved(UnsavedAnswer::Cancel) => "Cancel".into(),
            Self::AddCustomListAsScenario(_) => "Add to the scenario's lists".into(),
            Self::RestoreRecovery => "Restore".into(),
            Self::DiscardRecovery => "Discard it".into(),
            Self::SetDarkTheme(_) => "Dark theme".into(),
            Self::GoToProblem(n) => format!("Problem {}", n + 1),
        }
    }

    /// The tooltip.
    pub fn tooltip(&self) -> &'static str {
        match self {
            Self::FitAll => "Show the scenario's whole region",
            Self::ZoomIn => "Zoom the map in",
            Self::ZoomOut => "Zoom the map out",
            Self::Pan(_) => "Move the map",
            Self::Select(_) => "Select an actor to see its stance, relations and quotes",
            Self::FocusQuote(_) => "Select the speaker's actor and highlight its relations",
            Self::ToggleRelationKind(_) => "Show or hide this kind of relation on the map",
            Self::FocusSearch => "Find an actor by name or id",
            Self::OpenUrl(_) => "Open the source in your web browser",
            Self::SetAttendanceScenario(_) | Self::StepScenario(_) => "Move the attendance slider",
            Self::ToggleInvitation(_) => {
                "What if this actor were (not) invited? The slider shows \"custom\""
            }
            Self::ApplyInvitations(_) => "Show who would attend with this invitation list",
            Self::ResetInvitations => "Drop the changes made by hand",
            Self::ShowTab(_) => "Show this tab",
            Self::StartBestListSearch => {
                "Try every invitation list over the swing actors and show the best ones"
            }
            Self::CancelBestListSearch => "Stop the search",
            Self::NewScenario => "Start a blank scenario",
            Self::OpenDialog => "Open a scenario file",
            Self::OpenPath(_) => "Open this scenario file",
            Self::Save => "Save the scenario to its file",
            Self::SaveAs | Self::SaveTo(_) => "Save the scenario to a new file",
            Self::Revert => "Reload the file from disk, dropping unsaved changes",
            Self::Quit => "Close Coalition Map",
            Self::AnswerUnsaved(UnsavedAnswer::Save) => "Save the changes first",
            Self::AnswerUnsaved(UnsavedAnswer::Discard) => {
                "Go on without saving; the changes are lost"
            }
            Self::AnswerUnsaved(UnsavedAnswer::Cancel) => "Go back to the scenario",
            Self::AddCustomListAsScenario(_) => {
                "Keep this invitation list as a named scenario (saved with the file)"
            }
            Self::RestoreRecovery => "Open the unsaved work found from the last session",
            Self::DiscardRecovery => "Delete the unsaved work found from the last session",
            Self::SetDarkTheme(_) => "Switch between the light and the dark theme",
            Self::GoToProblem(_) => "Show the item this problem is about",
        }
    }

    /// The keyboard shortcut, if any. Map keys work when no text field has focus.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let plain = |key| Some(KeyboardShortcut::new(Modifiers::NONE, key));
        match self {
            Self::FitAll => plain(Key::Home),
            Self::ZoomIn => plain(Key::Equals),
            Self::ZoomOut => plain(Key::Minus),
            Self::Pan(PanDirection::Left) => plain(Key::ArrowLeft),
            Self::Pan(PanDirection::Right) => plain(Key::ArrowRight),
            Self::Pan(PanDirection::Up) => plain(Key::ArrowUp),
            Self::Pan(PanDirection::Down) => plain(Key::ArrowDown),
            Self::FocusSearch => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::F)),
            Self::StepScenario(step) if *step < 0 => {
                Some(KeyboardShortcut::new(Modifiers::NONE, Key::OpenBracket))
            }
            Self::StepScenario(_) => {
                Some(KeyboardShortcut::new(Modifiers::NONE, Key::CloseBracket))
            }
            Self::NewScenario => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::N)),
            Self::OpenDialog => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::O)),
            Self::Save => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::S)),
            Self::SaveAs => Some(KeyboardShortcut::new(
                Modifiers::COMMAND.plus(Modifiers::SHIFT),
                Key::S,
            )),
            Self::Quit => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)),
            _ => None,
        }
    }

    /// The label with its shortcut, for tooltips: "Fit all (Home)".
    pub fn label_with_shortcut(&self, ctx: &egui::Context) -> String {
        match self.shortcut() {
            Some(s) => format!("{} ({})", self.label(), ctx.format_shortcut(&s)),
            None => self.label(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let shortcuts: Vec<_> = Command::WITH_SHORTCUTS
            .iter()
            .filter_map(Command::shortcut)
            .collect();
        assert_eq!(
            shortcuts.len(),
            Command::WITH_SHORTCUTS.len(),
            "every listed command has a shortcut"
        );
        for (i, a) in shortcuts.iter().enumerate() {
            for b in &shortcuts[i + 1..] {
                assert_ne!(a, b, "two commands share {a:?}");
            }
        }
    }
}
