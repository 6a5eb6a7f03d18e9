//! The shell of the app: session context, layout and the route table.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    components::{Outlet, ProtectedParentRoute, ProtectedRoute, Route, Router, Routes},
    hooks::use_navigate,
    path,
};

use crate::api::session as api_session;
use crate::components::{
    footer::Footer, home_intro::HomeFrame, nav::Nav, signed_out::SignedOutNotice,
};
use crate::lazy_routes as lazy;
use crate::routes::Route as Page;
use crate::session::{Session, use_session};

// Debug builds answer the gallery's addresses where the app has no route.
#[cfg(debug_assertions)]
use crate::gallery::GalleryOrNotFound as Fallback;
#[cfg(not(debug_assertions))]
use crate::pages::not_found::NotFoundPage as Fallback;

#[component]
pub fn App() -> impl IntoView {
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
            Page::Home.path()
        } else {
            login_path()
        }
    };

    view! {
        <Router>
            <a class="skip-link" href="#main">
                "Перейти к содержанию"
            </a>
            <Layout>
                // One route per row of `pages_table::pages!`, its guard as the
                // row's access says (`path!` takes only a literal); the test
                // below keeps the two equal.
                <Routes fallback=Fallback>
                    <Route path=path!("/register") view=lazy::register />
                    <Route path=path!("/register/done") view=lazy::register_done />
                    <Route path=path!("/confirm") view=lazy::confirm />
                    <Route path=path!("/login") view=lazy::login />
                    <Route path=path!("/agreement") view=lazy::agreement />
                    <Route path=path!("/recover") view=lazy::recover />
                    <Route path=path!("/recover/confirm") view=lazy::recover_confirm />
                    <ProtectedRoute
                        path=path!("/")
                        view=lazy::home
                        condition=signed_in
                        redirect_path=login_path
                        fallback=HomeFrame
                    />
                    <ProtectedRoute
                        path=path!("/settings")
                        view=lazy::settings
                        condition=signed_in
                        redirect_path=login_path
                    />
                    // The confirmed-only pages, under one check: the empty
                    // parent path adds nothing, so each child's path is whole.
                    <ProtectedParentRoute
                        path=path!("")
                        view=Outlet
                        condition=confirmed
                        redirect_path=home_or_login
                    >
                        <Route path=path!("/accounts") view=lazy::accounts />
                        <Route path=path!("/accounts/link") view=lazy::link_account />
                        <Route path=path!("/accounts/:id") view=lazy::account />
                        <Route path=path!("/accounts/:id/pay") view=lazy::pay />
                        <Route path=path!("/accounts/:id/readings") view=lazy::readings />
                        <Route path=path!("/payments/:id") view=lazy::payment_status />
                        <Route path=path!("/pay") view=lazy::choose_account_to_pay />
                    </ProtectedParentRoute>
                </Routes>
            </Layout>
        </Router>
    }
}

/// Navigation, the unconfirmed banner, the page, the footer.
#[component]
fn Layout(children: Children) -> impl IntoView {
    let session = use_session();
    let unconfirmed = move || {
        session
            .user
            .with(|u| u.as_ref().is_some_and(|u| !u.confirmed))
    };
    let navigate = use_navigate();
    let logout_error = RwSignal::new(None::<String>);
    let on_logout = move || {
        let navigate = navigate.clone();
        spawn_local(async move {
            match api_session::logout().await {
                Ok(()) => {
                    logout_error.set(None);
                    session.left.set(true);
                    // Leave first: a signed-in page that saw the session end
                    // would send the subscriber to login with a way back to it.
                    navigate(&Page::Login.path(), Default::default());
                    session.signed_out();
                }
                Err(error) => logout_error.set(Some(format!("Выйти не удалось. {error}"))),
            }
        });
    };

    // The gallery's pictures mark in the header the page they show.
    #[cfg(debug_assertions)]
    let shown_at = crate::gallery::shown_at();
    #[cfg(not(debug_assertions))]
    let shown_at = None;
    view! {
        <Nav on_logout=on_logout shown_at=shown_at />
        <main id="main" tabindex="-1">
            {move || {
                logout_error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="alert" role="alert">
                                {e}
                            </p>
                        }
                    })
            }}
            <SignedOutNotice />
            <Show when=unconfirmed>{lazy::unconfirmed_banner}</Show>
            {children()}
        </main>
        <Footer />
    }
}

/// `/login?next=<where the subscriber was>`, for pages that need a session.
fn login_path() -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let login = Page::Login.path();
    // Already on the way to login (after «Выход»): no way back to ask for.
    if path == login {
        return login;
    }
    let here = path + &location.search().unwrap_or_default();
    format!("{login}?next={}", js_sys::encode_uri_component(&here))
}

#[cfg(test)]
mod tests {
    use Access::{Confirmed, Public, SignedIn};
    use pages_table::{Access, PAGES};

    /// Every route of the table below, in its order: `(path, view, access)`.
    /// A route's tag may span several lines (leptosfmt breaks the long
    /// ones): its view is the first `view=` after its `path!`, its tag the
    /// last `<` before it; the protected parent's empty path shows only its
    /// children.
    fn routes(app_rs: &str) -> Vec<(&str, &str, Access)> {
        let mut parts = app_rs.split("path!(\"");
        let mut before = parts.next().unwrap_or_default();
        let mut in_parent = false;
        let mut routes = Vec::new();
        for part in parts {
            let tag = before.rsplit_once('<').map_or("", |(_, tag)| tag);
            if let Some(opened) = before.rfind("<ProtectedParentRoute") {
                in_parent = before.rfind("</ProtectedParentRoute>") < Some(opened);
            } else if before.contains("</ProtectedParentRoute>") {
                in_parent = false;
            }
            before = part;
            let (path, rest) = part.split_once('"').unwrap();
            if path.is_empty() {
                continue;
            }
            let view = rest.split_once("view=").unwrap().1;
            let view = view
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap();
            let access = match (in_parent, tag.starts_with("ProtectedRoute")) {
                (true, _) => Access::Confirmed,
                (false, true) => Access::SignedIn,
                (false, false) => Access::Public,
            };
            routes.push((path, view, access));
        }
        routes
    }

    /// The route table declares each page of the table, in its order, with
    /// its page split off (`lazy::page`) and the guard its access asks for.
    #[test]
    fn the_route_table_follows_the_pages_table() {
        let app_rs = include_str!("app.rs");
        let declared = routes(app_rs.split("#[cfg(test)]").next().unwrap());
        for (i, page) in PAGES.iter().enumerate() {
            let n = i + 1;
            let view = format!("lazy::{}", page.view);
            assert_eq!(
                declared.get(i).copied(),
                Some((page.pattern, view.as_str(), page.access)),
                "route {n} of app.rs: row {n} of the table wants \
                 `<Route path=path!(\"{}\") view={view} />` there, under the {:?} guard",
                page.pattern,
                page.access,
            );
        }
        assert_eq!(
            declared.len(),
            PAGES.len(),
            "app.rs has routes the table lacks"
        );
    }

    #[test]
    fn reads_each_route_with_its_guard() {
        let app = "<Route path=path!(\"/login\") view=lazy::login />
            <ProtectedRoute
                path=path!(\"/\")
                view=lazy::home
                condition=signed_in
            />
            <ProtectedParentRoute path=path!(\"\") view=Outlet condition=ok>
                <Route path=path!(\"/accounts/:id\") view=lazy::account />
            </ProtectedParentRoute>
            <Route path=path!(\"/x\") view=XPage />";
        assert_eq!(
            routes(app),
            [
                ("/login", "lazy::login", Public),
                ("/", "lazy::home", SignedIn),
                ("/accounts/:id", "lazy::account", Confirmed),
                ("/x", "XPage", Public),
            ]
        );
    }
}
