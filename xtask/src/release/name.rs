//! Step 5: the modules, their loader and the app's glue copied into `dist/`,
//! each named after its content, so that a CDN may cache it forever.

use super::bindgen;
use super::files::{APP, content_hash, copy_dir, file_name, named_after};
use super::split::{Split, rewrite_split_loader};
use anyhow::Result;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// What the later steps need of the named files.
pub struct Named {
    /// The glue, `kabinet-<hash>.js`.
    pub js: String,
    /// The main module, `kabinet-<hash>_bg.wasm`.
    pub wasm: String,
    /// The page modules' loader, `__wasm_split-<hash>.js`.
    pub loader_name: String,
    /// Its text, which names each group's files.
    pub loader: String,
}

impl Named {
    /// The scripts `index.html` names with `<link rel=modulepreload>`.
    pub fn modulepreloads(&self) -> [String; 2] {
        [self.js.clone(), self.loader_name.clone()]
    }
}

/// Writes into `dist` the split modules, their loader pointing at the
/// renamed files, and the glue of `bindgen_dir` importing that loader with
/// its main module, named after both (and the glue's snippets).
pub fn name(dist: &Path, bindgen_dir: &Path, split: &Split) -> Result<Named> {
    // The split modules, named after their content.
    let mut renamed = BTreeMap::new();
    for chunk in &split.chunks {
        let bytes = fs::read(chunk)?;
        let name = file_name(chunk);
        let new = named_after(&name, &bytes);
        fs::write(dist.join(&new), &bytes)?;
        renamed.insert(name, new);
    }

    // Their loader, pointing at the renamed files, and the glue importing it.
    let loader = rewrite_split_loader(&split.loader()?, &renamed)?;
    let loader_name = named_after("__wasm_split.js", loader.as_bytes());
    fs::write(dist.join(&loader_name), &loader)?;
    let glue = fs::read_to_string(bindgen::glue(bindgen_dir))?;
    let main_js = bindgen::taking_loader(&glue)?;

    // The app's JS glue and main module, named after both.
    let main_bg = fs::read(bindgen::main_wasm(bindgen_dir))?;
    let hash = content_hash(&[main_js.as_bytes(), &main_bg]);
    let js = format!("{APP}-{hash}.js");
    let wasm = format!("{APP}-{hash}_bg.wasm");
    fs::write(dist.join(&js), &main_js)?;
    fs::write(dist.join(&wasm), &main_bg)?;
    let snippets = bindgen_dir.join("snippets");
    if snippets.is_dir() {
        copy_dir(&snippets, &dist.join("snippets"))?;
    }
    Ok(Named {
        js,
        wasm,
        loader_name,
        loader,
    })
}
