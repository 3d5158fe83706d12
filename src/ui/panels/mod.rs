//! The panels and bars around the map, one file each.

pub mod actor;
pub mod attendance;
pub mod best_list;
pub mod decision;
pub mod legend;
pub mod measures_plot;
pub mod menu_bar;
pub mod quotes;
pub mod scenario_slider;
pub mod side_strip;
pub mod timeline;
pub mod top_bar;
