use leptos::prelude::*;

use crate::api::types::Supplier;
use crate::components::field::FieldError;
use crate::components::hint::{HintButton, HintState, HintText};
use crate::form::Field;

const SUPPLIER_HELP: &str = "Выберите организацию, которая присылает Вам квитанции за газ: её название напечатано в шапке квитанции. Если у Вас несколько квартир или домов в разных регионах, подключите каждый лицевой счет отдельно.";

/// «Поставщик:» — the suppliers from the API, starting at «<не выбрана>».
/// The value is the supplier's id; empty while none is chosen.
#[component]
pub fn SupplierSelect(
    field: Field,
    #[prop(into)] suppliers: Signal<Vec<Supplier>>,
    #[prop(into)] validate: Callback<()>,
) -> impl IntoView {
    let Field { id, value, error } = field;
    let hint = HintState::new();
    view! {
        <div class="field" class:field-invalid=move || error.read().is_some() node_ref=hint.area()>
            <div class="hint-head">
                <label for=id>"Поставщик:"</label>
                <HintButton state=hint topic="Поставщик:" controls=format!("{id}-help") />
            </div>
            <FieldError id=id error=error />
            <select
                id=id
                name=id
                aria-invalid=move || error.read().is_some().then_some("true")
                aria-describedby=move || {
                    if error.read().is_some() {
                        format!("{id}-help {id}-error")
                    } else {
                        format!("{id}-help")
                    }
                }
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    validate.run(());
                }
                prop:value=move || value.get()
            >
                <option value="">"<не выбрана>"</option>
                <For each=move || suppliers.get() key=|s| s.id.clone() let(supplier)>
                    <option value=supplier.id.clone() selected=move || value.get() == supplier.id>
                        {supplier.name.clone()}
                    </option>
                </For>
            </select>
            <HintText state=hint id=format!("{id}-help") text=SUPPLIER_HELP />
        </div>
    }
}
