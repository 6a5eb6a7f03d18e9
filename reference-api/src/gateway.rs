//! The fake payment gateway page, `/dev/pay/{id}`: what a bank's page would
//! be, reduced to two buttons. «Оплатить» settles the payment as succeeded
//! (recording the readings sent with it), «Отменить» as canceled; either
//! redirects (303) to the payment's return URL. It looks like a payment page
//! (designers show it) with one stylesheet of its own, allowed by its hash:
//! still no script at all.
//!
//! The page is served from the API's own origin (`Config::public_url`), and
//! its forms post to the page itself; the redirect then leaves for the web
//! app's origin (`Config::app_url`).

use crate::AppState;
use crate::problem::{ApiResult, Problem};
use crate::readings::record;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rusqlite::{OptionalExtension, params};
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// "1 234,56 ₽".
pub fn money(kop: i64) -> String {
    let rubles = (kop.abs() / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in rubles.chars().enumerate() {
        if i > 0 && (rubles.len() - i).is_multiple_of(3) {
            grouped.push('\u{a0}');
        }
        grouped.push(digit);
    }
    let sign = if kop < 0 { "-" } else { "" };
    format!("{sign}{grouped},{:02}\u{a0}₽", kop.abs() % 100)
}

/// The page's look: a payment card on a grey page, the sum large, two
/// full-size buttons. The only style the page may use (see the policy).
pub const STYLE: &str = "\
*{box-sizing:border-box}\
body{margin:0;background:#eef1f5;color:#1b1f23;font:1.125rem/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif}\
header{background:#1d2a3a;color:#fff;padding:.75rem 1rem;display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem 1rem}\
header b{letter-spacing:.02em}\
main{max-width:28rem;margin:1.5rem auto;padding:1.5rem;background:#fff;border-radius:12px;box-shadow:0 2px 12px rgb(0 0 0/.12)}\
h1{font-size:1.5rem;margin:0 0 1rem}\
dl{margin:0 0 1rem}dl div{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 1rem;padding:.5rem 0;border-bottom:1px solid #d5dce3}\
dt{color:#4a5560}dd{margin:0;font-weight:600}\
.sum{font-size:1.25rem;margin:1rem 0}.sum strong{display:block;font-size:2rem}\
.note{background:#fff4d6;border-left:4px solid #c25e00;padding:.5rem .75rem;font-size:1rem}\
form{margin:.75rem 0 0}\
button,a.button{display:flex;align-items:center;justify-content:center;text-align:center;width:100%;min-height:3rem;padding:.5rem 1rem;font:inherit;font-weight:700;border-radius:8px;cursor:pointer;\
border:2px solid #1e6b34;background:#1e6b34;color:#fff;text-decoration:none}\
button.cancel{background:#fff;color:#1b1f23;border-color:#4a5560}\
button:focus-visible,a.button:focus-visible{outline:3px solid #c25e00;outline-offset:2px}\
.done{color:#1e6b34}.stopped{color:#8a4b00}\
";

/// The page's own policy: no script, nothing loaded, only [`STYLE`] (by its
/// SHA-256); its forms may post to the page itself, and the redirect after the
/// post may go to the web app (browsers check `form-action` on redirects too).
pub fn content_security_policy(app_url: &str) -> String {
    let style = STANDARD.encode(Sha256::digest(STYLE.as_bytes()));
    format!(
        "default-src 'none'; style-src 'sha256-{style}'; form-action 'self' {app_url}; \
         base-uri 'none'; frame-ancestors 'none'"
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// How the request reached the gateway: «Защищённое соединение» is said
/// only of one that came over https (told by the TLS-terminating proxy's
/// `X-Forwarded-Proto`; the server itself speaks plain http).
fn over_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
}

fn page(title: &str, secure: bool, body: &str) -> String {
    let connection = if secure {
        "Защищённое соединение"
    } else {
        "Тестовая среда, без шифрования"
    };
    format!(
        "<!doctype html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{STYLE}</style></head><body>\
         <header><b>Тестовый платёжный шлюз</b><span>{connection}</span></header>\
         <main>{body}</main></body></html>\n"
    )
}

fn not_found(secure: bool) -> Response {
    (
        StatusCode::NOT_FOUND,
        Html(page(
            "Платеж не найден",
            secure,
            "<h1>Платеж не найден</h1><p>Проверьте ссылку на страницу оплаты.</p>",
        )),
    )
        .into_response()
}

struct Pending {
    amount_kop: i64,
    status: String,
    return_url: String,
    supplier: String,
    account: String,
    payment_number: String,
}

fn load(state: &AppState, id: &str) -> rusqlite::Result<Option<Pending>> {
    state
        .db()
        .query_row(
            "SELECT p.amount_kop, p.status, p.return_url, s.name, a.number, p.number
             FROM payments p
             JOIN supplier_accounts a ON a.id = p.account_id
             JOIN suppliers s ON s.id = a.supplier_id
             WHERE p.id = ?1",
            [id],
            |row| {
                Ok(Pending {
                    amount_kop: row.get(0)?,
                    status: row.get(1)?,
                    return_url: row.get(2)?,
                    supplier: row.get(3)?,
                    account: row.get(4)?,
                    payment_number: row.get(5)?,
                })
            },
        )
        .optional()
}

fn return_url(payment_id: &str, url: &str) -> String {
    url.replace("{id}", payment_id)
        .replace("%7Bid%7D", payment_id)
}

/// `GET /dev/pay/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let secure = over_https(&headers);
    let Some(payment) = load(&state, &id)? else {
        return Ok(not_found(secure));
    };
    let amount = money(payment.amount_kop);
    // The payment's details, the same on the page that pays and on the one
    // that says how it ended.
    let details = format!(
        "<dl><div><dt>Получатель</dt><dd>{supplier}</dd></div>\
         <div><dt>Лицевой счет</dt><dd>{account}</dd></div>\
         <div><dt>Номер платежа</dt><dd>{number}</dd></div></dl>",
        supplier = escape(&payment.supplier),
        account = escape(&payment.account),
        number = escape(&payment.payment_number),
    );
    let body = if payment.status == "pending" {
        format!(
            "<h1>Оплата услуг</h1>{details}\
             <p class=\"sum\">Сумма к оплате: <strong>{amount}</strong></p>\
             <p class=\"note\">Это тестовая страница оплаты: деньги не списываются.</p>\
             <form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"pay\">\
             <button type=\"submit\">Оплатить</button></form>\
             <form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"cancel\">\
             <button type=\"submit\" class=\"cancel\">Отменить</button></form>",
        )
    } else {
        let (class, outcome) = if payment.status == "succeeded" {
            ("done", "Платеж оплачен")
        } else {
            ("stopped", "Платеж отменен")
        };
        format!(
            "<h1 class=\"{class}\">{outcome}</h1>{details}\
             <p class=\"sum\">Сумма: <strong>{amount}</strong></p>\
             <p><a class=\"button\" href=\"{back}\">Вернуться в Личный кабинет</a></p>",
            back = escape(&return_url(&id, &payment.return_url))
        )
    };
    Ok((
        [(header::CACHE_CONTROL, "no-store")],
        Html(page("Оплата — тестовый платежный шлюз", secure, &body)),
    )
        .into_response())
}

#[derive(Deserialize)]
pub struct Decision {
    #[serde(default)]
    action: String,
}

/// `POST /dev/pay/{id}` (`action=pay|cancel`): settles a pending payment once
/// (later posts change nothing) and sends the subscriber back.
pub async fn decide(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(decision): Form<Decision>,
) -> ApiResult<Response> {
    let Some(payment) = load(&state, &id)? else {
        return Ok(not_found(over_https(&headers)));
    };
    let status = match decision.action.as_str() {
        "pay" => "succeeded",
        "cancel" => "canceled",
        _ => return Ok((StatusCode::BAD_REQUEST, "action must be pay or cancel").into_response()),
    };
    // Checked before settling: a payment is never settled without a way back.
    let back = return_url(&id, &payment.return_url);
    let Ok(location) = HeaderValue::from_str(&back) else {
        tracing::error!(payment = %id, "the return URL cannot be sent in a Location header");
        return Err(Problem::internal());
    };
    let conn = state.db();
    let settled = conn.execute(
        "UPDATE payments SET status = ?1, settled_at = ?2 WHERE id = ?3 AND status = 'pending'",
        params![status, state.now(), id],
    )?;
    if settled == 1 && status == "succeeded" {
        let (user_id, readings): (i64, String) = conn.query_row(
            "SELECT user_id, readings FROM payments WHERE id = ?1",
            [&id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        let readings: Vec<(i64, i64)> = serde_json::from_str(&readings).unwrap_or_default();
        record(&conn, user_id, Some(&id), &readings, state.clock().now())?;
    }
    Ok((StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response())
}

#[cfg(test)]
mod tests {
    use super::{STYLE, content_security_policy, money};
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use sha2::{Digest, Sha256};

    /// The policy allows the page's own stylesheet by its hash, and nothing
    /// else: no script, no other style.
    #[test]
    fn the_policy_allows_only_the_pages_style() {
        let csp = content_security_policy("http://127.0.0.1:8080");
        let hash = STANDARD.encode(Sha256::digest(STYLE.as_bytes()));
        assert!(
            csp.contains(&format!("style-src 'sha256-{hash}';")),
            "{csp}"
        );
        assert!(csp.starts_with("default-src 'none';"), "{csp}");
        assert!(
            !csp.contains("script-src") && !csp.contains("unsafe"),
            "{csp}"
        );
        assert!(!STYLE.contains("</"), "the style cannot close its element");
    }

    #[test]
    fn money_reads_as_in_russian() {
        assert_eq!(money(123_456), "1\u{a0}234,56\u{a0}₽");
        assert_eq!(money(5), "0,05\u{a0}₽");
        assert_eq!(money(-10_000), "-100,00\u{a0}₽");
        assert_eq!(money(123_456_789), "1\u{a0}234\u{a0}567,89\u{a0}₽");
    }
}
