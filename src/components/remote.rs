use leptos::{either::EitherOf3, prelude::*};

use crate::api::ApiError;

/// Shows what a `LocalResource` read: «Загрузка…» while it runs, the error
/// with «Повторить» when it failed, else `children` of the value.
///
/// A plain `match` over the resource: lighter in the wasm than the
/// Transition/ErrorBoundary/Suspend trio, and enough for a read that has no
/// partial states.
#[component]
pub fn Remote<T, F, V>(resource: LocalResource<Result<T, ApiError>>, children: F) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => EitherOf3::A(loading()),
        Some(Ok(value)) => EitherOf3::B(children(value)),
        Some(Err(error)) => EitherOf3::C(failed_with_retry(error.to_string(), move || {
            resource.refetch()
        })),
    }
}

/// The line shown while something is on its way.
pub fn loading() -> impl IntoView {
    view! {
        <p role="status" class="loading">
            "Загрузка…"
        </p>
    }
}

/// What could not be fetched, with «Повторить», which calls `retry`.
pub fn failed_with_retry(
    message: String,
    retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="alert" role="alert">
            <p>{message}</p>
            <button type="button" on:click=move |_| retry()>
                "Повторить"
            </button>
        </div>
    }
}
