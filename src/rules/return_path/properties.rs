//! Property tests of the return path rules: nothing accepted leaves the app.
//! No input may panic and what comes out must have the promised shape or read
//! back to what went in (see `rules/strategies.rs` for the inputs tried).

use proptest::prelude::*;

use super::{ROUTES, is_app_route, is_plain_path, local_route};
use crate::rules::strategies::{text, tricky_path};

/// A page of the app with generated ids and an optional query.
fn app_page() -> impl Strategy<Value = String> {
    (
        prop::sample::select(ROUTES),
        "[A-Za-z0-9_~-]{1,17}",
        prop::option::of("[A-Za-z0-9=&%._~-]{0,12}"),
    )
        .prop_map(|(route, id, query)| {
            let path = route.replace(":id", &id);
            query.map_or(path.clone(), |q| format!("{path}?{q}"))
        })
}

proptest! {
    #[test]
    fn nothing_accepted_leaves_the_app(input in prop_oneof![text(), tricky_path(), app_page()]) {
        if let Some(path) = local_route(&input) {
            prop_assert_eq!(path, input.as_str());
            prop_assert!(path.starts_with('/') && !path.starts_with("//"), "{:?}", path);
            prop_assert!(!path.contains('\\') && !path.chars().any(char::is_control), "{:?}", path);
            // No scheme: nothing stands before the first `/`.
            prop_assert_eq!(path.split('/').next(), Some(""));
            let pathname = path.split('?').next().unwrap_or_default();
            prop_assert!(is_app_route(pathname) && pathname != "/login", "{:?}", path);
        }
        if is_plain_path(&input) {
            prop_assert!(input.starts_with('/') && !input.starts_with("//"), "{:?}", input);
            prop_assert!(!input.contains('\\') && !input.bytes().any(|b| b < b' ' || b == 0x7f), "{:?}", input);
        }
    }

    #[test]
    fn every_page_of_the_app_is_a_way_back_but_login(page in app_page()) {
        let pathname = page.split('?').next().unwrap_or_default();
        prop_assert!(is_app_route(pathname), "{:?}", pathname);
        let expected = (pathname != "/login").then_some(page.as_str());
        prop_assert_eq!(local_route(&page), expected);
    }

    #[test]
    fn a_page_bent_out_of_shape_is_refused(page in app_page(), bend in 0..5_u8) {
        let pathname = page.split('?').next().unwrap_or_default();
        let bent = match bend {
            0 => format!("/{pathname}"),
            1 => format!("{pathname}/"),
            2 => format!("{pathname}/."),
            3 => format!("{pathname}/.."),
            _ => format!("\\{pathname}"),
        };
        prop_assert!(!is_app_route(&bent), "{:?}", bent);
        prop_assert_eq!(local_route(&bent), None);
    }
}
