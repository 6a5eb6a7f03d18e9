//! Housekeeping: unconfirmed cabinets are deleted after their deadline, and
//! dead sessions, spent captchas and old links are cleared. It runs at start,
//! at most once a minute of the server's clock before an API request (so a
//! moved `--dev-clock` or a test's manual clock takes effect at once), and
//! every minute in the background.

use crate::AppState;
use crate::db::iso_date;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use rusqlite::{Connection, params};
use std::sync::atomic::Ordering;
use std::time::Duration;
use time::OffsetDateTime;

/// Seconds of the server's clock between two runs triggered by requests.
pub const INTERVAL_SECS: i64 = 60;

/// How long dead links are kept, so they can still say "expired".
const KEEP_DEAD_LINKS_SECS: i64 = 30 * 86_400;

/// Returns the number of unconfirmed cabinets deleted.
pub fn purge(
    conn: &Connection,
    now: OffsetDateTime,
    session_idle_secs: i64,
    session_absolute_secs: i64,
) -> rusqlite::Result<usize> {
    let unix = now.unix_timestamp();
    // A cabinet lives until the end (UTC) of its `confirm_until` day.
    let purged = conn.execute(
        "DELETE FROM users WHERE confirmed = 0 AND confirm_until < ?1",
        [iso_date(now.date())],
    )?;
    if purged > 0 {
        tracing::info!(purged, "deleted unconfirmed cabinets past their deadline");
    }
    // Dead sessions are kept a day, so their next request hears they expired.
    conn.execute(
        "DELETE FROM sessions WHERE last_seen_at <= ?1 OR created_at <= ?2",
        params![
            unix - session_idle_secs - 86_400,
            unix - session_absolute_secs - 86_400
        ],
    )?;
    conn.execute("DELETE FROM used_captchas WHERE expires_at <= ?1", [unix])?;
    for table in ["confirmation_tokens", "password_reset_tokens"] {
        conn.execute(
            &format!("DELETE FROM {table} WHERE expires_at <= ?1"),
            [unix - KEEP_DEAD_LINKS_SECS],
        )?;
    }
    Ok(purged)
}

pub fn run(state: &AppState) -> rusqlite::Result<usize> {
    state.last_maintenance.store(state.now(), Ordering::SeqCst);
    purge(
        &state.db(),
        state.clock().now(),
        state.config.session_idle_secs,
        state.config.session_absolute_secs,
    )
}

/// Whether the housekeeping is due: a minute of the clock has passed, or a
/// day has ended (deadlines end at midnight UTC) since it last ran.
fn due(last: i64, now: i64) -> bool {
    now - last >= INTERVAL_SECS || now.div_euclid(86_400) != last.div_euclid(86_400)
}

/// Middleware: runs the housekeeping when it is due.
pub async fn before_requests(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if due(state.last_maintenance.load(Ordering::SeqCst), state.now())
        && let Err(error) = run(&state)
    {
        tracing::error!(%error, "housekeeping failed");
    }
    next.run(request).await
}

/// Runs the housekeeping every minute while the server lives.
pub fn spawn_periodic(state: &AppState) {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return;
    };
    let weak = state.downgrade();
    runtime.spawn(async move {
        let mut ticks = tokio::time::interval(Duration::from_secs(INTERVAL_SECS as u64));
        ticks.tick().await;
        loop {
            ticks.tick().await;
            let Some(state) = AppState::upgrade(&weak) else {
                return;
            };
            if let Err(error) = run(&state) {
                tracing::error!(%error, "housekeeping failed");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::due;

    #[test]
    fn due_after_a_minute_or_at_midnight() {
        let midnight = 1_773_100_800; // 2026-03-10 00:00 UTC
        assert!(!due(midnight + 100, midnight + 159));
        assert!(due(midnight + 100, midnight + 160));
        assert!(!due(midnight - 30, midnight - 1));
        assert!(due(midnight - 30, midnight));
    }
}
