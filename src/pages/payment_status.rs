use std::time::Duration;

use leptos::{either::EitherOf3, prelude::*};
use leptos_router::components::A;

use crate::api::payments;
use crate::api::types::{Payment, PaymentStatus};
use crate::components::outcome::{Outcome, Tone};
use crate::components::remote::Remote;
use crate::components::title::Title;
use crate::routes::{Route, use_id};
use crate::rules::date::format_date_time;
use crate::rules::money::format_rub;

/// How often a pending payment is asked about again.
const POLL: Duration = Duration::from_secs(2);

/// `/payments/{id}` — where the gateway sends the subscriber back.
#[component]
pub fn PaymentStatusPage() -> impl IntoView {
    let id = use_id();
    let payment = LocalResource::new(move || payments::payment(id()));
    // The way back, once the payment says whose it is (kept while it is
    // asked again). While pending, ask again after a pause; the page updates
    // by itself.
    let back = RwSignal::new(None::<String>);
    Effect::new(move || {
        if let Some(Ok(p)) = payment.get() {
            back.set(Some(Route::Account(&p.account_id).path()));
            if p.status == PaymentStatus::Pending {
                set_timeout(move || payment.refetch(), POLL);
            }
        }
    });
    let back_link = move || {
        let link = |href: String| {
            view! {
                <p class="back">
                    <A href=href>"← к лицевому счету"</A>
                </p>
            }
        };
        back.get().map(link)
    };
    view! {
        <Title text="Оплата" />
        {back_link}
        <h1>"Оплата онлайн"</h1>
        <Remote resource=payment children=|payment| view! { <Status payment=payment /> } />
    }
}

#[component]
fn Status(payment: Payment) -> impl IntoView {
    let sum = format_rub(payment.amount_kop);
    let again = Route::Pay(&payment.account_id).path();
    let account = Route::Account(&payment.account_id).path();
    // The number a subscriber can read aloud or quote to the supplier.
    let number = view! {
        <div>
            <dt>"Номер платежа"</dt>
            <dd class="number">{payment.number.clone()}</dd>
        </div>
    };
    match payment.status {
        PaymentStatus::Pending => EitherOf3::A(view! {
            <Outcome
                title="Ожидаем подтверждения оплаты"
                tone=Tone::Pending
            >
                <p>
                    {format!(
                        "Платёж на {sum} ожидает подтверждения платёжной системой. Страница обновится сама, как только она ответит.",
                    )}
                </p>
                <dl class="summary">{number}</dl>
                {payment
                    .confirmation_url
                    .map(|url| {
                        view! {
                            <p class="panel-actions">
                                <a href=url class="button primary">
                                    "Вернуться на страницу оплаты"
                                </a>
                            </p>
                        }
                    })}
            </Outcome>
        }),
        PaymentStatus::Succeeded => {
            // The time as the subscriber's clock shows it.
            let offset =
                js_sys::Date::new(&payment.created_at.as_str().into()).get_timezone_offset();
            EitherOf3::B(view! {
                <Outcome title="Оплата прошла успешно">
                    <dl class="summary">
                        <div>
                            <dt>"Сумма"</dt>
                            <dd>{sum}</dd>
                        </div>
                        {number}
                        <div>
                            <dt>"Дата и время"</dt>
                            <dd>{format_date_time(&payment.created_at, offset as i64)}</dd>
                        </div>
                    </dl>
                    <h3>"Что дальше"</h3>
                    <p>
                        "Поставщик учтёт платёж в течение нескольких дней; до тех пор он показан на странице лицевого счета отдельно от баланса. Сохранять чек не нужно: платёж виден в истории платежей лицевого счета. Если понадобится спросить о нём поставщика, назовите номер платежа."
                    </p>
                    <p class="panel-actions">
                        <A href=account attr:class="button primary">
                            "К лицевому счету"
                        </A>
                    </p>
                </Outcome>
            })
        }
        PaymentStatus::Canceled => {
            payments::forget_keys(&payment.account_id);
            EitherOf3::C(view! {
                <Outcome title="Оплата отменена" tone=Tone::Stopped>
                    <p>
                        {format!(
                            "Оплата на {sum} отменена. Деньги не списаны.",
                        )}
                    </p>
                    <p class="panel-actions">
                        <A href=again attr:class="button primary">
                            "Попробовать ещё раз"
                        </A>
                        <A href=account attr:class="button">
                            "К лицевому счету"
                        </A>
                    </p>
                </Outcome>
            })
        }
    }
}
