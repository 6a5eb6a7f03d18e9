//! Step 10: `.br` and `.gz` beside each compressible file of a release, so a static
//! server (nginx's `brotli_static`/`gzip_static`, a CDN that honours
//! precompressed objects) sends them as they are instead of compressing on
//! every request.

use anyhow::{Context, Result};
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Extensions worth compressing (images other than SVG are compressed already).
const COMPRESSIBLE: &[&str] = &[
    "html",
    "js",
    "mjs",
    "css",
    "wasm",
    "svg",
    "txt",
    "json",
    "xml",
    "ico",
    "map",
    "webmanifest",
];

/// Whether `path` is one of the compressed copies this module writes.
pub fn is_compressed_copy(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
}

fn compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e.to_ascii_lowercase().as_str()))
}

/// The copies of every file of the release in `dist`, said with their time.
pub fn all(dist: &Path) -> Result<()> {
    let started = std::time::Instant::now();
    let n = dir(dist)?;
    say!(
        "precompressed {n} files of {} (.br, .gz) in {}",
        dist.display(),
        crate::ctx::fmt_duration(started.elapsed())
    );
    Ok(())
}

/// Writes `<file>.br` (brotli 11) and `<file>.gz` (gzip 9) beside every
/// compressible file under `dir` whose copies are missing or older than it;
/// a copy that would not be smaller is not written (and an old one removed).
/// Returns how many files were compressed.
pub fn dir(dir: &Path) -> Result<usize> {
    let mut files = Vec::new();
    walk(dir, &mut files).with_context(|| format!("listing {}", dir.display()))?;
    let mut done = 0;
    for file in files
        .iter()
        .filter(|f| compressible(f) && !is_compressed_copy(f))
    {
        if file_copies(file)? {
            done += 1;
        }
    }
    Ok(done)
}

/// Compresses one file (see [`dir`]); `true` when it wrote anything.
pub fn file_copies(file: &Path) -> Result<bool> {
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    let source_time = modified(file);
    let bytes = fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let mut wrote = false;
    for (ext, compress) in [("br", brotli as fn(&[u8]) -> Result<Vec<u8>>), ("gz", gzip)] {
        let copy = with_suffix(file, ext);
        if modified(&copy).is_some_and(|t| Some(t) >= source_time) {
            continue;
        }
        let packed = compress(&bytes)?;
        if packed.len() < bytes.len() {
            fs::write(&copy, packed).with_context(|| format!("writing {}", copy.display()))?;
            wrote = true;
        } else {
            let _ = fs::remove_file(&copy);
        }
    }
    Ok(wrote)
}

/// Removes the `.br` and `.gz` copies of a file that was just changed, so
/// that [`dir`] writes them anew (its modification time alone may not tell).
pub fn drop_copies(file: &Path) {
    for ext in ["br", "gz"] {
        let _ = fs::remove_file(with_suffix(file, ext));
    }
}

fn with_suffix(file: &Path, ext: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            walk(&entry.path(), out)?;
        } else {
            out.push(entry.path());
        }
    }
    Ok(())
}

pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .context("brotli compression failed")?;
    Ok(out)
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish().context("gzip compression failed")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    #[test]
    fn copies_sit_beside_the_files_and_decompress_to_them() {
        let site = tempfile::tempdir().unwrap();
        let text = "Личный кабинет абонента ".repeat(100);
        fs::create_dir(site.path().join("snippets")).unwrap();
        fs::write(site.path().join("index.html"), &text).unwrap();
        fs::write(site.path().join("snippets/a.js"), &text).unwrap();
        fs::write(site.path().join("photo.png"), &text).unwrap();
        fs::write(site.path().join("tiny.txt"), "a").unwrap();
        assert_eq!(dir(site.path()).unwrap(), 2);

        let br = fs::read(site.path().join("index.html.br")).unwrap();
        let mut unpacked = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut unpacked).unwrap();
        assert_eq!(unpacked, text.as_bytes());
        let gz = fs::read(site.path().join("snippets/a.js.gz")).unwrap();
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, text);
        // Not compressible by name, or not smaller: no copy.
        assert!(!site.path().join("photo.png.br").exists());
        assert!(!site.path().join("tiny.txt.br").exists());
        assert!(!site.path().join("tiny.txt.gz").exists());
        // Up to date: nothing to do the second time.
        assert_eq!(dir(site.path()).unwrap(), 0);
    }

    #[test]
    fn the_copies_are_recognized() {
        assert!(is_compressed_copy(Path::new("dist/k_bg.wasm.br")));
        assert!(is_compressed_copy(Path::new("dist/index.html.gz")));
        assert!(!is_compressed_copy(Path::new("dist/index.html")));
    }
}
