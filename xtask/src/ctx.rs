//! What every command needs ([`Ctx`]: the project's folders and the
//! tools' PATH), and how durations read.

use anyhow::{Context, Result};
use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// What every command needs: where the project is, and a PATH on which the
/// project's tools come first.
pub struct Ctx {
    pub root: PathBuf,
    pub(crate) path: OsString,
}

impl Ctx {
    pub fn new() -> Result<Self> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .context("xtask/ has no parent folder")?
            .to_path_buf();
        let mut ctx = Self {
            root,
            path: OsString::new(),
        };
        // wasm-opt from npm first (never Debian's binaryen), then cargo's
        // installs (trunk, wasm-bindgen), then whatever the user has.
        let mut dirs = vec![ctx.binaryen_bin_dir(), cargo_bin_dir()];
        if let Some(path) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&path));
        }
        ctx.path = std::env::join_paths(dirs).context("building PATH")?;
        Ok(ctx)
    }

    /// A command run in the project's root with the tools' PATH. Trunk's
    /// update check calls a web API that is not reachable here: skip it.
    pub fn tool_command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root)
            .env("PATH", &self.path)
            .env("TRUNK_SKIP_VERSION_CHECK", "true");
        cmd
    }

    /// The cargo that runs this xtask (`$CARGO`, which cargo sets for the
    /// programs it runs: the toolchain of rust-toolchain.toml), or the one
    /// on PATH when the xtask's binary is started by hand.
    pub fn cargo(&self) -> Command {
        self.tool_command(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
    }

    /// Where npm's binaryen (wasm-opt) is installed: `.tools/binaryen`.
    pub fn binaryen_prefix(&self) -> PathBuf {
        self.root.join(".tools").join("binaryen")
    }

    /// Its programs.
    pub fn binaryen_bin_dir(&self) -> PathBuf {
        self.binaryen_prefix().join("node_modules").join(".bin")
    }

    /// Where the release is built: `dist/`.
    pub fn dist_dir(&self) -> PathBuf {
        self.root.join("dist")
    }

    pub fn target_dir(&self) -> PathBuf {
        std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .map(|p| {
                if p.is_absolute() {
                    p
                } else {
                    self.root.join(p)
                }
            })
            .unwrap_or_else(|| self.root.join("target"))
    }
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin_dir() -> PathBuf {
    if let Some(root) = env::var_os("CARGO_INSTALL_ROOT") {
        return PathBuf::from(root).join("bin");
    }
    if let Some(home) = env::var_os("CARGO_HOME") {
        return PathBuf::from(home).join("bin");
    }
    let home = env::var_os("HOME").unwrap_or_else(|| "/root".into());
    PathBuf::from(home).join(".cargo").join("bin")
}

/// `850 ms`, `12.3 s`, `4 min 05 s`.
pub fn fmt_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 1.0 {
        format!("{} ms", d.as_millis())
    } else if secs < 60.0 {
        format!("{secs:.1} s")
    } else {
        let whole = d.as_secs();
        format!("{} min {:02} s", whole / 60, whole % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_is_the_one_that_runs_us() {
        // `cargo test` sets $CARGO for the tests as `cargo xtask` does for us.
        let cargo = std::env::var_os("CARGO").expect("cargo sets $CARGO");
        let ctx = Ctx::new().unwrap();
        assert_eq!(ctx.cargo().get_program(), cargo);
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(fmt_duration(Duration::from_millis(850)), "850 ms");
        assert_eq!(fmt_duration(Duration::from_millis(12_340)), "12.3 s");
        assert_eq!(fmt_duration(Duration::from_secs(245)), "4 min 05 s");
    }
}
