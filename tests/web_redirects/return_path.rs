//! The way back after login: `safe_next` against the browser's URL parser
//! and the router.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use kabinet::rules::return_path::{local_route, resolve, safe_next};
use kabinet::timer::sleep;
use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    hooks::use_navigate,
    path,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::Url;

use super::{Cases, KeepAddress, here, mount, origin};

/// The three paths of the report, which once led the router to
/// `history.pushState("//evil.example")` and a panic.
const REPORTED: [&str; 3] = [
    "/.//evil.example",
    "/a/..//evil.example",
    "/%2E//evil.example",
];
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
