//! The states of paying online: choosing the account, the payment form, a
//! payment's status.

use super::Part::*;
use super::Screen::*;
use super::shared::{
    HUGE_READING, SUBMIT, as_is, never, offline, overpaid, reading_anomaly, several_accounts,
};
use super::{State, state};
use crate::gallery::sample;
use crate::gallery::steps::Step::{self, Click, Type};

const WITH_READINGS: Step = Click("#pay-readings");
/// The group's states, each screen's in the order of the index.
pub(super) const STATES: &[State] = &[
    state(PayChoice, "several", "Несколько счетов", several_accounts),
    state(Pay, "debt", "Оплата по текущему долгу", as_is),
    state(Pay, "overpayment", "Долга нет: своя сумма", overpaid).parts(&[Field]),
    state(
        Pay,
        "own-amount",
        "Своя сумма: поле под своим выбором",
        as_is,
    )
    .steps(&[Click("#pay-own")])
    .parts(&[Field]),
    state(Pay, "amount-error", "Ошибка в сумме", as_is).steps(&[
        Click("#pay-own"),
        Type("amount_kop", "12,345"),
        SUBMIT,
    ]),
    state(Pay, "with-readings", "С передачей показаний", as_is)
        .steps(&[WITH_READINGS])
        .parts(&[Meters]),
    state(
        Pay,
        "reading-anomaly",
        "Необычно большие показания: подтверждение",
        as_is,
    )
    .answer("POST", "/accounts/*/payments", reading_anomaly)
    .steps(&[WITH_READINGS, HUGE_READING, SUBMIT])
    .parts(&[Meters]),
    state(
        Pay,
        "in-flight",
        "Платёж создаётся: кнопка недоступна",
        as_is,
    )
    .answer("POST", "/accounts/*/payments", never)
    .steps(&[SUBMIT]),
    state(
        Pay,
        "api-error",
        "Нет связи: повторное нажатие не создаст второй платёж",
        as_is,
    )
    .answer("POST", "/accounts/*/payments", offline)
    .steps(&[SUBMIT]),
    state(Payment, "pending", "Ожидает подтверждения", as_is),
    state(Payment, "paid", "Оплачен", |w| {
        w.payment = sample::payment("p3", 123_456, "succeeded", "2026-03-16T06:00:00Z");
    }),
    state(Payment, "cancelled", "Отменён", |w| {
        w.payment = sample::payment("p3", 123_456, "canceled", "2026-03-16T06:00:00Z");
    }),
];
