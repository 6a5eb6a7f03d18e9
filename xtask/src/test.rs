//! `cargo xtask test`: every check CI makes, in order, failing fast, with the
//! time each step took.

use crate::process::{self, Background};
use crate::tools::{self, CHROMEDRIVER};
use crate::{Ctx, dist, fmt_duration};
use anyhow::{Context, Result, anyhow};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// Where the end-to-end run serves the release build and the API.
const E2E_ADDR: &str = "127.0.0.1:8090";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Runs named steps in order and keeps their times for a closing summary.
struct Steps {
    started: Instant,
    done: Vec<(&'static str, Duration)>,
}

impl Steps {
    fn new() -> Self {
        Self {
            started: Instant::now(),
            done: Vec::new(),
        }
    }

    fn run(&mut self, name: &'static str, f: impl FnOnce() -> Result<()>) -> Result<()> {
        println!("\n==> {name}");
        let started = Instant::now();
        let result = f();
        let took = started.elapsed();
        match result {
            Ok(()) => {
                println!("<== {name}: ok ({})", fmt_duration(took));
                self.done.push((name, took));
                Ok(())
            }
            Err(e) => {
                self.print_summary(Some((name, took)));
                Err(e.context(format!("step «{name}» failed after {}", fmt_duration(took))))
            }
        }
    }

    fn print_summary(&self, failed: Option<(&str, Duration)>) {
        println!("\n==> summary");
        for (name, took) in &self.done {
            println!("    ok      {:>12}  {name}", fmt_duration(*took));
        }
        if let Some((name, took)) = failed {
            println!("    FAILED  {:>12}  {name}", fmt_duration(took));
        }
        println!("    total   {:>12}", fmt_duration(self.started.elapsed()));
    }
}

pub fn test(ctx: &Ctx, playwright_args: &[String]) -> Result<()> {
    let mut steps = Steps::new();
    steps.run("tools", || tools::ensure(ctx, tools::ALL))?;
    steps.run("format: cargo fmt --check", || {
        process::run(ctx.cargo().args(["fmt", "--all", "--", "--check"]))
            .context("code is not formatted: run `cargo fmt --all`")
    })?;
    steps.run("clippy (native)", || {
        cargo(ctx, "clippy --workspace --all-targets -- -D warnings")
    })?;
    steps.run("clippy (wasm32)", || {
        cargo(
            ctx,
            "clippy -p kabinet --target wasm32-unknown-unknown --all-targets -- -D warnings",
        )
    })?;
    steps.run("native tests: cargo test --workspace", || {
        cargo(ctx, "test --workspace")
    })?;
    steps.run(
        "browser component tests (wasm-bindgen-test, Chromium)",
        || {
            process::run(
                ctx.cargo()
                    .args(["test", "-p", "kabinet", "--target", WASM_TARGET])
                    .env("CHROMEDRIVER", CHROMEDRIVER)
                    .env("WASM_BINDGEN_TEST_TIMEOUT", "60")
                    // The runner reads Chromium's binary and flags from here.
                    .env(
                        "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                        ctx.root.join("webdriver.json"),
                    ),
            )
        },
    )?;
    steps.run("release build: trunk build --release", || {
        dist::build_release(ctx)?;
        print!("{}", dist::report(ctx)?);
        Ok(())
    })?;
    steps.run("end-to-end tests (Playwright)", || {
        end_to_end(ctx, playwright_args)
    })?;
    steps.print_summary(None);
    println!("\nall checks passed");
    Ok(())
}

/// `cargo` with space-separated arguments.
fn cargo(ctx: &Ctx, args: &str) -> Result<()> {
    process::run(ctx.cargo().args(args.split_whitespace()))
}

/// Serves dist/ and the API from one reference-api on [`E2E_ADDR`] with a
/// fresh database, runs Playwright against it, and stops the server
/// whatever happens.
fn end_to_end(ctx: &Ctx, playwright_args: &[String]) -> Result<()> {
    let addr: SocketAddr = E2E_ADDR.parse()?;
    process::ensure_port_free(addr)?;
    process::run(ctx.cargo().args(["build", "-p", "reference-api"]))?;

    let scratch = tempfile::Builder::new()
        .prefix("kabinet-e2e-")
        .tempdir()
        .context("creating a temporary folder for the e2e database")?;
    let database = scratch.path().join("reference-api.sqlite");
    let log = ctx.target_dir().join("e2e-reference-api.log");
    let url = format!("http://{E2E_ADDR}");
    let api = Background::spawn_logged(
        "reference-api",
        ctx.cargo()
            .args(["run", "--quiet", "-p", "reference-api", "--"])
            .arg("--static-dir")
            .arg(dist::dist_dir(ctx))
            .args(["--listen", E2E_ADDR, "--app-url", &url])
            .arg("--database")
            .arg(&database)
            .args(["--limits", "loose", "--captcha-max-number", "1000"])
            .arg("--dev-clock"),
        &log,
    )?;

    let result = api
        .wait_for_port(addr, Duration::from_secs(60))
        .and_then(|()| {
            process::run(
                ctx.tool_command("npx")
                    .current_dir(tools::e2e_dir(ctx))
                    .args(["--no-install", "playwright", "test"])
                    .args(playwright_args)
                    .env("BASE_URL", &url),
            )
        });
    api.stop();
    if result.is_err() && !process::interrupted() {
        let lines = process::tail(&log, 40);
        if !lines.is_empty() {
            println!("\n--- last lines of {} ---", log.display());
            for line in lines {
                println!("{line}");
            }
            println!("--- end of log ---");
        }
    }
    result.map_err(|e| anyhow!(e))
}
