use std::time::Duration;

use leptos::{either::EitherOf3, prelude::*};
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::payments;
use crate::api::types::{Payment, PaymentStatus};
use crate::components::remote::Remote;
use crate::routes::{Route, use_id};
use crate::rules::money::format_rub;

/// How often a pending payment is asked about again.
const POLL: Duration = Duration::from_secs(2);

/// `/payments/{id}` — where the gateway sends the subscriber back.
#[component]
pub fn PaymentStatusPage() -> impl IntoView {
    let id = use_id();
    let payment = LocalResource::new(move || payments::payment(id()));
    // While pending, ask again after a pause; the page updates by itself.
    Effect::new(move || {
        if let Some(Ok(p)) = payment.get()
            && p.status == PaymentStatus::Pending
        {
            set_timeout(move || payment.refetch(), POLL);
        }
    });
    view! {
        <Title text="Оплата" />
        <h1>"Оплата онлайн"</h1>
        <Remote resource=payment children=|payment| view! { <Status payment=payment /> } />
    }
}

#[component]
fn Status(payment: Payment) -> impl IntoView {
    let sum = format_rub(payment.amount_kop);
    let account = Route::Account(&payment.account_id).path();
    let again = Route::Pay(&payment.account_id).path();
    let state = match payment.status {
        PaymentStatus::Pending => EitherOf3::A(view! {
            <p role="status">{format!("Платёж на {sum} ожидает подтверждения платёжной системой. Страница обновится сама.")}</p>
            {payment.confirmation_url.map(|url| view! { <p><a href=url>"Вернуться на страницу оплаты"</a></p> })}
        }),
        PaymentStatus::Succeeded => EitherOf3::B(view! {
            <div class="success" role="status">
                <p>{format!("Оплата прошла успешно: {sum}.")}</p>
                <p>"Поставщик учтёт платёж в течение нескольких дней; до тех пор он показан на странице лицевого счета отдельно от баланса."</p>
            </div>
        }),
        PaymentStatus::Canceled => {
            payments::forget_keys(&payment.account_id);
            EitherOf3::C(view! {
                <div class="alert" role="status"><p>{format!("Оплата на {sum} отменена. Деньги не списаны.")}</p></div>
                <p><A href=again attr:class="button primary">"Попробовать ещё раз"</A></p>
            })
        }
    };
    view! {
        {state}
        <p><A href=account>"← к лицевому счету"</A></p>
    }
}
