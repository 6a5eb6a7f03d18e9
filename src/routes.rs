//! Links to the app's pages, typed: links, redirects and the navigation
//! write `Route::Account(id).path()` instead of spelling paths. The pages
//! themselves (path, group, who may open them) are the rows of
//! `pages_table::pages!`; the test `every_route_is_a_page` keeps each
//! [`Route::pattern`] one of them.

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
    /// Every route.
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

/// The sections of the signed-in navigation, as the pages' table marks them.
pub use pages_table::Section;

#[cfg(test)]
mod tests {
    use super::*;

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

    /// [`Route::ALL`] names each route once, and each is a page of the table.
    #[test]
    fn every_route_is_a_page() {
        let mut patterns: Vec<&str> = Route::ALL.iter().map(Route::pattern).collect();
        for pattern in &patterns {
            assert!(pages_table::PATTERNS.contains(pattern), "{pattern}");
        }
        patterns.sort();
        patterns.dedup();
        assert_eq!(patterns.len(), Route::ALL.len());
    }
}
