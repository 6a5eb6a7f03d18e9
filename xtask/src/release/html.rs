//! Step 7: `index.html` for the release: trunk's `<link data-trunk …>`
//! tags become what trunk would make of them (a hashed stylesheet, a copied
//! file, the app's scripts in `head`, no inline script), and the meta tags a
//! deployment sets get its values.

use super::css;
use super::files::{file_name, named_after};
use anyhow::{Context, Result, bail};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// The meta tags of `index.html` a deployment sets; `cargo xtask dist`
/// takes them as its flags.
#[derive(Clone, Debug, Default, PartialEq, Eq, clap::Args)]
pub struct Meta {
    /// `kabinet:api-base`: the API's origin (e.g. https://api.example.ru);
    /// empty for the app's own
    #[arg(long, value_name = "URL")]
    pub api_base: Option<String>,
    /// `kabinet:support-email`: the support address in the app's footer
    #[arg(long, value_name = "ADDRESS")]
    pub support_email: Option<String>,
    /// `kabinet:wordmark`: the supplier's name in the header (e.g.
    /// "Межрегионгаз Воронеж")
    #[arg(long, value_name = "NAME")]
    pub wordmark: Option<String>,
}

/// Writes `dist/index.html` from the project's, its head naming the
/// `modulepreloads` and the loader `boot`.
pub fn index(root: &Path, dist: &Path, modulepreloads: &[String], boot: &str) -> Result<()> {
    let html = fs::read_to_string(root.join("index.html"))?;
    let head = head_links(modulepreloads, boot);
    let html = rewrite_index(&html, root, dist, &head)?;
    fs::write(dist.join("index.html"), html)?;
    Ok(())
}

/// Sets the `content` of the meta tags named in `meta` (trunk keeps
/// index.html's tags as written, one per line).
pub fn set_meta(index: &Path, meta: &Meta) -> Result<()> {
    let html = fs::read_to_string(index).with_context(|| format!("reading {}", index.display()))?;
    let mut html = html;
    for (name, value) in [
        ("kabinet:api-base", &meta.api_base),
        ("kabinet:support-email", &meta.support_email),
        ("kabinet:wordmark", &meta.wordmark),
    ] {
        if let Some(value) = value {
            html = with_meta(&html, name, value)
                .with_context(|| format!("{} has no meta tag {name}", index.display()))?;
        }
    }
    fs::write(index, html).with_context(|| format!("writing {}", index.display()))
}

/// `html` with the `content` of `<meta name="{name}" content="…">` replaced.
fn with_meta(html: &str, name: &str, value: &str) -> Option<String> {
    let start = html.find(&format!("<meta name=\"{name}\""))?;
    let end = start + html[start..].find('>')?;
    let escaped = value
        .trim()
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    Some(format!(
        "{}<meta name=\"{name}\" content=\"{escaped}\">{}",
        &html[..start],
        &html[end + 1..]
    ))
}

/// The app's scripts in `head`. The main wasm has no `<link rel=preload>`:
/// the loader fetches it as it starts (`boot.js`).
fn head_links(modulepreloads: &[String], boot: &str) -> String {
    let mut s = String::new();
    for js in modulepreloads {
        let _ = write!(s, "<link rel=\"modulepreload\" href=\"/{js}\">");
    }
    let _ = write!(s, "<script type=\"module\" src=\"/{boot}\"></script>");
    s
}

/// The attributes of an HTML tag, `<link a="b" c>` → `[("a", "b"), ("c", "")]`.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut attrs = Vec::new();
    let mut rest = inner.split_once(char::is_whitespace).map_or("", |(_, r)| r);
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = rest[..end].to_owned();
        rest = &rest[end..];
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let quote = after.chars().next().unwrap_or('"');
            if quote == '"' || quote == '\'' {
                let body = &after[1..];
                let close = body.find(quote).unwrap_or(body.len());
                value = body[..close].to_owned();
                rest = body.get(close + 1..).unwrap_or("");
            } else {
                let close = after.find(char::is_whitespace).unwrap_or(after.len());
                value = after[..close].to_owned();
                rest = &after[close..];
            }
        }
        attrs.push((name, value));
    }
    attrs
}

/// Trunk's `index.html` for the release: each `<link data-trunk …>` becomes
/// what trunk would make of it (a hashed stylesheet, a copied file, the
/// app's scripts in `head`).
fn rewrite_index(html: &str, root: &Path, dist: &Path, app_head: &str) -> Result<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link data-trunk") {
        out.push_str(&rest[..start]);
        let end = start
            + rest[start..]
                .find('>')
                .context("unclosed <link data-trunk")?
            + 1;
        let tag = &rest[start..end];
        let attrs = attributes(tag);
        let get = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        match get("rel") {
            Some("css") => {
                let href = get("href").context("a css link without href")?;
                let css = fs::read_to_string(root.join(href))
                    .with_context(|| format!("reading {href}"))?;
                // Named after what ships: the comments explain the
                // stylesheet to whoever edits it, and would cost every first
                // visit some 700 bytes of brotli (`trunk serve` keeps them).
                let css = css::without_comments(&css);
                let name = named_after(&file_name(Path::new(href)), &css);
                fs::write(dist.join(&name), &css)?;
                let _ = write!(out, "<link rel=\"stylesheet\" href=\"/{name}\">");
            }
            Some("copy-file") => {
                let href = get("href").context("a copy-file link without href")?;
                fs::copy(root.join(href), dist.join(file_name(Path::new(href))))
                    .with_context(|| format!("copying {href}"))?;
            }
            Some("rust") => out.push_str(app_head),
            other => bail!("index.html: unknown <link data-trunk rel={other:?}>"),
        }
        rest = &rest[end..];
        // Drop the line break a removed tag leaves behind.
        if out.ends_with(' ') && rest.starts_with('\n') {
            let trimmed = out.trim_end_matches(' ').len();
            out.truncate(trimmed);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_links_become_files() {
        let root = tempfile::tempdir().unwrap();
        let dist = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join("style")).unwrap();
        fs::write(root.path().join("style/main.css"), "body{}").unwrap();
        fs::write(root.path().join("robots.txt"), "User-agent: *").unwrap();
        let html = "<head>\n  <link data-trunk rel=\"css\" href=\"style/main.css\">\n  <link data-trunk rel=\"copy-file\" href=\"robots.txt\">\n  <link data-trunk rel=\"rust\" data-bin=\"kabinet\" data-wasm-opt=\"z\">\n</head>";
        let out = rewrite_index(html, root.path(), dist.path(), "<APP>").unwrap();
        assert!(dist.path().join("robots.txt").is_file());
        assert!(
            out.contains("<link rel=\"stylesheet\" href=\"/main-"),
            "{out}"
        );
        assert!(out.contains("<APP>"), "{out}");
        assert!(!out.contains("data-trunk"), "{out}");
        assert!(!out.contains("\n\n"), "{out:?}");
    }

    #[test]
    fn meta_tags_take_the_deployments_values() {
        let html = "<head>\n  <meta name=\"kabinet:api-base\" content=\"\">\n  <meta name=\"kabinet:support-email\" content=\"support@example.ru\">\n</head>";
        let html = with_meta(html, "kabinet:api-base", "http://127.0.0.1:8081").unwrap();
        let html = with_meta(&html, "kabinet:support-email", "help@gaz.ru\"><script>").unwrap();
        assert_eq!(
            html,
            "<head>\n  <meta name=\"kabinet:api-base\" content=\"http://127.0.0.1:8081\">\n  <meta name=\"kabinet:support-email\" content=\"help@gaz.ru&quot;>&lt;script>\">\n</head>"
        );
        assert!(with_meta("<head></head>", "kabinet:api-base", "x").is_none());
    }

    /// Every tag `dist`'s flags set is in the project's own `index.html`.
    #[test]
    fn the_page_has_every_tag_a_deployment_sets() {
        let index =
            fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../index.html")).unwrap();
        for (name, value) in [
            ("kabinet:api-base", "https://api.example.ru"),
            ("kabinet:support-email", "help@gaz.ru"),
            ("kabinet:wordmark", "Межрегионгаз Воронеж"),
        ] {
            let html = with_meta(&index, name, value).unwrap_or_else(|| panic!("no {name}"));
            assert!(
                html.contains(&format!("<meta name=\"{name}\" content=\"{value}\">")),
                "{name}"
            );
        }
    }
}
