use leptos::{html, prelude::*};

use crate::components::busy::{BusyStatus, BusyText};
use crate::form::Form;

/// The sending buttons of a form with meter readings, in their row with
/// what stands beside them (its children: a cancel link).
///
/// Once the API has found the readings unusual (`anomaly` holds what it
/// said), that is a warning, not an error: a yellow panel takes the row's
/// place, with the API's words, «Если показания верны, нажмите «…».» and
/// the two choices — the button that confirms them and sends, and, with
/// `recheck`, a plain submit that checks them again after a fix (and what
/// stands beside). The panel is announced and takes focus as it appears,
/// the pressed button having gone. All buttons are off while the form is
/// `busy`, the primary one saying `busy_text` with a spinner; the
/// confirming press, not a submit, waits out the form's 429 countdown as a
/// submit does.
#[component]
pub fn SendOrConfirm(
    form: Form,
    anomaly: RwSignal<Option<Vec<String>>>,
    #[prop(into)] busy: Signal<bool>,
    send: &'static str,
    confirm: &'static str,
    /// What the primary button says while the send is in flight.
    busy_text: &'static str,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(optional)] recheck: Option<&'static str>,
    /// What stands beside the buttons (a cancel link).
    #[prop(optional)]
    children: Option<ChildrenFn>,
) -> impl IntoView {
    let beside = StoredValue::new(children);
    let beside = move || beside.with_value(|b| b.as_ref().map(|b| b()));
    let panel = NodeRef::<html::Div>::new();
    Effect::new(move || {
        if let Some(el) = panel.get() {
            let _ = el.focus();
        }
    });
    view! {
        <Show
            when=move || anomaly.with(Option::is_some)
            fallback=move || {
                view! {
                    <div class="form-actions">
                        <button type="submit" class="primary" class:busy=busy disabled=busy>
                            <BusyText label=send busy_label=busy_text />
                        </button>
                        {beside()}
                    </div>
                }
            }
        >
            <div node_ref=panel class="warning anomaly" role="alert" tabindex="-1">
                {move || {
                    anomaly
                        .get()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|line| view! { <p>{line}</p> })
                        .collect_view()
                }}
                <p>
                    {format!(
                        "Если показания верны, нажмите «{confirm}».",
                    )}
                </p>
                <div class="form-actions">
                    <button
                        type="button"
                        class="primary"
                        class:busy=busy
                        disabled=busy
                        on:click=move |_| {
                            if !busy.get_untracked() && form.wait.allows_submit() {
                                on_confirm.run(());
                            }
                        }
                    >
                        <BusyText label=confirm busy_label=busy_text />
                    </button>
                    {recheck
                        .map(|label| {
                            view! {
                                <button type="submit" disabled=busy>
                                    {label}
                                </button>
                            }
                        })}
                    {beside()}
                </div>
            </div>
        </Show>
        <BusyStatus busy_label=busy_text busy=busy />
    }
}
