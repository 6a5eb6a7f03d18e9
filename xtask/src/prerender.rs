//! The public entry pages of the release, saved as HTML at build time: a
//! visitor reads /login before the wasm has arrived (Lighthouse's LCP was
//! the footer, painted 2.9 s after the start, when the app ran). The app
//! takes the saved page over (`src/takeover.rs`), keeping what was typed.
//!
//! `xtask/prerender.mjs` loads each page of `dist/` in Chromium with no API
//! answering and writes `<path>.html`; nginx (and any CDN with the same
//! rule) serves `/login` from `login.html`, and every other address from
//! `index.html` as before.

use crate::Ctx;
use crate::process;
use crate::tools::e2e_dir;
use anyhow::{Context, Result};
use std::fs;
use std::path::{Path, PathBuf};

/// The addresses saved: the pages a visitor opens first, from a bookmark or
/// a mail. The two links of mails carry a token, so that the page saved is
/// the one a visitor with the link sees first (the form; «Подтверждаем…»).
pub const PAGES: &[&str] = &[
    "/login",
    "/register",
    "/recover",
    "/recover/confirm?token=prerendered",
    "/confirm?token=prerendered",
    "/agreement",
];

/// Saves every page of [`PAGES`] into `dist/`, and the script that holds
/// their forms until the app has taken over (`src/takeover.js`).
pub fn pages(ctx: &Ctx, dist: &Path) -> Result<()> {
    let early = hashed_name("early", include_str!("../../src/takeover.js"));
    fs::write(dist.join(&early), include_str!("../../src/takeover.js"))
        .with_context(|| format!("writing {early}"))?;
    process::run(
        ctx.tool_command("node")
            .arg(ctx.root.join("xtask").join("prerender.mjs"))
            .arg(dist)
            .arg(e2e_dir(ctx))
            .arg(&early)
            .args(PAGES),
    )
    .context("prerendering the entry pages")
}

/// `<stem>-<hash of content>.js`: named after its content like trunk's
/// files, so a CDN may cache it forever.
pub fn hashed_name(stem: &str, content: &str) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    std::hash::Hash::hash(content, &mut hasher);
    format!("{stem}-{:016x}.js", std::hash::Hasher::finish(&hasher))
}

/// `index.html` and the saved pages of `dir`: every HTML page a visitor
/// may be served, so every one whose meta tags a deployment sets.
pub fn html_pages(dir: &Path) -> Vec<PathBuf> {
    let mut pages = vec![dir.join("index.html")];
    pages.extend(PAGES.iter().map(|address| dir.join(file_of(address))));
    pages.retain(|page| page.exists());
    pages
}

/// The file an address is saved to: its path with `.html`, without the query.
fn file_of(address: &str) -> String {
    let path = address.split('?').next().unwrap_or(address);
    format!("{}.html", path.trim_start_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_saved_under_its_path() {
        assert_eq!(file_of("/login"), "login.html");
        assert_eq!(file_of("/recover/confirm?token=x"), "recover/confirm.html");
    }

    #[test]
    fn a_name_changes_with_the_content() {
        assert_ne!(hashed_name("early", "a"), hashed_name("early", "b"));
        assert!(hashed_name("early", "a").starts_with("early-"));
    }
}
