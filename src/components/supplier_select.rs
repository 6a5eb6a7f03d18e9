use leptos::prelude::*;

use crate::api::types::Supplier;
use crate::form::Field;

/// «Поставщик:» — the suppliers from the API, starting at «<не выбрана>».
/// The value is the supplier's id; empty while none is chosen.
#[component]
pub fn SupplierSelect(
    field: Field,
    #[prop(into)] suppliers: Signal<Vec<Supplier>>,
    #[prop(into)] validate: Callback<()>,
) -> impl IntoView {
    let Field { id, value, error } = field;
    view! {
        <div class="field" class:field-invalid=move || error.read().is_some()>
            <label for=id>"Поставщик:"</label>
            {move || error.get().map(|msg| view! { <p id=format!("{id}-error") class="error">{msg}</p> })}
            <select
                id=id
                name=id
                aria-invalid=move || error.read().is_some().then_some("true")
                aria-describedby=move || error.read().is_some().then(|| format!("{id}-error"))
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    validate.run(());
                }
                prop:value=move || value.get()
            >
                <option value="">"<не выбрана>"</option>
                <For each=move || suppliers.get() key=|s| s.id.clone() let(supplier)>
                    <option value=supplier.id.clone() selected=move || value.get() == supplier.id>{supplier.name.clone()}</option>
                </For>
            </select>
        </div>
    }
}
