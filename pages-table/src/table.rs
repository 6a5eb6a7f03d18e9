//! The table itself: one row per page.

use crate::Section::{Accounts, Home, Pay, Settings};
use crate::{Access, Page};

/// Calls `$callback! { rows }` with the rows of the table, one per page:
///
/// `view: group => Component, "pattern", Access, section, prerendered, then,`
///
/// - `view`: the page's file in `src/pages/` and its function in
///   `lazy_routes.rs`; `Component` the page's component in that file;
/// - `group`: the wasm module the page is split into (`lazy_routes.rs` says
///   why these four);
/// - `"pattern"`: its path, `:id` one segment; `Access`: who may open it;
/// - `section`: its section of the signed-in navigation, if any;
/// - `prerendered`: the address `cargo xtask dist` saves it from, if any
///   (the pages a visitor opens first, from a bookmark or a mail; the two
///   links of mails carry a token, so that the page saved is the one a
///   visitor with the link sees first; `/` is saved as the frame it shows
///   before the session check answers, `components/home_intro.rs`);
/// - `then`: on a public page, the page a visitor goes to next (after
///   /login, home), whose group the loader prefetches once the page is up;
///   a cabinet page prefetches the groups of the menu's sections instead.
///
/// Its order is the route table's.
#[macro_export]
macro_rules! pages {
    ($callback:ident) => {
        $callback! {
            register: forms => RegisterPage, "/register", Public, None, Some("/register"), Some("/register/done"),
            register_done: forms => RegisterDonePage, "/register/done", Public, None, None, Some("/login"),
            confirm: forms => ConfirmPage, "/confirm", Public, None, Some("/confirm?token=prerendered"), Some("/accounts/link"),
            login: login => LoginPage, "/login", Public, None, Some("/login"), Some("/"),
            agreement: forms => AgreementPage, "/agreement", Public, None, Some("/agreement"), Some("/register"),
            recover: forms => RecoverPage, "/recover", Public, None, Some("/recover"), None,
            recover_confirm: forms => RecoverConfirmPage, "/recover/confirm", Public, None, Some("/recover/confirm?token=prerendered"), Some("/login"),
            home: home => HomePage, "/", SignedIn, Some(Home), Some("/"), None,
            settings: cabinet => SettingsPage, "/settings", SignedIn, Some(Settings), None, None,
            accounts: home => AccountsPage, "/accounts", Confirmed, Some(Accounts), None, None,
            link_account: cabinet => LinkAccountPage, "/accounts/link", Confirmed, Some(Accounts), None, None,
            account: cabinet => AccountPage, "/accounts/:id", Confirmed, Some(Accounts), None, None,
            pay: cabinet => PayPage, "/accounts/:id/pay", Confirmed, Some(Pay), None, None,
            readings: cabinet => ReadingsPage, "/accounts/:id/readings", Confirmed, Some(Accounts), None, None,
            payment_status: cabinet => PaymentStatusPage, "/payments/:id", Confirmed, Some(Pay), None, None,
            choose_account_to_pay: home => ChooseAccountToPayPage, "/pay", Confirmed, Some(Pay), None, None,
        }
    };
}

macro_rules! table {
    ($($view:ident: $group:ident => $component:ident, $pattern:literal, $access:ident,
       $section:expr, $prerender:expr, $then:expr,)*) => {
        /// Every page, in the order of the route table.
        pub const PAGES: &[Page] = &[$(Page {
            pattern: $pattern,
            view: stringify!($view),
            group: stringify!($group),
            access: Access::$access,
            section: $section,
            prerender: $prerender,
            then: $then,
        },)*];
    };
}

pages!(table);

/// The pattern of every page, as [`PAGES`] lists them.
pub const PATTERNS: [&str; PAGES.len()] = {
    let mut patterns = [""; PAGES.len()];
    let mut i = 0;
    while i < patterns.len() {
        patterns[i] = PAGES[i].pattern;
        i += 1;
    }
    patterns
};
