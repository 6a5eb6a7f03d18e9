//! Debug builds only: answers without the network, for the designers'
//! gallery (`crate::gallery`). The gallery installs a responder for the
//! state it shows; [`super::send`] asks it before going to the network, and
//! its answer is decoded exactly as the API's would be. A release build
//! holds none of this (`#[cfg(debug_assertions)]` on the module).

use std::cell::RefCell;

use gloo_net::http::Method;

use super::ApiError;

/// What the responder answers to a request.
#[derive(Clone, Debug, PartialEq)]
pub enum Canned {
    /// An HTTP answer, as the API would send it.
    Answer {
        status: u16,
        content_type: &'static str,
        retry_after: Option<&'static str>,
        body: String,
    },
    /// No answer ever: the request stays in flight.
    Never,
    /// No connection at all (offline, server down).
    Offline,
}

/// Sees a request (method, path under `/api/v1`, JSON body) and answers it,
/// or `None` to let it go to the network.
type Responder = Box<dyn Fn(&Method, &str, Option<&str>) -> Option<Canned>>;

thread_local! {
    static RESPONDER: RefCell<Option<Responder>> = const { RefCell::new(None) };
}

/// Answers every later request with `responder` (replacing an earlier one).
pub fn install(responder: impl Fn(&Method, &str, Option<&str>) -> Option<Canned> + 'static) {
    RESPONDER.with(|r| *r.borrow_mut() = Some(Box::new(responder)));
}

/// The installed responder's answer, decoded as [`super::send`] decodes the
/// network's; `None` when there is no responder or it lets the request go.
pub(super) async fn answer(
    method: &Method,
    path: &str,
    body: Option<&str>,
) -> Option<Result<String, ApiError>> {
    let canned = RESPONDER.with(|r| {
        r.borrow()
            .as_ref()
            .and_then(|respond| respond(method, path, body))
    })?;
    Some(match canned {
        Canned::Answer { status, body, .. } if (200..300).contains(&status) => Ok(body),
        Canned::Answer {
            status,
            content_type,
            retry_after,
            body,
        } => Err(ApiError::from_answer(
            status,
            content_type,
            retry_after,
            &body,
        )),
        Canned::Never => std::future::pending().await,
        Canned::Offline => Err(ApiError::Network),
    })
}
