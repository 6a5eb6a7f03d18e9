//! What several steps of the release share: the app's name, names after
//! content, copying a folder, scripts without their comment lines.

use anyhow::{Context, Result};
use std::fs;
use std::path::Path;

/// The app's binary, and the stem of its main files.
pub const APP: &str = "kabinet";

/// A short hash of `parts`, for file names.
pub fn content_hash(parts: &[&[u8]]) -> String {
    use std::hash::Hasher as _;
    // SipHash with fixed keys: the same bytes give the same name on every run.
    let mut hasher = std::hash::DefaultHasher::new();
    for part in parts {
        hasher.write(part);
    }
    format!("{:016x}", hasher.finish())
}

/// `name.ext` → `name-<hash of bytes>.ext`: a name that changes with the
/// content, so a CDN may cache the file forever.
pub fn named_after(name: &str, bytes: impl AsRef<[u8]>) -> String {
    hashed_name(name, &content_hash(&[bytes.as_ref()]))
}

/// `name.ext` → `name-<hash>.ext`.
fn hashed_name(name: &str, hash: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{hash}.{ext}"),
        None => format!("{name}-{hash}"),
    }
}

pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `js` without its whole-line `//` comments, blank lines and indentation:
/// they explain a script to whoever edits it, and would cost every visit
/// half a KB. (Our scripts have no multi-line strings.)
pub fn without_comment_lines(js: &str) -> String {
    js.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// Copies the folder `from` to `to`, keeping the files' times.
pub fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
            // Keep the time, so compressed copies stay newer than their file.
            let modified = entry.metadata()?.modified()?;
            fs::File::options()
                .write(true)
                .open(&target)?
                .set_modified(modified)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_changes_with_the_content() {
        assert_ne!(named_after("early.js", "a"), named_after("early.js", "b"));
        assert_eq!(named_after("early.js", "a"), named_after("early.js", "a"));
        assert!(named_after("early.js", "a").starts_with("early-"));
        assert!(named_after("early.js", "a").ends_with(".js"));
    }

    #[test]
    fn scripts_go_out_without_their_comment_lines() {
        let js = "// Why.\nconst a = '//not a comment';\n\n  // More.\n  f(a); // kept\n";
        assert_eq!(
            without_comment_lines(js),
            "const a = '//not a comment';\nf(a); // kept\n"
        );
    }
}
