use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::types::AccountSummary;
use crate::components::account_actions::AccountActions;
use crate::routes::Route;
use crate::rules::account_number::account_title;
use crate::rules::money::balance;
use crate::rules::typography;

/// One linked account on the home page and «Лицевые счета»: its number, the
/// balance right under it (what a subscriber comes for, in the words and
/// colour of the account's own page), supplier and address, and what can be
/// done with it. `only` when it is the one card shown: then paying is its
/// primary action; among several, every card's actions are secondary, so
/// that a list is not a wall of filled buttons.
#[component]
pub fn AccountCard(account: AccountSummary, only: bool) -> impl IntoView {
    let AccountSummary {
        id,
        supplier,
        number,
        address,
        balance_kop,
        has_meters,
        ..
    } = account;
    let title_id = format!("account-{id}");
    view! {
        <article class="card" aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone()>
                <A href=Route::Account(&id).path()>{account_title(&number)}</A>
            </h2>
            <p class="balance">{balance(balance_kop).text()}</p>
            <p class="card-place">
                <span class="card-supplier">{supplier.name}</span>
                <span>{typography::address(&address)}</span>
            </p>
            <AccountActions id=id.clone() class="card-actions" readings=has_meters primary=only />
        </article>
    }
}

/// The cards of the linked accounts, one after another.
#[component]
pub fn AccountCards(list: Vec<AccountSummary>) -> impl IntoView {
    let only = list.len() == 1;
    view! {
        <div class="cards">
            {list
                .into_iter()
                .map(|account| view! { <AccountCard account=account only=only /> })
                .collect_view()}
        </div>
    }
}
