use leptos::{either::Either, prelude::*};
use leptos_router::components::A;

use crate::api::{ApiError, accounts, types::AccountSummary};
use crate::components::title::Title;
use crate::components::{account_card::AccountCards, remote::Remote};
use crate::routes::Route;

/// `/accounts` — «Лицевые счета»: every linked account.
#[component]
pub fn AccountsPage() -> impl IntoView {
    view! { <AccountList title="Лицевые счета" /> }
}

/// The linked accounts under `title`, with «Подключить ЛС»; `list` when the
/// page has read them already.
#[component]
pub fn AccountList(
    title: &'static str,
    #[prop(optional)] list: Option<LocalResource<Result<Vec<AccountSummary>, ApiError>>>,
) -> impl IntoView {
    let list = list.unwrap_or_else(|| LocalResource::new(accounts::list));
    // With accounts, their cards carry the page's actions and «Подключить
    // ЛС» is secondary; without any, it is the one thing to do.
    let none = move || list.get().is_some_and(|l| l.is_ok_and(|l| l.is_empty()));
    view! {
        <Title text=title />
        <h1>{title}</h1>
        <Remote
            resource=list
            children=|list| {
                if list.is_empty() {
                    Either::Left(view! { <p>"Нет подключенных ЛС"</p> })
                } else {
                    Either::Right(view! { <AccountCards list=list /> })
                }
            }
        />
        <p class="panel-actions">
            <A
                href=Route::LinkAccount.path()
                attr:class=move || if none() { "button primary" } else { "button" }
            >
                "Подключить ЛС"
            </A>
        </p>
    }
}
