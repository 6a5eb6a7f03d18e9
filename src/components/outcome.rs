use leptos::prelude::*;

/// How a step ended, as a panel: a round mark before the heading (a tick
/// when done; an envelope for «check your mail», class `mail`; a cross when
/// stopped, class `stopped`), then what happened and what comes next. A
/// live region (`role="status"`): a screen reader reads it as it appears in
/// place of the form.
#[component]
pub fn Outcome(
    title: &'static str,
    /// `panel outcome`, `panel outcome mail` or `panel outcome stopped`.
    #[prop(default = "panel outcome")]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=class role="status">
            <h2>{title}</h2>
            {children()}
        </div>
    }
}
