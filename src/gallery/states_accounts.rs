//! The states of the home page and the accounts: the list, linking one, an
//! account's page, its readings.

use super::Part::*;
use super::Screen::*;
use super::shared::{
    HUGE_READING, SUBMIT, as_is, never, no_accounts, offline, overpaid, reading_anomaly,
    several_accounts,
};
use super::{State, state};
use crate::gallery::sample::{self, account_locked, problem, rate_limited};
use crate::gallery::steps::Step::{self, Choose, Click, Type};
use crate::gallery::world::World;

fn unconfirmed(world: &mut World) {
    world.user = Some(sample::user(false));
}

fn settled(world: &mut World) {
    world.accounts = vec![sample::settled()];
}

const VORONEZH: Step = Choose("supplier_id", "voronezh");
const KIROV: Step = Choose("supplier_id", "kirov");
/// The group's states, each screen's in the order of the index.
pub(super) const STATES: &[State] = &[
    state(
        Home,
        "unconfirmed",
        "Регистрация не подтверждена: баннер",
        unconfirmed,
    )
    .parts(&[Banner]),
    state(
        Home,
        "unconfirmed-resent",
        "Новая ссылка выслана",
        unconfirmed,
    )
    .steps(&[Click(".banner button")])
    .parts(&[Banner]),
    state(
        Home,
        "unconfirmed-rate-limited",
        "«Выслать ссылку» слишком часто: обратный отсчёт",
        unconfirmed,
    )
    .answer("POST", "/registrations/resend", || rate_limited("300"))
    .steps(&[Click(".banner button")])
    .parts(&[Banner, Countdown]),
    state(Home, "no-accounts", "Нет подключённых счетов", no_accounts),
    state(Home, "one-account", "Один счёт, задолженность", as_is).parts(&[Nav, Card]),
    state(
        Home,
        "several-accounts",
        "Несколько счетов: задолженность, переплата, без долга",
        several_accounts,
    )
    .parts(&[Card]),
    state(Home, "loading", "Загрузка счетов", as_is)
        .answer("GET", "/accounts", never)
        .parts(&[Remote]),
    state(
        Home,
        "api-error",
        "Нет связи с сервером: «Повторить»",
        as_is,
    )
    .answer("GET", "/accounts", offline)
    .parts(&[Remote]),
    state(Accounts, "several", "Несколько счетов", several_accounts).parts(&[Card]),
    state(Accounts, "none", "Нет подключённых счетов", no_accounts),
    state(LinkAccount, "empty", "Пустая форма", as_is).parts(&[SupplierSelect]),
    state(
        LinkAccount,
        "field-errors",
        "Ошибка в каждом поле и сводка ошибок",
        as_is,
    )
    .steps(&[Type("number", "36000000011"), SUBMIT])
    .parts(&[Field, SupplierSelect]),
    state(
        LinkAccount,
        "hint-open",
        "Подсказка к номеру счёта открыта",
        as_is,
    )
    .steps(&[VORONEZH, Click("button[aria-controls='number-help']")])
    .parts(&[Hint]),
    state(
        LinkAccount,
        "meter-serial",
        "Поставщик просит заводской номер счетчика: подсказка открыта",
        as_is,
    )
    .steps(&[
        VORONEZH,
        Type("number", "3600000001"),
        Type("proof", "СГ-100001"),
        Click("button[aria-controls='proof-help']"),
    ])
    .parts(&[Hint]),
    state(
        LinkAccount,
        "last-bill",
        "Поставщик просит сумму последнего начисления: подсказка открыта",
        as_is,
    )
    .steps(&[KIROV, Click("button[aria-controls='proof-help']")])
    .parts(&[Hint]),
    state(
        LinkAccount,
        "proof-empty",
        "Данные квитанции не введены",
        as_is,
    )
    .steps(&[VORONEZH, Type("number", "3600000001"), SUBMIT])
    .parts(&[Field]),
    state(
        LinkAccount,
        "proof-error",
        "Сумма начисления введена не числом",
        as_is,
    )
    .steps(&[
        KIROV,
        Type("number", "4300000002"),
        Type("proof", "тысяча"),
        SUBMIT,
    ])
    .parts(&[Field]),
    state(
        LinkAccount,
        "not-found",
        "Счёт с такими данными не найден (номер или данные квитанции)",
        as_is,
    )
    .answer("POST", "/accounts", || {
        problem(
            404,
            "account_not_found",
            "Лицевой счет с такими данными не найден у поставщика «Межрегионгаз Воронеж». Проверьте номер и данные квитанции.",
            &[],
        )
    })
    .steps(&[
        VORONEZH,
        Type("number", "3699999999"),
        Type("proof", "СГ-100001"),
        SUBMIT,
    ]),
    state(
        LinkAccount,
        "locked",
        "Слишком много неудачных попыток для номера: отсчёт",
        as_is,
    )
    .answer("POST", "/accounts", || account_locked("3540"))
    .steps(&[
        VORONEZH,
        Type("number", "3600000001"),
        Type("proof", "СГ-999999"),
        SUBMIT,
    ]),
    state(LinkAccount, "already-linked", "Счёт уже подключён", as_is)
        .answer("POST", "/accounts", || {
            problem(409, "already_linked", "Лицевой счет уже подключен.", &[])
        })
        .steps(&[VORONEZH, Type("number", "3600000001"), Type("proof", "СГ-100001"), SUBMIT]),
    state(
        LinkAccount,
        "linked",
        "Счёт подключён (пробелы из номера убраны)",
        as_is,
    )
    .steps(&[
        KIROV,
        Type("number", "43 0000 0002"),
        Type("proof", "1 050,00"),
        SUBMIT,
    ]),
    state(
        LinkAccount,
        "api-error",
        "Список поставщиков не загрузился",
        as_is,
    )
    .answer("GET", "/suppliers", offline)
    .parts(&[Remote]),
    state(
        Account,
        "debt",
        "Задолженность; платежи: ожидает, оплачен, отменён",
        as_is,
    ),
    state(
        Account,
        "overpayment",
        "Переплата; два счетчика, один без показаний; платежей нет",
        |w| {
            overpaid(w);
            w.history = serde_json::json!([]);
        },
    ),
    state(
        Account,
        "zero",
        "Без долга; нет счетчиков и тарифов",
        |w| {
            settled(w);
            w.history = serde_json::json!([]);
        },
    ),
    state(Account, "hint-open", "Подсказка «Баланс» открыта", as_is)
        .steps(&[Click("button[aria-controls='balance-help']")])
        .parts(&[Hint]),
    state(Account, "not-found", "Счёт не найден", as_is)
        .answer("GET", "/accounts/*", || {
            let detail = "Лицевой счет не найден или не подключен к Вашему Личному кабинету.";
            problem(404, "account_not_found", detail, &[])
        })
        .parts(&[Remote]),
    state(Readings, "open", "Приём показаний открыт", as_is).parts(&[Meters]),
    state(
        Readings,
        "two-meters",
        "Два счетчика, один без показаний",
        overpaid,
    )
    .parts(&[Meters]),
    state(
        Readings,
        "closed",
        "Приём показаний закрыт",
        |w| {
            w.accounts = vec![sample::window_closed(sample::in_debt())];
        },
    ),
    state(Readings, "no-meters", "Счетчиков нет", settled),
    state(
        Readings,
        "field-errors",
        "Показания меньше предыдущих",
        as_is,
    )
    .steps(&[Type("reading-1", "12000"), SUBMIT])
    .parts(&[Meters, Field]),
    state(
        Readings,
        "anomaly",
        "Необычно большие показания: «Подтвердить и отправить»",
        as_is,
    )
    .answer("POST", "/accounts/*/readings", reading_anomaly)
    .steps(&[HUGE_READING, SUBMIT])
    .parts(&[Meters, Summary]),
    state(Readings, "sent", "Показания приняты", as_is)
        .steps(&[Type("reading-1", "12400,5"), SUBMIT]),
];
