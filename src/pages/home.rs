use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// `/` — the start page of a signed-in subscriber.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="Главная" />
        <h1>"Уважаемый абонент! Добро пожаловать в Личный кабинет поставщика услуг."</h1>
        <p>"Данный сервис предоставляет возможность работы с Вашими лицевыми счетами: просмотр информации по счетам и тарифам, передачу показаний оборудования, оплату лицевого счета, и прочие услуги."</p>
        <p>"Для начала работы с Личным кабинетом Вам необходимо подключить к нему Ваши лицевые счета."</p>
        <p><A href="/accounts/link" attr:class="button primary">"Подключить ЛС"</A></p>
    }
}
