//! schemathesis from PyPI in a venv at `.tools/schemathesis`, exactly as
//! `tests/contract/requirements.txt` pins it: the contract step's checker.

use super::{installing, ok};
use crate::ctx::Ctx;
use crate::process;
use anyhow::Result;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

/// The venv holding schemathesis.
pub fn schemathesis_venv(ctx: &Ctx) -> PathBuf {
    ctx.root.join(".tools").join("schemathesis")
}

pub(super) fn ensure_schemathesis(ctx: &Ctx) -> Result<()> {
    let venv = schemathesis_venv(ctx);
    let requirements = ctx.root.join("tests/contract/requirements.txt");
    // A copy of the requirements the venv was made from: another pin set
    // means installing again.
    let installed_from = venv.join("requirements.txt");
    let program = venv.join("bin/schemathesis");
    if program.exists() && fs::read(&installed_from).ok() == fs::read(&requirements).ok() {
        ok("schemathesis (.tools/schemathesis)");
        return Ok(());
    }
    installing("schemathesis from PyPI into .tools/schemathesis (takes a minute or two)…");
    if venv.exists() {
        fs::remove_dir_all(&venv)?;
    }
    process::run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    process::run(
        Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(&requirements),
    )?;
    fs::copy(&requirements, &installed_from)?;
    ok("schemathesis (.tools/schemathesis)");
    Ok(())
}
