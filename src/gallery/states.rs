//! The catalogue: every screen in each of its states. A state is the real
//! page, the API's answers it gets (a [`World`]) and what the subscriber did
//! on it ([`Step`]s).

use leptos::prelude::*;

use super::sample::{self, account_locked, problem, rate_limited, server_error};
use super::steps::Step::{self, Choose, Click, Type};
use super::world::World;
use crate::api::stub::Canned;
use crate::pages::{
    account::AccountPage, accounts::AccountsPage, agreement::AgreementPage,
    choose_account_to_pay::ChooseAccountToPayPage, confirm::ConfirmPage, home::HomePage,
    link_account::LinkAccountPage, login::LoginPage, not_found::NotFoundPage, pay::PayPage,
    payment_status::PaymentStatusPage, readings::ReadingsPage, recover::RecoverPage,
    recover_confirm::RecoverConfirmPage, register::RegisterPage, register_done::RegisterDonePage,
    settings::SettingsPage,
};
use crate::routes::Route;

/// How the index writes the id of an account or a payment.
const ID: &str = "{id}";

/// The screens of the cabinet, one per page of `src/pages/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Register,
    RegisterDone,
    Confirm,
    Login,
    Recover,
    RecoverConfirm,
    Agreement,
    Home,
    Accounts,
    PayChoice,
    LinkAccount,
    Account,
    Pay,
    Payment,
    Readings,
    Settings,
    NotFound,
}

impl Screen {
    pub const ALL: [Self; 17] = [
        Self::Register,
        Self::RegisterDone,
        Self::Confirm,
        Self::Login,
        Self::Recover,
        Self::RecoverConfirm,
        Self::Agreement,
        Self::Home,
        Self::Accounts,
        Self::PayChoice,
        Self::LinkAccount,
        Self::Account,
        Self::Pay,
        Self::Payment,
        Self::Readings,
        Self::Settings,
        Self::NotFound,
    ];

    /// Its segment of the gallery's addresses, its route in the app (none
    /// for not-found), its name.
    pub fn about(self) -> (&'static str, Option<Route<'static>>, &'static str) {
        match self {
            Self::Register => ("register", Some(Route::Register), "Регистрация"),
            Self::RegisterDone => (
                "register-done",
                Some(Route::RegisterDone),
                "Проверьте почту",
            ),
            Self::Confirm => ("confirm", Some(Route::Confirm), "Подтверждение регистрации"),
            Self::Login => ("login", Some(Route::Login), "Вход"),
            Self::Recover => ("recover", Some(Route::Recover), "Восстановление пароля"),
            Self::RecoverConfirm => (
                "recover-confirm",
                Some(Route::RecoverConfirm),
                "Новый пароль",
            ),
            Self::Agreement => (
                "agreement",
                Some(Route::Agreement),
                "Пользовательское соглашение",
            ),
            Self::Home => ("home", Some(Route::Home), "Главная"),
            Self::Accounts => ("accounts", Some(Route::Accounts), "Лицевые счета"),
            Self::PayChoice => (
                "pay-choice",
                Some(Route::ChooseAccountToPay),
                "Оплата онлайн: выбор счёта",
            ),
            Self::LinkAccount => (
                "link-account",
                Some(Route::LinkAccount),
                "Подключение лицевых счетов",
            ),
            Self::Account => ("account", Some(Route::Account(ID)), "Лицевой счет"),
            Self::Pay => ("pay", Some(Route::Pay(ID)), "Оплата онлайн"),
            Self::Payment => ("payment", Some(Route::Payment(ID)), "Платёж"),
            Self::Readings => ("readings", Some(Route::Readings(ID)), "Передача показаний"),
            Self::Settings => ("settings", Some(Route::Settings), "Настройки абонента"),
            Self::NotFound => ("not-found", None, "Страница не найдена"),
        }
    }

    /// The page itself.
    pub fn view(self) -> AnyView {
        match self {
            Self::Register => view! { <RegisterPage /> }.into_any(),
            Self::RegisterDone => view! { <RegisterDonePage /> }.into_any(),
            Self::Confirm => view! { <ConfirmPage /> }.into_any(),
            Self::Login => view! { <LoginPage /> }.into_any(),
            Self::Recover => view! { <RecoverPage /> }.into_any(),
            Self::RecoverConfirm => view! { <RecoverConfirmPage /> }.into_any(),
            Self::Agreement => view! { <AgreementPage /> }.into_any(),
            Self::Home => view! { <HomePage /> }.into_any(),
            Self::Accounts => view! { <AccountsPage /> }.into_any(),
            Self::PayChoice => view! { <ChooseAccountToPayPage /> }.into_any(),
            Self::LinkAccount => view! { <LinkAccountPage /> }.into_any(),
            Self::Account => view! { <AccountPage /> }.into_any(),
            Self::Pay => view! { <PayPage /> }.into_any(),
            Self::Payment => view! { <PaymentStatusPage /> }.into_any(),
            Self::Readings => view! { <ReadingsPage /> }.into_any(),
            Self::Settings => view! { <SettingsPage /> }.into_any(),
            Self::NotFound => view! { <NotFoundPage /> }.into_any(),
        }
    }
}

/// The shared components, for the index's second list: where each is seen
/// in its states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Nav,
    Banner,
    Field,
    Summary,
    Hint,
    RobotCheck,
    Countdown,
    Dialog,
    Remote,
    Card,
    SupplierSelect,
    Meters,
}

impl Part {
    pub const ALL: [Self; 12] = [
        Self::Nav,
        Self::Banner,
        Self::Field,
        Self::Summary,
        Self::Hint,
        Self::RobotCheck,
        Self::Countdown,
        Self::Dialog,
        Self::Remote,
        Self::Card,
        Self::SupplierSelect,
        Self::Meters,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Nav => "Навигация и подвал (вход не выполнен, выполнен)",
            Self::Banner => "Баннер «Подтвердите регистрацию»",
            Self::Field => "Поле ввода: пояснение, ошибка",
            Self::Summary => "Сводка ошибок формы",
            Self::Hint => "Подсказка «?»",
            Self::RobotCheck => "Защита от роботов",
            Self::Countdown => "Слишком много попыток: обратный отсчёт",
            Self::Dialog => "Диалог подтверждения",
            Self::Remote => "Загрузка и ошибка загрузки",
            Self::Card => "Карточка лицевого счета",
            Self::SupplierSelect => "Выбор поставщика",
            Self::Meters => "Показания счетчиков",
        }
    }
}

/// Method, path (`*` for an id), the answer.
type Replacement = (&'static str, &'static str, fn() -> Canned);

pub struct State {
    pub screen: Screen,
    /// Its segment of the gallery's address.
    pub key: &'static str,
    pub title: &'static str,
    /// The query of the address, for pages that read one.
    pub query: &'static str,
    /// Who is signed in and what the API holds, as against [`World::default`].
    pub world: fn(&mut World),
    /// An answer that replaces the world's for one request.
    pub answer: Option<Replacement>,
    /// What the subscriber does on the page.
    pub steps: &'static [Step],
    /// The shared components whose states it shows.
    pub parts: &'static [Part],
}

impl State {
    /// `/gallery/<screen>/<state>?<query>`.
    pub fn href(&self) -> String {
        format!(
            "/gallery/{}/{}{}",
            self.screen.about().0,
            self.key,
            self.query
        )
    }

    /// The API of this state.
    pub fn world(&self) -> World {
        let mut world = World::default();
        (self.world)(&mut world);
        if let Some((method, path, answer)) = self.answer {
            world.answer(method, path, answer());
        }
        world
    }

    const fn query(self, query: &'static str) -> Self {
        Self { query, ..self }
    }

    const fn answer(
        self,
        method: &'static str,
        path: &'static str,
        answer: fn() -> Canned,
    ) -> Self {
        Self {
            answer: Some((method, path, answer)),
            ..self
        }
    }

    const fn steps(self, steps: &'static [Step]) -> Self {
        Self { steps, ..self }
    }

    const fn parts(self, parts: &'static [Part]) -> Self {
        Self { parts, ..self }
    }
}

pub fn find(screen: &str, key: &str) -> Option<&'static State> {
    STATES
        .iter()
        .find(|s| s.screen.about().0 == screen && s.key == key)
}

/// A state of `screen` whose world is `World::default` changed by `world`.
const fn state(
    screen: Screen,
    key: &'static str,
    title: &'static str,
    world: fn(&mut World),
) -> State {
    State {
        screen,
        key,
        title,
        query: "",
        world,
        answer: None,
        steps: &[],
        parts: &[],
    }
}

fn as_is(_: &mut World) {}

fn signed_out(world: &mut World) {
    world.user = None;
}

fn unconfirmed(world: &mut World) {
    world.user = Some(sample::user(false));
}

fn several_accounts(world: &mut World) {
    world.accounts = vec![sample::in_debt(), sample::overpaid(), sample::settled()];
}

fn no_accounts(world: &mut World) {
    world.accounts = Vec::new();
}

fn overpaid(world: &mut World) {
    world.accounts = vec![sample::overpaid()];
}

fn settled(world: &mut World) {
    world.accounts = vec![sample::settled()];
}

const SUBMIT: Step = Click("form button[type=submit]");
const EMAIL: Step = Type("email", "abonent@example.ru");
const BAD_EMAIL: Step = Type("email", "abonent@");
const PASSWORD: Step = Type("password", "gaz2026");
const REPEAT: Step = Type("password_repeat", "gaz2026");
const REGISTRATION: &[Step] = &[EMAIL, PASSWORD, REPEAT, SUBMIT];
const LOGIN: &[Step] = &[EMAIL, PASSWORD, SUBMIT];
const NEW_PASSWORD: &[Step] = &[PASSWORD, REPEAT, SUBMIT];
const PASSWORD_CHANGE: &[Step] = &[
    Type("current_password", "stary2025"),
    Type("new_password", "gaz2026"),
    Type("new_password_repeat", "gaz2026"),
    SUBMIT,
];
const VORONEZH: Step = Choose("supplier_id", "voronezh");
const KIROV: Step = Choose("supplier_id", "kirov");
const WITH_READINGS: Step = Click("#pay-readings");
const HUGE_READING: Step = Type("reading-1", "19999");
const TOKEN: &str = "?token=gallery";

fn never() -> Canned {
    Canned::Never
}

fn offline() -> Canned {
    Canned::Offline
}

fn token_expired() -> Canned {
    problem(410, "token_expired", "Срок действия ссылки истёк.", &[])
}

fn reading_anomaly() -> Canned {
    problem(
        422,
        "reading_anomaly",
        "Показания намного больше обычного. Проверьте их и подтвердите отправку.",
        &[(
            "readings[0].value",
            "Расход 7653,322 м³ намного больше обычного (около 40,000 м³ в месяц). Проверьте показания.",
        )],
    )
}

use Part::*;
use Screen::*;

/// Every state, screen by screen, in the order of the index.
pub static STATES: &[State] = &[
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
    state(PayChoice, "several", "Несколько счетов", several_accounts),
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
    state(Pay, "debt", "Оплата по текущему долгу", as_is),
    state(Pay, "overpayment", "Долга нет: своя сумма", overpaid).parts(&[Field]),
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
    state(NotFound, "default", "Нет такой страницы", signed_out),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_has_states_and_every_address_is_one_state() {
        for screen in Screen::ALL {
            assert!(STATES.iter().any(|s| s.screen == screen), "{screen:?}");
        }
        for part in Part::ALL {
            assert!(STATES.iter().any(|s| s.parts.contains(&part)), "{part:?}");
        }
        for state in STATES {
            let found = find(state.screen.about().0, state.key).expect("found");
            assert!(std::ptr::eq(found, state), "{} is not unique", state.href());
            assert!(
                state
                    .key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                state.key
            );
        }
    }
}
