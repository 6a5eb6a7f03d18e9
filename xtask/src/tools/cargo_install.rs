//! `cargo install` of a tool at an exact version: skipped when the binary
//! already reports it, waiting for an install of the same crate that runs
//! elsewhere on the machine, and falling back to older lockfile pins when
//! the registry lacks one the published Cargo.lock names.

use super::{cargo_bin_dir, installing, ok, version_line};
use crate::ctx::Ctx;
use crate::process;
use anyhow::{Context, Result, bail};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};
use std::{fs, thread};

/// A `cargo install` of `krate` already running on this machine (another
/// terminal, another xtask), so that we wait for it instead of racing it.
fn running_cargo_install(krate: &str) -> Option<u32> {
    let own = std::process::id();
    for entry in fs::read_dir("/proc").ok()?.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == own {
            continue;
        }
        let Ok(cmdline) = fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let args: Vec<&[u8]> = cmdline.split(|&b| b == 0).collect();
        let is_cargo = args
            .first()
            .is_some_and(|a| a == b"cargo" || a.ends_with(b"/cargo"));
        if is_cargo && args.contains(&&b"install"[..]) && args.contains(&krate.as_bytes()) {
            return Some(pid);
        }
    }
    None
}

pub(super) fn wait_for_other_install(krate: &str) -> Result<()> {
    let Some(pid) = running_cargo_install(krate) else {
        return Ok(());
    };
    say!("    another `cargo install {krate}` is running (pid {pid}); waiting for it…");
    let started = Instant::now();
    let mut last_note = Instant::now();
    while running_cargo_install(krate).is_some() {
        process::check_interrupted()?;
        if last_note.elapsed() > Duration::from_secs(60) {
            say!(
                "    still waiting for `cargo install {krate}` ({} so far)",
                crate::ctx::fmt_duration(started.elapsed())
            );
            last_note = Instant::now();
        }
        thread::sleep(Duration::from_secs(2));
    }
    Ok(())
}

/// `cargo install NAME --version V --locked`, unless the binary already
/// reports `want` in its `--version`.
pub(super) fn ensure_cargo_tool(
    ctx: &Ctx,
    krate: &str,
    binary: &str,
    version: &str,
    duration_hint: &str,
) -> Result<()> {
    let want = format!("{binary} {version}");
    let check = |ctx: &Ctx| version_line(ctx, binary).filter(|v| v.starts_with(&want));
    if let Some(found) = check(ctx) {
        ok(&found);
        return Ok(());
    }
    wait_for_other_install(krate)?;
    if let Some(found) = check(ctx) {
        ok(&found);
        return Ok(());
    }
    match version_line(ctx, binary) {
        Some(other) => installing(&format!(
            "{krate} {version} (found `{other}`; takes {duration_hint} the first time)…"
        )),
        None => installing(&format!(
            "{krate} {version} (takes {duration_hint} the first time)…"
        )),
    }
    cargo_install(ctx, krate, version, &[])?;
    match version_line(ctx, binary) {
        Some(v) if v.starts_with(&want) => {
            ok(&v);
            Ok(())
        }
        other => bail!(
            "after installing {krate} {version}, `{binary} --version` says {other:?}; \
             is another {binary} earlier on PATH?"
        ),
    }
}

/// `cargo install` of `krate` at `version` with its own lockfile; `extra`
/// are more arguments (`--features …`).
pub(super) fn cargo_install(ctx: &Ctx, krate: &str, version: &str, extra: &[&str]) -> Result<()> {
    let mut cmd = ctx.cargo();
    // --force: a binary of another version (or one cargo did not install)
    // is in the way, and the check above already found it wrong.
    cmd.args([
        "install",
        krate,
        "--version",
        version,
        "--locked",
        "--force",
    ])
    .args(extra);
    let (result, stderr) = process::run_keeping_stderr(&mut cmd);
    let Err(error) = result else {
        return Ok(());
    };
    match missing_locked_crate(&stderr) {
        Some(missing) => {
            say!(
                "    {krate} {version}'s published Cargo.lock pins {} {}, which the registry \
                 does not serve; building it from its source with that crate at an older version…",
                missing.name,
                missing.locked
            );
            install_with_older_pins(ctx, krate, version, extra, missing)
        }
        None => Err(error),
    }
}

/// A crate version that a lockfile pins and the registry does not have.
#[derive(Debug, PartialEq, Eq)]
struct MissingLocked {
    name: String,
    locked: String,
}

/// Reads cargo's error for a lockfile pin the registry lacks:
/// ``failed to select a version for the requirement `webpki-roots = "^1.0.10"` (locked to 1.0.11)``.
fn missing_locked_crate(stderr: &str) -> Option<MissingLocked> {
    let line = stderr
        .lines()
        .find(|l| l.contains("failed to select a version for the requirement `"))?;
    let (_, rest) = line.split_once("requirement `")?;
    let (name, rest) = rest.split_once(" = ")?;
    let (_, locked) = rest.split_once("(locked to ")?;
    let (locked, _) = locked.split_once(')')?;
    Some(MissingLocked {
        name: name.trim().to_owned(),
        locked: locked.trim().to_owned(),
    })
}

/// The `.crate` file that `cargo install` downloaded into the registry cache.
fn cached_crate_file(krate: &str, version: &str) -> Option<PathBuf> {
    let cache = cargo_bin_dir().parent()?.join("registry").join("cache");
    let file_name = format!("{krate}-{version}.crate");
    fs::read_dir(cache)
        .ok()?
        .flatten()
        .map(|index| index.path().join(&file_name))
        .find(|p| p.is_file())
}

/// When a crate's lockfile pins versions this registry lacks: unpack the
/// downloaded crate, move each such pin to the newest version the registry
/// has (`cargo update -p`), and install from that source with the otherwise
/// unchanged lockfile.
fn install_with_older_pins(
    ctx: &Ctx,
    krate: &str,
    version: &str,
    extra: &[&str],
    first: MissingLocked,
) -> Result<()> {
    let file = cached_crate_file(krate, version).with_context(|| {
        format!("{krate}-{version}.crate is not in cargo's registry cache after the failed install")
    })?;
    // Outside the project, so that cargo does not take the crate for a
    // member of our workspace.
    let scratch = tempfile::Builder::new()
        .prefix("xtask-install-")
        .tempdir()
        .context("creating a temporary folder")?;
    process::run(
        Command::new("tar")
            .arg("-xzf")
            .arg(&file)
            .arg("-C")
            .arg(scratch.path()),
    )?;
    let source = scratch.path().join(format!("{krate}-{version}"));
    let manifest = source.join("Cargo.toml");
    let mut missing = first;
    let mut moved = Vec::new();
    loop {
        if moved.contains(&missing) || moved.len() >= 10 {
            bail!("could not find registry versions for {krate}'s lockfile (stuck at {missing:?})");
        }
        process::run(
            ctx.cargo()
                .current_dir(&source)
                .arg("update")
                .arg("--manifest-path")
                .arg(&manifest)
                .arg("-p")
                .arg(format!("{}@{}", missing.name, missing.locked)),
        )?;
        moved.push(missing);
        let (result, stderr) = process::run_keeping_stderr(
            ctx.cargo()
                .current_dir(&source)
                .args(["fetch", "--locked", "--manifest-path"])
                .arg(&manifest),
        );
        match (result, missing_locked_crate(&stderr)) {
            (Ok(()), _) => break,
            (Err(_), Some(next)) => missing = next,
            (Err(e), None) => return Err(e),
        }
    }
    process::run(
        ctx.cargo()
            .current_dir(&source)
            .args(["install", "--locked", "--force"])
            .args(extra)
            .arg("--path")
            .arg(&source),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_lock_pin_the_registry_lacks() {
        let stderr = "    Updating crates.io index
error: failed to select a version for the requirement `webpki-roots = \"^1.0.10\"` (locked to 1.0.11)
candidate versions found which didn't match: 1.0.10, 1.0.9, 1.0.8, ...
";
        assert_eq!(
            missing_locked_crate(stderr),
            Some(MissingLocked {
                name: "webpki-roots".into(),
                locked: "1.0.11".into()
            })
        );
        assert_eq!(missing_locked_crate("error: linker `cc` not found"), None);
    }
}
