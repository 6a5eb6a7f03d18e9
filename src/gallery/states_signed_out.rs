//! The states of the pages a visitor sees signed out: registration and its
//! confirmation, login, password recovery, the agreement, not-found; and
//! the page of design tokens.

use super::Part::*;
use super::Screen::*;
use super::shared::{SUBMIT, as_is, never, offline};
use super::{State, state};
use crate::api::stub::Canned;
use crate::gallery::sample::{problem, rate_limited, server_error};
use crate::gallery::steps::Step::{self, Type};
use crate::gallery::world::World;

fn signed_out(world: &mut World) {
    world.user = None;
}

const EMAIL: Step = Type("email", "abonent@example.ru");
const BAD_EMAIL: Step = Type("email", "abonent@");
const PASSWORD: Step = Type("password", "gaz2026");
const REPEAT: Step = Type("password_repeat", "gaz2026");
const REGISTRATION: &[Step] = &[EMAIL, PASSWORD, REPEAT, SUBMIT];
const LOGIN: &[Step] = &[EMAIL, PASSWORD, SUBMIT];
const NEW_PASSWORD: &[Step] = &[PASSWORD, REPEAT, SUBMIT];
const TOKEN: &str = "?token=gallery";

fn token_expired() -> Canned {
    problem(410, "token_expired", "Срок действия ссылки истёк.", &[])
}

/// The group's states, each screen's in the order of the index.
pub(super) const STATES: &[State] = &[
    state(
        Register,
        "empty",
        "Пустая форма, «Защита от роботов» пройдена",
        signed_out,
    )
    .parts(&[Nav, RobotCheck]),
    state(
        Register,
        "checking",
        "Идёт проверка «Защита от роботов»",
        signed_out,
    )
    .answer("GET", "/captcha", never)
    .parts(&[RobotCheck]),
    state(
        Register,
        "check-failed",
        "Проверка не пройдена: «Повторить проверку»",
        signed_out,
    )
    .answer("GET", "/captcha", offline)
    .parts(&[RobotCheck]),
    state(
        Register,
        "field-errors",
        "Ошибка в каждом поле и сводка ошибок",
        signed_out,
    )
    .steps(&[
        BAD_EMAIL,
        Type("password", "парольчик"),
        Type("password_repeat", "gaz"),
        SUBMIT,
    ]),
    state(
        Register,
        "waiting",
        "Кнопка нажата во время проверки: форма отправится сама",
        signed_out,
    )
    .answer("GET", "/captcha", never)
    .steps(REGISTRATION)
    .parts(&[RobotCheck]),
    state(
        Register,
        "in-flight",
        "Запрос отправлен: кнопка недоступна",
        signed_out,
    )
    .answer("POST", "/registrations", never)
    .steps(REGISTRATION),
    state(
        RegisterDone,
        "default",
        "Регистрация прошла, письмо отправлено",
        signed_out,
    )
    .query("?email=abonent%40example.ru&until=2026-03-23"),
    state(Confirm, "success", "Регистрация подтверждена", as_is),
    state(Confirm, "in-flight", "Подтверждение идёт", signed_out).answer(
        "POST",
        "/registrations/confirm",
        never,
    ),
    state(Confirm, "expired", "Ссылка устарела", signed_out).answer(
        "POST",
        "/registrations/confirm",
        token_expired,
    ),
    state(
        Confirm,
        "invalid",
        "Ссылка недействительна или уже использована",
        signed_out,
    )
    .answer("POST", "/registrations/confirm", || {
        problem(404, "token_invalid", "Ссылка недействительна.", &[])
    }),
    state(
        Confirm,
        "api-error",
        "Сбой сервера: «Повторить»",
        signed_out,
    )
    .answer("POST", "/registrations/confirm", server_error),
    state(Login, "empty", "Пустая форма", signed_out).parts(&[Nav, Field]),
    state(
        Login,
        "field-errors",
        "Ошибка в каждом поле и сводка ошибок",
        signed_out,
    )
    .steps(&[BAD_EMAIL, SUBMIT])
    .parts(&[Field, Summary]),
    state(
        Login,
        "wrong-password",
        "Неверный e-mail или пароль",
        signed_out,
    )
    .answer("POST", "/session", || {
        problem(
            401,
            "invalid_credentials",
            "Неверный e-mail или пароль.",
            &[],
        )
    })
    .steps(LOGIN)
    .parts(&[Summary]),
    state(
        Login,
        "in-flight",
        "Запрос отправлен: кнопка недоступна",
        signed_out,
    )
    .answer("POST", "/session", never)
    .steps(LOGIN),
    state(
        Login,
        "api-error",
        "Сбой сервера: введённые данные сохранены",
        signed_out,
    )
    .answer("POST", "/session", server_error)
    .steps(LOGIN)
    .parts(&[Summary]),
    state(
        Login,
        "rate-limited",
        "Слишком много попыток: обратный отсчёт",
        signed_out,
    )
    .answer("POST", "/session", || rate_limited("42"))
    .steps(LOGIN)
    .parts(&[Countdown]),
    state(Recover, "empty", "Пустая форма", signed_out),
    state(Recover, "field-errors", "Ошибка в поле e-mail", signed_out).steps(&[BAD_EMAIL, SUBMIT]),
    state(Recover, "sent", "Письмо со ссылкой отправлено", signed_out).steps(&[EMAIL, SUBMIT]),
    state(RecoverConfirm, "empty", "Пустая форма", signed_out).query(TOKEN),
    state(
        RecoverConfirm,
        "field-errors",
        "Ошибка в каждом поле: 11-й символ пароля",
        signed_out,
    )
    .query(TOKEN)
    .steps(&[
        Type("password", "gaz20261234"),
        Type("password_repeat", "gaz"),
        SUBMIT,
    ]),
    state(RecoverConfirm, "done", "Пароль изменён", signed_out)
        .query(TOKEN)
        .steps(NEW_PASSWORD),
    state(RecoverConfirm, "expired", "Ссылка устарела", signed_out)
        .query(TOKEN)
        .answer("POST", "/password-resets/confirm", token_expired)
        .steps(NEW_PASSWORD),
    state(RecoverConfirm, "no-token", "Ссылка без ключа", signed_out),
    state(Agreement, "default", "Текст соглашения", signed_out),
    state(NotFound, "default", "Нет такой страницы", signed_out),
    state(Tokens, "all", "Цвета, отступы, шрифт, блоки", signed_out),
];
