//! Where the app sends the browser, tested in headless Chromium against the
//! browser's own URL parser: the way back after login
//! (`rules::return_path::safe_next`) and the gateway's payment page
//! (`rules::payment_page`, followed by the payment form).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use kabinet::api::types::Account;
use kabinet::pages::pay::PayForm;
use kabinet::rules::payment_page::{UNUSABLE, payment_page_url};
use kabinet::rules::return_path::{local_route, resolve, safe_next};
use kabinet::timer::sleep;
use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    hooks::use_navigate,
    path,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, Url};

wasm_bindgen_test_configure!(run_in_browser);

/// The three paths of the report, which once led the router to
/// `history.pushState("//evil.example")` and a panic.
const REPORTED: [&str; 3] = [
    "/.//evil.example",
    "/a/..//evil.example",
    "/%2E//evil.example",
];

fn origin() -> String {
    window().location().origin().unwrap()
}

fn here() -> String {
    let location = window().location();
    location.pathname().unwrap() + &location.search().unwrap()
}

/// Puts the test page's address back after a test moved it.
struct KeepAddress(String);

impl KeepAddress {
    fn new() -> Self {
        Self(window().location().href().unwrap())
    }
}

impl Drop for KeepAddress {
    fn drop(&mut self) {
        let history = window().history().unwrap();
        history
            .replace_state_with_url(&JsValue::NULL, "", Some(&self.0))
            .unwrap();
    }
}

/// `history.pushState` — what the router does with the path — takes `path`
/// and the address bar then shows exactly it.
fn push_state_lands_on(path: &str) -> bool {
    let _keep = KeepAddress::new();
    let pushed = window()
        .history()
        .unwrap()
        .push_state_with_url(&JsValue::NULL, "", Some(path));
    pushed.is_ok() && here() == path
}

/// Deterministic pseudo-random numbers (xorshift64*): the same cases on every run.
struct Cases(u64);

impl Cases {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }

    /// A path made of pieces that fool path checks and pieces of the app's routes.
    fn path(&mut self) -> String {
        const PIECES: &[&str] = &[
            "/",
            "/",
            "/",
            "//",
            ".",
            "..",
            "%2E",
            "%2e",
            "%2F",
            "%5C",
            "\\",
            "\t",
            "\n",
            " ",
            ":",
            "@",
            "?",
            "#",
            "https:",
            "javascript:",
            "evil.example",
            "accounts",
            "accounts",
            "payments",
            "settings",
            "pay",
            "readings",
            "link",
            "login",
            "7",
            "a1",
        ];
        let len = self.below(9);
        let mut path = String::from(if self.below(4) == 0 { "" } else { "/" });
        for _ in 0..len {
            path.push_str(PIECES[self.below(PIECES.len())]);
        }
        path
    }
}

#[wasm_bindgen_test]
fn the_reported_paths_lead_home() {
    for path in REPORTED {
        assert_eq!(safe_next(Some(path)), "/", "{path:?}");
        // What the old check let through reads, in the browser, as another host.
        let read = Url::new_with_base(path, &origin()).unwrap();
        assert!(
            read.pathname().starts_with("//"),
            "{path:?} → {}",
            read.pathname()
        );
    }
}

#[wasm_bindgen_test]
fn other_ways_off_the_site_lead_home() {
    for hostile in [
        "//evil.example",
        "/\\evil.example",
        "/\t/evil.example",
        "/%2e/%2E//evil.example",
        "/accounts/..//evil.example/accounts",
        "/./%2e//evil.example?x=1",
        "https://evil.example/",
        "javascript:alert(1)",
        "evil.example",
        "",
        "/login",
        "/login?next=/settings",
        "/nowhere",
        "/accounts/7/8",
    ] {
        assert_eq!(safe_next(Some(hostile)), "/", "{hostile:?}");
    }
    assert_eq!(safe_next(None), "/");
}

#[wasm_bindgen_test]
fn pages_of_the_app_come_back_as_the_browser_reads_them() {
    for (next, expected) in [
        ("/settings", "/settings"),
        ("/accounts/7?x=1#top", "/accounts/7?x=1"),
        ("/accounts/./7/pay", "/accounts/7/pay"),
        ("/accounts/x/../7/readings", "/accounts/7/readings"),
        ("/%2E/settings", "/settings"),
        ("/settings?q=a b", "/settings?q=a%20b"),
        ("/payments/0123abcd", "/payments/0123abcd"),
    ] {
        assert_eq!(safe_next(Some(next)), expected, "{next:?}");
        assert!(push_state_lands_on(expected), "{expected:?}");
    }
}

/// Generated paths: whatever `safe_next` answers stays on this origin, is a
/// page of the app, reads the same when read again, is where the browser
/// itself reads `next` to lead, and `pushState` takes it.
#[wasm_bindgen_test]
fn no_generated_path_leaves_the_app() {
    let origin = origin();
    let mut cases = Cases(0x9e37_79b9_7f4a_7c15);
    let mut pages = BTreeSet::new();
    for _ in 0..3000 {
        let next = cases.path();
        let back = safe_next(Some(&next));
        assert!(
            !back.starts_with("//") && !back.contains('\\'),
            "{next:?} → {back:?}"
        );
        let read = Url::new_with_base(&back, &origin).unwrap();
        assert_eq!(read.origin(), origin, "{next:?} → {back:?}");
        if back == "/" {
            continue;
        }
        assert_eq!(local_route(&back), Some(back.as_str()), "{next:?}");
        assert_eq!(resolve(&back, &origin).as_deref(), Some(back.as_str()));
        let meant = Url::new_with_base(&next, &origin).unwrap();
        assert_eq!(meant.pathname() + &meant.search(), back, "{next:?}");
        pages.insert(back);
    }
    assert!(pages.len() > 20, "only {} pages generated", pages.len());
    // Chromium throttles a page that calls pushState hundreds of times in a
    // few seconds: a sample is enough.
    for back in pages.iter().step_by(pages.len() / 20) {
        assert!(push_state_lands_on(back), "{back:?}");
    }
}

/// The router's `navigate`, taken out of the mounted app.
type Navigate = Rc<dyn Fn(&str)>;

thread_local! {
    static NAVIGATE: RefCell<Option<Navigate>> = const { RefCell::new(None) };
}

/// Hands the router's `navigate` to the test.
#[component]
fn Navigator() -> impl IntoView {
    let navigate = use_navigate();
    NAVIGATE.with(|slot| {
        *slot.borrow_mut() = Some(Rc::new(move |path: &str| {
            navigate(path, Default::default())
        }))
    });
}

mod support;

fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> impl Drop {
    support::mount("redirects-host", view)
}

/// The router follows what `safe_next` gives for the reported paths and for
/// pages of the app, without a SecurityError from `pushState` (which once
/// panicked the router and left «Страница не найдена»).
#[wasm_bindgen_test]
async fn the_router_goes_where_safe_next_says() {
    let _keep = KeepAddress::new();
    let _app = mount(|| {
        view! {
            <Router>
                <Routes fallback=Navigator>
                    <Route path=path!("/*any") view=Navigator />
                </Routes>
            </Router>
        }
    });
    let mut navigate = None;
    for _ in 0..50 {
        navigate = NAVIGATE.with(|slot| slot.borrow().clone());
        if navigate.is_some() {
            break;
        }
        sleep(5).await;
    }
    let navigate = navigate.expect("the router is mounted");
    for next in REPORTED
        .into_iter()
        .chain(["/accounts/7/pay?x=1", "/settings", "/accounts/./7"])
    {
        let back = safe_next(Some(next));
        navigate(&back);
        for _ in 0..20 {
            if here() == back {
                break;
            }
            sleep(5).await;
        }
        assert_eq!(here(), back, "{next:?}");
    }
}

// ---- the payment page ----

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
        "holder_masked": "Иванов И.***",
    }))
    .unwrap()
}

fn pending_payment(confirmation_url: &str) -> String {
    serde_json::json!({
        "id": "p1",
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
