//! Firefox ESR from Debian and geckodriver from crates.io: the Gecko engine
//! of the `e2e-engines` step (tests/e2e/engines/).

use super::cargo_install::ensure_cargo_tool;
use super::ensure_apt_packages;
use crate::ctx::Ctx;
use anyhow::Result;

pub const FIREFOX: &str = "/usr/bin/firefox-esr";

/// geckodriver's newest release; it drives Firefox ESR 115 and later.
const GECKODRIVER_VERSION: &str = "0.37.1";

pub(super) fn ensure_firefox(ctx: &Ctx) -> Result<()> {
    ensure_apt_packages(&["firefox-esr"], &[FIREFOX], "~1 min")?;
    ensure_cargo_tool(
        ctx,
        "geckodriver",
        "geckodriver",
        GECKODRIVER_VERSION,
        "~4 min",
    )
}
