//! The catalogue: every screen in each of its states. A state is the real
//! page, the API's answers it gets (a [`World`]) and what the subscriber did
//! on it ([`Step`]s). Here the screens, the shared components and what a
//! state is; the states themselves are listed by screen group in
//! `states_<group>.rs` beside it.

use leptos::prelude::*;

use super::steps::Step;
use super::tokens::TokensPage;
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

// The states by screen group, in files beside this one (`states_*.rs`).
#[path = "states_accounts.rs"]
mod accounts;
#[path = "states_payments.rs"]
mod payments;
#[path = "states_settings.rs"]
mod settings;
#[path = "states_shared.rs"]
mod shared;
#[path = "states_signed_out.rs"]
mod signed_out;

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
    /// Not a screen: the design tokens every screen is drawn with.
    Tokens,
}

impl Screen {
    pub const ALL: [Self; 18] = [
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
        Self::Tokens,
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
            Self::Tokens => ("tokens", None, "Токены: цвета, отступы, шрифт"),
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
            Self::Tokens => view! { <TokensPage /> }.into_any(),
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
    all().find(|s| s.screen.about().0 == screen && s.key == key)
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

/// The states, by screen group.
static GROUPS: [&[State]; 4] = [
    signed_out::STATES,
    accounts::STATES,
    payments::STATES,
    settings::STATES,
];

/// Every state, screen by screen in the order of [`Screen::ALL`] (the
/// index's), each screen's in the order its group lists them.
pub fn all() -> impl Iterator<Item = &'static State> {
    Screen::ALL.into_iter().flat_map(|screen| {
        GROUPS
            .iter()
            .flat_map(|group| group.iter())
            .filter(move |state| state.screen == screen)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_has_states_and_every_address_is_one_state() {
        for screen in Screen::ALL {
            assert!(all().any(|s| s.screen == screen), "{screen:?}");
        }
        for part in Part::ALL {
            assert!(all().any(|s| s.parts.contains(&part)), "{part:?}");
        }
        for state in all() {
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
