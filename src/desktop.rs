//! Desktop integration (being written).
