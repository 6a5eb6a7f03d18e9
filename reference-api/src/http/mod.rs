//! The server's HTTP face: the routes and what they pass through
//! ([`router`], [`csrf`]), and what handlers take from a request beside its
//! body ([`extractors`]). The handlers themselves live in the modules named
//! for what they serve (`registrations`, `session`, `payments`, …).

mod csrf;
mod extractors;
mod router;

pub use extractors::ClientIp;
pub use router::{api_v1_paths, build_app};
