//! Where the app sends the browser, tested in headless Chromium against the
//! browser's own URL parser: the way back after login
//! (`rules::return_path::safe_next`) and the gateway's payment page
//! (`rules::payment_page`, followed by the payment form).
//!
//! `main.rs` holds what both files use: the test page's address, a
//! generator of paths, the mount.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../support/mod.rs"]
mod support;

mod payment_page;
mod return_path;

fn origin() -> String {
    window().location().origin().unwrap()
}

fn here() -> String {
    let location = window().location();
    location.pathname().unwrap() + &location.search().unwrap()
}

/// Puts the test page's address back after a test moved it.
struct KeepAddress(String);

impl KeepAddress {
    fn new() -> Self {
        Self(window().location().href().unwrap())
    }
}

impl Drop for KeepAddress {
    fn drop(&mut self) {
        let history = window().history().unwrap();
        history
            .replace_state_with_url(&JsValue::NULL, "", Some(&self.0))
            .unwrap();
    }
}
/// Deterministic pseudo-random numbers (xorshift64*): the same cases on every run.
struct Cases(u64);

impl Cases {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }

    /// A path made of pieces that fool path checks and pieces of the app's routes.
    fn path(&mut self) -> String {
        const PIECES: &[&str] = &[
            "/",
            "/",
            "/",
            "//",
            ".",
            "..",
            "%2E",
            "%2e",
            "%2F",
            "%5C",
            "\\",
            "\t",
            "\n",
            " ",
            ":",
            "@",
            "?",
            "#",
            "https:",
            "javascript:",
            "evil.example",
            "accounts",
            "accounts",
            "payments",
            "settings",
            "pay",
            "readings",
            "link",
            "login",
            "7",
            "a1",
        ];
        let len = self.below(9);
        let mut path = String::from(if self.below(4) == 0 { "" } else { "/" });
        for _ in 0..len {
            path.push_str(PIECES[self.below(PIECES.len())]);
        }
        path
    }
}

fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> impl Drop {
    support::mount("redirects-host", view)
}
