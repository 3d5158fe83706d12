//! Small preferences kept between runs in eframe's storage: recent files,
//! the theme, the interface size.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

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
}
