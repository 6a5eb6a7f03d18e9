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
//! 4. [`optimise`]: `wasm-opt -Oz` on every module;
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
//!     Content-Security-Policy to serve it with.
//!
//! The steps use the tools (`crate::tools`, `crate::process`) and never the
//! commands that run them (`dist`, `deploy`, `bench`, `test`).

pub mod bindgen;
pub mod boot;
pub mod build;
pub mod compress;
pub mod csp;
pub mod css;
pub mod gallery;
pub mod html;
pub mod name;
pub mod optimise;
pub mod prerender;
pub mod sizes;
pub mod split;

use crate::Ctx;
use crate::tools::Tool;
use anyhow::{Context, Result};
use std::fs;
use std::path::Path;

pub use html::Meta;

/// The app's binary, and the stem of its main files.
pub const APP: &str = "kabinet";

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

/// A short hash of `parts`, for file names.
pub fn content_hash(parts: &[&[u8]]) -> String {
    use std::hash::Hasher as _;
    // SipHash with fixed keys: the same bytes give the same name on every run.
    let mut hasher = std::hash::DefaultHasher::new();
    for part in parts {
        hasher.write(part);
    }
    format!("{:016x}", hasher.finish())
}

/// `name.ext` → `name-<hash of bytes>.ext`: a name that changes with the
/// content, so a CDN may cache the file forever.
pub fn named_after(name: &str, bytes: impl AsRef<[u8]>) -> String {
    hashed_name(name, &content_hash(&[bytes.as_ref()]))
}

/// `name.ext` → `name-<hash>.ext`.
fn hashed_name(name: &str, hash: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{hash}.{ext}"),
        None => format!("{name}-{hash}"),
    }
}

pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `js` without its whole-line `//` comments, blank lines and indentation:
/// they explain a script to whoever edits it, and would cost every visit
/// half a KB. (Our scripts have no multi-line strings.)
pub fn without_comment_lines(js: &str) -> String {
    js.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// Copies the folder `from` to `to`, keeping the files' times.
pub fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
            // Keep the time, so compressed copies stay newer than their file.
            let modified = entry.metadata()?.modified()?;
            fs::File::options()
                .write(true)
                .open(&target)?
                .set_modified(modified)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_changes_with_the_content() {
        assert_ne!(named_after("early.js", "a"), named_after("early.js", "b"));
        assert_eq!(named_after("early.js", "a"), named_after("early.js", "a"));
        assert!(named_after("early.js", "a").starts_with("early-"));
        assert!(named_after("early.js", "a").ends_with(".js"));
    }

    #[test]
    fn scripts_go_out_without_their_comment_lines() {
        let js = "// Why.\nconst a = '//not a comment';\n\n  // More.\n  f(a); // kept\n";
        assert_eq!(
            without_comment_lines(js),
            "const a = '//not a comment';\nf(a); // kept\n"
        );
    }
}
