use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::Route;

/// What can be done with a linked account: pay online, send the meter
/// readings. On each card of the home page and on the account's own page;
/// `class` is the row's place there (`card-actions`, `panel-actions`).
/// «Оплата онлайн» is the primary action unless `primary` is false (a card
/// among several: one filled button per card would be a wall of them).
#[component]
pub fn AccountActions(
    id: String,
    class: &'static str,
    #[prop(default = true)] primary: bool,
) -> impl IntoView {
    view! {
        <p class=class>
            <A
                href=Route::Pay(&id).path()
                attr:class=if primary { "button primary" } else { "button" }
            >
                "Оплата онлайн"
            </A>
            <A href=Route::Readings(&id).path() attr:class="button">
                "Передать показания"
            </A>
        </p>
    }
}
