use leptos::{either::Either, prelude::*};
use leptos_router::components::A;

use crate::api::accounts;
use crate::components::home_intro::{HomeHeading, Welcome};
use crate::components::{account_card::AccountCards, remote::Remote};
use crate::routes::Route;
use crate::session::use_session;

/// `/` — the start page of a signed-in subscriber: a short heading, then
/// their accounts as cards (first, so that a phone shows a balance without
/// scrolling) and the welcome after them; without accounts, the welcome
/// leads to «Подключить ЛС». Until the session check answers, the shell
/// shows its beginning (`HomeFrame`).
#[component]
pub fn HomePage() -> impl IntoView {
    let session = use_session();
    let confirmed = move || {
        session
            .user
            .with(|u| u.as_ref().is_some_and(|u| u.confirmed))
    };
    view! {
        <HomeHeading />
        // Accounts open once the e-mail is confirmed; the banner above says how.
        {move || {
            if confirmed() {
                Either::Left(
                    view! {
                        <div class="home-accounts">
                            <LinkedAccounts />
                        </div>
                    },
                )
            } else {
                Either::Right(view! { <Welcome /> })
            }
        }}
    }
}

#[component]
fn LinkedAccounts() -> impl IntoView {
    let list = LocalResource::new(accounts::list);
    view! {
        <Remote
            resource=list
            children=|list| {
                if list.is_empty() {
                    Either::Left(
                        view! {
                            <Welcome />
                            <p>
                                "Для начала работы с Личным кабинетом Вам необходимо подключить к нему Ваши лицевые счета."
                            </p>
                            <p class="panel-actions">
                                <A href=Route::LinkAccount.path() attr:class="button primary">
                                    "Подключить ЛС"
                                </A>
                            </p>
                        },
                    )
                } else {
                    Either::Right(
                        view! {
                            <AccountCards list=list />
                            <p>
                                <A href=Route::LinkAccount
                                    .path()>
                                    "Подключить ещё один лицевой счет"
                                </A>
                            </p>
                            <div class="home-welcome">
                                <Welcome />
                            </div>
                        },
                    )
                }
            }
        />
    }
}
