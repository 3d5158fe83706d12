//! The app's side of files: preferences that persist, the recovery copy of
//! unsaved work, and the native file dialog run off the UI thread with a
//! fallback for desktops that have none. No egui.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::io::{EXTENSION, LoadError, SaveError, save_scenario};
use crate::model::Scenario;

/// How many recent files the File menu lists.
pub const MAX_RECENT: usize = 10;

/// Small preferences kept between runs (eframe's storage). The window size is
/// kept by eframe itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
    pub dark_theme: bool,
    /// Multiplies the size of everything (egui's zoom factor).
    pub ui_scale: f32,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            recent_files: Vec::new(),
            dark_theme: false,
            ui_scale: 1.0,
        }
    }
}

impl Prefs {
    /// The key under which eframe stores them.
    pub const STORAGE_KEY: &'static str = "coalition_map_prefs";

    /// Puts `path` first in the recent files, once.
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(MAX_RECENT);
    }

    /// The UI scale, kept to a sensible range.
    pub fn clamped_scale(&self) -> f32 {
        if self.ui_scale.is_finite() {
            self.ui_scale.clamp(0.5, 3.0)
        } else {
            1.0
        }
    }
}

/// What the recovery copy says about the work it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecoveryMeta {
    /// The file the work belongs to, if it had been saved before.
    pub path: Option<PathBuf>,
}

/// A recovery copy found at start.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    pub scenario: Scenario,
    pub meta: RecoveryMeta,
}

/// The copy of unsaved work kept in the app's data folder, so that a crash or
/// a kill loses nothing. Written while there are unsaved changes; removed when
/// they are saved or discarded.
#[derive(Clone, Debug)]
pub struct Recovery {
    dir: PathBuf,
}

impl Recovery {
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    fn scenario_path(&self) -> PathBuf {
        self.dir.join(format!("recovery.{EXTENSION}"))
    }

    fn meta_path(&self) -> PathBuf {
        self.dir.join("recovery.json")
    }

    /// Saves the unsaved work (atomically, like any save).
    pub fn write(&self, scenario: &Scenario, meta: &RecoveryMeta) -> Result<(), SaveError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| SaveError::Io {
            path: self.dir.display().to_string(),
            source,
        })?;
        save_scenario(&self.scenario_path(), scenario)?;
        let meta_text = serde_json::to_string_pretty(meta)?;
        std::fs::write(self.meta_path(), meta_text).map_err(|source| SaveError::Io {
            path: self.meta_path().display().to_string(),
            source,
        })
    }

    /// The recovery copy, if there is one. A copy that cannot be read is an error.
    pub fn read(&self) -> Option<Result<Recovered, LoadError>> {
        let path = self.scenario_path();
        if !path.exists() {
            return None;
        }
        let meta = std::fs::read_to_string(self.meta_path())
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(RecoveryMeta { path: None });
        Some(crate::io::load_scenario(&path).map(|scenario| Recovered { scenario, meta }))
    }

    /// Removes the recovery copy (nothing to do if there is none).
    pub fn clear(&self) {
        let _ = std::fs::remove_file(self.scenario_path());
        let _ = std::fs::remove_file(self.meta_path());
    }
}

/// What a native dialog was asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    SaveAs,
    /// Pick a spreadsheet of actors to import.
    ImportActors,
    /// Pick where to write one table as a spreadsheet.
    ExportTable(crate::tables::Table),
    /// Pick where to write the map or the handout.
    ExportPicture(crate::export::Picture),
}

impl DialogPurpose {
    /// What kind of file the dialog is for.
    pub fn kind(self) -> crate::ui::file_dialog::FileKind {
        match self {
            Self::Open | Self::SaveAs => crate::ui::file_dialog::FileKind::SCENARIO,
            Self::ImportActors | Self::ExportTable(_) => crate::ui::file_dialog::FileKind::CSV,
            Self::ExportPicture(picture) => crate::ui::file_dialog::FileKind {
                noun: "picture",
                extension: picture.extension(),
            },
        }
    }

    /// Whether the dialog picks a name to write.
    pub fn saves(self) -> bool {
        matches!(
            self,
            Self::SaveAs | Self::ExportTable(_) | Self::ExportPicture(_)
        )
    }

    /// The dialog's title.
    pub fn title(self) -> String {
        match self {
            Self::Open => "Open a scenario".into(),
            Self::SaveAs => "Save the scenario as".into(),
            Self::ImportActors => "Import actors from a spreadsheet (CSV)".into(),
            Self::ExportTable(table) => {
                format!("Export the {} as a spreadsheet (CSV)", table.noun())
            }
            Self::ExportPicture(picture) => format!("Export the {}", picture.noun()),
        }
    }
}

/// What a native dialog answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NativeAnswer {
    Picked(PathBuf),
    /// The user closed it.
    Cancelled,
    /// It came back empty at once: this desktop has no native dialog.
    Unavailable,
}

/// A dialog answer that comes back this fast was never shown.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

/// A native file dialog running on its own thread, so the window never freezes.
#[derive(Debug)]
pub struct NativeDialog {
    pub purpose: DialogPurpose,
    receiver: mpsc::Receiver<NativeAnswer>,
}

impl NativeDialog {
    /// Opens the platform's dialog; `on_answer` is called once the answer can
    /// be read with [`Self::poll`], even if the dialog's thread fails (the app
    /// passes a repaint request, so it need not poll while the dialog is open).
    pub fn start(
        purpose: DialogPurpose,
        dir: Option<PathBuf>,
        file_name: String,
        on_answer: impl FnOnce() + Send + 'static,
    ) -> Self {
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            // Dropped last, after `sender` (sent or dropped by a panic).
            let _notify = CallOnDrop(Some(on_answer));
            let sender = sender;
            let kind = purpose.kind();
            let mut dialog = rfd::FileDialog::new()
                .add_filter(
                    format!("{} ({})", kind.noun, kind.extension),
                    &[kind.extension],
                )
                .add_filter("All files", &["*"])
                .set_title(purpose.title());
            if let Some(dir) = dir {
                dialog = dialog.set_directory(dir);
            }
            let started = Instant::now();
            let picked = if purpose.saves() {
                dialog.set_file_name(file_name).save_file()
            } else {
                dialog.pick_file()
            };
            let answer = match picked {
                Some(path) => NativeAnswer::Picked(path),
                None if started.elapsed() < NO_DIALOG_WITHIN => NativeAnswer::Unavailable,
                None => NativeAnswer::Cancelled,
            };
            let _ = sender.send(answer);
        });
        Self { purpose, receiver }
    }

    /// The answer, once there is one.
    pub fn poll(&self) -> Option<NativeAnswer> {
        match self.receiver.try_recv() {
            Ok(answer) => Some(answer),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(NativeAnswer::Unavailable),
        }
    }
}

/// Calls its function when dropped.
struct CallOnDrop<F: FnOnce()>(Option<F>);

impl<F: FnOnce()> Drop for CallOnDrop<F> {
    fn drop(&mut self) {
        if let Some(f) = self.0.take() {
            f();
        }
    }
}

/// `path` with the scenario extension, if it has none.
pub fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(EXTENSION)
    }
}

/// A new scenario built on `model`'s frame: its map region, stance scale,
/// relation kinds, weight kinds and groups, with no actors, relations,
/// quotes, sources, conference or disputes.
pub fn template_from(model: &Scenario) -> Scenario {
    Scenario {
        format: crate::model::FORMAT_VERSION,
        title: "Untitled scenario".into(),
        date: String::new(),
        summary: String::new(),
        map: model.map,
        stance_scale: model.stance_scale.clone(),
        relation_kinds: model.relation_kinds.clone(),
        weight_kinds: model.weight_kinds.clone(),
        groups: model.groups.clone(),
        ..Scenario::default()
    }
}

/// A blank scenario to start from: a world map, a five-step stance scale,
/// three general relation kinds, no actors.
pub fn blank_scenario() -> Scenario {
    use crate::model::{LineStyle, MapRegion, RelationKind, StanceCategory};
    let kind = |id: &str, label: &str, meaning: &str, line| RelationKind {
        id: id.into(),
        label: label.into(),
        meaning: meaning.into(),
        line,
        shown_by_default: true,
    };
    let step = |id: &str, label: &str, meaning: &str| StanceCategory {
        id: id.into(),
        label: label.into(),
        meaning: meaning.into(),
        color: None,
    };
    Scenario {
        format: crate::model::FORMAT_VERSION,
        title: "Untitled scenario".into(),
        date: String::new(),
        map: MapRegion {
            west: -170.0,
            east: 180.0,
            south: -56.0,
            north: 75.0,
        },
        relation_kinds: vec![
            kind(
                "alliance",
                "Allied with",
                "Fights or acts together.",
                LineStyle::Solid,
            ),
            kind(
                "hostility",
                "Hostile to",
                "Opposes the other openly.",
                LineStyle::Dashed,
            ),
            kind(
                "contact",
                "Reached out to",
                "Talks, overtures or offers.",
                LineStyle::Dotted,
            ),
        ],
        stance_scale: vec![
            step("supports", "Supports", "Supports the coalition."),
            step(
                "leans_for",
                "Leans in favour",
                "Leans towards the coalition.",
            ),
            step("neutral", "Neutral", "Takes no side."),
            step(
                "leans_against",
                "Leans against",
                "Leans against the coalition.",
            ),
            step("opposes", "Opposes", "Opposes the coalition."),
        ],
        ..Scenario::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_keep_the_newest_first_once_and_at_most_ten() {
        let mut prefs = Prefs::default();
        for i in 0..12 {
            prefs.remember(Path::new(&format!("/tmp/{i}.coalition")));
        }
        prefs.remember(Path::new("/tmp/5.coalition"));
        assert_eq!(prefs.recent_files.len(), MAX_RECENT);
        assert_eq!(prefs.recent_files[0], PathBuf::from("/tmp/5.coalition"));
        assert_eq!(
            prefs
                .recent_files
                .iter()
                .filter(|p| p.ends_with("5.coalition"))
                .count(),
            1
        );
    }

    #[test]
    fn the_recovery_copy_round_trips_and_clears() {
        let dir =
            std::env::temp_dir().join(format!("coalition-map-recovery-{}", std::process::id()));
        let recovery = Recovery::new(dir.clone());
        assert!(recovery.read().is_none());
        let mut scenario = blank_scenario();
        scenario.title = "Work in progress".into();
        let meta = RecoveryMeta {
            path: Some("/somewhere/x.coalition".into()),
        };
        recovery.write(&scenario, &meta).expect("writes");
        let back = recovery.read().expect("found").expect("reads");
        assert_eq!(back, Recovered { scenario, meta });
        recovery.clear();
        assert!(recovery.read().is_none());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_blank_scenario_is_sound() {
        assert_eq!(crate::model::validate(&blank_scenario()), vec![]);
    }
}
