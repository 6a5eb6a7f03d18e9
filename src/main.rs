fn main() {
    // Readable panics in the console of a debug build; a release build aborts.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    #[cfg(feature = "split")]
    start_split();
    // In place of the page `cargo xtask dist` prerendered, if this is one.
    #[cfg(not(feature = "split"))]
    kabinet::takeover::mount_to_body(kabinet::app::App);
}

/// The release build split by route first waits for the opened page's
/// module (src/lazy_routes.rs), then mounts. When that module did not
/// arrive on a saved page, the saved page (with what was typed) stays and
/// says so, with «Повторить»; elsewhere the page's own loader says it.
/// Not Leptos' spawn_local: its executor starts with the mount.
#[cfg(feature = "split")]
fn start_split() {
    use kabinet::{lazy_routes, takeover};
    wasm_bindgen_futures::spawn_local(async {
        match lazy_routes::first_module().await {
            Err(_) if takeover::on_saved_page() => takeover::start_failed(start_split),
            _ => takeover::mount_to_body(kabinet::app::App),
        }
    });
}
