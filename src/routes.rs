//! Every page of the app in one place: links, redirects and the navigation
//! write `Route::Account(id).path()` instead of spelling paths. The route
//! table in `app.rs` declares each [`Route::pattern`] with `path!` (a macro
//! that takes only a literal); the test `the_route_table_declares_every_route`
//! keeps the two equal, and `rules::return_path` accepts a way back after
//! login only to one of [`Route::PATTERNS`].

use leptos::{Params, prelude::*};
use leptos_router::{hooks::use_params, params::Params};

/// A page of the app; the pages of one account or payment carry its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route<'a> {
    Home,
    Register,
    RegisterDone,
    Confirm,
    Login,
    Agreement,
    Recover,
    RecoverConfirm,
    Accounts,
    LinkAccount,
    Account(&'a str),
    Pay(&'a str),
    Readings(&'a str),
    Payment(&'a str),
    /// `/pay`, «Оплата онлайн» of the navigation: which account to pay for.
    ChooseAccountToPay,
    Settings,
}

impl<'a> Route<'a> {
    /// Every page, in the order of the route table.
    pub const ALL: [Route<'static>; 16] = [
        Route::Register,
        Route::RegisterDone,
        Route::Confirm,
        Route::Login,
        Route::Agreement,
        Route::Recover,
        Route::RecoverConfirm,
        Route::Home,
        Route::Settings,
        Route::Accounts,
        Route::LinkAccount,
        Route::Account(ID),
        Route::Pay(ID),
        Route::Readings(ID),
        Route::Payment(ID),
        Route::ChooseAccountToPay,
    ];

    /// The pattern of every page, as the route table declares it.
    pub const PATTERNS: [&'static str; 16] = {
        let mut patterns = [""; 16];
        let mut i = 0;
        while i < patterns.len() {
            patterns[i] = Route::ALL[i].pattern();
            i += 1;
        }
        patterns
    };

    /// The route's pattern, `:id` standing for the id (one path segment).
    pub const fn pattern(&self) -> &'static str {
        match self {
            Self::Home => "/",
            Self::Register => "/register",
            Self::RegisterDone => "/register/done",
            Self::Confirm => "/confirm",
            Self::Login => "/login",
            Self::Agreement => "/agreement",
            Self::Recover => "/recover",
            Self::RecoverConfirm => "/recover/confirm",
            Self::Accounts => "/accounts",
            Self::LinkAccount => "/accounts/link",
            Self::Account(_) => "/accounts/:id",
            Self::Pay(_) => "/accounts/:id/pay",
            Self::Readings(_) => "/accounts/:id/readings",
            Self::Payment(_) => "/payments/:id",
            Self::ChooseAccountToPay => "/pay",
            Self::Settings => "/settings",
        }
    }

    /// The address of the page, e.g. `/accounts/a1/pay`: its pattern with
    /// the id in place of `:id` (the test `paths_follow_the_patterns` keeps
    /// the two equal).
    pub fn path(&self) -> String {
        match self {
            Self::Account(id) => format!("/accounts/{id}"),
            Self::Pay(id) => format!("/accounts/{id}/pay"),
            Self::Readings(id) => format!("/accounts/{id}/readings"),
            Self::Payment(id) => format!("/payments/{id}"),
            _ => self.pattern().to_owned(),
        }
    }
}

/// How a pattern writes the id.
const ID: &str = ":id";

/// The `:id` of the account and payment pages.
#[derive(Params, Clone, Debug, PartialEq)]
pub struct IdParams {
    pub id: Option<String>,
}

/// The `:id` of the page shown, read where it is called (so a resource that
/// reads it follows the address); empty on a page without one.
pub fn use_id() -> impl Fn() -> String + Copy {
    let params = use_params::<IdParams>();
    move || {
        params
            .read()
            .as_ref()
            .ok()
            .and_then(|p| p.id.clone())
            .unwrap_or_default()
    }
}

/// The sections of the signed-in navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Home,
    Accounts,
    Pay,
    Settings,
}

impl Section {
    /// The section a path belongs to, for marking it in the navigation:
    /// paying for an account is «Оплата онлайн», the rest of an account
    /// (its page, its readings, linking one) is «Лицевые счета».
    pub fn of(path: &str) -> Option<Self> {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Some(Self::Home),
            ["pay"] | ["accounts", _, "pay"] | ["payments", ..] => Some(Self::Pay),
            ["accounts", ..] => Some(Self::Accounts),
            ["settings", ..] => Some(Self::Settings),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_marks_its_section() {
        for (path, section) in [
            ("/", Some(Section::Home)),
            ("/accounts", Some(Section::Accounts)),
            ("/accounts/link", Some(Section::Accounts)),
            ("/accounts/a1", Some(Section::Accounts)),
            ("/accounts/a1/readings", Some(Section::Accounts)),
            ("/accounts/a1/pay", Some(Section::Pay)),
            ("/accounts/pay", Some(Section::Accounts)),
            ("/pay", Some(Section::Pay)),
            ("/payments/p1", Some(Section::Pay)),
            ("/settings", Some(Section::Settings)),
            ("/login", None),
            ("/register/done", None),
        ] {
            assert_eq!(Section::of(path), section, "{path}");
        }
    }

    #[test]
    fn paths_put_the_id_in_its_place() {
        assert_eq!(Route::Home.path(), "/");
        assert_eq!(Route::LinkAccount.path(), "/accounts/link");
        assert_eq!(Route::Account("a1").path(), "/accounts/a1");
        assert_eq!(Route::Pay("a1").path(), "/accounts/a1/pay");
        assert_eq!(Route::Readings("a1").path(), "/accounts/a1/readings");
        assert_eq!(Route::Payment("p1").path(), "/payments/p1");
    }

    /// Each path is its pattern with the id in place of `:id`.
    #[test]
    fn paths_follow_the_patterns() {
        for route in Route::ALL {
            assert_eq!(route.path(), route.pattern(), "{route:?}");
            let with_id = match route {
                Route::Account(_) => Route::Account("a1"),
                Route::Pay(_) => Route::Pay("a1"),
                Route::Readings(_) => Route::Readings("a1"),
                Route::Payment(_) => Route::Payment("a1"),
                other => other,
            };
            assert_eq!(
                with_id.path(),
                route.pattern().replace(ID, "a1"),
                "{route:?}"
            );
        }
    }

    /// [`Route::ALL`] names each page once. (A page left out of it is
    /// caught by the next test as soon as the route table declares it.)
    #[test]
    fn all_names_each_route_once() {
        let mut patterns = Route::PATTERNS.to_vec();
        patterns.sort();
        patterns.dedup();
        assert_eq!(patterns.len(), Route::ALL.len());
    }

    /// The route table in `app.rs` declares exactly [`Route::PATTERNS`]:
    /// every `path!("…")` of it, the protected parent's empty path aside
    /// (its children's paths are whole).
    #[test]
    fn the_route_table_declares_every_route() {
        let app = include_str!("app.rs");
        let mut declared: Vec<&str> = app
            .split("path!(\"")
            .skip(1)
            .filter_map(|rest| rest.split_once('"'))
            .map(|(route, _)| route)
            .filter(|route| !route.is_empty())
            .collect();
        let mut listed = Route::PATTERNS.to_vec();
        declared.sort();
        listed.sort();
        assert_eq!(declared, listed);
    }
}
