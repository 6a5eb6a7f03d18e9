//! Serving the router over TCP, and what every answer goes through.
//!
//! `axum::serve` has no header read timeout, so a client that sends half a
//! header holds its connection forever: connections are served by hyper's
//! HTTP/1.1 builder with a timer and `header_read_timeout`. Everything after
//! the header (reading the body, answering) has its own deadline, the
//! [`deadline`] middleware.

use crate::AppState;
use crate::problem::Problem;
use axum::Router;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// How long connections may take to finish once shutdown has begun.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// `http://` and the address, as a browser would reach it: a wildcard
/// address (`0.0.0.0`, `::`) becomes the loopback one.
pub fn origin_of(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}", SocketAddr::new(ip, addr.port()))
}

/// Serves `app` on `listener` until `shutdown` completes, then lets the
/// open connections finish (for a few seconds at most). A connection that
/// has not sent a whole request header within `header_read_timeout` (also
/// between requests of a kept-alive connection) is closed.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    header_read_timeout: Duration,
    shutdown: impl Future<Output = ()>,
) {
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait, do not spin.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let router = app.clone();
        let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
            request
                .extensions_mut()
                .insert(ConnectInfo::<SocketAddr>(peer));
            router.clone().oneshot(request.map(axum::body::Body::new))
        });
        let connection = http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(header_read_timeout)
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, %peer, "connection ended with an error");
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {},
        () = tokio::time::sleep(SHUTDOWN_GRACE) => {},
    }
}

/// Everything after the request header (reading the body, answering) must be
/// done within `Config::body_read_timeout`; else 408, and the connection
/// closes (its unread body cannot be skipped).
pub async fn deadline(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(state.config.body_read_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            let mut response = Problem::for_status(StatusCode::REQUEST_TIMEOUT).into_response();
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            response
        }
    }
}

/// What every answer under `/api` carries: personal data, never cached
/// (`Cache-Control: no-store`), and an error is always problem+json (also
/// the framework's own rejections, such as a malformed path).
pub async fn api_answers(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !(path == "/api" || path.starts_with("/api/")) {
        return next.run(request).await;
    }
    let mut response = next.run(request).await;
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if (status.is_client_error() || status.is_server_error()) && !is_problem {
        response = Problem::for_status(status).into_response();
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn the_default_public_url_is_the_listen_address_as_a_browser_reaches_it() {
        assert_eq!(
            origin_of("127.0.0.1:8081".parse().unwrap()),
            "http://127.0.0.1:8081"
        );
        assert_eq!(
            origin_of("0.0.0.0:8081".parse().unwrap()),
            "http://127.0.0.1:8081"
        );
        assert_eq!(origin_of("[::]:9000".parse().unwrap()), "http://[::1]:9000");
    }
}
