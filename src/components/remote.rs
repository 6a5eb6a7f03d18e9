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
        None => EitherOf3::A(view! {
            <p role="status" class="loading">
                "Загрузка…"
            </p>
        }),
        Some(Ok(value)) => EitherOf3::B(children(value)),
        Some(Err(error)) => EitherOf3::C(view! {
            <div class="alert" role="alert">
                <p>{error.to_string()}</p>
                <button type="button" on:click=move |_| resource.refetch()>
                    "Повторить"
                </button>
            </div>
        }),
    }
}
