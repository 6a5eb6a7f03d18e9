//! Component tests in headless Chromium: `cargo test --target
//! wasm32-unknown-unknown` (runner and driver: `.cargo/config.toml`,
//! `webdriver.json`). Tests run one after another in one page.
#![cfg(target_arch = "wasm32")]

use kabinet::components::error_summary::{ErrorSummary, FormError};
use kabinet::components::field::TextField;
use kabinet::components::hint::Hint;
use kabinet::components::password_field::{PasswordField, RevealPasswords};
use kabinet::form::Field;
use leptos::{prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit, MouseEvent};

wasm_bindgen_test_configure!(run_in_browser);

mod support;

/// Mounts `view` into a fresh host. Keep the handle: dropping it unmounts.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> impl Drop {
    support::mount("test-host", view)
}

fn by_id<T: JsCast>(id: &str) -> T {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} missing"))
        .unchecked_into()
}

fn attr(id: &str, name: &str) -> Option<String> {
    by_id::<HtmlElement>(id).get_attribute(name)
}

fn focused_id() -> String {
    document()
        .active_element()
        .map(|el| el.id())
        .unwrap_or_default()
}

fn fire(id: &str, event: &str) {
    by_id::<HtmlElement>(id)
        .dispatch_event(&Event::new(event).unwrap())
        .unwrap();
}

/// Escape on `target`; the hint listens on its wrapper, so the event bubbles.
fn press_escape_on(target: &HtmlElement) {
    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn hint_open(id: &str) -> bool {
    !by_id::<HtmlElement>(id).hidden()
}

fn hint_button() -> HtmlElement {
    document()
        .query_selector(".hint-button")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn reveal_shows_and_hides_every_password_of_the_form() {
    let _page = mount(|| {
        let revealed = RwSignal::new(false);
        view! {
            <PasswordField field=Field::new("password") label="Укажите пароль" validate=|| {} revealed=revealed autocomplete="new-password" />
            <PasswordField field=Field::new("password_repeat") label="Повторите пароль" validate=|| {} revealed=revealed autocomplete="new-password" />
            <RevealPasswords checked=revealed controls="password password_repeat" />
        }
    });
    let kinds = || [attr("password", "type"), attr("password_repeat", "type")];
    assert_eq!(kinds(), [Some("password".into()), Some("password".into())]);
    assert_eq!(
        attr("password", "autocomplete").as_deref(),
        Some("new-password")
    );

    by_id::<HtmlElement>("show-password").click();
    tick().await;
    assert_eq!(kinds(), [Some("text".into()), Some("text".into())]);

    by_id::<HtmlElement>("show-password").click();
    tick().await;
    assert_eq!(kinds(), [Some("password".into()), Some("password".into())]);
}

#[wasm_bindgen_test]
async fn typed_value_survives_the_reveal() {
    let _page = mount(|| {
        let revealed = RwSignal::new(false);
        view! {
            <PasswordField field=Field::new("password") label="Пароль" validate=|| {} revealed=revealed autocomplete="current-password" />
            <RevealPasswords checked=revealed controls="password" />
        }
    });
    let input: HtmlInputElement = by_id("password");
    input.set_value("abc123456789");
    fire("password", "input");
    by_id::<HtmlElement>("show-password").click();
    tick().await;
    // Never truncated: 12 characters stay 12, to be rejected with a message.
    assert_eq!(
        by_id::<HtmlInputElement>("password").value(),
        "abc123456789"
    );
    assert_eq!(attr("password", "maxlength"), None);
}

#[wasm_bindgen_test]
async fn error_summary_takes_focus_and_links_to_fields() {
    let errors = RwSignal::new(Vec::<FormError>::new());
    let _page = mount(move || {
        view! {
            <ErrorSummary errors=errors />
            <input id="email" />
            <input id="password" />
        }
    });
    assert!(
        document().get_element_by_id("error-summary").is_none(),
        "hidden while there are no errors"
    );

    errors.set(vec![
        FormError::field("email", "Введите e-mail."),
        FormError::form("Нет связи с сервером."),
    ]);
    tick().await;

    assert_eq!(attr("error-summary", "role").as_deref(), Some("alert"));
    assert_eq!(focused_id(), "error-summary");
    let link: HtmlElement = document()
        .query_selector("#error-summary a[href='#email']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(link.text_content().as_deref(), Some("Введите e-mail."));
    let items = document().query_selector_all("#error-summary li").unwrap();
    assert_eq!(items.length(), 2);
    assert_eq!(
        items.item(1).unwrap().text_content().as_deref(),
        Some("Нет связи с сервером.")
    );

    link.click();
    assert_eq!(
        focused_id(),
        "email",
        "the link puts the cursor in its field"
    );

    // A second failed submit brings focus back to the summary.
    errors.set(vec![FormError::field("password", "Введите пароль.")]);
    tick().await;
    assert_eq!(focused_id(), "error-summary");
}

#[wasm_bindgen_test]
async fn field_error_is_tied_to_the_input() {
    let field = Field::new("email");
    let _page = mount(move || {
        view! { <TextField field=field label="E-mail (логин)" validate=move || { field.error.set(Some("Введите e-mail.".into())); } /> }
    });
    assert_eq!(attr("email", "aria-invalid"), None);
    assert_eq!(attr("email", "aria-describedby"), None);

    // Leaving an untouched field says nothing…
    fire("email", "blur");
    tick().await;
    assert_eq!(attr("email", "aria-invalid"), None);

    // …leaving a typed one validates it.
    by_id::<HtmlInputElement>("email").set_value("ivan");
    fire("email", "input");
    fire("email", "blur");
    tick().await;
    assert_eq!(attr("email", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        attr("email", "aria-describedby").as_deref(),
        Some("email-error")
    );
    assert_eq!(
        by_id::<HtmlElement>("email-error")
            .text_content()
            .as_deref(),
        Some("Введите e-mail.")
    );
}

#[wasm_bindgen_test]
async fn hint_opens_on_focus_and_escape_closes_it() {
    let field = Field::new("number");
    let _page = mount(move || {
        view! { <TextField field=field label="Лицевой счет:" validate=|| {} help="Номер указан в верхней части квитанции." /> }
    });
    // Tied to the field even while closed.
    assert_eq!(
        attr("number", "aria-describedby").as_deref(),
        Some("number-help")
    );
    assert!(!hint_open("number-help"));
    let button = hint_button();
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Подсказка: Лицевой счет:")
    );
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );

    button.focus().unwrap();
    tick().await;
    assert!(hint_open("number-help"));
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        by_id::<HtmlElement>("number-help")
            .text_content()
            .as_deref(),
        Some("Номер указан в верхней части квитанции.")
    );

    press_escape_on(&button);
    tick().await;
    assert!(!hint_open("number-help"), "Escape closes the hint");

    // Moving on to the field closes it too, and the field keeps the focus.
    button.focus().unwrap();
    tick().await;
    by_id::<HtmlElement>("number").focus().unwrap();
    tick().await;
    assert!(!hint_open("number-help"));
    assert_eq!(focused_id(), "number");
}

#[wasm_bindgen_test]
async fn hint_opens_on_hover_and_on_tap() {
    let _page = mount(|| {
        view! { <Hint id="section-help" topic="Смена пароля" text="Пароль меняется сразу.".to_string()><h2>"Смена пароля"</h2></Hint> }
    });
    let button = hint_button();
    button
        .dispatch_event(&MouseEvent::new("mouseenter").unwrap())
        .unwrap();
    tick().await;
    assert!(hint_open("section-help"), "hover opens");

    let wrapper: HtmlElement = document()
        .query_selector(".hint")
        .unwrap()
        .unwrap()
        .unchecked_into();
    wrapper
        .dispatch_event(&MouseEvent::new("mouseleave").unwrap())
        .unwrap();
    tick().await;
    assert!(!hint_open("section-help"), "leaving with the mouse closes");

    // A tap: pointerdown, focus, click. Focus opens; the click must not close it again.
    button
        .dispatch_event(&Event::new("pointerdown").unwrap())
        .unwrap();
    button.focus().unwrap();
    tick().await;
    let tap = web_sys::MouseEventInit::new();
    tap.set_detail(1);
    button
        .dispatch_event(&MouseEvent::new_with_mouse_event_init_dict("click", &tap).unwrap())
        .unwrap();
    tick().await;
    assert!(hint_open("section-help"), "a tap opens");

    // A second tap closes.
    button
        .dispatch_event(&Event::new("pointerdown").unwrap())
        .unwrap();
    button
        .dispatch_event(&MouseEvent::new_with_mouse_event_init_dict("click", &tap).unwrap())
        .unwrap();
    tick().await;
    assert!(!hint_open("section-help"), "a second tap closes");
}

fn supplier(id: &str, name: &str, hint: &str) -> kabinet::api::types::Supplier {
    kabinet::api::types::Supplier {
        id: id.into(),
        name: name.into(),
        account_rule: kabinet::api::types::AccountRule {
            max_digits: 10,
            hint: hint.into(),
            example: None,
        },
    }
}

#[wasm_bindgen_test]
async fn supplier_select_starts_unchosen_and_reports_the_choice() {
    use kabinet::components::supplier_select::SupplierSelect;
    let field = Field::new("supplier_id");
    let checks = RwSignal::new(0);
    let _page = mount(move || {
        let list = vec![
            supplier("voronezh", "Межрегионгаз Воронеж", ""),
            supplier("kirov", "Межрегионгаз Киров", ""),
        ];
        view! { <SupplierSelect field=field suppliers=list validate=move || checks.update(|n| *n += 1) /> }
    });
    let select: web_sys::HtmlSelectElement = by_id("supplier_id");
    let options: Vec<String> = (0..select.length())
        .map(|i| select.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(
        options,
        ["<не выбрана>", "Межрегионгаз Воронеж", "Межрегионгаз Киров"]
    );
    assert_eq!(select.value(), "");

    select.set_value("kirov");
    fire("supplier_id", "change");
    tick().await;
    assert_eq!(field.value.get_untracked(), "kirov");
    assert_eq!(checks.get_untracked(), 1, "a choice is checked at once");

    field.error.set(Some("Выберите поставщика.".into()));
    tick().await;
    assert_eq!(attr("supplier_id", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        attr("supplier_id", "aria-describedby").as_deref(),
        Some("supplier_id-help supplier_id-error")
    );
}

#[wasm_bindgen_test]
async fn number_hint_shows_the_suppliers_text_and_the_receipt_under_the_field() {
    let field = Field::new("number");
    let text = RwSignal::new("Номер указан вверху справа.".to_string());
    let help: Signal<String> = text.into();
    let _page = mount(move || {
        view! {
            <TextField field=field label="Лицевой счет:" validate=|| {} help=help
                help_extra=ViewFn::from(|| view! { <img src="/receipt.svg" alt="Пример квитанции" /> }) />
        }
    });
    hint_button().focus().unwrap();
    tick().await;
    let help: HtmlElement = by_id("number-help");
    assert!(!help.hidden());
    assert!(
        help.query_selector("img[alt='Пример квитанции']")
            .unwrap()
            .is_some()
    );
    // The text follows the chosen supplier.
    text.set("Номер указан в шапке квитанции.".into());
    tick().await;
    assert!(help.text_content().unwrap().contains("в шапке квитанции"));
    // Under the input, so opening it never moves the field.
    let input: HtmlElement = by_id("number");
    assert_eq!(
        input.next_element_sibling().map(|e| e.id()).as_deref(),
        Some("number-help")
    );
}

#[wasm_bindgen_test]
async fn unlink_confirmation_asks_before_doing_anything() {
    use kabinet::components::confirm_dialog::ConfirmDialog;
    let question = RwSignal::new(None::<String>);
    let answers = RwSignal::new(Vec::<&'static str>::new());
    let _page = mount(move || {
        view! {
            <ConfirmDialog question=question confirm_label="Отключить"
                on_confirm=move || { answers.update(|a| a.push("yes")); question.set(None); }
                on_cancel=move || { answers.update(|a| a.push("no")); question.set(None); } />
        }
    });
    let dialog: web_sys::HtmlDialogElement = document()
        .query_selector("dialog")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(!dialog.open());

    question.set(Some("Отключить лицевой счет № 3600000001?".into()));
    tick().await;
    assert!(dialog.open(), "shown as a modal");
    assert_eq!(
        by_id::<HtmlElement>("dialog-question")
            .text_content()
            .as_deref(),
        Some("Отключить лицевой счет № 3600000001?")
    );
    let buttons = dialog.query_selector_all("button").unwrap();
    let cancel: HtmlElement = buttons.item(1).unwrap().unchecked_into();
    assert_eq!(cancel.text_content().as_deref(), Some("Отмена"));
    cancel.click();
    tick().await;
    assert!(!dialog.open());
    assert_eq!(answers.get_untracked(), ["no"]);

    question.set(Some("Ещё раз?".into()));
    tick().await;
    let confirm: HtmlElement = buttons.item(0).unwrap().unchecked_into();
    confirm.click();
    tick().await;
    assert!(!dialog.open());
    assert_eq!(answers.get_untracked(), ["no", "yes"]);
}

#[wasm_bindgen_test]
async fn leaving_a_field_for_the_submit_button_does_not_move_the_button() {
    let field = Field::new("email");
    let _page = mount(move || {
        view! {
            <form>
                <TextField field=field label="E-mail (логин)" validate=move || field.error.set(Some("Ошибка".into())) />
                <button id="go" type="submit">"Войти"</button>
            </form>
        }
    });
    let input: HtmlInputElement = by_id("email");
    input.set_value("x");
    fire("email", "input");
    input.focus().unwrap();
    // Focus moves to the submit button: no message yet, the submit checks all.
    by_id::<HtmlElement>("go").focus().unwrap();
    tick().await;
    assert_eq!(attr("email", "aria-invalid"), None);
}

/// Waits `ms` of real time (the countdown follows the clock).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn text_of(id: &str) -> Option<String> {
    document()
        .get_element_by_id(id)
        .and_then(|el| el.text_content())
}

#[wasm_bindgen_test]
async fn rate_limit_notice_counts_down_each_second_then_allows_a_retry() {
    use kabinet::api::ApiError;
    use kabinet::components::retry_countdown::{RetryCountdown, RetryNotice};
    use std::{cell::Cell, rc::Rc};

    let made = Rc::new(Cell::new(None));
    let _page = mount({
        let made = made.clone();
        move || {
            let wait = RetryCountdown::new();
            made.set(Some(wait));
            view! { <RetryNotice countdown=wait /> <button id="send">"Войти"</button> }
        }
    });
    let wait = made.get().unwrap();
    assert_eq!(text_of("retry-notice"), None, "hidden until a 429");
    assert!(wait.allows_submit());

    // Other failures are not the countdown's to show.
    assert!(!wait.show(&ApiError::Network));
    tick().await;
    assert_eq!(text_of("retry-notice"), None);

    assert!(wait.show(&ApiError::TooManyRequests {
        retry_after: Some(2)
    }));
    tick().await;
    assert_eq!(
        text_of("retry-notice").as_deref(),
        Some("Слишком много попыток. Повторите через 2 с.")
    );
    assert_eq!(focused_id(), "retry-notice", "the notice takes focus");
    assert_eq!(attr("retry-notice", "role").as_deref(), Some("alert"));
    // The ticking line is a timer: not read out every second.
    let timer = document()
        .query_selector("#retry-notice [role=timer]")
        .unwrap();
    assert!(timer.is_some());

    // Pressing early sends nothing and reads the notice out again.
    by_id::<HtmlElement>("send").focus().unwrap();
    assert!(!wait.allows_submit());
    tick().await;
    assert_eq!(focused_id(), "retry-notice");

    sleep(1100).await;
    assert_eq!(
        text_of("retry-notice").as_deref(),
        Some("Слишком много попыток. Повторите через 1 с.")
    );
    sleep(1100).await;
    assert_eq!(
        text_of("retry-notice").as_deref(),
        Some("Можно повторить попытку.")
    );
    assert!(wait.allows_submit());
    tick().await;
    assert_eq!(text_of("retry-notice"), None, "gone with the next submit");

    // Without a usable Retry-After: a plain «later», and no countdown.
    assert!(wait.show(&ApiError::TooManyRequests { retry_after: None }));
    tick().await;
    assert_eq!(
        text_of("retry-notice").as_deref(),
        Some("Слишком много попыток. Повторите через несколько минут.")
    );
    assert!(wait.allows_submit());
}

fn account_with_balance(balance_kop: i64) -> kabinet::api::types::Account {
    use kabinet::api::types::{
        Account, AccountSummary, Meter, Reading, ReadingsWindow, SupplierRef,
    };
    Account {
        summary: AccountSummary {
            id: "a1".into(),
            supplier: SupplierRef {
                id: "voronezh".into(),
                name: "Межрегионгаз Воронеж".into(),
            },
            number: "3600000001".into(),
            address: "г. Воронеж, ул. Ленина, д. 1, кв. 1".into(),
            balance_kop,
            readings_window: ReadingsWindow {
                open: true,
                from_day: 1,
                to_day: 31,
            },
        },
        holder_masked: "Иванов И.***".into(),
        tariffs: vec![],
        meters: vec![Meter {
            id: "m1".into(),
            serial: "СГ-1".into(),
            service: "Газоснабжение".into(),
            unit: "м³".into(),
            last_reading: Some(Reading {
                value: "12345.678".into(),
                date: "2026-11-01".into(),
            }),
            verification_due: None,
        }],
    }
}

fn mount_pay_form(balance_kop: i64) -> impl Drop {
    use kabinet::pages::pay::PayForm;
    use leptos_router::components::Router;
    mount(move || view! { <Router><PayForm account=account_with_balance(balance_kop) /></Router> })
}

fn checked(id: &str) -> bool {
    by_id::<HtmlInputElement>(id).checked()
}

#[wasm_bindgen_test]
async fn payment_choice_starts_at_the_debt_and_checks_an_own_amount() {
    let _page = mount_pay_form(123_456);
    assert!(checked("pay-debt"), "the debt is the default choice");
    let debt_label = document()
        .query_selector("label[for='pay-debt']")
        .unwrap()
        .unwrap();
    assert_eq!(
        debt_label.text_content().unwrap().replace('\u{a0}', " "),
        "оплата по текущему долгу: 1 234,56 ₽"
    );
    assert!(
        document().get_element_by_id("amount_kop").is_none(),
        "no amount field for the debt"
    );

    by_id::<HtmlElement>("pay-own").click();
    tick().await;
    let amount: HtmlInputElement = by_id("amount_kop");
    amount.set_value("1,234");
    fire("amount_kop", "input");
    let form: web_sys::HtmlFormElement = document()
        .query_selector("form")
        .unwrap()
        .unwrap()
        .unchecked_into();
    form.request_submit().unwrap();
    tick().await;
    assert_eq!(attr("amount_kop", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        by_id::<HtmlElement>("amount_kop-error")
            .text_content()
            .as_deref(),
        Some("После запятой — не больше двух цифр (копейки), например 100,50.")
    );
    assert_eq!(focused_id(), "error-summary");
    assert_eq!(
        by_id::<HtmlInputElement>("amount_kop").value(),
        "1,234",
        "nothing typed is lost"
    );
}

#[wasm_bindgen_test]
async fn payment_choice_offers_readings_of_the_accounts_meters() {
    let _page = mount_pay_form(123_456);
    assert!(document().get_element_by_id("reading-1").is_none());
    by_id::<HtmlElement>("pay-readings").click();
    tick().await;
    let note = by_id::<HtmlElement>("reading-1-note")
        .text_content()
        .unwrap();
    assert!(
        note.starts_with("Предыдущие показания: 12345,678\u{a0}м³ от 01.11.2026."),
        "{note}"
    );
    // The unit after the input, read with it.
    assert_eq!(text_of("reading-1-suffix").as_deref(), Some("м³"));
    assert!(
        attr("reading-1", "aria-describedby")
            .unwrap()
            .starts_with("reading-1-suffix ")
    );
}

#[wasm_bindgen_test]
async fn without_a_debt_the_debt_option_is_not_offered() {
    let _page = mount_pay_form(-10_000);
    assert!(document().get_element_by_id("pay-debt").is_none());
    assert!(checked("pay-own"));
    assert!(
        document()
            .body()
            .unwrap()
            .text_content()
            .unwrap()
            .contains("Задолженности нет")
    );
}
