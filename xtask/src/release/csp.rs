//! The Content-Security-Policy that fits a release: only its own origin,
//! no inline script (the release writes none, and this step fails if a
//! page has one), and the API's origin in `connect-src` when the pages'
//! `kabinet:api-base` meta tag names another. `deploy/nginx.conf` sends it;
//! `cargo xtask dist` prints it for whoever serves `dist/` elsewhere.

use super::prerender::html_pages;
use anyhow::{Context, Result, bail};
use std::fs;
use std::path::Path;

/// The policy for the release in `dir` (`dist/` or a staged copy of it),
/// from its `index.html`'s meta tag; fails when one of its pages carries an
/// inline script, which the policy would block.
pub fn for_release(dir: &Path) -> Result<String> {
    for page in html_pages(dir) {
        let html =
            fs::read_to_string(&page).with_context(|| format!("reading {}", page.display()))?;
        if let Some(tag) = inline_script(&html) {
            bail!(
                "{} has an inline script ({tag}): the CSP allows only script files",
                page.display()
            );
        }
    }
    let index = dir.join("index.html");
    let html =
        fs::read_to_string(&index).with_context(|| format!("reading {}", index.display()))?;
    let api_base = meta_content(&html, "kabinet:api-base").unwrap_or_default();
    Ok(policy(&api_base))
}

/// The policy for an app whose API is at `api_base` (empty: its own origin).
pub fn policy(api_base: &str) -> String {
    let api_origin = origin_of_url(api_base)
        .map(|origin| format!(" {origin}"))
        .unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'{api_origin}; font-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The first `<script>` tag of `html` without a `src`.
fn inline_script(html: &str) -> Option<&str> {
    html.match_indices("<script")
        .filter_map(|(start, _)| {
            let end = start + html[start..].find('>')? + 1;
            Some(&html[start..end])
        })
        .find(|tag| !tag.contains(" src="))
}

/// The `content` of `<meta name="{name}" content="…">` as the release
/// writes it (`html::set_meta`), its entities read.
fn meta_content(html: &str, name: &str) -> Option<String> {
    let start = html.find(&format!("<meta name=\"{name}\""))?;
    let tag = &html[start..start + html[start..].find('>')?];
    let (_, rest) = tag.split_once("content=\"")?;
    let value = &rest[..rest.find('"')?];
    Some(
        value
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&amp;", "&"),
    )
}

/// `scheme://host[:port]` of an absolute http(s) URL, lowercased; `None` for
/// an empty or relative one (the app's own origin) and for anything that
/// could not stand in a policy as a source.
fn origin_of_url(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let fine = |c: char| c.is_ascii_alphanumeric() || ".-:[]".contains(c);
    (!host.is_empty() && host.chars().all(fine))
        .then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_api_origin_is_named_in_connect_src() {
        assert!(policy("").contains("connect-src 'self';"));
        assert!(policy("/").contains("connect-src 'self';"));
        assert!(
            policy("http://127.0.0.1:8081/").contains("connect-src 'self' http://127.0.0.1:8081;")
        );
        assert!(
            policy("HTTPS://API.example.ru/cabinet")
                .contains("connect-src 'self' https://api.example.ru;")
        );
        assert!(policy("javascript:alert(1)").contains("connect-src 'self';"));
        assert!(policy("https://x.ru; script-src *").contains("connect-src 'self';"));
    }

    #[test]
    fn the_policy_is_strict() {
        let csp = policy("");
        assert!(csp.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval';"));
        assert!(csp.ends_with("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"));
    }

    #[test]
    fn reads_the_api_base_of_the_release_and_refuses_inline_scripts() {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("index.html");
        fs::write(
            &index,
            "<head><meta name=\"kabinet:api-base\" content=\"http://127.0.0.1:8091\">\
             <script type=\"module\" src=\"/boot-1.js\"></script></head>",
        )
        .unwrap();
        let csp = for_release(dir.path()).unwrap();
        assert!(
            csp.contains("connect-src 'self' http://127.0.0.1:8091;"),
            "{csp}"
        );
        fs::write(&index, "<head><script>alert(1)</script></head>").unwrap();
        let error = for_release(dir.path()).unwrap_err().to_string();
        assert!(error.contains("inline script"), "{error}");
        assert_eq!(
            meta_content("<meta name=\"a\" content=\"x&amp;y\">", "a").as_deref(),
            Some("x&y")
        );
    }
}
