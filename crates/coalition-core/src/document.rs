//! The open document: the scenario, what validation found in it, its
//! compiled attendance engine and evaluated named scenarios, the undo
//! history, and where it lives on disk. Everything the window shows is drawn
//! from it; none of it knows egui.

use std::path::PathBuf;

use crate::decide::Engine;
use crate::decide::named::{ScenarioResult, evaluate_named};
use crate::edit::{Edit, EditError, History};
use crate::model::{Problem, Scenario, validate};

/// The scenario being shown, with what validation found in it.
#[derive(Clone, Debug)]
pub struct Document {
    pub scenario: Scenario,
    pub problems: Vec<Problem>,
    /// The file it was opened from or last saved to; `None` for the built-in
    /// scenario and new ones.
    pub path: Option<PathBuf>,
    /// The scenario as last opened or saved, to tell whether there are unsaved changes.
    saved: Scenario,
    /// The conference's rules, compiled.
    pub engine: Engine,
    /// Every named attendance scenario, evaluated (what the plot shows).
    pub named: Vec<ScenarioResult>,
    /// The edits made since it was opened, to undo and redo.
    pub history: History,
    /// Changes with every edit, undo and redo, and differs between documents:
    /// what is drawn from the scenario is cached under it.
    pub revision: u64,
    /// Whether the scenario differed from `saved` at a revision: comparing
    /// two large scenarios every frame (the title bar asks) costs more than
    /// the rest of an idle frame on the world scenario.
    modified: std::cell::Cell<Option<(u64, bool)>>,
}

/// The next revision number: unique across documents.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Document {
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        let problems = validate(&scenario);
        let engine = Engine::new(&scenario);
        let named = evaluate_named(&scenario, &engine);
        Self {
            saved: scenario.clone(),
            scenario,
            problems,
            path,
            engine,
            named,
            history: History::default(),
            revision: next_revision(),
            modified: std::cell::Cell::new(None),
        }
    }

    /// Whether the scenario has changes that are not saved. Worked out once
    /// per revision (and again after a save).
    pub fn is_modified(&self) -> bool {
        if let Some((revision, modified)) = self.modified.get()
            && revision == self.revision
        {
            return modified;
        }
        let modified = self.scenario != self.saved;
        self.modified.set(Some((self.revision, modified)));
        modified
    }

    /// The scenario as last saved (or opened).
    pub fn saved(&self) -> &Scenario {
        &self.saved
    }

    /// The scenario as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.saved = self.scenario.clone();
        self.modified.set(Some((self.revision, false)));
    }

    /// What the file on disk holds, when it is not what was opened (a
    /// recovered copy of unsaved work).
    pub fn set_saved(&mut self, saved: Scenario) {
        self.saved = saved;
        self.modified.set(None);
    }

    /// The name shown in the title bar: the file's name, or the scenario's title.
    pub fn display_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || self.scenario.title.clone(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Applies one edit, recorded for undo; validation, the engine and the
    /// named scenarios follow at once. Unsaved until saved.
    pub fn apply_edit(&mut self, edit: Edit, merge_key: Option<String>) -> Result<(), EditError> {
        self.history.apply(&mut self.scenario, edit, merge_key)?;
        self.refresh();
        Ok(())
    }

    /// Undoes the last edit; returns what it was.
    pub fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.scenario)?;
        self.refresh();
        Some(label)
    }

    /// Redoes the last undone edit; returns what it was.
    pub fn redo(&mut self) -> Option<String> {
        let label = self.history.redo(&mut self.scenario)?;
        self.refresh();
        Some(label)
    }

    /// Re-validates and re-evaluates after the scenario changed.
    fn refresh(&mut self) {
        self.revision = next_revision();
        self.problems = validate(&self.scenario);
        self.engine = Engine::new(&self.scenario);
        self.named = evaluate_named(&self.scenario, &self.engine);
    }
}
