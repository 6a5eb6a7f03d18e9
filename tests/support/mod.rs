//! What the browser test files share (each `tests/*.rs` is a crate of its
//! own; they include this with `mod support;`).

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
