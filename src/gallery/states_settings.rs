//! The states of «Настройки абонента».

use super::Part::*;
use super::Screen::*;
use super::shared::{SUBMIT, as_is, no_accounts, several_accounts};
use super::{State, state};
use crate::gallery::sample::problem;
use crate::gallery::steps::Step::{self, Click, Type};

const PASSWORD_CHANGE: &[Step] = &[
    Type("current_password", "stary2025"),
    Type("new_password", "gaz2026"),
    Type("new_password_repeat", "gaz2026"),
    SUBMIT,
];

/// The group's states, each screen's in the order of the index.
pub(super) const STATES: &[State] = &[
    state(
        Settings,
        "filled",
        "Логин, смена пароля, подключённые счета",
        several_accounts,
    ),
    state(Settings, "no-accounts", "Нет подключённых ЛС", no_accounts),
    state(
        Settings,
        "field-errors",
        "Ошибка в каждом поле и сводка ошибок",
        as_is,
    )
    .steps(&[
        Type("new_password", "gaz"),
        Type("new_password_repeat", "gaz1"),
        SUBMIT,
    ]),
    state(Settings, "wrong-password", "Текущий пароль неверен", as_is)
        .answer("PUT", "/me/password", || {
            let wrong = "Текущий пароль указан неверно.";
            problem(403, "wrong_password", wrong, &[("current_password", wrong)])
        })
        .steps(PASSWORD_CHANGE),
    state(Settings, "changed", "Пароль изменён", as_is).steps(PASSWORD_CHANGE),
    state(
        Settings,
        "dialog-open",
        "Отключение счёта: диалог подтверждения",
        several_accounts,
    )
    .steps(&[Click("ul.linked button")])
    .parts(&[Dialog]),
    state(
        Settings,
        "hint-open",
        "Подсказка «Смена пароля» открыта",
        as_is,
    )
    .steps(&[Click("button[aria-controls='password-help']")])
    .parts(&[Hint]),
];
