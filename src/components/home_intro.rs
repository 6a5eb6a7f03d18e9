use leptos::prelude::*;

use crate::components::remote::loading;
use crate::components::title::Title;

/// What every subscriber's home page begins with: its short heading. The
/// accounts follow right under it, so that on a phone the first balance is
/// read without scrolling.
#[component]
pub fn HomeHeading() -> impl IntoView {
    view! {
        <Title text="Главная" />
        <h1>"Главная"</h1>
    }
}

/// The welcome and what the service offers: it leads a home without
/// accounts (above the way to link one) and follows the cards of one with
/// accounts.
#[component]
pub fn Welcome() -> impl IntoView {
    view! {
        <p class="lead">
            "Уважаемый абонент! Добро пожаловать в Личный кабинет поставщика услуг."
        </p>
        <p>
            "Данный сервис предоставляет возможность работы с Вашими лицевыми счетами: просмотр информации по счетам и тарифам, передачу показаний оборудования, оплату лицевого счета, и прочие услуги."
        </p>
    }
}

/// `/` while the session check has not answered: the home page's
/// beginning, true for every visitor, and «Загрузка…» where the accounts
/// will be (the same `.home-accounts` box the page fills; the stylesheet
/// holds the footer back meanwhile, so nothing moves when they arrive:
/// whatever the box then shows, cards or the welcome, appears below the
/// heading, where nothing stood).
/// `cargo xtask dist` saves it as the prerendered `/`; a visitor who is not
/// signed in is sent to /login by early.js before the app loads.
#[component]
pub fn HomeFrame() -> impl IntoView {
    view! {
        <HomeHeading />
        <div class="home-accounts">{loading()}</div>
    }
}
