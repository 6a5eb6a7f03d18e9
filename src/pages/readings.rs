use leptos::{either::Either, prelude::*};
use leptos_router::components::A;

use crate::api::readings::{self, NewReading};
use crate::api::{
    ApiError, accounts,
    types::{Account, Meter},
};
use crate::components::form_shell::{Buttons, FormShell};
use crate::components::hint::Hint;
use crate::components::meter_readings::{MeterInputs, MeterReadingFields};
use crate::components::outcome::Outcome;
use crate::components::remote::Remote;
use crate::components::send_or_confirm::SendOrConfirm;
use crate::components::title::Title;
use crate::form::{Form, FormError};
use crate::routes::{Route, use_id};
use crate::rules::account_number::account_title;
use crate::rules::reading::{reading_days, reading_with_unit};
use crate::rules::typography::{address, numbered};

/// `/accounts/{id}/readings` — «Передача показаний».
#[component]
pub fn ReadingsPage() -> impl IntoView {
    let id = use_id();
    let account = LocalResource::new(move || accounts::account(id()));
    view! {
        <Title text="Передача показаний" />
        <p class="back">
            <A href=move || Route::Account(&id()).path()>"← к лицевому счету"</A>
        </p>
        <Hint
            id="readings-help"
            topic="Передача показаний"
            text="Перепишите цифры со счетчика газа слева направо, включая нули в начале можно не писать. Красные цифры после запятой (литры) можно указать через запятую или не указывать. Показания не могут быть меньше предыдущих."
        >
            <h1>"Передача показаний"</h1>
        </Hint>
        <Remote resource=account children=|account| view! { <ReadingsForm account=account /> } />
    }
}

#[component]
fn ReadingsForm(account: Account) -> impl IntoView {
    let id = account.summary.id.clone();
    let window = account.summary.readings_window.clone();
    let heading = format!(
        "{}, {}",
        account_title(&account.summary.number),
        address(&account.summary.address)
    );
    if account.meters.is_empty() {
        return Either::Left(view! {
            <p>{heading}</p>
            <p>
                "По этому лицевому счету нет приборов учёта: начисление идёт по нормативу, показания передавать не нужно."
            </p>
        }.into_any());
    }
    if !window.open {
        return Either::Left(
            view! {
                <p>{heading}</p>
                <p class="warning">
                    {format!(
                        "{} Передайте их в эти дни.",
                        reading_days(window.from_day, window.to_day),
                    )}
                </p>
            }
            .into_any(),
        );
    }
    let meters = StoredValue::new(account.meters.clone());
    let inputs = MeterInputs::new(account.meters);
    // Readings are named by their place in what was sent: `inputs` spreads them.
    let form = Form::new(&[]);
    // The API found an unusually large reading: asked to confirm before sending.
    // What it said: a warning with the choice to confirm, not an error.
    let anomaly = RwSignal::new(None::<Vec<String>>);
    // What was accepted, each reading with the meter it was sent for (the
    // API answers them in the order sent).
    let send = Action::new_local({
        let id = id.clone();
        move |(readings, confirm): &(Vec<NewReading>, bool)| {
            let (id, readings, confirm) = (id.clone(), readings.clone(), *confirm);
            async move {
                let accepted = readings::send(id, readings.clone(), confirm).await?;
                Ok::<_, ApiError>(
                    readings
                        .into_iter()
                        .map(|r| r.meter_id)
                        .zip(accepted)
                        .collect::<Vec<_>>(),
                )
            }
        }
    });
    Effect::new(move || {
        let Some(Err(error)) = send.value().get() else {
            return;
        };
        if error.code() == Some("reading_anomaly") {
            anomaly.set(Some(inputs.anomaly_notes(&error)));
            return form.show(Vec::new());
        }
        let mut lines = inputs.field_errors(&error);
        if matches!(error, ApiError::TooManyRequests { .. }) {
            // A 429 counts down, as in every form.
            return form.fail(&error);
        } else if lines.is_empty() {
            lines.push(FormError::from_api(&error));
        }
        form.show(lines);
    });

    let submit = move |confirm: bool| {
        let (errors, readings) = inputs.check();
        if errors.is_empty() {
            send.dispatch((readings, confirm));
        } else {
            anomaly.set(None);
        }
        form.show(errors);
    };

    let days = reading_days(window.from_day, window.to_day);
    let back = Route::Account(&id).path();
    Either::Right(view! {
        <p>{heading.clone()}</p>
        <p>{days}</p>
        {move || match send.value().get() {
            Some(Ok(accepted)) => {
                let back = back.clone();
                Either::Left(
                    view! {
                        <Outcome title="Показания приняты. Спасибо!">
                            <ul class="accepted">
                                {accepted
                                    .into_iter()
                                    .map(|(meter_id, reading)| {
                                        view! {
                                            <li>{accepted_line(meters, &meter_id, &reading.value)}</li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            <p>
                                "Поставщик учтёт их в следующем начислении. На странице лицевого счета они показаны как последние показания."
                            </p>
                            <p class="panel-actions">
                                <A href=back attr:class="button primary">
                                    "К лицевому счету"
                                </A>
                            </p>
                        </Outcome>
                    },
                )
            }
            _ => {
                Either::Right(
                    view! {
                        <FormShell form=form on_submit=move || submit(false) busy=send.pending()>
                            <MeterReadingFields inputs=inputs />
                            <Buttons slot>
                                <SendOrConfirm
                                    form=form
                                    anomaly=anomaly
                                    busy=send.pending()
                                    send="Передать показания"
                                    confirm="Подтвердить и отправить"
                                    busy_text="Отправляем…"
                                    on_confirm=move || submit(true)
                                    recheck="Проверить ещё раз"
                                />
                            </Buttons>
                        </FormShell>
                    },
                )
            }
        }}
    })
}

/// One accepted reading as the outcome names it: its meter, the value and
/// the unit («Газоснабжение, счетчик № СГ-100001: 12 400,5 м³»).
fn accepted_line(meters: StoredValue<Vec<Meter>>, meter_id: &str, value: &str) -> String {
    meters.with_value(|meters| match meters.iter().find(|m| m.id == meter_id) {
        Some(meter) => format!(
            "{}, счетчик {}: {}",
            meter.service,
            numbered(&meter.serial),
            reading_with_unit(value, &meter.unit)
        ),
        None => reading_with_unit(value, ""),
    })
}
