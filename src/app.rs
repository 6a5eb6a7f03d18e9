//! The shell of the app: session context, layout and the route table.

use leptos::{prelude::*, task::spawn_local};
use leptos_meta::{Title, provide_meta_context};
use leptos_router::{
    components::{ProtectedRoute, Route, Router, Routes},
    hooks::use_navigate,
    path,
};

use crate::api::session as api_session;
use crate::components::{banner::UnconfirmedBanner, footer::Footer, nav::Nav};
use crate::pages::{
    account::AccountPage, accounts::AccountsPage, accounts::ChooseAccountToPay,
    agreement::AgreementPage, confirm::ConfirmPage, home::HomePage, link_account::LinkAccountPage,
    login::LoginPage, pay::PayPage, payment_status::PaymentStatusPage, readings::ReadingsPage,
    register::RegisterPage, register_done::RegisterDonePage, settings::SettingsPage,
};
use crate::pages::{recover::RecoverPage, recover_confirm::RecoverConfirmPage};
use crate::session::{Session, use_session};

// Debug builds answer the gallery's addresses where the app has no route.
#[cfg(debug_assertions)]
use crate::gallery::GalleryOrNotFound as Fallback;
#[cfg(not(debug_assertions))]
use crate::pages::not_found::NotFoundPage as Fallback;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // On a gallery address, the gallery answers the session check too.
    #[cfg(debug_assertions)]
    crate::gallery::install_stub();
    let session = Session::provide();
    let signed_in = move || session.signed_in();
    // Accounts open once the e-mail is confirmed; until then the home page
    // (with the banner) is where an unconfirmed subscriber belongs.
    let confirmed = move || {
        session.signed_in().map(|_| {
            session
                .user
                .with(|u| u.as_ref().is_some_and(|u| u.confirmed))
        })
    };
    let home_or_login = move || {
        if session.user.read_untracked().is_some() {
            "/".to_owned()
        } else {
            login_path()
        }
    };

    view! {
        <Title formatter=|page: String| format!("{page} — Личный кабинет абонента") />
        <Router>
            <a class="skip-link" href="#main">"Перейти к содержанию"</a>
            <Layout>
                <Routes fallback=Fallback>
                    <Route path=path!("/register") view=RegisterPage />
                    <Route path=path!("/register/done") view=RegisterDonePage />
                    <Route path=path!("/confirm") view=ConfirmPage />
                    <Route path=path!("/login") view=LoginPage />
                    <Route path=path!("/agreement") view=AgreementPage />
                    <Route path=path!("/recover") view=RecoverPage />
                    <Route path=path!("/recover/confirm") view=RecoverConfirmPage />
                    <ProtectedRoute path=path!("/") view=HomePage condition=signed_in redirect_path=login_path />
                    <ProtectedRoute path=path!("/accounts") view=AccountsPage condition=confirmed redirect_path=home_or_login />
                    <ProtectedRoute path=path!("/accounts/link") view=LinkAccountPage condition=confirmed redirect_path=home_or_login />
                    <ProtectedRoute path=path!("/accounts/:id") view=AccountPage condition=confirmed redirect_path=home_or_login />
                    <ProtectedRoute path=path!("/accounts/:id/pay") view=PayPage condition=confirmed redirect_path=home_or_login />
                    <ProtectedRoute path=path!("/accounts/:id/readings") view=ReadingsPage condition=confirmed redirect_path=home_or_login />
                    <ProtectedRoute path=path!("/payments/:id") view=PaymentStatusPage condition=confirmed redirect_path=home_or_login />
                    <ProtectedRoute path=path!("/pay") view=ChooseAccountToPay condition=confirmed redirect_path=home_or_login />
                    <ProtectedRoute path=path!("/settings") view=SettingsPage condition=signed_in redirect_path=login_path />
                </Routes>
            </Layout>
        </Router>
    }
}

/// Navigation, the unconfirmed banner, the page, the footer.
#[component]
fn Layout(children: Children) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let logout_error = RwSignal::new(None::<String>);
    let on_logout = move || {
        let navigate = navigate.clone();
        spawn_local(async move {
            match api_session::logout().await {
                Ok(()) => {
                    logout_error.set(None);
                    // Leave first: a signed-in page that saw the session end
                    // would send the subscriber to login with a way back to it.
                    navigate("/login", Default::default());
                    session.signed_out();
                }
                Err(error) => logout_error.set(Some(format!("Выйти не удалось. {error}"))),
            }
        });
    };

    view! {
        <Nav on_logout=on_logout />
        <main id="main" tabindex="-1">
            {move || logout_error.get().map(|e| view! { <p class="alert" role="alert">{e}</p> })}
            <UnconfirmedBanner />
            {children()}
        </main>
        <Footer />
    }
}

/// `/login?next=<where the subscriber was>`, for pages that need a session.
fn login_path() -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    // Already on the way to login (after «Выход»): no way back to ask for.
    if path == "/login" {
        return path;
    }
    let here = path + &location.search().unwrap_or_default();
    format!("/login?next={}", js_sys::encode_uri_component(&here))
}
