//! The project's developer workflow: `cargo xtask <command>`, the commands
//! declared in `cli.rs` (`cargo xtask --help` lists them).
//!
//! - `dev`: install what is missing, run the reference API and `trunk serve`.
//! - `test`: everything CI checks, in order, failing fast.
//! - `dist`: the release build and a table of its sizes.
//! - `preview`: the release build on nginx, the API on its own origin.
//! - `bench`: sizes and Lighthouse scores of the release build.
//! - `tools`: only install what is missing.

/// `println!` that never panics: when the reader of our output is gone (a
/// `| tee` or `| less` ended by the same Ctrl-C), the xtask must still stop
/// its children rather than die on a broken pipe.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// `print!` that never panics (see [`say!`]).
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

/// `eprintln!` that never panics (see [`say!`]).
macro_rules! esay {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod api;
mod bench;
mod cli;
mod ctx;
mod deploy;
mod dev;
mod dist;
#[cfg(test)]
mod handoff;
mod process;
mod release;
mod test;
mod tools;

use anyhow::Result;
use clap::{CommandFactory, Parser};
use cli::{Cli, Command as Cmd};
use ctx::Ctx;
use std::process::ExitCode;

fn run(command: Cmd) -> Result<()> {
    let ctx = Ctx::new()?;
    match command {
        Cmd::Dev { trunk_args } => dev::dev(&ctx, &trunk_args),
        Cmd::Test(args) => test::test(&ctx, &args.steps(), &args.playwright_args),
        Cmd::Dist(meta) => dist::dist(&ctx, &meta),
        Cmd::Preview => deploy::preview(&ctx),
        Cmd::Bench => bench::bench(&ctx),
        Cmd::Tools => tools::ensure(&ctx, tools::ALL),
    }
}

fn main() -> ExitCode {
    // Help, and arguments it does not take, end here (exit code 2 for those).
    let Some(command) = Cli::parse().command else {
        say!("{}", Cli::command().render_help());
        return ExitCode::SUCCESS;
    };
    if let Err(e) = process::install_signal_handler() {
        esay!("xtask: {e:#}");
        return ExitCode::FAILURE;
    }
    let result = run(command);
    if process::interrupted() {
        esay!("xtask: stopped by signal");
        return ExitCode::from(process::INTERRUPTED_EXIT_CODE as u8);
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            esay!("\nxtask: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
