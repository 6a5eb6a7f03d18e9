//! The reference server of the cabinet API (`openapi.yaml`): axum over a real
//! SQLite database. Development and end-to-end tests only.
//!
//! Where things are: [`Config`] and [`Limits`] in `config.rs`, the state
//! every handler shares ([`AppState`]) in `state.rs`, the router and what
//! requests pass through in `http/`, and the handlers in the modules named
//! for what they serve.

pub mod accounts;
pub mod captcha;
pub mod clock;
mod config;
pub mod cors;
pub mod db;
mod dev_clock;
mod fair_queue;
pub mod gateway;
pub mod hashing;
mod http;
pub mod link_proof;
pub mod mail;
pub mod maintenance;
pub mod me;
pub mod password_resets;
pub mod payments;
pub mod problem;
pub mod rate_limit;
pub mod readings;
pub mod registrations;
pub mod seed;
pub mod server;
pub mod session;
mod state;
pub mod suppliers;
pub mod tokens;
pub mod validation;

pub use config::{Config, Limits};
pub use http::{ClientIp, api_v1_paths, build_app};
pub use server::origin_of;
pub use state::{AppState, Inner};

pub type Error = Box<dyn std::error::Error + Send + Sync>;
