//! The gateway's payment page, where the app sends the subscriber to pay:
//! the API's `confirmation_url`, followed only if it is a web page.

/// What the subscriber reads when the API's address cannot be followed.
pub const UNUSABLE: &str = "Платёжная страница недоступна: сервер прислал неверный адрес. Попробуйте позже или обратитесь в поддержку.";

/// `url` if it is an `https:` address, or an `http:` one on a loopback host
/// (`127.0.0.1`, `localhost`, `[::1]`, any port), where a gateway may answer
/// in development; else [`UNUSABLE`].
///
/// Strict on purpose: `javascript:` and `data:` would run in the app's page,
/// and what a browser would silently repair is refused rather than guessed
/// at — anything but printable ASCII (a browser drops tabs and newlines, so
/// `java\tscript:` is `javascript:`), backslashes (`\` reads as `/`), a
/// user name before a loopback host (`http://127.0.0.1@evil.example` goes to
/// `evil.example`), a port that is not digits, and upper case in the scheme
/// or the loopback host (the API writes them in lower case). An `https:`
/// address the browser still cannot read (a port above 65535, no host) makes
/// `location.assign` throw, which the payment form reports the same way.
pub fn payment_page_url(url: &str) -> Result<&str, &'static str> {
    let (rest, secure) = match url.strip_prefix("https://") {
        Some(rest) => (rest, true),
        None => (url.strip_prefix("http://").ok_or(UNUSABLE)?, false),
    };
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = &rest[..end];
    // The port follows the last colon, unless `[::1]`'s bracket comes after
    // it; digits only, so that `http://127.0.0.1:1@evil.example` is no port.
    let (host, port) = match authority.bytes().rposition(|b| b == b':' || b == b']') {
        Some(colon) if authority.as_bytes()[colon] == b':' => {
            (&authority[..colon], &authority[colon + 1..])
        }
        _ => (authority, ""),
    };
    let port_ok = port.bytes().all(|b| b.is_ascii_digit());
    let plain = url.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    let loopback = matches!(host, "127.0.0.1" | "localhost" | "[::1]");
    if (secure || loopback) && !host.is_empty() && plain && port_ok {
        Ok(url)
    } else {
        Err(UNUSABLE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_pages_and_loopback_http_are_followed() {
        for good in [
            "https://pay.example/checkout?id=1",
            "https://pay.example",
            "https://pay.example:8443/x#top",
            "https://user@pay.example/x",
            "https://pay.example:65535/x",
            "https://[2001:db8::1]/x",
            "http://127.0.0.1:8081/dev/pay/0123abcd",
            "http://localhost:8080/dev/pay/1",
            "http://[::1]:8081/dev/pay/1",
            "http://127.0.0.1/dev/pay/1",
        ] {
            assert_eq!(payment_page_url(good), Ok(good), "{good:?}");
        }
    }

    #[test]
    fn anything_else_is_refused_with_a_message() {
        for bad in [
            "javascript:alert(1)",
            // No host at all (found by the property test).
            "https://",
            "https:///dev/pay/1",
            "JavaScript://%0aalert(1)",
            "HTTPS://pay.example/x",
            "http://LOCALHOST/dev/pay/1",
            "https://пример.рф/",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "http://pay.example/checkout",
            "http://192.168.0.1/pay",
            "http://127.0.0.1.evil.example/pay",
            "http://localhost.evil.example/pay",
            "http://127.0.0.1@evil.example/pay",
            "http://127.0.0.1:8081@evil.example/pay",
            "http://user:pw@localhost/pay",
            "http://127.0.0.1\\@evil.example/",
            "http://[::1].evil.example/",
            "http://[::1]evil.example/",
            "http://localhost%2eevil.example/",
            " https://pay.example/",
            "https://pay.example/ x",
            "https://pay.example/\n",
            "https://pay.example:8o/x",
            "//pay.example/x",
            "/dev/pay/1",
            "ftp://pay.example/",
            "",
        ] {
            assert_eq!(payment_page_url(bad), Err(UNUSABLE), "{bad:?}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
