//! The gateway's payment page, where the app sends the subscriber to pay:
//! the API's `confirmation_url`, followed only if it is a web page.

/// What the subscriber reads when the API's address cannot be followed.
pub const UNUSABLE: &str = "Платёжная страница недоступна: сервер прислал неверный адрес. Попробуйте позже или обратитесь в поддержку.";

/// Loopback hosts, where a gateway may answer over plain `http:` in development.
const LOOPBACK: [&str; 3] = ["127.0.0.1", "localhost", "[::1]"];

/// `url` if it is an `https:` address, or an `http:` one on a loopback host
/// (`127.0.0.1`, `localhost`, `[::1]`, any port); else [`UNUSABLE`].
///
/// Strict on purpose: `javascript:` and `data:` would run in the app's page,
/// and what a browser would silently repair is refused rather than guessed
/// at — spaces, control characters (a browser drops tabs and newlines, so
/// `java\tscript:` is `javascript:`), backslashes (`\` reads as `/`), a
/// user name (`http://127.0.0.1@evil.example` goes to `evil.example`), an
/// empty host or a port that is not a number up to 65535.
pub fn payment_page_url(url: &str) -> Result<&str, &'static str> {
    let (scheme, rest) = url.split_once("://").ok_or(UNUSABLE)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let (host, port) = split_port(authority).ok_or(UNUSABLE)?;
    let secure = scheme.eq_ignore_ascii_case("https");
    let loopback = scheme.eq_ignore_ascii_case("http")
        && LOOPBACK.iter().any(|h| h.eq_ignore_ascii_case(host));
    let plain = !url.contains(|c: char| c == '\\' || c.is_whitespace() || c.is_control());
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.parse::<u16>().is_ok());
    let host_ok = !host.is_empty() && !host.contains(['@', '%']);
    if (secure || loopback) && plain && port_ok && host_ok {
        Ok(url)
    } else {
        Err(UNUSABLE)
    }
}

/// `host:port` → (`host`, `Some(port)`); `[::1]:8081` keeps its brackets.
fn split_port(authority: &str) -> Option<(&str, Option<&str>)> {
    if authority.starts_with('[') {
        let end = authority.find(']')? + 1;
        let (host, rest) = authority.split_at(end);
        match rest.strip_prefix(':') {
            Some(port) => Some((host, Some(port))),
            None if rest.is_empty() => Some((host, None)),
            None => None,
        }
    } else {
        Some(match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        })
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
            "HTTPS://PAY.EXAMPLE/x",
            "https://pay.example:8443/x#top",
            "https://[2001:db8::1]/x",
            "http://127.0.0.1:8081/dev/pay/0123abcd",
            "http://localhost:8080/dev/pay/1",
            "http://LOCALHOST/dev/pay/1",
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
            "JavaScript://%0aalert(1)",
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
            "https:///x",
            "https://",
            "https://pay.example:/x",
            "https://pay.example:99999/x",
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
