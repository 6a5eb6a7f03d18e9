use leptos::{either::Either, prelude::*};
use leptos_router::{components::A, hooks::use_navigate};

use crate::api::accounts::{self, Link};
use crate::api::types::{LinkProof, ProofKind, Supplier};
use crate::components::field::TextField;
use crate::components::form_shell::{Beside, FormShell};
use crate::components::hint::Hint;
use crate::components::outcome::Outcome;
use crate::components::remote::Remote;
use crate::components::supplier_select::SupplierSelect;
use crate::components::title::Title;
use crate::form::{Field, Form, FormError, clear};
use crate::routes::Route;
use crate::rules::account_number::{
    DEFAULT_MAX_DIGITS, account_number, digits_rule, supplier_chosen, without_spaces,
};
use crate::rules::link_proof::{input_mode, proof as proof_rule};
use crate::rules::typography::{self, numbered};

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
    // The datum of the receipt the chosen supplier asks for (`link_proof`).
    let proof = Field::kept("link", "proof");
    let form = Form::new(&[supplier, number, proof]);
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
    // What the chosen supplier asks; the field stays hidden until one is chosen.
    let asked = Memo::new(move |_| chosen().map(|s| s.link_proof));
    let kind = Memo::new(move |_| asked.read().as_ref().map(|ask| ask.kind));
    // Another kind of datum: the old message spoke of the other one.
    Effect::new(move |before: Option<Option<ProofKind>>| {
        let now = kind.get();
        if before.is_some_and(|before| before != now) {
            proof.error.set(None);
        }
        now
    });
    let check_supplier = move || supplier.check(supplier_chosen(&supplier.value.read()));
    let check_number = move || {
        if let Some(clean) = without_spaces(&number.value.get_untracked()) {
            number.value.set(clean);
            spaces_removed.set(true);
        }
        number.check(account_number(&number.value.read(), max_digits()))
    };
    // No supplier, no datum asked yet: the supplier's own message says it.
    let check_proof = move || {
        kind.get_untracked()
            .and_then(|kind| proof.check(proof_rule(&proof.value.read(), kind).map(|_| ())))
    };

    let link = Action::new_local(|link: &Link| accounts::link(link.clone()));
    Effect::new(move || match link.value().get() {
        Some(Ok(_)) => clear(&[supplier, number, proof]),
        Some(Err(error)) => match error.code() {
            // An unknown number and a wrong datum: one answer, which tells
            // neither (so nothing says whether a number exists).
            Some("account_not_found") => {
                // Untracked: choosing another supplier later does not say it again.
                let name = untrack(chosen).map(|s| s.name).unwrap_or_default();
                form.show(vec![FormError::form(not_found(&name))]);
            }
            Some("already_linked") => form.fail_on(
                number,
                "Этот лицевой счет уже подключен к Вашему Личному кабинету.",
            ),
            // A 429 counts down, as in every form; a locked number says why.
            _ => form.fail(&error),
        },
        None => {}
    });

    let send = move || {
        if form.check([check_supplier(), check_number(), check_proof()])
            && let Some(kind) = kind.get_untracked()
            && let Ok(sent) = proof_rule(&proof.value.get_untracked(), kind)
        {
            link.dispatch(Link {
                supplier_id: supplier.value.get_untracked(),
                number: number.value.get_untracked(),
                proof: sent,
            });
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
            <FormShell
                form=form
                on_submit=send
                submit="Подключить"
                busy_text="Подключаем…"
                busy=link.pending()
            >
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
                    // Wider than the rule's 10 digits: a number typed too
                    // long stays whole in view beside its message.
                    size="size-12"
                />
                {move || {
                    asked
                        .get()
                        .map(|ask| {
                            view! {
                                <ProofField
                                    field=proof
                                    ask=ask
                                    validate=move || {
                                        check_proof();
                                    }
                                />
                            }
                        })
                }}
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
                        <dd>{typography::address(&account.address)}</dd>
                    </div>
                </dl>
                <p class="panel-actions">
                    <A href=Route::Account(&account.id).path() attr:class="button primary">
                        "Открыть лицевой счет"
                    </A>
                    <A href=Route::Home.path()>"На главную"</A>
                </p>
            </Outcome>
            <p class="link-line">
                <button
                    type="button"
                    class="link"
                    on:click=move |_| {
                        link.value().set(None);
                        number.value.set(String::new());
                        proof.value.set(String::new());
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

/// The one answer to a number unknown at `supplier` and to a wrong datum.
fn not_found(supplier: &str) -> String {
    format!(
        "Лицевой счет с такими данными не найден у поставщика «{supplier}». Проверьте номер и данные квитанции."
    )
}

/// The datum of the receipt the supplier asks, labelled and explained in
/// its words, with the app's picture of where that datum is.
#[component]
fn ProofField(field: Field, ask: LinkProof, #[prop(into)] validate: Callback<()>) -> impl IntoView {
    let kind = ask.kind;
    let note = Some(Signal::stored(format!("Например: {}", ask.example)));
    view! {
        <TextField
            field=field
            label=format!("{}:", ask.label)
            validate=validate
            help=Signal::stored(ask.hint)
            help_extra=ViewFn::from(move || proof_receipt(kind))
            note=note
            inputmode=input_mode(kind)
            autocomplete="off"
            size="size-12"
        />
    }
}

/// The receipt with the datum marked, one picture per kind.
fn proof_receipt(kind: ProofKind) -> impl IntoView {
    let (src, alt) = match kind {
        ProofKind::MeterSerial => (
            "/receipt-meter.svg",
            "Пример квитанции: заводской номер счетчика напечатан в середине, в блоке «Приборы учёта», и обведён рамкой.",
        ),
        ProofKind::LastBillAmount => (
            "/receipt-amount.svg",
            "Пример квитанции: сумма начисления за месяц напечатана внизу, в строке «Начислено за месяц, ₽», и обведена рамкой.",
        ),
    };
    view! { <img src=src width="320" height="240" loading="lazy" class="receipt" alt=alt /> }
}

/// The receipt with the number marked, in the number's «?».
fn receipt() -> impl IntoView {
    view! {
        <img
            src="/receipt.svg"
            width="320"
            height="240"
            loading="lazy"
            class="receipt"
            alt="Пример квитанции: номер лицевого счета напечатан в правом верхнем углу и обведён рамкой."
        />
    }
}
