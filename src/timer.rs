//! Waiting without blocking the page.

/// Resolves after `ms` milliseconds (0: at the browser's next task, after it
/// has handled input and painted).
#[cfg(target_arch = "wasm32")]
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Native unit tests have no event loop: nothing to wait for.
#[cfg(not(target_arch = "wasm32"))]
pub async fn sleep(_ms: i32) {}
