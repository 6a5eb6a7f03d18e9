use leptos::{either::Either, prelude::*};
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_navigate};

use crate::api::{accounts, types::Supplier};
use crate::components::field::TextField;
use crate::components::form_shell::{Beside, FormShell};
use crate::components::hint::Hint;
use crate::components::outcome::Outcome;
use crate::components::remote::Remote;
use crate::components::supplier_select::SupplierSelect;
use crate::form::{Field, Form, clear};
use crate::routes::Route;
use crate::rules::account_number::{
    DEFAULT_MAX_DIGITS, account_number, account_title, digits_rule, supplier_chosen, without_spaces,
};
use crate::rules::typography::numbered;

const NUMBER_HELP_DEFAULT: &str = "Номер лицевого счета напечатан на квитанции за газ. Выберите поставщика, и здесь появится подсказка, где именно искать номер на его квитанции.";

/// `/accounts/link` — «Подключение лицевых счетов».
#[component]
pub fn LinkAccountPage() -> impl IntoView {
    let suppliers = LocalResource::new(accounts::suppliers);
    view! {
        <Title text="Подключение лицевых счетов" />
        <Hint
            id="link-help"
            topic="Подключение лицевых счетов"
            text="Подключённый лицевой счет появится на главной странице: там видны задолженность, тарифы и приборы учёта, оттуда передают показания и оплачивают газ. Один и тот же счет могут подключить несколько членов семьи, каждый в своём кабинете."
        >
            <h1>"Подключение лицевых счетов"</h1>
        </Hint>
        <p>
            "Уважаемый абонент! В данном разделе Вы можете подключить Ваши Лицевые счета, зарегистрированные у поставщика услуг к своему Личному кабинету"
        </p>
        <Remote resource=suppliers children=|list| view! { <LinkForm suppliers=list /> } />
    }
}

#[component]
fn LinkForm(suppliers: Vec<Supplier>) -> impl IntoView {
    let suppliers = StoredValue::new(suppliers);
    let supplier = Field::kept("link", "supplier_id");
    let number = Field::kept("link", "number");
    let form = Form::new(&[supplier, number]);
    // Said aloud when pasted spaces were taken out of the number.
    let spaces_removed = RwSignal::new(false);

    let chosen = move || {
        suppliers.with_value(|all| all.iter().find(|s| s.id == supplier.value.get()).cloned())
    };
    let help = Signal::derive(move || {
        chosen()
            .map(|s| s.account_rule.hint)
            .unwrap_or_else(|| NUMBER_HELP_DEFAULT.to_owned())
    });
    // The supplier's rule, always in view under the label.
    let max_digits = move || chosen().map_or(DEFAULT_MAX_DIGITS, |s| s.account_rule.max_digits);
    let rule = Signal::derive(move || digits_rule(max_digits()));
    let check_supplier = move || supplier.check(supplier_chosen(&supplier.value.read()));
    let check_number = move || {
        if let Some(clean) = without_spaces(&number.value.get_untracked()) {
            number.value.set(clean);
            spaces_removed.set(true);
        }
        number.check(account_number(&number.value.read(), max_digits()))
    };

    let link = Action::new_local(|(supplier_id, number): &(String, String)| {
        accounts::link(supplier_id.clone(), number.clone())
    });
    Effect::new(move || match link.value().get() {
        Some(Ok(_)) => clear(&[supplier, number]),
        Some(Err(error)) => match error.code() {
            Some("account_not_found") => {
                let name = chosen().map(|s| s.name).unwrap_or_default();
                let message = format!(
                    "{} не найден у поставщика «{name}». Проверьте номер по квитанции и выбранного поставщика.",
                    account_title(&number.value.get_untracked())
                );
                form.fail_on(number, message);
            }
            Some("already_linked") => form.fail_on(
                number,
                "Этот лицевой счет уже подключен к Вашему Личному кабинету.",
            ),
            // A 429 counts down, as in every form.
            _ => form.fail(&error),
        },
        None => {}
    });

    let send = move || {
        if form.check([check_supplier(), check_number()]) {
            link.dispatch((supplier.value.get(), number.value.get()));
        }
    };
    let navigate = use_navigate();
    let cancel = move |_| {
        // Back where the subscriber came from inside the app, else home.
        let history = window().history();
        match history {
            Ok(history) if history.length().unwrap_or(0) > 1 => {
                let _ = history.back();
            }
            _ => navigate(&Route::Home.path(), Default::default()),
        }
    };

    let form_view = move || {
        let cancel = cancel.clone();
        view! {
            <p>
                "Уважаемый абонент! Для подключения лицевого счета укажите его номер указанный на квитанции."
            </p>
            <FormShell form=form on_submit=send submit="Подключить" busy=link.pending()>
                <SupplierSelect
                    field=supplier
                    suppliers=suppliers.get_value()
                    validate=move || {
                        check_supplier();
                    }
                />
                <TextField
                    field=number
                    label="Лицевой счет:"
                    validate=move || {
                        check_number();
                    }
                    help=help
                    help_extra=ViewFn::from(receipt)
                    note=Some(rule)
                    inputmode="numeric"
                    autocomplete="off"
                    size="size-10"
                />
                // The same help as the «?», for whoever does not look for a «?».
                <details class="disclosure">
                    <summary>"Где найти номер лицевого счета?"</summary>
                    <div>
                        <p>{help}</p>
                        {receipt()}
                    </div>
                </details>
                <Beside slot>
                    <button type="button" on:click=cancel>
                        "Отмена"
                    </button>
                </Beside>
            </FormShell>
        }
    };

    let outcome = move || match link.value().get() {
        Some(Ok(account)) => Either::Left(view! {
            <Outcome title="Лицевой счет подключен">
                <p>
                    "Поздравляем! Все шаги пройдены, Вы можете пользоваться Личным кабинетом клиента."
                </p>
                <dl class="summary">
                    <div>
                        <dt>"Лицевой счет"</dt>
                        <dd>{numbered(&account.number)}</dd>
                    </div>
                    <div>
                        <dt>"Поставщик"</dt>
                        <dd>{account.supplier.name}</dd>
                    </div>
                    <div>
                        <dt>"Адрес"</dt>
                        <dd>{account.address}</dd>
                    </div>
                </dl>
                <p class="panel-actions">
                    <A href=Route::Account(&account.id).path() attr:class="button primary">
                        "Открыть лицевой счет"
                    </A>
                    <A href=Route::Home.path()>"На главную"</A>
                </p>
            </Outcome>
            <p>
                <button
                    type="button"
                    class="link"
                    on:click=move |_| {
                        link.value().set(None);
                        number.value.set(String::new());
                    }
                >
                    "Подключить ещё один лицевой счет"
                </button>
            </p>
        }),
        _ => Either::Right(form_view()),
    };
    view! {
        // Outside the form: still said once the account is linked.
        <Show when=move || spaces_removed.get()>
            <p class="note" role="status">
                "Пробелы из номера убраны: номер лицевого счета состоит только из цифр."
            </p>
        </Show>
        {outcome}
    }
}

/// The receipt with the number marked: in the «?» and in the disclosure.
fn receipt() -> impl IntoView {
    view! {
        <img
            src="/receipt.svg"
            width="320"
            height="200"
            loading="lazy"
            class="receipt"
            alt="Пример квитанции: номер лицевого счета напечатан в правом верхнем углу и обведён рамкой."
        />
    }
}
