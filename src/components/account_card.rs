use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::types::AccountSummary;
use crate::components::account_actions::AccountActions;
use crate::routes::Route;
use crate::rules::account_number::account_title;
use crate::rules::money::{Balance, balance};

/// One linked account on the home page: supplier, number, address, balance,
/// and what can be done with it.
#[component]
pub fn AccountCard(account: AccountSummary) -> impl IntoView {
    let AccountSummary {
        id,
        supplier,
        number,
        address,
        balance_kop,
        has_meters,
        ..
    } = account;
    let balance = balance(balance_kop);
    let debt = matches!(balance, Balance::Debt(_));
    let title_id = format!("account-{id}");
    view! {
        <article class="card" aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone()>
                <A href=Route::Account(&id).path()>{account_title(&number)}</A>
            </h2>
            <p class="card-supplier">{supplier.name}</p>
            <p>{address}</p>
            <p class="balance" class:balance-debt=debt>
                {balance.text()}
            </p>
            <AccountActions id=id.clone() class="card-actions" readings=has_meters />
        </article>
    }
}

/// The cards of the linked accounts, one after another.
#[component]
pub fn AccountCards(list: Vec<AccountSummary>) -> impl IntoView {
    view! {
        <div class="cards">
            {list
                .into_iter()
                .map(|account| view! { <AccountCard account=account /> })
                .collect_view()}
        </div>
    }
}
