//! The names a prerendered page, its early script (`src/early.js`), the boot
//! script (`xtask/src/release.rs`), the prerendering (`xtask/prerender.mjs`)
//! and the app hand over by, each named once. The Rust side uses these
//! constants; the xtask's test `the_scripts_use_the_handoff_names` reads the
//! JavaScript and fails when it names anything else.
//!
//! In order (docs/architecture.md draws it):
//! 0. browser_check.js finds whether this browser can run the app and offers
//!    [`UNSUPPORTED`]; where it cannot, nothing below starts;
//! 1. the saved page is painted; its buttons wait, marked [`UNTIL_BOOT`], and
//!    its elements are marked [`PRERENDERED`]; its `<script>` names the boot
//!    script in [`BOOT`];
//! 2. early.js asks who is signed in ([`SESSION`]), holds the forms and
//!    offers [`TAKEOVER`] and [`START_FAILED`], then imports the boot
//!    script (again with [`ATTEMPT`] after a failure);
//! 3. the boot script marks the opened page's group in [`FIRST_MODULE`],
//!    fetches the main module and that group itself ([`PRELOADED`] gives
//!    those answers to the glue and the groups' loader), puts the glue's
//!    exports on [`WASM_BINDINGS`] (for the groups' loader) and starts the
//!    main module;
//! 4. the app waits for that group, builds the live page and takes the
//!    saved one over.

/// `window.kabinetSession`: early.js's `GET /session`, which the app's
/// start-up check takes (`api/mod.rs`) and the boot script reads.
pub const SESSION: &str = "kabinetSession";
/// `window.kabinetTakeover()`: early.js stops holding forms and says which
/// one was sent meanwhile (`takeover.rs`).
pub const TAKEOVER: &str = "kabinetTakeover";
/// `window.kabinetStartFailed(retry)`: early.js's message on a saved page
/// that the app could not start (`takeover.rs`).
pub const START_FAILED: &str = "kabinetStartFailed";
/// `window.wasmBindings`: the glue's exports, for the groups' loader
/// (`__wasm_split.js`, rewritten by the release).
pub const WASM_BINDINGS: &str = "wasmBindings";
/// `window.kabinetPreloaded(url)`: the boot script's own `fetch()` of a
/// wasm file it started early, which the glue and the groups' loader take
/// instead of fetching again (WebKit never hands a `<link rel=preload>` to a
/// later `fetch()`).
pub const PRELOADED: &str = "kabinetPreloaded";
/// `<html data-first-module>`: the group of the opened page, preloaded by
/// the boot script and awaited by the app (`lazy_routes.rs`).
pub const FIRST_MODULE: &str = "data-first-module";
/// What the app replaces when it takes a saved page over.
pub const PRERENDERED: &str = "data-prerendered";
/// A saved page's submit button, disabled until early.js enables it.
pub const UNTIL_BOOT: &str = "data-until-boot";
/// The saved page's `<script data-boot>`: the boot script early.js imports.
pub const BOOT: &str = "data-boot";
/// The saved page's `<script data-boot data-signed-in>`: a page for
/// signed-in subscribers (the home page's frame); early.js sends a visitor
/// who is not signed in to /login instead of starting the app.
pub const SIGNED_IN: &str = "data-signed-in";
/// `?attempt=N`: the query of a retried import of the boot script, which it
/// passes on to the glue and the groups' loader.
pub const ATTEMPT: &str = "attempt";

/// `window.kabinetUnsupported(error?)`: browser_check.js, the first script
/// of every page, says whether this browser cannot run the app (or whether
/// an error early.js or the boot script met means so) and, when it cannot,
/// says so on the page; nothing is started then.
pub const UNSUPPORTED: &str = "kabinetUnsupported";

/// Every name, for the test that reads the scripts.
pub const ALL: [&str; 12] = [
    SESSION,
    TAKEOVER,
    START_FAILED,
    WASM_BINDINGS,
    PRELOADED,
    FIRST_MODULE,
    PRERENDERED,
    UNTIL_BOOT,
    BOOT,
    ATTEMPT,
    UNSUPPORTED,
    SIGNED_IN,
];
