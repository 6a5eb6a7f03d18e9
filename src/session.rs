//! Who is signed in. The session itself is an HttpOnly cookie the app never
//! sees; this context only mirrors what `GET /session` says.

use leptos::{prelude::*, task::spawn_local};

use crate::api::{self, ApiError, types::User};
use crate::timer::sleep;

#[derive(Clone, Copy)]
pub struct Session {
    /// The signed-in subscriber, `None` when signed out.
    pub user: RwSignal<Option<User>>,
    /// `false` until the start-up check has answered.
    checked: RwSignal<bool>,
    /// Set when the API ended the session under the subscriber's feet
    /// (expired, logged out elsewhere); the login page explains it.
    pub expired: RwSignal<bool>,
    /// Set when the subscriber has just left by «Выход» in this tab; the
    /// page they land on says so (`components/signed_out.rs`). Held in
    /// memory only: a reload or a plain visit of /login says nothing, and
    /// nothing in the address can make it speak.
    pub left: RwSignal<bool>,
}

impl Session {
    /// Creates the context, asks the API who is signed in, and listens for
    /// the API saying the session has ended.
    pub fn provide() -> Self {
        let session = Self {
            user: RwSignal::new(None),
            checked: RwSignal::new(false),
            expired: RwSignal::new(false),
            left: RwSignal::new(false),
        };
        provide_context(session);
        api::on_unauthenticated(move || {
            if session.user.get_untracked().is_some() {
                session.expired.set(true);
            }
            session.user.set(None);
        });
        spawn_local(async move {
            let mut answer = api::session::current_user().await;
            // No answer at all (a phone between networks): ask twice more
            // before starting signed out, so a reload does not log out.
            for delay_ms in [1000, 3000] {
                if answer != Err(ApiError::Network) {
                    break;
                }
                sleep(delay_ms).await;
                answer = api::session::current_user().await;
            }
            // Still no answer (or a failure other than 401): start signed
            // out; the login page says what is wrong when it is used. A
            // login or a confirmation that answered meanwhile is newer than
            // this check (which may have gone out before its cookie): keep it.
            if !session.checked.get_untracked() {
                session.user.set(answer.ok());
                session.checked.set(true);
            }
        });
        session
    }

    /// `None` while the start-up check is running.
    pub fn signed_in(self) -> Option<bool> {
        self.checked.get().then(|| self.user.read().is_some())
    }

    pub fn signed_in_as(self, user: User) {
        self.expired.set(false);
        self.left.set(false);
        self.user.set(Some(user));
        self.checked.set(true);
    }

    pub fn signed_out(self) {
        self.user.set(None);
    }
}

pub fn use_session() -> Session {
    expect_context()
}
