//! The route table's views, one function per page.
//!
//! With the `split` cargo feature (the release build of `cargo xtask dist`)
//! each group of pages lives in a wasm module of its own that the browser
//! downloads the first time one of them opens: `wasm_split` marks the split
//! point and `wasm-split-cli` cuts the module there. A first visit then
//! downloads only the shell (router, session, API client, layout) and the
//! group of the page it opened.
//!
//! Without the feature (`trunk serve`, the tests) every page is in the one
//! module and these functions only call the page: a module built with split
//! points but not cut by the splitter could not even start.
//!
//! The pages and their groups are the rows of `pages_table::pages!`, which the
//! xtask reads too (to preload the opened route's module from the boot
//! script): a page is split off as its row says, and only so.

use leptos::prelude::*;

/// A page's module could not be downloaded (offline, a server error).
#[cfg(feature = "split")]
#[derive(Clone, Copy)]
pub struct ChunkFailed;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// A page's view as the route table takes it (`view=lazy::page`): a
/// function pointer, one type for every page, so that the router's generic
/// code for a route is compiled once per shape of path (`/a`, `/a/b`,
/// `/a/:id`, …) instead of once per page: 1.0 KB less brotli of the main
/// module (2026-12-07).
pub type PageView = fn() -> AnyView;

/// Pages split off into modules, one `PageView` per row of
/// `pages_table::pages!` (`page: module => Component, …`), showing
/// `crate::pages::page::Component`.
///
/// Four groups, because each set of groups sharing some code gets a
/// `chunk_*` file of its own: one module per page made 85 files, 27 of them
/// for /login, whose instantiation doubled Lighthouse's blocking time
/// (median 255–508 ms against 109–145 ms unsplit). With these four, /login
/// fetches 5 wasm files (37.7 KB brotli beside the main module) and its
/// blocking time is 72–118 ms (2026-11-30). The groups follow the visits:
/// sign-in alone (the most frequent entry), the other public forms (they
/// share the robot check and the password rules), the home page with the
/// lists it links to first, and the rest of the cabinet.
macro_rules! lazy_pages {
    ($($name:ident: $module:ident => $component:ident, $pattern:literal, $access:ident,
       $section:expr, $prerender:expr, $then:expr,)*) => {
        $(
            #[cfg(feature = "split")]
            #[allow(non_upper_case_globals)]
            pub const $name: PageView = || load(|| Box::pin($name::$name())).into_any();

            /// The split point itself: calling it downloads the page's
            /// module (once), then gives the page's constructor.
            #[cfg(feature = "split")]
            mod $name {
                use super::*;

                #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
                pub fn $name() -> Result<fn() -> AnyView, ChunkFailed> {
                    let build: fn() -> AnyView = || crate::pages::$name::$component().into_any();
                    Ok(build)
                }
            }

            #[cfg(not(feature = "split"))]
            #[allow(non_upper_case_globals)]
            pub const $name: PageView = || crate::pages::$name::$component().into_any();
        )*

        /// Downloads module `module` (one of `lazy_pages!`) through the
        /// split point of each of its pages: each point keeps its own state,
        /// so that any page of the group opened first then renders at once
        /// instead of after «Загрузка…» (the module itself is fetched once).
        #[cfg(feature = "split")]
        async fn download_module(module: &str) -> Result<(), ChunkFailed> {
            $(
                if module == stringify!($module) {
                    $name::$name().await?;
                }
            )*
            Ok(())
        }
    };
}

pages_table::pages!(lazy_pages);

/// Waits for the module of the page the browser opened: the boot script
/// (written by `cargo xtask dist`) started its download beside the main
/// module's and names it in `<html data-first-module>`. Mounting after it
/// paints the page in one go: no «Загрузка…» line that the page then pushes
/// away (a layout shift), and the largest paint is the page itself.
#[cfg(feature = "split")]
pub async fn first_module() -> Result<(), ChunkFailed> {
    let module = leptos::prelude::document()
        .document_element()
        .and_then(|html| html.get_attribute(pages_table::handoff::FIRST_MODULE));
    match module {
        Some(module) => download_module(&module).await,
        None => Ok(()),
    }
}

/// What a page's split-point function gives once its module is there: the
/// page's constructor (code of that module).
#[cfg(feature = "split")]
type PageFuture = std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<fn() -> AnyView, ChunkFailed>> + Send>,
>;

/// Shows the page once its module is there: at once when it already is,
/// «Загрузка…» while it downloads, and when the download failed a message
/// with «Повторить» (a failed download is not remembered, so a retry
/// downloads it again).
///
/// The page is built by this view's own reactive closure, as any child view
/// is (not inside a `Suspend`): its signals and its effects then belong to one
/// owner and end together when the route changes. Not generic, so that the
/// main module holds one copy for all pages.
/// What a page whose module could not be fetched says.
#[cfg(feature = "split")]
const PAGE_FAILED: &str =
    "Не удалось загрузить страницу. Проверьте подключение к интернету и нажмите «Повторить».";

#[cfg(feature = "split")]
fn load(page: fn() -> PageFuture) -> impl IntoView {
    use crate::components::remote::{failed_with_retry, loading};
    use leptos::either::EitherOf3;
    use std::task::{Context, Poll, Waker};

    let state = RwSignal::new(None::<Result<fn() -> AnyView, ChunkFailed>>);
    let fetch = move || {
        let mut future = page();
        // Already downloaded: ready at the first poll, no «Загрузка…» flash.
        match future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(result) => state.set(Some(result)),
            Poll::Pending => {
                state.set(None);
                leptos::task::spawn_local(async move { state.set(Some(future.await)) });
            }
        }
    };
    fetch();
    move || match state.get() {
        None => EitherOf3::A(loading()),
        // Untracked, as `view!` builds a component: the page's own reads
        // must not rebuild it.
        Some(Ok(build)) => EitherOf3::B(untrack(build)),
        Some(Err(ChunkFailed)) => EitherOf3::C(failed_with_retry(PAGE_FAILED.into(), fetch)),
    }
}

/// The banner of a subscriber who has not confirmed the e-mail yet
/// (`components/banner.rs`). Few visits show it, so the release keeps it, with
/// the resend button and its countdown, in a module of its own that only such
/// a visit downloads (2026-12-07, brotli): the main module 12.1 KB lighter,
/// `/` signed in 10.3 KB; the public forms, which share the countdown now
/// from a chunk, 1.2–4.3 KB heavier. In the home group instead, `/` would
/// be 8.5 KB heavier than this and the public forms 1.4–2.1 KB lighter.
#[cfg(feature = "split")]
pub fn unconfirmed_banner() -> AnyView {
    load(|| Box::pin(banner::unconfirmed_banner())).into_any()
}

#[cfg(feature = "split")]
mod banner {
    use super::*;

    #[leptos::wasm_split::wasm_split(banner, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn unconfirmed_banner() -> Result<fn() -> AnyView, ChunkFailed> {
        let build: fn() -> AnyView = || crate::components::banner::UnconfirmedBanner().into_any();
        Ok(build)
    }
}

#[cfg(not(feature = "split"))]
pub fn unconfirmed_banner() -> AnyView {
    crate::components::banner::UnconfirmedBanner().into_any()
}
