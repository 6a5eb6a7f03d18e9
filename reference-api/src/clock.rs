//! The server's clock. Production-like runs read the system time; `--dev-clock`
//! lets end-to-end tests move it forward, and handler tests start it at a fixed
//! instant and advance it by hand.

use std::sync::atomic::{AtomicI64, Ordering};
use time::OffsetDateTime;

#[derive(Debug)]
pub struct Clock {
    /// `None`: the system time; `Some`: a fixed start (a manual clock).
    start: Option<OffsetDateTime>,
    /// Seconds added to the base time by [`Clock::advance`].
    offset: AtomicI64,
}

impl Clock {
    pub fn system() -> Self {
        Clock {
            start: None,
            offset: AtomicI64::new(0),
        }
    }

    /// A clock that stands still at `start` until advanced.
    pub fn manual(start: OffsetDateTime) -> Self {
        Clock {
            start: Some(start),
            offset: AtomicI64::new(0),
        }
    }

    pub fn now(&self) -> OffsetDateTime {
        let base = self.start.unwrap_or_else(OffsetDateTime::now_utc);
        base + time::Duration::seconds(self.offset.load(Ordering::SeqCst))
    }

    /// Unix seconds of [`Clock::now`].
    pub fn unix(&self) -> i64 {
        self.now().unix_timestamp()
    }

    pub fn advance(&self, seconds: i64) {
        self.offset.fetch_add(seconds, Ordering::SeqCst);
    }
}
