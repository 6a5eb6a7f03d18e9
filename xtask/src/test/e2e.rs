//! The end-to-end steps: Playwright against the release as deployed and
//! against `cargo xtask dev`'s stack, and the other engines over WebDriver.

use crate::ctx::Ctx;
use crate::deploy;
use crate::dev::{self, DevStack};
use crate::process;
use crate::tools::{self, XVFB_RUN};
use anyhow::{Context, Result};
use std::fs;
use std::process::Command;
use std::time::Duration;

/// Where the end-to-end run serves the release build (nginx) and the API
/// (its own origin), unless something else listens there already (then any
/// free port will do).
const E2E_APP_ADDR: &str = "127.0.0.1:8090";
const E2E_API_ADDR: &str = "127.0.0.1:8091";

/// Where `e2e-engines` serves the app through its own proxies, origins the
/// API also allows: with the wasm held back (the takeover test), and
/// counting the wasm downloads.
const E2E_SLOW_ADDR: &str = "127.0.0.1:8093";
const E2E_COUNT_ADDR: &str = "127.0.0.1:8094";

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

/// Serves dist/ from nginx (deploy/nginx.conf) on [`E2E_APP_ADDR`] and the
/// API with a fresh database on its own origin, [`E2E_API_ADDR`], as a CDN
/// deployment would; runs Playwright against them (`BASE_URL`, `API_URL`),
/// and stops both whatever happens.
pub(super) fn end_to_end(ctx: &Ctx, playwright_args: &[String]) -> Result<()> {
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
pub(super) fn end_to_end_engines(ctx: &Ctx) -> Result<()> {
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

/// Runs [`DEV_STACK_SPECS`] (or the Playwright arguments given) against the
/// README's own `cargo xtask dev` stack, with a fresh database.
pub(super) fn end_to_end_dev(ctx: &Ctx, playwright_args: &[String]) -> Result<()> {
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
