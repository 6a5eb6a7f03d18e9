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
        <p>
            <A href=Route::LinkAccount.path() attr:class="button primary">
                "Подключить ЛС"
            </A>
        </p>
    }
}
