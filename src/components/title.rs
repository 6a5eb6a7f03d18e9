//! The page's title in the browser's tab.

use leptos::prelude::*;

/// Sets the tab's title to `text — Личный кабинет абонента` when the page
/// is built. Every page has one, so the next page's replaces it. Our own
/// instead of leptos_meta's `<Title>` (a stack of titles and formatters in a
/// context, for `<head>` tags the app does not otherwise set): 2.5 KB less
/// brotli of the main module, no leptos_meta (2026-12-07).
#[component]
pub fn Title(text: &'static str) -> impl IntoView {
    document().set_title(&format!("{text} — Личный кабинет абонента"));
}
