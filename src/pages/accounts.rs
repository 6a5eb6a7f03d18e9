use leptos::{either::Either, prelude::*};
use leptos_meta::Title;
use leptos_router::{NavigateOptions, components::A, hooks::use_navigate};

use crate::api::{ApiError, accounts, types::AccountSummary};
use crate::components::{account_card::AccountCards, remote::Remote};
use crate::routes::{self, LINK_ACCOUNT};

/// `/accounts` — «Лицевые счета»: every linked account.
#[component]
pub fn AccountsPage() -> impl IntoView {
    view! { <AccountList title="Лицевые счета" /> }
}

/// `/pay` — «Оплата онлайн» from the navigation: which account to pay for;
/// with exactly one linked account, straight to its payment form.
#[component]
pub fn ChooseAccountToPay() -> impl IntoView {
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
            navigate(&routes::pay(&only.id), replace);
        }
    });
    view! {
        <AccountList title="Оплата онлайн" list=list />
    }
}

#[component]
fn AccountList(
    title: &'static str,
    #[prop(optional)] list: Option<LocalResource<Result<Vec<AccountSummary>, ApiError>>>,
) -> impl IntoView {
    let list = list.unwrap_or_else(|| LocalResource::new(accounts::list));
    view! {
        <Title text=title />
        <h1>{title}</h1>
        <Remote resource=list children=|list| {
            if list.is_empty() {
                Either::Left(view! { <p>"Нет подключенных ЛС"</p> })
            } else {
                Either::Right(view! {
                    <AccountCards list=list />
                })
            }
        } />
        <p><A href=LINK_ACCOUNT attr:class="button primary">"Подключить ЛС"</A></p>
    }
}
