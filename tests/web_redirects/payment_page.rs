//! The gateway's payment page: what `payment_page_url` follows, and the
//! payment form that refuses the rest and stays usable.

use kabinet::api::types::Account;
use kabinet::pages::pay::PayForm;
use kabinet::rules::payment_page::{UNUSABLE, payment_page_url};
use kabinet::timer::sleep;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, Url};

use super::{Cases, KeepAddress, here, mount, origin};

/// Answers every `fetch` with `status` and the JSON `body`, until dropped.
struct FakeFetch(JsValue);

impl FakeFetch {
    fn answer(status: u16, body: &str) -> Self {
        let global = js_sys::global();
        let original = js_sys::Reflect::get(&global, &"fetch".into()).unwrap();
        let body = serde_json::to_string(body).unwrap();
        let fake = js_sys::Function::new_no_args(&format!(
            "return Promise.resolve(new Response({body}, \
             {{status: {status}, headers: {{'Content-Type': 'application/json'}}}}))"
        ));
        js_sys::Reflect::set(&global, &"fetch".into(), &fake).unwrap();
        Self(original)
    }
}

impl Drop for FakeFetch {
    fn drop(&mut self) {
        js_sys::Reflect::set(&js_sys::global(), &"fetch".into(), &self.0).unwrap();
    }
}

fn account() -> Account {
    serde_json::from_value(serde_json::json!({
        "id": "a1",
        "supplier": {"id": "voronezh", "name": "Межрегионгаз Воронеж"},
        "number": "3600000001",
        "address": "г. Воронеж, ул. Ленина, д. 1, кв. 1",
        "balance_kop": 123_456,
        "readings_window": {"open": true, "from_day": 1, "to_day": 31},
        "has_meters": false,
        "holder_masked": "Иванов И.***",
    }))
    .unwrap()
}

fn pending_payment(confirmation_url: &str) -> String {
    serde_json::json!({
        "id": "p1",
        "number": "2026-000001",
        "account_id": "a1",
        "amount_kop": 123_456,
        "status": "pending",
        "created_at": "2026-11-25T08:00:00Z",
        "confirmation_url": confirmation_url,
    })
    .to_string()
}

fn pay_button() -> HtmlButtonElement {
    document()
        .query_selector("#redirects-host button[type=submit]")
        .unwrap()
        .expect("the pay button")
        .unchecked_into()
}

fn summary_text() -> String {
    document()
        .query_selector("#redirects-host #error-summary")
        .unwrap()
        .and_then(|summary| summary.text_content())
        .unwrap_or_default()
}

/// Presses «Перейти к оплате» and waits until `done` or a second has passed.
async fn pay_and_wait(done: impl Fn() -> bool) {
    pay_button().click();
    for _ in 0..100 {
        sleep(10).await;
        if done() {
            return;
        }
    }
}

#[wasm_bindgen_test]
async fn a_payment_page_that_is_not_a_web_page_is_refused_and_the_form_stays_usable() {
    // The browser itself cannot read this one: `location.assign` throws.
    let unreadable = "https://999.1.1.1/pay";
    assert!(Url::new(unreadable).is_err());
    assert!(payment_page_url(unreadable).is_ok());
    for url in [
        "javascript:window.kabinetGatewayRan=1",
        "JavaScript:window.kabinetGatewayRan=1",
        "data:text/html,<script>parent.kabinetGatewayRan=1</script>",
        "http://evil.example/pay",
        "http://127.0.0.1@evil.example/pay",
        unreadable,
    ] {
        let _keep = KeepAddress::new();
        let address = window().location().href().unwrap();
        let _fetch = FakeFetch::answer(201, &pending_payment(url));
        let _page = mount(|| {
            view! {
                <Router>
                    <PayForm account=account() />
                </Router>
            }
        });
        pay_and_wait(|| summary_text().contains(UNUSABLE)).await;
        assert!(
            summary_text().contains(UNUSABLE),
            "{url:?}: {}",
            summary_text()
        );
        assert!(!pay_button().disabled(), "{url:?}: the button works again");
        assert_eq!(window().location().href().unwrap(), address, "{url:?}");
        sleep(20).await;
        let ran = js_sys::Reflect::get(&js_sys::global(), &"kabinetGatewayRan".into()).unwrap();
        assert!(ran.is_undefined(), "{url:?} ran");
    }
}

#[wasm_bindgen_test]
async fn a_loopback_payment_page_is_followed() {
    let _keep = KeepAddress::new();
    // The test page itself, on 127.0.0.1, with a fragment: following it
    // moves the address without leaving the page.
    let gateway = format!("{}{}#gateway", origin(), here());
    assert!(payment_page_url(&gateway).is_ok(), "{gateway:?}");
    let _fetch = FakeFetch::answer(201, &pending_payment(&gateway));
    let _page = mount(|| {
        view! {
            <Router>
                <PayForm account=account() />
            </Router>
        }
    });
    pay_and_wait(|| window().location().hash().unwrap() == "#gateway").await;
    assert_eq!(window().location().hash().unwrap(), "#gateway");
    assert!(
        pay_button().disabled(),
        "no second press on the way to the gateway"
    );
    assert!(!summary_text().contains(UNUSABLE));
}

#[wasm_bindgen_test]
fn addresses_payment_page_url_takes_are_https_or_loopback_http_to_the_browser() {
    let mut cases = Cases(0x2545_f491_4f6c_dd1d);
    const SCHEMES: &[&str] = &["https://", "http://", "HTTP://", "javascript:", "data:", ""];
    const HOSTS: &[&str] = &[
        "pay.example",
        "127.0.0.1",
        "localhost",
        "[::1]",
        "127.0.0.1.evil.example",
        "evil.example",
        "user@",
        "@",
        ":8081",
        ":99999",
        "%2e",
        "\\",
        "/",
        " ",
        "\t",
        "[",
        "]",
        ".",
    ];
    let mut followed = 0;
    for _ in 0..3000 {
        let mut url = SCHEMES[cases.below(SCHEMES.len())].to_owned();
        for _ in 0..cases.below(5) {
            url.push_str(HOSTS[cases.below(HOSTS.len())]);
        }
        url.push_str(["", "/pay", "/pay?x=1", "#top"][cases.below(4)]);
        let Ok(accepted) = payment_page_url(&url) else {
            continue;
        };
        let Ok(read) = Url::new(accepted) else {
            // Thrown by `location.assign` and shown as refused: see above.
            continue;
        };
        followed += 1;
        // Plain http only to a loopback host, and no user name that would
        // make `127.0.0.1@…` another host.
        let loopback = ["127.0.0.1", "localhost", "[::1]"].contains(&read.hostname().as_str())
            && read.username().is_empty()
            && read.password().is_empty();
        assert!(
            read.protocol() == "https:" || read.protocol() == "http:" && loopback,
            "{url:?} → {}",
            read.href()
        );
    }
    assert!(
        followed > 100,
        "only {followed} generated addresses followed"
    );
}
