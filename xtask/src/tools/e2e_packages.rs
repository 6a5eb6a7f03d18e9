//! The npm packages of `tests/e2e` (Playwright, axe-core, Lighthouse), as
//! its package-lock.json pins them.

use super::{ensure_npm, installing, ok};
use crate::ctx::Ctx;
use crate::process;
use anyhow::{Result, bail};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

pub fn e2e_dir(ctx: &Ctx) -> PathBuf {
    ctx.root.join("tests").join("e2e")
}

fn mtime(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

pub(super) fn ensure_e2e_packages(ctx: &Ctx) -> Result<()> {
    let dir = e2e_dir(ctx);
    let lock = dir.join("package-lock.json");
    let manifest = dir.join("package.json");
    if !lock.exists() {
        bail!("{} is missing: it must be committed", lock.display());
    }
    // npm ci writes node_modules/.package-lock.json; a lockfile or manifest
    // newer than it means the packages are out of date.
    let installed = mtime(&dir.join("node_modules").join(".package-lock.json"));
    let wanted = [mtime(&lock), mtime(&manifest)].into_iter().flatten().max();
    let fresh = match (installed, wanted) {
        (Some(i), Some(w)) => i >= w,
        _ => false,
    };
    if fresh && dir.join("node_modules/.bin/playwright").exists() {
        ok("tests/e2e npm packages");
        return Ok(());
    }
    ensure_npm()?;
    installing("tests/e2e npm packages: npm ci (takes seconds)…");
    process::run(
        Command::new("npm")
            .current_dir(&dir)
            .args(["ci", "--no-audit", "--no-fund"])
            // Playwright's own browser download cannot work here: we use
            // Debian's Chromium.
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )?;
    ok("tests/e2e npm packages");
    Ok(())
}
