//! Property tests of the payment page rule: only https (or loopback http) is
//! followed. No input may panic and what comes out must have the promised
//! shape or read back to what went in (see `rules/strategies.rs` for the
//! inputs tried).

use proptest::prelude::*;

use super::{UNUSABLE, payment_page_url};
use crate::rules::strategies::{text, tricky_path};

proptest! {
    #[test]
    fn https_pages_are_followed(
        scheme in Just("https"),
        host in "[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?){0,3}",
        port in prop::option::of(any::<u16>()),
        rest in "(/[A-Za-z0-9._~%-]{0,8}){0,4}(\\?[A-Za-z0-9=&]{0,10})?",
    ) {
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        let url = format!("{scheme}://{host}{port}{rest}");
        prop_assert_eq!(payment_page_url(&url), Ok(url.as_str()));
    }

    #[test]
    fn plain_http_is_followed_on_loopback_only(
        host in prop_oneof![
            prop::sample::select(&["127.0.0.1", "localhost", "[::1]"][..]).prop_map(str::to_owned),
            "[a-z0-9.-]{1,20}",
        ],
        port in prop::option::of(any::<u16>()),
        rest in "(/[A-Za-z0-9._~%-]{0,8}){0,4}",
    ) {
        let loopback = ["127.0.0.1", "localhost", "[::1]"].contains(&host.as_str());
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        let url = format!("http://{host}{port}{rest}");
        let expected = if loopback { Ok(url.as_str()) } else { Err(UNUSABLE) };
        prop_assert_eq!(payment_page_url(&url), expected);
    }

    #[test]
    fn scripts_and_other_schemes_are_never_followed(
        scheme in prop_oneof![Just("javascript:"), Just("JavaScript:"), Just("data:"), Just("vbscript:"), Just("blob:"), Just("file:"), Just("ftp:"), Just("")],
        rest in prop_oneof![text(), tricky_path()],
    ) {
        // No scheme before text that itself begins with an accepted one
        // (`https://.`) is that scheme, not another.
        prop_assume!(!(scheme.is_empty() && (rest.starts_with("https://") || rest.starts_with("http://"))));
        let url = format!("{scheme}{rest}");
        prop_assert_eq!(payment_page_url(&url), Err(UNUSABLE));
    }

    #[test]
    fn any_address_followed_is_https_or_loopback_http(input in prop_oneof![text(), tricky_path(), "(https?|HTTPS?)://[a-z0-9.:@\\[\\]%\\\\/ -]{0,20}"]) {
        match payment_page_url(&input) {
            Ok(url) => {
                prop_assert_eq!(url, input.as_str());
                prop_assert!(url.bytes().all(|b| b.is_ascii_graphic() && b != b'\\'), "{:?}", url);
                let (scheme, rest) = url.split_once("://").expect("a scheme");
                let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
                if scheme != "https" {
                    prop_assert_eq!(scheme, "http", "{:?}", url);
                    let host = authority.rsplit_once(':').filter(|(_, port)| !port.contains(']')).map_or(authority, |(host, _)| host);
                    prop_assert!(["127.0.0.1", "localhost", "[::1]"].contains(&host), "{:?}", url);
                    // Nothing after the host but a port: no `@` sends it elsewhere.
                    let port = &authority[host.len()..];
                    prop_assert!(port.is_empty() || port.starts_with(':') && port[1..].bytes().all(|b| b.is_ascii_digit()), "{:?}", url);
                }
            }
            Err(message) => prop_assert_eq!(message, UNUSABLE),
        }
    }
}
