use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::Route;

/// What can be done with a linked account: pay online, send the meter
/// readings (only with `readings`: an account without meters has none to
/// send, and the action would lead nowhere). On each card of the home page
/// and on the account's own page; `class` is the row's place there
/// (`card-actions`, `panel-actions`). «Оплата онлайн» is the primary action
/// unless `primary` is false (a card among several: one filled button per
/// card would be a wall of them).
#[component]
pub fn AccountActions(
    id: String,
    class: &'static str,
    readings: bool,
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
            {readings
                .then(|| {
                    view! {
                        <A href=Route::Readings(&id).path() attr:class="button">
                            "Передать показания"
                        </A>
                    }
                })}
        </p>
    }
}
