//! What differs by operating system: the desktop entry and file type on Linux.

pub mod desktop;
