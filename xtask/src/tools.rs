//! The tools the workflow needs, each checked and installed only when it is
//! missing or of the wrong version. Nothing here downloads from anywhere but
//! the package registries (crates.io, npm, Debian): see
//! `shared/design/TOOLCHAIN.md` for why each recipe is what it is.

use crate::Ctx;
use crate::process::{self, output_of};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};
use std::{env, fs, thread};

/// Trunk 0.22 needs a newer rustc than the pinned 1.95.
pub const TRUNK_VERSION: &str = "0.21.14";
/// npm package `binaryen`; its `wasm-opt --version` says `version 132`.
pub const BINARYEN_NPM_VERSION: &str = "132.0.0";
const WASM_OPT_VERSION: &str = "version 132";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Every tool, in the order they are checked.
pub const ALL: &[Tool] = &[
    Tool::WasmTarget,
    Tool::RustSrc,
    Tool::WasmOpt,
    Tool::E2ePackages,
    Tool::Chromium,
    Tool::WasmBindgen,
    Tool::Trunk,
    Tool::Schemathesis,
    Tool::Nginx,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// The wasm32 target of the pinned Rust toolchain.
    WasmTarget,
    /// The `rust-src` component: the release build rebuilds std for size
    /// (`-Zbuild-std`, see `dist::build_release`).
    RustSrc,
    /// `trunk`, the bundler behind `dev` and `dist`.
    Trunk,
    /// `wasm-bindgen` and `wasm-bindgen-test-runner`, at Cargo.lock's version.
    WasmBindgen,
    /// `wasm-opt` from npm `binaryen`, in `.tools/binaryen`.
    WasmOpt,
    /// Debian's Chromium and ChromeDriver.
    Chromium,
    /// The npm packages of `tests/e2e` (Playwright, axe-core).
    E2ePackages,
    /// schemathesis from PyPI, in a venv at `.tools/schemathesis`, exactly
    /// as `tests/contract/requirements.txt` pins it.
    Schemathesis,
    /// Debian's nginx and its brotli_static module (the production-like stack).
    Nginx,
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

/// The folder holding `wasm-opt` from the npm package.
pub fn binaryen_bin_dir(ctx: &Ctx) -> PathBuf {
    binaryen_prefix(ctx).join("node_modules").join(".bin")
}

fn binaryen_prefix(ctx: &Ctx) -> PathBuf {
    ctx.root.join(".tools").join("binaryen")
}

pub fn e2e_dir(ctx: &Ctx) -> PathBuf {
    ctx.root.join("tests").join("e2e")
}

/// Makes sure every tool in `tools` is there, installing what is missing.
pub fn ensure(ctx: &Ctx, tools: &[Tool]) -> Result<()> {
    let started = Instant::now();
    say!("==> checking tools");
    for &tool in tools {
        process::check_interrupted()?;
        match tool {
            Tool::WasmTarget => ensure_wasm_target(ctx),
            Tool::RustSrc => ensure_rust_src(ctx),
            Tool::Trunk => ensure_trunk(ctx),
            Tool::WasmBindgen => ensure_wasm_bindgen(ctx),
            Tool::WasmOpt => ensure_wasm_opt(ctx),
            Tool::Chromium => ensure_chromium(),
            Tool::E2ePackages => ensure_e2e_packages(ctx),
            Tool::Schemathesis => ensure_schemathesis(ctx),
            Tool::Nginx => ensure_nginx(),
        }
        .with_context(|| format!("could not set up {tool:?}"))?;
    }
    say!(
        "<== tools ready ({})",
        crate::fmt_duration(started.elapsed())
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

/// The sysroot of the toolchain that builds the project (rust-toolchain.toml):
/// asking rustc also works for a toolchain rustup only links to.
fn sysroot(ctx: &Ctx) -> Result<PathBuf> {
    let sysroot = output_of(ctx.tool_command("rustc").args(["--print", "sysroot"]))
        .context("`rustc --print sysroot` failed: is the Rust toolchain installed?")?;
    Ok(PathBuf::from(sysroot.trim()))
}

fn ensure_wasm_target(ctx: &Ctx) -> Result<()> {
    let target_lib = sysroot(ctx)?
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .join("lib");
    if target_lib.is_dir() {
        ok(&format!("Rust target {WASM_TARGET}"));
        return Ok(());
    }
    installing(&format!("Rust target {WASM_TARGET} (takes seconds)…"));
    process::run(
        ctx.tool_command("rustup")
            .args(["target", "add", WASM_TARGET]),
    )
}

fn ensure_rust_src(ctx: &Ctx) -> Result<()> {
    if sysroot(ctx)?
        .join("lib/rustlib/src/rust/library/std")
        .is_dir()
    {
        ok("Rust component rust-src");
        return Ok(());
    }
    installing("Rust component rust-src (takes seconds)…");
    process::run(
        ctx.tool_command("rustup")
            .args(["component", "add", "rust-src"]),
    )
}

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

fn wait_for_other_install(krate: &str) -> Result<()> {
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
                crate::fmt_duration(started.elapsed())
            );
            last_note = Instant::now();
        }
        thread::sleep(Duration::from_secs(2));
    }
    Ok(())
}

/// `cargo install NAME --version V --locked`, unless the binary already
/// reports `want` in its `--version`.
fn ensure_cargo_tool(
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
    cargo_install(ctx, krate, version)?;
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

fn cargo_install(ctx: &Ctx, krate: &str, version: &str) -> Result<()> {
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
    ]);
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
            install_with_older_pins(ctx, krate, version, missing)
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

/// The fallback of TOOLCHAIN.md: unpack the downloaded crate, move each pin
/// the registry lacks to the newest version it has (`cargo update -p`), and
/// install from that source with the otherwise unchanged lockfile.
fn install_with_older_pins(
    ctx: &Ctx,
    krate: &str,
    version: &str,
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
            .args(["install", "--locked", "--force", "--path"])
            .arg(&source),
    )
}

fn ensure_trunk(ctx: &Ctx) -> Result<()> {
    ensure_cargo_tool(ctx, "trunk", "trunk", TRUNK_VERSION, "~11 min")
}

/// The version of `wasm-bindgen` that Cargo.lock pins.
pub fn locked_wasm_bindgen_version(ctx: &Ctx) -> Result<String> {
    // `cargo pkgid` answers from the lockfile: registry+…#wasm-bindgen@0.2.130
    let out = output_of(ctx.cargo().args(["pkgid", "--offline", "wasm-bindgen"]))
        .or_else(|| output_of(ctx.cargo().args(["pkgid", "wasm-bindgen"])))
        .context("`cargo pkgid wasm-bindgen` failed: is wasm-bindgen in Cargo.lock?")?;
    let version = out
        .trim()
        .rsplit(['@', '#'])
        .next()
        .unwrap_or_default()
        .to_owned();
    if version.is_empty() || !version.starts_with(|c: char| c.is_ascii_digit()) {
        bail!("could not read wasm-bindgen's version from `cargo pkgid`: {out:?}");
    }
    Ok(version)
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
fn check_trunk_pin(ctx: &Ctx, key: &str, want: &str, why: &str) -> Result<()> {
    match trunk_pin(ctx, key)? {
        Some(pinned) if pinned != want => bail!(
            "Trunk.toml pins [tools] {key} = \"{pinned}\", but {why} is \"{want}\": \
             make them agree"
        ),
        _ => Ok(()),
    }
}

fn ensure_wasm_bindgen(ctx: &Ctx) -> Result<()> {
    let version = locked_wasm_bindgen_version(ctx)?;
    check_trunk_pin(ctx, "wasm_bindgen", &version, "Cargo.lock's wasm-bindgen")?;
    ensure_cargo_tool(ctx, "wasm-bindgen-cli", "wasm-bindgen", &version, "~3 min")?;
    // The test runner comes from the same package; check it is there too.
    if version_line(ctx, "wasm-bindgen-test-runner").is_none() {
        bail!("wasm-bindgen-test-runner is missing although wasm-bindgen {version} is installed");
    }
    Ok(())
}

fn ensure_npm() -> Result<()> {
    if output_of(Command::new("npm").arg("--version")).is_none() {
        bail!("npm is not on PATH: install Node.js 20 with npm first");
    }
    Ok(())
}

fn ensure_wasm_opt(ctx: &Ctx) -> Result<()> {
    check_trunk_pin(
        ctx,
        "wasm_opt",
        &WASM_OPT_VERSION.replace(' ', "_"),
        &format!("npm binaryen@{BINARYEN_NPM_VERSION}'s"),
    )?;
    let wasm_opt = binaryen_bin_dir(ctx).join("wasm-opt");
    let check = || {
        output_of(Command::new(&wasm_opt).arg("--version"))
            .map(|v| v.trim().to_owned())
            .filter(|v| v.contains(WASM_OPT_VERSION))
    };
    if let Some(v) = check() {
        ok(&v);
        return Ok(());
    }
    ensure_npm()?;
    installing(&format!(
        "wasm-opt: npm binaryen@{BINARYEN_NPM_VERSION} into .tools/binaryen (takes seconds)…"
    ));
    let prefix = binaryen_prefix(ctx);
    fs::create_dir_all(&prefix).with_context(|| format!("creating {}", prefix.display()))?;
    process::run(
        Command::new("npm")
            .current_dir(&ctx.root)
            .arg("install")
            .arg("--prefix")
            .arg(&prefix)
            .args(["--no-audit", "--no-fund", "--save-exact"])
            .arg(format!("binaryen@{BINARYEN_NPM_VERSION}")),
    )?;
    match check() {
        Some(v) => {
            ok(&v);
            Ok(())
        }
        None => bail!(
            "{} does not report {WASM_OPT_VERSION} after the install",
            wasm_opt.display()
        ),
    }
}

fn ensure_chromium() -> Result<()> {
    let missing = missing_files(&[CHROMIUM, CHROMEDRIVER]);
    if missing.is_empty() {
        let v = output_of(Command::new(CHROMIUM).arg("--version"));
        ok(v.as_deref().map(str::trim).unwrap_or(CHROMIUM));
        return Ok(());
    }
    installing(&format!(
        "Chromium and ChromeDriver from Debian ({} missing; takes ~70 s)…",
        missing.join(", ")
    ));
    process::run(&mut apt(&["update"]))?;
    process::run(&mut apt(&["install", "-y", "chromium", "chromium-driver"]))?;
    if let Some(p) = missing_files(&[CHROMIUM, CHROMEDRIVER]).first() {
        bail!("{p} is still missing after installing chromium and chromium-driver");
    }
    ok("chromium and chromium-driver");
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

/// nginx and libnginx-mod-http-brotli-static from Debian (about 15 s with
/// `apt-get update`). Installing does not start it: the xtask runs its own.
fn ensure_nginx() -> Result<()> {
    use crate::deploy::{BROTLI_STATIC_MODULE, NGINX};
    let missing = missing_files(&[NGINX, BROTLI_STATIC_MODULE]);
    if missing.is_empty() {
        ok("nginx with brotli_static");
        return Ok(());
    }
    installing(&format!(
        "nginx and its brotli_static module from Debian ({} missing; takes ~15 s)…",
        missing.join(", ")
    ));
    process::run(&mut apt(&["update"]))?;
    process::run(&mut apt(&[
        "install",
        "-y",
        "nginx",
        "libnginx-mod-http-brotli-static",
    ]))?;
    for p in [NGINX, BROTLI_STATIC_MODULE] {
        if !Path::new(p).exists() {
            bail!(
                "{p} is still missing after installing nginx and libnginx-mod-http-brotli-static"
            );
        }
    }
    ok("nginx and libnginx-mod-http-brotli-static");
    Ok(())
}

fn mtime(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn ensure_e2e_packages(ctx: &Ctx) -> Result<()> {
    let dir = e2e_dir(ctx);
    let lock = dir.join("package-lock.json");
    let manifest = dir.join("package.json");
    if !lock.exists() {
        bail!("{} is missing: it must be committed", lock.display());
    }
    // npm ci writes node_modules/.package-lock.json; a lockfile or manifest
    // newer than it means the packages are out of date.
    let installed = mtime(&dir.join("node_modules").join(".package-lock.json"));
    let wanted = [mtime(&lock), mtime(&manifest)].into_iter().flatten().max();
    let fresh = match (installed, wanted) {
        (Some(i), Some(w)) => i >= w,
        _ => false,
    };
    if fresh && dir.join("node_modules/.bin/playwright").exists() {
        ok("tests/e2e npm packages");
        return Ok(());
    }
    ensure_npm()?;
    installing("tests/e2e npm packages: npm ci (takes seconds)…");
    process::run(
        Command::new("npm")
            .current_dir(&dir)
            .args(["ci", "--no-audit", "--no-fund"])
            // Playwright's own browser download cannot work here: we use
            // Debian's Chromium.
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )?;
    ok("tests/e2e npm packages");
    Ok(())
}

/// The venv holding schemathesis.
pub fn schemathesis_venv(ctx: &Ctx) -> PathBuf {
    ctx.root.join(".tools").join("schemathesis")
}

fn ensure_schemathesis(ctx: &Ctx) -> Result<()> {
    let venv = schemathesis_venv(ctx);
    let requirements = ctx.root.join("tests/contract/requirements.txt");
    // A copy of the requirements the venv was made from: another pin set
    // means installing again.
    let installed_from = venv.join("requirements.txt");
    let program = venv.join("bin/schemathesis");
    if program.exists() && fs::read(&installed_from).ok() == fs::read(&requirements).ok() {
        ok("schemathesis (.tools/schemathesis)");
        return Ok(());
    }
    installing("schemathesis from PyPI into .tools/schemathesis (takes a minute or two)…");
    if venv.exists() {
        fs::remove_dir_all(&venv)?;
    }
    process::run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    process::run(
        Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(&requirements),
    )?;
    fs::copy(&requirements, &installed_from)?;
    ok("schemathesis (.tools/schemathesis)");
    Ok(())
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
}
