use leptos::prelude::*;

use crate::api::{
    accounts, payments,
    types::{Account, PaymentStatus},
};
use crate::components::title::Title;
use crate::components::{account_actions::AccountActions, hint::Hint, remote::Remote};
use crate::routes::use_id;
use crate::rules::{
    account_number::account_title,
    date::format_date,
    money::{balance, format_rub, paid_on},
    reading::reading_with_unit,
    typography::{address, numbered},
};

/// `/accounts/{id}` — one account in full.
#[component]
pub fn AccountPage() -> impl IntoView {
    let id = use_id();
    let account = LocalResource::new(move || accounts::account(id()));
    view! {
        <Title text="Лицевой счет" />
        // The account's own heading names its number; until it is read (or
        // when it cannot be), the page still has one.
        {move || {
            (!matches!(account.get(), Some(Ok(_))))
                .then(|| view! { <h1>"Лицевой счет"</h1> })
        }}
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
    let state = balance(summary.balance_kop);
    let has_meters = !meters.is_empty();
    view! {
        <h1>{account_title(&summary.number)}</h1>
        <dl class="summary">
            <div>
                <dt>"Поставщик"</dt>
                <dd>{summary.supplier.name}</dd>
            </div>
            <div>
                <dt>"Адрес"</dt>
                <dd>{address(&summary.address)}</dd>
            </div>
            <div>
                <dt>"Владелец"</dt>
                <dd>{holder_masked}</dd>
            </div>
        </dl>
        <Section
            id="balance"
            class="panel balance-panel"
            title="Баланс"
            help="Задолженность — сумма к оплате на сегодня. Переплата — деньги, внесённые заранее: они пойдут в счёт следующих начислений. Оплата через Личный кабинет учитывается поставщиком в течение нескольких дней."
        >
            <p class="balance-label">{state.label()}</p>
            {state.sum().map(|sum| view! { <p class="balance-sum">{sum.to_owned()}</p> })}
            <p>{state.meaning()}</p>
            {move || {
                history
                    .get()
                    .and_then(Result::ok)
                    .map(|list| {
                        let today = paid_on(&list, &today_utc());
                        (today > 0)
                            .then(|| {
                                view! {
                                    <p class="note">
                                        {format!(
                                            "Оплачено сегодня через Личный кабинет: {}. Поставщик учтёт платёж в течение нескольких дней.",
                                            format_rub(today),
                                        )}
                                    </p>
                                }
                            })
                    })
            }}
            <AccountActions id=id.clone() class="panel-actions" readings=has_meters />
        </Section>
        <Section
            id="tariffs"
            title="Тарифы"
            help="Цены за газ, по которым поставщик начисляет плату по этому счёту. Тарифы утверждает государство и меняет обычно раз в год."
        >
            {if tariffs.is_empty() {
                view! { <p>"Сведений о тарифах нет."</p> }.into_any()
            } else {
                // A table on a wide screen; on a phone each tariff is a block
                // of lines labelled by style.css (`.tariffs td::before`).
                view! {
                    <div class="table-scroll">
                        <table class="tariffs">
                            <thead>
                                <tr>
                                    <th scope="col">"Услуга"</th>
                                    <th scope="col">"Тариф"</th>
                                    <th scope="col">"Цена"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {tariffs
                                    .into_iter()
                                    .map(|t| {
                                        view! {
                                            <tr>
                                                <td>{t.service}</td>
                                                <td>{t.name}</td>
                                                <td>
                                                    {format!("{} за {}", format_rub(t.price_kop), t.unit)}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </Section>
        <Section
            id="meters"
            title="Приборы учёта"
            help="Счетчики газа по этому счёту: заводской номер, последние переданные показания и дата следующей поверки. Поверку нужно пройти до указанной даты, иначе начисления пойдут по нормативу."
        >
            {if meters.is_empty() {
                view! {
                    <p>
                        "Приборы учёта не установлены: начисление по нормативу."
                    </p>
                }
                    .into_any()
            } else {
                view! {
                    <ul class="rows">
                        {meters
                            .into_iter()
                            .map(|m| {
                                view! {
                                    <li>
                                        <h3>
                                            {format!(
                                                "{} — счетчик {}",
                                                m.service,
                                                numbered(&m.serial),
                                            )}
                                        </h3>
                                        <p>
                                            {match m.last_reading {
                                                Some(r) => {
                                                    format!(
                                                        "Последние показания: {} от {}",
                                                        reading_with_unit(&r.value, &m.unit),
                                                        format_date(&r.date),
                                                    )
                                                }
                                                None => {
                                                    "Показания ещё не передавались."
                                                        .to_owned()
                                                }
                                            }}
                                        </p>
                                        <p>
                                            {m
                                                .verification_due
                                                .map(|d| format!("Поверка до {}", format_date(&d)))
                                                .unwrap_or_else(|| {
                                                    "Дата поверки не указана.".to_owned()
                                                })}
                                        </p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </Section>
        <Section
            id="payments"
            title="Платежи"
            help="Платежи, сделанные через этот Личный кабинет по этому лицевому счёту, начиная с последнего. Платежи через банк или кассу здесь не показаны."
        >
            <Remote
                resource=history
                children=|list| {
                    if list.is_empty() {
                        view! {
                            <p>
                                "Платежей через Личный кабинет ещё не было."
                            </p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <ul class="rows">
                                {list
                                    .into_iter()
                                    .map(|p| {
                                        let (tag, status) = status_tag(p.status);
                                        view! {
                                            // Spaces between the parts: a screen reader (and a copy) reads them apart.
                                            <li>
                                                <span>{format_date(&p.created_at)}</span>
                                                " "
                                                <span class="sum">{format_rub(p.amount_kop)}</span>
                                                " "
                                                <span class=tag>{status}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }
            />
        </Section>
    }
}

/// A part of the page under its heading, with the heading's «?» hint
/// (`{id}-help`); the heading (`{id}-title`) names the region.
#[component]
fn Section(
    id: &'static str,
    title: &'static str,
    help: &'static str,
    #[prop(default = "section")] class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class=class aria-labelledby=format!("{id}-title")>
            <Hint id=format!("{id}-help") topic=title text=help>
                <h2 id=format!("{id}-title")>{title}</h2>
            </Hint>
            {children()}
        </section>
    }
}

/// A payment's status as a tag: its class (the colour) and its words.
fn status_tag(status: PaymentStatus) -> (&'static str, &'static str) {
    match status {
        PaymentStatus::Pending => ("tag pending", "ожидает подтверждения"),
        PaymentStatus::Succeeded => ("tag paid", "оплачен"),
        PaymentStatus::Canceled => ("tag", "отменён"),
    }
}

/// Today's date in UTC, `YYYY-MM-DD`, as the API dates payments.
fn today_utc() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
        .chars()
        .take(10)
        .collect()
}
