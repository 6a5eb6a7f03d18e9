//! Component tests in headless Chromium: `cargo test --target
//! wasm32-unknown-unknown` (runner and driver: `.cargo/config.toml`,
//! `webdriver.json`). Tests run one after another in one page. One file a
//! component; what they share (mounting, reading and poking the DOM) is
//! `support.rs`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

mod support;

mod confirm_dialog;
mod error_summary;
mod field;
mod form_shell;
mod hint;
mod json;
mod password_field;
mod payment_choice;
mod retry_countdown;
mod supplier_select;
