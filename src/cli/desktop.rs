//! `--install-desktop` and `--uninstall-desktop`: the menu entry, the icon
//! and the `*.coalition` file type in the user's data folder (Linux).

use std::io::Write;

use super::{Exit, say};
use crate::platform::desktop::{DesktopPaths, install_reporting, uninstall_reporting};

/// Installs the desktop integration for this program; prints each file written.
pub fn install(out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            say(
                err,
                format_args!("cannot find this program's own path: {e}"),
            );
            return Exit::Failed;
        }
    };
    match DesktopPaths::from_env().and_then(|paths| install_reporting(&paths, &exe, err)) {
        Ok(files) => {
            for file in files {
                say(out, format_args!("installed {}", file.display()));
            }
            Exit::Done
        }
        Err(e) => {
            say(err, format_args!("{e}"));
            Exit::Failed
        }
    }
}

/// Removes what [`install`] added; prints each file removed. Nothing to
/// remove is no error.
pub fn uninstall(out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    match DesktopPaths::from_env().and_then(|paths| uninstall_reporting(&paths, err)) {
        Ok(files) if files.is_empty() => {
            say(
                out,
                format_args!("nothing to remove: the desktop integration was not installed"),
            );
            Exit::Done
        }
        Ok(files) => {
            for file in files {
                say(out, format_args!("removed {}", file.display()));
            }
            Exit::Done
        }
        Err(e) => {
            say(err, format_args!("{e}"));
            Exit::Failed
        }
    }
}
