use crate::support::TestApp;
use axum::http::StatusCode;
use base64::Engine;
use sha2::{Digest, Sha256};

const INLINE: &str = "import init from '/kabinet.js';init('/kabinet_bg.wasm');";

fn app_with_dist() -> (TestApp, tempfile::TempDir) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        format!(
            "<!doctype html><html><head><script type=\"module\">{INLINE}</script></head><body></body></html>"
        ),
    )
    .unwrap();
    std::fs::write(dist.path().join("kabinet.js"), "export default 1;").unwrap();
    std::fs::create_dir(dist.path().join("assets")).unwrap();
    std::fs::write(dist.path().join("assets/receipt.svg"), "<svg/>").unwrap();
    let dir = dist.path().to_path_buf();
    (TestApp::with(move |c| c.static_dir = Some(dir)), dist)
}

fn assert_security_headers(response: &crate::support::Resp) {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(INLINE));
    let csp = response.header("content-security-policy").expect("a CSP");
    assert_eq!(
        csp,
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}'; \
             style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        )
    );
    assert_eq!(
        response.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
    assert_eq!(
        response.header("referrer-policy").as_deref(),
        Some("same-origin")
    );
}

#[tokio::test]
async fn files_are_served_as_they_are() {
    let (app, _dist) = app_with_dist();
    let js = app.get("/kabinet.js").send().await.ok();
    assert_eq!(js.text(), "export default 1;");
    assert!(js.header("content-type").unwrap().contains("javascript"));
    assert_security_headers(&js);
    let svg = app.get("/assets/receipt.svg").send().await.ok();
    assert_eq!(svg.header("content-type").as_deref(), Some("image/svg+xml"));
}

#[tokio::test]
async fn app_routes_get_index_html() {
    let (app, _dist) = app_with_dist();
    for path in [
        "/",
        "/register",
        "/accounts/5",
        "/recover/confirm?token=x",
        "/settings/",
    ] {
        let response = app.get(path).send().await.ok();
        assert!(response.text().contains(INLINE), "{path}");
        assert!(
            response
                .header("content-type")
                .unwrap()
                .starts_with("text/html")
        );
        assert_security_headers(&response);
    }
}

#[tokio::test]
async fn index_html_is_revalidated_and_hashed_files_are_cached_for_a_year() {
    let (app, dist) = app_with_dist();
    let hashed = [
        "kabinet-1a2b3c4d5e6f7a8b.js",
        "kabinet-1a2b3c4d5e6f7a8b_bg.wasm",
    ];
    for name in hashed {
        std::fs::write(dist.path().join(name), "x").unwrap();
    }
    // index.html names the hashed files: never used without asking.
    let cases = hashed
        .map(|name| (format!("/{name}"), "public, max-age=31536000, immutable"))
        .into_iter()
        .chain(
            [
                "/",
                "/index.html",
                "/register",
                "/kabinet.js",
                "/assets/receipt.svg",
            ]
            .map(|path| (path.to_string(), "no-cache")),
        );
    for (path, cache) in cases {
        let response = app.get(&path).send().await.ok();
        assert_eq!(
            response.header("cache-control").as_deref(),
            Some(cache),
            "{path}"
        );
    }
}

#[tokio::test]
async fn missing_files_with_an_extension_are_404() {
    let (app, _dist) = app_with_dist();
    for path in ["/robots.txt", "/x.png", "/assets/missing.svg"] {
        let response = app.get(path).send().await;
        assert_eq!(response.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!response.text().contains(INLINE), "{path}");
        assert_security_headers(&response);
    }
}

#[tokio::test]
async fn api_and_dev_paths_never_fall_back_to_the_app() {
    let (app, _dist) = app_with_dist();
    app.get("/api/v1/nowhere")
        .send()
        .await
        .problem(StatusCode::NOT_FOUND, "not_found");
    let dev = app.get("/dev/nowhere").send().await;
    assert_eq!(dev.status, StatusCode::NOT_FOUND);
    assert!(!dev.text().contains(INLINE));
    app.get("/api/v1/captcha").send().await.ok();
}

#[test]
fn print_csp_prints_the_same_policy() {
    let dist = tempfile::tempdir().unwrap();
    let index = dist.path().join("index.html");
    std::fs::write(&index, format!("<script type=\"module\">{INLINE}</script>")).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_reference-api"))
        .arg("--print-csp")
        .arg(&index)
        .output()
        .unwrap();
    assert!(output.status.success());
    let printed = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        printed.trim_end(),
        reference_api::static_files::content_security_policy(
            &std::fs::read_to_string(&index).unwrap()
        )
    );
    assert!(printed.contains("'sha256-"));
}

#[tokio::test]
async fn files_are_compressed_for_browsers_that_accept_it() {
    let (app, dist) = app_with_dist();
    // Big enough to be worth compressing, like the wasm.
    std::fs::write(
        dist.path().join("big.js"),
        "export const x = 1;\n".repeat(500),
    )
    .unwrap();
    let br = app
        .get("/big.js")
        .header("accept-encoding", "br")
        .send()
        .await
        .ok();
    assert_eq!(br.header("content-encoding").as_deref(), Some("br"));
    assert_security_headers(&br);
    let plain = app.get("/big.js").send().await.ok();
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.text(), "export const x = 1;\n".repeat(500));
}

#[tokio::test]
async fn a_route_with_a_prerendered_page_gets_it_even_beside_a_folder() {
    let (app, dist) = app_with_dist();
    std::fs::write(dist.path().join("recover.html"), "saved recover").unwrap();
    std::fs::create_dir(dist.path().join("recover")).unwrap();
    std::fs::write(dist.path().join("recover/confirm.html"), "saved confirm").unwrap();
    for (path, page) in [
        ("/recover", "saved recover"),
        ("/recover/confirm?token=x", "saved confirm"),
        ("/accounts/5", INLINE),
    ] {
        let response = app.get(path).send().await.ok();
        assert!(response.text().contains(page), "{path}");
        assert_eq!(
            response.header("cache-control").as_deref(),
            Some("no-cache"),
            "{path}"
        );
        assert_security_headers(&response);
    }
}
