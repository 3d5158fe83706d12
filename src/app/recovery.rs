//! The recovery copy of unsaved work, in the app's data folder, so that a
//! crash or a kill loses nothing; one per window.
//!
//! Each running app (one window) keeps its copy in a folder of its own,
//! `sessions/<process id>-<start time>/`, and holds a lock on that folder's
//! `lock` file for as long as it runs (`File::try_lock`, which the system
//! lets go of when the process ends, however it ends). At start, a folder
//! whose lock can be taken belongs to an app that is no longer running: its
//! copy is offered back (and the folder's lock kept while it is offered, so
//! that no other window offers it too), and a folder with no copy is
//! removed. A folder that is locked belongs to a live window and is never
//! touched.

use std::fs::File;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use coalition_core::io::{EXTENSION, LoadError, SaveError, save_scenario};
use coalition_core::model::Scenario;

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

/// The name of the copy in a session's folder.
fn copy_name() -> String {
    format!("recovery.{EXTENSION}")
}

const META_NAME: &str = "recovery.json";
const LOCK_NAME: &str = "lock";

/// A session's folder, locked by the process that holds `lock`.
#[derive(Debug)]
struct Session {
    dir: PathBuf,
    /// Held while the folder is this process's; `None` where the file
    /// system could not lock (the copy is still kept).
    lock: Option<File>,
}

impl Session {
    fn copy(&self) -> PathBuf {
        self.dir.join(copy_name())
    }

    fn meta(&self) -> PathBuf {
        self.dir.join(META_NAME)
    }

    /// Lets go of the lock (a locked file cannot be deleted everywhere),
    /// then deletes the folder.
    fn remove(self) {
        let Self { dir, lock } = self;
        drop(lock);
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// This window's recovery copy, and the copy of an app that ended without
/// saving, while it is offered back.
#[derive(Debug)]
pub struct Recovery {
    sessions: PathBuf,
    own: Session,
    /// A dead session's folder whose copy is being offered.
    offered: Option<Session>,
}

impl Recovery {
    /// This window's session under `dir` (the app's data folder), locked.
    /// Nothing is written until there is work to keep.
    pub fn new(dir: &Path) -> Self {
        let sessions = dir.join("sessions");
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |t| t.as_nanos());
        let own = sessions.join(format!("{}-{started}", std::process::id()));
        adopt_legacy_copy(dir, &sessions);
        let lock = std::fs::create_dir_all(&own)
            .and_then(|()| File::create(own.join(LOCK_NAME)))
            .ok()
            .filter(|file| file.try_lock().is_ok());
        Self {
            sessions,
            own: Session { dir: own, lock },
            offered: None,
        }
    }

    /// Where this window keeps its copy.
    pub fn copy_path(&self) -> PathBuf {
        self.own.copy()
    }

    /// Saves the unsaved work (atomically, like any save).
    pub fn write(&self, scenario: &Scenario, meta: &RecoveryMeta) -> Result<(), SaveError> {
        std::fs::create_dir_all(&self.own.dir).map_err(|source| SaveError::Io {
            path: self.own.dir.display().to_string(),
            source,
        })?;
        save_scenario(&self.own.copy(), scenario)?;
        let meta_text = serde_json::to_string_pretty(meta)?;
        coalition_core::io::write_atomically(&self.own.meta(), meta_text.as_bytes())
    }

    /// Removes this window's copy (nothing to do if there is none).
    pub fn clear(&self) {
        let _ = std::fs::remove_file(self.own.copy());
        let _ = std::fs::remove_file(self.own.meta());
    }

    /// The copy an app that is no longer running left behind, if there is
    /// one: kept for this window (no other offers it) until
    /// [`Recovery::adopt_offered`] or [`Recovery::discard_offered`]. The
    /// folders of ended apps with nothing in them are removed on the way. A
    /// copy that cannot be read is an error (and stays where it is).
    pub fn take_orphan(&mut self) -> Option<Result<Recovered, LoadError>> {
        let entries = std::fs::read_dir(&self.sessions).ok()?;
        for entry in entries.flatten() {
            let dir = entry.path();
            if dir == self.own.dir || !dir.is_dir() {
                continue;
            }
            let Some(lock) = File::options()
                .write(true)
                .create(true)
                .truncate(false)
                .open(dir.join(LOCK_NAME))
                .ok()
                .filter(|file| file.try_lock().is_ok())
            else {
                // A live window's, or one this process cannot tell.
                continue;
            };
            let session = Session {
                dir,
                lock: Some(lock),
            };
            if !session.copy().exists() {
                let _ = std::fs::remove_dir_all(&session.dir);
                continue;
            }
            let meta = coalition_core::io::read_file_limited(&session.meta(), 1024 * 1024)
                .ok()
                .and_then(|bytes| serde_json::from_slice(&bytes).ok())
                .unwrap_or(RecoveryMeta { path: None });
            let read = coalition_core::io::load_scenario(&session.copy())
                .map(|scenario| Recovered { scenario, meta });
            self.offered = Some(session);
            return Some(read);
        }
        None
    }

    /// The offered copy becomes this window's: its files move into this
    /// window's folder, and the ended app's folder goes.
    pub fn adopt_offered(&mut self) {
        if let Some(offered) = self.offered.take() {
            let _ = std::fs::create_dir_all(&self.own.dir);
            let _ = std::fs::rename(offered.copy(), self.own.copy());
            let _ = std::fs::rename(offered.meta(), self.own.meta());
            offered.remove();
        }
    }

    /// Deletes the offered copy and its folder.
    pub fn discard_offered(&mut self) {
        if let Some(offered) = self.offered.take() {
            offered.remove();
        }
    }
}

/// Versions before one copy per window kept a single copy in `dir` itself:
/// it moves into a session folder of its own, unlocked, to be offered back.
fn adopt_legacy_copy(dir: &Path, sessions: &Path) {
    let legacy = dir.join(copy_name());
    if !legacy.exists() {
        return;
    }
    let folder = sessions.join(format!("earlier-{}", std::process::id()));
    if std::fs::create_dir_all(&folder).is_ok()
        && std::fs::rename(&legacy, folder.join(copy_name())).is_ok()
    {
        let _ = std::fs::rename(dir.join(META_NAME), folder.join(META_NAME));
    }
}

impl Drop for Recovery {
    /// A window that ends with nothing unsaved leaves no folder behind.
    fn drop(&mut self) {
        if !self.own.copy().exists() {
            self.own.lock = None;
            let _ = std::fs::remove_dir_all(&self.own.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coalition_core::model::blank_scenario;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "coalition-map-recovery-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn work(title: &str) -> (Scenario, RecoveryMeta) {
        let mut scenario = blank_scenario();
        scenario.title = title.into();
        let meta = RecoveryMeta {
            path: Some(format!("/somewhere/{title}.coalition").into()),
        };
        (scenario, meta)
    }

    #[test]
    fn a_copy_left_by_an_ended_app_is_offered_once_and_adopted() {
        let dir = temp("adopt");
        let (scenario, meta) = work("ended");
        {
            let ended = Recovery::new(&dir);
            ended.write(&scenario, &meta).expect("writes");
        }
        let mut next = Recovery::new(&dir);
        let found = next.take_orphan().expect("found").expect("reads");
        assert_eq!(found, Recovered { scenario, meta });
        // While this window offers it, another one does not.
        let mut third = Recovery::new(&dir);
        assert!(third.take_orphan().is_none());
        next.adopt_offered();
        assert!(next.copy_path().exists(), "the copy is this window's now");
        drop(third);
        let mut fourth = Recovery::new(&dir);
        assert!(fourth.take_orphan().is_none(), "a live window's copy");
        drop((next, fourth));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn two_windows_keep_separate_copies_and_never_offer_each_other_s() {
        let dir = temp("two");
        let (mut first, mut second) = (Recovery::new(&dir), Recovery::new(&dir));
        let (a, meta_a) = work("first");
        let (b, meta_b) = work("second");
        first.write(&a, &meta_a).expect("writes");
        second.write(&b, &meta_b).expect("writes");
        assert_ne!(first.copy_path(), second.copy_path());
        assert!(first.take_orphan().is_none());
        assert!(second.take_orphan().is_none());
        // The first window saves: its copy goes, the second's stays.
        first.clear();
        assert!(!first.copy_path().exists());
        assert!(second.copy_path().exists());
        // The second is killed; a new window finds its work, not the first's.
        drop(second);
        let mut third = Recovery::new(&dir);
        let found = third.take_orphan().expect("found").expect("reads");
        assert_eq!(found.scenario.title, "second");
        third.discard_offered();
        let mut fourth = Recovery::new(&dir);
        assert!(fourth.take_orphan().is_none(), "discarded is gone");
        drop((first, third, fourth));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_folders_of_ended_windows_with_nothing_unsaved_are_removed() {
        let dir = temp("empty");
        let ended = Recovery::new(&dir);
        let folder = ended.own.dir.clone();
        let stale = dir.join("sessions").join("1-2");
        std::fs::create_dir_all(&stale).expect("a stale folder");
        drop(ended);
        assert!(!folder.exists(), "an ended window with nothing to keep");
        let mut next = Recovery::new(&dir);
        assert!(next.take_orphan().is_none());
        assert!(!stale.exists(), "a stale folder with no copy is removed");
        drop(next);
        let _ = std::fs::remove_dir_all(dir);
    }
}
