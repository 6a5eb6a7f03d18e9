//! How long to wait before trying again, in words: the wording of a rate
//! limit (`429 Retry-After`) and of its countdown, and the arithmetic of
//! the countdown. Pure: the clock readings come from the caller.

/// Waits longer than this are not counted in minutes: a server that asks
/// for days means "later", and «через 16666666 мин» helps nobody.
const LONGEST_WAIT_SHOWN: u32 = 60 * 60;

/// «через 45 с», «через 3 мин», «позже»: when to try again.
pub fn retry_in(seconds: u32) -> String {
    if seconds > LONGEST_WAIT_SHOWN {
        "позже".to_owned()
    } else if seconds < 60 {
        format!("через {seconds} с")
    } else {
        format!("через {} мин", seconds.div_ceil(60))
    }
}

/// «через 42 с», «через 14 мин 5 с»: to the second, for a countdown;
/// «позже» beyond an hour.
pub fn retry_in_exact(seconds: u32) -> String {
    if seconds > LONGEST_WAIT_SHOWN {
        return retry_in(seconds);
    }
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("через {s} с"),
        (m, 0) => format!("через {m} мин"),
        (m, s) => format!("через {m} мин {s} с"),
    }
}

/// Why a form waits after most 429 answers.
pub const TOO_MANY_ATTEMPTS: &str = "Слишком много попыток.";

/// Why the link form waits when one account number had too many failed
/// attempts (`account_locked`). Said for a number that exists or not.
pub const ACCOUNT_LOCKED: &str = "Слишком много неудачных попыток подключить этот лицевой счет.";

/// The line of a rate-limit countdown with `seconds` still to wait; at 0 the
/// form may be sent again. It never says whether an account exists.
pub fn retry_countdown(seconds: u32) -> String {
    waiting(TOO_MANY_ATTEMPTS, Some(seconds))
}

/// The line of a notice that waits because of `why`: `seconds` still to
/// wait, to the second, or `None` when the server did not say how long.
pub fn waiting(why: &str, seconds: Option<u32>) -> String {
    match seconds {
        Some(0) => "Можно повторить попытку.".to_owned(),
        Some(seconds) => format!("{why} Повторите {}.", retry_in_exact(seconds)),
        None => format!("{why} Повторите через несколько минут."),
    }
}

/// Whole seconds left until `deadline_ms` (rounded up, so «1 с» lasts until
/// the very end), from clock readings in milliseconds.
pub fn seconds_left(deadline_ms: f64, now_ms: f64) -> u32 {
    let left = ((deadline_ms - now_ms) / 1000.0).ceil();
    if left.is_nan() || left <= 0.0 {
        0
    } else {
        left.min(u32::MAX as f64) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_says_when_to_try_again_to_the_second() {
        assert_eq!(
            retry_countdown(42),
            "Слишком много попыток. Повторите через 42 с."
        );
        assert_eq!(
            retry_countdown(1),
            "Слишком много попыток. Повторите через 1 с."
        );
        assert_eq!(
            retry_countdown(60),
            "Слишком много попыток. Повторите через 1 мин."
        );
        assert_eq!(
            retry_countdown(899),
            "Слишком много попыток. Повторите через 14 мин 59 с."
        );
        assert_eq!(retry_countdown(0), "Можно повторить попытку.");
    }

    #[test]
    fn a_locked_number_says_why_it_waits() {
        assert_eq!(
            waiting(ACCOUNT_LOCKED, Some(3599)),
            "Слишком много неудачных попыток подключить этот лицевой счет. Повторите через 59 мин 59 с."
        );
        assert_eq!(
            waiting(ACCOUNT_LOCKED, None),
            "Слишком много неудачных попыток подключить этот лицевой счет. Повторите через несколько минут."
        );
        assert_eq!(waiting(ACCOUNT_LOCKED, Some(0)), "Можно повторить попытку.");
    }

    #[test]
    fn seconds_left_rounds_up_and_stops_at_zero() {
        assert_eq!(seconds_left(3000.0, 0.0), 3);
        assert_eq!(seconds_left(3000.0, 1.0), 3);
        assert_eq!(seconds_left(3000.0, 2000.5), 1);
        assert_eq!(seconds_left(3000.0, 3000.0), 0);
        assert_eq!(seconds_left(3000.0, 9000.0), 0);
        assert_eq!(seconds_left(f64::NAN, 0.0), 0);
    }

    #[test]
    fn absurd_waits_read_as_later() {
        assert_eq!(
            retry_countdown(999_999_999),
            "Слишком много попыток. Повторите позже."
        );
        assert_eq!(
            retry_countdown(3600),
            "Слишком много попыток. Повторите через 60 мин."
        );
    }
}
