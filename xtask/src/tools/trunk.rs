//! trunk, the bundler behind `dev` and `dist`, and the pins of its
//! Trunk.toml that must name the tools installed beside it.

use super::cargo_install::ensure_cargo_tool;
use crate::ctx::Ctx;
use anyhow::{Context, Result, bail};
use std::fs;

/// Trunk 0.22 needs a newer rustc than the pinned 1.95.
const TRUNK_VERSION: &str = "0.21.14";

pub(super) fn ensure_trunk(ctx: &Ctx) -> Result<()> {
    ensure_cargo_tool(ctx, "trunk", "trunk", TRUNK_VERSION, "~11 min")
}

/// Trunk.toml's `[tools]` pin `key`, if Trunk.toml has one.
fn trunk_pin(ctx: &Ctx, key: &str) -> Result<Option<String>> {
    let path = ctx.root.join("Trunk.toml");
    let Ok(text) = fs::read_to_string(&path) else {
        return Ok(None);
    };
    let table: toml::Table = text
        .parse()
        .with_context(|| format!("reading {}", path.display()))?;
    Ok(table
        .get("tools")
        .and_then(|tools| tools.get(key))
        .and_then(|v| v.as_str())
        .map(str::to_owned))
}

/// Trunk never downloads a tool here (`offline = true`), so its pins must name
/// exactly the tools that are installed.
pub(super) fn check_trunk_pin(ctx: &Ctx, key: &str, want: &str, why: &str) -> Result<()> {
    match trunk_pin(ctx, key)? {
        Some(pinned) if pinned != want => bail!(
            "Trunk.toml pins [tools] {key} = \"{pinned}\", but {why} is \"{want}\": \
             make them agree"
        ),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_pins_must_match() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = Ctx {
            root: dir.path().to_path_buf(),
            path: Default::default(),
        };
        // No Trunk.toml: nothing to check.
        check_trunk_pin(&ctx, "wasm_bindgen", "0.2.130", "Cargo.lock").unwrap();
        fs::write(
            dir.path().join("Trunk.toml"),
            "[build]\noffline = true\n[tools]\nwasm_bindgen = \"0.2.130\"\n",
        )
        .unwrap();
        check_trunk_pin(&ctx, "wasm_bindgen", "0.2.130", "Cargo.lock").unwrap();
        check_trunk_pin(&ctx, "wasm_opt", "version_132", "binaryen").unwrap();
        let err = check_trunk_pin(&ctx, "wasm_bindgen", "0.2.131", "Cargo.lock").unwrap_err();
        assert!(err.to_string().contains("0.2.130"), "{err}");
    }

    /// trunk (`cargo xtask dev`, e2e-dev) builds into a folder of its own:
    /// `dist/` is the release, the folder to upload, and trunk's debug build
    /// with its live-reload script must never replace it there.
    #[test]
    fn trunk_builds_beside_the_release() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let table: toml::Table = fs::read_to_string(root.join("Trunk.toml"))
            .unwrap()
            .parse()
            .unwrap();
        let dist = table["build"]["dist"].as_str().unwrap();
        let ctx = Ctx {
            root,
            path: Default::default(),
        };
        assert!(dist.starts_with("target/"), "{dist}");
        assert_ne!(
            ctx.root.join(dist),
            ctx.dist_dir(),
            "Trunk.toml's [build] dist"
        );
    }
}
