//! Handler tests: the whole router over a temporary SQLite database, driven
//! with `oneshot`, with a manual clock.

mod support;

mod abuse;
mod accounts;
mod bodies;
mod captcha;
mod cors;
mod openapi;
mod ownership;
mod password;
mod password_resets;
mod payments;
mod rate_limits;
mod readings;
mod registrations;
mod routing;
mod server;
mod session;
mod suppliers;
