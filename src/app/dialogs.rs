//! File dialogs: the platform's native dialog, run off the UI thread, with a
//! fallback to the app's own dialog for desktops that have none.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use coalition_core::io::EXTENSION;

/// What a native dialog was asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    SaveAs,
    /// Pick a spreadsheet of actors to import.
    ImportActors,
    /// Pick where to write one table as a spreadsheet.
    ExportTable(coalition_core::io::csv::Table),
    /// Pick where to write the map or the handout.
    ExportPicture(crate::ui::command::Picture),
}

impl DialogPurpose {
    /// What kind of file the dialog is for.
    pub fn kind(self) -> crate::ui::dialogs::file_dialog::FileKind {
        match self {
            Self::Open | Self::SaveAs => crate::ui::dialogs::file_dialog::FileKind::SCENARIO,
            Self::ImportActors | Self::ExportTable(_) => {
                crate::ui::dialogs::file_dialog::FileKind::CSV
            }
            Self::ExportPicture(picture) => crate::ui::dialogs::file_dialog::FileKind {
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
