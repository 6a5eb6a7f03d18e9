//! The pinned Rust toolchain's wasm32 target and its `rust-src` component,
//! both added with rustup.

use super::{installing, ok};
use crate::ctx::Ctx;
use crate::process::{self, output_of};
use anyhow::{Context, Result};
use std::path::PathBuf;

/// The target the app compiles to: the one name of it in the xtask.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The sysroot of the toolchain that builds the project (rust-toolchain.toml):
/// asking rustc also works for a toolchain rustup only links to.
fn sysroot(ctx: &Ctx) -> Result<PathBuf> {
    let sysroot = output_of(ctx.tool_command("rustc").args(["--print", "sysroot"]))
        .context("`rustc --print sysroot` failed: is the Rust toolchain installed?")?;
    Ok(PathBuf::from(sysroot.trim()))
}

pub(super) fn ensure_wasm_target(ctx: &Ctx) -> Result<()> {
    let target_lib = sysroot(ctx)?
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .join("lib");
    if target_lib.is_dir() {
        ok(&format!("Rust target {WASM_TARGET}"));
        return Ok(());
    }
    installing(&format!("Rust target {WASM_TARGET} (takes seconds)…"));
    process::run(
        ctx.tool_command("rustup")
            .args(["target", "add", WASM_TARGET]),
    )
}

pub(super) fn ensure_rust_src(ctx: &Ctx) -> Result<()> {
    if sysroot(ctx)?
        .join("lib/rustlib/src/rust/library/std")
        .is_dir()
    {
        ok("Rust component rust-src");
        return Ok(());
    }
    installing("Rust component rust-src (takes seconds)…");
    process::run(
        ctx.tool_command("rustup")
            .args(["component", "add", "rust-src"]),
    )
}
