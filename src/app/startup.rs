//! What the app starts on: the file it was asked to open (or the built-in
//! scenario), the country outlines, and a notice for whatever could not be
//! read. Read without egui, so the start-up benchmark and tests can time it.

use std::path::PathBuf;

use coalition_core::Document;
use coalition_core::geo::basemap::Basemap;
use coalition_core::model::blank_scenario;

use crate::ui::state::Notice;

/// What the app was asked to open at start.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    pub file: Option<PathBuf>,
    /// Where the recovery copy of unsaved work lives; `None` keeps none
    /// (tests). The binary passes the app's data folder.
    pub recovery_dir: Option<PathBuf>,
}

/// What the app starts on: the document, the country outlines, and what
/// went wrong reading them (read without egui).
pub struct Opening {
    pub doc: Document,
    pub basemap: Basemap,
    pub notice: Option<Notice>,
}

impl Opening {
    /// `startup`'s file, or the built-in scenario if there is none or it
    /// cannot be read (the notice says why); and the embedded outlines.
    pub fn read(startup: &Startup) -> Self {
        let mut notice = None;
        let doc = match &startup.file {
            Some(path) => match coalition_core::io::load_scenario(path) {
                Ok(scenario) => Some(Document::new(scenario, Some(path.clone()))),
                Err(err) => {
                    notice = Some(Notice {
                        title: format!("Could not open {}", path.display()),
                        detail: format!("{err}. Showing the built-in Paris 2014 scenario instead."),
                    });
                    None
                }
            },
            None => None,
        };
        let doc = doc.unwrap_or_else(|| match coalition_core::io::paris_2014() {
            Ok(s) => Document::new(s, None),
            Err(err) => {
                notice = Some(Notice {
                    title: "The built-in scenario could not be read".into(),
                    detail: err.to_string(),
                });
                Document::new(blank_scenario(), None)
            }
        });
        let basemap = Basemap::embedded().unwrap_or_else(|err| {
            notice = Some(Notice {
                title: "The country outlines could not be read".into(),
                detail: format!("{err}. The map shows nodes without outlines."),
            });
            Basemap::default()
        });
        Self {
            doc,
            basemap,
            notice,
        }
    }
}
