//! leptosfmt, which formats the `view!` macros rustfmt leaves alone (the
//! `fmt` step checks both; `leptosfmt.toml` holds its settings).

use super::cargo_install::ensure_cargo_tool;
use crate::ctx::Ctx;
use anyhow::Result;

const LEPTOSFMT_VERSION: &str = "0.1.33";

pub(super) fn ensure_leptosfmt(ctx: &Ctx) -> Result<()> {
    ensure_cargo_tool(ctx, "leptosfmt", "leptosfmt", LEPTOSFMT_VERSION, "~3 min")
}
