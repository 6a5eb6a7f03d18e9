//! Step 9: the public entry pages of the release, saved as HTML at build time (and
//! the early script every page runs first, `src/early.js`): a
//! visitor reads /login before the wasm has arrived (Lighthouse's LCP was
//! the footer, painted 2.9 s after the start, when the app ran). The app
//! takes the saved page over (`src/takeover.rs`), keeping what was typed.
//!
//! `xtask/prerender.mjs` loads each page of `dist/` in Chromium with no API
//! answering and writes `<path>.html`; nginx (and any CDN with the same
//! rule) serves `/login` from `login.html`, and every other address from
//! `index.html` as before.

use super::files::{named_after, without_comment_lines};
use crate::ctx::Ctx;
use crate::process;
use crate::tools::e2e_dir;
use anyhow::{Context, Result};
use std::fs;
use std::path::{Path, PathBuf};

/// The pages saved, each with its address: those whose row in the table
/// (`pages_table::pages!`) says so.
fn saved() -> impl Iterator<Item = (&'static pages_table::Page, &'static str)> {
    pages_table::PAGES
        .iter()
        .filter_map(|page| Some((page, page.prerender?)))
}

/// The addresses saved.
fn addresses() -> impl Iterator<Item = &'static str> {
    saved().map(|(_, address)| address)
}

/// What prerender.mjs is told of each page: its address, the file it is
/// saved to, and whether it is for signed-in subscribers only.
fn pages_json() -> String {
    let pages: Vec<serde_json::Value> = saved()
        .map(|(page, address)| {
            serde_json::json!({
                "address": address,
                "file": file_of(address),
                "signedIn": page.access != pages_table::Access::Public,
            })
        })
        .collect();
    serde_json::Value::Array(pages).to_string()
}

/// The early script of every page (`src/early.js`): asks who is signed in
/// with the page; on a saved page, holds its forms and starts the app.
const EARLY_SCRIPT: &str = include_str!("../../../src/early.js");

/// The first script of every page (`src/browser_check.js`): whether this
/// browser can run the app at all, and a message on the page where not.
const BROWSER_CHECK: &str = include_str!("../../../src/browser_check.js");

/// Saves every page of [`addresses`] into `dist/`, writes the early script and
/// puts it first in `index.html` too (after prerendering, which starts from
/// index.html and puts it in place of the loader).
pub fn pages(ctx: &Ctx, dist: &Path) -> Result<()> {
    let script = without_comment_lines(EARLY_SCRIPT);
    let early = named_after("early.js", &script);
    fs::write(dist.join(&early), &script).with_context(|| format!("writing {early}"))?;
    process::run(
        ctx.tool_command("node")
            .arg(ctx.root.join("xtask").join("prerender.mjs"))
            .arg(dist)
            .arg(e2e_dir(ctx))
            .arg(&early)
            .arg(pages_json()),
    )
    .context("prerendering the entry pages")?;
    let index = dist.join("index.html");
    let html =
        fs::read_to_string(&index).with_context(|| format!("reading {}", index.display()))?;
    let html = with_early_script(&html, &early)
        .with_context(|| format!("{} has no loader script", index.display()))?;
    fs::write(&index, html).with_context(|| format!("writing {}", index.display()))?;

    let check = without_comment_lines(BROWSER_CHECK);
    let check_name = named_after("browser_check.js", &check);
    fs::write(dist.join(&check_name), &check).with_context(|| format!("writing {check_name}"))?;
    for page in html_pages(dist) {
        let html =
            fs::read_to_string(&page).with_context(|| format!("reading {}", page.display()))?;
        let html = with_browser_check(&html, &check_name)
            .with_context(|| format!("{} has no module script", page.display()))?;
        fs::write(&page, html).with_context(|| format!("writing {}", page.display()))?;
    }
    Ok(())
}

/// `html` with the browser check first of its scripts: `defer`, so that it
/// holds no paint back and still runs before the module scripts after it.
fn with_browser_check(html: &str, check: &str) -> Option<String> {
    inserted_before(
        html,
        "<script type=\"module\"",
        &format!("<script defer src=\"/{check}\"></script>"),
    )
}

/// `html` with `tag` right before the first `marker`.
fn inserted_before(html: &str, marker: &str, tag: &str) -> Option<String> {
    let at = html.find(marker)?;
    Some(format!("{}{tag}{}", &html[..at], &html[at..]))
}

/// `html` with the early script right before the loader (`boot-<hash>.js`).
fn with_early_script(html: &str, early: &str) -> Option<String> {
    inserted_before(
        html,
        "<script type=\"module\" src=\"/boot-",
        &format!("<script type=\"module\" src=\"/{early}\"></script>"),
    )
}

/// `index.html` and the saved pages of `dir`: every HTML page a visitor
/// may be served, so every one whose meta tags a deployment sets.
pub fn html_pages(dir: &Path) -> Vec<PathBuf> {
    let mut pages = vec![dir.join("index.html")];
    pages.extend(addresses().map(|address| dir.join(file_of(address))));
    pages.retain(|page| page.exists());
    pages
}

/// The file an address is saved to: its path with `.html`, without the
/// query; `/` is `home.html` (index.html is every other address's page).
fn file_of(address: &str) -> String {
    let path = address.split('?').next().unwrap_or(address);
    match path.trim_start_matches('/') {
        "" => "home.html".to_owned(),
        path => format!("{path}.html"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_saved_under_its_path() {
        assert_eq!(file_of("/login"), "login.html");
        assert_eq!(file_of("/recover/confirm?token=x"), "recover/confirm.html");
        assert_eq!(file_of("/"), "home.html");
        // The home page is saved, as a page for signed-in subscribers.
        let pages: serde_json::Value = serde_json::from_str(&pages_json()).unwrap();
        let home = pages
            .as_array()
            .unwrap()
            .iter()
            .find(|page| page["address"] == "/")
            .expect("/ is prerendered");
        assert_eq!(home["file"], "home.html");
        assert_eq!(home["signedIn"], true);
    }

    #[test]
    fn the_early_script_comes_right_before_the_loader() {
        let html = "<head><link rel=x><script type=\"module\" src=\"/boot-1.js\"></script></head>";
        assert_eq!(
            with_early_script(html, "early-2.js").unwrap(),
            "<head><link rel=x><script type=\"module\" src=\"/early-2.js\"></script>\
             <script type=\"module\" src=\"/boot-1.js\"></script></head>"
        );
        assert_eq!(with_early_script("<head></head>", "early-2.js"), None);
    }

    #[test]
    fn the_browser_check_comes_before_every_module_script() {
        let html = "<head><script type=\"module\" src=\"/early-2.js\"></script>\
                    <script type=\"module\" src=\"/boot-1.js\"></script></head>";
        assert_eq!(
            with_browser_check(html, "browser_check-3.js").unwrap(),
            "<head><script defer src=\"/browser_check-3.js\"></script>\
             <script type=\"module\" src=\"/early-2.js\"></script>\
             <script type=\"module\" src=\"/boot-1.js\"></script></head>"
        );
        assert_eq!(with_browser_check("<head></head>", "c.js"), None);
        // It ships without its comments, and in syntax any browser parses.
        let shipped = without_comment_lines(BROWSER_CHECK);
        assert!(!shipped.contains("\n//"));
        for newer in ["=>", "const ", "let ", "?.", "??", "`", "class ", "import"] {
            assert!(!shipped.contains(newer), "browser_check.js uses {newer:?}");
        }
    }

    #[test]
    fn the_early_script_goes_out_without_its_comments() {
        let shipped = without_comment_lines(EARLY_SCRIPT);
        assert!(shipped.contains("kabinetTakeover") && !shipped.contains("\n//"));
    }
}
