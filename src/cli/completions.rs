//! `completions SHELL`: the shell's completion script, from the same clap
//! definition that parses the command line.

use std::io::Write;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, Exit};

/// Print a completion script for SHELL (e.g. `coalition-map completions
/// bash > ~/.local/share/bash-completion/completions/coalition-map`).
#[derive(Clone, Debug, PartialEq, Eq, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    pub shell: Shell,
}

/// Runs `completions`.
pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Exit {
    // clap_complete panics if its writer fails (`| head` closes the pipe):
    // it writes to memory, and a reader that went away is no failure.
    let mut script = Vec::new();
    clap_complete::generate(
        args.shell,
        &mut Cli::command(),
        "coalition-map",
        &mut script,
    );
    let _ = out.write_all(&script);
    Exit::Done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bash_script_completes_every_subcommand() {
        let mut script = Vec::new();
        let exit = run(&CompletionsArgs { shell: Shell::Bash }, &mut script);
        assert_eq!(exit, Exit::Done);
        let script = String::from_utf8(script).expect("utf-8");
        for command in ["check", "attendance", "export", "generate", "completions"] {
            assert!(script.contains(command), "{command} is completed");
        }
        assert!(script.contains("--install-desktop"));
    }
}
