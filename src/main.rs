fn main() {
    // Readable panics in the console of a debug build; a release build aborts.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // In place of the page `cargo xtask dist` prerendered, if this is one.
    kabinet::takeover::mount_to_body(kabinet::app::App);
}
