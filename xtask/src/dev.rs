//! `cargo xtask dev`: the reference API and `trunk serve` side by side — the
//! stack designers use, which the test run also drives (`e2e-dev`).

use crate::ctx::Ctx;
use crate::process::{self, Background};
use crate::tools::{self, Tool};
use anyhow::{Result, bail};
use std::net::SocketAddr;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

const API_ADDR: &str = "127.0.0.1:8081";
const APP_ADDR: &str = "127.0.0.1:8080";
pub const APP_URL: &str = "http://127.0.0.1:8080";

pub const TOOLS: &[Tool] = &[
    Tool::WasmTarget,
    Tool::WasmOpt,
    Tool::WasmBindgen,
    Tool::Trunk,
];

/// The running stack: the API on 8081 (which also serves the fake payment
/// gateway page, on its own origin as a bank's would be) and `trunk serve`
/// on 8080 proxying `/api` to it. Dropping it stops both.
pub struct DevStack {
    api: Background,
    app: Background,
}

/// Where the two servers write: the terminal, or a log file each.
pub enum Output<'a> {
    Terminal,
    Logs { api: &'a Path, app: &'a Path },
}

impl DevStack {
    /// Starts both on their fixed ports (Trunk.toml's proxy names the API's)
    /// with the SQLite file `database`, and waits until the API listens.
    pub fn start(
        ctx: &Ctx,
        database: &Path,
        api_flags: &[&str],
        trunk_args: &[String],
        output: Output<'_>,
    ) -> Result<Self> {
        let api_addr: SocketAddr = API_ADDR.parse()?;
        let app_addr: SocketAddr = APP_ADDR.parse()?;
        process::ensure_port_free(api_addr)?;
        process::ensure_port_free(app_addr)?;

        say!("==> building reference-api");
        process::run(ctx.cargo().args(["build", "-p", "reference-api"]))?;
        let mut api_cmd = ctx.cargo();
        api_cmd
            .args(["run", "--quiet", "-p", "reference-api", "--"])
            .args(["--listen", API_ADDR])
            .arg("--database")
            .arg(database)
            .args(["--app-url", APP_URL])
            .args(["--limits", "loose", "--dev-endpoints"])
            .args(api_flags);
        let mut app_cmd = ctx.tool_command("trunk");
        app_cmd.arg("serve").args(trunk_args);
        let (api, app) = match output {
            Output::Terminal => (
                Background::spawn("reference-api", &mut api_cmd)?,
                Background::spawn("trunk serve", &mut app_cmd)?,
            ),
            Output::Logs { api, app } => (
                Background::spawn_logged("reference-api", &mut api_cmd, api)?,
                Background::spawn_logged("trunk serve", &mut app_cmd, app)?,
            ),
        };
        api.wait_for_port(api_addr, Duration::from_secs(120))?;
        Ok(Self { api, app })
    }

    /// Fails when either server has stopped.
    pub fn check_running(&self) -> Result<()> {
        for server in [&self.api, &self.app] {
            if let Some(exit) = server.exited() {
                bail!("{} stopped ({exit})", server.name());
            }
        }
        Ok(())
    }

    /// Waits until trunk serves the app with its wasm built (its first build
    /// takes a minute or more on a fresh checkout).
    pub fn wait_for_app(&self, timeout: Duration) -> Result<()> {
        let started = Instant::now();
        // trunk listens only after its first build, which on a fresh,
        // busy machine took over two minutes: the caller's whole timeout.
        self.app.wait_for_port(APP_ADDR.parse()?, timeout)?;
        loop {
            process::check_interrupted()?;
            self.check_running()?;
            if process::http_get(APP_ADDR, "/").is_some_and(|page| page.contains(".wasm")) {
                say!(
                    "the app is built and served (after {})",
                    crate::ctx::fmt_duration(started.elapsed())
                );
                return Ok(());
            }
            if started.elapsed() > timeout {
                bail!(
                    "trunk serve had not built the app within {}",
                    crate::ctx::fmt_duration(timeout)
                );
            }
            thread::sleep(Duration::from_millis(500));
        }
    }
}

/// `cargo xtask dev`.
pub fn dev(ctx: &Ctx, trunk_args: &[String]) -> Result<()> {
    tools::ensure(ctx, TOOLS)?;
    let database = ctx.target_dir().join("reference-api.sqlite");
    let stack = DevStack::start(ctx, &database, &[], trunk_args, Output::Terminal)?;
    say!(
        "\n==> app: {APP_URL} (the first build takes a minute or two)\n    \
         API: http://{API_ADDR} (database {}; fake payment gateway pages too)\n    \
         Ctrl-C stops both\n",
        database.display()
    );

    loop {
        if process::interrupted() {
            // The guards stop both servers as they go out of scope.
            return Ok(());
        }
        if let Err(e) = stack.check_running() {
            bail!("{e}; stopping the rest");
        }
        thread::sleep(Duration::from_millis(200));
    }
}
