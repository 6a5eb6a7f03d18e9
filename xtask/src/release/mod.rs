//! The release build of `cargo xtask dist`, one file per step in the order
//! they run, each from files to files. The xtask's own pipeline rather than
//! trunk's: trunk runs wasm-bindgen right after cargo and cannot split the
//! module in between (trunk-rs/trunk#1022).
//!
//! 1. [`build`]: `cargo build --release --features split` for wasm32, with a
//!    smaller std and `--emit-relocs` for the splitter;
//! 2. [`split`]: `wasm-split-cli`: the main module, one `split_<module>.wasm`
//!    per group of pages of `src/lazy_routes.rs`, `chunk_N.wasm` for code
//!    several groups share, and `__wasm_split.js` that loads them;
//! 3. [`bindgen`]: `wasm-bindgen --target web` on the main module;
//! 4. [`optimise`]: `wasm-opt -Os` on every module;
//! 5. [`name`]: the modules, their loader and the glue in `dist/`, each
//!    named after its content (so a CDN may cache it forever);
//! 6. [`boot`]: the loader `boot-<hash>.js` (from `boot.js`), which starts
//!    downloading the opened route's modules beside the main one;
//! 7. [`html`]: `index.html` with no inline script, the stylesheet without
//!    its comments ([`css`]), the deployment's meta tags;
//! 8. [`gallery`]: no wasm holds the designers' gallery;
//! 9. [`prerender`]: the public entry pages saved as HTML, `early-<hash>.js`;
//! 10. [`compress`]: `.br` and `.gz` beside every file;
//! 11. [`sizes`] and [`csp`]: what the release weighs, and the
//!     Content-Security-Policy to serve it with (the commands ask for them:
//!     `dist` prints both, `deploy` gives nginx the policy).
//!
//! What several steps share is in [`files`]. The steps use the tools
//! (`crate::tools`, `crate::process`) and never the commands that run them
//! (`dist`, `deploy`, `bench`, `test`).

pub mod bindgen;
pub mod boot;
pub mod build;
pub mod compress;
pub mod csp;
pub mod css;
pub mod files;
pub mod gallery;
pub mod html;
pub mod name;
pub mod optimise;
pub mod prerender;
pub mod sizes;
pub mod split;

use crate::ctx::Ctx;
use crate::tools::Tool;
use anyhow::{Context, Result};
use std::fs;
use std::path::Path;

pub use files::copy_dir;
pub use html::Meta;

/// What the release needs installed.
pub const TOOLS: &[Tool] = &[
    Tool::WasmTarget,
    Tool::RustSrc,
    Tool::WasmOpt,
    Tool::WasmBindgen,
    Tool::WasmSplit,
    // The entry pages are prerendered in Chromium, driven by Playwright.
    Tool::Chromium,
    Tool::E2ePackages,
];

/// The whole release into `dist`, every step in order, with the meta tags in
/// `meta` (`dist`'s flags; none for the other commands) set in its pages
/// before they are prerendered.
pub fn run(ctx: &Ctx, dist: &Path, meta: &Meta) -> Result<()> {
    // A target folder of its own: its flags differ from every other build's,
    // which would otherwise rebuild each other's dependencies.
    let target_dir = ctx.target_dir().join("release-split");
    let wasm = build::cargo_build(ctx, &target_dir)?;
    let work = target_dir.join("pipeline");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;

    let split = split::split(ctx, &wasm, &work.join("split"))?;
    let bindgen_dir = work.join("bindgen");
    bindgen::bindgen(ctx, &split.main, &bindgen_dir)?;
    let mut modules = split.chunks.clone();
    modules.push(bindgen::main_wasm(&bindgen_dir));
    optimise::wasm_opt_all(ctx, &modules)?;

    let _ = fs::remove_dir_all(dist);
    fs::create_dir_all(dist).with_context(|| format!("creating {}", dist.display()))?;
    let named = name::name(dist, &bindgen_dir, &split)?;
    let boot = boot::write(dist, &named)?;
    html::index(&ctx.root, dist, &named.modulepreloads(), &boot)?;
    html::set_meta(&dist.join("index.html"), meta)?;
    gallery::check_no_gallery(dist)?;
    prerender::pages(ctx, dist)?;
    compress::all(dist)
}
