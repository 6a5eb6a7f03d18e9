//! Step 1: the app built for wasm32 by cargo, with a std rebuilt for size
//! and the relocations the splitter reads.

use super::files::APP;
use crate::ctx::Ctx;
use crate::process;
use crate::tools::WASM_TARGET;
use anyhow::Result;
use std::path::{Path, PathBuf};

/// `cargo build --release --features split` for wasm32 into `target_dir`,
/// with std rebuilt for size: panics abort at once without a message or a
/// location, `{:?}` prints nothing (the app shows no Debug output), std's
/// smaller variants of its algorithms. 8 % less brotli than the prebuilt std
/// (2026-11-30). The pinned stable rustc takes these unstable flags under
/// RUSTC_BOOTSTRAP, with std's sources from the rust-src component.
/// Returns the module built.
pub fn cargo_build(ctx: &Ctx, target_dir: &Path) -> Result<PathBuf> {
    process::run(
        ctx.cargo()
            .args(["build", "--release", "--target", WASM_TARGET, "--bin", APP])
            .args(["--features", "split"])
            .env("CARGO_TARGET_DIR", target_dir)
            .env("RUSTC_BOOTSTRAP", "1")
            .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
            .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
            // Replaces .cargo/config.toml's target rustflags: repeats them.
            // --emit-relocs: what wasm-split-cli reads to cut the module.
            .env(
                "RUSTFLAGS",
                "--cfg erase_components -Zunstable-options -Cpanic=immediate-abort \
                 -Zlocation-detail=none -Zfmt-debug=none -Clink-args=--emit-relocs",
            ),
    )?;
    Ok(target_dir
        .join(WASM_TARGET)
        .join("release")
        .join(format!("{APP}.wasm")))
}
