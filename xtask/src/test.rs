//! `cargo xtask test`: every check CI makes, in order, failing fast, with the
//! time each step took.

use crate::ctx::{Ctx, fmt_duration};
use crate::dev::{self, DevStack};
use crate::process;
use crate::release::Meta;
use crate::tools::{self, CHROMEDRIVER, WASM_TARGET, XVFB_RUN};
use crate::{api, deploy, dist};
use anyhow::{Context, Result};
use clap::ValueEnum;
use std::fs;
use std::process::Command;
use std::time::{Duration, Instant};

/// Where the end-to-end run serves the release build (nginx) and the API
/// (its own origin), unless something else listens there already (then any
/// free port will do).
const E2E_APP_ADDR: &str = "127.0.0.1:8090";
const E2E_API_ADDR: &str = "127.0.0.1:8091";
/// Where schemathesis meets the API alone.
const CONTRACT_ADDR: &str = "127.0.0.1:8092";
/// Where `e2e-engines` serves the app through its own proxies, origins the
/// API also allows: with the wasm held back (the takeover test), and
/// counting the wasm downloads.
const E2E_SLOW_ADDR: &str = "127.0.0.1:8093";
const E2E_COUNT_ADDR: &str = "127.0.0.1:8094";
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

/// The specs that also run against `cargo xtask dev`'s stack (a debug build
/// behind trunk's proxy, the gateway page on the API's own origin): the
/// journeys whose defects showed only there, and the pictures of the
/// designers' gallery, which only a debug build has.
const DEV_STACK_SPECS: &[&str] = &[
    "quick-user.spec.ts",
    "payments.spec.ts",
    "journey.spec.ts",
    "gallery.spec.ts",
];

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

/// Serves dist/ from nginx (deploy/nginx.conf) on [`E2E_APP_ADDR`] and the
/// API with a fresh database on its own origin, [`E2E_API_ADDR`], as a CDN
/// deployment would; runs Playwright against them (`BASE_URL`, `API_URL`),
/// and stops both whatever happens.
fn end_to_end(ctx: &Ctx, playwright_args: &[String]) -> Result<()> {
    let stack = e2e_stack(ctx, "e2e", &["--dev-clock"])?;
    let result = process::run(playwright_on(ctx, &stack).args(playwright_args));
    let result = stack.finish(result);
    show_failures(ctx, &result);
    result
}

/// The failed tests, last: after the servers' logs, where a CI that keeps
/// only the end of the output still shows them (written by
/// tests/e2e/support/failures-reporter.ts).
fn show_failures(ctx: &Ctx, result: &Result<()>) {
    let file = tools::e2e_dir(ctx)
        .join("test-results")
        .join("failures.txt");
    match fs::read_to_string(&file) {
        Ok(failures) if result.is_err() && !failures.is_empty() => {
            say!("\n--- failed tests ---\n{}", failures.trim_end());
        }
        _ => {}
    }
}

/// The release on nginx at [`E2E_APP_ADDR`] and the API with a fresh
/// database at [`E2E_API_ADDR`] (or free ports), the API with `api_flags`.
fn e2e_stack(ctx: &Ctx, name: &str, api_flags: &[&str]) -> Result<deploy::Stack> {
    deploy::Stack::start(
        ctx,
        name,
        process::free_addr(E2E_APP_ADDR)?,
        process::free_addr(E2E_API_ADDR)?,
        deploy::Database::Fresh,
        api_flags,
    )
}

/// tests/e2e/engines/journey.mjs: the journey and the prerendered takeover
/// in Firefox ESR and WebKitGTK over WebDriver, against the release served
/// as the e2e step serves it, and the wasm downloads of a first visit
/// counted; under `xvfb-run`, since WebKitWebDriver opens real windows. The
/// slow and counting origins are the script's own proxies of the app.
fn end_to_end_engines(ctx: &Ctx) -> Result<()> {
    let slow_url = format!("http://{}", process::free_addr(E2E_SLOW_ADDR)?);
    let count_url = format!("http://{}", process::free_addr(E2E_COUNT_ADDR)?);
    let stack = e2e_stack(
        ctx,
        "e2e-engines",
        // WebKitGTK keeps no `Secure` cookie from plain-HTTP 127.0.0.1
        // (Chromium and Firefox take loopback as secure); deployed, it is HTTPS.
        &[
            "--cors-origin",
            &slow_url,
            "--cors-origin",
            &count_url,
            "--insecure-cookie",
        ],
    )?;
    let result = process::run(
        ctx.tool_command(XVFB_RUN)
            .current_dir(tools::e2e_dir(ctx))
            .args(["-a", "node", "engines/journey.mjs", "firefox", "webkit"])
            .env("BASE_URL", &stack.app.url)
            .env("API_URL", &stack.api_url)
            .env("SLOW_URL", &slow_url)
            .env("COUNT_URL", &count_url),
    );
    stack.finish(result)
}

/// `npx playwright test` against a release `stack`: its app and API origins
/// (`BASE_URL`, `API_URL`), and which build it is (gallery.spec.ts checks
/// that the gallery is absent). The e2e step's and the bench's.
pub fn playwright_on(ctx: &Ctx, stack: &deploy::Stack) -> Command {
    let mut playwright = ctx.tool_command("npx");
    playwright
        .current_dir(tools::e2e_dir(ctx))
        .args(["--no-install", "playwright", "test"])
        .env("BASE_URL", &stack.app.url)
        .env("API_URL", &stack.api_url)
        .env("KABINET_BUILD", "release");
    playwright
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

/// Runs [`DEV_STACK_SPECS`] (or the Playwright arguments given) against the
/// README's own `cargo xtask dev` stack, with a fresh database.
fn end_to_end_dev(ctx: &Ctx, playwright_args: &[String]) -> Result<()> {
    let scratch = tempfile::Builder::new()
        .prefix("kabinet-e2e-dev-")
        .tempdir()
        .context("creating a temporary folder for the database")?;
    let api_log = ctx.target_dir().join("e2e-dev-reference-api.log");
    let app_log = ctx.target_dir().join("e2e-dev-trunk.log");
    let stack = DevStack::start(
        ctx,
        &scratch.path().join("reference-api.sqlite"),
        &[],
        &[],
        dev::Output::Logs {
            api: &api_log,
            app: &app_log,
        },
    )?;
    let result = stack
        .wait_for_app(Duration::from_secs(15 * 60))
        .and_then(|()| {
            let mut playwright = ctx.tool_command("npx");
            playwright
                .current_dir(tools::e2e_dir(ctx))
                .args(["--no-install", "playwright", "test", "--project=main"])
                .env("BASE_URL", dev::APP_URL)
                .env("KABINET_BUILD", "debug");
            if playwright_args.is_empty() {
                playwright.args(DEV_STACK_SPECS);
            } else {
                playwright.args(playwright_args);
            }
            process::run(&mut playwright)
        });
    drop(stack);
    if result.is_err() && !process::interrupted() {
        for log in [&api_log, &app_log] {
            process::show_tail(log, 30);
        }
    }
    show_failures(ctx, &result);
    result
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
