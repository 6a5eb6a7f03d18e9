//! The last step: what the release weighs, every file of `dist/` raw and
//! brotli-compressed (quality 11, as a CDN would serve it), and the bytes
//! every visit loads (index.html, JS, the main wasm, CSS; each route's own
//! modules are counted by `tests/e2e/weight.spec.ts`).

use super::compress;
use anyhow::{Context, Result};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The size table of `dir`, written to `out` (`target/dist-sizes.txt`);
/// prints nothing.
pub fn report(dir: &Path, out: &Path) -> Result<String> {
    let mut files = Vec::new();
    collect_files(dir, &mut files)
        .with_context(|| format!("listing {} (did the build run?)", dir.display()))?;
    files.sort();
    let mut rows = Vec::new();
    for path in &files {
        let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let name = path
            .strip_prefix(dir)
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
    if let Some(parent) = out.parent() {
        let _ = fs::create_dir_all(parent);
    }
    fs::write(out, &table).with_context(|| format!("writing {}", out.display()))?;
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
        } else if !compress::is_compressed_copy(&path) {
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
    Ok(compress::brotli(bytes)?.len() as u64)
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
