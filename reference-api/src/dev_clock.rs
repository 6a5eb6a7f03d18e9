//! `POST /api/dev/clock`: the end-to-end tests move the server's clock
//! forward (served only with `--dev-clock`).

use crate::problem::{self, Problem};
use crate::{AppState, db};
use axum::extract::State;

#[derive(serde::Deserialize)]
pub(crate) struct ClockAdvance {
    advance_seconds: i64,
}

#[derive(serde::Serialize)]
pub(crate) struct ClockNow {
    now: String,
}

/// Moves the clock `advance_seconds` forward and answers the new time.
pub(crate) async fn advance(
    State(state): State<AppState>,
    problem::Body(body): problem::Body<ClockAdvance>,
) -> Result<axum::Json<ClockNow>, Problem> {
    if body.advance_seconds < 0 {
        return Err(Problem::validation(
            [(
                "advance_seconds".to_string(),
                "Часы можно только переводить вперёд.".to_string(),
            )]
            .into(),
        ));
    }
    state.clock().advance(body.advance_seconds);
    Ok(axum::Json(ClockNow {
        now: db::rfc3339(state.clock().now()),
    }))
}
