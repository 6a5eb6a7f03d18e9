//! The reference API alone (no app) on a fresh database, as the contract
//! step of `cargo xtask test` uses it.

use crate::ctx::Ctx;
use crate::process::{self, Background};
use anyhow::{Context, Result};
use std::path::PathBuf;
use std::time::Duration;

/// The reference API with a fresh database (no app), as the contract step
/// uses it.
pub struct Served {
    pub url: String,
    log: PathBuf,
    server: Background,
    _scratch: tempfile::TempDir,
}

/// Builds and starts reference-api alone (no app) on `preferred` (or a free
/// port), logging to `target/<name>-reference-api.log`, and waits until it
/// listens.
pub fn serve_api(ctx: &Ctx, preferred: &str, name: &str, extra: &[&str]) -> Result<Served> {
    let addr = process::free_addr(preferred)?;
    process::run(ctx.cargo().args(["build", "-p", "reference-api"]))?;
    let scratch = tempfile::Builder::new()
        .prefix(&format!("kabinet-{name}-"))
        .tempdir()
        .context("creating a temporary folder for the database")?;
    let log = ctx.target_dir().join(format!("{name}-reference-api.log"));
    let url = format!("http://{addr}");
    let mut command = ctx.cargo();
    command.args(["run", "--quiet", "-p", "reference-api", "--"]);
    let server = Background::spawn_logged(
        "reference-api",
        command
            .arg("--listen")
            .arg(addr.to_string())
            .args(["--app-url", &url])
            .arg("--database")
            .arg(scratch.path().join("reference-api.sqlite"))
            .args(["--limits", "loose", "--dev-endpoints"])
            .args(extra),
        &log,
    )?;
    let served = Served {
        url,
        log,
        server,
        _scratch: scratch,
    };
    match served.server.wait_for_port(addr, Duration::from_secs(60)) {
        Ok(()) => Ok(served),
        Err(e) => served.finish(Err(e)),
    }
}

impl Served {
    /// Stops the server; on failure shows the end of its log, whose lines
    /// are what explains most failures of a browser run.
    pub fn finish<T>(self, result: Result<T>) -> Result<T> {
        self.server.stop();
        if result.is_err() && !process::interrupted() {
            process::show_tail(&self.log, 30);
        }
        result
    }
}
