//! Kabinet: the personal cabinet of a gas supplier's subscriber.
//!
//! Imports flow one way: `pages → components → (form, api, rules, session) → types`;
//! `form` holds a form's state, `components::form_shell` shows it.

pub mod api;
pub mod app;
pub mod captcha;
pub mod components;
pub mod config;
pub mod form;
pub mod lazy_routes;
// The designers' gallery: debug builds only (`trunk serve`), never a release.
#[cfg(debug_assertions)]
pub mod gallery;
pub mod pages;
pub mod routes;
pub mod rules;
pub mod session;
pub mod takeover;
pub mod timer;
