//! `wasm-split-cli`, which cuts the release module into one module per group of pages
//! (`cargo xtask dist`, see `release/split.rs`). It comes from crate
//! `wasm_split_cli_support` with its `build-binary` feature, and must read
//! the split points that Cargo.lock's `wasm_split_helpers` (through leptos)
//! marks.

use super::cargo_install::{cargo_install, wait_for_other_install};
use super::{installing, ok};
use crate::ctx::Ctx;
use crate::process::output_of;
use anyhow::{Result, bail};

const CRATE: &str = "wasm_split_cli_support";
const VERSION: &str = "0.2.4";

pub(super) fn ensure_wasm_split(ctx: &Ctx) -> Result<()> {
    let what = format!("wasm-split-cli ({CRATE} {VERSION})");
    // The binary prints no version: cargo's list of installs says which.
    let installed = || {
        let want = format!("{CRATE} v{VERSION}:");
        let list = output_of(ctx.cargo().args(["install", "--list"])).unwrap_or_default();
        list.lines().any(|line| line.trim() == want)
            && output_of(ctx.tool_command("wasm-split-cli").arg("--help")).is_some()
    };
    if installed() {
        ok(&what);
        return Ok(());
    }
    wait_for_other_install(CRATE)?;
    if !installed() {
        installing(&format!("{what} (takes ~2 min the first time)…"));
        cargo_install(ctx, CRATE, VERSION, &["--features", "build-binary"])?;
        if !installed() {
            bail!("wasm-split-cli is not on PATH after installing {CRATE} {VERSION}");
        }
    }
    ok(&what);
    Ok(())
}
