//! Windows that ask: the in-app file dialog, and "save your changes first?".

pub mod file_dialog;
pub mod help;
pub mod unsaved_prompt;
