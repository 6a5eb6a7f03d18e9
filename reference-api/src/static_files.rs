//! Serving the built web app beside the API: files as they are, `index.html`
//! for app routes (paths without an extension), and a strict Content Security
//! Policy on every answer.

use crate::AppState;
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use scraper::{Html, Selector};
use sha2::{Digest, Sha256};
use std::path::Path;
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// The policy for a page: only its own origin, plus the exact inline scripts
/// `index.html` carries (by SHA-256 of their text), plus the API's origin in
/// `connect-src` when its `kabinet:api-base` meta tag names another one.
pub fn content_security_policy(index_html: &str) -> String {
    let document = Html::parse_document(index_html);
    let api = Selector::parse("meta[name='kabinet:api-base']").expect("a valid selector");
    let api_origin: String = document
        .select(&api)
        .filter_map(|meta| meta.value().attr("content"))
        .filter_map(origin_of_url)
        .map(|origin| format!(" {origin}"))
        .collect();
    let inline = Selector::parse("script:not([src])").expect("a valid selector");
    let hashes: String = document
        .select(&inline)
        .map(|script| {
            let text: String = script.text().collect();
            format!(
                " 'sha256-{}'",
                STANDARD.encode(Sha256::digest(text.as_bytes()))
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'{api_origin}; font-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// `scheme://host[:port]` of an absolute http(s) URL, lowercased; `None` for
/// an empty or relative one (the app's own origin) and for anything that
/// could not stand in a policy as a source.
pub fn origin_of_url(url: &str) -> Option<String> {
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

/// Whether a file's name carries a content hash, as trunk names its outputs
/// (`kabinet-1a2b3c4d5e6f7a8b.js`, `…_bg.wasm`, `main-….css`, the xtask's
/// `boot-….js`): `-` and 8 to 16 hex digits at the end of the name's stem.
pub fn is_hashed(file_name: &str) -> bool {
    let stem = file_name.split('.').next().unwrap_or("");
    let stem = stem
        .strip_suffix("_bg")
        .or_else(|| stem.strip_suffix("_loader"))
        .unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(name, hash)| {
        !name.is_empty()
            && (8..=16).contains(&hash.len())
            && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// A hashed file never changes: cache it for a year. Anything else (above all
/// `index.html`, which names the hashed files) is revalidated on every use.
fn cache_control(path: &str) -> HeaderValue {
    let name = path.rsplit('/').next().unwrap_or("");
    HeaderValue::from_static(if is_hashed(name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    })
}

/// The page that answers a path of `dir` that is no file: for an app route
/// (no extension in its last segment) the page `cargo xtask dist`
/// prerendered for it (`/login` → `login.html`) or else `index.html`, as
/// `deploy/nginx.conf`'s `try_files $uri $uri.html /index.html`; `None` (a
/// 404) for a missing file.
fn page_of_route(dir: &Path, path: &str) -> Option<std::path::PathBuf> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.last().is_some_and(|last| last.contains('.')) {
        return None;
    }
    let prerendered = (!segments.is_empty() && !segments.iter().any(|s| s.starts_with('.')))
        .then(|| dir.join(format!("{}.html", segments.join("/"))))
        .filter(|page| page.is_file());
    Some(prerendered.unwrap_or_else(|| dir.join("index.html")))
}

/// Adds the web app in `dir` as the fallback of `app`.
pub fn serve(app: Router<AppState>, dir: &Path) -> Result<Router<AppState>, crate::Error> {
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let csp = HeaderValue::from_str(&content_security_policy(&html))?;
    let dir_of_pages = dir.to_owned();
    // A folder is never a page: /recover is recover.html even though
    // recover/ holds recover/confirm.html (no redirect to /recover/).
    let files = ServeDir::new(dir)
        .append_index_html_on_directories(false)
        .redirect_to_trailing_slash(false)
        .fallback(tower::service_fn(move |request: Request<Body>| {
            // An app route (no extension) gets its prerendered page or the app;
            // a missing file is a 404.
            let page = page_of_route(&dir_of_pages, request.uri().path());
            async move {
                let Some(page) = page else {
                    return Ok::<Response, std::convert::Infallible>(
                        StatusCode::NOT_FOUND.into_response(),
                    );
                };
                let response = ServeFile::new(page).oneshot(request).await?;
                Ok(response.map(Body::new))
            }
        }));
    Ok(app.fallback_service(
        tower::ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(
                header::CONTENT_SECURITY_POLICY,
                csp,
            ))
            .layer(SetResponseHeaderLayer::overriding(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ))
            .layer(SetResponseHeaderLayer::overriding(
                HeaderName::from_static("referrer-policy"),
                HeaderValue::from_static("same-origin"),
            ))
            // As a CDN does: brotli or gzip, whichever the browser accepts
            // (the wasm is ~900 KB raw, ~270 KB brotli).
            .layer(CompressionLayer::new())
            .service(tower::service_fn(move |request: Request<Body>| {
                let files = files.clone();
                let cache = cache_control(request.uri().path());
                async move {
                    let mut response = files.oneshot(request).await?;
                    response.headers_mut().insert(header::CACHE_CONTROL, cache);
                    Ok::<_, std::convert::Infallible>(response)
                }
            })),
    ))
}

#[cfg(test)]
mod tests {
    use super::content_security_policy;

    #[test]
    fn a_route_gets_its_prerendered_page_or_the_app() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "app").unwrap();
        std::fs::write(dir.path().join("login.html"), "login").unwrap();
        std::fs::create_dir(dir.path().join("recover")).unwrap();
        std::fs::write(dir.path().join("recover/confirm.html"), "new password").unwrap();
        let page = |path: &str| {
            super::page_of_route(dir.path(), path)
                .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
        };
        assert_eq!(page("/login").as_deref(), Some("login.html"));
        assert_eq!(page("/login/").as_deref(), Some("login.html"));
        assert_eq!(
            page("/recover/confirm").as_deref(),
            Some("recover/confirm.html")
        );
        assert_eq!(page("/accounts/7").as_deref(), Some("index.html"));
        assert_eq!(page("/").as_deref(), Some("index.html"));
        assert_eq!(page("/recover/../login").as_deref(), Some("index.html"));
        assert_eq!(page("/x.png"), None);
    }

    #[test]
    fn hashes_each_inline_script_and_ignores_external_ones() {
        let html = r#"<!doctype html><html><head>
            <script src="/app.js"></script>
            <script type="module">import init from '/app.js';init();</script>
            </head><body><script>alert(1)</script></body></html>"#;
        let csp = content_security_policy(html);
        // echo -n "import init from '/app.js';init();" | openssl dgst -sha256 -binary | base64
        assert!(
            csp.contains("'sha256-T+ylCkYq0767Isr1Nq0O+gUk6Htau7LxkEACEvlTOAE='"),
            "{csp}"
        );
        assert!(
            csp.contains("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"),
            "{csp}"
        );
        assert_eq!(csp.matches("'sha256-").count(), 2);
        assert!(
            csp.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-")
        );
        assert!(csp.ends_with("frame-ancestors 'none'"));
    }

    #[test]
    fn hashed_names_are_trunks_and_the_boot_loaders() {
        for name in [
            "kabinet-1a2b3c4d5e6f7a8b.js",
            "kabinet-1a2b3c4d5e6f7a8_bg.wasm",
            "main-0123456789abcdef.css",
            "boot-00000000deadbeef.js",
        ] {
            assert!(super::is_hashed(name), "{name}");
        }
        for name in [
            "index.html",
            "favicon.ico",
            "robots.txt",
            "receipt.svg",
            "kabinet.js",
            "-1a2b3c4d.js",
            "app-settings.js",
            "kabinet-1a2b3c4d5e6f7a8b9.js",
        ] {
            assert!(!super::is_hashed(name), "{name}");
        }
    }

    #[test]
    fn another_api_origin_is_named_in_connect_src() {
        let page = |base: &str| {
            content_security_policy(&format!(
                "<html><head><meta name=\"kabinet:api-base\" content=\"{base}\"></head></html>"
            ))
        };
        assert!(page("").contains("connect-src 'self';"));
        assert!(page("/").contains("connect-src 'self';"));
        assert!(
            page("http://127.0.0.1:8081/").contains("connect-src 'self' http://127.0.0.1:8081;")
        );
        assert!(
            page("HTTPS://API.example.ru/cabinet")
                .contains("connect-src 'self' https://api.example.ru;")
        );
        assert!(page("javascript:alert(1)").contains("connect-src 'self';"));
        assert!(page("https://x.ru; script-src *").contains("connect-src 'self';"));
    }

    #[test]
    fn no_inline_script_no_hash() {
        let csp = content_security_policy("<html><head></head><body></body></html>");
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'; style-src 'self';"));
    }
}
