//! What handlers take from a request beside its body and path.

use axum::extract::ConnectInfo;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The client's address as the listener saw it (never a forwarded header,
/// which any client could forge). `0.0.0.0` when the router runs without a
/// listener, as in handler tests that do not set one.
pub struct ClientIp(pub IpAddr);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip())
                .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
        ))
    }
}

impl ClientIp {
    /// The key of the client's limits: its address, or an IPv6 client's /64
    /// (one line holds a whole /64, so its addresses are one client).
    pub fn key(&self) -> String {
        crate::hashing::client_network(self.0).to_string()
    }
}
