//! `/gallery`, debug builds only: every screen in each of its states, for
//! designers and for the screenshot test (`tests/e2e/gallery.spec.ts`).
//!
//! A state is the real page with sample data and no API: the gallery puts
//! a stub in front of the one API client ([`crate::api::stub`]) that answers
//! from a [`world::World`] of fixed sample data, then does on the page what a
//! subscriber would (types, chooses, presses: [`steps`]). Each state has its
//! address, `/gallery/<screen>/<state>`; the index at `/gallery` lists them.
//! The stub is chosen once per page load, from the address, before the app
//! asks who is signed in: the index's links load the page anew.
//!
//! `lib.rs` compiles this module only with `debug_assertions`, and the app
//! reaches it only through its not-found route (where the gallery's own
//! `<Routes>` take its addresses), so a release build holds none of it:
//! every release build (`xtask/src/dist.rs`) fails if its wasm holds
//! [`TITLE`] or the sample data's captcha salt.

mod sample;
mod states;
mod steps;
mod tokens;
mod world;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Routes},
    hooks::use_params_map,
    path,
};

use crate::components::title::Title;
use crate::pages::not_found::NotFoundPage;
use states::{Part, Screen, State};
use world::World;

/// The index's heading, which the release check looks for in the wasm.
pub const TITLE: &str = "Галерея состояний";

/// `/gallery` → `Some(None)`, `/gallery/<screen>/<state>` →
/// `Some(Some((screen, state)))`, anything else `None`.
fn gallery_path(path: &str) -> Option<Option<(&str, &str)>> {
    let rest = path.strip_prefix("/gallery")?;
    if rest.is_empty() || rest == "/" {
        return Some(None);
    }
    let mut segments = rest.strip_prefix('/')?.split('/');
    match (segments.next(), segments.next(), segments.next()) {
        (Some(screen), Some(state), None) => Some(Some((screen, state))),
        _ => None,
    }
}

/// On a gallery address, answers every request of this page load from the
/// state's world (the index and unknown states: nobody signed in), and
/// starts from an empty `sessionStorage`, as a fresh tab would. Elsewhere
/// nothing: the app goes to the network as usual.
pub fn install_stub() {
    let path = window().location().pathname().unwrap_or_default();
    let Some(address) = gallery_path(&path) else {
        return;
    };
    let world = match address.and_then(|(screen, key)| states::find(screen, key)) {
        Some(state) => state.world(),
        None => {
            let mut nobody = World::default();
            nobody.user = None;
            nobody
        }
    };
    if let Ok(Some(storage)) = window().session_storage() {
        let _ = storage.clear();
    }
    world.install();
}

/// On a state's address, the address of its screen in the app (none for
/// not-found and the tokens): the header marks that page, as it does live.
pub fn shown_at() -> Option<String> {
    let path = window().location().pathname().unwrap_or_default();
    let (screen, key) = gallery_path(&path)??;
    let state = states::find(screen, key)?;
    state.screen.about().1.map(|route| route.path())
}

/// The app's not-found route in debug builds: the gallery's own routes, and
/// the not-found page for the rest.
#[component]
pub fn GalleryOrNotFound() -> impl IntoView {
    view! {
        <Routes fallback=NotFoundPage>
            <Route path=path!("/gallery") view=GalleryIndex />
            <Route path=path!("/gallery/:screen/:state") view=GalleryState />
        </Routes>
    }
}

/// One state: its page, and the subscriber's steps done on it.
#[component]
fn GalleryState() -> impl IntoView {
    let params = use_params_map();
    let params = params.read_untracked();
    let Some(state) = states::find(
        &params.get("screen").unwrap_or_default(),
        &params.get("state").unwrap_or_default(),
    ) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    leptos::task::spawn_local(steps::run(state.steps));
    state.screen.view()
}

/// A link to a state: a new page load, so that the stub follows the address.
fn state_link(state: &'static State, text: String) -> impl IntoView {
    view! {
        <li>
            <a href=state.href() rel="external">
                {text}
            </a>
        </li>
    }
}

#[component]
fn GalleryIndex() -> impl IntoView {
    let screens = Screen::ALL.map(|screen| {
        let (key, route, name) = screen.about();
        let route = match (screen, route) {
            (Screen::Tokens, _) => "style/main.css".to_owned(),
            (_, Some(route)) => route.path(),
            (_, None) => "/…".to_owned(),
        };
        let links = states::all()
            .filter(|s| s.screen == screen)
            .map(|s| state_link(s, s.title.to_owned()))
            .collect_view();
        view! {
            <section aria-labelledby=format!("screen-{key}")>
                <h3 id=format!("screen-{key}")>{name} " " <code>{route}</code></h3>
                <ul>{links}</ul>
            </section>
        }
    });
    let parts = Part::ALL.map(|part| {
        let links = states::all()
            .filter(|s| s.parts.contains(&part))
            .map(|s| state_link(s, format!("{}: {}", s.screen.about().2, s.title)))
            .collect_view();
        view! {
            <section>
                <h3>{part.name()}</h3>
                <ul>{links}</ul>
            </section>
        }
    });
    view! {
        <Title text=TITLE />
        <h1>{TITLE}</h1>
        <p>
            "Каждый экран Личного кабинета в каждом своём состоянии: настоящие страницы и компоненты "
            "с образцовыми данными, без API. Есть только в отладочной сборке (trunk serve). "
            "Действия абонента (ввод, нажатие кнопки) страница состояния выполняет сама."
        </p>
        <h2>"Экраны"</h2>
        {screens}
        <h2>"Компоненты"</h2>
        {parts}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gallery_addresses_are_read_and_others_left_alone() {
        assert_eq!(gallery_path("/gallery"), Some(None));
        assert_eq!(gallery_path("/gallery/"), Some(None));
        assert_eq!(
            gallery_path("/gallery/login/empty"),
            Some(Some(("login", "empty")))
        );
        assert_eq!(gallery_path("/gallery/login"), None);
        assert_eq!(gallery_path("/gallery/login/empty/x"), None);
        assert_eq!(gallery_path("/galleryx"), None);
        assert_eq!(gallery_path("/login"), None);
    }
}
