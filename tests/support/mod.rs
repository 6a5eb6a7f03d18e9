//! What the browser test binaries share (each is a crate of its own):
//! `tests/web_redirects/main.rs` and `tests/web/support.rs` include this by
//! its path.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts `view` into a fresh element with id `host_id`. Keep the handle:
/// dropping it unmounts.
pub fn mount<V: IntoView + 'static>(
    host_id: &str,
    view: impl FnOnce() -> V + 'static,
) -> impl Drop {
    // A failed test aborts without unmounting: clear its leftovers first.
    if let Some(stale) = document().get_element_by_id(host_id) {
        stale.remove();
    }
    let host = document().create_element("div").unwrap();
    host.set_id(host_id);
    document().body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.unchecked_into(), view)
}
