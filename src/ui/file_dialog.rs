//! An in-app file dialog, for desktops without a native one (being written).
