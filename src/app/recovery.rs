//! The recovery copy of unsaved work, in the app's data folder, so that a
//! crash or a kill loses nothing.

use std::path::PathBuf;

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
        coalition_core::io::write_atomically(&self.meta_path(), meta_text.as_bytes())
    }

    /// The recovery copy, if there is one. A copy that cannot be read is an error.
    pub fn read(&self) -> Option<Result<Recovered, LoadError>> {
        let path = self.scenario_path();
        if !path.exists() {
            return None;
        }
        let meta = coalition_core::io::read_file_limited(&self.meta_path(), 1024 * 1024)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or(RecoveryMeta { path: None });
        Some(coalition_core::io::load_scenario(&path).map(|scenario| Recovered { scenario, meta }))
    }

    /// Removes the recovery copy (nothing to do if there is none).
    pub fn clear(&self) {
        let _ = std::fs::remove_file(self.scenario_path());
        let _ = std::fs::remove_file(self.meta_path());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coalition_core::model::blank_scenario;

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
}
