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
mod deploy;
mod dev;
mod dist;
#[cfg(test)]
mod handoff;
mod process;
mod release;
mod test;
mod tools;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser};
use cli::{Cli, Command as Cmd};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;

/// What every command needs: where the project is, and a PATH on which the
/// project's tools come first.
pub struct Ctx {
    pub root: PathBuf,
    path: OsString,
}

impl Ctx {
    fn new() -> Result<Self> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .context("xtask/ has no parent folder")?
            .to_path_buf();
        let mut ctx = Self {
            root,
            path: OsString::new(),
        };
        // wasm-opt from npm first (never Debian's binaryen), then cargo's
        // installs (trunk, wasm-bindgen), then whatever the user has.
        let mut dirs = vec![tools::binaryen_bin_dir(&ctx), tools::cargo_bin_dir()];
        if let Some(path) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&path));
        }
        ctx.path = std::env::join_paths(dirs).context("building PATH")?;
        Ok(ctx)
    }

    /// A command run in the project's root with the tools' PATH. Trunk's
    /// update check calls a web API that is not reachable here: skip it.
    pub fn tool_command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root)
            .env("PATH", &self.path)
            .env("TRUNK_SKIP_VERSION_CHECK", "true");
        cmd
    }

    /// The cargo that runs this xtask (`$CARGO`, which cargo sets for the
    /// programs it runs: the toolchain of rust-toolchain.toml), or the one
    /// on PATH when the xtask's binary is started by hand.
    pub fn cargo(&self) -> Command {
        self.tool_command(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
    }

    /// Where the release is built: `dist/`.
    pub fn dist_dir(&self) -> PathBuf {
        self.root.join("dist")
    }

    pub fn target_dir(&self) -> PathBuf {
        std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .map(|p| {
                if p.is_absolute() {
                    p
                } else {
                    self.root.join(p)
                }
            })
            .unwrap_or_else(|| self.root.join("target"))
    }
}

/// `850 ms`, `12.3 s`, `4 min 05 s`.
pub fn fmt_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 1.0 {
        format!("{} ms", d.as_millis())
    } else if secs < 60.0 {
        format!("{secs:.1} s")
    } else {
        let whole = d.as_secs();
        format!("{} min {:02} s", whole / 60, whole % 60)
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_is_the_one_that_runs_us() {
        // `cargo test` sets $CARGO for the tests as `cargo xtask` does for us.
        let cargo = std::env::var_os("CARGO").expect("cargo sets $CARGO");
        let ctx = Ctx::new().unwrap();
        assert_eq!(ctx.cargo().get_program(), cargo);
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(fmt_duration(Duration::from_millis(850)), "850 ms");
        assert_eq!(fmt_duration(Duration::from_millis(12_340)), "12.3 s");
        assert_eq!(fmt_duration(Duration::from_secs(245)), "4 min 05 s");
    }
}
