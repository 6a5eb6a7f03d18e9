use leptos::prelude::*;
use leptos_router::{NavigateOptions, hooks::use_navigate};

use crate::api::accounts;
use crate::pages::accounts::AccountList;
use crate::routes::Route;

/// `/pay` — «Оплата онлайн» from the navigation: which account to pay for;
/// with exactly one linked account, straight to its payment form.
#[component]
pub fn ChooseAccountToPayPage() -> impl IntoView {
    let list = LocalResource::new(accounts::list);
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(accounts)) = list.get()
            && let [only] = accounts.as_slice()
        {
            // Replace: «Назад» from the form leaves, not back to this hop.
            let replace = NavigateOptions {
                replace: true,
                ..Default::default()
            };
            navigate(&Route::Pay(&only.id).path(), replace);
        }
    });
    view! { <AccountList title="Оплата онлайн" list=list /> }
}
