//! The panels, one file each. Each `*_ui` function draws its panel and pushes
//! [`crate::command::Command`]s for what the user asked; none changes the
//! scenario directly.

pub mod actor_panel;
pub mod attendance_panel;
pub mod best_list;
pub mod edit;
pub mod file_dialog;
pub mod glyph;
pub mod legend_panel;
pub mod map_countries;
pub mod map_gpu;
pub mod map_view;
pub mod measures_plot;
pub mod menu_bar;
pub mod presentation;
pub mod quotes_panel;
pub mod scenario_slider;
pub mod source_view;
pub mod top_bar;
pub mod unsaved_prompt;
