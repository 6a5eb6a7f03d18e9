use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{
    accounts, payments,
    types::{Account, PaymentStatus},
};
use crate::components::{hint::Hint, remote::Remote};
use crate::routes::{Route, use_id};
use crate::rules::{
    date::format_date,
    money::{balance, format_rub, paid_on},
    reading::display,
};

/// `/accounts/{id}` — one account in full.
#[component]
pub fn AccountPage() -> impl IntoView {
    let id = use_id();
    let account = LocalResource::new(move || accounts::account(id()));
    view! {
        <Title text="Лицевой счет" />
        <Remote resource=account children=|account| view! { <AccountDetails account=account /> } />
    }
}

#[component]
fn AccountDetails(account: Account) -> impl IntoView {
    let Account {
        summary,
        holder_masked,
        tariffs,
        meters,
    } = account;
    let id = summary.id.clone();
    let history = LocalResource::new({
        let id = id.clone();
        move || payments::history(id.clone())
    });
    view! {
        <h1>{format!("Лицевой счет № {}", summary.number)}</h1>
        <dl class="facts">
            <dt>"Поставщик"</dt><dd>{summary.supplier.name}</dd>
            <dt>"Адрес"</dt><dd>{summary.address}</dd>
            <dt>"Владелец"</dt><dd>{holder_masked}</dd>
        </dl>
        <Hint id="balance-help" topic="Баланс" text="Задолженность — сумма к оплате на сегодня. Переплата — деньги, внесённые заранее: они пойдут в счёт следующих начислений. Оплата через Личный кабинет учитывается поставщиком в течение нескольких дней.">
            <h2>"Баланс"</h2>
        </Hint>
        <p class="balance">{balance(summary.balance_kop).text()}</p>
        {move || history.get().and_then(Result::ok).map(|list| {
            let today = paid_on(&list, &today_utc());
            (today > 0).then(|| view! {
                <p class="note">{format!("Оплачено сегодня через Личный кабинет: {}. Поставщик учтёт платёж в течение нескольких дней.", format_rub(today))}</p>
            })
        })}
        <p class="card-actions">
            <A href=Route::Pay(&id).path() attr:class="button primary">"Оплата онлайн"</A>
            <A href=Route::Readings(&id).path() attr:class="button">"Передать показания"</A>
        </p>
        <Hint id="tariffs-help" topic="Тарифы" text="Цены за газ, по которым поставщик начисляет плату по этому счёту. Тарифы утверждает государство и меняет обычно раз в год.">
            <h2>"Тарифы"</h2>
        </Hint>
        {if tariffs.is_empty() {
            view! { <p>"Сведений о тарифах нет."</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table>
                        <thead><tr><th scope="col">"Услуга"</th><th scope="col">"Тариф"</th><th scope="col">"Цена"</th></tr></thead>
                        <tbody>
                            {tariffs.into_iter().map(|t| view! {
                                <tr><td>{t.service}</td><td>{t.name}</td><td>{format!("{} за {}", format_rub(t.price_kop), t.unit)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <Hint id="meters-help" topic="Приборы учёта" text="Счетчики газа по этому счёту: заводской номер, последние переданные показания и дата следующей поверки. Поверку нужно пройти до указанной даты, иначе начисления пойдут по нормативу.">
            <h2>"Приборы учёта"</h2>
        </Hint>
        {if meters.is_empty() {
            view! { <p>"Приборы учёта не установлены: начисление по нормативу."</p> }.into_any()
        } else {
            view! {
                <ul class="meters">
                    {meters.into_iter().map(|m| view! {
                        <li class="card">
                            <h3>{format!("{} — счетчик № {}", m.service, m.serial)}</h3>
                            <p>{match m.last_reading {
                                Some(r) => format!("Последние показания: {} {} от {}", display(&r.value), m.unit, format_date(&r.date)),
                                None => "Показания ещё не передавались.".to_owned(),
                            }}</p>
                            <p>{m.verification_due.map(|d| format!("Поверка до {}", format_date(&d))).unwrap_or_else(|| "Дата поверки не указана.".to_owned())}</p>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <Hint id="payments-help" topic="Платежи" text="Платежи, сделанные через этот Личный кабинет по этому лицевому счёту, начиная с последнего. Платежи через банк или кассу здесь не показаны.">
            <h2>"Платежи"</h2>
        </Hint>
        <Remote resource=history children=|list| {
            if list.is_empty() {
                view! { <p>"Платежей через Личный кабинет ещё не было."</p> }.into_any()
            } else {
                view! {
                    <ul class="payments">
                        {list.into_iter().map(|p| view! {
                            <li>{format!("{} — {} — {}", format_date(&p.created_at), format_rub(p.amount_kop), status_text(p.status))}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }
        } />
    }
}

fn status_text(status: PaymentStatus) -> &'static str {
    match status {
        PaymentStatus::Pending => "ожидает подтверждения",
        PaymentStatus::Succeeded => "оплачен",
        PaymentStatus::Canceled => "отменён",
    }
}

/// Today's date in UTC, `YYYY-MM-DD`, as the API dates payments.
fn today_utc() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
        .chars()
        .take(10)
        .collect()
}
