//! Every user action is one [`Command`]. UI code emits commands; the app
//! applies them in one place after the frame. Menus, buttons and shortcuts
//! read their labels and keys from here.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use coalition_core::edit::{Dependents, Edit, List};
use coalition_core::io::csv::Table;
use coalition_core::model::{Date, Position};

/// What the File menu exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    /// The map as it is on screen, as SVG.
    MapSvg,
    /// The map as it is on screen, as PNG at twice the screen's resolution.
    MapPng,
    /// The handout: map, legend, quotes with sources, sources.
    HandoutSvg,
    /// The map on up to four days side by side (the story's days and the
    /// timeline's), as SVG.
    DaysSvg,
    /// The same as PNG.
    DaysPng,
}

impl Picture {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::MapSvg | Self::HandoutSvg | Self::DaysSvg => "svg",
            Self::MapPng | Self::DaysPng => "png",
        }
    }

    /// What the picture is called in menus and messages.
    pub fn noun(self) -> &'static str {
        match self {
            Self::MapSvg => "map as SVG",
            Self::MapPng => "map as PNG",
            Self::HandoutSvg => "handout",
            Self::DaysSvg => "days side by side as SVG",
            Self::DaysPng => "days side by side as PNG",
        }
    }
}

/// The tabs of the right-hand panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RightTab {
    #[default]
    ActorAndQuotes,
    Attendance,
    /// The editor: every part of the scenario, and the map's editing gestures.
    Edit,
}

/// The Help menu's windows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpWindow {
    /// Every key the app answers to, grouped.
    Shortcuts,
    /// Version, licence, and the data's sources and licences.
    About,
    /// The user guide, shipped inside the app so it opens offline.
    Guide,
}

/// The side panels, each of which can be collapsed to a strip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SidePanel {
    /// The left one: search, legend, relation kinds.
    Legend,
    /// The right one: actor and quotes, decisions, the editor.
    Details,
}

/// The tabs of the editor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EditTab {
    #[default]
    Actors,
    Relations,
    Quotes,
    /// The stance scale, weight kinds and groups.
    Scale,
    Conference,
    /// Title, date, region, and where sources differ.
    Scenario,
    /// The steps presentation mode walks through.
    Story,
}

impl EditTab {
    pub const ALL: [Self; 7] = [
        Self::Actors,
        Self::Relations,
        Self::Quotes,
        Self::Scale,
        Self::Conference,
        Self::Scenario,
        Self::Story,
    ];

    /// The tab's title.
    pub fn label(self) -> &'static str {
        match self {
            Self::Actors => "Actors",
            Self::Relations => "Relations",
            Self::Quotes => "Quotes & sources",
            Self::Scale => "Stances & groups",
            Self::Conference => "Conference",
            Self::Scenario => "Scenario",
            Self::Story => "Story",
        }
    }
}

/// What a clicker press asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Reveal a held-back outcome, else go to the next step.
    Next,
    Previous,
    First,
    Last,
    /// Reveal the held-back outcome.
    Reveal,
}

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
#[allow(
    clippy::large_enum_variant,
    reason = "a few commands are made per frame; boxing edits would only add noise"
)]
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
    /// Show a decision: `None` for the conference, else the scenario's
    /// decision `n` (the timeline moves to its day).
    SelectDecision(Option<usize>),
    /// The decision's what-if (a vote's or a meeting's): `None` for the
    /// decision as it happened.
    SetDecisionWhatIf(Option<usize>),
    /// What if this member of the vote shown took this position?
    SetPosition(String, Position),
    /// Back to the vote's what-if, dropping positions changed by hand.
    ResetPositions,
    /// Show a tab of the right-hand panel.
    ShowTab(RightTab),
    /// Search every invitation list over the chosen swing actors.
    StartBestListSearch,
    CancelBestListSearch,
    /// Step the attendance slider by one.
    StepScenario(i32),
    /// Show the scenario as it stood on this day (the timeline's cursor).
    SetDate(Date),
    /// Move the timeline to the next event (1) or the previous one (-1).
    StepEvent(i32),
    /// Play the timeline event by event, or pause it.
    TogglePlay,
    /// How long Play shows each event, in seconds.
    SetSecondsPerEvent(f32),
    /// File menu: a blank scenario.
    NewScenario,
    /// File menu: a new scenario on the Paris 2014 scales, kinds and groups.
    NewFromTemplate,
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
    /// Change the scenario. Edits with the same `merge` key (one typed
    /// field, one drag) are one undo step.
    Edit {
        edit: Edit,
        merge: Option<String>,
    },
    Undo,
    Redo,
    /// Remove an actor, asking first what becomes of what names it.
    RemoveActor(String),
    /// The answer to the removal prompt; `None` keeps the actor.
    AnswerRemoveActor(Option<Dependents>),
    /// A relation drawn on the map from one actor to another: ask for its kind.
    DrawRelation {
        from: String,
        to: String,
    },
    /// The kind picked for the drawn relation; `None` drops it.
    AnswerDrawnRelation(Option<String>),
    /// Show a tab of the editor.
    ShowEditTab(EditTab),
    /// Choose an item of one of the editor's lists.
    ChooseItem(List, Option<usize>),
    /// Choose a spreadsheet of actors to import.
    ImportActorsDialog,
    /// Read this spreadsheet and preview the import.
    ImportActorsFrom(PathBuf),
    /// Import the previewed rows.
    AcceptImport,
    CancelImport,
    /// Choose where to export one table as a spreadsheet.
    ExportTableDialog(Table),
    /// Export one table to this file.
    ExportTableTo(Table, PathBuf),
    /// Choose where to export the map or the handout.
    ExportPictureDialog(Picture),
    /// Export the map (as it is on screen) or the handout to this file.
    ExportPictureTo(Picture, PathBuf),
    /// Presentation mode: the story, large, for a projector.
    StartPresentation,
    StopPresentation,
    /// Next, previous, first or last step, or reveal the held-back outcome.
    Present(Move),
    /// Open or close the speaker notes window.
    ToggleSpeakerNotes,
    /// Presentation mode: black the screen, or bring the step back (`B` or
    /// `.`, as presentation software and clickers do).
    BlackScreen,
    ToggleFullscreen,
    /// Open or collapse a side panel.
    TogglePanel(SidePanel),
    /// Open a Help window (`None` closes it).
    ShowHelp(Option<HelpWindow>),
}

/// The answers to "save your changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

impl Command {
    /// The commands that have a keyboard shortcut, for the help list and the
    /// shortcut handler.
    pub const WITH_SHORTCUTS: [Self; 24] = [
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
        Self::StepEvent(-1),
        Self::StepEvent(1),
        Self::NewScenario,
        Self::OpenDialog,
        // Before Save: egui lets Ctrl+S match Ctrl+Shift+S too.
        Self::SaveAs,
        Self::Save,
        Self::Quit,
        // Before Undo, for the same reason.
        Self::Redo,
        Self::Undo,
        Self::ShowTab(RightTab::Edit),
        Self::StartPresentation,
        Self::ToggleFullscreen,
        // Before the legend's: Ctrl+B would match Ctrl+Alt+B too.
        Self::TogglePanel(SidePanel::Details),
        Self::TogglePanel(SidePanel::Legend),
    ];

    /// What each key does in presentation mode. Clickers send Page Down and
    /// Page Up (some Right and Left); Space is the other common "next".
    pub const PRESENTATION_KEYS: [(Key, Self); 15] = [
        (Key::ArrowRight, Self::Present(Move::Next)),
        (Key::Space, Self::Present(Move::Next)),
        (Key::PageDown, Self::Present(Move::Next)),
        (Key::Enter, Self::Present(Move::Reveal)),
        (Key::ArrowLeft, Self::Present(Move::Previous)),
        (Key::PageUp, Self::Present(Move::Previous)),
        (Key::Backspace, Self::Present(Move::Previous)),
        (Key::Home, Self::Present(Move::First)),
        (Key::End, Self::Present(Move::Last)),
        (Key::N, Self::ToggleSpeakerNotes),
        (Key::B, Self::BlackScreen),
        (Key::Period, Self::BlackScreen),
        (Key::F11, Self::ToggleFullscreen),
        (Key::Escape, Self::StopPresentation),
        (Key::F5, Self::Present(Move::First)),
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
            Self::SelectDecision(None) => "The conference".into(),
            Self::SelectDecision(Some(n)) => format!("Decision {}", n + 1),
            Self::SetDecisionWhatIf(None) => "As it happened".into(),
            Self::SetDecisionWhatIf(Some(n)) => format!("What-if {}", n + 1),
            Self::SetPosition(id, position) => format!("{id} {}", position.label()),
            Self::ResetPositions => "Back to the vote's positions".into(),
            Self::ShowTab(RightTab::ActorAndQuotes) => "Actor and quotes".into(),
            Self::ShowTab(RightTab::Attendance) => "Decisions".into(),
            Self::StartBestListSearch => "Find best lists".into(),
            Self::CancelBestListSearch => "Cancel search".into(),
            Self::StepScenario(step) if *step < 0 => "Previous scenario".into(),
            Self::StepScenario(_) => "Next scenario".into(),
            Self::SetDate(date) => format!("Go to {date}"),
            Self::StepEvent(step) if *step < 0 => "Previous event".into(),
            Self::StepEvent(_) => "Next event".into(),
            Self::TogglePlay => "Play or pause".into(),
            Self::SetSecondsPerEvent(_) => "Seconds per event".into(),
            Self::NewScenario => "New".into(),
            Self::NewFromTemplate => "New from the Paris 2014 template".into(),
            Self::OpenDialog => "Open…".into(),
            Self::OpenPath(path) => path.display().to_string(),
            Self::Save | Self::AnswerUnsaved(UnsavedAnswer::Save) => "Save".into(),
            Self::SaveAs => "Save As…".into(),
            Self::SaveTo(path) => format!("Save to {}", path.display()),
            Self::Revert => "Revert".into(),
            Self::Quit => "Quit".into(),
            Self::AnswerUnsaved(UnsavedAnswer::Discard) => "Discard".into(),
            Self::AnswerUnsaved(UnsavedAnswer::Cancel)
            | Self::AnswerRemoveActor(None)
            | Self::AnswerDrawnRelation(None) => "Cancel".into(),
            Self::AddCustomListAsScenario(_) => "Add to the scenario's lists".into(),
            Self::RestoreRecovery => "Restore".into(),
            Self::DiscardRecovery => "Discard it".into(),
            Self::SetDarkTheme(_) => "Dark theme".into(),
            Self::GoToProblem(n) => format!("Problem {}", n + 1),
            Self::Edit { edit, .. } => capitalised(&edit.label()),
            Self::Undo => "Undo".into(),
            Self::Redo => "Redo".into(),
            Self::ShowTab(RightTab::Edit) => "Edit scenario".into(),
            Self::RemoveActor(id) => format!("Remove {id}"),
            Self::AnswerRemoveActor(Some(Dependents::RemoveToo)) => "Remove them too".into(),
            Self::AnswerRemoveActor(Some(Dependents::KeepAndFlag)) => {
                "Keep them and flag them".into()
            }
            Self::DrawRelation { from, to } => format!("Relation from {from} to {to}"),
            Self::AnswerDrawnRelation(Some(kind)) => format!("Add as {kind}"),
            Self::ShowEditTab(tab) => tab.label().into(),
            Self::ChooseItem(list, Some(n)) => format!("{} {}", capitalised(list.noun()), n + 1),
            Self::ChooseItem(list, None) => format!("No {}", list.noun()),
            Self::ImportActorsDialog => "Import actors from CSV…".into(),
            Self::ImportActorsFrom(path) => format!("Import actors from {}", path.display()),
            Self::AcceptImport => "Import".into(),
            Self::CancelImport => "Cancel import".into(),
            Self::ExportTableDialog(table) => format!("Export {} as CSV…", table.noun()),
            Self::ExportTableTo(table, path) => {
                format!("Export {} to {}", table.noun(), path.display())
            }
            Self::ExportPictureDialog(Picture::MapSvg) => "Map as SVG…".into(),
            Self::ExportPictureDialog(Picture::MapPng) => "Map as PNG…".into(),
            Self::ExportPictureDialog(Picture::HandoutSvg) => "Handout (SVG)…".into(),
            Self::ExportPictureDialog(Picture::DaysSvg) => "Days side by side as SVG…".into(),
            Self::ExportPictureDialog(Picture::DaysPng) => "Days side by side as PNG…".into(),
            Self::ExportPictureTo(picture, path) => {
                format!("Export the {} to {}", picture.noun(), path.display())
            }
            Self::StartPresentation => "Present".into(),
            Self::StopPresentation => "End presentation".into(),
            Self::Present(Move::Next) => "Next".into(),
            Self::Present(Move::Previous) => "Back".into(),
            Self::Present(Move::First) => "First step".into(),
            Self::Present(Move::Last) => "Last step".into(),
            Self::Present(Move::Reveal) => "Reveal".into(),
            Self::ToggleSpeakerNotes => "Speaker notes".into(),
            Self::BlackScreen => "Black screen".into(),
            Self::ToggleFullscreen => "Full screen".into(),
            Self::ShowHelp(Some(HelpWindow::Shortcuts)) => "Keyboard shortcuts".into(),
            Self::ShowHelp(Some(HelpWindow::About)) => format!("About {}", crate::APP_NAME),
            Self::ShowHelp(Some(HelpWindow::Guide)) => "User guide".into(),
            Self::ShowHelp(None) => "Close".into(),
            Self::TogglePanel(SidePanel::Legend) => "Legend panel".into(),
            Self::TogglePanel(SidePanel::Details) => "Details panel".into(),
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
            Self::SetDate(_) => "Show the scenario as it stood on this day",
            Self::StepEvent(_) => "Move the timeline to the previous or next event (, and .)",
            Self::TogglePlay => "Walk through the events one by one, or stop",
            Self::SetSecondsPerEvent(_) => "How long Play shows each event",
            Self::ToggleInvitation(_) => {
                "What if this actor were (not) invited? The slider shows \"custom\""
            }
            Self::ApplyInvitations(_) => "Show who would attend with this invitation list",
            Self::ResetInvitations => "Drop the changes made by hand",
            Self::SelectDecision(_) => {
                "Show this decision: who attends a meeting, or how a vote comes out"
            }
            Self::SetDecisionWhatIf(_) => "Show the decision with this what-if",
            Self::SetPosition(..) => {
                "What if this member voted so? The count and the outcome follow"
            }
            Self::ResetPositions => "Drop the positions changed by hand",
            Self::ShowTab(RightTab::Edit) => {
                "Edit the scenario: drag nodes to move them, Shift+drag from one node to another to draw a relation"
            }
            Self::ShowTab(_) => "Show this tab",
            Self::StartBestListSearch => {
                "Try every invitation list over the swing actors and show the best ones"
            }
            Self::CancelBestListSearch => "Stop the search",
            Self::NewScenario => "Start a blank scenario",
            Self::NewFromTemplate => {
                "Start a scenario with Paris 2014's stance scale, relation kinds, weights and groups, and no actors"
            }
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
            Self::Edit { .. } => "Change the scenario",
            Self::Undo => "Undo the last change to the scenario",
            Self::Redo => "Redo the change last undone",
            Self::RemoveActor(_) => "Remove this actor from the scenario",
            Self::AnswerRemoveActor(Some(Dependents::RemoveToo)) => {
                "Remove the actor with the relations, quotes and rules that name it"
            }
            Self::AnswerRemoveActor(Some(Dependents::KeepAndFlag)) => {
                "Remove the actor; keep what names it, listed under Problems until fixed"
            }
            Self::AnswerRemoveActor(None) => "Keep the actor",
            Self::DrawRelation { .. } => "Draw a relation between two actors",
            Self::AnswerDrawnRelation(Some(_)) => "Add the relation with this kind",
            Self::AnswerDrawnRelation(None) => "Do not add the relation",
            Self::ShowEditTab(_) => "Show this part of the editor",
            Self::ChooseItem(..) => "Edit this item",
            Self::ImportActorsDialog | Self::ImportActorsFrom(_) => {
                "Add or update actors from a spreadsheet (id, name, kind, lat, lon, stance, weights, groups); you see a preview first"
            }
            Self::AcceptImport => "Import the rows without errors (one step to undo)",
            Self::CancelImport => "Close the preview; nothing changes",
            Self::ExportTableDialog(_) | Self::ExportTableTo(..) => {
                "Write this table as a spreadsheet (CSV, UTF-8)"
            }
            Self::ExportPictureDialog(Picture::MapSvg) => {
                "The map as on screen, with its legend, as a vector picture for slides and print"
            }
            Self::ExportPictureDialog(Picture::MapPng) => {
                "The map as on screen, with its legend, at twice the screen's resolution"
            }
            Self::ExportPictureDialog(Picture::DaysSvg | Picture::DaysPng) => {
                "The map on up to four days side by side, each with its stance counts: \
                 the story's days and the one the timeline shows"
            }
            Self::ExportPictureDialog(Picture::HandoutSvg) | Self::ExportPictureTo(..) => {
                "A page to print: the map, its legend, the quotes with their sources, the sources"
            }
            Self::StartPresentation => {
                "Show the story step by step for a projector; a clicker's keys move through it"
            }
            Self::StopPresentation => "Back to the explorer (Esc)",
            Self::Present(Move::Next) => "The next step (Right, Space, Page Down)",
            Self::Present(Move::Previous) => "The step before (Left, Page Up)",
            Self::Present(Move::First) => "The first step (Home)",
            Self::Present(Move::Last) => "The last step (End)",
            Self::Present(Move::Reveal) => {
                "Show the outcome the class was asked to predict (Enter)"
            }
            Self::ToggleSpeakerNotes => "The presenter's notes, in a window of their own (N)",
            Self::BlackScreen => "Black the screen, or bring the step back (B or .)",
            Self::ToggleFullscreen => "Fill the screen, or not (F11)",
            Self::ShowHelp(Some(HelpWindow::Shortcuts)) => "Every key the app answers to",
            Self::ShowHelp(Some(HelpWindow::About)) => {
                "Version, licence, and where the data comes from"
            }
            Self::ShowHelp(Some(HelpWindow::Guide)) => {
                "How to use the app, from the guide shipped with it (works offline)"
            }
            Self::ShowHelp(None) => "Close this window",
            Self::TogglePanel(SidePanel::Legend) => {
                "Show or hide the left panel: search, legend and relations"
            }
            Self::TogglePanel(SidePanel::Details) => {
                "Show or hide the right panel: actor and quotes, decisions, editor"
            }
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
            Self::StepEvent(step) if *step < 0 => plain(Key::Comma),
            Self::StepEvent(_) => plain(Key::Period),
            Self::NewScenario => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::N)),
            Self::OpenDialog => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::O)),
            Self::Save => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::S)),
            Self::SaveAs => Some(KeyboardShortcut::new(
                Modifiers::COMMAND.plus(Modifiers::SHIFT),
                Key::S,
            )),
            Self::Quit => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)),
            Self::Undo => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)),
            Self::Redo => Some(KeyboardShortcut::new(
                Modifiers::COMMAND.plus(Modifiers::SHIFT),
                Key::Z,
            )),
            Self::ShowTab(RightTab::Edit) => {
                Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::E))
            }
            Self::StartPresentation => plain(Key::F5),
            Self::ToggleFullscreen => plain(Key::F11),
            Self::TogglePanel(SidePanel::Legend) => {
                Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::B))
            }
            Self::TogglePanel(SidePanel::Details) => Some(KeyboardShortcut::new(
                Modifiers::COMMAND.plus(Modifiers::ALT),
                Key::B,
            )),
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

/// "add actor" → "Add actor".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Redo's second shortcut, as on Windows: Ctrl+Y.
pub const REDO_ALT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

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
