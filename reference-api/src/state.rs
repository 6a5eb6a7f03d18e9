//! What every handler shares: the [`Config`], the database connection, the
//! rate limiter, the password-hashing gate and the keys made at start.

use crate::clock::Clock;
use crate::config::Config;
use crate::hashing::{self, HashGate};
use crate::problem::Problem;
use crate::rate_limit::{RateLimiter, Rule};
use crate::{Error, db, seed};
use rusqlite::Connection;
use std::ops::Deref;
use std::sync::{Arc, Mutex, MutexGuard};

pub struct Inner {
    pub config: Config,
    db: Mutex<Connection>,
    pub captcha_key: [u8; 32],
    pub limiter: RateLimiter,
    /// Every password hash goes through here.
    pub hashing: HashGate,
    /// A hash verified when a login names an unknown e-mail, so timing does not tell.
    pub dummy_hash: String,
    /// The clock's unix seconds at the last housekeeping run.
    pub last_maintenance: std::sync::atomic::AtomicI64,
}

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// Opens (and migrates) the database, loads the seed data into it, and
    /// makes this run's captcha key and dummy hash.
    pub fn new(config: Config) -> Result<Self, Error> {
        let mut conn = db::open(&config.database)?;
        seed::load(&mut conn)?;
        Ok(AppState(Arc::new(Inner {
            captcha_key: rand::random(),
            limiter: RateLimiter::default(),
            dummy_hash: hashing::hash_password(
                &mut Vec::new(),
                &hex::encode(rand::random::<[u8; 16]>()),
            )
            .map_err(|e| format!("hashing: {e}"))?,
            db: Mutex::new(conn),
            hashing: HashGate::new(config.hashing),
            config,
            last_maintenance: Default::default(),
        })))
    }

    pub fn downgrade(&self) -> std::sync::Weak<Inner> {
        Arc::downgrade(&self.0)
    }

    pub fn upgrade(weak: &std::sync::Weak<Inner>) -> Option<AppState> {
        weak.upgrade().map(AppState)
    }

    pub fn db(&self) -> MutexGuard<'_, Connection> {
        self.0.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn clock(&self) -> &Clock {
        &self.config.clock
    }

    pub fn now(&self) -> i64 {
        self.config.clock.unix()
    }

    /// Counts a request against a limit.
    pub fn limit(&self, name: &'static str, key: &str, rule: Rule) -> Result<(), Problem> {
        self.limiter.check(name, key, rule, self.now())
    }
}
