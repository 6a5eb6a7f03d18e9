//! Debian's Chromium and ChromeDriver: the browser of the component tests,
//! Playwright and Lighthouse.

use super::{apt, installing, missing_files, ok};
use crate::process::{self, output_of};
use anyhow::{Result, bail};
use std::process::Command;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub(super) fn ensure_chromium() -> Result<()> {
    let missing = missing_files(&[CHROMIUM, CHROMEDRIVER]);
    if missing.is_empty() {
        let v = output_of(Command::new(CHROMIUM).arg("--version"));
        ok(v.as_deref().map(str::trim).unwrap_or(CHROMIUM));
        return Ok(());
    }
    installing(&format!(
        "Chromium and ChromeDriver from Debian ({} missing; takes ~70 s)…",
        missing.join(", ")
    ));
    process::run(&mut apt(&["update"]))?;
    process::run(&mut apt(&["install", "-y", "chromium", "chromium-driver"]))?;
    if let Some(p) = missing_files(&[CHROMIUM, CHROMEDRIVER]).first() {
        bail!("{p} is still missing after installing chromium and chromium-driver");
    }
    ok("chromium and chromium-driver");
    Ok(())
}
