//! `manpage`: the manual page (roff), from the same clap definition that
//! parses the command line, so `man coalition-map` never drifts from
//! `--help`. The page is committed as `assets/desktop/coalition-map.1`, which
//! the Debian package installs; a test keeps it the same as this command's.

use std::io::Write;

use clap::{Args, CommandFactory};

use super::{Cli, Exit};

/// Print the manual page, in roff (`coalition-map manpage > coalition-map.1`).
#[derive(Clone, Debug, PartialEq, Eq, Args)]
pub struct ManpageArgs {}

/// Runs `manpage`.
pub fn run(_args: &ManpageArgs, out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    let mut page = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut page) {
        Ok(()) => {
            // A reader that went away (`| head`) is no failure.
            let _ = out.write_all(&page);
            Exit::Done
        }
        Err(e) => {
            let _ = writeln!(err, "error: cannot write the manual page: {e}");
            Exit::Failed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manual_page_names_the_program_and_every_subcommand() {
        let (mut page, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run(&ManpageArgs {}, &mut page, &mut err), Exit::Done);
        let page = String::from_utf8(page).expect("utf-8");
        assert!(
            page.starts_with(".ie"),
            "roff: {}",
            &page[..40.min(page.len())]
        );
        assert!(page.contains(".TH coalition-map 1"), "{page}");
        for command in ["check", "attendance", "decide", "export", "timeline"] {
            assert!(page.contains(command), "{command} is in the page");
        }
    }

    #[test]
    fn the_committed_manual_page_is_the_one_this_command_prints() {
        let (mut page, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run(&ManpageArgs {}, &mut page, &mut err), Exit::Done);
        let committed = include_str!("../../assets/desktop/coalition-map.1");
        assert!(
            committed.as_bytes() == page.as_slice(),
            "assets/desktop/coalition-map.1 is out of date: \
             cargo run -- manpage > assets/desktop/coalition-map.1"
        );
    }
}
