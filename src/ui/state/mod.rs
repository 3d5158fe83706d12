//! What the user is looking at, apart from the document: the selection, the
//! map's view, the attendance slider, the editor's and the presentation's
//! state, and the notice banner. Plain state the panels draw and the app
//! changes when it applies commands.

pub mod attendance;
pub mod decision;
pub mod editor;
pub mod presentation;
pub mod time;

use std::collections::BTreeSet;

use coalition_core::Document;
use coalition_core::model::{Date, Scenario};

use crate::ui::command::RightTab;
use crate::ui::map::{MapState, MapView};
use attendance::AttendanceView;
use decision::DecisionView;
use editor::EditView;
use time::TimeView;

/// What the user is looking at: selection, search, filters, the map's view,
/// the attendance slider.
#[derive(Debug)]
pub struct ViewState {
    pub selected: Option<String>,
    /// The quote whose card was last clicked.
    pub focused_quote: Option<String>,
    pub search: String,
    /// Show every quote, even when an actor is selected.
    pub all_quotes: bool,
    /// How many quote cards the panel lays out (it grows with "Show more").
    pub quotes_shown: usize,
    pub hidden_relation_kinds: BTreeSet<String>,
    pub map: MapState,
    pub focus_search: bool,
    pub right_tab: RightTab,
    pub attendance: AttendanceView,
    pub edit: EditView,
    /// Presentation mode, when on.
    pub presenting: Option<crate::ui::state::presentation::Presentation>,
    /// The timeline's cursor, and the scenario as of its day.
    pub time: TimeView,
    /// The decision shown (the conference, or a vote), and a vote's count.
    pub decision: DecisionView,
    /// Which side panels the user opened or collapsed.
    pub side_panels: SidePanels,
    /// The Help window open, if any.
    pub help: Option<crate::ui::command::HelpWindow>,
    /// What the scenario allows but is probably a mistake.
    pub warnings: Warnings,
}

/// The document's warnings (`coalition_core::model::warnings`: a position
/// written as `[lon, lat]`, a host not invited), worked out against the
/// outlines once per revision.
#[derive(Debug, Default)]
pub struct Warnings {
    revision: u64,
    pub list: Vec<coalition_core::model::Problem>,
}

impl Warnings {
    /// Brings the list in step with `doc`.
    pub fn refresh(&mut self, doc: &Document, basemap: &coalition_core::geo::basemap::Basemap) {
        if self.revision != doc.revision {
            self.list = coalition_core::model::warnings(&doc.scenario, Some(basemap));
            self.revision = doc.revision;
        }
    }
}

/// Whether each side panel is open: as the user last chose, else open in a
/// wide window and collapsed to a strip in a narrow one (`theme::size`'s
/// `DETAILS_COLLAPSES_BELOW` and `LEGEND_COLLAPSES_BELOW`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SidePanels {
    pub legend: Option<bool>,
    pub details: Option<bool>,
}

impl SidePanels {
    fn choice(&mut self, side: crate::ui::command::SidePanel) -> &mut Option<bool> {
        match side {
            crate::ui::command::SidePanel::Legend => &mut self.legend,
            crate::ui::command::SidePanel::Details => &mut self.details,
        }
    }

    /// Whether `side` is open in a window `width` points wide.
    pub fn is_open(mut self, side: crate::ui::command::SidePanel, width: f32) -> bool {
        use crate::theme::size;
        let below = match side {
            crate::ui::command::SidePanel::Legend => size::LEGEND_COLLAPSES_BELOW,
            crate::ui::command::SidePanel::Details => size::DETAILS_COLLAPSES_BELOW,
        };
        self.choice(side).unwrap_or(width >= below)
    }

    /// Opens `side` if it is collapsed, collapses it if it is open.
    pub fn toggle(&mut self, side: crate::ui::command::SidePanel, width: f32) {
        let open = self.is_open(side, width);
        *self.choice(side) = Some(!open);
    }
}

impl ViewState {
    /// The view for a freshly opened document: kinds hidden as the file says,
    /// the slider on the first scenario.
    pub fn for_document(doc: &Document) -> Self {
        let scenario = &doc.scenario;
        let time = TimeView::for_document(doc);
        let attendance = AttendanceView::new(time.dated.as_ref().unwrap_or(scenario), doc);
        Self {
            selected: None,
            focused_quote: None,
            search: String::new(),
            all_quotes: false,
            quotes_shown: 0,
            hidden_relation_kinds: scenario
                .relation_kinds
                .iter()
                .filter(|k| !k.shown_by_default)
                .map(|k| k.id.clone())
                .collect(),
            map: MapState::default(),
            focus_search: false,
            right_tab: RightTab::default(),
            attendance,
            edit: EditView::default(),
            presenting: None,
            time,
            decision: DecisionView::default(),
            side_panels: SidePanels::default(),
            help: None,
            warnings: Warnings::default(),
        }
    }

    /// The scenario as the map shows it: as of the timeline's day, with the
    /// slider's what-if applied.
    pub fn shown<'a>(&'a self, doc: &'a Document) -> &'a Scenario {
        shown(&self.decision, &self.attendance, &self.time, doc)
    }

    /// Moves the timeline to `date` (none: the day it opens on), and the
    /// attendance view with it.
    pub fn go_to(&mut self, doc: &Document, date: Option<Date>) {
        self.time.go_to(doc, date);
        self.refresh_attendance(doc);
    }

    /// Computes the slider's outcome again, on the scenario as of the day,
    /// and the vote shown, if one is.
    pub fn refresh_attendance(&mut self, doc: &Document) {
        let dated = self.time.dated.as_ref().unwrap_or(&doc.scenario);
        self.attendance.refresh(dated, doc);
        self.decision.refresh(&doc.scenario, dated, self.time.date);
    }
}

/// The scenario as the map shows it: a vote's members by their positions,
/// else the slider's what-if (applied on the day's scenario), else the day's
/// scenario, else the document's. A function of the parts, so `map_view` can
/// lend the map the rest of the view mutably.
fn shown<'a>(
    decision: &'a DecisionView,
    attendance: &'a AttendanceView,
    time: &'a TimeView,
    doc: &'a Document,
) -> &'a Scenario {
    decision
        .by_position
        .as_ref()
        .or(attendance.overridden.as_ref())
        .or(time.dated.as_ref())
        .unwrap_or(&doc.scenario)
}

impl ViewState {
    /// The parts of the view the map widget draws and changes, for one frame.
    pub fn map_view<'a>(&'a mut self, doc: &'a Document) -> MapView<'a> {
        MapView {
            scenario: shown(&self.decision, &self.attendance, &self.time, doc),
            offstage: &self.time.offstage,
            ringed: &self.time.ringed,
            stances_key: {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                self.attendance.key().hash(&mut h);
                self.time.stances_key.hash(&mut h);
                self.decision.key().hash(&mut h);
                h.finish()
            },
            relations_key: self.time.relations_key,
            invited: &self.attendance.invited,
            outcome: &self.attendance.outcome,
            selected: self.selected.as_deref(),
            hidden_relation_kinds: &self.hidden_relation_kinds,
            memory: &mut self.map,
            drawing_from: &mut self.edit.drawing_from,
        }
    }
}

/// A message for the user, shown in a banner until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub detail: String,
}
