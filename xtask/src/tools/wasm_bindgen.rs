//! `wasm-bindgen` and `wasm-bindgen-test-runner` (crate wasm-bindgen-cli)
//! at the version Cargo.lock pins for the wasm-bindgen library.

use super::cargo_install::ensure_cargo_tool;
use super::trunk::check_trunk_pin;
use super::version_line;
use crate::ctx::Ctx;
use crate::process::output_of;
use anyhow::{Context, Result, bail};

/// The version of `wasm-bindgen` that Cargo.lock pins.
fn locked_wasm_bindgen_version(ctx: &Ctx) -> Result<String> {
    // `cargo pkgid` answers from the lockfile: registry+…#wasm-bindgen@0.2.130
    let out = output_of(ctx.cargo().args(["pkgid", "--offline", "wasm-bindgen"]))
        .or_else(|| output_of(ctx.cargo().args(["pkgid", "wasm-bindgen"])))
        .context("`cargo pkgid wasm-bindgen` failed: is wasm-bindgen in Cargo.lock?")?;
    let version = out
        .trim()
        .rsplit(['@', '#'])
        .next()
        .unwrap_or_default()
        .to_owned();
    if version.is_empty() || !version.starts_with(|c: char| c.is_ascii_digit()) {
        bail!("could not read wasm-bindgen's version from `cargo pkgid`: {out:?}");
    }
    Ok(version)
}

pub(super) fn ensure_wasm_bindgen(ctx: &Ctx) -> Result<()> {
    let version = locked_wasm_bindgen_version(ctx)?;
    check_trunk_pin(ctx, "wasm_bindgen", &version, "Cargo.lock's wasm-bindgen")?;
    ensure_cargo_tool(ctx, "wasm-bindgen-cli", "wasm-bindgen", &version, "~3 min")?;
    // The test runner comes from the same package; check it is there too.
    if version_line(ctx, "wasm-bindgen-test-runner").is_none() {
        bail!("wasm-bindgen-test-runner is missing although wasm-bindgen {version} is installed");
    }
    Ok(())
}
