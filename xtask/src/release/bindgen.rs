//! Step 3: `wasm-bindgen --target web` on the main module: the JS glue
//! (`kabinet.js`) and the module it starts (`kabinet_bg.wasm`).

use super::files::APP;
use crate::ctx::Ctx;
use crate::process;
use anyhow::{Result, bail};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Runs wasm-bindgen on `main_wasm` into `dir`.
pub fn bindgen(ctx: &Ctx, main_wasm: &Path, dir: &Path) -> Result<()> {
    let mut bindgen = ctx.tool_command("wasm-bindgen");
    bindgen
        .args(["--target", "web", "--no-typescript", "--out-name", APP])
        .arg("--out-dir")
        .arg(dir)
        // What __wasm_split.js links the page modules with.
        .args(["--keep-lld-exports", "--no-demangle"]);
    process::run(bindgen.arg(main_wasm))
}

/// The main module wasm-bindgen wrote into `dir`.
pub fn main_wasm(dir: &Path) -> PathBuf {
    dir.join(format!("{APP}_bg.wasm"))
}

/// The glue wasm-bindgen wrote into `dir`.
pub fn glue(dir: &Path) -> PathBuf {
    dir.join(format!("{APP}.js"))
}

/// What the glue exports for the boot script to hand it the groups' loader.
pub const TAKE_LOADER: &str = "takeSplitLoader";

/// The glue without its static import of the groups' loader
/// (`__wasm_split.js`): the boot script imports the loader itself, beside
/// the glue and under the same query (a retry after a failed start imports
/// both as `…?attempt=N`, and a browser keeps a failed import under its
/// address, so a static import that once failed would fail forever), and
/// hands it over through [`TAKE_LOADER`] before it starts the main module.
/// Neither file needs top-level `await`, which Firefox has only from 89.
/// The wasm's imports object keeps the module name the wasm asks for.
pub fn taking_loader(glue: &str) -> Result<String> {
    let mut out = String::with_capacity(glue.len());
    let mut bindings = Vec::new();
    for line in glue.lines() {
        let import = line
            .strip_prefix("import * as ")
            .and_then(|rest| rest.split_once(" from "))
            .filter(|(_, from)| from.contains("./__wasm_split.js"));
        match import {
            Some((binding, _)) => {
                let _ = writeln!(out, "let {binding};");
                bindings.push(binding);
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    let static_left = out
        .lines()
        .any(|line| line.starts_with("import ") && line.contains("__wasm_split.js"));
    if bindings.is_empty() || static_left {
        bail!(
            "{APP}.js does not import ./__wasm_split.js as `import * as … from`: \
             did wasm-bindgen change?"
        );
    }
    let _ = writeln!(
        out,
        "export function {TAKE_LOADER}(loader) {{ {} }}",
        bindings
            .iter()
            .map(|binding| format!("{binding} = loader;"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glue_takes_the_loader_from_the_boot_script() {
        let glue = "import * as import1 from \"./__wasm_split.js\"\nimport * as import2 from \"./__wasm_split.js\"\n\
                    let wasm;\nconst imports = { \"./__wasm_split.js\": import1 };\n";
        let out = taking_loader(glue).unwrap();
        assert_eq!(
            out,
            "let import1;\nlet import2;\n\
             let wasm;\nconst imports = { \"./__wasm_split.js\": import1 };\n\
             export function takeSplitLoader(loader) { import1 = loader; import2 = loader; }\n"
        );
        assert!(!out.contains("await"));
        assert!(taking_loader("let wasm;\n").is_err());
    }
}
