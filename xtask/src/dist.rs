//! The release build and what it weighs: every file of `dist/`, raw and
//! brotli-compressed (quality 11, as a CDN would serve it), and the bytes
//! every visit loads (index.html, JS, the main wasm, CSS; each route's own
//! modules are counted by `tests/e2e/weight.spec.ts`).

use crate::Ctx;
use crate::deploy::Meta;
use crate::process::{self, Background, output_of};
use crate::tools::{self, Tool};
use anyhow::{Context, Result};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

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

pub fn dist_dir(ctx: &Ctx) -> PathBuf {
    ctx.root.join("dist")
}

/// `cargo xtask dist`, with the meta tags of index.html it was given.
pub fn dist(ctx: &Ctx, meta: &Meta) -> Result<()> {
    tools::ensure(ctx, TOOLS)?;
    build_release(ctx, meta)?;
    let table = report(ctx)?;
    say_raw!("{table}");
    print_csp(ctx);
    Ok(())
}

/// The release into `dist/` (`release.rs`: each group of pages in a wasm
/// module of its own, the stylesheet without its comments), checked to hold
/// no gallery, then the meta tags in `meta` set in its pages before they are
/// prerendered and compressed.
pub fn build_release(ctx: &Ctx, meta: &Meta) -> Result<()> {
    let dist = dist_dir(ctx);
    crate::release::build(ctx, &dist)?;
    check_no_gallery(&dist)?;
    crate::deploy::finish_release(ctx, &dist, meta)
}

/// Texts of the designers' gallery (`src/gallery/`, debug builds only):
/// its index's heading and its sample captcha's salt. A wasm that holds one
/// has the gallery, its sample data or its API stub compiled in.
const GALLERY_MARKERS: [&str; 2] = ["Галерея состояний", "gallery-sample-salt"];

/// Fails when a `.wasm` of `dir` holds a gallery marker: a release build
/// must leave the gallery out (`#[cfg(debug_assertions)]`). The strings of
/// a Rust program stand in its wasm as they are, in UTF-8.
fn check_no_gallery(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "wasm") {
            continue;
        }
        let wasm = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        if let Some(marker) = GALLERY_MARKERS
            .iter()
            .find(|m| wasm.windows(m.len()).any(|w| w == m.as_bytes()))
        {
            anyhow::bail!(
                "{} holds «{marker}»: the designers' gallery is in the release build \
                 (it must be compiled with #[cfg(debug_assertions)] only)",
                path.display()
            );
        }
    }
    Ok(())
}

/// Builds the size table of `dist/`, prints nothing, and writes it to
/// `target/dist-sizes.txt`.
pub fn report(ctx: &Ctx) -> Result<String> {
    let dir = dist_dir(ctx);
    let mut files = Vec::new();
    collect_files(&dir, &mut files)
        .with_context(|| format!("listing {} (did the build run?)", dir.display()))?;
    files.sort();
    let mut rows = Vec::new();
    for path in &files {
        let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned();
        rows.push(Row {
            first_load: is_first_load(&name),
            raw: bytes.len() as u64,
            brotli: brotli_size(&bytes)?,
            name,
        });
    }
    let table = render(&rows);
    let out = ctx.target_dir().join("dist-sizes.txt");
    if let Some(parent) = out.parent() {
        let _ = fs::create_dir_all(parent);
    }
    fs::write(&out, &table).with_context(|| format!("writing {}", out.display()))?;
    Ok(format!("{table}(written to {})\n", out.display()))
}

struct Row {
    name: String,
    raw: u64,
    brotli: u64,
    first_load: bool,
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect_files(&path, out)?;
        } else if !crate::precompress::is_compressed_copy(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// What every visit fetches before the app runs: the page, the scripts,
/// the main wasm and the styles at the top of dist/. The pages' own modules
/// (`split_*`, `chunk_*`) come with the page that needs them:
/// `weight.spec.ts` counts what each route downloads.
fn is_first_load(name: &str) -> bool {
    if name.contains('/') || name.starts_with("split_") || name.starts_with("chunk_") {
        return false;
    }
    name == "index.html"
        || [".js", ".wasm", ".css"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

fn brotli_size(bytes: &[u8]) -> Result<u64> {
    Ok(crate::precompress::brotli(bytes)?.len() as u64)
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn render(rows: &[Row]) -> String {
    let width = rows
        .iter()
        .map(|r| r.name.chars().count() + 2)
        .chain([26])
        .max()
        .unwrap_or(26);
    let mut s = String::new();
    let line = |s: &mut String, mark: &str, name: &str, raw: u64, br: u64| {
        let _ = writeln!(
            s,
            "{mark} {name:<width$} {raw:>10} {:>11} {br:>10} {:>11}",
            kib(raw),
            kib(br)
        );
    };
    let _ = writeln!(
        s,
        "  {:<width$} {:>10} {:>11} {:>10} {:>11}",
        "file (* = every visit)", "raw B", "raw", "brotli B", "brotli"
    );
    let _ = writeln!(s, "{}", "-".repeat(width + 48));
    for r in rows {
        line(
            &mut s,
            if r.first_load { "*" } else { " " },
            &r.name,
            r.raw,
            r.brotli,
        );
    }
    let _ = writeln!(s, "{}", "-".repeat(width + 48));
    let total = |f: &dyn Fn(&Row) -> bool| {
        rows.iter()
            .filter(|r| f(r))
            .fold((0, 0), |(a, b), r| (a + r.raw, b + r.brotli))
    };
    let (raw, br) = total(&|_| true);
    line(
        &mut s,
        " ",
        &format!("total ({} files)", rows.len()),
        raw,
        br,
    );
    let (raw, br) = total(&|r| r.first_load);
    line(&mut s, "*", "every visit", raw, br);
    s
}

/// The reference API with a fresh database (no app), as the contract step
/// uses it.
pub struct Served {
    pub url: String,
    log: PathBuf,
    server: Background,
    _scratch: tempfile::TempDir,
}

/// Builds and starts reference-api alone (no app) on `preferred` (or a free
/// port), logging to `target/<name>-reference-api.log`, and waits until it
/// listens.
pub fn serve_api(ctx: &Ctx, preferred: &str, name: &str, extra: &[&str]) -> Result<Served> {
    let addr = process::free_addr(preferred)?;
    process::run(ctx.cargo().args(["build", "-p", "reference-api"]))?;
    let scratch = tempfile::Builder::new()
        .prefix(&format!("kabinet-{name}-"))
        .tempdir()
        .context("creating a temporary folder for the database")?;
    let log = ctx.target_dir().join(format!("{name}-reference-api.log"));
    let url = format!("http://{addr}");
    let mut command = ctx.cargo();
    command.args(["run", "--quiet", "-p", "reference-api", "--"]);
    let server = Background::spawn_logged(
        "reference-api",
        command
            .arg("--listen")
            .arg(addr.to_string())
            .args(["--app-url", &url])
            .arg("--database")
            .arg(scratch.path().join("reference-api.sqlite"))
            .args(["--limits", "loose", "--dev-endpoints"])
            .args(extra),
        &log,
    )?;
    let served = Served {
        url,
        log,
        server,
        _scratch: scratch,
    };
    match served.server.wait_for_port(addr, Duration::from_secs(60)) {
        Ok(()) => Ok(served),
        Err(e) => served.finish(Err(e)),
    }
}

impl Served {
    /// Stops the server; on failure shows the end of its log, whose lines
    /// are what explains most failures of a browser run.
    pub fn finish<T>(self, result: Result<T>) -> Result<T> {
        self.server.stop();
        if result.is_err() && !process::interrupted() {
            process::show_tail(&self.log, 30);
        }
        result
    }
}

/// The Content-Security-Policy that fits this build, for whoever serves
/// dist/ from nginx or a CDN.
fn print_csp(ctx: &Ctx) {
    let index = dist_dir(ctx).join("index.html");
    let csp = output_of(
        ctx.cargo()
            .args(["run", "--quiet", "-p", "reference-api", "--", "--print-csp"])
            .arg(&index),
    );
    match csp {
        Some(csp) if !csp.trim().is_empty() => {
            say!("\nContent-Security-Policy for serving dist/ (from reference-api --print-csp):");
            say!("{}", csp.trim());
        }
        _ => say!(
            "\n(no CSP printed: `reference-api --print-csp` is not available yet or failed; skipped)"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_load_is_page_scripts_wasm_and_styles() {
        assert!(is_first_load("index.html"));
        assert!(is_first_load("kabinet-3f2a.js"));
        assert!(is_first_load("kabinet-3f2a_bg.wasm"));
        assert!(is_first_load("style-9c1.css"));
        assert!(!is_first_load("robots.txt"));
        assert!(!is_first_load("favicon.svg"));
        assert!(!is_first_load("snippets/x/inline0.js"));
        assert!(!is_first_load("split_login-3f2a.wasm"));
        assert!(!is_first_load("chunk_12-3f2a.wasm"));
    }

    #[test]
    fn brotli_shrinks_repetitive_text() {
        let text = "Личный кабинет ".repeat(200);
        let size = brotli_size(text.as_bytes()).unwrap();
        assert!(size < text.len() as u64 / 10, "{size}");
    }

    #[test]
    fn the_gallery_markers_are_its_texts_and_a_wasm_with_one_fails() {
        let gallery = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/gallery");
        let mut source = String::new();
        for entry in fs::read_dir(&gallery).unwrap() {
            source += &fs::read_to_string(entry.unwrap().path()).unwrap();
        }
        for marker in GALLERY_MARKERS {
            assert!(source.contains(marker), "«{marker}» is not in src/gallery/");
        }

        let dir = tempfile::tempdir().unwrap();
        let wasm = dir.path().join("kabinet_bg.wasm");
        fs::write(&wasm, "\0asm\x01\0\0\0 Вход в Личный кабинет").unwrap();
        fs::write(dir.path().join("notes.txt"), GALLERY_MARKERS[0]).unwrap();
        check_no_gallery(dir.path()).unwrap();
        let mut bytes = fs::read(&wasm).unwrap();
        bytes.extend_from_slice(GALLERY_MARKERS[1].as_bytes());
        fs::write(&wasm, bytes).unwrap();
        let error = check_no_gallery(dir.path()).unwrap_err().to_string();
        assert!(error.contains(GALLERY_MARKERS[1]), "{error}");
    }

    #[test]
    fn table_has_totals() {
        let rows = vec![
            Row {
                name: "index.html".into(),
                raw: 1000,
                brotli: 400,
                first_load: true,
            },
            Row {
                name: "robots.txt".into(),
                raw: 24,
                brotli: 20,
                first_load: false,
            },
        ];
        let t = render(&rows);
        assert!(t.contains("total (2 files)"), "{t}");
        let first = t.lines().find(|l| l.starts_with("* every visit")).unwrap();
        assert!(first.contains("1000") && first.contains("400"), "{first}");
        let total = t.lines().find(|l| l.contains("total (")).unwrap();
        assert!(total.contains("1024") && total.contains("420"), "{total}");
    }
}
