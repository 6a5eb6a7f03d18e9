//! Who is signed in. The session itself is an HttpOnly cookie the app never
//! sees; this context only mirrors what `GET /session` says.

use leptos::{prelude::*, task::spawn_local};

use crate::api::{self, auth, types::User};

#[derive(Clone, Copy)]
pub struct Session {
    /// The signed-in subscriber, `None` when signed out.
    pub user: RwSignal<Option<User>>,
    /// `false` until the start-up check has answered.
    checked: RwSignal<bool>,
    /// Set when the API ended the session under the subscriber's feet
    /// (expired, logged out elsewhere); the login page explains it.
    pub expired: RwSignal<bool>,
}

impl Session {
    /// Creates the context, asks the API who is signed in, and listens for
    /// the API saying the session has ended.
    pub fn provide() -> Self {
        let session = Self {
            user: RwSignal::new(None),
            checked: RwSignal::new(false),
            expired: RwSignal::new(false),
        };
        provide_context(session);
        api::on_unauthenticated(move || {
            if session.user.get_untracked().is_some() {
                session.expired.set(true);
            }
            session.user.set(None);
        });
        spawn_local(async move {
            // A failure other than 401 (no network) also starts signed out:
            // the login page then says what is wrong when it is used.
            session.user.set(auth::current_user().await.ok());
            session.checked.set(true);
        });
        session
    }

    /// `None` while the start-up check is running.
    pub fn signed_in(self) -> Option<bool> {
        self.checked.get().then(|| self.user.read().is_some())
    }

    pub fn signed_in_as(self, user: User) {
        self.expired.set(false);
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
