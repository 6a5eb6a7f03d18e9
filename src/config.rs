//! Deploy-time configuration, read from `<meta>` tags of `index.html`, so that
//! one release build serves any host: a deploy edits `index.html`, not the wasm.
//!
//! ```html
//! <meta name="kabinet:api-base" content="https://api.example.ru">
//! <meta name="kabinet:support-email" content="support@example.ru">
//! <meta name="kabinet:wordmark" content="Межрегионгаз">
//! ```

use std::sync::OnceLock;

pub struct Config {
    /// Origin of the cabinet API, without a trailing slash. Empty means the
    /// app's own origin (a proxy or the reference server in front of both).
    pub api_base: String,
    /// The support address shown in the footer.
    pub support_email: String,
    /// The supplier's name as the header's wordmark (e.g. «Межрегионгаз
    /// Воронеж» for one region's cabinet).
    pub wordmark: String,
}

const DEFAULT_SUPPORT_EMAIL: &str = "support@example.ru";
const DEFAULT_WORDMARK: &str = "Межрегионгаз";

pub fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| Config {
        api_base: meta("kabinet:api-base")
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_owned(),
        support_email: or_default(meta("kabinet:support-email"), DEFAULT_SUPPORT_EMAIL),
        wordmark: or_default(meta("kabinet:wordmark"), DEFAULT_WORDMARK),
    })
}

/// A tag left empty or out keeps the default.
fn or_default(value: Option<String>, default: &str) -> String {
    value
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| default.to_owned())
}

#[cfg(target_arch = "wasm32")]
fn meta(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let tag = document
        .query_selector(&format!("meta[name='{name}']"))
        .ok()??;
    tag.get_attribute("content").map(|s| s.trim().to_owned())
}

// Native unit tests have no document: defaults only.
#[cfg(not(target_arch = "wasm32"))]
fn meta(_name: &str) -> Option<String> {
    None
}
