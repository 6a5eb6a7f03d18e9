//! The project's developer workflow: `cargo xtask <command>`.
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

mod bench;
mod deploy;
mod dev;
mod dist;
mod precompress;
mod process;
mod test;
mod tools;

use anyhow::{Context, Result, bail};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;

const USAGE: &str = "\
usage: cargo xtask <command> [args]

commands:
  dev [TRUNK ARGS]        install missing tools, start the reference API on
                          127.0.0.1:8081 and `trunk serve` on
                          http://127.0.0.1:8080 (Ctrl-C stops both)
  test [--only STEP,…] [--from STEP] [-- PLAYWRIGHT ARGS]
                          format, clippy, native tests, schemathesis against
                          the API contract, browser component tests, release
                          build, Playwright end-to-end tests against it
                          (nginx with deploy/nginx.conf, the API on its own
                          origin, any CSP violation failing a test) and,
                          for the journeys that differ there, against the
                          `dev` stack (steps: fmt, clippy, clippy-wasm,
                          native, contract, browser, dist, e2e, e2e-dev;
                          arguments after `--` go to
                          `playwright test`, e.g.
                          `cargo xtask test --only e2e -- smoke.spec.ts`)
  dist [--api-base URL] [--support-email ADDRESS] [--wordmark NAME]
                          `trunk build --release`, the meta tags of
                          index.html set when given, .br and .gz beside each
                          file, a table of dist/ sizes (raw and brotli, also
                          written to target/dist-sizes.txt) and the CSP to
                          serve it with (see deploy/nginx.conf)
  preview                 the release build (dist/, built if missing) served
                          by nginx with deploy/nginx.conf on
                          http://127.0.0.1:8080, the reference API on its own
                          origin http://127.0.0.1:8081 (Ctrl-C stops both)
  bench                   the dist table, then Lighthouse (mobile) on /register
                          and /login served by reference-api; reports in
                          target/lighthouse/
  tools                   only check and install the tools";

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

    pub fn cargo(&self) -> Command {
        self.tool_command("cargo")
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

fn run(args: &[String]) -> Result<()> {
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => {
            say!("{USAGE}");
            return Ok(());
        }
    };
    // Arguments after an optional `--` go to the underlying tool.
    let passthrough: Vec<String> = match rest.first().map(String::as_str) {
        Some("--") => rest[1..].to_vec(),
        _ => rest.to_vec(),
    };
    let ctx = Ctx::new()?;
    match command {
        "dev" => dev::dev(&ctx, &passthrough),
        "test" => test::test(&ctx, rest),
        "dist" => {
            deploy::parse_dist_args(&passthrough)?;
            dist::dist(&ctx)
        }
        "preview" => deploy::preview(&ctx),
        "bench" => bench::bench(&ctx),
        "tools" => tools::ensure(&ctx, tools::ALL),
        "help" | "-h" | "--help" => {
            say!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

fn main() -> ExitCode {
    if let Err(e) = process::install_signal_handler() {
        esay!("xtask: {e:#}");
        return ExitCode::FAILURE;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = run(&args);
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
    fn durations_read_well() {
        assert_eq!(fmt_duration(Duration::from_millis(850)), "850 ms");
        assert_eq!(fmt_duration(Duration::from_millis(12_340)), "12.3 s");
        assert_eq!(fmt_duration(Duration::from_secs(245)), "4 min 05 s");
    }
}
