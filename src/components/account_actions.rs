use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::Route;

/// What can be done with a linked account: pay online, send the meter
/// readings. On each card of the home page and on the account's own page;
/// `class` is the row's place there (`card-actions`, `panel-actions`).
#[component]
pub fn AccountActions(id: String, class: &'static str) -> impl IntoView {
    view! {
        <p class=class>
            <A href=Route::Pay(&id).path() attr:class="button primary">
                "Оплата онлайн"
            </A>
            <A href=Route::Readings(&id).path() attr:class="button">
                "Передать показания"
            </A>
        </p>
    }
}
