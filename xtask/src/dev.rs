//! `cargo xtask dev`: the reference API and `trunk serve` side by side.

use crate::Ctx;
use crate::process::{self, Background};
use crate::tools::{self, Tool};
use anyhow::{Result, bail};
use std::net::SocketAddr;
use std::thread;
use std::time::Duration;

const API_ADDR: &str = "127.0.0.1:8081";
const APP_ADDR: &str = "127.0.0.1:8080";

pub fn dev(ctx: &Ctx, trunk_args: &[String]) -> Result<()> {
    tools::ensure(
        ctx,
        &[
            Tool::WasmTarget,
            Tool::WasmOpt,
            Tool::WasmBindgen,
            Tool::Trunk,
        ],
    )?;
    let api_addr: SocketAddr = API_ADDR.parse()?;
    let app_addr: SocketAddr = APP_ADDR.parse()?;
    process::ensure_port_free(api_addr)?;
    process::ensure_port_free(app_addr)?;

    say!("==> building reference-api");
    process::run(ctx.cargo().args(["build", "-p", "reference-api"]))?;
    let database = ctx.target_dir().join("reference-api.sqlite");
    let api = Background::spawn(
        "reference-api",
        ctx.cargo()
            .args(["run", "--quiet", "-p", "reference-api", "--"])
            .args(["--listen", API_ADDR])
            .arg("--database")
            .arg(&database)
            .args(["--app-url", &format!("http://{APP_ADDR}")])
            .args(["--limits", "loose"]),
    )?;
    api.wait_for_port(api_addr, Duration::from_secs(120))?;

    // Trunk.toml serves 127.0.0.1:8080 and proxies /api and /dev to the API.
    let trunk = Background::spawn(
        "trunk serve",
        ctx.tool_command("trunk").arg("serve").args(trunk_args),
    )?;
    say!(
        "\n==> app: http://{APP_ADDR} (the first build takes a minute or two)\n    \
         API: http://{API_ADDR} (database {})\n    Ctrl-C stops both\n",
        database.display()
    );

    loop {
        if process::interrupted() {
            // The guards stop both servers as they go out of scope.
            return Ok(());
        }
        for server in [&api, &trunk] {
            if let Some(exit) = server.exited() {
                bail!("{} stopped ({exit}); stopping the rest", server.name());
            }
        }
        thread::sleep(Duration::from_millis(200));
    }
}
