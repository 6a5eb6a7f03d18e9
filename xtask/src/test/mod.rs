//! `cargo xtask test`: every check CI makes, in order, failing fast, with the
//! time each step took.

mod e2e;

pub use e2e::playwright_on;
use e2e::{end_to_end, end_to_end_dev, end_to_end_engines};

use crate::ctx::{Ctx, fmt_duration};
use crate::process;
use crate::release::Meta;
use crate::tools::{self, CHROMEDRIVER, WASM_TARGET};
use crate::{api, dist};
use anyhow::{Context, Result};
use clap::ValueEnum;
use std::process::Command;
use std::time::{Duration, Instant};

/// Where schemathesis meets the API alone.
const CONTRACT_ADDR: &str = "127.0.0.1:8092";
/// Cases per operation and phase: bounded, so the step takes under a minute.
const CONTRACT_EXAMPLES: &str = "30";
/// Fixed, so a run can be repeated exactly; change it to explore anew.
const CONTRACT_SEED: &str = "20261130";

/// The steps of a run, in the order they run; `--only` and `--from` take
/// their short names (`clippy-wasm`, `e2e-dev`). Each one's doc comment is
/// its heading in the output and its line in `cargo xtask test --help`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum Step {
    /// format: leptosfmt --check, cargo fmt --check
    Fmt,
    /// clippy (native)
    Clippy,
    /// clippy (wasm32, with the release's `split` feature)
    ClippyWasm,
    /// native tests: cargo test --workspace
    Native,
    /// contract: schemathesis against openapi.yaml and the reference API
    Contract,
    /// browser component tests (wasm-bindgen-test, Chromium)
    Browser,
    /// release build: split by groups of pages (xtask/src/release/), prerendered
    Dist,
    /// end-to-end tests (Playwright)
    E2e,
    /// the journey in Firefox ESR and WebKitGTK (WebDriver, WebdriverIO)
    E2eEngines,
    /// end-to-end tests against `cargo xtask dev` (trunk serve)
    E2eDev,
}

impl Step {
    /// Every step, in running order.
    pub fn all() -> &'static [Step] {
        Step::value_variants()
    }

    /// The step's heading: its doc comment.
    fn title(self) -> String {
        self.to_possible_value()
            .and_then(|v| v.get_help().map(ToString::to_string))
            .unwrap_or_else(|| format!("{self:?}"))
    }
}

/// Runs named steps in order and keeps their times for a closing summary.
struct Steps {
    started: Instant,
    done: Vec<(String, Duration)>,
}

impl Steps {
    fn new() -> Self {
        Self {
            started: Instant::now(),
            done: Vec::new(),
        }
    }

    /// Runs `f` as the step named `name` in the output.
    fn run(&mut self, name: String, f: impl FnOnce() -> Result<()>) -> Result<()> {
        say!("\n==> {name}");
        let started = Instant::now();
        let result = f();
        let took = started.elapsed();
        match result {
            Ok(()) => {
                say!("<== {name}: ok ({})", fmt_duration(took));
                self.done.push((name, took));
                Ok(())
            }
            Err(e) => {
                self.print_summary(Some((&name, took)));
                Err(e.context(format!("step «{name}» failed after {}", fmt_duration(took))))
            }
        }
    }

    fn print_summary(&self, failed: Option<(&str, Duration)>) {
        say!("\n==> summary");
        for (name, took) in &self.done {
            say!("    ok      {:>12}  {name}", fmt_duration(*took));
        }
        if let Some((name, took)) = failed {
            say!("    FAILED  {:>12}  {name}", fmt_duration(took));
        }
        say!("    total   {:>12}", fmt_duration(self.started.elapsed()));
        // The steps themselves print their own tests' counts; this closing
        // line counts the steps.
        say!(
            "steps: {} passed, {} failed",
            self.done.len(),
            usize::from(failed.is_some())
        );
    }
}

/// `cargo xtask test`: the `selected` steps, in running order, with
/// `playwright_args` for the end-to-end ones.
pub fn test(ctx: &Ctx, selected: &[Step], playwright_args: &[String]) -> Result<()> {
    let mut steps = Steps::new();
    steps.run("tools".into(), || tools::ensure(ctx, tools::ALL))?;
    for &step in selected {
        steps.run(step.title(), || run(ctx, step, playwright_args))?;
    }
    if selected.len() < Step::all().len() {
        say!("\n(only the selected steps ran)");
    }
    steps.print_summary(None);
    Ok(())
}

/// What `step` does.
fn run(ctx: &Ctx, step: Step, playwright_args: &[String]) -> Result<()> {
    match step {
        Step::Fmt => {
            // leptosfmt first: rustfmt leaves the inside of `view!` alone.
            process::run(
                ctx.tool_command("leptosfmt")
                    .args(["--check", "src", "tests"]),
            )
            .context("views are not formatted: run `leptosfmt src tests`")?;
            process::run(ctx.cargo().args(["fmt", "--all", "--", "--check"]))
                .context("code is not formatted: run `cargo fmt --all`")
        }
        Step::Clippy => cargo(ctx, "clippy --workspace --all-targets -- -D warnings"),
        Step::ClippyWasm => cargo(
            ctx,
            &format!(
                "clippy -p kabinet --target {WASM_TARGET} --all-targets --features split \
                 -- -D warnings"
            ),
        ),
        Step::Native => cargo(ctx, "test --workspace"),
        Step::Contract => contract(ctx),
        Step::Browser => process::run(
            ctx.cargo()
                .args(["test", "-p", "kabinet", "--target", WASM_TARGET])
                .env("CHROMEDRIVER", CHROMEDRIVER)
                .env("WASM_BINDGEN_TEST_TIMEOUT", "60")
                // The runner reads Chromium's binary and flags from here.
                .env(
                    "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                    ctx.root.join("webdriver.json"),
                ),
        ),
        Step::Dist => {
            dist::build_release(ctx, &Meta::default())?;
            say_raw!("{}", dist::size_report(ctx)?);
            Ok(())
        }
        Step::E2e => end_to_end(ctx, playwright_args),
        Step::E2eEngines => end_to_end_engines(ctx),
        Step::E2eDev => end_to_end_dev(ctx, playwright_args),
    }
}

/// `cargo` with space-separated arguments.
fn cargo(ctx: &Ctx, args: &str) -> Result<()> {
    process::run(ctx.cargo().args(args.split_whitespace()))
}

/// schemathesis with every check, anonymous and then as a signed-in
/// subscriber (made through the API by `tests/e2e/support/subscriber.mjs`),
/// against a fresh reference API; any failure fails the step.
fn contract(ctx: &Ctx) -> Result<()> {
    let served = api::serve_api(ctx, CONTRACT_ADDR, "contract", &[])?;
    let result = (|| {
        let cookie = process::output_of(
            ctx.tool_command("node")
                .current_dir(tools::e2e_dir(ctx))
                .args(["support/subscriber.mjs", &served.url]),
        )
        .context("signing a subscriber in through the API failed")?;
        let reports = ctx.target_dir().join("schemathesis");
        let session = cookie.trim().trim_start_matches("kabinet_session=");
        for (who, session) in [("anonymous", ""), ("signed-in", session)] {
            say!("--- schemathesis, {who}");
            let mut run = Command::new(tools::schemathesis_venv(ctx).join("bin/schemathesis"));
            // Its own working files (.schemathesis/) go under target/.
            run.current_dir(ctx.target_dir())
                .arg("--config-file")
                .arg(ctx.root.join("tests/contract/schemathesis.toml"))
                .arg("run")
                .arg(ctx.root.join("reference-api/openapi.yaml"))
                .args(["--url", &format!("{}/api/v1", served.url)])
                .args(["--checks", "all", "--max-examples", CONTRACT_EXAMPLES])
                .args(["--seed", CONTRACT_SEED, "--generation-database", "none"])
                .args(["--header", "X-Requested-With: kabinet"])
                .args(["--report", "junit", "--report-dir"])
                .arg(reports.join(who))
                .args(["--no-color"])
                .env("SCHEMATHESIS_TELEMETRY", "false")
                .env("KABINET_SESSION", session);
            if !session.is_empty() {
                // Logging out would end the session the rest of the run uses.
                run.args(["--exclude-operation-id", "logout"]);
            }
            process::run(&mut run)
                .with_context(|| format!("schemathesis ({who}) found failures"))?;
        }
        Ok(())
    })();
    served.finish(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_keep_their_short_names_and_headings() {
        let names: Vec<String> = Step::all()
            .iter()
            .filter_map(|s| s.to_possible_value())
            .map(|v| v.get_name().to_owned())
            .collect();
        assert_eq!(
            names,
            [
                "fmt",
                "clippy",
                "clippy-wasm",
                "native",
                "contract",
                "browser",
                "dist",
                "e2e",
                "e2e-engines",
                "e2e-dev"
            ]
        );
        assert_eq!(
            Step::Fmt.title(),
            "format: leptosfmt --check, cargo fmt --check"
        );
        assert_eq!(
            Step::E2eDev.title(),
            "end-to-end tests against `cargo xtask dev` (trunk serve)"
        );
    }
}
