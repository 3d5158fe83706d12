//! The editor's work inside the app: applying edits and keeping the view in
//! step with them, undo and redo, removing an actor with its references
//! decided, relations drawn on the map, and spreadsheets in and out.

use std::path::Path;

use crate::app::CoalitionApp;
use crate::ui::state::Notice;
use crate::ui::state::editor::{PendingImport, PendingRemoval};
use coalition_core::edit::{Dependents, Edit, Item, List, actor_use};
use coalition_core::io::csv::{ActorImport, Table, apply_actor_import, preview_actor_import};
use coalition_core::model::Relation;

impl CoalitionApp {
    /// Applies an edit and keeps the view in step; a refused edit is said
    /// beside the editor. Returns whether it applied.
    pub(crate) fn apply_edit(&mut self, edit: Edit, merge: Option<String>) -> bool {
        // An actor's new id follows the selection.
        let renamed = match &edit {
            Edit::Replace {
                index,
                item: Item::Actor(actor),
            } => self
                .doc
                .scenario
                .actors
                .get(*index)
                .filter(|old| old.id != actor.id)
                .map(|old| (old.id.clone(), actor.id.clone())),
            _ => None,
        };
        let actors_before = self.doc.scenario.actors.len();
        match self.doc.apply_edit(edit, merge) {
            Ok(()) => {
                self.view.edit.message = None;
                if let Some((old, new)) = renamed
                    && self.view.selected.as_deref() == Some(old.as_str())
                {
                    self.view.selected = Some(new);
                }
                self.after_change(actors_before);
                true
            }
            Err(err) => {
                self.view.edit.message = Some(format!("Not changed: {err}."));
                false
            }
        }
    }

    /// Undoes the last edit.
    pub(crate) fn undo(&mut self) {
        let actors_before = self.doc.scenario.actors.len();
        if let Some(label) = self.doc.undo() {
            self.view.edit.message = Some(format!("Undone: {label}."));
            self.after_change(actors_before);
        }
    }

    /// Redoes the last undone edit.
    pub(crate) fn redo(&mut self) {
        let actors_before = self.doc.scenario.actors.len();
        if let Some(label) = self.doc.redo() {
            self.view.edit.message = Some(format!("Redone: {label}."));
            self.after_change(actors_before);
        }
    }

    /// After the scenario changed: a hand-made invitation list no longer fits
    /// a changed actor list, a selected actor may be gone, and the slider's
    /// outcome is computed again.
    fn after_change(&mut self, actors_before: usize) {
        if self.doc.scenario.actors.len() != actors_before {
            self.view.attendance.custom = None;
        }
        if let Some(id) = &self.view.selected
            && self.doc.scenario.actor(id).is_none()
        {
            self.view.selected = None;
        }
        self.view.time.refresh(&self.doc);
        self.view.refresh_attendance(&self.doc);
    }

    /// Removes an actor; when relations, quotes or rules name it, asks first.
    pub(crate) fn request_remove_actor(&mut self, id: &str) {
        let Some(actor) = self.doc.scenario.actor(id) else {
            return;
        };
        let uses = actor_use(&self.doc.scenario, id);
        if uses.has_dependents() {
            self.view.edit.removal = Some(PendingRemoval {
                id: id.to_owned(),
                name: actor.name.clone(),
                uses,
            });
        } else {
            self.apply_edit(
                Edit::RemoveActor {
                    id: id.to_owned(),
                    dependents: Dependents::RemoveToo,
                },
                None,
            );
        }
    }

    /// The answer to the removal prompt.
    pub(crate) fn answer_remove_actor(&mut self, answer: Option<Dependents>) {
        let Some(pending) = self.view.edit.removal.take() else {
            return;
        };
        if let Some(dependents) = answer {
            self.apply_edit(
                Edit::RemoveActor {
                    id: pending.id,
                    dependents,
                },
                None,
            );
        }
    }

    /// A relation drawn on the map: ask for its kind.
    pub(crate) fn draw_relation(&mut self, from: String, to: String) {
        let scenario = &self.doc.scenario;
        if from != to && scenario.actor(&from).is_some() && scenario.actor(&to).is_some() {
            self.view.edit.drawn_relation = Some((from, to));
        }
    }

    /// The kind picked for the drawn relation: add it, and show it in the
    /// relation editor.
    pub(crate) fn answer_drawn_relation(&mut self, kind: Option<String>) {
        let Some((from, to)) = self.view.edit.drawn_relation.take() else {
            return;
        };
        let Some(kind) = kind else {
            return;
        };
        let relation = Relation {
            from,
            to,
            kind,
            directed: true,
            ..Relation::default()
        };
        if self.apply_edit(Edit::Add(Item::Relation(relation)), None) {
            let index = self.doc.scenario.relations.len().checked_sub(1);
            self.view.edit.choose(List::Relations, index);
        }
    }
}

/// Spreadsheets larger than this are refused before they are read.
const MAX_CSV_BYTES: u64 = 20 * 1024 * 1024;

impl CoalitionApp {
    /// Reads a spreadsheet of actors and shows what importing it would do;
    /// nothing changes until the preview is accepted.
    pub(crate) fn preview_import(&mut self, path: &Path) {
        let read = || -> Result<ActorImport, String> {
            let bytes = coalition_core::io::read_file_limited(path, MAX_CSV_BYTES).map_err(|e| {
                match e {
                    coalition_core::io::ReadError::TooLarge(size) => format!(
                        "the file is {size} bytes or more; spreadsheets are limited to {MAX_CSV_BYTES} bytes"
                    ),
                    other => other.to_string(),
                }
            })?;
            preview_actor_import(&self.doc.scenario, &bytes).map_err(|e| e.to_string())
        };
        match read() {
            Ok(import) => {
                self.view.edit.import = Some(PendingImport {
                    path: path.to_path_buf(),
                    import,
                });
            }
            Err(err) => {
                self.notice = Some(Notice {
                    title: format!("Could not import {}", path.display()),
                    detail: format!("{err}. Nothing was changed."),
                });
            }
        }
    }

    /// Imports the good rows of the previewed spreadsheet (one undo step).
    pub(crate) fn accept_import(&mut self) {
        let Some(pending) = self.view.edit.import.take() else {
            return;
        };
        let actors = apply_actor_import(&self.doc.scenario.actors, &pending.import);
        self.apply_edit(Edit::SetActors(actors), None);
    }

    /// Writes one table as a spreadsheet.
    pub(crate) fn export_table(&mut self, table: Table, path: &Path) {
        let path = if path.extension().is_some() {
            path.to_path_buf()
        } else {
            path.with_extension("csv")
        };
        let csv = table.export(&self.doc.scenario);
        self.notice = Some(
            match coalition_core::io::write_atomically(&path, csv.as_bytes()) {
                Ok(()) => Notice {
                    title: format!("Exported the {} to {}", table.noun(), path.display()),
                    detail: String::new(),
                },
                Err(err) => Notice {
                    title: format!("Could not export the {}", table.noun()),
                    detail: err.to_string(),
                },
            },
        );
    }
}

impl CoalitionApp {
    /// Writes the map as it is on screen, or the handout, to `path`.
    pub(crate) fn export_picture(&mut self, picture: crate::ui::command::Picture, path: &Path) {
        let path = if path.extension().is_some() {
            path.to_path_buf()
        } else {
            path.with_extension(picture.extension())
        };
        let view = crate::export::MapPicture::of_view(&self.view, &self.map_options());
        let written = crate::export::render(picture, &self.doc, &self.basemap, &view)
            .and_then(|bytes| crate::export::write(&path, &bytes));
        self.notice = Some(match written {
            Ok(()) => Notice {
                title: format!("Exported the {} to {}", picture.noun(), path.display()),
                detail: String::new(),
            },
            Err(err) => Notice {
                title: format!("Could not export the {}", picture.noun()),
                detail: err.to_string(),
            },
        });
    }
}
