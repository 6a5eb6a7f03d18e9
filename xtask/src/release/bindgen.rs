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

/// The glue importing the split modules' loader under its hashed name, and
/// under the glue's own query: a retry after a failed start imports the glue
/// as `…js?attempt=N` (the boot script), and a browser keeps a failed import
/// under its address, so a static import of a loader that once failed
/// would fail forever. Only the `import … from` lines change: the wasm's
/// imports object keeps the module name the wasm asks for.
pub fn importing_loader(glue: &str, loader_name: &str) -> Result<String> {
    let mut out = String::with_capacity(glue.len());
    let mut rewritten = 0;
    for line in glue.lines() {
        let import = line
            .strip_prefix("import * as ")
            .and_then(|rest| rest.split_once(" from "))
            .filter(|(_, from)| from.contains("./__wasm_split.js"));
        match import {
            Some((binding, _)) => {
                let _ = writeln!(
                    out,
                    "const {binding} = await import(\"./{loader_name}\" + new URL(import.meta.url).search);"
                );
                rewritten += 1;
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
    if rewritten == 0 || static_left {
        bail!(
            "{APP}.js does not import ./__wasm_split.js as `import * as … from`: \
             did wasm-bindgen change?"
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glue_imports_the_loader_with_its_own_query() {
        let glue = "import * as import1 from \"./__wasm_split.js\"\nimport * as import2 from \"./__wasm_split.js\"\n\
                    let wasm;\nconst imports = { \"./__wasm_split.js\": import1 };\n";
        let out = importing_loader(glue, "__wasm_split-ab.js").unwrap();
        assert_eq!(
            out,
            "const import1 = await import(\"./__wasm_split-ab.js\" + new URL(import.meta.url).search);\n\
             const import2 = await import(\"./__wasm_split-ab.js\" + new URL(import.meta.url).search);\n\
             let wasm;\nconst imports = { \"./__wasm_split.js\": import1 };\n"
        );
        assert!(importing_loader("let wasm;\n", "x.js").is_err());
    }
}
