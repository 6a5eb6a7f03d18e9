//! Step 8: no wasm of the release holds the designers' gallery.

use anyhow::{Context, Result};
use std::fs;
use std::path::Path;

/// Texts of the designers' gallery (`src/gallery/`, debug builds only):
/// its index's heading and its sample captcha's salt. A wasm that holds one
/// has the gallery, its sample data or its API stub compiled in.
const GALLERY_MARKERS: [&str; 2] = ["Галерея состояний", "gallery-sample-salt"];

/// Fails when a `.wasm` of `dir` holds a gallery marker: a release build
/// must leave the gallery out (`#[cfg(debug_assertions)]`). The strings of
/// a Rust program stand in its wasm as they are, in UTF-8.
pub fn check_no_gallery(dir: &Path) -> Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
