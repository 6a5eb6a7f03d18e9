use leptos::{either::Either, prelude::*};
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::accounts;
use crate::components::{account_card::AccountCards, remote::Remote};
use crate::routes::LINK_ACCOUNT;

/// `/accounts` — «Лицевые счета»: every linked account.
#[component]
pub fn AccountsPage() -> impl IntoView {
    view! { <AccountList title="Лицевые счета" /> }
}

/// `/pay` — «Оплата онлайн» from the navigation: which account to pay for.
#[component]
pub fn ChooseAccountToPay() -> impl IntoView {
    view! {
        <AccountList title="Оплата онлайн" />
    }
}

#[component]
fn AccountList(title: &'static str) -> impl IntoView {
    let list = LocalResource::new(accounts::list);
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
