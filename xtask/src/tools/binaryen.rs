//! `wasm-opt` from the npm package `binaryen`, in `.tools/binaryen` (never
//! Debian's binaryen, whose version differs).

use super::trunk::check_trunk_pin;
use super::{ensure_npm, installing, ok};
use crate::ctx::Ctx;
use crate::process::{self, output_of};
use anyhow::{Context, Result, bail};
use std::fs;
use std::process::Command;

/// npm package `binaryen`; its `wasm-opt --version` says `version 132`.
const BINARYEN_NPM_VERSION: &str = "132.0.0";
const WASM_OPT_VERSION: &str = "version 132";

pub(super) fn ensure_wasm_opt(ctx: &Ctx) -> Result<()> {
    check_trunk_pin(
        ctx,
        "wasm_opt",
        &WASM_OPT_VERSION.replace(' ', "_"),
        &format!("npm binaryen@{BINARYEN_NPM_VERSION}'s"),
    )?;
    let wasm_opt = ctx.binaryen_bin_dir().join("wasm-opt");
    let check = || {
        output_of(Command::new(&wasm_opt).arg("--version"))
            .map(|v| v.trim().to_owned())
            .filter(|v| v.contains(WASM_OPT_VERSION))
    };
    if let Some(v) = check() {
        ok(&v);
        return Ok(());
    }
    ensure_npm()?;
    installing(&format!(
        "wasm-opt: npm binaryen@{BINARYEN_NPM_VERSION} into .tools/binaryen (takes seconds)…"
    ));
    let prefix = ctx.binaryen_prefix();
    fs::create_dir_all(&prefix).with_context(|| format!("creating {}", prefix.display()))?;
    process::run(
        Command::new("npm")
            .current_dir(&ctx.root)
            .arg("install")
            .arg("--prefix")
            .arg(&prefix)
            .args(["--no-audit", "--no-fund", "--save-exact"])
            .arg(format!("binaryen@{BINARYEN_NPM_VERSION}")),
    )?;
    match check() {
        Some(v) => {
            ok(&v);
            Ok(())
        }
        None => bail!(
            "{} does not report {WASM_OPT_VERSION} after the install",
            wasm_opt.display()
        ),
    }
}
