use leptos::prelude::*;

/// How a step ended, as a panel: a round mark before the heading (a tick
/// when done; an envelope for «check your mail», `kind="mail"`; a cross when
/// stopped, `kind="stopped"`), then what happened and what comes next. A
/// live region (`role="status"`): a screen reader reads it as it appears in
/// place of the form.
#[component]
pub fn Outcome(
    title: &'static str,
    #[prop(optional)] kind: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=format!("panel outcome {kind}") role="status">
            <h2>{title}</h2>
            {children()}
        </div>
    }
}
