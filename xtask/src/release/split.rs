//! Step 2: `wasm-split-cli` cuts the module at the split points of
//! `src/lazy_routes.rs`: the main module, one `split_<module>.wasm` per
//! group of pages, `chunk_N.wasm` for code some of them share, and
//! `__wasm_split.js` that loads them; and what the later steps read of that
//! loader or change in it.

use super::files::APP;
use crate::ctx::Ctx;
use crate::process;
use anyhow::{Context, Result, bail};
use pages_table::handoff::{PRELOADED, WASM_BINDINGS};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// What the splitter wrote into its folder.
pub struct Split {
    /// The folder, with `__wasm_split.js`.
    pub dir: PathBuf,
    /// The main module, for wasm-bindgen.
    pub main: PathBuf,
    /// Every other module, sorted.
    pub chunks: Vec<PathBuf>,
}

impl Split {
    /// The modules' loader as the splitter wrote it.
    pub fn loader(&self) -> Result<String> {
        fs::read_to_string(self.dir.join("__wasm_split.js"))
            .context("wasm-split-cli wrote no __wasm_split.js")
    }
}

/// Cuts `wasm` into `dir`.
pub fn split(ctx: &Ctx, wasm: &Path, dir: &Path) -> Result<Split> {
    process::run(
        ctx.tool_command("wasm-split-cli")
            .arg(wasm)
            .arg(dir)
            .args(["--out-name", APP]),
    )?;
    let main = dir.join(format!("{APP}.wasm"));
    let mut chunks = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "wasm") && path != main {
            chunks.push(path);
        }
    }
    chunks.sort();
    Ok(Split {
        dir: dir.to_owned(),
        main,
        chunks,
    })
}

/// `__wasm_split.js` with its modules renamed, and without its import of the
/// main JS: that would make the two files' names depend on each other. The
/// boot script puts the main JS's exports on `window.wasmBindings` before
/// it starts the app, and the loader needs them only after. Its `fetch()`es
/// take what the boot script fetched already (`window.kabinetPreloaded`).
pub fn rewrite_split_loader(loader: &str, renamed: &BTreeMap<String, String>) -> Result<String> {
    let mut out = String::with_capacity(loader.len());
    let mut replaced_import = false;
    for line in loader.lines() {
        if line.starts_with("import ") && line.contains("initSync") {
            let _ = writeln!(
                out,
                "const initSync = (...args) => window.{WASM_BINDINGS}.initSync(...args);"
            );
            // A file the boot script has fetched already is taken from it.
            let _ = writeln!(
                out,
                "const fetchWasm = (url) => (window.{PRELOADED} ?? fetch)(url);"
            );
            replaced_import = true;
            continue;
        }
        out.push_str(&line.replace("fetch(new URL(", "fetchWasm(new URL("));
        out.push('\n');
    }
    if !replaced_import {
        bail!("__wasm_split.js has no `import {{ initSync }}` line: did wasm-split-cli change?");
    }
    for (old, new) in renamed {
        let quoted = format!("\"./{old}\"");
        if !out.contains(&quoted) {
            bail!("__wasm_split.js does not load {old}");
        }
        out = out.replace(&quoted, &format!("\"./{new}\""));
    }
    Ok(out)
}

/// Which files each split module needs, from `__wasm_split.js`'s
/// declarations (each on one line or several):
/// `const __chunk_3 = makeLoad(… new URL("./chunk_3.wasm", …) …, []);` and
/// `export const __wasm_split_load_login = wrapAsyncCb(makeLoad(… new URL("./split_login.wasm", …) …, [__chunk_3]));`
/// (an empty chunk has no URL).
pub fn split_modules(loader: &str) -> BTreeMap<String, Vec<String>> {
    const CHUNK: &str = "const __chunk_";
    const SPLIT: &str = "export const __wasm_split_load_";
    // Each declaration runs from its start to the next one's.
    let mut starts: Vec<usize> = loader
        .match_indices(CHUNK)
        .map(|(i, _)| i)
        .filter(|&i| !loader[..i].ends_with("export "))
        .chain(loader.match_indices(SPLIT).map(|(i, _)| i))
        .collect();
    starts.sort_unstable();
    let mut chunk_files = BTreeMap::new();
    let mut modules = BTreeMap::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(loader.len());
        let decl = &loader[start..end];
        let name = |prefix: &str| -> String {
            decl[prefix.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        };
        let url = decl.split_once("new URL(\"./").and_then(|(_, rest)| {
            let (file, _) = rest.split_once('"')?;
            Some(file.to_owned())
        });
        if decl.starts_with(CHUNK) {
            chunk_files.insert(format!("__chunk_{}", name(CHUNK)), url);
        } else {
            let mut files: Vec<String> = url.into_iter().collect();
            let deps = decl
                .rsplit_once('[')
                .map_or("", |(_, d)| d.split(']').next().unwrap_or_default());
            for dep in deps.split(',').map(str::trim).filter(|d| !d.is_empty()) {
                if let Some(Some(file)) = chunk_files.get(dep) {
                    files.push(file.clone());
                }
            }
            modules.insert(name(SPLIT), files);
        }
    }
    modules
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOADER: &str = r#"import { initSync } from "./kabinet.js";
let sharedImports = undefined;
/* login, register */
const __chunk_1 = makeLoad(new URL("./chunk_1.wasm", import.meta.url), []);
/* login */
const __chunk_2 = makeLoad(undefined, []);
export const __wasm_split_load_register = wrapAsyncCb(makeLoad(new URL("./split_register.wasm", import.meta.url), [__chunk_1]));
export const __wasm_split_load_login = wrapAsyncCb(makeLoad(new URL("./split_login.wasm", import.meta.url), [__chunk_1, __chunk_2]));
"#;

    #[test]
    fn knows_which_files_each_module_needs() {
        let modules = split_modules(LOADER);
        assert_eq!(modules["register"], ["split_register.wasm", "chunk_1.wasm"]);
        assert_eq!(modules["login"], ["split_login.wasm", "chunk_1.wasm"]);
        // wasm-split-cli 0.2.4 spreads each declaration over lines.
        let multiline = r#"/* login, register */
const __chunk_17 = makeLoad(() => {
    const src = fetch(new URL("./chunk_17.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* login */
const __chunk_18 = makeLoad(() => {
}
, []);
export const __wasm_split_load_login = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_login.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_17, __chunk_18]));
export const __wasm_split_load_agreement = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_agreement.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []));
"#;
        let modules = split_modules(multiline);
        assert_eq!(modules["login"], ["split_login.wasm", "chunk_17.wasm"]);
        assert_eq!(modules["agreement"], ["split_agreement.wasm"]);
    }

    #[test]
    fn the_loader_loads_renamed_files_and_imports_nothing() {
        let renamed = BTreeMap::from([
            ("chunk_1.wasm".to_owned(), "chunk_1-aa.wasm".to_owned()),
            (
                "split_login.wasm".to_owned(),
                "split_login-bb.wasm".to_owned(),
            ),
            (
                "split_register.wasm".to_owned(),
                "split_register-cc.wasm".to_owned(),
            ),
        ]);
        let out = rewrite_split_loader(LOADER, &renamed).unwrap();
        assert!(!out.contains("import "), "{out}");
        assert!(out.contains("window.wasmBindings.initSync"));
        assert!(out.contains("\"./split_login-bb.wasm\""));
        assert!(!out.contains("\"./chunk_1.wasm\""));
        let fetching = "const src = fetch(new URL(\"./chunk_1.wasm\", import.meta.url));";
        let out =
            rewrite_split_loader(&LOADER.replace("let sharedImports", fetching), &renamed).unwrap();
        assert!(
            out.contains("const src = fetchWasm(new URL(\"./chunk_1-aa.wasm\""),
            "{out}"
        );
        assert!(
            out.contains(&format!("window.{PRELOADED} ?? fetch")),
            "{out}"
        );
        let missing = BTreeMap::from([("chunk_9.wasm".to_owned(), "x".to_owned())]);
        assert!(rewrite_split_loader(LOADER, &missing).is_err());
    }
}
