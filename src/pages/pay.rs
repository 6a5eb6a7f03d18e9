use leptos::{either::Either, prelude::*};
use leptos_router::{components::A, hooks::use_navigate};

use crate::api::payments::{self, PaymentIntent};
use crate::api::types::{Account, Payment, PaymentStatus};
use crate::api::{ApiError, accounts};
use crate::components::field::TextField;
use crate::components::form_shell::{Buttons, FormShell};
use crate::components::hint::Hint;
use crate::components::meter_readings::{MeterInputs, MeterReadingFields};
use crate::components::remote::Remote;
use crate::components::send_or_confirm::SendOrConfirm;
use crate::components::title::Title;
use crate::form::{Field, Form, FormError};
use crate::routes::{Route, use_id};
use crate::rules::money::{Balance, balance, parse_rub};
use crate::rules::payment_page::{self, payment_page_url};
use crate::rules::typography::{address, numbered};

/// `/accounts/{id}/pay` — «Оплата онлайн».
#[component]
pub fn PayPage() -> impl IntoView {
    let id = use_id();
    let account = LocalResource::new(move || accounts::account(id()));
    view! {
        <Title text="Оплата онлайн" />
        <Hint
            id="pay-help"
            topic="Оплата онлайн"
            text="Оплата банковской картой на защищённой странице платёжной системы. Деньги поступят поставщику, а он учтёт платёж в течение нескольких дней — до тех пор он показан на странице лицевого счета отдельно."
        >
            <h1>"Оплата онлайн"</h1>
        </Hint>
        <Remote resource=account children=|account| view! { <PayForm account=account /> } />
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Choice {
    Debt,
    Own,
}

#[component]
pub fn PayForm(account: Account) -> impl IntoView {
    let account_id = account.summary.id.clone();
    let debt_kop = account.summary.balance_kop.max(0);
    let state = balance(account.summary.balance_kop);
    let heading = format!(
        "{}, {}",
        numbered(&account.summary.number),
        address(&account.summary.address)
    );
    let supplier = account.summary.supplier.name.clone();
    let choice = RwSignal::new(if debt_kop > 0 {
        Choice::Debt
    } else {
        Choice::Own
    });
    let amount = Field::new("amount_kop");
    let with_readings = RwSignal::new(false);
    let has_meters = !account.meters.is_empty();
    let inputs = MeterInputs::new(account.meters);
    let form = Form::new(&[amount]);
    let anomaly = RwSignal::new(None::<Vec<String>>);

    let pay = Action::new_local({
        let account_id = account_id.clone();
        move |intent: &PaymentIntent| payments::pay(account_id.clone(), intent.clone())
    });
    let navigate = use_navigate();
    // The API's gateway address could not be followed: the form stays usable.
    let refused = RwSignal::new(false);
    Effect::new(move || match pay.value().get() {
        Some(Ok(payment)) => {
            let failure = go_on(&payment, &navigate).err();
            refused.set(failure.is_some());
            if let Some(message) = failure {
                form.show(vec![FormError::service(message)]);
            }
        }
        Some(Err(error)) => {
            // Unusual readings: a warning with the choice to confirm them.
            if error.code() == Some("reading_anomaly") {
                anomaly.set(Some(inputs.anomaly_notes(&error)));
                return form.show(Vec::new());
            }
            let mut lines = inputs.field_errors(&error);
            match error.code() {
                _ if !lines.is_empty() => {}
                Some(_) => return form.spread(&error),
                // A 429 counts down (no payment was made); any other failure
                // may have left one behind.
                None if matches!(error, ApiError::TooManyRequests { .. }) => {
                    return form.fail(&error);
                }
                None => lines.push(FormError::service(unsure_message(&error))),
            }
            form.show(lines);
        }
        None => {}
    });

    let check_amount = move || amount.check(parse_rub(&amount.value.read()).map(|_| ()));
    let submit = move |confirm_anomaly: bool| {
        let mut errors = Vec::new();
        let amount_kop = match choice.get_untracked() {
            Choice::Debt => Some(debt_kop),
            Choice::Own => {
                errors.extend(check_amount());
                parse_rub(&amount.value.read_untracked()).ok()
            }
        };
        let mut readings = Vec::new();
        if with_readings.get_untracked() {
            let (reading_errors, checked) = inputs.check();
            errors.extend(reading_errors);
            readings = checked;
        }
        if let (true, Some(amount_kop)) = (errors.is_empty(), amount_kop) {
            let intent = PaymentIntent {
                amount_kop,
                readings,
                confirm_anomaly,
                return_url: Route::Payment("{id}").path(),
            };
            pay.dispatch(intent);
        } else {
            anomaly.set(None);
        }
        form.show(errors);
    };
    let send = move || submit(false);
    let cancel = Route::Account(&account_id).path();
    // Busy from the press until the gateway page opens: no second press.
    let busy =
        move || pay.pending().get() || matches!(pay.value().get(), Some(Ok(_))) && !refused.get();

    // The amount field: under its radio when there is a choice, alone
    // (without a radio group of one) when only an own sum can be paid.
    let amount_field = move || {
        view! {
            <TextField
                field=amount
                label="Сумма"
                suffix="₽"
                size="size-12"
                note=Some(
                    Signal::stored(
                        "Рубли и копейки через запятую, например 100,50. Не больше 100\u{a0}000\u{a0}₽."
                            .to_owned(),
                    ),
                )
                validate=move || {
                    check_amount();
                }
                inputmode="decimal"
                autocomplete="off"
            />
        }
    };
    let choices = match &state {
        Balance::Debt(sum) => Either::Left(view! {
            <fieldset class="choices">
                <legend>
                    <h2>"Что оплатить"</h2>
                </legend>
                {choice_radio(
                    choice,
                    Choice::Debt,
                    "pay-debt",
                    format!("оплата по текущему долгу: {sum}"),
                )}
                {choice_radio(
                    choice,
                    Choice::Own,
                    "pay-own",
                    "по самостоятельно внесённой сумме".to_owned(),
                )}
                <Show when=move || choice.get() == Choice::Own>
                    <div class="reveal">{amount_field()}</div>
                </Show>
            </fieldset>
        }),
        _ => Either::Right(view! {
            <h2>"Что оплатить"</h2>
            <p>
                "Задолженности нет, оплата по текущему долгу не требуется. Можно внести сумму заранее: она пойдёт в счёт следующих начислений."
            </p>
            {amount_field()}
        }),
    };

    view! {
        // Who receives the money, named before the subscriber pays.
        <dl class="summary">
            <div>
                <dt>"Лицевой счет"</dt>
                <dd>{heading}</dd>
            </div>
            <div>
                <dt>"Получатель платежа"</dt>
                <dd>{supplier}</dd>
            </div>
        </dl>
        <p class="balance">{state.text()}</p>
        <FormShell form=form on_submit=send busy=Signal::derive(busy)>
            {choices}
            {has_meters
                .then(|| {
                    view! {
                        <div class="checkbox">
                            <input id="pay-readings" type="checkbox" bind:checked=with_readings />
                            <label for="pay-readings">
                                "передать показания при оплате"
                            </label>
                        </div>
                        <Show when=move || with_readings.get()>
                            <div class="reveal">
                                <MeterReadingFields inputs=inputs />
                            </div>
                        </Show>
                    }
                })}
            <Buttons slot>
                <SendOrConfirm
                    form=form
                    anomaly=anomaly
                    busy=Signal::derive(busy)
                    send="Перейти к оплате"
                    confirm="Подтвердить показания и перейти к оплате"
                    busy_text="Переходим к оплате…"
                    on_confirm=move || submit(true)
                >
                    <A href=cancel.clone() attr:class="button">
                        "Отмена"
                    </A>
                </SendOrConfirm>
            </Buttons>
        </FormShell>
    }
}

/// One of the «Что оплатить» choices: a radio button `id` that sets `choice`
/// to `value`, with its label.
fn choice_radio(
    choice: RwSignal<Choice>,
    value: Choice,
    id: &'static str,
    label: String,
) -> impl IntoView {
    view! {
        <div class="radio">
            <input
                type="radio"
                id=id
                name="choice"
                checked=move || choice.get() == value
                on:change=move |_| choice.set(value)
            />
            <label for=id>{label}</label>
        </div>
    }
}

/// Where a created payment leads: the gateway while it waits for the card,
/// its status page when this very payment was already settled (a repeat of
/// a payment made before, e.g. after «Назад»). `Err` with the message to
/// show when the gateway's address is not a web page to follow.
fn go_on(
    payment: &Payment,
    navigate: &impl Fn(&str, leptos_router::NavigateOptions),
) -> Result<(), &'static str> {
    match (&payment.status, &payment.confirmation_url) {
        (PaymentStatus::Pending, Some(url)) => {
            let url = payment_page_url(url)?;
            // An address the browser still cannot read throws here.
            window()
                .location()
                .assign(url)
                .map_err(|_| payment_page::UNUSABLE)
        }
        _ => {
            navigate(&Route::Payment(&payment.id).path(), Default::default());
            Ok(())
        }
    }
}

/// Without an answer we cannot know whether the payment was created; the
/// same key makes pressing again safe, and the subscriber is told so.
fn unsure_message(error: &ApiError) -> String {
    match error {
        ApiError::Network | ApiError::Unexpected(_) | ApiError::Malformed => format!(
            "{error} Если платёж успел создаться, повторное нажатие «Перейти к оплате» откроет его же: второй платёж не создаётся."
        ),
        _ => error.to_string(),
    }
}
