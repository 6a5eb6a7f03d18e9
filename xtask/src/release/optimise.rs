//! Step 4: `wasm-opt -Os` on every module, in place.

use crate::ctx::Ctx;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

/// What rustc 1.95 enables for wasm32-unknown-unknown, so wasm-opt keeps it.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
];

/// How wasm-opt optimises, measured on the release (brotli of the main
/// module / of all wasm, 2026-12-07): the producers section dropped (no tool
/// reads it after this step) and `--low-memory-unused`, true of rustc's
/// wasm32 layout (the stack takes the first MiB from the top down, the data
/// start at 1 MiB): -0.6 / -1.6 KB; `-Os` rather than `-Oz`, larger raw
/// (+13 KB) but smaller compressed: -0.7 / -1.5 KB. Tried and left:
/// `--converge`, `-Oz` twice, `--gufa` (each larger), `-tnh` (-0.7 KB, but a
/// panic would no longer stop the module).
const PASSES: &[&str] = &["-Os", "--strip-producers", "--low-memory-unused"];

/// `wasm-opt` on each module, two at a time (npm's wasm-opt is slow to start).
pub fn wasm_opt_all(ctx: &Ctx, modules: &[PathBuf]) -> Result<()> {
    say!(
        "$ wasm-opt {} on {} modules, two at a time",
        PASSES.join(" "),
        modules.len()
    );
    let (first, second) = modules.split_at(modules.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| second.iter().try_for_each(|m| wasm_opt(ctx, m)));
        let mine = first.iter().try_for_each(|m| wasm_opt(ctx, m));
        let theirs = other
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("wasm-opt thread panicked")));
        mine.and(theirs)
    })
}

/// One module, its output shown only when it fails: wasm-opt warns about
/// the name section wasm-split-cli writes, once per module.
fn wasm_opt(ctx: &Ctx, wasm: &Path) -> Result<()> {
    let output = ctx
        .tool_command("wasm-opt")
        .args(PASSES)
        .arg("--quiet")
        .args(WASM_FEATURES)
        .arg(wasm)
        .arg("-o")
        .arg(wasm)
        .output()
        .context("running wasm-opt")?;
    if !output.status.success() {
        bail!(
            "wasm-opt failed on {}: {}",
            wasm.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(())
}
