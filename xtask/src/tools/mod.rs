//! The tools the workflow needs, each checked and installed only when it is
//! missing or of the wrong version. Nothing here downloads from anywhere but
//! the package registries (crates.io, npm, Debian): see
//! the comments of each recipe for why it is what it is.
//!
//! One file per tool (or pair of tools installed together); this one holds
//! the list of them, [`ensure`], and what several recipes share.

mod binaryen;
mod cargo_install;
mod chromium;
mod e2e_packages;
mod firefox;
mod leptosfmt;
mod nginx;
mod rust;
mod schemathesis;
mod trunk;
mod wasm_bindgen;
mod wasm_split;
mod webkit;

pub use crate::ctx::cargo_bin_dir;
pub use chromium::{CHROMEDRIVER, CHROMIUM};
pub use e2e_packages::e2e_dir;
pub use nginx::NGINX;
pub use rust::WASM_TARGET;
pub use schemathesis::schemathesis_venv;
pub use webkit::XVFB_RUN;

use crate::ctx::Ctx;
use crate::process::{self, output_of};
use anyhow::{Context, Result, bail};

use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Every tool, in the order they are checked.
pub const ALL: &[Tool] = &[
    Tool::WasmTarget,
    Tool::RustSrc,
    Tool::Leptosfmt,
    Tool::WasmOpt,
    Tool::E2ePackages,
    Tool::Chromium,
    Tool::WasmBindgen,
    Tool::WasmSplit,
    Tool::Trunk,
    Tool::Schemathesis,
    Tool::Nginx,
    Tool::Firefox,
    Tool::WebKit,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// The wasm32 target of the pinned Rust toolchain.
    WasmTarget,
    /// The `rust-src` component: the release build rebuilds std for size
    /// (`-Zbuild-std`, see `release::build`).
    RustSrc,
    /// `leptosfmt`, the formatter of `view!` macros (the `fmt` step).
    Leptosfmt,
    /// `trunk`, the bundler behind `dev` and `dist`.
    Trunk,
    /// `wasm-bindgen` and `wasm-bindgen-test-runner`, at Cargo.lock's version.
    WasmBindgen,
    /// `wasm-split-cli`, which cuts the release module into one per group of pages.
    WasmSplit,
    /// `wasm-opt` from npm `binaryen`, in `.tools/binaryen`.
    WasmOpt,
    /// Debian's Chromium and ChromeDriver.
    Chromium,
    /// The npm packages of `tests/e2e` (Playwright, axe-core, Lighthouse).
    E2ePackages,
    /// schemathesis from PyPI, in a venv at `.tools/schemathesis`, exactly
    /// as `tests/contract/requirements.txt` pins it.
    Schemathesis,
    /// Debian's nginx and its brotli_static module (the production-like stack).
    Nginx,
    /// Debian's Firefox ESR and geckodriver from crates.io (`e2e-engines`).
    Firefox,
    /// Debian's WebKitWebDriver (WebKitGTK) and Xvfb (`e2e-engines`).
    WebKit,
}

/// Makes sure every tool in `tools` is there, installing what is missing.
pub fn ensure(ctx: &Ctx, tools: &[Tool]) -> Result<()> {
    let started = Instant::now();
    say!("==> checking tools");
    for &tool in tools {
        process::check_interrupted()?;
        match tool {
            Tool::WasmTarget => rust::ensure_wasm_target(ctx),
            Tool::RustSrc => rust::ensure_rust_src(ctx),
            Tool::Leptosfmt => leptosfmt::ensure_leptosfmt(ctx),
            Tool::Trunk => trunk::ensure_trunk(ctx),
            Tool::WasmBindgen => wasm_bindgen::ensure_wasm_bindgen(ctx),
            Tool::WasmOpt => binaryen::ensure_wasm_opt(ctx),
            Tool::WasmSplit => wasm_split::ensure_wasm_split(ctx),
            Tool::Chromium => chromium::ensure_chromium(),
            Tool::E2ePackages => e2e_packages::ensure_e2e_packages(ctx),
            Tool::Schemathesis => schemathesis::ensure_schemathesis(ctx),
            Tool::Nginx => nginx::ensure_nginx(),
            Tool::Firefox => firefox::ensure_firefox(ctx),
            Tool::WebKit => webkit::ensure_webkit(),
        }
        .with_context(|| format!("could not set up {tool:?}"))?;
    }
    say!(
        "<== tools ready ({})",
        crate::ctx::fmt_duration(started.elapsed())
    );
    Ok(())
}

fn ok(what: &str) {
    say!("    ok: {what}");
}

fn installing(what: &str) {
    say!("    installing {what}");
}

/// The first line a `--version` call prints, through the tool PATH.
fn version_line(ctx: &Ctx, program: &str) -> Option<String> {
    let out = output_of(ctx.tool_command(program).arg("--version"))?;
    Some(out.lines().next().unwrap_or_default().trim().to_owned())
}

fn ensure_npm() -> Result<()> {
    if output_of(Command::new("npm").arg("--version")).is_none() {
        bail!("npm is not on PATH: install Node.js 20 with npm first");
    }
    Ok(())
}

/// Those of `paths` that do not exist.
fn missing_files<'a>(paths: &[&'a str]) -> Vec<&'a str> {
    paths
        .iter()
        .copied()
        .filter(|p| !Path::new(p).exists())
        .collect()
}

/// `apt-get` with `args`, through sudo unless we are root.
fn apt(args: &[&str]) -> Command {
    let mut cmd = if nix::unistd::geteuid().is_root() {
        Command::new("apt-get")
    } else {
        let mut c = Command::new("sudo");
        c.arg("apt-get");
        c
    };
    cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
    cmd
}

/// Debian's `packages`, installed with `apt-get` unless every one of
/// `files` is there already; `hint` is how long the install takes.
fn ensure_apt_packages(packages: &[&str], files: &[&str], hint: &str) -> Result<()> {
    let what = packages.join(", ");
    let missing = missing_files(files);
    if missing.is_empty() {
        ok(&what);
        return Ok(());
    }
    installing(&format!(
        "{what} from Debian ({} missing; takes {hint})…",
        missing.join(", ")
    ));
    process::run(&mut apt(&["update"]))?;
    // With their recommended packages (fonts, codecs), as Chromium is
    // installed: the engines were tried that way.
    let mut install = vec!["install", "-y"];
    install.extend_from_slice(packages);
    process::run(&mut apt(&install))?;
    if let Some(p) = missing_files(files).first() {
        bail!("{p} is still missing after installing {what}");
    }
    ok(&what);
    Ok(())
}
