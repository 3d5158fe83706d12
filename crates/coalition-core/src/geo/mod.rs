//! Geography without egui: the map projection, the world outlines and the
//! placement of nodes and labels on screen.

pub mod basemap;
pub(crate) mod grid;
pub mod labels;
pub mod layout;
pub mod outline;
pub mod projection;
